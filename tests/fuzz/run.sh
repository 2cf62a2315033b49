#!/bin/sh
# Builds the libFuzzer targets and runs each for SECONDS.
# Usage: sh tests/fuzz/run.sh SECONDS [BUILDDIR]
#
# The targets (fuzz_load.c: YAML data through load and model; fuzz_tmpl.c:
# templates through parse and render, against data loaded from YAML) are
# built with clang from the stages of gen/ they need into BUILDDIR/fuzz/
# under ASan and UBSan.  Their corpora start from the repository's data,
# bad inputs and templates and persist in BUILDDIR.
# Every file in tests/fuzz/crashers/ is replayed first (NAME starts with
# the target: load-..., tmpl-...).  Any crash, leak, timeout or sanitizer
# report makes the script fail; new crashing inputs are copied into
# tests/fuzz/crashers/ so that they are replayed from then on.
set -u
secs=${1:?usage: run.sh SECONDS [BUILDDIR]}
B=${2:-build}
cd "$(dirname "$0")/../.." || exit 1
out=$B/fuzz
CC=${FUZZ_CC:-clang}
mkdir -p "$out" tests/fuzz/crashers || exit 1

# FUZZ_SAN_EXTRA adds flags, e.g. -fno-sanitize=... to look past a known
# report while its fix is pending.
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
    ${FUZZ_SAN_EXTRA:-}"
CFLAGS="-std=c11 -O1 -g -fno-omit-frame-pointer -D_POSIX_C_SOURCE=200809L"
YAML_CFLAGS=$(pkg-config --cflags yaml-0.1)
YAML_LIBS=$(pkg-config --libs yaml-0.1)

# Without libFuzzer's runtime (Debian: libclang-rt-N-dev for clang N)
# nothing below can work: say so plainly instead of a link error later.
probe() {
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)'\
' { (void)d; (void)n; return 0; }\n' > "$out/probe.c"
	if ! $CC $SAN -o "$out/probe" "$out/probe.c" 2> "$out/probe.log"; then
		cat "$out/probe.log" >&2
		echo "fuzz: $CC cannot link -fsanitize=fuzzer;" \
		    "install libclang-rt-$($CC --version |
		    sed -n 's/.*version \([0-9]*\).*/\1/p;q')-dev" >&2
		exit 1
	fi
}

# The stages each target needs: not run/ or main.c, so no embedded
# data is needed either; model/ needs only the keywords' table, which
# the Makefile writes the same way.
awk -f tools/keywords.awk data/keywords.txt > "$out/keywords.c" || exit 1
LOAD_SRC="base load model $out/keywords.c"
TMPL_SRC="base load tmpl"

build() {
	target=$1
	shift
	srcs=""
	for m in "$@"; do
		case $m in
		"$out"/*) srcs="$srcs $m" ;;
		*.c) srcs="$srcs gen/$m" ;;
		*) srcs="$srcs $(echo gen/"$m"/*.c)" ;;
		esac
	done
	echo "fuzz: building $out/$target"
	# The harness must be warning-free; gen's own files are checked by
	# the normal build, so their warnings are not fatal here.
	$CC $CFLAGS -Wall -Wextra -Werror $SAN -Igen $YAML_CFLAGS \
	    -c -o "$out/$target.o" "tests/fuzz/$target.c" || exit 1
	# shellcheck disable=SC2086
	$CC $CFLAGS $SAN -Igen $YAML_CFLAGS -o "$out/$target" \
	    "$out/$target.o" $srcs $YAML_LIBS -pthread || exit 1
}

seed() {
	dir=$out/corpus-$1
	shift
	mkdir -p "$dir"
	for f in "$@"; do
		[ -f "$f" ] || continue
		n=$(printf '%s' "$f" | tr '/' '_')
		cp "$f" "$dir/seed-$n"
	done
}

# Replays the stored crashers of target; any that still fails is reported.
replay() {
	target=$1
	set -- tests/fuzz/crashers/"$target"-*
	[ -e "$1" ] || return 0
	echo "fuzz: replaying $# stored crasher(s) for $target"
	for f in "$@"; do
		if ! "$out/$target" -runs=1 "$f" > "$out/replay.log" 2>&1; then
			echo "fuzz: $f still fails:" >&2
			grep -E 'ERROR|SUMMARY|runtime error|#[0-9] ' \
			    "$out/replay.log" | head -20 >&2
			status=1
		fi
	done
}

fuzz() {
	target=$1
	art=$out/artifacts-$target
	rm -rf "$art"
	mkdir -p "$art"
	echo "fuzz: running $target for $secs seconds"
	"$out/$target" -max_total_time="$secs" -timeout=10 \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict="tests/fuzz/$target.dict" -artifact_prefix="$art/" \
	    "$out/corpus-$target" > "$out/$target.log" 2>&1
	rc=$?
	tail -n 12 "$out/$target.log" | grep -E 'stat::number_of_executed|Done' 
	for f in "$art"/*; do
		[ -e "$f" ] || continue
		keep=tests/fuzz/crashers/$target-$(basename "$f")
		cp "$f" "$keep"
		echo "fuzz: $target found $(basename "$f"); kept as $keep" >&2
	done
	if [ "$rc" -ne 0 ]; then
		echo "fuzz: $target failed (exit $rc); see $out/$target.log:" >&2
		grep -E 'ERROR|SUMMARY|runtime error|#[0-9] ' \
		    "$out/$target.log" | head -30 >&2
		status=1
	fi
}

probe
build fuzz_load $LOAD_SRC
build fuzz_tmpl $TMPL_SRC
seed fuzz_load tests/bad/*.yaml data/http_status.yaml
seed fuzz_tmpl $(find templates -name '*.mustache' | LC_ALL=C sort) \
    tests/bad_templates/*

status=0
replay fuzz_load
replay fuzz_tmpl
fuzz fuzz_load
fuzz fuzz_tmpl
[ "$status" -eq 0 ] && echo "fuzz: no crash, leak or sanitizer report"
exit "$status"
