# Bash completion for gen(1).
#
# Completes the verb 'render', the options, and the values of --lang (the
# built-in languages and those of a --templates DIR given earlier on the
# line), --locale (the locales of --data FILE, or of the built-in
# registry), --include (a comma-separated list of that registry's sets),
# --escape, and file or directory names for the path options.
# Languages, locales and sets come from the gen being completed, so a gen
# started as ./build/gen completes from ./build/gen.
#
# It needs nothing from the bash-completion package; `make install` puts
# it where that package loads it on demand
# ($(DATAROOTDIR)/bash-completion/completions/gen).  Without the package,
# source this file from ~/.bashrc.

# _gen_complete_opt_value WORDS...: the value of the last occurrence of
# option $1 among the words after it, as given with a space or '='.
_gen_complete_opt_value()
{
	local opt=$1 i value=
	shift
	local -a w=("$@")

	for ((i = 0; i < ${#w[@]}; i++)); do
		if [[ ${w[i]} == "$opt" ]]; then
			# With '=' in COMP_WORDBREAKS, --opt=v arrives as --opt = v.
			if [[ ${w[i + 1]-} == = ]]; then
				((i++))
			fi
			value=${w[i + 1]-}
		elif [[ ${w[i]} == "$opt"=* ]]; then
			value=${w[i]#*=}
		fi
	done
	# Expand a leading ~ the way the shell would for the real command.
	if [[ $value == "~" || $value == "~/"* ]]; then
		value=$HOME${value#"~"}
	fi
	printf '%s' "$value"
}

# _gen_complete_reply WORDLIST CUR: sets COMPREPLY to the words of
# WORDLIST (one a line) that start with CUR.
_gen_complete_reply()
{
	local word
	COMPREPLY=()
	while IFS= read -r word; do
		[[ -n $word && $word == "$2"* ]] && COMPREPLY+=("$word")
	done <<<"$1"
}

_gen_complete()
{
	local prog=$1 cur prev eqprefix= list arg i
	local -a before

	cur=${COMP_WORDS[COMP_CWORD]}
	prev=
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	before=("${COMP_WORDS[@]:1:COMP_CWORD-1}")
	if [[ $prog == "~/"* ]]; then
		prog=$HOME/${prog#"~/"}
	fi

	# --opt=value in one word (when '=' does not break words) or split
	# into --opt, '=', value (when it does, as by default).
	if [[ $cur == --*=* ]]; then
		prev=${cur%%=*}
		cur=${cur#*=}
		eqprefix=$prev=
	elif [[ $cur == = && $prev == --* ]]; then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	fi

	case $prev in
	-l | --lang)
		arg=$(_gen_complete_opt_value --templates "${before[@]}")
		list=$("$prog" --list-langs ${arg:+--templates "$arg"} \
		    2>/dev/null | while read -r name _; do
			printf '%s\n' "$name"
		done)
		_gen_complete_reply "$list" "$cur"
		;;
	--locale)
		arg=$(_gen_complete_opt_value --data "${before[@]}")
		list=$("$prog" --list-locales ${arg:+--data "$arg"} \
		    2>/dev/null)
		_gen_complete_reply "$list" "$cur"
		;;
	--include)
		# SET,SET,...: complete the set after the last comma, and
		# offer no set the list has already.
		arg=$(_gen_complete_opt_value --data "${before[@]}")
		list=$("$prog" --list-sets ${arg:+--data "$arg"} 2>/dev/null)
		_gen_complete_reply "$list" "${cur##*,}"
		if [[ $cur == *,* ]]; then
			arg=${cur%,*},
			for i in "${!COMPREPLY[@]}"; do
				if [[ ,$arg == *,"${COMPREPLY[i]}",* ]]; then
					unset 'COMPREPLY[i]'
				fi
			done
			COMPREPLY=("${COMPREPLY[@]/#/$arg}")
		fi
		;;
	--escape)
		_gen_complete_reply "$(printf '%s\n' html none c python go \
		    markdown)" "$cur"
		;;
	-o | --output | --data | --depfile | --stamp)
		compopt -o filenames 2>/dev/null
		_gen_complete_reply "$(compgen -f -- "$cur")" "$cur"
		;;
	--out | --templates | --partials)
		compopt -o filenames 2>/dev/null
		_gen_complete_reply "$(compgen -d -- "$cur")" "$cur"
		;;
	--c-prefix | --max-input-size | -j | --jobs)
		# A name or a number of the user's: nothing to offer.
		COMPREPLY=()
		;;
	*)
		if [[ ${COMP_WORDS[1]-} == render && COMP_CWORD -gt 1 ]]; then
			if [[ $cur == -* ]]; then
				list='--data --partials --escape --strict -o
--output --max-input-size --help'
			else
				# The template to render.
				compopt -o filenames 2>/dev/null
				list=$(compgen -f -- "$cur")
			fi
		else
			list='--lang --output --out --check --diff --data
--templates --locale --c-prefix --include --include-unofficial --depfile
--stamp --list-outputs --max-input-size --jobs --list-langs --list-locales --list-sets --help
--version'
			if ((COMP_CWORD == 1)); then
				list="render
$list"
			fi
		fi
		_gen_complete_reply "$(printf '%s\n' $list)" "$cur"
		eqprefix=
		;;
	esac

	# Put --opt= back in front of values completed inside one word.
	if [[ -n $eqprefix ]]; then
		COMPREPLY=("${COMPREPLY[@]/#/$eqprefix}")
	fi
	return 0
}

complete -F _gen_complete gen
