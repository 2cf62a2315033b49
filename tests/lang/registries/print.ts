// Writes every code's phrase and description from a module gen wrote
// for any registry, each followed by a NUL byte, in code order.
// tests/test_registries.sh puts the module's file and object names in
// place of the @...@ words and compiles this file next to the module.
// It also checks that ALL_CODES holds every code, ascending, and that
// fromPhrase finds each phrase (escaped twice over in the module: in
// the phrases and in the lookup keys) again.
import {
  @NAME@,
  ALL_CODES,
  fromPhrase,
  statusDescription,
  statusText,
} from "./@FILE@";

declare const process: {
  stdout: { write(s: string): boolean };
  exitCode?: number;
};

function complain(what: string): void {
  console.error("print.ts: " + what);
  process.exitCode = 1;
}
function fold(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

const codes = Array.from(new Set<number>(Object.values(@NAME@)));
codes.sort((a, b) => a - b);
if (codes.join(",") !== ALL_CODES.join(",")) {
  complain("ALL_CODES is not every code of @NAME@, ascending");
}
let out = "";
for (const code of codes) {
  out += statusText(code) + "\0" + statusDescription(code) + "\0";
  const found = fromPhrase(statusText(code));
  if (found === undefined || fold(statusText(found)) !==
      fold(statusText(code))) {
    complain("fromPhrase(statusText(" + code + ")) is " + found);
  }
}
process.stdout.write(out);
if (statusText(-1) !== "") {
  complain("statusText(-1) is not empty");
}
