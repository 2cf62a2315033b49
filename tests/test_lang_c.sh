#!/bin/sh
# Generates the C header from the embedded data and builds a two-file
# program with it (tests/lang/c/main.c and impl.c) with gcc and clang as
# C89 through C2x, and with g++ and clang++ as C++98 through C++20, all
# with -Wall -Wextra -Wpedantic -Werror; runs each program, which checks
# every capability (tests/lang/c/check.h holds the checks any registry
# must pass), the flag predicates against each flag's codes in the data
# included.  Then the same for the gRPC and SMTP example registries
# (tests/lang/c/grpc.c, smtp.c), and --c-prefix.
# Usage: sh tests/test_lang_c.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
SRC=tests/lang/c
WARN="-Wall -Wextra -Wpedantic -Werror"

fail() {
	echo "test_lang_c: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
for tool in gcc clang g++ clang++; do
	command -v "$tool" >/dev/null 2>&1 || fail "$tool is not installed"
done
T=$(mktemp -d "${TMPDIR:-/tmp}/test_lang_c.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

"$GEN" --lang c >"$T/http_status.h" 2>"$T/gen.err" ||
	fail "gen --lang c failed: $(cat "$T/gen.err")"
[ -s "$T/http_status.h" ] || fail "gen --lang c wrote nothing"
head -n 1 "$T/http_status.h" | grep -q '^/\* .*DO NOT EDIT.* \*/$' ||
	fail "first line is not the /* ... DO NOT EDIT. */ notice"

# The X-macro must expand once per code in the output: the data's entries
# minus the unofficial ones (excluded by default).
total=$(grep -c '^[[:space:]]*- code:' data/http_status.yaml)
unofficial=$(grep -c '^[[:space:]]*status:[[:space:]]*unofficial' \
    data/http_status.yaml)
expected=$((total - unofficial))
[ "$expected" -gt 50 ] || fail "counted only $expected codes in the data"

# Each flag's codes as the data gives them (a status's "flags: [a, b]"),
# for main.c to compare with the flag predicates: FLAG_CODES_<id> lists
# them, ending with -1.
awk '
/^[[:space:]]*- code:/ { code = $3 }
/^[[:space:]]+flags:[[:space:]]*\[/ && code != "" {
	s = $0
	sub(/.*\[/, "", s)
	sub(/\].*/, "", s)
	gsub(/[[:space:]]/, "", s)
	n = split(s, f, ",")
	for (i = 1; i <= n; i++)
		list[f[i]] = list[f[i]] code ", "
}
END { for (k in list) printf "#define FLAG_CODES_%s %s-1\n", k, list[k] }
' data/http_status.yaml >"$T/flag_codes.h" || fail "awk failed"
grep -q '^#define FLAG_CODES_retryable [0-9]' "$T/flag_codes.h" ||
	fail "found no retryable code in the data"

runs=0
build() {	# build NAME COMPILER LANGFLAGS...
	name=$1
	shift
	if ! "$@" $WARN -I"$T" -DEXPECTED_COUNT="$expected" \
	    -o "$T/$name" "$SRC/main.c" "$SRC/impl.c" >"$T/cc.log" 2>&1; then
		cat "$T/cc.log" >&2
		fail "$name: compiling failed: $*"
	fi
	if ! "$T/$name" >"$T/run.log" 2>&1; then
		cat "$T/run.log" >&2
		fail "$name: the program failed"
	fi
	runs=$((runs + 1))
}

for cc in gcc clang; do
	for std in c89 c99 c11 c17 c2x; do
		build "$cc-$std" "$cc" -std="$std"
	done
done
build gcc-ansi gcc -ansi
for cxx in g++ clang++; do
	for std in c++98 c++11 c++14 c++17 c++20; do
		build "$cxx-$std" "$cxx" -x c++ -std="$std"
	done
done

# Chinese descriptions (octal escapes) and every unofficial code, with
# llhttp's names for the unofficial codes too.
"$GEN" --lang c --locale zh-CN --include-unofficial >"$T/http_status.h" \
    2>"$T/gen.err" || fail "gen --locale zh-CN failed: $(cat "$T/gen.err")"
# docs_only entries share a number with another entry and stay out.
docs_only=$(grep -c '^[[:space:]]*docs_only:[[:space:]]*true' \
    data/http_status.yaml)
expected=$((total - docs_only))
build gcc-c89-zh gcc -std=c89 -DUNOFFICIAL
build g++-c++98-zh g++ -x c++ -std=c++98 -DUNOFFICIAL

# Registries that are not HTTP: gRPC's dense codes (the lookups index a
# table) and SMTP's sparse ones (they binary-search), each through one
# program of its own (tests/lang/c/grpc.c, smtp.c) that checks every
# capability at its edges.
for reg in grpc smtp; do
	"$GEN" --data "examples/registries/$reg.yaml" --lang c \
	    >"$T/$reg.h" 2>"$T/gen.err" ||
		fail "gen --lang c for $reg.yaml failed: $(cat "$T/gen.err")"
	h=$(sed -n 's/^ \* \([a-z0-9_]*\.h\): .*/\1/p' "$T/$reg.h" | head -n 1)
	[ -n "$h" ] || fail "$reg.yaml: the header does not name itself"
	mv "$T/$reg.h" "$T/$h"
	for cc in "gcc -std=c89" "clang -std=c11" "gcc -std=c2x" \
	    "g++ -x c++ -std=c++98" "clang++ -x c++ -std=c++17"; do
		$cc $WARN -I"$T" -o "$T/$reg" "$SRC/$reg.c" >"$T/cc.log" 2>&1 ||
		    { cat "$T/cc.log" >&2; fail "$reg.c: $cc failed"; }
		"$T/$reg" || fail "$reg.c: the program failed ($cc)"
		runs=$((runs + 1))
	done
done

# A flag that no code of the output has (its one code is unofficial, so
# left out) and one that no status has: the header still compiles
# cleanly, and both predicates are false everywhere.
cat >"$T/fl.yaml" <<'Y' || fail "cannot write fl.yaml"
schema: 1
registry: {name: fl_codes, title: Flags, locales: [en]}
flags:
  - {id: odd, title: Odd, description: "An odd code, */ not closing."}
  - {id: name, title: Unused, description: "No status has it; named so that its array is not fl_codes_name_codes."}
classes: [{id: all, first: 0, last: 9, title: All, description: All.}]
sets: [{id: vendor, title: Vendor}]
statuses:
  - {code: 1, phrase: One, status: unofficial, set: vendor, description: x, flags: [odd]}
  - {code: 2, phrase: Two, status: standard, description: y}
Y
"$GEN" --data "$T/fl.yaml" --lang c -o "$T/fl_codes.h" 2>"$T/gen.err" ||
	fail "gen --lang c for fl.yaml failed: $(cat "$T/gen.err")"
cat >"$T/fl.c" <<'C' || fail "cannot write fl.c"
#define FL_CODES_IMPLEMENTATION
#include "fl_codes.h"
int
main(void)
{
	int c;

	for (c = -1; c < 12; c++)
		if (fl_codes_is_odd(c) || fl_codes_is_name(c))
			return 1;
	return fl_codes_reason(2) == NULL || FL_CODES_COUNT != 1;
}
C
for cc in "gcc -std=c89" "clang -std=c2x" "g++ -x c++ -std=c++98"; do
	$cc $WARN -I"$T" -o "$T/fl" "$T/fl.c" >"$T/cc.log" 2>&1 ||
	    { cat "$T/cc.log" >&2; fail "fl.yaml: $cc failed"; }
	"$T/fl" || fail "fl.yaml: a flag with no code holds ($cc)"
	runs=$((runs + 1))
done

# --c-prefix renames everything: no http_status name may remain.
"$GEN" --lang c --c-prefix hs >"$T/hs.h" 2>"$T/gen.err" ||
	fail "gen --lang c --c-prefix hs failed: $(cat "$T/gen.err")"
if grep -n 'HTTP_STATUS_\|http_status_\|enum http_status' "$T/hs.h" \
    >"$T/grep.log"; then
	head -n 5 "$T/grep.log" >&2
	fail "--c-prefix hs: the header still uses the http_status prefix"
fi
for cc in gcc clang; do
	$cc -std=c89 $WARN -I"$T" -o "$T/prefix" "$SRC/prefix.c" \
	    >"$T/cc.log" 2>&1 || { cat "$T/cc.log" >&2;
		fail "--c-prefix hs: $cc could not compile prefix.c"; }
	"$T/prefix" || fail "--c-prefix hs: the program failed ($cc)"
	runs=$((runs + 1))
done

echo "test_lang_c: $runs programs built and passed"
