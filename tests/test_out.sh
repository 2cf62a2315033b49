#!/bin/sh
# out/ must be exactly what gen produces now from data/ and templates/.
# Usage: sh tests/test_out.sh BUILDDIR
set -u
gen=${1:-build}/gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$gen" --lang c --lang python --lang go --lang markdown --lang typescript \
    --lang rust --lang json --out "$tmp" || exit 1
(cd "$tmp" && find . -type f | LC_ALL=C sort) > "$tmp.new"
(cd out && find . -type f | LC_ALL=C sort) > "$tmp.old"
status=0
if ! cmp -s "$tmp.new" "$tmp.old"; then
	echo "test_out: out/ does not hold the files gen writes:" >&2
	diff "$tmp.old" "$tmp.new" >&2
	status=1
fi
while read -r f; do
	if ! cmp -s "$tmp/$f" "out/$f"; then
		echo "test_out: out/${f#./} is stale; run 'make' and commit it" >&2
		status=1
	fi
done < "$tmp.new"
rm -f "$tmp.new" "$tmp.old"
[ "$status" -eq 0 ] && echo "test_out: out/ is current"
exit "$status"
