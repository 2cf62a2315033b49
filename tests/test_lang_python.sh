#!/bin/sh
# Generates the Python module from the embedded data; runs mypy --strict
# on it and on a typed user (tests/lang/python/use_status.py); checks it
# against http.HTTPStatus and the data (tests/lang/python/check.py);
# checks status_class, is_<class>, is_<flag>, from_name, from_phrase and
# iteration on it and on examples/registries/grpc.yaml and smtp.yaml
# (tests/lang/python/capabilities.py); runs CPython's own test_httplib
# with it in place of http.HTTPStatus (tests/lang/python/cpython_httplib.py;
# the test suite is Debian's libpython3.X-testsuite, which
# tests/ensure-packages.sh test installs).
# Usage: sh tests/test_lang_python.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
SRC=tests/lang/python
DATA=data/http_status.yaml

fail() {
	echo "test_lang_python: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
[ -x "$PY" ] || fail "$PY is not installed"
$PY -m mypy --version >/dev/null 2>&1 || fail "mypy is not installed for $PY"
$PY -c 'import yaml' 2>/dev/null || fail "python3-yaml is not installed"
$PY -c 'import test.test_httplib' 2>/dev/null ||
	fail "CPython's test suite is not installed for $PY (tests/ensure-packages.sh test)"
T=$(mktemp -d "${TMPDIR:-/tmp}/test_lang_python.XXXXXX") ||
	fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

"$GEN" --lang python >"$T/http_status.py" 2>"$T/gen.err" ||
	fail "gen --lang python failed: $(cat "$T/gen.err")"
head -n 1 "$T/http_status.py" | grep -q '^# .*DO NOT EDIT\.$' ||
	fail "first line is not the '# ... DO NOT EDIT.' notice"
cp "$SRC/use_status.py" "$T/"

# Checked as the installed Python and as the oldest one the module
# promises, whose standard library typeshed describes separately.
for v in "" 3.8; do
	(cd "$T" && $PY -m mypy --strict --no-incremental \
	    --cache-dir="$T/.mypy$v" ${v:+--python-version "$v"} \
	    http_status.py use_status.py) >"$T/mypy.log" 2>&1 || {
		cat "$T/mypy.log" >&2
		fail "mypy --strict ${v:+--python-version $v }rejects the module"
	}
done
PYTHONPATH=$T $PY -B "$T/use_status.py" >/dev/null 2>"$T/run.log" || {
	cat "$T/run.log" >&2
	fail "use_status.py failed"
}
PYTHONPATH=$T $PY -B "$SRC/check.py" "$DATA" || fail "check.py failed"

# CPython's own test_httplib, with the module as http.HTTPStatus (and so
# as http.client's constants and responses), in a scratch directory.
mkdir "$T/httplib" || fail "mkdir failed"
top=$(pwd) || fail "pwd failed"
(cd "$T/httplib" && PYTHONPATH=$T $PY -B "$top/$SRC/cpython_httplib.py" \
    "$top/$DATA") >"$T/httplib.log" 2>&1 || {
	tail -n 40 "$T/httplib.log" >&2
	fail "CPython's test_httplib fails with the module as http.HTTPStatus"
}
httplib=$(tail -n 1 "$T/httplib.log")

# Every capability, on the built-in registry and on two that are not
# HTTP: gRPC's dense codes 0-16 and SMTP's sparse ones.
PYTHONPATH=$T $PY -B "$SRC/capabilities.py" http_status "$DATA" ||
	fail "capabilities.py failed on $DATA"
for reg in examples/registries/grpc.yaml examples/registries/smtp.yaml; do
	O=$T/$(basename "$reg" .yaml)
	"$GEN" --lang python --data "$reg" --out "$O" 2>"$T/gen.err" ||
		fail "gen --lang python --data $reg failed: $(cat "$T/gen.err")"
	m=$(cd "$O/python" && ls -- *.py)
	(cd "$O/python" && $PY -m mypy --strict --no-incremental \
	    --cache-dir="$T/.mypy-reg" "$m") >"$T/mypy.log" 2>&1 || {
		cat "$T/mypy.log" >&2
		fail "mypy --strict rejects the module of $reg"
	}
	PYTHONPATH=$O/python $PY -B "$SRC/capabilities.py" "${m%.py}" \
	    "$reg" || fail "capabilities.py failed on $reg"
done

echo "test_lang_python: mypy --strict clean (also as 3.8), matches http.HTTPStatus and the data; every capability holds on $DATA, grpc and smtp; $httplib"
