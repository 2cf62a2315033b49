#!/bin/sh
# Renders all seven built-in languages from each example registry in
# examples/registries/ (registries that are not HTTP) and checks each
# output with its own toolchain:
#   - C: a program of two translation units (tests/lang/registries/
#     print.c, and impl.c with the implementation macro) built by gcc
#     -std=c99 and -std=c89 and by g++ -std=c++98, all with -Wall
#     -Wextra -pedantic -Werror, and run;
#   - Python: mypy --strict, then imported and read (print.py);
#   - Go: gofmt -l prints nothing, go vet, and a program reads it back;
#   - TypeScript: tsc --strict (TypeScript from
#     tests/lang/typescript/install-tsc.sh), compiled and run by node;
#   - Rust: rustc --edition 2021 --crate-type lib -D warnings as a
#     no_std library under forbid(unsafe_code) and deny(missing_docs),
#     and a program that reads it back;
#   - JSON: parses, and carries every field of the YAML
#     (tests/lang/json/check.py);
#   - Markdown: both locales written, one entry per status.
# Every program prints each code's phrase and description, which must be
# the YAML's bytes (tests/lang/roundtrip/expect.py).  The names of
# each output (C prefix, Python class, Go package, ...) are read from
# the output itself, so the checks hold for any registry.
# A missing toolchain fails the test (tests/ensure-packages.sh test
# installs them).  Offline: GOPROXY=off.
# Usage: sh tests/test_registries.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
SRC=tests/lang/registries
EXPECT=tests/lang/roundtrip/expect.py
WARN="-Wall -Wextra -pedantic -Werror"
LANGS="c python go markdown typescript rust json"

