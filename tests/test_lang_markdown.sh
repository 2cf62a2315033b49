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

# Each flag's section lists exactly the codes of the document that have
# it, each linked, whatever --include says; a flag no status has gets no
# section and no entry in the contents; each status's entry links to its
# flags.  check_flags DATA DOC
check_flags() {
	$PY - "$1" "$2" <<'EOF'
import re, sys, yaml
data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
doc = open(sys.argv[2], encoding="utf-8").read()
flags = data.get("flags") or []
if not flags:
    sys.exit("the data has no flags")
bad = []
for fl in flags:
    want = sorted(s["code"] for s in data["statuses"]
                  if fl["id"] in (s.get("flags") or []))
    m = re.search(r'<a id="flag-%s"></a>(.*?)\n\*\*Codes:\*\* ([^\n]*)'
                  % fl["id"], doc, re.S)
    got = sorted(int(c) for c in re.findall(r"\[(\d+) [^]]*\]\(#[^)]*-\1\)",
                                            m.group(2))) if m else []
    if got != want:
        bad.append("%s: codes %r, data has %r" % (fl["id"], got, want))
    if not want and "flag-%s" % fl["id"] in doc:
        bad.append("%s: on no status, but named" % fl["id"])
for s in data["statuses"]:
    m = re.search(r'<a id="[^"]*-%d"></a>%d %s.*?(?=\n#|\Z)'
                  % (s["code"], s["code"], re.escape(s["phrase"])), doc, re.S)
    got = re.findall(r"\(#flag-([a-z0-9_]+)\)", m.group(0)) if m else []
    if got != (s.get("flags") or []):
        bad.append("%d: flags %r, data has %r" % (s["code"], got,
                   s.get("flags")))
if bad:
    sys.exit("\n".join(bad[:5]))
EOF
}
check_flags "$DATA" "$EN" || fail "the flags do not match the data"
FLAGS=tests/lang/markdown/flags.yaml
for inc in --include=acme --include-unofficial ""; do
	"$GEN" --lang markdown --data "$FLAGS" -o "$T/flags.md" $inc \
	    2>"$T/gen.err" ||
		fail "gen --data $FLAGS $inc failed: $(cat "$T/gen.err")"
	check_flags "$FLAGS" "$T/flags.md" ||
		fail "$FLAGS $inc: the flags do not match the data"
	$PY "$CHECK" "$FLAGS" "$T/flags.md" Contents ||
		fail "$FLAGS $inc: the document is broken"
done

# A registry without flags gets no flag section and no link to one.
for ex in grpc smtp; do
	"$GEN" --lang markdown --data "examples/registries/$ex.yaml" \
	    --out "$T/$ex" 2>"$T/gen.err" ||
		fail "gen --lang markdown --data $ex.yaml failed: $(cat "$T/gen.err")"
	for doc in "$T/$ex"/docs/*.md; do
		grep -qi 'flag\|标记' "$doc" &&
			fail "$ex: $(basename "$doc") speaks of flags: $(grep -i -m1 'flag\|标记' "$doc")"
	done
	for doc in "$T/$ex"/docs/*.md; do
		case $doc in *.zh-CN.md) c=目录 ;; *) c=Contents ;; esac
		$PY "$CHECK" "examples/registries/$ex.yaml" "$doc" "$c" ||
			fail "$ex: $(basename "$doc") is broken"
	done
done

echo "test_lang_markdown: 2 documents, $codes entries each, links resolve, flags as the data has them, also whatever --include says; none for grpc, smtp"
