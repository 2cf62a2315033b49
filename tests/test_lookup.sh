#!/bin/sh
# The lookup tables of the view ({{#lookup}}: doc/templates.md), which
# the built-in languages' lookups read, through a language of the
# user's that prints them all:
#   - dense: at most four slots a status (the last code minus the first
#     below four times the count), tried at one below that and at it;
#     slots hold each code's position in `statuses`, -1 for a gap;
#   - by_name: ids and aliases, sorted; by_phrase: phrases now and
#     before, folded to ASCII lower case only, sorted, a phrase two
#     statuses share finding the one that has it now, then an official
#     one before an unofficial one;
#   - only the statuses the code outputs list: an unofficial set's
#     after --include, never a docs_only one; none at all gives no
#     first, no last and no slots.
# Usage: sh tests/test_lookup.sh BUILDDIR
set -u
name=test_lookup
. tests/lib_check.sh
check_init "${1:?usage: test_lookup.sh BUILDDIR}"

user_lang "$tmp/tl" lk
cat > "$tmp/tl/lk/t.mustache" <<'T'
{{#lookup}}count={{count}} first={{first}} last={{last}} dense={{dense}}
slots={{#slots}}{{.}},{{/slots}}
names={{#by_name}}{{key}}={{code}};{{/by_name}}
phrases={{#by_phrase}}{{key}}={{code}};{{/by_phrase}}
{{/lookup}}
T

# registry FILE CODE STATUS: three statuses, the third at CODE with
# status STATUS (unofficial in the set vendor, or docs_only).
registry() {
	cat > "$1" <<Y
registry: {name: t, title: T, locales: [en]}
classes:
  - {id: all, first: 0, last: 999, title: All, description: All.}
sets:
  - {id: vendor, title: Vendor}
statuses:
  - {code: 10, phrase: Bad Gateway, status: standard, description: x,
     aliases: [gateway_bad]}
  - {code: 17, phrase: "DÉJÀ Vu", id: deja_vu, status: standard,
     description: x, history: [{phrase: Bad Gateway}, {phrase: Old}]}
  - {code: $2, phrase: Vendor Thing, status: unofficial, set: vendor,
     description: x$3}
Y
}

# lookup WANT ARGS...: gen's lookup text for ARGS is WANT.
lookup() {
	wanted=$1
	shift
	expect 0 "$gen" --templates "$tmp/tl" --lang lk -o "$tmp/out" "$@"
	checks=$((checks + 1))
	sed 1d "$tmp/out" > "$tmp/got"
	printf '%s\n' "$wanted" | cmp -s - "$tmp/got" ||
	    fail "$*: got '$(cat "$tmp/got")', expected '$wanted'"
}

names='names=bad_gateway=10;deja_vu=17;gateway_bad=10;'
phrases='phrases=bad gateway=10;dÉjÀ vu=17;old=17;'
registry "$tmp/r.yaml" 21 ""
# Two statuses 7 apart: dense; the third leaves them out.
lookup "count=2 first=10 last=17 dense=true
slots=0,-1,-1,-1,-1,-1,-1,1,
$names
$phrases" --data "$tmp/r.yaml"
# Three, 11 apart: dense, one below the limit.
lookup "count=3 first=10 last=21 dense=true
slots=0,-1,-1,-1,-1,-1,-1,1,-1,-1,-1,2,
${names}vendor_thing=21;
${phrases}vendor thing=21;" --data "$tmp/r.yaml" --include vendor
# Three, 12 apart: at the limit, so a sorted table.
registry "$tmp/r.yaml" 22 ""
lookup "count=3 first=10 last=22 dense=false
slots=
${names}vendor_thing=22;
${phrases}vendor thing=22;" --data "$tmp/r.yaml" --include-unofficial
# Two, 8 apart: sparse too.
sed 's/code: 17/code: 18/' "$tmp/r.yaml" > "$tmp/r8.yaml"
lookup "count=2 first=10 last=18 dense=false
slots=
names=bad_gateway=10;deja_vu=18;gateway_bad=10;
phrases=bad gateway=10;dÉjÀ vu=18;old=18;" --data "$tmp/r8.yaml"
# A docs_only status shares its code and is never in the tables.
registry "$tmp/r.yaml" 17 ", docs_only: true"
lookup "count=2 first=10 last=17 dense=true
slots=0,-1,-1,-1,-1,-1,-1,1,
$names
$phrases" --data "$tmp/r.yaml" --include-unofficial
# A phrase an unofficial status shares finds the official one, even
# at a higher code; an id is never shared, so by_name keeps both.
cat > "$tmp/same.yaml" <<'Y'
registry: {name: t, title: T, locales: [en]}
classes:
  - {id: all, first: 0, last: 999, title: All, description: All.}
sets:
  - {id: vendor, title: Vendor}
statuses:
  - {code: 15, phrase: Same, id: vendor_same, status: unofficial,
     set: vendor, description: x}
  - {code: 20, phrase: SAME, status: standard, description: x}
Y
lookup "count=2 first=15 last=20 dense=true
slots=0,-1,-1,-1,-1,1,
names=same=20;vendor_same=15;
phrases=same=20;" --data "$tmp/same.yaml" --include-unofficial
# Nothing listed: no codes, no slots, empty tables.
cat > "$tmp/none.yaml" <<'Y'
registry: {name: t, title: T, locales: [en]}
classes:
  - {id: all, first: 0, last: 999, title: All, description: All.}
sets:
  - {id: vendor, title: Vendor}
statuses:
  - {code: 5, phrase: Odd, status: unofficial, set: vendor, description: x}
Y
lookup "count=0 first= last= dense=false
slots=
names=
phrases=" --data "$tmp/none.yaml"
# The built-in registry: every listed code once in by_name's codes.
expect 0 "$gen" --templates "$tmp/tl" --lang lk -o "$tmp/b"
n=$(sed -n 's/^names=//p' "$tmp/b" | tr ';' '\n' | sed -n 's/.*=//p' |
    sort -u | wc -l)
[ "$n" -gt 60 ] || fail "built-in by_name has $n codes"
check_done
