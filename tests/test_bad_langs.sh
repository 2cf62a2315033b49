#!/bin/sh
# Every language manifest tests/bad_langs/NAME/lang.yaml, used with
# --templates tests/bad_langs --lang NAME, must fail with exactly
# tests/bad_langs/NAME.err on stderr and exit status 65, and write nothing.
# Usage: sh tests/test_bad_langs.sh BUILDDIR
set -u
gen=${1:-build}/gen
dir=tests/bad_langs
tmp=$(mktemp -d "${TMPDIR:-/tmp}/test_bad_langs.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
fail=0
n=0

for err in "$dir"/*.err; do
	name=$(basename "$err" .err)
	n=$((n + 1))
	"$gen" --templates "$dir" --lang "$name" --out "$tmp/out" \
	    2>"$tmp/err"
	status=$?
	if [ "$status" -ne 65 ]; then
		echo "test_bad_langs: $name: exit status $status, expected 65" >&2
		fail=1
	fi
	if ! cmp -s "$tmp/err" "$err"; then
		echo "test_bad_langs: $name: diagnostics differ from $err:" >&2
		diff "$err" "$tmp/err" >&2
		fail=1
	fi
	if [ -e "$tmp/out" ]; then
		echo "test_bad_langs: $name: wrote $tmp/out" >&2
		fail=1
	fi
done

[ "$n" -gt 0 ] || { echo "test_bad_langs: no cases in $dir" >&2; exit 1; }
[ "$fail" -eq 0 ] || exit 1
echo "test_bad_langs: $n bad manifests rejected with the expected messages"
