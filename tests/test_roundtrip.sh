#!/bin/sh
# Renders every language from tests/lang/awkward.yaml (quotes,
# backslashes, comment ends, trigraphs, backticks, ${, tabs, newlines, a
# lone CR, U+2028, bidi controls, Chinese, emoji, a BOM, a 4868-byte
# description...) and from tests/lang/trojan.yaml (every control and
# format control gen never writes as it is, in every kind of text);
# finds none of those raw in any file (tests/lang/roundtrip/scan.py);
# builds, imports or parses the C, Python, Go, TypeScript, Rust and JSON,
# reads every phrase and description back through the generated code
# and compares the bytes with the YAML's (tests/lang/roundtrip/expect.py).
# Usage: sh tests/test_roundtrip.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
SRC=tests/lang/roundtrip
WARN="-Wall -Wextra -Wpedantic -Werror"

fail() {
	echo "test_roundtrip: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
for tool in gcc clang g++ go gofmt rustc node; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done
$PY -c 'import yaml' 2>/dev/null || fail "$PY with yaml is not installed"
BABS=$(cd "$B" && pwd) || fail "cannot enter $B"
TSC=$(sh tests/lang/typescript/install-tsc.sh "$B") ||
	fail "no TypeScript compiler"
T=$(mktemp -d "$BABS/test_roundtrip.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

. tests/lib_go.sh
go_offline "$BABS" "$T"

compare() {	# compare WHAT LANG FILE: FILE must hold what LANG's output says
	$PY "$SRC/expect.py" "$DATA" "$2" >"$T/expected" ||
		fail "expect.py failed"
	if ! cmp -s "$T/expected" "$3"; then
		$PY "$SRC/first_diff.py" "$T/expected" "$3" >&2
		fail "$1: the text read back differs from $DATA"
	fi
}

# The programs in $SRC are written for awkward.yaml; trojan.yaml keeps
# the ids and codes they check, and they read it by its own names.
program() {	# program FILE: $SRC/FILE for the registry $NAME
	sed "s/awkward/$NAME/g; s/AWKWARD/$(echo "$NAME" | tr a-z A-Z)/g
	    s/Awkward/$(echo "$NAME" | sed 's/^./\u&/')/g" "$SRC/$1"
}

roundtrip() {	# roundtrip DATA
	DATA=$1
	NAME=$(basename "$DATA" .yaml)
	O=$T/$NAME
	"$GEN" --lang c --lang python --lang go --lang markdown \
	    --lang typescript --lang rust --lang json --data "$DATA" \
	    --out "$O" 2>"$T/gen.err" ||
		fail "gen --data $DATA failed: $(cat "$T/gen.err")"
	$PY "$SRC/scan.py" "$DATA" "$O" >"$T/scan.log" 2>&1 ||
		fail "$DATA: $(cat "$T/scan.log")"

	# C: the header must also stay warning-free with this text.
	n=0
	program print.c >"$T/print.c" || fail "cannot copy print.c"
	for c in "gcc -std=c89" "clang -std=c99" "gcc -std=c2x" \
	    "g++ -x c++ -std=c++98" "clang++ -x c++ -std=c++20"; do
		$c $WARN -I"$O/c" -o "$T/print" "$T/print.c" \
		    >"$T/cc.log" 2>&1 || { cat "$T/cc.log" >&2;
			fail "C: $c could not compile print.c"; }
		"$T/print" >"$T/got.c" || fail "C ($c): print failed"
		compare "C ($c)" c "$T/got.c"
		n=$((n + 1))
	done

	# Python
	program print.py >"$T/print.py" || fail "cannot copy print.py"
	PYTHONPATH=$O/python $PY -B "$T/print.py" >"$T/got.py" ||
		fail "Python: print.py failed"
	compare Python python "$T/got.py"

	# Go
	M=$O/go
	[ -z "$(gofmt -l "$M")" ] || { gofmt -d "$M" | head -n 30 >&2;
		fail "Go: gofmt -l lists the generated file"; }
	program main.go >"$M/main.go" || fail "cannot copy main.go"
	(cd "$M" && go mod init example.com/t && go vet ./... &&
	    go run . >"$T/got.go") >"$T/go.log" 2>&1 ||
		{ cat "$T/go.log" >&2; fail "Go: go vet or go run failed"; }
	compare Go go "$T/got.go"

	# TypeScript: type-checked and compiled by tsc, run by node.
	M=$O/typescript
	program print.ts >"$M/print.ts" || fail "cannot copy print.ts"
	node "$TSC" --strict --target es2015 --module commonjs \
	    --lib es2017,dom --outDir "$M/js" "$M/$NAME.ts" "$M/print.ts" \
	    >"$T/tsc.log" 2>&1 ||
		{ cat "$T/tsc.log" >&2; fail "TypeScript: tsc --strict failed"; }
	node "$M/js/print.js" >"$T/got.ts" ||
		fail "TypeScript: print.js failed"
	compare TypeScript typescript "$T/got.ts"

	# Rust, under rustc's default lints (text_direction_* deny).
	M=$O/rust
	program print.rs >"$M/print.rs" || fail "cannot copy print.rs"
	(cd "$M" && rustc --edition 2021 -D warnings -C debuginfo=0 \
	    -o print print.rs) >"$T/rustc.log" 2>&1 ||
		{ cat "$T/rustc.log" >&2; fail "Rust: rustc -D warnings failed"; }
	"$M/print" >"$T/got.rs" || fail "Rust: print failed"
	compare Rust rust "$T/got.rs"

	# JSON
	$PY "$SRC/print_json.py" "$O/json/$NAME.json" >"$T/got.json" ||
		fail "JSON: print_json.py failed"
	compare JSON json "$T/got.json"

	echo "test_roundtrip: $DATA: $(cat "$T/scan.log")"
	echo "test_roundtrip: $DATA: C ($n compilers), Python, Go," \
	    "TypeScript, Rust and JSON read back every byte"
}

roundtrip tests/lang/awkward.yaml
roundtrip tests/lang/trojan.yaml
