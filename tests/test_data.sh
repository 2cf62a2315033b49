#!/bin/sh
# Checks the registry data against the facts it must carry
# (tests/data/check_data.py): every IANA code with its registered phrase,
# status and reference (tests/data/iana_status_codes.tsv), the codes of
# the Chinese reference documents and the well-known unofficial sets,
# text in every locale, earlier phrases and aliases, the headers each
# description names; and that the Markdown gen renders from it shows
# expiry dates, earlier phrases and the unofficial part.
# Usage: sh tests/test_data.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
DATA=data/http_status.yaml

fail() {
	echo "test_data: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
[ -x "$PY" ] || fail "$PY is not installed"
$PY -c 'import yaml' 2>/dev/null || fail "python3-yaml is not installed"
T=$(mktemp -d "${TMPDIR:-/tmp}/test_data.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

"$GEN" --data "$DATA" --lang markdown --out "$T" 2>"$T/gen.err" ||
	fail "gen --lang markdown failed: $(cat "$T/gen.err")"
set -- "$T"/docs/*.md
[ "$#" -ge 2 ] && [ -f "$1" ] || fail "gen wrote no Markdown per locale"
$PY -B tests/data/check_data.py "$DATA" tests/data/iana_status_codes.tsv \
    "$@" || fail "the data is incomplete or wrong (see above)"

# Entries sharing a number: docs_only ones appear in the Markdown only.
S=tests/data/shared_code.yaml
for lang in c python go; do
	"$GEN" --data "$S" --lang "$lang" --include-unofficial -o "$T/s.$lang" \
	    2>"$T/gen.err" || fail "$S, --lang $lang: $(cat "$T/gen.err")"
	for phrase in 'Redirect Elsewhere' 'Token Required'; do
		! grep -q "$phrase" "$T/s.$lang" ||
			fail "$S: docs_only '$phrase' is in the $lang output"
	done
	grep -q 'Client Closed Request' "$T/s.$lang" ||
		fail "$S: nginx's 499 is missing from the $lang output"
done
"$GEN" --data "$S" --lang markdown -o "$T/s.md" 2>"$T/gen.err" ||
	fail "$S, --lang markdown: $(cat "$T/gen.err")"
for phrase in 'Redirect Elsewhere' 'Token Required' 'Client Closed Request'; do
	grep -q "$phrase" "$T/s.md" || fail "$S: '$phrase' is not in the Markdown"
done

n=$(grep -c '^[[:space:]]*- code:' "$DATA")
echo "test_data: $n codes match IANA, the reference lists and both locales"
