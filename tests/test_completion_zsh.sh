#!/bin/sh
# Drives completion/_gen in a real interactive zsh: an interactive
# `zsh -f` on a pseudo-terminal (zsh/zpty), with compinit and our _gen
# first on fpath, is sent a command line and TAB; a wrapper around
# compadd reports every match zsh's completion system adds, with its
# description, and a key bound after TAB reports the line as TAB left it.
# Usage: sh tests/test_completion_zsh.sh BUILDDIR
# The rest of this file is zsh: sh reads it one command at a time, so it
# never parses what follows the exec.
command -v zsh >/dev/null 2>&1 || {
	echo "test_completion_zsh: zsh is not installed" \
	    "(sh tests/ensure-packages.sh test)" >&2
	exit 1
}
[ -n "${ZSH_VERSION:-}" ] || exec zsh -f "$0" "$@"

setopt nounset extendedglob
# The expected lists are sorted byte by byte.
export LC_ALL=C
name=test_completion_zsh
# lib_check.sh is sh: its functions keep sh's rules when they run, so the
# EXIT trap check_init sets fires when the test ends, not when
# check_init returns.
emulate sh -c '. tests/lib_check.sh; . tests/lib_completion.sh'
check_init "${1:-build}"
zmodload zsh/zpty zsh/zselect || {
	echo "$name: zsh lacks the zsh/zpty module" >&2
	exit 1
}

completion_fixtures "$tmp"
mini="gen --data $tmp/mini.yaml"

