#!/bin/sh
# Generates the Rust module from the embedded data; compiles it with
# rustc --edition 2021 -D warnings as a no_std library that forbids
# unsafe code and denies missing docs, runs its unit tests (rustc
# --test), builds and runs a user (tests/lang/rust/use_status.rs) and
# checks every code, phrase and description against the data.
# Usage: sh tests/test_lang_rust.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
SRC=tests/lang/rust
DATA=data/http_status.yaml

fail() {
	echo "test_lang_rust: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
command -v rustc >/dev/null 2>&1 ||
	fail "rustc is not installed (tests/ensure-packages.sh test installs it)"
$PY -c 'import yaml' 2>/dev/null || fail "python3-yaml is not installed"
BABS=$(cd "$B" && pwd) || fail "cannot enter $B"
T=$(mktemp -d "$BABS/test_lang_rust.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM
RUSTC="rustc --edition 2021 -D warnings -C debuginfo=0"

"$GEN" --lang rust >"$T/http_status.rs" 2>"$T/gen.err" ||
	fail "gen --lang rust failed: $(cat "$T/gen.err")"
head -n 1 "$T/http_status.rs" | grep -q '^// .*DO NOT EDIT\.$' ||
	fail "first line is not the '// ... DO NOT EDIT.' notice"
cat >"$T/lib.rs" <<'RSEOF'
//! The generated module as a library of its own.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#[path = "http_status.rs"]
pub mod http_status;
RSEOF

(cd "$T" && $RUSTC --crate-type lib -o liblib.rlib lib.rs) \
    >"$T/rustc.log" 2>&1 || {
	cat "$T/rustc.log" >&2
	fail "rustc rejects the module as a no_std library"
}
(cd "$T" && $RUSTC --test -o unit http_status.rs && ./unit -q) \
    >"$T/unit.log" 2>&1 || {
	cat "$T/unit.log" >&2
	fail "the module's unit tests failed"
}
cp "$SRC/use_status.rs" "$T/" || fail "cannot copy use_status.rs"
(cd "$T" && $RUSTC -o use_status use_status.rs) >"$T/rustc.log" 2>&1 || {
	cat "$T/rustc.log" >&2
	fail "rustc rejects use_status.rs"
}
"$T/use_status" >"$T/got" || fail "use_status.rs failed"

$PY - "$DATA" >"$T/expected" <<'PYEOF' || fail "reading $DATA failed"
import sys, yaml
data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
default = data["registry"]["locales"][0]
for s in sorted(data["statuses"], key=lambda s: s["code"]):
    if s.get("status") == "unofficial":
        continue
    d = s["description"]
    d = d[default] if isinstance(d, dict) else d
    print("%d\t%s\t%s" % (s["code"], s["phrase"], d))
PYEOF
cmp -s "$T/expected" "$T/got" || {
	diff "$T/expected" "$T/got" | head -n 10 >&2
	fail "the module disagrees with $DATA"
}

echo "test_lang_rust: $(rustc --version | cut -d' ' -f1,2) -D warnings clean, unit tests pass, matches the data"
