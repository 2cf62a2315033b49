#!/bin/sh
# End-to-end checks of the gen command line.
# Usage: sh tests/test_cli.sh BUILDDIR
set -u
name=test_cli
. tests/lib_check.sh
check_init "${1:-build}"

# Help, version, usage errors.
expect 0 "$gen" --help
grep -q -- '--lang' "$tmp/o" || fail "--help does not mention --lang"
expect 0 "$gen" --version
grep -q '^gen [0-9]' "$tmp/o" || fail "--version prints '$(cat "$tmp/o")'"
# A full standard output is an I/O error, whatever was printed.
for args in "--help" "--version" "--list-langs" "--lang c"; do
	# shellcheck disable=SC2086
	"$gen" $args > /dev/full 2> "$tmp/e"
	got=$?
	checks=$((checks + 1))
	[ "$got" -eq 74 ] || fail "'gen $args > /dev/full' exited $got, expected 74"
	same_text "$tmp/e" "gen: error: standard output: No space left on device"
done
expect 64 "$gen"
head -n 1 "$tmp/e" > "$tmp/e1"
same_text "$tmp/e1" "gen: error: no language given; use --lang (see 'gen --list-langs')"
expect 64 "$gen" --bogus
expect 64 "$gen" --lang cc
head -n 1 "$tmp/e" > "$tmp/e1"
same_text "$tmp/e1" "gen: error: unknown language 'cc'; did you mean 'c'?"
expect 64 "$gen" --lang c --locale fr
same_text "$tmp/e" "gen: error: unknown locale 'fr'; expected one of: en, zh-CN"
expect 64 "$gen" --lang c --locale zh
same_text "$tmp/e" "gen: error: unknown locale 'zh'; did you mean 'zh-CN'?"
expect 64 "$gen" --lang c -o x --out y
expect 64 "$gen" --lang c --check
expect 64 "$gen" --lang c --c-prefix 9x
expect 64 "$gen" --lang c --c-prefix int
same_text "$tmp/e" "gen: error: --c-prefix 'int' is a keyword of C"
expect 64 "$gen" --lang c --c-prefix x__y
same_text "$tmp/e" "gen: error: --c-prefix 'x__y' is reserved in C: it contains a double underscore"
expect 64 "$gen" --lang c --include nginxx
head -n 1 "$tmp/e" > "$tmp/e1"
same_text "$tmp/e1" "gen: error: unknown set 'nginxx'; did you mean 'nginx'?"

# Colour only on a terminal, and never with NO_COLOR set.  script(1)
# (util-linux, essential on Debian) gives gen a terminal.
command -v script >/dev/null 2>&1 || fail "script(1) is needed (util-linux)"
esc=$(printf '\033')
checks=$((checks + 1))
script -qec "'$gen' --lang cc" /dev/null > "$tmp/tty" 2>&1
grep -q "${esc}\[1;31merror:" "$tmp/tty" || fail "no colour on a terminal"
checks=$((checks + 1))
NO_COLOR=1 script -qec "'$gen' --lang cc" /dev/null > "$tmp/tty" 2>&1
grep -q "$esc" "$tmp/tty" && fail "colour on a terminal despite NO_COLOR"
grep -q "error: unknown language 'cc'" "$tmp/tty" || fail "no error under NO_COLOR"
grep -q "$esc" "$tmp/e" && fail "colour when stderr is not a terminal"

# The languages are listed.
expect 0 "$gen" --list-langs
for l in c python go markdown; do
	grep -q "^$l " "$tmp/o" || fail "--list-langs lacks $l"
done
# So are the locales, the default first (shell completion reads them).
expect 0 "$gen" --list-locales
same_text "$tmp/o" "en
zh-CN"
expect 66 "$gen" --list-locales --data "$tmp/nonexistent.yaml"
# And the sets, in the order of the data, none for a registry without.
expect 0 "$gen" --list-sets
same_text "$tmp/o" "nginx
cloudflare
iis
shopify
apache
aws
esri
other"
expect 0 "$gen" --list-sets --data "$top/tests/schema/good/everything.yaml"
same_text "$tmp/o" "vendor
other"
expect 0 "$gen" --list-sets --data "$top/tests/schema/good/minimal.yaml"
[ -s "$tmp/o" ] && fail "--list-sets without sets printed '$(cat "$tmp/o")'"
expect 66 "$gen" --list-sets --data "$tmp/nonexistent.yaml"

