#!/bin/sh
# Generates the Rust module from the embedded data; compiles it with
# rustc --edition 2021 -D warnings as a no_std library that forbids
# unsafe code and denies missing docs, runs its unit tests (rustc
# --test), builds and runs a user (tests/lang/rust/use_status.rs) and
# checks every code, phrase and description against the data.
# Then, for the built-in registry, examples/registries/grpc.yaml (dense
# codes from 0), examples/registries/smtp.yaml (sparse),
# tests/lang/rust/signed.yaml (codes below zero, so i64; flags) and a synthetic
# registry of 1000 statuses (bench/mkregistry.py; codes above 65535, so
# u32): the no_std build, its unit tests, clippy when it is installed,
# and tests/lang/rust/mkcheck.py's program, which asks every lookup of
# the API (from_code, from_u16, ALL, class, is_<class>, is_<flag>,
# from_name, from_phrase, Display) with edge cases and compares the
# answers with the registry's (the flags with the YAML's).
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

# lib_build DIR FILE: FILE.rs in DIR builds as a no_std library under
# forbid(unsafe_code) and deny(missing_docs), with COMPILER.
lib_build() {
	printf '%s\n' '//! The generated module as a library of its own.' \
	    '#![no_std]' '#![forbid(unsafe_code)]' '#![deny(missing_docs)]' \
	    "#[path = \"$2.rs\"]" 'pub mod registry;' >"$1/lib.rs"
	(cd "$1" && $COMPILER --edition 2021 -D warnings -C debuginfo=0 \
	    --crate-type lib -o liblib.rlib lib.rs) >"$T/rustc.log" 2>&1 || {
		cat "$T/rustc.log" >&2
		fail "$reg: $COMPILER rejects $2.rs as a no_std library"
	}
}

CLIPPY=$(command -v clippy-driver)
python3 bench/mkregistry.py 1000 --seed 1 -o "$T/synthetic.yaml" ||
	fail "bench/mkregistry.py failed"
n=0
for data in "$DATA" examples/registries/grpc.yaml \
    examples/registries/smtp.yaml "$SRC/signed.yaml" "$T/synthetic.yaml"; do
	reg=$(basename "$data" .yaml)
	O=$T/reg-$reg
	"$GEN" --data "$data" --lang rust --lang json --out "$O" \
	    2>"$T/gen.err" || fail "$reg: gen failed: $(cat "$T/gen.err")"
	f=$(cd "$O/rust" && ls -- *.rs) || fail "$reg: no Rust output"
	f=${f%.rs}
	COMPILER=rustc lib_build "$O/rust" "$f"
	[ -z "$CLIPPY" ] || COMPILER=$CLIPPY lib_build "$O/rust" "$f"
	(cd "$O/rust" && $RUSTC --test -o unit "$f.rs" && ./unit -q) \
	    >"$T/unit.log" 2>&1 || {
		cat "$T/unit.log" >&2
		fail "$reg: the module's unit tests failed"
	}
	$PY "$SRC/mkcheck.py" "$O/json/$f.json" "$O/rust/$f.rs" "$data" \
	    >"$O/rust/check.rs" || fail "$reg: mkcheck.py failed"
	(cd "$O/rust" && $RUSTC -o check check.rs) >"$T/rustc.log" 2>&1 || {
		cat "$T/rustc.log" >&2
		fail "$reg: rustc rejects check.rs"
	}
	"$O/rust/check" >"$T/check.log" || fail "$reg: the lookups disagree"
	n=$((n + 1))
done
if [ -n "$CLIPPY" ]; then
	linted="clippy-clean"
else
	linted="clippy not installed, not run"
fi

echo "test_lang_rust: $n registries: every lookup answers as the data" \
    "says; $linted"
echo "test_lang_rust: $(rustc --version | cut -d' ' -f1,2) -D warnings clean, unit tests pass, matches the data"
