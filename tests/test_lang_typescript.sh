#!/bin/sh
# Generates the TypeScript module from the embedded data; installs a
# pinned TypeScript from the npm registry into BUILDDIR/npm, once
# (tests/lang/typescript/install-tsc.sh); runs
# tsc --strict on the module and a typed user
# (tests/lang/typescript/use_status.ts), then runs the compiled user and
# checks the module's codes and phrases against the data with node; then
# checks every lookup, the flag predicates against the YAML, on the
# built-in registry, two examples and a registry of its own
# (tests/lang/typescript/check_lookup.js).
# Usage: sh tests/test_lang_typescript.sh BUILDDIR
set -u
B=${1:-build}
GEN=$B/gen
PY=/usr/bin/python3
SRC=tests/lang/typescript
DATA=data/http_status.yaml

fail() {
	echo "test_lang_typescript: $*" >&2
	exit 1
}

[ -x "$GEN" ] || fail "$GEN is missing; build it first"
$PY -c 'import yaml' 2>/dev/null || fail "python3-yaml is not installed"
BABS=$(cd "$B" && pwd) || fail "cannot enter $B"
TSC=$(sh tests/lang/typescript/install-tsc.sh "$B") ||
	fail "no TypeScript compiler"
TS_VERSION=$(node "$TSC" --version | sed "s/^Version //") ||
	fail "$TSC --version failed"