# stdout, quiet on success, works from any directory (embedded data).
cd "$tmp" || exit 1
expect 0 "$gen" --lang c
[ -s "$tmp/o" ] || fail "--lang c printed nothing"
[ -s "$tmp/e" ] && fail "--lang c was not quiet: $(cat "$tmp/e")"
grep -q 'HTTP_STATUS_NOT_FOUND' "$tmp/o" || fail "header lacks HTTP_STATUS_NOT_FOUND"
cp "$tmp/o" "$tmp/stdout.h"
cd "$top" || exit 1

# -o writes the same bytes; --out writes the conventional paths.
expect 0 "$gen" --lang c -o "$tmp/one/http_status.h"
cmp -s "$tmp/one/http_status.h" "$tmp/stdout.h" || fail "-o differs from stdout"
expect 0 "$gen" --lang c --lang python --lang go --lang markdown --out "$tmp/all"
for f in c/http_status.h python/http_status.py go/httpstatus/httpstatus.go \
    docs/http_status.md docs/http_status.zh-CN.md; do
	[ -s "$tmp/all/$f" ] || fail "--out did not write $f"
done
# A per-locale output with -o writes the chosen locale only.
expect 0 "$gen" --lang markdown --locale zh-CN -o "$tmp/x.md"
cmp -s "$tmp/x.md" "$tmp/all/docs/http_status.zh-CN.md" || fail "-o --locale zh-CN differs from --out"

# --check: current is 0, stale is 1 and names the file, nothing written.
expect 0 "$gen" --lang c --lang go --out "$tmp/all" --check
echo '/* edited */' >> "$tmp/all/c/http_status.h"
cp "$tmp/all/c/http_status.h" "$tmp/edited"
expect 1 "$gen" --lang c --out "$tmp/all" --check
same_text "$tmp/e" "gen: error: $tmp/all/c/http_status.h: out of date
gen: note: to regenerate, run: $gen --lang c --out $tmp/all"
cmp -s "$tmp/all/c/http_status.h" "$tmp/edited" || fail "--check wrote a file"
# The command to regenerate is the one given, without --check, quoted.
expect 1 "$gen" --lang c --check --out "$tmp/all" --c-prefix "http_status"
tail -n 1 "$tmp/e" > "$tmp/e1"
same_text "$tmp/e1" "gen: note: to regenerate, run: $gen --lang c --out $tmp/all --c-prefix http_status"
mkdir -p "$tmp/it's dir"
cp -R "$tmp/all/c" "$tmp/it's dir/"
expect 1 "$gen" --ch -l c --out "$tmp/it's dir"
tail -n 1 "$tmp/e" > "$tmp/e1"
same_text "$tmp/e1" "gen: note: to regenerate, run: $gen -l c --out '$tmp/it'\\''s dir'"
# --diff: diff -u of the file and the new text ("-"), per output, on
# stdout; a missing output is diffed against /dev/null.
rm -f "$tmp/all/go/httpstatus/httpstatus.go"
expect 1 "$gen" --lang c --lang go --out "$tmp/all" --check --diff
same_text "$tmp/e" "gen: error: $tmp/all/c/http_status.h: out of date
gen: error: $tmp/all/go/httpstatus/httpstatus.go: missing"
grep -v -e '^---' -e '^+++' -e '^@@' -e '^ ' -e '^+' "$tmp/o" > "$tmp/o1"
same_text "$tmp/o1" "-/* edited */"
grep -c '^--- ' "$tmp/o" > "$tmp/o1"
same_text "$tmp/o1" "2"
grep '^--- ' "$tmp/o" | cut -f 1 > "$tmp/o1"
same_text "$tmp/o1" "--- $tmp/all/c/http_status.h
--- /dev/null"
expect 0 "$gen" --lang go --out "$tmp/all"
expect 0 "$gen" --lang go --out "$tmp/all" --check --diff
[ -s "$tmp/o" ] && fail "--check --diff printed a diff of current outputs"
cp "$tmp/edited" "$tmp/all/c/http_status.h"

