#!/bin/sh
# Keeps gen/ lean and portable (doc/HACKING.md):
# - gen/ (every .c and .h, any depth) within 10,000 lines, no file over
#   600, no function over 60 (a function runs from its name, at the
#   start of a line, to the closing brace at the start of a line);
# - includes point down the stages, never across or up, and form no
#   cycle; threads are created in one file at most;
# - nothing Linux- or glibc-specific: every source compiles with
#   -std=c11 -pedantic -D_POSIX_C_SOURCE=200809L and no other feature
#   macro, with implicit declarations as errors.
# Usage: sh tests/test_lean.sh BUILDDIR
set -u
CC=${CC:-cc}
fail=0
checks=0

bad() {
	echo "test_lean: $*" >&2
	fail=1
}

srcs=$(find gen -name '*.[ch]' | LC_ALL=C sort)

# Sizes.
checks=$((checks + 1))
total=$(cat $srcs | wc -l)
[ "$total" -le 10000 ] || bad "gen/ has $total lines, more than 10000"
checks=$((checks + 1))
for f in $srcs; do
	n=$(wc -l < "$f")
	[ "$n" -le 600 ] || bad "$f has $n lines, more than 600"
done
checks=$((checks + 1))
awk '
	/^[a-z_][a-z0-9_]*\(/ { name = $0; sub(/\(.*/, "", name); start = FNR }
	/^}/ && start {
		if (FNR - start + 1 > 60)
			printf "%s: %s runs %d lines, more than 60\n",
			    FILENAME, name, FNR - start + 1
		start = 0
	}
' $srcs > lean.$$ 2>&1
if [ -s lean.$$ ]; then
	sed 's/^/test_lean: /' lean.$$ >&2
	fail=1
fi
rm -f lean.$$

# Includes: a stage includes only itself and the stages below it.
rank() {
	case $1 in
	base) echo 0 ;;
	load|tmpl|out) echo 1 ;;
	model) echo 2 ;;
	view) echo 3 ;;
	run) echo 4 ;;
	*) echo 5 ;;
	esac
}
checks=$((checks + 1))
for f in $srcs; do
	from=$(dirname "$f" | sed 's|^gen/*||')
	[ -n "$from" ] || from=main
	for inc in $(sed -n 's|^#include "\([a-z_]*\)/.*|\1|p' "$f"); do
		[ "$inc" = "$from" ] && continue
		if [ "$(rank "$inc")" -ge "$(rank "$from")" ]; then
			bad "$f includes $inc/, which is not below $from/"
		fi
	done
done
checks=$((checks + 1))
# Within a stage, a header may not include a file that includes it back.
for h in $(find gen -name '*.h'); do
	dir=$(dirname "$h")
	for inc in $(sed -n 's|^#include "\([a-z_]*\.h\)"|\1|p' "$h"); do
		[ -f "$dir/$inc" ] || continue
		if grep -q "^#include \"$(basename "$h")\"" "$dir/$inc"; then
			bad "$h and $dir/$inc include each other"
		fi
	done
done
checks=$((checks + 1))
n=$(grep -l 'pthread_create' $srcs | wc -l)
[ "$n" -le 1 ] || bad "threads are created in $n files: $(grep -l \
    'pthread_create' $srcs | tr '\n' ' ')"

# Portability.
checks=$((checks + 1))
if grep -n -e 'O_TMPFILE' -e '"/proc/' -e 'mallopt(' -e '_GNU_SOURCE' \
    -e 'getopt_long(' -e '<getopt.h>' -e '<malloc.h>' -e '__GLIBC__' \
    -e 'linkat(' $srcs >&2; then
	bad "Linux- or glibc-specific code above"
fi
checks=$((checks + 1))
yaml=$(pkg-config --cflags yaml-0.1)
for f in $(find gen -name '*.c' | LC_ALL=C sort); do
	# shellcheck disable=SC2086
	$CC -std=c11 -pedantic -D_POSIX_C_SOURCE=200809L \
	    -DGEN_VERSION='"0"' -Werror=implicit-function-declaration \
	    -fsyntax-only -Igen -I"${1:-build}" $yaml "$f" ||
	    bad "$f does not compile as portable C11 and POSIX.1-2008"
done

[ "$fail" -eq 0 ] && echo "test_lean: $checks checks passed" \
    "($total lines in gen/)"
exit "$fail"
