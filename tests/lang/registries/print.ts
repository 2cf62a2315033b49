// Writes every code's phrase and description from a module gen wrote
// for any registry, each followed by a NUL byte, in code order.
// tests/test_registries.sh puts the module's file and object names in
// place of the @...@ words and compiles this file next to the module.
import { @NAME@, statusDescription, statusText } from "./@FILE@";

declare const process: {
  stdout: { write(s: string): boolean };
  exitCode?: number;
};

const codes = Array.from(new Set<number>(Object.values(@NAME@)));
codes.sort((a, b) => a - b);
let out = "";
for (const code of codes) {
  out += statusText(code) + "\0" + statusDescription(code) + "\0";
}
process.stdout.write(out);
if (statusText(-1) !== "") {
  console.error("print.ts: statusText(-1) is not empty");
  process.exitCode = 1;
}
