#!/bin/sh
# Runs every test program and test script; exits non-zero if any fails.
# Usage: run.sh BUILDDIR TESTBIN...
# The last line is "N passed, M failed" (programs and scripts counted).
B=$1
shift
passed=0
failed=0
failures=""

run() {
	name=$1
	shift
	if "$@"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		failures="$failures $name"
		echo "FAILED: $name" >&2
	fi
}

for t in "$@"; do
	run "$(basename "$t")" "$t"
done
for s in tests/test_*.sh; do
	[ -e "$s" ] || continue
	run "$(basename "$s")" sh "$s" "$B"
done

[ "$failed" -eq 0 ] || echo "failed:$failures" >&2
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
