#!/bin/sh
# gen diff: each kind of registry change against tests/diff/base.yaml,
# with its exact lines and exit status; --format json read by Python;
# bad input and usage errors; and the built-in registry against its
# previous committed version, as information.
# Usage: sh tests/test_diff.sh BUILDDIR
set -u
name=test_diff
. tests/lib_check.sh
check_init "${1:-build}"

d=tests/diff
# diff STATUS CASE LINE...: gen diff base CASE exits STATUS, printing
# exactly the lines given (with F for CASE's path, B for base's).
diff_case() {
	want=$1
	f=$d/$2.yaml
	shift 2
	expect "$want" "$gen" diff "$d/base.yaml" "$f"
	printf '%s\n' "$@" | sed "s|^F:|$f:|; s|^B:|$d/base.yaml:|" \
	    > "$tmp/want"
	[ $# -gt 0 ] || : > "$tmp/want"
	cmp -s "$tmp/o" "$tmp/want" ||
	    fail "$f: got '$(cat "$tmp/o")', expected '$(cat "$tmp/want")'"
}

diff_case 0 base
diff_case 1 rename \
 "F:16:5: breaking: c: HTTP_STATUS_NOT_FOUND removed (id is now 'resource_not_found')" \
 "F:16:5: info: c: HTTP_STATUS_RESOURCE_NOT_FOUND added" \
 "F:16:5: breaking: python: HTTPStatus.NOT_FOUND removed (id is now 'resource_not_found')" \
 "F:16:5: info: python: HTTPStatus.RESOURCE_NOT_FOUND added" \
 "F:16:5: breaking: go: CodeNotFound removed (id is now 'resource_not_found')" \
 "F:16:5: info: go: CodeResourceNotFound added" \
 "F:16:5: breaking: typescript: HttpStatus.NOT_FOUND removed (id is now 'resource_not_found')" \
 "F:16:5: info: typescript: HttpStatus.RESOURCE_NOT_FOUND added" \
 "F:16:5: breaking: rust: HttpStatus::NotFound removed (id is now 'resource_not_found')" \
 "F:16:5: info: rust: HttpStatus::ResourceNotFound added"
diff_case 1 alias_removed \
 "F:20:5: breaking: c: HTTP_STATUS_PAYLOAD_TOO_LARGE removed (id is now 'content_too_large')" \
 "F:20:5: breaking: python: HTTPStatus.PAYLOAD_TOO_LARGE removed (id is now 'content_too_large')" \
 "F:20:5: breaking: go: CodePayloadTooLarge removed (id is now 'content_too_large')" \
 "F:20:5: breaking: typescript: HttpStatus.PAYLOAD_TOO_LARGE removed (id is now 'content_too_large')" \
 "F:20:5: breaking: rust: HttpStatus::PayloadTooLarge removed (id is now 'content_too_large')"
diff_case 1 status_removed \
 "B:16:5: breaking: c: HTTP_STATUS_NOT_FOUND removed (status 404 removed)" \
 "B:16:5: breaking: python: HTTPStatus.NOT_FOUND removed (status 404 removed)" \
 "B:16:5: breaking: go: CodeNotFound removed (status 404 removed)" \
 "B:16:5: breaking: typescript: HttpStatus.NOT_FOUND removed (status 404 removed)" \
 "B:16:5: breaking: rust: HttpStatus::NotFound removed (status 404 removed)"
diff_case 1 code_moved \
 "F:20:5: breaking: c: HTTP_STATUS_CONTENT_TOO_LARGE now 414, was 413" \
 "F:20:5: breaking: c: HTTP_STATUS_PAYLOAD_TOO_LARGE now 414, was 413" \
 "F:20:5: breaking: python: HTTPStatus.CONTENT_TOO_LARGE now 414, was 413" \
 "F:20:5: breaking: python: HTTPStatus.PAYLOAD_TOO_LARGE now 414, was 413" \
 "F:20:5: breaking: go: CodeContentTooLarge now 414, was 413" \
 "F:20:5: breaking: go: CodePayloadTooLarge now 414, was 413" \
 "F:20:5: breaking: typescript: HttpStatus.CONTENT_TOO_LARGE now 414, was 413" \
 "F:20:5: breaking: typescript: HttpStatus.PAYLOAD_TOO_LARGE now 414, was 413" \
 "F:20:5: breaking: rust: HttpStatus::ContentTooLarge now 414, was 413" \
 "F:20:5: breaking: rust: HttpStatus::PayloadTooLarge now 414, was 413"
# `names` for Go only: only Go breaks.
diff_case 1 names_go \
 "F:10:5: breaking: go: CodeOK removed (id is now 'ok')" \
 "F:10:5: info: go: CodeOkay added"
# A phrase reworded: the id derived from it changes, a pinned one not.
diff_case 1 phrase_derived \
 "F:16:5: breaking: c: HTTP_STATUS_NOT_FOUND removed (id is now 'not_here')" \
 "F:16:5: info: c: HTTP_STATUS_NOT_HERE added" \
 "F:16:5: info: c, python, go, typescript, rust: phrase of 404 changed" \
 "F:16:5: breaking: python: HTTPStatus.NOT_FOUND removed (id is now 'not_here')" \
 "F:16:5: info: python: HTTPStatus.NOT_HERE added" \
 "F:16:5: breaking: go: CodeNotFound removed (id is now 'not_here')" \
 "F:16:5: info: go: CodeNotHere added" \
 "F:16:5: breaking: typescript: HttpStatus.NOT_FOUND removed (id is now 'not_here')" \
 "F:16:5: info: typescript: HttpStatus.NOT_HERE added" \
 "F:16:5: breaking: rust: HttpStatus::NotFound removed (id is now 'not_here')" \
 "F:16:5: info: rust: HttpStatus::NotHere added"
diff_case 0 phrase_pinned \
 "F:20:5: info: c, python, go, typescript, rust: phrase of 413 changed"
diff_case 0 phrase_python "F:26:5: info: python: phrase of 418 changed"
diff_case 0 status_added \
 "F:16:5: info: c: HTTP_STATUS_CREATED added" \
 "F:16:5: info: python: HTTPStatus.CREATED added" \
 "F:16:5: info: go: CodeCreated added" \
 "F:16:5: info: typescript: HttpStatus.CREATED added" \
 "F:16:5: info: rust: HttpStatus::Created added"
diff_case 0 description \
 "F:16:5: info: c, python, go, typescript, rust: description of 404 changed"

# --lang picks the languages, in order; the others are not compared.
expect 0 "$gen" diff --lang rust -l python $d/base.yaml $d/names_go.yaml -lc
expect 1 "$gen" diff --lang go $d/base.yaml $d/names_go.yaml
same_text "$tmp/o" "$d/names_go.yaml:10:5: breaking: go: CodeOK removed (id is now 'ok')
$d/names_go.yaml:10:5: info: go: CodeOkay added"
expect 0 "$gen" diff --lang c $d/base.yaml $d/names_go.yaml

# Bad input, in either file: the loader's message, exit 65, no output.
for args in "$d/base.yaml $d/bad.yaml" "$d/bad.yaml $d/base.yaml"; do
	# shellcheck disable=SC2086
	expect 65 "$gen" diff $args
	same_text "$tmp/e" "$d/bad.yaml:17:5: error: unknown key 'phrse'; did you mean 'phrase'?"
	[ -s "$tmp/o" ] && fail "output on bad input: $(cat "$tmp/o")"
done
expect 66 "$gen" diff $d/base.yaml $d/missing.yaml

# Usage errors: exit 64, one line.
usage() {
	want_msg=$1
	shift
	expect 64 "$gen" diff "$@"
	same_text "$tmp/e" "gen: error: $want_msg"
}
usage "gen diff takes two registries" $d/base.yaml
usage "gen diff takes two registries" $d/base.yaml $d/base.yaml $d/base.yaml
usage "unknown format 'xml' (use text or json)" --format xml \
    $d/base.yaml $d/base.yaml
usage "language 'json' has no api.mustache to compare" --lang json \
    $d/base.yaml $d/base.yaml
usage "unknown language 'cobol'; expected one of: c, go, json, markdown, \
python, rust, typescript" --lang cobol $d/base.yaml $d/base.yaml
usage "gen diff takes no -o, --out, --data, --check, --depfile or gen render's options" \
    --out "$tmp/x" $d/base.yaml $d/base.yaml
usage "unknown set 'nope'" --include nope $d/base.yaml $d/base.yaml
expect 64 "$gen" --lang c --format json
same_text "$tmp/e" "gen: error: --format belongs to gen diff"

# --format json: an array of objects, each field checked by Python.
expect 1 "$gen" diff --format json --lang go $d/base.yaml $d/names_go.yaml
python3 - "$tmp/o" "$d/names_go.yaml" <<'PY' || fail "bad JSON: $(cat "$tmp/o")"
import json, sys
got = json.load(open(sys.argv[1]))
f = sys.argv[2]
want = [
    {"file": f, "line": 10, "column": 5, "level": "breaking", "lang": "go",
     "message": "CodeOK removed (id is now 'ok')"},
    {"file": f, "line": 10, "column": 5, "level": "info", "lang": "go",
     "message": "CodeOkay added"},
]
assert got == want, got
for o in got:
    assert list(o) == ["file", "line", "column", "level", "lang", "message"]
PY
expect 0 "$gen" diff --format json $d/base.yaml $d/base.yaml
same_text "$tmp/o" "[]"
# Quotes, backslashes and control characters are escaped in JSON.
mkdir -p "$tmp/q\"\\"
cp $d/description.yaml "$tmp/q\"\\/a.yaml"
expect 0 "$gen" diff --format json --lang c $d/base.yaml \
    "$tmp/q\"\\/a.yaml"
python3 -c 'import json, sys; v = json.load(open(sys.argv[1]))
assert v[0]["message"] == "description of 404 changed", v
assert v[0]["file"] == sys.argv[2], v' "$tmp/o" "$tmp/q\"\\/a.yaml" ||
    fail "JSON escaping: $(cat "$tmp/o")"

# The built-in registry against its version before the last commit that
# changed it: information only, but gen diff itself must work.
command -v git > /dev/null || fail "git is missing"
last=$(git log -n 1 --format=%H -- data/http_status.yaml) ||
    fail "no history for data/http_status.yaml"
if [ -n "$last" ] && git show "$last~1:data/http_status.yaml" \
    > "$tmp/prev.yaml"; then
	"$gen" diff "$tmp/prev.yaml" data/http_status.yaml
	rc=$?
	[ "$rc" -le 1 ] || fail "gen diff of the history exited $rc"
else
	fail "cannot read data/http_status.yaml before commit '$last'"
fi
check_done
