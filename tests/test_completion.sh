#!/bin/sh
# Sources completion/gen.bash in bash and checks what it offers for a few
# command lines.
# Usage: sh tests/test_completion.sh BUILDDIR
# The rest of this file is bash: sh reads it one command at a time, so it
# never parses what follows the exec.
command -v bash >/dev/null 2>&1 || {
	echo "test_completion: bash is needed and not installed" >&2
	exit 1
}
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"

set -u
B=${1:-build}
[ -x "$B/gen" ] || { echo "test_completion: no $B/gen" >&2; exit 1; }
bindir=$(cd "$B" && pwd)
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
checks=0

# The completion calls gen by the name typed, so put ours first.
PATH=$bindir:$PATH
# shellcheck source=../completion/gen.bash
. "$top/completion/gen.bash"

# offers 'EXPECTED' WORD...: completing the last WORD of the command line
# WORD... offers exactly EXPECTED (sorted, space-separated).
offers() {
	local want=$1 got
	shift
	checks=$((checks + 1))
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	_gen_complete "$1" "${COMP_WORDS[COMP_CWORD]}" \
	    "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd ' ')
	[ "$got" = "$want" ] ||
	    { echo "test_completion: '$*': got '$got', expected '$want'" >&2
	    fails=$((fails + 1)); }
}

# shellcheck source=lib_check.sh
. "$top/tests/lib_check.sh"
# shellcheck source=lib_completion.sh
. "$top/tests/lib_completion.sh"
completion_fixtures "$tmp"
mini=$tmp/mini.yaml

# The binary is registered, and the verb and options are offered.
complete -p gen | grep -q -- '-F _gen_complete gen$' ||
    { echo "test_completion: gen is not registered" >&2; fails=$((fails + 1)); }
offers 'render' gen r
offers '--lang --list-langs --list-locales --list-outputs --list-sets --locale' gen --l
offers '--include --include-unofficial' gen --lang c --inc
offers '' gen --lang c re
offers '--strict' gen render x.mustache --st
offers '--stamp' gen --lang c --st
offers '--data --depfile --diff' gen -l c --d
offers '--stamp' gen --st
offers '--list-langs --list-locales --list-outputs --list-sets' gen --list

# Languages: the built-in ones, and those of --templates given before.
# Which languages are built in is gen's business, so ask it.
builtin=$(gen --list-langs | awk '{ print $1 }' | LC_ALL=C sort |
    paste -sd ' ')
case " $builtin " in
*" c "*" python "*) ;;
*)	echo "test_completion: gen --list-langs lists '$builtin'" >&2
	exit 1 ;;
esac
withtest=$(printf '%s\n' $builtin testlang | LC_ALL=C sort | paste -sd ' ')
offers "$builtin" gen --lang ''
offers 'python' gen -l py
offers "$withtest" gen --templates "$tmp/tpl" --lang ''
offers 'testlang' gen --templates="$tmp/tpl" --lang te
offers 'testlang' gen --templates = "$tmp/tpl" --lang te
# --opt=value: split at '=' (bash's default) or kept in one word.
offers 'python' gen --lang = py
offers "$builtin" gen --lang =
offers '--lang=python' gen --lang=py

# Locales: the built-in registry's, or those of --data.
offers 'en zh-CN' gen --lang c --locale ''
offers 'zh-CN' gen --lang c --locale z
offers 'de fr' gen --data "$tmp/mini.yaml" --lang c --locale ''

# Sets: the built-in registry's, or those of --data; after a comma, the
# rest of the list, less the sets it has already.
sets=$(gen --list-sets | LC_ALL=C sort | paste -sd ' ')
case " $sets " in
*" cloudflare "*" nginx "*) ;;
*)	echo "test_completion: gen --list-sets lists '$sets'" >&2
	exit 1 ;;
esac
offers "$sets" gen --lang c --include ''
offers 'nginx' gen --lang c --include ng
offers '--include=nginx' gen --lang c --include=ng
offers 'oldhat other vendor' gen --data "$mini" --lang c --include ''
offers 'vendor,oldhat vendor,other' gen --data "$mini" --include vendor,
offers 'vendor,other' gen --data "$mini" --include vendor,ot
offers 'oldhat,vendor,other' gen --data "$mini" --include oldhat,vendor,
offers '--include=other,vendor' gen --data "$mini" --include=other,v
offers 'other' gen --data "$mini" --include = ot
offers 'other,vendor' gen --data "$mini" --include other,vendor

# Escape modes.
offers 'c go html markdown none python' gen render x --escape ''
offers 'markdown' gen render x --escape m

# Paths: files for file options and the template, directories for
# directory options.
cd "$tmp/work" || exit 1
offers 'codes.yaml' gen --lang c --data c
offers 'outdir' gen --lang c --out o
offers 'outdir' gen --lang c --templates ''
offers 'page.mustache' gen render p
offers '' gen --lang c --c-prefix ''
# The gen named on the line is the one asked, here by its path.
offers 'de fr' "$bindir/gen" --data "$tmp/mini.yaml" --locale ''
offers 'viapath' "$tmp/other/gen" --lang ''
cd "$top" || exit 1

if [ "$fails" -ne 0 ]; then
	echo "test_completion: $fails of $checks checks failed" >&2
	exit 1
fi
echo "test_completion: $checks checks passed"