# What the zsh under test runs first.  Matches come from a wrapper of
# compadd: it lets through the calls by which zsh's helpers only filter
# words (-O, -A, -D), and for the others prints each match that fits the
# line as it would stand after IPREFIX (--opt=, or the sets before a
# comma), and each description line.
cat > "$tmp/setup.zsh" <<EOF
PS1= PS2= RPS1=
bindkey -e
fpath=("$top/completion" \$fpath)
autoload -Uz compinit && compinit -u -D
unsetopt autolist automenu beep
EOF
cat >> "$tmp/setup.zsh" <<'EOF'
compadd() {
	local -a m d
	local w end=${argv[(i)(-|--)]} dopt=${argv[(i)-d]}

	if [[ -n ${(M)argv[1,end-1]:#-[OAD]*} ]]; then
		builtin compadd "$@"
		return
	fi
	builtin compadd -O m "$@"
	for w in $m; do print -r -- "<<m>>$IPREFIX$w"; done
	if (( dopt < end )); then
		d=("${(@P)argv[dopt+1]}")
		builtin compadd -D d "$@"
		for w in $d; do print -r -- "<<d>>$w"; done
	fi
	builtin compadd "$@"
}
gen-test-complete() {
	print -r -- '<<begin>>'
	zle complete-word
	print -r -- '<<end>>'
}
gen-test-line() {
	print -r -- "<<line>>$BUFFER"
	BUFFER=
	print -r -- '<<done>>'
}
zle -N gen-test-complete
zle -N gen-test-line
bindkey '^I' gen-test-complete
bindkey '^T' gen-test-line
print -r -- '<<ready>>'
EOF

# await PATTERN: reads the zsh under test into out until out matches
# PATTERN; gives up (and the test fails) after 30 seconds.
await() {
	local chunk deadline=$((SECONDS + 30))

	out=
	until [[ $out == $~1 ]]; do
		if zpty -r -t z chunk; then
			out+=${chunk//$'\r'/}
		elif (( SECONDS > deadline )); then
			echo "$name: no answer from zsh; it said: $out" >&2
			exit 1
		else
			zselect -t 2
		fi
	done
}

# The completion calls gen by the name typed, so put ours first; a
# leading ~ means $tmp.
export PATH=${gen:h}:$PATH HOME=$tmp
cd "$tmp/work" || exit 1
zpty z zsh -f -i
zpty -w z ". '$tmp/setup.zsh'"
await '*<<ready>>*'

# complete LINE [KEYS]: types LINE, TAB and KEYS.  Sets got to the
# matches (sorted, unique, space-separated), descs to the description
# lines (runs of blanks squeezed to one) and after to the line as TAB and
# KEYS left it.
complete_line() {
	local l

	zpty -w -n z "$1"$'\t'"${2-}"$'\x14'
	await '*<<begin>>*<<end>>*<<line>>*<<done>>*'
	got=() descs=() after=
	for l in ${(f)out}; do
		case $l in
		*'<<m>>'*) got+=("${l#*<<m>>}") ;;
		*'<<d>>'*) descs+=("${${l#*<<d>>}//[[:space:]]##/ }") ;;
		*'<<line>>'*) after=${l#*<<line>>} ;;
		esac
	done
	got=${(j: :)${(ou)got}}
}

# offers EXPECTED LINE: completing LINE offers exactly EXPECTED (sorted,
# separated by blanks).
offers() {
	local want=${(j: :)${=1}}

	checks=$((checks + 1))
	complete_line "$2"
	[[ $got == "$want" ]] || fail "'$2': got '$got', expected '$want'"
}

# leaves EXPECTED LINE [KEYS]: TAB after LINE, then KEYS, leave
# EXPECTED on the line.
leaves() {
	checks=$((checks + 1))
	complete_line "$2" "${3-}"
	[[ $after == "$1" ]] ||
	    fail "'$2' TAB '${3-}': left '$after', expected '$1'"
}

# describes DESCRIPTION LINE: completing LINE shows DESCRIPTION.
describes() {
	checks=$((checks + 1))
	complete_line "$2"
	(( ${descs[(Ie)$1]} )) ||
	    fail "'$2': no '$1' among: ${(j:, :)descs}"
}

# The verb, and the options: every option of gen --help but render's,
# each with its description.
offers 'render' 'gen r'
leaves 'gen render ' 'gen r'
offers '--lang --list-langs --list-locales --list-outputs --list-sets --locale' 'gen --l'
offers '--include --include-unofficial' 'gen --lang c --inc'
offers '--stamp' 'gen --lang c --st'
offers '' 'gen --lang c re'
opts=(${(f)"$("$gen" --help | grep -o -e '--[a-z][a-z-]*' | sort -u)"})
longopts=${(j: :)${opts:#(--partials|--escape|--strict)}}
offers "$longopts" 'gen --'
for opt in ${=longopts}; do
	[[ -n ${(M)descs:#$opt -- ?*} ]] ||
	    fail "'gen --': $opt has no description"
done
describes '--list-sets -- list the registry'\''s sets and exit' 'gen --list-s'
offers '--data --escape --help --max-input-size --output --partials
--strict -h -o' \
    'gen render x.mustache -'
offers '--strict' 'gen render x.mustache --st'

# Languages: the built-in ones, and those of --templates given before.
# Which languages are built in is gen's business, so ask it.
builtin=${(j: :)${(o)${${(f)"$("$gen" --list-langs)"}%% *}}}
[[ " $builtin " == *" c "*" python "* ]] ||
    { echo "$name: gen --list-langs lists '$builtin'" >&2; exit 1; }
offers "$builtin" 'gen --lang '
offers 'python' 'gen -l py'
leaves 'gen --lang=python ' 'gen --lang=py'
langs=(${=builtin} testlang)
offers "${(j: :)${(@o)langs}}" "gen --templates $tmp/tpl --lang "
offers 'testlang' "gen --templates=$tmp/tpl --lang te"
offers 'testlang' "gen --templates ~/tpl -l te"
describes 'testlang -- x' "gen --templates $tmp/tpl --lang te"

# Locales: the built-in registry's, or those of --data.
offers 'en zh-CN' 'gen --lang c --locale '
offers 'de fr' "$mini --lang c --locale "
offers 'de fr' 'gen --data=~/mini.yaml --locale '

# Sets: the built-in registry's, or those of --data; after a comma, the
# rest of the list, less the sets it has already.
sets=${(j: :)${(o)${(f)"$("$gen" --list-sets)"}}}
[[ " $sets " == *" cloudflare "*" nginx "* ]] ||
    { echo "$name: gen --list-sets lists '$sets'" >&2; exit 1; }
offers "$sets" 'gen --lang c --include '
offers 'nginx' 'gen --lang c --include ng'
offers 'oldhat other vendor' "$mini --include "
offers 'vendor,oldhat vendor,other' "$mini --include vendor,"
offers 'oldhat,vendor,other' "$mini --include oldhat,vendor,"
offers '--include=other,vendor' "$mini --include=other,v"
# The comma after the set goes again when a space is typed.
leaves "$mini --include vendor,other," \
    "$mini --include vendor,ot"
leaves "$mini --include vendor,other --" \
    "$mini --include vendor,ot" ' --'

# Escape modes, with what each does.
offers 'c go html markdown none python' 'gen render x --escape '
offers 'markdown' 'gen render x --escape m'
leaves 'gen render x --escape=markdown ' 'gen render x --escape=m'
describes 'html -- & < > " as entities (the default)' 'gen render x --escape h'

# Paths: files for file options and the template, directories for
# directory options.
offers 'codes.yaml' 'gen --lang c --data c'
offers 'outdir' 'gen --lang c --out o'
offers 'outdir' 'gen --lang c --templates '
offers 'page.mustache' 'gen render p'
offers 'old.txt outdir' 'gen render x -o o'
offers '' 'gen --lang c --c-prefix '

# The gen named on the line is the one asked.
offers 'viapath' "$tmp/other/gen --lang "
offers 'viapath' '~/other/gen --lang '

zpty -d z
cd "$top" || exit 1
check_done
