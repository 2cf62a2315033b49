#!/bin/sh
# The documents say the same as each other and as gen:
# - the manual page lints clean under mandoc and groff;
# - it, gen --help and the README's flag table name the same options;
# - the README, the manual page and gen --help list the same exit statuses;
# - gen --list-langs, the manual page, gen --help and the README's table
#   of outputs name the same built-in languages;
# - gen's own tables, doc/templates.md and the manual page name the same
#   filters, and gen render accepts each;
# - gen --help, the manual page and doc/templates.md name the same escape
#   modes, and gen render accepts each;
# - every relative link in a Markdown file names a file that exists and,
#   after a '#', a heading of it.
# Usage: sh tests/test_doc.sh BUILDDIR
set -u
gen=${1:-build}/gen
page=doc/gen.1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
checks=0

fail() { echo "test_doc: $*" >&2; fails=$((fails + 1)); }

for tool in mandoc groff python3; do
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

# section FILE START STOP: the lines after the first one matching the
# extended regular expression START, up to the next one matching STOP.
section() {
	awk -v start="$2" -v stop="$3" '
	    on && $0 ~ stop { exit } on { print } $0 ~ start { on = 1 }' "$1"
}

# same_list WHAT A B...: the word lists A, B... (sorted files in $tmp)
# are not empty and hold the same words as A.
same_list() {
	what=$1
	shift
	first=$1
	for f in "$@"; do
		checks=$((checks + 1))
		if [ ! -s "$tmp/$f" ]; then
			fail "no $what found ($f)"
			continue
		fi
		[ "$f" = "$first" ] && continue
		comm -23 "$tmp/$first" "$tmp/$f" > "$tmp/only1"
		comm -13 "$tmp/$first" "$tmp/$f" > "$tmp/only2"
		[ -s "$tmp/only1" ] &&
		    fail "$what in $first but not in $f:" \
		    "$(paste -sd ' ' "$tmp/only1")"
		[ -s "$tmp/only2" ] &&
		    fail "$what in $f but not in $first:" \
		    "$(paste -sd ' ' "$tmp/only2")"
	done
}

# Exit statuses: the README's table, the page's EXIT STATUS, the end of
# gen --help.
section README.md '^#+ Errors and exit status' '^#' |
    sed -n 's/^| \([0-9][0-9]*\) |.*/\1/p' | sort -u > "$tmp/readme_status"
section "$page" '^\.Sh EXIT STATUS' '^\.Sh ' |
    sed -n 's/^\.It \([0-9][0-9]*\)$/\1/p' | sort -u > "$tmp/man_status"
sed -n '/^Exit status:/,/^$/p' "$tmp/help" |
    grep -o -E '(^|[ :,])[0-9]+ ' | tr -dc '0-9\n' | sort -u \
    > "$tmp/help_status"
same_list "exit statuses" readme_status man_status help_status

# Built-in languages: what gen lists, the page's --lang item, --help's,
# and the README's table of outputs.
"$gen" --list-langs | cut -d ' ' -f 1 | sort -u > "$tmp/gen_langs"
section "$page" '^\.It Fl l Ar lang' '^\.It ' |
    sed -n 's/^\.Cm \([a-z]*\).*/\1/p' | sort -u > "$tmp/man_langs"
# In --help, the list in parentheses after "generate LANG".
sed -n '/--lang LANG  /,/repeatable/p' "$tmp/help" | tr '\n' ' ' |
    sed 's/.*generate LANG (//; s/or a language from.*//' | tr ',' '\n' |
    sed 's/^ *//; s/ *$//' | grep -x '[a-z][a-z]*' | sort -u \
    > "$tmp/help_langs"
section README.md '^\| language \| file' '^$' | sed '1d' |
    cut -d '|' -f 2 | tr -d ' ' | tr 'A-Z' 'a-z' | sort -u \
    > "$tmp/readme_langs"
same_list "built-in languages" gen_langs man_langs help_langs readme_langs

# Filters: gen's tables (read, not changed), doc/templates.md's table and
# the page's filter item.
{
	sed -n 's/^[[:space:]]*\[CASE_[A-Z_]*\] = { "\([a-z_]*\)".*/\1/p' \
	    gen/base/case.c
	grep -o '"comment"' gen/tmpl/filter.c | tr -d '"'
} | sort -u > "$tmp/gen_filters"
section doc/templates.md '^## Filters' '^## ' |
    sed -n 's/^| `\([a-z_]*\)` |.*/\1/p' | sort -u > "$tmp/guide_filters"
section "$page" '^\.It Li [{][{]name [|] filter' '^\.(It|El)' |
    sed -n 's/^\.Cm //p' | tr ', ' '\n\n' | grep -x '[a-z_][a-z_]*' |
    sort -u > "$tmp/man_filters"
