#!/bin/sh
# Generates the JSON dump from the embedded data, from
# tests/lang/json/extensions.yaml (extensions of every shape, optional
# fields given and left out), from tests/lang/awkward.yaml and from
# tests/lang/trojan.yaml (controls and format controls in every text);
# each must parse with python3's json module and carry every field of its
# YAML (tests/lang/json/check.py).
# Usage: sh tests/test_lang_json.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
SRC=tests/lang/json

fail() {
	echo "test_lang_json: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
$PY -c 'import yaml' 2>/dev/null || fail "python3-yaml is not installed"
T=$(mktemp -d "${TMPDIR:-/tmp}/test_lang_json.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

# gen builds the statuses while it loads when the registry comes first,
# and from the whole tree otherwise: the same file with its statuses
# first must give the same JSON.
awk '/^statuses:/ { s = 1 } /^[a-z]/ && !/^statuses:/ { s = 0 }
    s { print > "/dev/stderr"; next } { print }' "$SRC/extensions.yaml" \
    2>"$T/statuses" >"$T/rest"
cat "$T/statuses" "$T/rest" >"$T/first.yaml"
grep -q '^statuses:' "$T/rest" && fail "the statuses were not moved"
head -n 1 "$T/first.yaml" | grep -q '^statuses:' ||
	fail "first.yaml does not start with its statuses"

n=0
for data in data/http_status.yaml "$SRC/extensions.yaml" \
    tests/lang/awkward.yaml tests/lang/trojan.yaml "$T/first.yaml"; do
	"$GEN" --lang json --data "$data" >"$T/out.json" 2>"$T/gen.err" ||
		fail "gen --lang json --data $data failed: $(cat "$T/gen.err")"
	head -n 1 "$T/out.json" | grep -q '^{"//": "Code generated .* DO NOT EDIT\.",$' ||
		fail "$data: first line is not the '{\"//\": \"... DO NOT EDIT.\",' notice"
	$PY "$SRC/check.py" "$data" "$T/out.json" >/dev/null ||
		fail "$data: the JSON does not carry the YAML"
	n=$((n + 1))
done
"$GEN" --lang json --data "$SRC/extensions.yaml" | sed 1d >"$T/a.json"
sed 1d "$T/out.json" >"$T/b.json"
cmp -s "$T/a.json" "$T/b.json" ||
	fail "statuses first give other JSON: $(diff "$T/a.json" "$T/b.json" | head -n 5)"

echo "test_lang_json: $n registries, every field of the YAML in the JSON"