# --list-outputs prints what would be written, and writes nothing.
expect 0 "$gen" --lang c --lang markdown --out "$tmp/lo" --list-outputs \
    --depfile "$tmp/lo.d"
same_text "$tmp/o" "$tmp/lo/c/http_status.h
$tmp/lo/docs/http_status.md
$tmp/lo/docs/http_status.zh-CN.md
$tmp/lo.d"
[ -e "$tmp/lo" ] || [ -e "$tmp/lo.d" ] && fail "--list-outputs wrote a file"
expect 0 "$gen" --lang c -o "$tmp/lo.h" --list-outputs
same_text "$tmp/o" "$tmp/lo.h"
[ -e "$tmp/lo.h" ] && fail "--list-outputs -o wrote a file"

# --stamp: touched (made) after each run that writes, even when no
# output changed; not after a failed run, --check or --list-outputs.
expect 0 "$gen" --lang go --out "$tmp/all" --stamp "$tmp/st"
[ -f "$tmp/st" ] || fail "--stamp did not make the stamp"
touch -d '2001-01-01 00:00:00' "$tmp/st" "$tmp/all/go/httpstatus/httpstatus.go"
expect 0 "$gen" --lang go --out "$tmp/all" --stamp "$tmp/st"
[ -n "$(find "$tmp/st" -newermt '2002-01-01')" ] || fail "--stamp was not touched"
[ -z "$(find "$tmp/all/go" -type f -newermt '2002-01-01')" ] ||
	fail "--stamp: an unchanged output was rewritten"
touch -d '2001-01-01 00:00:00' "$tmp/st"
expect 0 "$gen" --lang go --out "$tmp/all" --stamp "$tmp/st" --check
expect 0 "$gen" --lang go --out "$tmp/all" --stamp "$tmp/st" --list-outputs
expect 65 "$gen" --lang go --out "$tmp/all" --stamp "$tmp/st" \
    --data tests/bad/tab_indent.yaml
[ -z "$(find "$tmp/st" -newermt '2002-01-01')" ] ||
	fail "--stamp touched after --check, --list-outputs or a failure"
printf 'x' > "$tmp/sf"
expect 73 "$gen" --lang go --out "$tmp/all" --stamp "$tmp/sf/st"
same_text "$tmp/e" "gen: error: $tmp/sf/st: Not a directory"

# Unchanged outputs are not rewritten (mtime stays).
expect 0 "$gen" --lang go --out "$tmp/all"
touch -d '2001-01-01 00:00:00' "$tmp/all/go/httpstatus/httpstatus.go"
expect 0 "$gen" --lang go --out "$tmp/all"
[ "$(find "$tmp/all/go/httpstatus/httpstatus.go" -newermt '2002-01-01')" = "" ] ||
	fail "an unchanged output was rewritten"

# Determinism: locale, time zone, and the spelling of the data path.
expect 0 "$gen" --lang c --data data/http_status.yaml -o "$tmp/d1.h"
LC_ALL=C.UTF-8 TZ=Asia/Shanghai expect 0 "$gen" --lang c \
    --data ./data//http_status.yaml -o "$tmp/d2.h"
cmp -s "$tmp/d1.h" "$tmp/d2.h" || fail "output depends on locale, TZ or path spelling"
cmp -s "$tmp/d1.h" "$tmp/stdout.h" || fail "--data of the built-in file differs from the embedded data"
head -n 1 "$tmp/d1.h" > "$tmp/l1"
same_text "$tmp/l1" "/* Code generated by gen from data/http_status.yaml. DO NOT EDIT. */"
expect 0 "$gen" --lang c --data "$top/data/http_status.yaml" -o "$tmp/d3.h"
grep -q "$top" "$tmp/d3.h" && fail "an absolute data path leaked into the output"

# Ids derived from phrases spell Latin letters in ASCII, from U+00C0
# to U+017F; signs separate words, a typographic apostrophe is dropped
# (tests/bad/phrase_no_spelling.yaml: what has no spelling).
head -n 10 tests/bad/phrase_digits.yaml > "$tmp/latin.yaml"
printf 'statuses:\n' >> "$tmp/latin.yaml"
n=200
for p in "Déjà Vu" "Straße Æther Łódź" "Œuvre×Þing" "Don’t «Panic»" \
    "Àÿ Āſ" "ĲŉĸĦŦĐ" "Ok ✓ 😀 Go"; do
	printf '  - {code: %d, phrase: "%s", status: standard, description: x}\n' $n "$p" \
	    >> "$tmp/latin.yaml"
	n=$((n + 1))
