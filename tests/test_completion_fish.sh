#!/bin/sh
# Checks completion/gen.fish in fish: for each command line, what
# `complete -C LINE` lists (fish's own completion, with gen.fish loaded
# from fish_complete_path by the command's name, as when installed).
# Usage: sh tests/test_completion_fish.sh BUILDDIR
set -u
name=test_completion_fish
. tests/lib_check.sh
. tests/lib_completion.sh
check_init "${1:-build}"
command -v fish >/dev/null 2>&1 || {
	echo "$name: fish is not installed" \
	    "(sh tests/ensure-packages.sh test)" >&2
	exit 1
}
completion_fixtures "$tmp"
mini="gen --data $tmp/mini.yaml"
tab=$(printf '\t')
# The expected lists are sorted byte by byte.
LC_ALL=C
export LC_ALL

# candidates LINE: what fish offers for LINE into $tmp/c, one a line as
# WORD<tab>DESCRIPTION.  The completion calls gen by the name typed, so
# ours comes first in PATH; a leading ~ means $tmp.  Anything fish says
# on stderr (a syntax error in gen.fish, say) fails the check.
candidates() {
	PATH=${gen%/gen}:$PATH HOME=$tmp fish --no-config -c '
	    set -p fish_complete_path $argv[1]
	    complete -C $argv[2]' "$top/completion" "$1" > "$tmp/c" 2> "$tmp/e"
	[ -s "$tmp/e" ] && fail "'$1': fish said: $(cat "$tmp/e")"
}

# offers 'EXPECTED' LINE: completing LINE offers exactly EXPECTED (sorted,
# separated by blanks).
offers() {
	checks=$((checks + 1))
	candidates "$2"
	got=$(cut -f 1 "$tmp/c" | sort -u | paste -sd ' ' -)
	want=$(printf '%s\n' $1 | paste -sd ' ' -)
	[ "$got" = "$want" ] || fail "'$2': got '$got', expected '$want'"
}

# describes WORD DESCRIPTION LINE: completing LINE offers WORD described
# as DESCRIPTION.
describes() {
	checks=$((checks + 1))
	candidates "$3"
	grep -qxF -e "$1$tab$2" "$tmp/c" ||
	    fail "'$3': no '$1' described as '$2' in: $(cat "$tmp/c")"
}

# The verb, and the options: every option of gen --help but render's,
# each with its description.
offers 'render' 'gen r'
describes render 'render one template against a YAML document' 'gen r'
offers '--lang --list-langs --list-locales --list-outputs --list-sets --locale' 'gen --l'
offers '--include --include-unofficial' 'gen --lang c --inc'
offers '--stamp' 'gen --lang c --st'
offers '' 'gen --lang c re'
"$gen" --help | grep -o -e '--[a-z][a-z-]*' | sort -u |
    grep -v -x -e --partials -e --escape -e --strict > "$tmp/opts"
offers "$(paste -sd ' ' - < "$tmp/opts")" 'gen --'
while read -r opt; do
	grep -q -e "^$opt$tab." "$tmp/c" ||
	    fail "'gen --': $opt has no description"
done < "$tmp/opts"
describes --list-sets "list the registry's sets and exit" 'gen --list-s'
offers '--data --escape --help --max-input-size --output --partials
--strict -h -o' 'gen render x.mustache -'
offers '--strict' 'gen render x.mustache --st'

# Languages: the built-in ones, and those of --templates given before.
# Which languages are built in is gen's business, so ask it.
builtin=$("$gen" --list-langs | awk '{ print $1 }' | sort | paste -sd ' ' -)
case " $builtin " in
*" c "*" python "*) ;;
*)	echo "$name: gen --list-langs lists '$builtin'" >&2
	exit 1 ;;
esac
offers "$builtin" 'gen --lang '
offers 'python' 'gen -l py'
offers '--lang=python' 'gen --lang=py'
offers '-lpython' 'gen -lpy'
offers "$(printf '%s\n' $builtin testlang | sort | paste -sd ' ' -)" \
    "gen --templates $tmp/tpl --lang "
offers 'testlang' "gen --templates=$tmp/tpl --lang te"
offers 'testlang' 'gen --templates ~/tpl -l te'
describes testlang x "gen --templates $tmp/tpl --lang te"

# Locales: the built-in registry's, or those of --data.
offers 'en zh-CN' 'gen --lang c --locale '
offers 'de fr' "$mini --lang c --locale "
offers 'de fr' 'gen --data=~/mini.yaml --locale '
offers '' 'gen --data ~/nonexistent.yaml --locale '

# Sets: the built-in registry's, or those of --data; after a comma, the
# rest of the list, less the sets it has already.
sets=$("$gen" --list-sets | sort | paste -sd ' ' -)
case " $sets " in
*" cloudflare "*" nginx "*) ;;
*)	echo "$name: gen --list-sets lists '$sets'" >&2
	exit 1 ;;
esac
offers "$sets" 'gen --lang c --include '
offers 'nginx' 'gen --lang c --include ng'
offers 'oldhat other vendor' "$mini --include "
offers 'vendor,oldhat vendor,other' "$mini --include vendor,"
offers 'vendor,other' "$mini --include vendor,ot"
offers 'oldhat,vendor,other' "$mini --include oldhat,vendor,"
offers '--include=other,vendor' "$mini --include=other,v"

# Escape modes, with what each does.
offers 'c go html markdown none python' 'gen render x --escape '
offers 'markdown' 'gen render x --escape m'
offers '--escape=markdown' 'gen render x --escape=m'
describes html '& < > " as entities (the default)' 'gen render x --escape h'

# Paths: files for file options and the template, directories for
# directory options.
cd "$tmp/work" || exit 1
offers 'codes.yaml' 'gen --lang c --data c'
offers 'outdir/' 'gen --lang c --out o'
offers '--out=outdir/' 'gen --lang c --out=o'
offers 'outdir/' 'gen --lang c --templates '
offers 'page.mustache' 'gen render p'
offers 'old.txt outdir/' 'gen render x -o o'
offers '' 'gen --lang c --c-prefix '

# The gen named on the line is the one asked.
offers 'viapath' "$tmp/other/gen --lang "
offers 'viapath' '~/other/gen --lang '
cd "$top" || exit 1

check_done
