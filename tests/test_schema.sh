#!/bin/sh
# schema/gen-registry.schema.json against gen's loader: the good
# registries pass both, the bad inputs fail both, except those listed in
# tests/schema/gen_only.txt with the reason no schema can reject them.
# Usage: sh tests/test_schema.sh BUILDDIR
set -u
B=${1:-build}
PY=${PYTHON:-/usr/bin/python3}

if ! "$PY" -c 'import jsonschema, yaml; yaml.CBaseLoader' 2>/dev/null; then
	echo "test_schema: $PY cannot import jsonschema and yaml (with" \
	    "libyaml); install python3-jsonschema python3-yaml" >&2
	exit 1
fi
[ -x "$B/gen" ] || { echo "test_schema: no $B/gen; run make" >&2; exit 1; }
exec "$PY" tests/schema/check_schema.py "$B"