T=$(mktemp -d "$BABS/test_lang_typescript.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

"$GEN" --lang typescript >"$T/http_status.ts" 2>"$T/gen.err" ||
	fail "gen --lang typescript failed: $(cat "$T/gen.err")"
head -n 1 "$T/http_status.ts" | grep -q '^// .*DO NOT EDIT\.$' ||
	fail "first line is not the '// ... DO NOT EDIT.' notice"
cp "$SRC/use_status.ts" "$T/" || fail "cannot copy use_status.ts"
# After a per-locale language, the next one is still in the default locale.
"$GEN" --lang markdown --lang typescript --out "$T/both" 2>"$T/gen.err" ||
	fail "gen --lang markdown --lang typescript failed: $(cat "$T/gen.err")"
cmp -s "$T/http_status.ts" "$T/both/typescript/http_status.ts" ||
	fail "after --lang markdown, the TypeScript differs (another locale?)"

# Type-check under the strictest useful flags, then compile to CommonJS.
node "$TSC" --strict --noEmit --noUnusedLocals --noUnusedParameters \
    --noImplicitReturns --noUncheckedIndexedAccess \
    --exactOptionalPropertyTypes --isolatedModules --target es2015 \
    --lib es2015,dom "$T/http_status.ts" "$T/use_status.ts" \
    >"$T/tsc.log" 2>&1 || {
	cat "$T/tsc.log" >&2
	fail "tsc --strict rejects the module"
}
node "$TSC" --strict --target es2015 --module commonjs --lib es2015,dom \
    --outDir "$T/js" "$T/http_status.ts" "$T/use_status.ts" \
    >"$T/tsc.log" 2>&1 || {
	cat "$T/tsc.log" >&2
	fail "tsc could not compile the module"
}
node "$T/js/use_status.js" || fail "use_status.ts failed"

# Every code of the data (unofficial ones excluded) with its phrase and
# default description, and nothing else.
$PY - "$DATA" >"$T/expected" <<'PYEOF' || fail "reading $DATA failed"
import json, sys, yaml
data = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
default = data["registry"]["locales"][0]
out = {}
for s in data["statuses"]:
    if s.get("status") == "unofficial":
        continue
    d = s["description"]
    out[str(s["code"])] = [s["phrase"], d[default] if isinstance(d, dict) else d]
print(json.dumps(out, sort_keys=True))
PYEOF
node -e '
const m = require(process.argv[1]);
const out = {};
for (const code of new Set(Object.values(m.HttpStatus)))
  out[code] = [m.statusText(code), m.statusDescription(code)];
const sorted = {};
for (const k of Object.keys(out).sort()) sorted[k] = out[k];
console.log(JSON.stringify(sorted));
' "$T/js/http_status.js" >"$T/got" || fail "node could not load the module"
$PY -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
if a != b:
    for k in sorted(set(a) | set(b)):
        if a.get(k) != b.get(k):
            sys.exit("code %s: data %r, module %r" % (k, a.get(k), b.get(k)))
' "$T/expected" "$T/got" || fail "the module disagrees with $DATA"

# Every capability (ALL_CODES, classOf, is<Class>, is<Flag>, fromName,
# fromPhrase, ...) on the built-in registry, a dense one and a sparse
# one (neither has flags), against gen's JSON and the YAML for the same
# data (tests/lang/typescript/check_lookup.js); and on phrases whose
# letters beyond ASCII must not fold, one of them above U+FFFF, where
# UTF-16 order is not the keys' byte order, with flags: one without a
# description, one no status has, one only an unofficial status has.
cat >"$T/u.yaml" <<'Y'
registry: {name: u_test, title: U, locales: [en]}
sets:
  - {id: acme, title: Acme, description: Acme's own.}
flags:
  - {id: odd_one, title: Odd one, description: "An odd */ one."}
  - {id: unused, title: Unused}
  - {id: hidden, title: Unofficial only, description: x}
classes:
  - {id: low, first: 0, last: 15, title: Low, description: Low.}
  - {id: high, first: 17, last: 99, title: High, description: High.}
statuses:
  - {code: 10, phrase: Bad Gateway, status: standard, description: x,
     aliases: [gateway_bad], flags: [odd_one]}
  - {code: 17, phrase: "DÉJÀ Vu", id: deja_vu, status: standard,
     description: x, history: [{phrase: Bad Gateway}, {phrase: Old}]}
  - {code: 18, phrase: "Smile 😀", status: standard, description: x,
     flags: [odd_one]}
  - {code: 19, phrase: "Private ", status: standard, description: x}
  - {code: 20, phrase: "Kelvin K", status: standard, description: x,
     flags: [odd_one]}
  - {code: 21, phrase: "Acme Only", status: unofficial, set: acme,
     description: x, flags: [hidden, odd_one]}
Y
for reg in "" examples/registries/grpc.yaml examples/registries/smtp.yaml \
    "$T/u.yaml"; do
	R=$T/reg${reg:+_$(basename "$reg" .yaml)}
	mkdir -p "$R" || fail "mkdir $R failed"
	for l in typescript json; do
		"$GEN" --lang $l ${reg:+--data "$reg"} >"$R/m.$l" \
		    2>"$T/gen.err" ||
			fail "gen --lang $l $reg failed: $(cat "$T/gen.err")"
	done
	mv "$R/m.typescript" "$R/m.ts" || fail "mv failed"
	$PY -c 'import json, sys, yaml
json.dump(yaml.safe_load(open(sys.argv[1], encoding="utf-8")), sys.stdout)
' "${reg:-$DATA}" >"$R/data.json" || fail "reading ${reg:-$DATA} failed"
	node "$TSC" --strict --noEmit --noUnusedLocals --noUnusedParameters \
	    --noImplicitReturns --noUncheckedIndexedAccess \
	    --exactOptionalPropertyTypes --isolatedModules --target es2015 \
	    --lib es2015 "$R/m.ts" >"$T/tsc.log" 2>&1 || {
		cat "$T/tsc.log" >&2
		fail "tsc --strict rejects the module of ${reg:-$DATA}"
	}
	node "$TSC" --strict --target es2015 --module commonjs --lib es2015 \
	    --outDir "$R" "$R/m.ts" >"$T/tsc.log" 2>&1 || {
		cat "$T/tsc.log" >&2
		fail "tsc could not compile the module of ${reg:-$DATA}"
	}
	node "$SRC/check_lookup.js" "$R/m.js" "$R/m.json" "$R/data.json" ||
		fail "the lookups of ${reg:-$DATA} disagree with its data"
done

echo "test_lang_typescript: tsc $TS_VERSION --strict clean, matches the data"
