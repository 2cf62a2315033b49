#!/bin/sh
# Installs a pinned TypeScript from the npm registry into BUILDDIR/npm,
# once per build directory, and prints the path of its tsc script (run
# it with node).  Fails loudly when node, npm or the registry is missing.
# Usage: sh tests/lang/typescript/install-tsc.sh BUILDDIR
set -u
TS_VERSION=5.9.3
B=${1:?usage: install-tsc.sh BUILDDIR}

fail() {
	echo "install-tsc: $*" >&2
	exit 1
}

command -v node >/dev/null 2>&1 ||
	fail "node is not installed (tests/ensure-packages.sh test installs it)"
command -v npm >/dev/null 2>&1 ||
	fail "npm is not installed (tests/ensure-packages.sh test installs it)"
BABS=$(cd "$B" && pwd) || fail "cannot enter $B"
NPM=$BABS/npm
TSC=$NPM/node_modules/typescript/bin/tsc

# A failed or interrupted install leaves no matching package.json.
if [ "$(node -p "require('$NPM/node_modules/typescript/package.json').version" \
    2>/dev/null)" != "$TS_VERSION" ]; then
	rm -rf "$NPM"
	mkdir -p "$NPM" || fail "cannot create $NPM"
	npm install --prefix "$NPM" --no-audit --no-fund --no-save \
	    --loglevel=error "typescript@$TS_VERSION" >"$BABS/npm.log" 2>&1 || {
		cat "$BABS/npm.log" >&2
		rm -rf "$NPM"
		fail "cannot install typescript@$TS_VERSION from the npm registry"
	}
fi
[ -f "$TSC" ] || fail "$TSC is missing after npm install"
echo "$TSC"
