// Writes every code's phrase and description from the module generated
// for tests/lang/awkward.yaml, each followed by a NUL byte, in code
// order.  tests/test_roundtrip.sh compiles it next to the module.
import { Awkward, statusDescription, statusText } from "./awkward";

declare const process: {
  stdout: { write(s: string): boolean };
  exitCode?: number;
};

const codes = Array.from(new Set<number>(Object.values(Awkward)));
codes.sort((a, b) => a - b);
let out = "";
for (const code of codes) {
  out += statusText(code) + "\0" + statusDescription(code) + "\0";
}
process.stdout.write(out);
if (Awkward.OLD_QUOTE !== Awkward.QUOTE_BACKSLASH || statusText(444) !== "") {
  console.error("print.ts: the module disagrees with itself");
  process.exitCode = 1;
}