done
expect 0 "$gen" --lang json --data "$tmp/latin.yaml"
sed -n 's/^ *"id": "\([^"]*\)",*$/\1/p' "$tmp/o" | tail -n 7 > "$tmp/ids"
same_text "$tmp/ids" "deja_vu
strasse_aether_lodz
oeuvre_thing
dont_panic
ay_as
ijnkhtd
ok_go"

# Missing input, unwritable output.
expect 66 "$gen" --lang c --data "$tmp/nonexistent.yaml"
same_text "$tmp/e" "gen: error: $tmp/nonexistent.yaml: No such file or directory"
printf 'x' > "$tmp/file"
expect 73 "$gen" --lang c -o "$tmp/file/sub/x.h"

# Depfile: outputs depend on the data file and the templates read.
mkdir -p "$tmp/tpl/c"
printf 'custom {{registry.name}}\n' > "$tmp/tpl/c/http_status.h.mustache"
expect 0 "$gen" --lang c --data data/http_status.yaml --templates "$tmp/tpl" \
    -o "$tmp/dep.h" --depfile "$tmp/dep.d"
same_text "$tmp/dep.d" "$tmp/dep.h: data/http_status.yaml $tmp/tpl/c/http_status.h.mustache"
tail -n 1 "$tmp/dep.h" > "$tmp/l1"
same_text "$tmp/l1" "custom http_status"

# Overriding one partial of a built-in language keeps the rest of it.
mkdir -p "$tmp/pre/c"
printf '/* Our own preamble for {{registry.name}}. */\n' \
    > "$tmp/pre/c/preamble.mustache"
expect 0 "$gen" --lang c --templates "$tmp/pre" -o "$tmp/pre.h"
sed -n 2p "$tmp/pre.h" > "$tmp/l1"
same_text "$tmp/l1" "/* Our own preamble for http_status. */"
sed -n '/^#ifndef HTTP_STATUS_H$/,$p' "$tmp/pre.h" > "$tmp/pre.rest"
sed -n '/^#ifndef HTTP_STATUS_H$/,$p' "$tmp/stdout.h" > "$tmp/std.rest"
cmp -s "$tmp/pre.rest" "$tmp/std.rest" ||
	fail "overriding preamble.mustache changed the rest of the header"

# --jobs: outputs render in threads, yet the files and messages are
# those of one after another.  Two languages of our own fail: the first
# in --lang order reports, whichever thread finished first.
expect 64 "$gen" --lang c --jobs 0
same_text "$tmp/e" "gen: error: --jobs takes a positive number, not '0'"
expect 64 "$gen" --lang c -j x
expect 0 "$gen" -j 1 --lang c --lang python --lang go --lang markdown \
    --lang rust --out "$tmp/j1"
expect 0 "$gen" -j 8 --lang c --lang python --lang go --lang markdown \
    --lang rust --out "$tmp/j8"
diff -r "$tmp/j1" "$tmp/j8" > /dev/null || fail "-j 8 wrote other files than -j 1"
user_lang "$tmp/jt" slow
user_lang "$tmp/jt" quick
# slow fails after walking every status; quick fails at once.
printf '{{#statuses}}{{code}}{{/statuses}}{{nope_slow}}\n' \
    > "$tmp/jt/slow/t.mustache"
printf '{{nope_quick}}\n' > "$tmp/jt/quick/t.mustache"
for j in 1 2 8; do
	expect 65 "$gen" -j $j --templates "$tmp/jt" --lang c --lang slow \
	    --lang quick --out "$tmp/jo"
	head -n 1 "$tmp/e" | sed 's/:[0-9]*:[0-9]*:.*//' > "$tmp/e1"
	same_text "$tmp/e1" "$tmp/jt/slow/t.mustache"
	[ -z "$(find "$tmp/jo" -type f 2>/dev/null)" ] ||
		fail "-j $j: a failed run wrote $(find "$tmp/jo" -type f)"
done

