#!/bin/sh
# Generates the Markdown documents from the embedded data with --out and
# checks both (tests/lang/markdown/check_md.py): the in-page links
# resolve, there is a table of contents, and each status in the data has
# exactly one entry.
# Usage: sh tests/test_lang_markdown.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
DATA=data/http_status.yaml
CHECK=tests/lang/markdown/check_md.py

fail() {
	echo "test_lang_markdown: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
$PY -c 'import yaml' 2>/dev/null || fail "$PY with yaml is not installed"
T=$(mktemp -d "${TMPDIR:-/tmp}/test_lang_markdown.XXXXXX") ||
	fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

"$GEN" --lang markdown --out "$T" 2>"$T/gen.err" ||
	fail "gen --lang markdown --out failed: $(cat "$T/gen.err")"
EN=$T/docs/http_status.md
ZH=$T/docs/http_status.zh-CN.md
[ -s "$EN" ] || fail "gen did not write docs/http_status.md"
[ -s "$ZH" ] || fail "gen did not write docs/http_status.zh-CN.md"
cmp -s "$EN" "$ZH" && fail "the two locales produced the same document"

# One entry per `code:` line of the data, in each document.
codes=$(grep -c '^[[:space:]]*- code:' "$DATA")
for doc in "$EN" "$ZH"; do
	n=$(grep -c '^###* <a id="[^"]*"></a>[0-9][0-9][0-9] ' "$doc")
	[ "$n" -eq "$codes" ] ||
		fail "$(basename "$doc"): $n code entries, $DATA has $codes"
done
$PY "$CHECK" "$DATA" "$EN" Contents || fail "docs/http_status.md is broken"
$PY "$CHECK" "$DATA" "$ZH" 目录 || fail "docs/http_status.zh-CN.md is broken"
grep -q '已弃用\|非官方' "$ZH" || fail "the zh-CN document has no Chinese labels"

echo "test_lang_markdown: 2 documents, $codes entries each, links resolve"
