// A typed user of the generated module: tests/test_lang_typescript.sh
// type-checks it with the module under tsc --strict, then runs the
// compiled JavaScript, which exits non-zero when a check fails.
import {
  ALL_CODES,
  HttpStatus,
  HttpStatusClass,
  HttpStatusCode,
  HttpStatusName,
  classOf,
  fromName,
  fromPhrase,
  isCacheable,
  isHttpStatusCode,
  isClientError,
  isNoContent,
  isRetryable,
  isSuccess,
  statusDescription,
  statusText,
} from "./http_status";

declare const process: { exitCode?: number };

let failures = 0;
function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error("use_status.ts: " + what);
  }
}

// The types: names and codes are literal unions, not string and number.
const notFound: 404 = HttpStatus.NOT_FOUND;
const name: HttpStatusName = "IM_A_TEAPOT";
const code: HttpStatusCode = HttpStatus[name];
// @ts-expect-error: 999 is no registered code
const bad: HttpStatusCode = 999;
void bad;

check(notFound === 404, "NOT_FOUND is not 404");
check(code === 418, "IM_A_TEAPOT is not 418");
check(statusText(404) === "Not Found", "statusText(404)");
check(statusText(413) === "Content Too Large", "statusText(413)");
check(statusText(999) === "", "statusText(999) is not empty");
check(statusText(0.5) === "", "statusText(0.5) is not empty");
check(statusDescription(200).length > 0, "statusDescription(200) is empty");
check(
  HttpStatus.PAYLOAD_TOO_LARGE === HttpStatus.CONTENT_TOO_LARGE,
  "the alias PAYLOAD_TOO_LARGE differs",
);
check(isClientError(404) && !isClientError(500), "isClientError");
check(isSuccess(204) && !isSuccess(304), "isSuccess");

// The flags: a code that has it, one that does not, an unknown code.
const retry: boolean = isRetryable(503);
check(retry && isRetryable(429) && !isRetryable(404), "isRetryable");
check(isCacheable(200) && !isCacheable(201), "isCacheable");
check(isNoContent(204) && isNoContent(304) && !isNoContent(200),
  "isNoContent");
for (const unknown of [999, 0, -1, 204.5, NaN]) {
  check(!isRetryable(unknown) && !isCacheable(unknown) &&
    !isNoContent(unknown), "a flag of unknown code " + unknown);
}

const n: number = 201;
if (isHttpStatusCode(n)) {
  const narrowed: HttpStatusCode = n;
  check(narrowed === 201, "narrowing");
} else {
  check(false, "isHttpStatusCode(201)");
}
check(!isHttpStatusCode(499), "an unofficial code is in the module");

// The lookups, typed: a class id, and codes of the union, or undefined.
const cls: HttpStatusClass | undefined = classOf(404);
check(cls === "client_error", "classOf(404)");
check(classOf(99) === undefined, "classOf(99)");
const found: HttpStatusCode | undefined = fromName("Not_Found");
check(found === 404, "fromName(Not_Found)");
check(fromName("payload_too_large") === 413, "fromName of an alias");
check(fromName("") === undefined, "fromName empty");
const byPhrase: HttpStatusCode | undefined = fromPhrase("NOT FOUND");
check(byPhrase === 404, "fromPhrase(NOT FOUND)");
check(fromPhrase("Moved Temporarily") === 302, "fromPhrase, earlier phrase");
const all: readonly HttpStatusCode[] = ALL_CODES;
function neverCalled(): void {
  // @ts-expect-error: ALL_CODES is read-only
  ALL_CODES.push(200);
}
void neverCalled;
check(all[0] === 100 && all.length > 60, "ALL_CODES");

// Every value has a phrase, and every phrase belongs to a value.
let count = 0;
for (const key of Object.keys(HttpStatus) as HttpStatusName[]) {
  check(statusText(HttpStatus[key]) !== "", key + " has no phrase");
  count++;
}
check(count > 60, "too few names: " + count);

process.exitCode = failures === 0 ? 0 : 1;