# The identifier checks run while the outputs render (model.h): when
# they fail, theirs is the whole report, as if they had run first, and
# nothing is written; when they pass, a later error is reported.
ids=tests/bad/duplicate_id_alias
for j in 1 2; do
	expect 65 "$gen" -j $j --data "$ids.yaml" --lang c --lang nope \
	    --out "$tmp/ido"
	cmp -s "$tmp/e" "$ids.err" ||
		fail "-j $j: a bad id and a bad language: $(head -n 2 "$tmp/e")"
	expect 65 "$gen" -j $j --data "$ids.yaml" --lang c --lang python \
	    --out "$tmp/ido"
	cmp -s "$tmp/e" "$ids.err" ||
		fail "-j $j: a bad id: $(head -n 2 "$tmp/e")"
	[ -z "$(find "$tmp/ido" -type f 2>/dev/null)" ] ||
		fail "-j $j: failed checks wrote $(find "$tmp/ido" -type f)"
done
expect 64 "$gen" --lang c --lang nope --out "$tmp/ido"
grep -q "unknown language 'nope'" "$tmp/e" ||
	fail "a bad language after good data: $(head -n 1 "$tmp/e")"

# gen render.
printf '{{#xs}}{{.}}{{^@last}},{{/@last}}{{/xs}} {{y}}\n' > "$tmp/r.mustache"
printf 'xs: [1, 2, 3]\ny: "<&>"\n' > "$tmp/r.yaml"
expect 0 "$gen" render "$tmp/r.mustache" --data "$tmp/r.yaml"
same_text "$tmp/o" "1,2,3 &lt;&amp;&gt;"
expect 0 "$gen" render "$tmp/r.mustache" --data "$tmp/r.yaml" --escape none
same_text "$tmp/o" "1,2,3 <&>"
printf '{{#xs}}\n' > "$tmp/bad.mustache"
expect 65 "$gen" render "$tmp/bad.mustache"
head -n 1 "$tmp/e" > "$tmp/e1"
same_text "$tmp/e1" "$tmp/bad.mustache:2:1: error: section 'xs' is never closed"
printf '{{nope}}\n' > "$tmp/strict.mustache"
expect 0 "$gen" render "$tmp/strict.mustache"
expect 65 "$gen" render "$tmp/strict.mustache" --strict

# The command line reads as it did with getopt_long (gen/run/opts.h):
# each row is the exit status, the arguments, and the whole of stderr,
# taken from the build that still used getopt_long.  The rows run in
# $tmp, where "file" is a file of 65 bytes and nothing else is.
cd "$tmp" || exit 1
printf '%064d\n' 0 > file
while IFS='|' read -r want args msg; do
	case $want in '#'*) continue ;; esac
	eval "set -- $args"
	expect "$want" "$gen" "$@" < /dev/null
	{ [ -z "$msg" ] || printf '%s\n' "$msg"; } > "$tmp/want"
	cmp -s "$tmp/e" "$tmp/want" ||
	    fail "gen $args: said '$(cat "$tmp/e")', expected '$msg'"
