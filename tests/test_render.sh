#!/bin/sh
# gen render end to end: where partials and parents are found, --partials,
# -o, --escape, --strict, and the exit statuses of its failures.
# Usage: sh tests/test_render.sh BUILDDIR
set -u
name=test_render
. tests/lib_check.sh
check_init "${1:-build}"

# same FILE TEXT: FILE holds exactly TEXT (printf escapes allowed).
same() {
	printf "$2" > "$tmp/want"
	cmp -s "$1" "$tmp/want" ||
	    fail "$1: got '$(cat "$1")', expected '$(cat "$tmp/want")'"
}

mkdir -p "$tmp/t/sub" "$tmp/p"
printf 'who: "<W&>"\nkind: card\nitems: [a, b]\n' > "$tmp/d.yaml"
# Partials and parents beside the template, and in another directory.
printf '{{> card}}|{{>*kind}}|{{> sub/part}}\n' > "$tmp/t/main.mustache"
printf '[{{who}}]' > "$tmp/t/card.mustache"
printf '(sub {{{who}}})' > "$tmp/t/sub/part.mustache"
printf '{{> card}}.\n' > "$tmp/t/other.mustache"
printf '<{{who}}>' > "$tmp/p/card.mustache"
printf 'Hi,\n  {{$body}}\n  default\n  {{/body}}\nbye\n' \
    > "$tmp/t/layout.mustache"
printf '{{<layout}}\n{{$body}}\n{{#items}}\n* {{.}}\n{{/items}}\n{{/body}}\n'\
'{{/layout}}\n' > "$tmp/t/page.mustache"

# Partials default to the template's own directory, from any directory.
expect 0 "$gen" render "$tmp/t/main.mustache" --data "$tmp/d.yaml"
same "$tmp/o" '[&lt;W&amp;&gt;]|[&lt;W&amp;&gt;]|(sub <W&>)\n'
cd "$tmp/t/sub" || exit 1
expect 0 "$gen" render ../other.mustache --data ../../d.yaml
cd "$top" || exit 1
same "$tmp/o" '[&lt;W&amp;&gt;].\n'

# --partials DIR replaces the template's directory.
expect 0 "$gen" render "$tmp/t/other.mustache" --data "$tmp/d.yaml" \
    --partials "$tmp/p" --escape none
same "$tmp/o" '<<W&>>.\n'

# A parent from the same directory, its block replaced and re-indented.
expect 0 "$gen" render "$tmp/t/page.mustache" --data "$tmp/d.yaml"
same "$tmp/o" 'Hi,\n  * a\n  * b\nbye\n'

# -o writes the file, and nothing to standard output.
expect 0 "$gen" render "$tmp/t/other.mustache" --data "$tmp/d.yaml" \
    -o "$tmp/out.txt"
same "$tmp/out.txt" '[&lt;W&amp;&gt;].\n'
same "$tmp/o" ''

# Every escaping mode is accepted; {{{x}}} never escapes.
for mode in html none c python go markdown; do
	printf '{{{who}}}\n' > "$tmp/raw.mustache"
	expect 0 "$gen" render "$tmp/raw.mustache" --data "$tmp/d.yaml" \
	    --escape "$mode"
	same "$tmp/o" '<W&>\n'
done
printf '{{who}}\n' > "$tmp/esc.mustache"
expect 0 "$gen" render "$tmp/esc.mustache" --data "$tmp/d.yaml" \
    --escape markdown
same "$tmp/o" '&lt;W\\&\\>\n'
expect 64 "$gen" render "$tmp/esc.mustache" --data "$tmp/d.yaml" \
    --escape htm
same "$tmp/e" "gen: error: unknown escape mode 'htm' (use html, none, c,"\
" python, go or markdown)\n"

# Missing partials: empty, or under --strict an error at the tag.
printf 'a{{> nowhere}}b\n' > "$tmp/miss.mustache"
expect 0 "$gen" render "$tmp/miss.mustache" --data "$tmp/d.yaml"
same "$tmp/o" 'ab\n'
expect 65 "$gen" render "$tmp/miss.mustache" --data "$tmp/d.yaml" --strict
same "$tmp/e" "$tmp/miss.mustache:1:2: error: partial 'nowhere' not found\n"
same "$tmp/o" ''

# Names outside the partials directory are never read.
printf 'secret' > "$tmp/secret.mustache"
printf '{{> ../secret}}{{> /etc/passwd}}\n' > "$tmp/t/escape.mustache"
expect 0 "$gen" render "$tmp/t/escape.mustache" --data "$tmp/d.yaml"
same "$tmp/o" '\n'

# A template or data file that cannot be opened: 66.
expect 66 "$gen" render "$tmp/none.mustache" --data "$tmp/d.yaml"
expect 66 "$gen" render "$tmp/t/other.mustache" --data "$tmp/none.yaml"

check_done
