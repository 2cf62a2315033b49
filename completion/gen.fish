# Fish completion for gen(1).
#
# Completes the verb 'render', the options with their descriptions, and
# the values of --lang (the built-in languages and those of a --templates
# DIR on the line), --locale (the locales of --data FILE, or of the
# built-in registry), --include (a comma-separated list of that
# registry's sets), --escape, and file or directory names for the path
# options.  Languages, locales and sets come from the gen being
# completed, so a gen started as ./build/gen completes from ./build/gen.
#
# `make install` puts this file in $(FISHCOMPDIR), by default
# $(DATAROOTDIR)/fish/vendor_completions.d, where fish looks when
# DATAROOTDIR is fish's own or is listed in XDG_DATA_DIRS.  Elsewhere,
# copy it to ~/.config/fish/completions/.

# __gen_list LIST FROM: what `gen LIST` prints, given FROM's value when
# the line has FROM (--templates, --data) before the cursor, as
# `FROM VALUE` or `FROM=VALUE`.  The gen is the one on the line.
function __gen_list -a list from
    set -l words (commandline -opc)
    set -l prog $words[1]
    set -l args
    set -l i 2
    while test $i -le (count $words)
        switch $words[$i]
            case $from
                set i (math $i + 1)
                set args $from $words[$i]
            case "$from=*"
                set args $from (string replace -- "$from=" '' $words[$i])
        end
        set i (math $i + 1)
    end
    # Expand a leading ~ the way the shell would for the real command.
    set prog (string replace -r '^~(?=/|$)' -- $HOME $prog)
    set args (string replace -r '^~(?=/|$)' -- $HOME $args)
    $prog $list $args 2>/dev/null
end

function __gen_langs
    # "NAME   DESCRIPTION" becomes NAME<tab>DESCRIPTION for fish.
    __gen_list --list-langs --templates | string replace -r ' +' \t
end

function __gen_locales
    __gen_list --list-locales --data | string replace -r -- '$' \tlocale
end

# SET,SET,...: complete the set after the last comma, and offer no set
# the list has already.
function __gen_sets
    set -l token (commandline -ct | string replace -r -- '^--include=' '')
    set -l done (string match -r -- '.*,' $token)
    set -l have (string split , -- $done)
    for set in (__gen_list --list-sets --data)
        contains -- $set $have; or printf '%s\tset\n' "$done$set"
    end
end

function __gen_escapes
    printf '%s\t%s\n' \
        html '& < > " as entities (the default)' \
        none 'the text as it is' \
        c 'the body of a C string literal' \
        python 'the body of a Python str literal' \
        go 'the body of a Go string literal' \
        markdown 'inline Markdown text'
end

# The verb comes first or not at all; after it, the options are render's.
function __gen_at_verb
    test (count (commandline -opc)) -eq 1
end

function __gen_render
    set -l words (commandline -opc)
    test "$words[2]" = render
end

complete -c gen -f
complete -c gen -n __gen_at_verb -a render \
    -d 'render one template against a YAML document'

set -l gen 'not __gen_render'
complete -c gen -n $gen -s l -l lang -x -a '(__gen_langs)' \
    -d 'generate LANG; repeatable'
complete -c gen -n $gen -s o -l output -r -F \
    -d 'write the single output to FILE'
complete -c gen -n $gen -l out -x -a '(__fish_complete_directories)' \
    -d 'write every output under DIR at its usual path'
complete -c gen -n $gen -l check \
    -d 'write nothing; exit 1 naming each stale output'
complete -c gen -n $gen -l diff -d 'with --check: print a unified diff of each'
complete -c gen -n $gen -l list-outputs -d 'print the paths gen would write'
complete -c gen -n $gen -l stamp -r -F \
    -d 'touch FILE after every run that writes'
complete -c gen -n $gen -l data -r -F \
    -d 'the registry (default: the built-in one)'
complete -c gen -n $gen -l templates -x -a '(__fish_complete_directories)' \
    -d 'look in DIR/LANG/ first for languages, templates and partials'
complete -c gen -n $gen -l locale -x -a '(__gen_locales)' \
    -d 'the description language'
complete -c gen -n $gen -l c-prefix -x -d 'prefix of C names'
complete -c gen -n $gen -l include -x -a '(__gen_sets)' \
    -d "put these sets' unofficial codes in the code"
complete -c gen -n $gen -l include-unofficial \
    -d 'put every unofficial code in the code'
complete -c gen -n $gen -l depfile -r -F \
    -d 'write a Make/Ninja depfile for the outputs'
complete -c gen -n $gen -l max-input-size -x \
    -d 'refuse input files over N bytes'
complete -c gen -n $gen -s j -l jobs -x -d 'use up to N threads'
complete -c gen -n $gen -l format -x -a 'text json' \
    -d 'gen diff: text or json'
complete -c gen -n $gen -l list-langs -d 'list the languages and exit'
complete -c gen -n $gen -l list-locales \
    -d "list the registry's locales and exit"
complete -c gen -n $gen -l list-sets -d "list the registry's sets and exit"
complete -c gen -n $gen -s h -l help -d 'show the help and exit'
complete -c gen -n $gen -l version -d 'show the version and exit'

set -l render '__gen_render'
complete -c gen -n $render -F
complete -c gen -n $render -l data -r -F \
    -d 'the YAML document the template sees'
complete -c gen -n $render -l partials -x \
    -a '(__fish_complete_directories)' \
    -d 'where {{> NAME}} finds NAME.mustache'
complete -c gen -n $render -l escape -x -a '(__gen_escapes)' \
    -d 'how {{name}} is escaped'
complete -c gen -n $render -l strict \
    -d 'undefined names and partials are errors'
complete -c gen -n $render -s o -l output -r -F -d 'write the output to FILE'
complete -c gen -n $render -l max-input-size -x \
    -d 'refuse input files over N bytes'
complete -c gen -n $render -s h -l help -d 'show the help and exit'