done <<'EOT'
# Each option with its value after a space, after '=', and a prefix.
64|--lang pythn|gen: error: unknown language 'pythn'; did you mean 'python'?
64|--lang=pythn|gen: error: unknown language 'pythn'; did you mean 'python'?
64|--la pythn|gen: error: unknown language 'pythn'; did you mean 'python'?
64|--lang=|gen: error: option '--lang' needs a value, not ''
64|-l pythn|gen: error: unknown language 'pythn'; did you mean 'python'?
64|-lpythn|gen: error: unknown language 'pythn'; did you mean 'python'?
73|--lang c --output file/x.h|gen: error: file: Not a directory
73|--lang c --output=file/x.h|gen: error: file: Not a directory
73|--lang c --outp file/x.h|gen: error: file: Not a directory
73|--lang c -o file/x.h|gen: error: file: Not a directory
73|--lang c -ofile/x.h|gen: error: file: Not a directory
73|--lang c --out file/d|gen: error: file: Not a directory
73|--lang c --out=file/d|gen: error: file: Not a directory
66|--lang c --data nosuch.yaml|gen: error: nosuch.yaml: No such file or directory
66|--lang c --data=nosuch.yaml|gen: error: nosuch.yaml: No such file or directory
66|--lang c --dat nosuch.yaml|gen: error: nosuch.yaml: No such file or directory
66|--lang c --templates file|gen: error: --templates file: Not a directory
66|--lang c --templates=file|gen: error: --templates file: Not a directory
66|--lang c --templ file|gen: error: --templates file: Not a directory
64|--lang c --locale xx|gen: error: unknown locale 'xx'; expected one of: en, zh-CN
64|--lang c --locale=xx|gen: error: unknown locale 'xx'; expected one of: en, zh-CN
64|--lang c --loc xx|gen: error: unknown locale 'xx'; expected one of: en, zh-CN
64|--lang c --c-prefix 9x|gen: error: --c-prefix '9x' is not a valid identifier (use [a-z][a-z0-9_]*)
64|--lang c --c-prefix=9x|gen: error: --c-prefix '9x' is not a valid identifier (use [a-z][a-z0-9_]*)
64|--lang c --include ngin|gen: error: unknown set 'ngin'; did you mean 'nginx'?
64|--lang c --include=ngin|gen: error: unknown set 'ngin'; did you mean 'nginx'?
73|--lang c --include-unofficial -o file/x.h|gen: error: file: Not a directory
73|--lang c --include-u -o file/x.h|gen: error: file: Not a directory
64|--lang c --check|gen: error: --check needs -o or --out
64|--lang c --ch|gen: error: --check needs -o or --out
64|--lang c --depfile d|gen: error: --depfile needs -o or --out
64|--lang c --depfile=d|gen: error: --depfile needs -o or --out
64|--lang c --dep d|gen: error: --depfile needs -o or --out
66|--list-langs --templates nosuch|gen: error: --templates nosuch: No such file or directory
66|--templates nosuch --lang java|gen: error: --templates nosuch: No such file or directory
0|--list-la|
66|--list-locales --data nosuch.yaml|gen: error: nosuch.yaml: No such file or directory
66|--list-lo --data nosuch.yaml|gen: error: nosuch.yaml: No such file or directory
64|--lang c --max-input-size abc|gen: error: --max-input-size takes a positive number of bytes, not 'abc'
64|--lang c --max-input-size=abc|gen: error: --max-input-size takes a positive number of bytes, not 'abc'
64|--lang c --max abc|gen: error: --max-input-size takes a positive number of bytes, not 'abc'
65|--lang c --max-input-size 10 --data file|gen: error: file: file is larger than 10 bytes
65|--lang c --max-input-size=10 --data file|gen: error: file: file is larger than 10 bytes
64|--lang c --jobs 0|gen: error: --jobs takes a positive number, not '0'
64|--lang c --jobs=0|gen: error: --jobs takes a positive number, not '0'
64|--lang c --jo 0|gen: error: --jobs takes a positive number, not '0'
64|--lang c -j0|gen: error: --jobs takes a positive number, not '0'
64|--lang c -j 0|gen: error: --jobs takes a positive number, not '0'
64|--lang c -j x|gen: error: --jobs takes a positive number, not 'x'
64|--lang c -j=1|gen: error: --jobs takes a positive number, not '=1'
64|--lang c --jobs=-1|gen: error: --jobs takes a positive number, not '-1'
64|--lang c --partials x|gen: error: --partials, --escape and --strict belong to gen render
64|--lang c --partials=x|gen: error: --partials, --escape and --strict belong to gen render
64|--lang c --par x|gen: error: --partials, --escape and --strict belong to gen render
64|--lang c --escape none|gen: error: --partials, --escape and --strict belong to gen render
64|--lang c --escape=none|gen: error: --partials, --escape and --strict belong to gen render
64|--lang c --esc none|gen: error: --partials, --escape and --strict belong to gen render
64|--lang c --strict|gen: error: --partials, --escape and --strict belong to gen render
64|--lang c --str|gen: error: --partials, --escape and --strict belong to gen render
64|render nosuch.mustache --escape bogus|gen: error: unknown escape mode 'bogus' (use html, none, c, python, go or markdown)
64|render nosuch.mustache --escape=bogus|gen: error: unknown escape mode 'bogus' (use html, none, c, python, go or markdown)
66|render nosuch.mustache --partials=nosuch|gen: error: --partials nosuch: No such file or directory
66|render nosuch.mustache --partials=file|gen: error: --partials file: Not a directory
66|render nosuch.mustache --data nosuch.yaml|gen: error: nosuch.yaml: No such file or directory
66|render nosuch.mustache --data=nosuch.yaml|gen: error: nosuch.yaml: No such file or directory
0|-h|
0|--he|
0|--vers|
# A value is the next argument, whatever it looks like.
66|--lang c --data -x|gen: error: -x: No such file or directory
0|--lang c --output -o|
64|--lang c -o -- --out file/d|gen: error: -o and --out do not go together
64|--data --lang c|gen: error: unexpected argument 'c'; see 'gen --help'
# Ambiguous prefixes, unknown options, a value given to a flag.
64|--lang c --c 9x|gen: error: unknown option '--c'; see 'gen --help'
64|--lang c --inc nosuch|gen: error: unknown option '--inc'; see 'gen --help'
64|--list-l|gen: error: unknown option '--list-l'; see 'gen --help'
64|--o x|gen: error: unknown option '--o'; see 'gen --help'
64|--ou x|gen: error: unknown option '--ou'; see 'gen --help'
64|--l x|gen: error: unknown option '--l'; see 'gen --help'
64|--=x|gen: error: unknown option '--=x'; see 'gen --help'
64|--bogus|gen: error: unknown option '--bogus'; see 'gen --help'
64|--bogus=1|gen: error: unknown option '--bogus=1'; see 'gen --help'
64|--lang c --bogus|gen: error: unknown option '--bogus'; see 'gen --help'
64|foo --bogus|gen: error: unknown option '--bogus'; see 'gen --help'
64|---x|gen: error: unknown option '---x'; see 'gen --help'
64|-x|gen: error: unknown option '-x'; see 'gen --help'
64|-:|gen: error: unknown option '-:'; see 'gen --help'
64|-W foo|gen: error: unknown option '-W'; see 'gen --help'
64|--lang c --include-unofficial=1|gen: error: unknown option '--include-unofficial=1'; see 'gen --help'
64|--lang c --check=yes|gen: error: unknown option '--check=yes'; see 'gen --help'
64|--list-langs=1|gen: error: unknown option '--list-langs=1'; see 'gen --help'
64|--list-locales=x|gen: error: unknown option '--list-locales=x'; see 'gen --help'
64|--lang c --strict=1|gen: error: unknown option '--strict=1'; see 'gen --help'
64|--help=1|gen: error: unknown option '--help=1'; see 'gen --help'
64|--he=1|gen: error: unknown option '--he=1'; see 'gen --help'
64|--version=1|gen: error: unknown option '--version=1'; see 'gen --help'
64|--vers=x|gen: error: unknown option '--vers=x'; see 'gen --help'
# A mistyped long option: did you mean, within one edit (two from
# five letters on), and only when no option begins with it.
64|--lnag c|gen: error: unknown option '--lnag'; did you mean '--lang'?
64|--ouput x|gen: error: unknown option '--ouput'; did you mean '--output'?
64|--lang c --chekc|gen: error: unknown option '--chekc'; did you mean '--check'?
64|--lang c --stmp=s|gen: error: unknown option '--stmp=s'; did you mean '--stamp'?
64|--lnxx c|gen: error: unknown option '--lnxx'; see 'gen --help'
64|--list|gen: error: unknown option '--list'; see 'gen --help'
# An empty value is refused, whatever the option.
64|--lang c -o ''|gen: error: option '-o' needs a value, not ''
64|--lang c --out=|gen: error: option '--out' needs a value, not ''
64|--lang c --data ''|gen: error: option '--data' needs a value, not ''
# --out is a directory: not a file, nor a name gen gives files.
64|--lang c --out file|gen: error: --out takes a directory, not the file 'file'; use -o FILE for one output
64|--lang c --out x.h|gen: error: --out takes a directory, not the file 'x.h'; use -o FILE for one output
64|--lang c --out a/x.json|gen: error: --out takes a directory, not the file 'a/x.json'; use -o FILE for one output
0|--lang c --out x.hh --list-outputs|
# What cannot be read is 66, what cannot be made 73.
66|--lang c --data .|gen: error: .: Is a directory
73|--lang c -o .|gen: error: .: Is a directory
64|--lang c -o x.h --diff|gen: error: --diff goes with --check
64|--lang c --list-outputs|gen: error: --list-outputs needs -o or --out
# A value missing at the end.
64|--lang|gen: error: option '--lang' needs a value
64|--la|gen: error: option '--lang' needs a value
64|-l|gen: error: option '-l' needs a value
64|--lang c --data|gen: error: option '--data' needs a value
64|--lang c --output|gen: error: option '--output' needs a value
64|--lang c -o|gen: error: option '-o' needs a value
64|--lang c -j|gen: error: option '-j' needs a value
64|--lang c --jobs|gen: error: option '--jobs' needs a value
64|render nosuch.mustache --data|gen: error: option '--data' needs a value
64|c|gen: error: unexpected argument 'c'; see 'gen --help'
# Letters in a cluster.
0|-hh|
0|-hj4|
0|-lc -h|
64|-hx|gen: error: unknown option '-hx'; see 'gen --help'
64|-hj|gen: error: option '-j' needs a value
64|-hl|gen: error: option '-l' needs a value
64|-hjx|gen: error: --jobs takes a positive number, not 'x'
64|-jh|gen: error: --jobs takes a positive number, not 'h'
64|-hlx -x|gen: error: unknown option '-x'; see 'gen --help'
64|-lnosuch -x|gen: error: unknown option '-x'; see 'gen --help'
64|-x -h|gen: error: unknown option '-x'; see 'gen --help'
64|-h -x|gen: error: unknown option '-x'; see 'gen --help'
64|--help -x|gen: error: unknown option '-x'; see 'gen --help'
64|--help --bogus|gen: error: unknown option '--bogus'; see 'gen --help'
# An unknown letter before the end of its cluster names the argument
# before it, or the last operand (getopt_long's optind - 1).
64|render -xh|gen: error: unknown option 'render'; see 'gen --help'
64|foo -xh|gen: error: unknown option 'foo'; see 'gen --help'
64|-o F -xh|gen: error: unknown option 'F'; see 'gen --help'
64|a -o F -xh|gen: error: unknown option 'a'; see 'gen --help'
64|a -h b -xh|gen: error: unknown option 'b'; see 'gen --help'
64|--lang c -xh|gen: error: unknown option 'c'; see 'gen --help'
# Operands, "--", and options after operands.
64|--|gen: error: no language given; use --lang (see 'gen --list-langs')
64|-- -h|gen: error: unexpected argument '-h'; see 'gen --help'
64|-- --lang c|gen: error: unexpected argument '--lang'; see 'gen --help'
0|--lang c --|
64|--lang c -- -x|gen: error: unexpected argument '-x'; see 'gen --help'
64|--lang c -- --bogus|gen: error: unexpected argument '--bogus'; see 'gen --help'
64|--lang c render|gen: error: unexpected argument 'render'; see 'gen --help'
64|foo --lang c|gen: error: unexpected argument 'foo'; see 'gen --help'
64|--lang c -|gen: error: unexpected argument '-'; see 'gen --help'
66|render --data nosuch.yaml nosuch.mustache|gen: error: nosuch.yaml: No such file or directory
66|render --escape none nosuch.mustache|gen: error: nosuch.mustache: No such file or directory
64|render nosuch.mustache --lang c|gen: error: gen render takes no --lang, --out or --depfile
66|render nosuch.mustache -o file/x|gen: error: nosuch.mustache: No such file or directory
64|render a.mustache b.mustache|gen: error: gen render takes one template
64|render a.mustache -- b.mustache|gen: error: gen render takes one template
66|render -- nosuch.mustache|gen: error: nosuch.mustache: No such file or directory
66|render -- --data|gen: error: --data: No such file or directory
64|render|gen: error: gen render takes one template
0|render -h|
EOT
# With POSIXLY_CORRECT set, the first operand ends the options.
expect 64 env POSIXLY_CORRECT=1 "$gen" render nosuch.mustache --escape none
same_text "$tmp/e" "gen: error: gen render takes one template"
expect 64 env POSIXLY_CORRECT= "$gen" --lang c foo --bogus
same_text "$tmp/e" "gen: error: unexpected argument 'foo'; see 'gen --help'"
# An unknown first letter of the first argument names the program.
expect 64 "$gen" -xh
same_text "$tmp/e" "gen: error: unknown option '$gen'; see 'gen --help'"
cd "$top" || exit 1

check_done
