#!/bin/sh
# Every tests/bad/NAME.yaml must fail with exactly NAME.err on stderr and
# exit status 65, leave an existing output byte for byte as it was, and
# leave no temporary file behind.
# Usage: sh tests/test_bad.sh BUILDDIR
set -u
gen=${1:-build}/gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0

for data in tests/bad/*.yaml; do
	name=${data%.yaml}
	n=$((n + 1))
	printf 'old contents\n' > "$tmp/out.h"
	cp "$tmp/out.h" "$tmp/before"
	"$gen" --data "$data" --lang c -o "$tmp/out.h" 2> "$tmp/err"
	status=$?
	if [ "$status" -ne 65 ]; then
		echo "$data: exit status $status, expected 65" >&2
		fail=1
	fi
	if ! cmp -s "$tmp/err" "$name.err"; then
		echo "$data: diagnostics differ from $name.err:" >&2
		diff "$name.err" "$tmp/err" >&2
		fail=1
	fi
	if ! cmp -s "$tmp/out.h" "$tmp/before"; then
		echo "$data: the existing output was changed" >&2
		fail=1
	fi
	left=$(ls -A "$tmp" | grep -v -e '^out.h$' -e '^before$' -e '^err$')
	if [ -n "$left" ]; then
		echo "$data: left behind: $left" >&2
		fail=1
	fi
done
[ "$n" -gt 0 ] || { echo "no bad inputs found" >&2; exit 1; }
[ "$fail" -eq 0 ] && echo "test_bad: $n bad inputs rejected as expected"
exit "$fail"