fail() {
	echo "test_registries: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
for tool in gcc g++ go gofmt rustc node; do
	command -v "$tool" >/dev/null 2>&1 ||
		fail "$tool is not installed (tests/ensure-packages.sh test)"
done
$PY -c 'import yaml' 2>/dev/null || fail "python3-yaml is not installed"
$PY -m mypy --version >/dev/null 2>&1 || fail "mypy is not installed for $PY"
BABS=$(cd "$B" && pwd) || fail "cannot enter $B"
TSC=$(sh tests/lang/typescript/install-tsc.sh "$B") ||
	fail "no TypeScript compiler"
T=$(mktemp -d "$BABS/test_registries.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

. tests/lib_go.sh
go_offline "$BABS" "$T"

# one FILE PATTERN: the first group of the first line of FILE that
# matches the sed pattern PATTERN (which holds one \(...\)).  Run in
# $(...), its failure ends only that subshell: callers add || exit 1.
one() {
	v=$(sed -n "s/$2/\\1/p" "$1" | head -n 1)
	[ -n "$v" ] || fail "$reg: no line of ${1#"$T"/} matches '$2'"
	echo "$v"
}

# compare WHAT FILE: FILE holds what $T/expected holds.
compare() {
	cmp -s "$T/expected" "$2" && return
	$PY tests/lang/roundtrip/first_diff.py "$T/expected" "$2" >&2
	fail "$reg: $1: the text read back differs from $data"
}

# log_fail WHAT LOG: prints LOG and fails.
log_fail() {
	cat "$2" >&2
	fail "$reg: $1"
}

check_c() {
	h=$(cd "$O/c" && ls -- *.h)
	up=$(one "$O/c/$h" \
	    '^ \*[[:space:]]*#define \([A-Z0-9_]*\)_IMPLEMENTATION$') || exit 1
	lo=$(one "$O/c/$h" \
	    '^const char \*\([a-z0-9_]*\)_reason(int code);$') || exit 1
	for cc in "gcc -std=c99" "gcc -std=c89" "g++ -x c++ -std=c++98"; do
		set -- $cc $WARN -I"$O/c" -DHEADER="\"$h\""
		"$@" -DPREFIX="$lo" -DUPREFIX="$up" -c -o "$T/print.o" \
		    "$SRC/print.c" >"$T/cc.log" 2>&1 &&
		    "$@" -D"${up}_IMPLEMENTATION" -c -o "$T/impl.o" \
		    "$SRC/impl.c" >>"$T/cc.log" 2>&1 &&
		    $1 -o "$T/print" "$T/print.o" "$T/impl.o" \
		    >>"$T/cc.log" 2>&1 || log_fail "C: $cc failed" "$T/cc.log"
		"$T/print" >"$T/got" || fail "$reg: C ($cc): print failed"
		compare "C ($cc)" "$T/got"
	done
}

check_python() {
	m=$(cd "$O/python" && ls -- *.py)
	m=${m%.py}
	cp "$SRC/print.py" "$O/python/" || fail "cannot copy print.py"
	(cd "$O/python" && $PY -m mypy --strict --no-incremental \
	    --cache-dir="$T/mypy" "$m.py" print.py) >"$T/mypy.log" 2>&1 ||
		log_fail "Python: mypy --strict rejects $m.py or print.py" "$T/mypy.log"
	PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=$O/python \
	    $PY "$O/python/print.py" "$m" >"$T/got" ||
		fail "$reg: Python: print.py failed"
	compare Python "$T/got"
}

check_go() {
	M=$O/go
	p=$(cd "$M" && ls)
	[ -f "$M/$p/$p.go" ] || fail "$reg: Go: no $p/$p.go"
	unformatted=$(gofmt -l "$M") || fail "$reg: Go: gofmt failed"
	[ -z "$unformatted" ] || { gofmt -d "$M" | head -n 30 >&2;
		fail "$reg: Go: gofmt -l lists $unformatted"; }
	pkg=$(one "$M/$p/$p.go" '^package \([a-z0-9_]*\)$') || exit 1
	sed -e "s|@IMPORT@|example.com/t/$p|" -e "s|@PKG@|$pkg|g" \
	    "$SRC/main.go" >"$M/main.go" || fail "cannot write main.go"
	(cd "$M" && go mod init example.com/t && go vet ./... &&
	    go build -o "$T/print-go" .) >"$T/go.log" 2>&1 ||
		log_fail "Go: go vet or go build failed" "$T/go.log"
	# shellcheck disable=SC2046
	"$T/print-go" $($PY -c '
import sys, yaml
d = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
print(" ".join(str(s["code"]) for s in sorted(d["statuses"],
    key=lambda s: s["code"]) if s["status"] != "unofficial"))
' "$data") >"$T/got" || fail "$reg: Go: the program failed"
	compare Go "$T/got"
}

# fill EXT PATTERN: sets f to the name of the one *.EXT file in $M and
# name to what PATTERN (see one) finds in it, and writes $SRC/print.EXT
# into $M with those in place of @FILE@ and @NAME@.
fill() {
	f=$(cd "$M" && ls -- *."$1")
	f=${f%."$1"}
	name=$(one "$M/$f.$1" "$2") || exit 1
	sed -e "s|@FILE@|$f|" -e "s|@NAME@|$name|g" "$SRC/print.$1" \
	    >"$M/print.$1" || fail "cannot write print.$1"
}

check_typescript() {
	M=$O/typescript
	fill ts '^export const \([A-Za-z0-9_]*\) = {$'
	node "$TSC" --strict --noEmit --noUnusedLocals --noUnusedParameters \
	    --noImplicitReturns --noUncheckedIndexedAccess \
	    --exactOptionalPropertyTypes --isolatedModules --target es2015 \
	    --lib es2017,dom "$M/$f.ts" "$M/print.ts" >"$T/tsc.log" 2>&1 ||
		log_fail "TypeScript: tsc --strict rejects $f.ts" "$T/tsc.log"
	node "$TSC" --strict --target es2015 --module commonjs \
	    --lib es2017,dom --outDir "$M/js" "$M/$f.ts" "$M/print.ts" \
	    >"$T/tsc.log" 2>&1 ||
		log_fail "TypeScript: tsc could not compile $f.ts" "$T/tsc.log"
	node "$M/js/print.js" >"$T/got" || fail "$reg: TypeScript: print.js failed"
	compare TypeScript "$T/got"
}

check_rust() {
	M=$O/rust
	fill rs '^pub struct \([A-Za-z0-9_]*\)(.*);$'
	RUSTC="rustc --edition 2021 -D warnings -C debuginfo=0"
	printf '%s\n' '//! The generated module as a library of its own.' \
	    '#![no_std]' '#![forbid(unsafe_code)]' '#![deny(missing_docs)]' \
	    "#[path = \"$f.rs\"]" 'pub mod registry;' >"$M/lib.rs"
	(cd "$M" && $RUSTC --crate-type lib -o "$T/liblib.rlib" lib.rs) \
	    >"$T/rustc.log" 2>&1 ||
		log_fail "Rust: rustc rejects $f.rs as a no_std library" \
		    "$T/rustc.log"
	(cd "$M" && $RUSTC -o "$T/print-rs" print.rs) >"$T/rustc.log" 2>&1 ||
		log_fail "Rust: rustc rejects print.rs" "$T/rustc.log"
	"$T/print-rs" >"$T/got" || fail "$reg: Rust: print failed"
	compare Rust "$T/got"
}

check_json() {
	j=$(cd "$O/json" && ls -- *.json)
	$PY tests/lang/json/check.py "$data" "$O/json/$j" >/dev/null ||
		fail "$reg: JSON: $j does not carry the YAML"
	$PY tests/lang/roundtrip/print_json.py "$O/json/$j" >"$T/got" ||
		fail "$reg: JSON: print_json.py failed"
	compare JSON "$T/got"
}

# The in-page links are not checked (tests/lang/markdown/check_md.py):
# the built-in template links to an "Unofficial codes" section that a
# registry without sets does not have (issue 16, item 5).
check_markdown() {
	$PY - "$data" "$O/docs" <<'EOF' || fail "$reg: Markdown: see above"
import os, sys, yaml
data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
docs = sorted(os.listdir(sys.argv[2]))
if len(docs) != len(data["registry"]["locales"]):
    sys.exit("documents %s, locales %s" % (docs, data["registry"]["locales"]))
for doc in docs:
    text = open(os.path.join(sys.argv[2], doc), encoding="utf-8").read()
    for s in data["statuses"]:
        n = text.count('<a id="status-%d"></a>' % s["code"])
        if n != 1:
            sys.exit("%s: %d entries for %d" % (doc, n, s["code"]))
EOF
}

n=0
for data in examples/registries/*.yaml; do
	reg=$(basename "$data" .yaml)
	O=$T/$reg
	# shellcheck disable=SC2046
	"$GEN" --data "$data" $(printf -- '--lang %s ' $LANGS) --out "$O" \
	    2>"$T/gen.err" ||
		fail "$reg: gen --data $data failed: $(cat "$T/gen.err")"
	for lang in $LANGS; do
		$PY "$EXPECT" "$data" "$lang" >"$T/expected" ||
			fail "$reg: expect.py failed"
		"check_$lang"
	done
	n=$((n + 1))
done
[ "$n" -ge 2 ] || fail "only $n registries in examples/registries"

echo "test_registries: $n registries; C, Python, Go, TypeScript, Rust," \
    "JSON and Markdown compile, lint and read back every phrase"
