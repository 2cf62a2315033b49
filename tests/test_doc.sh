#!/bin/sh
# The manual page lints clean, and it, gen --help and the README's flag
# table name the same options.
# Usage: sh tests/test_doc.sh BUILDDIR
set -u
gen=${1:-build}/gen
page=doc/gen.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
checks=0

fail() { echo "test_doc: $*" >&2; fails=$((fails + 1)); }

for tool in mandoc groff; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "test_doc: $tool is not installed" \
		    "(sh tests/ensure-packages.sh test)" >&2
		exit 1
	}
done

# Lint.  Whether an .Xr target is installed depends on the machine, not
# on the page, so only that message is let through.
checks=$((checks + 1))
mandoc -Tlint -W style "$page" > "$tmp/lint" 2>&1
grep -v -e 'referenced manual not found' -e 'mandoc\.db' "$tmp/lint" \
    > "$tmp/lint2"
[ -s "$tmp/lint2" ] && fail "mandoc -Tlint: $(cat "$tmp/lint2")"
checks=$((checks + 1))
groff -ww -z -mandoc "$page" > "$tmp/groff" 2>&1
[ -s "$tmp/groff" ] && fail "groff -ww: $(cat "$tmp/groff")"

# The options each document names, one a line: --long, or -s.
"$gen" --help > "$tmp/help" || fail "gen --help failed"
grep -o -e '--[a-z][a-z-]*' -e '^ *-[a-z],' "$tmp/help" |
    tr -d ' ,' | sort -u > "$tmp/help_flags"
# In the page, an option is documented where an .It line names it.
awk '/^\.It Fl / { for (i = 2; i < NF; i++) if ($i == "Fl")
    print $(i + 1) }' "$page" | sed 's/\\-/-/g; s/^/-/' | sort -u > "$tmp/man_flags"
# In the README, where a row of the flag table starts with it.
sed -n 's/^| `\(-[^|]*\)|.*/\1/p' README.md | grep -o -e '--*[a-z][a-z-]*' |
    sort -u > "$tmp/readme_flags"
[ -s "$tmp/help_flags" ] || fail "no options found in gen --help"
[ -s "$tmp/man_flags" ] || fail "no options found in $page"
[ -s "$tmp/readme_flags" ] || fail "no options found in README.md"

# same_set A B: the option lists A and B are the same.
same_set() {
	checks=$((checks + 1))
	comm -23 "$tmp/$1" "$tmp/$2" > "$tmp/only"
	[ -s "$tmp/only" ] &&
	    fail "in $1 but not in $2: $(paste -sd ' ' "$tmp/only")"
}
same_set help_flags man_flags
same_set man_flags help_flags
same_set help_flags readme_flags
same_set readme_flags help_flags

# The page renders, and the rendering shows every option.
checks=$((checks + 1))
mandoc -Tascii "$page" | sed 's/.\x08//g' > "$tmp/text" ||
    fail "mandoc -Tascii failed"
while read -r flag; do
	grep -q -- "$flag" "$tmp/text" || fail "rendered page lacks $flag"
done < "$tmp/help_flags"

if [ "$fails" -ne 0 ]; then
	echo "test_doc: $fails of $checks checks failed" >&2
	exit 1
fi
echo "test_doc: $checks checks passed ($(wc -l < "$tmp/help_flags") options)"