same_list "filters" gen_filters guide_filters man_filters

# gen render accepts each filter the guide names, and refuses one that
# does not exist, so the probe can tell the two apart.
printf 'x: Hello worldFoo\n' > "$tmp/x.yaml"
for f in $(cat "$tmp/guide_filters") no_such_filter; do
	checks=$((checks + 1))
	printf '{{x | %s}}\n' "$f" > "$tmp/f.mustache"
	"$gen" render "$tmp/f.mustache" --data "$tmp/x.yaml" --strict \
	    > /dev/null 2> "$tmp/err"
	rc=$?
	case $f,$rc in
	no_such_filter,0) fail "gen render accepts the filter '$f'" ;;
	no_such_filter,*|*,0) ;;
	*) fail "gen render refuses the filter '$f': $(cat "$tmp/err")" ;;
	esac
done

# Escape modes: the synopsis of gen --help, the page's --escape item and
# doc/templates.md's table; gen render accepts each.
grep -o -e '--escape [a-z|]*' "$tmp/help" | head -n 1 | cut -d ' ' -f 2 |
    tr '|' '\n' | sort -u > "$tmp/help_escapes"
section "$page" '^\.It Fl \\\\-escape' '^\.It ' |
    sed -n 's/^\.Cm \([a-z]*\).*/\1/p' | sort -u > "$tmp/man_escapes"
section doc/templates.md '^## Escaping' '^## ' |
    sed -n 's/^| `\([a-z]*\)` |.*/\1/p' | sort -u > "$tmp/guide_escapes"
same_list "escape modes" help_escapes man_escapes guide_escapes
printf '{{x}}\n' > "$tmp/e.mustache"
for m in $(cat "$tmp/guide_escapes") no_such_mode; do
	checks=$((checks + 1))
	"$gen" render "$tmp/e.mustache" --data "$tmp/x.yaml" --escape "$m" \
	    > /dev/null 2> "$tmp/err"
	rc=$?
	case $m,$rc in
	no_such_mode,0) fail "gen render accepts the escape mode '$m'" ;;
	no_such_mode,*|*,0) ;;
	*) fail "gen render refuses the escape mode '$m': $(cat "$tmp/err")" ;;
	esac
done

# Links: each relative link in a Markdown file of the repository names a
# file or directory that exists and, after '#', a heading of that
# Markdown file (its anchor as GitHub makes it) or an <a id>.
checks=$((checks + 1))
{ git ls-files --cached --others --exclude-standard '*.md' 2>/dev/null ||
    find . -name '*.md' ! -path './build/*' | sed 's|^\./||'; } > "$tmp/md"
cat > "$tmp/links.py" <<'PY'
import os, re, sys

FENCE = re.compile(r'^ {0,3}(```+|~~~+).*?^ {0,3}\1[^\n]*$', re.M | re.S)

def anchors(path, cache={}):
    if path not in cache:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        out = set(re.findall(r'<a\s+(?:id|name)="([^"]+)"', text))
        seen = {}
        for m in re.finditer(r'^#{1,6}\s+(.*?)\s*#*\s*$', FENCE.sub('', text),
                             re.M):
            h = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', m.group(1))
            h = re.sub(r'<[^>]+>', '', h).strip().lower()
            slug = re.sub(r'[^\w\- ]', '', h).replace(' ', '-')
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out.add(slug if n == 0 else '%s-%d' % (slug, n))
        cache[path] = out
    return cache[path]

bad = 0
for md in open(sys.argv[1]).read().split():
    with open(md, encoding='utf-8') as f:
        text = FENCE.sub('', f.read())
    text = re.sub(r'(`+)(?:(?!\1).)+?\1', '', text, flags=re.S)
    for target in re.findall(r'\]\(([^)\s]+)(?:\s+"[^"]*")?\)', text):
        if re.match(r'[A-Za-z][A-Za-z0-9+.-]*:', target):
            continue
        path, _, frag = target.partition('#')
        dest = os.path.normpath(os.path.join(os.path.dirname(md), path)) \
            if path else md
        if not os.path.exists(dest):
            print('%s: %s: no such file' % (md, target))
            bad += 1
        elif frag and dest.endswith('.md') and frag not in anchors(dest):
            print('%s: %s: no such heading' % (md, target))
            bad += 1
print('%d links broken' % bad if bad else 'ok')
sys.exit(1 if bad else 0)
PY
python3 "$tmp/links.py" "$tmp/md" > "$tmp/links" 2>&1 ||
    fail "links: $(cat "$tmp/links")"

if [ "$fails" -ne 0 ]; then
	echo "test_doc: $fails of $checks checks failed" >&2
	exit 1
fi
echo "test_doc: $checks checks passed ($(wc -l < "$tmp/help_flags") options," \
    "$(wc -l < "$tmp/md") Markdown files)"
