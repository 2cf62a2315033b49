# The expect/same_text style of shell test, shared by test_cli.sh and
# test_render.sh: set `name` (for messages), then `. tests/lib_check.sh`.

# check_init BUILDDIR: sets gen (absolute), tmp (removed on exit), top,
# fails and checks, for the expect/same_text style of test.
check_init() {
	gen=$(cd "${1:-build}" && pwd)/gen
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	top=$(pwd)
	fails=0
	checks=0
}

fail() { echo "$name: $*" >&2; fails=$((fails + 1)); }

# expect STATUS CMD...: runs CMD (stdout to $tmp/o, stderr to $tmp/e) and
# counts a failure unless it exits with STATUS.
expect() {
	want=$1
	shift
	checks=$((checks + 1))
	"$@" > "$tmp/o" 2> "$tmp/e"
	got=$?
	[ "$got" -eq "$want" ] ||
	    fail "'$*' exited $got, expected $want: $(head -c 300 "$tmp/e")"
}

# same_text FILE TEXT: FILE holds exactly TEXT plus a newline.
same_text() {
	printf '%s\n' "$2" > "$tmp/want"
	cmp -s "$1" "$tmp/want" || fail "$1: got '$(cat "$1")', expected '$2'"
}

# check_done: the summary line, and the exit status.
check_done() {
	[ "$fails" -eq 0 ] ||
	    { echo "$name: $fails failures in $checks checks" >&2; exit 1; }
	echo "$name: $checks checks passed"
}

# user_lang DIR NAME: a language NAME of the user's under DIR (for
# --templates DIR): escaping none, one output NAME.txt from t.mustache,
# which the caller writes.
user_lang() {
	mkdir -p "$1/$2"
	{
		printf 'name: %s\ndescription: x\nescape: none\n' "$2"
		printf 'case: snake\nheader: {prefix: "# ", suffix: ""}\n'
		printf 'outputs:\n  - {template: t.mustache, path: "%s.txt"}\n' \
		    "$2"
	} > "$1/$2/lang.yaml"
}
