#!/bin/sh
# bench/mkregistry.py must keep writing registries that gen accepts, the
# same bytes for the same seed, so that `make bench` measures real work;
# and every file bench/compile.py times, gen's and its plain tables of
# the same entries (awkward text and all), must compile.
# Usage: sh tests/test_bench.sh BUILDDIR
set -u
B=${1:-build}
gen=$B/gen
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "test_bench: $*" >&2
	exit 1
}

[ -x "$gen" ] || fail "$gen is missing; build it first"
[ -x "$PY" ] || fail "$PY is not installed"
for n in 1 40 600; do
	$PY bench/mkregistry.py "$n" --seed 5 -o "$tmp/a.yaml" ||
	    fail "mkregistry.py $n failed"
	$PY bench/mkregistry.py "$n" --seed 5 > "$tmp/b.yaml" ||
	    fail "mkregistry.py $n failed"
	cmp -s "$tmp/a.yaml" "$tmp/b.yaml" ||
	    fail "mkregistry.py $n --seed 5 differs from run to run"
	"$gen" --lang c --lang python --lang go --lang markdown \
	    --data "$tmp/a.yaml" --out "$tmp/out$n" 2> "$tmp/err" ||
	    fail "gen rejects mkregistry.py $n: $(head -n 3 "$tmp/err")"
	got=$(grep -c '^  - code: ' "$tmp/a.yaml")
	[ "$got" -eq "$n" ] || fail "mkregistry.py $n wrote $got statuses"
done
$PY bench/mkregistry.py 600 --seed 6 -o "$tmp/c.yaml" || fail "seed 6"
cmp -s "$tmp/a.yaml" "$tmp/c.yaml" && fail "seeds 5 and 6 give the same file"
# Fixed strings: a comment end, braces, and the YAML escapes \\ and \t.
# shellcheck disable=SC1003
for s in '*/' '{{' '\\' '\t'; do
	grep -qF -- "$s" "$tmp/a.yaml" ||
	    fail "mkregistry.py 600 wrote no awkward text matching $s"
done

# 1,000 statuses: codes past 65535, which the Rust file takes as they are.
for tool in gcc go rustc node; do
	command -v "$tool" >/dev/null 2>&1 ||
	    fail "$tool is not installed (tests/ensure-packages.sh test)"
done
tsc=$(sh tests/lang/typescript/install-tsc.sh "$B") ||
    fail "no TypeScript compiler"
cc -O2 -o "$tmp/runtime" bench/runtime.c || fail "cannot build bench/runtime"
$PY bench/compile.py --gen "$gen" --runtime "$tmp/runtime" --tsc "$tsc" \
    --sizes 1000 --runs 1 >"$tmp/compile.md" 2>"$tmp/compile.err" ||
    fail "bench/compile.py failed: $(tail -n 20 "$tmp/compile.err")"
rows=$(grep -c '^| 1,000 | [a-z]' "$tmp/compile.md")
[ "$rows" -eq 5 ] || fail "bench/compile.py printed $rows rows, not 5"
grep -q '^| 1,000 | rust |' "$tmp/compile.md" ||
    fail "bench/compile.py printed no Rust row"
if grep -q 'timeout\|killed\| - |' "$tmp/compile.md"; then
	cat "$tmp/compile.md" >&2
	fail "bench/compile.py did not measure every file"
fi
echo "test_bench: synthetic registries of 1, 40 and 600 statuses load;" \
    "compile.py's files compile"
