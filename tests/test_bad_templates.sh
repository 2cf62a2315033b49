#!/bin/sh
# Every tests/bad_templates/NAME.mustache, rendered strictly against
# tests/bad_templates/data.yaml, must fail with exactly NAME.err on stderr
# and exit status 65, leave an existing output byte for byte as it was,
# and leave no temporary file behind.
# Usage: sh tests/test_bad_templates.sh BUILDDIR
set -u
gen=${1:-build}/gen
dir=tests/bad_templates
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
n=0

for t in "$dir"/*.mustache; do
	name=${t%.mustache}
	n=$((n + 1))
	printf 'old contents\n' > "$tmp/out.txt"
	cp "$tmp/out.txt" "$tmp/before"
	"$gen" render "$t" --strict --data "$dir/data.yaml" \
	    -o "$tmp/out.txt" 2> "$tmp/err"
	status=$?
	if [ "$status" -ne 65 ]; then
		echo "$t: exit status $status, expected 65" >&2
		fail=1
	fi
	if ! cmp -s "$tmp/err" "$name.err"; then
		echo "$t: diagnostics differ from $name.err:" >&2
		diff "$name.err" "$tmp/err" >&2
		fail=1
	fi
	if ! cmp -s "$tmp/out.txt" "$tmp/before"; then
		echo "$t: the existing output was changed" >&2
		fail=1
	fi
	left=$(ls -A "$tmp" | grep -v -e '^out.txt$' -e '^before$' -e '^err$')
	if [ -n "$left" ]; then
		echo "$t: left behind: $left" >&2
		fail=1
	fi
done
[ "$n" -ge 15 ] || { echo "only $n bad templates found" >&2; exit 1; }
[ "$fail" -eq 0 ] &&
    echo "test_bad_templates: $n bad templates rejected as expected"
exit "$fail"
