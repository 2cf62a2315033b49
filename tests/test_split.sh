#!/bin/sh
# A data file big enough to be loaded in pieces on several threads
# (gen/load_split.c) gives the same files, messages and exit status as
# on one thread, whether the pieces hold or are dropped.
# Usage: sh tests/test_split.sh BUILDDIR
set -u
name=test_split
. tests/lib_check.sh
check_init "${1:-build}"
PY=/usr/bin/python3
[ -x "$PY" ] || { echo "$name: $PY is not installed" >&2; exit 1; }

# 12000 statuses: about 6 MB, three pieces' worth at -j 3.
"$PY" bench/mkregistry.py 12000 --seed 3 -o "$tmp/big.yaml" ||
    { echo "$name: mkregistry.py failed" >&2; exit 1; }
lines=$(wc -l < "$tmp/big.yaml")

# same_run FILE: gen on FILE with -j 1, -j 2 and -j 3 exits alike, says
# the same, and writes the same files.
same_run() {
	for j in 1 2 3; do
		rm -rf "$tmp/out$j"
		"$gen" -j "$j" --lang c --lang go --data "$1" \
		    --out "$tmp/out$j" > /dev/null 2> "$tmp/err$j"
		echo $? > "$tmp/rc$j"
	done
	for j in 2 3; do
		checks=$((checks + 1))
		cmp -s "$tmp/rc1" "$tmp/rc$j" || fail "$2: -j $j exits" \
		    "$(cat "$tmp/rc$j"), -j 1 $(cat "$tmp/rc1")"
		cmp -s "$tmp/err1" "$tmp/err$j" || fail "$2: -j $j says" \
		    "other things: $(head -n 2 "$tmp/err$j")"
		if [ -d "$tmp/out1" ] || [ -d "$tmp/out$j" ]; then
			diff -r "$tmp/out1" "$tmp/out$j" > /dev/null ||
			    fail "$2: -j $j writes other files"
		fi
	done
}

# edit LINE TEXT: big.yaml with TEXT put in at line LINE, to $tmp/e.yaml.
edit() {
	awk -v at="$1" -v text="$2" 'NR == at { print text } { print }' \
	    "$tmp/big.yaml" > "$tmp/e.yaml"
}

# The line of the first status at or after line $1.
status_at() {
	awk -v from="$1" 'NR >= from && /^  - code: / { print NR; exit }' \
	    "$tmp/big.yaml"
}

same_run "$tmp/big.yaml" "valid"
[ "$(cat "$tmp/rc1")" -eq 0 ] || fail "gen rejects the big registry"

# Errors near the end, in the last piece: a repeated key, an alias.
at=$(status_at $((lines * 9 / 10)))
edit $((at + 1)) "    code: 7"
same_run "$tmp/e.yaml" "repeated key"
grep -q "e.yaml:$((at + 1)):5: error: duplicate key 'code'" "$tmp/err1" ||
    fail "repeated key: $(head -n 1 "$tmp/err1")"
edit $((at + 1)) "    x-a: *nowhere"
same_run "$tmp/e.yaml" "alias"

# A repeated code, one status near the start and one near the end.
code=$(sed -n "$(status_at 200)p" "$tmp/big.yaml")
sed "${at}s/.*/$code/" "$tmp/big.yaml" > "$tmp/e.yaml"
same_run "$tmp/e.yaml" "repeated code"
grep -q "error: duplicate code" "$tmp/err1" ||
    fail "repeated code: $(head -n 1 "$tmp/err1")"

# Text in the middle that looks like statuses inside a quoted string.
mid=$(status_at $((lines / 2 - 2000)))
fake=$(awk 'BEGIN { for (i = 0; i < 4000; i++) print "  - code: 1" }')
edit $((mid + 1)) "    x-quoted: \"starts here
$fake
      and ends here\""
same_run "$tmp/e.yaml" "quoted"
[ "$(cat "$tmp/rc1")" -eq 0 ] || fail "quoted: $(head -n 1 "$tmp/err1")"

# Lone CRs: line breaks for libyaml that a count of LFs would miss.
tr '\n' '\r' < "$tmp/big.yaml" > "$tmp/cr.yaml"
same_run "$tmp/cr.yaml" "CR line ends"
awk '{ printf "%s\r\n", $0 }' "$tmp/big.yaml" > "$tmp/crlf.yaml"
same_run "$tmp/crlf.yaml" "CRLF line ends"
# A lone CR early on, then a code repeated in a later piece: found
# once the pieces are in, and placed by lines that count the CR.
first=$(status_at 200)
sed -e "${first}s/\$/\r    x-cr: 1/" -e "${at}s/.*/$code/" \
    "$tmp/big.yaml" > "$tmp/e.yaml"
same_run "$tmp/e.yaml" "a lone CR before an error"
grep -q "e.yaml:$((at + 1)):5: error: duplicate code" "$tmp/err1" ||
    fail "lone CR: $(head -n 1 "$tmp/err1")"
check_done
