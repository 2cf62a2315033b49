#!/bin/sh
# bench/mkregistry.py must keep writing registries that gen accepts, the
# same bytes for the same seed, so that `make bench` measures real work.
# Usage: sh tests/test_bench.sh BUILDDIR
set -u
gen=${1:-build}/gen
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
echo "test_bench: synthetic registries of 1, 40 and 600 statuses load"
