#!/bin/sh
# make bench: gen against the libyaml floor on registries of 1k, 10k and
# 100k statuses (bench/mkregistry.py, seed 1) and on the built-in data;
# prints the table recorded in BENCHMARKS.md, time(100k)/time(10k) and
# callgrind's instruction counts for 10k.  Measures, asserts nothing.
# Usage: sh bench/run.sh BUILDDIR
# Environment: BENCH_RUNS (timed runs per case, default 5; ten times as
# many below 1 MB), BENCH_SIZES (default "1000 10000 100000"),
# BENCH_BEFORE (another gen binary, measured side by side as "before").
set -eu
B=${1:-build}
PY=/usr/bin/python3
runs=${BENCH_RUNS:-5}
sizes=${BENCH_SIZES:-1000 10000 100000}

fail() {
	echo "bench: $*" >&2
	exit 1
}

for f in "$B/gen" "$B/bench/floor" "$B/bench/runtime"; do
	[ -x "$f" ] || fail "$f is missing; run make B=$B bench"
done
command -v valgrind >/dev/null 2>&1 || fail "valgrind is not installed"
[ -x "$PY" ] || fail "$PY is not installed"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

cases=""
for n in $sizes; do
	name=$((n / 1000))k
	[ "$n" -lt 1000 ] && name=$n
	$PY bench/mkregistry.py "$n" --seed 1 -o "$tmp/$name.yaml"
	cases="$cases $name=$tmp/$name.yaml"
done
echo "machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' \
    /proc/cpuinfo | head -n 1), \
$(awk '/^MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
cg=""
case " $sizes " in
*" 10000 "*) cg="--callgrind 10k" ;;
esac
gens="--gen $B/gen"
[ -n "${BENCH_BEFORE:-}" ] && gens="--gen before=$BENCH_BEFORE --gen after=$B/gen"
# shellcheck disable=SC2086
$PY bench/measure.py $gens --floor "$B/bench/floor" \
    --runtime "$B/bench/runtime" \
    --tmp "$tmp" --runs "$runs" $cg $cases real=-
