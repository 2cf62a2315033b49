#!/bin/sh
# Installs the Debian packages a build or test run needs, when missing.
# Usage: ensure-packages.sh build|test|bench
# As root it runs apt-get; otherwise it stops and prints the command.
set -eu

case "${1:-}" in
build)
	pkgs="gcc make pkg-config libyaml-dev" ;;
test)
	# cmocka, the sanitizers and libFuzzer, memcheck; the toolchains
	# the generated code is checked with; mypy and jsonschema; the
	# man page linters; the build systems of examples/; the shells
	# whose completion is tested.
	pkgs="libcmocka-dev clang libclang-rt-14-dev valgrind g++ golang-go
	    python3 python3-yaml python3-jsonschema mypy mandoc man-db
	    cmake meson ninja-build zsh fish"
	# CPython's own test suite, whose test_httplib test_lang_python.sh
	# runs with gen's module as http.HTTPStatus: Debian ships it apart,
	# as libpython3.X-testsuite for the python3 installed (or about to
	# be).
	v=$(/usr/bin/python3 -c \
	    'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) ||
	    v=$(apt-cache depends python3 2>/dev/null |
	    sed -n 's/^ *Depends: python\(3\.[0-9][0-9]*\)$/\1/p' | head -n 1)
	[ -z "$v" ] || pkgs="$pkgs libpython$v-testsuite"
	toolchains=1 ;;
bench)
	# valgrind counts instructions; bench/compile.py times the
	# compilers of the generated code.
	pkgs="python3 valgrind gcc golang-go"
	toolchains=1 ;;
*)
	echo "usage: $0 build|test|bench" >&2
	exit 64 ;;
esac
# Debian's node, npm and rustc, unless the commands are there already
# (NodeSource's nodejs bundles npm and conflicts with Debian's; rustup
# puts rustc in ~/.cargo/bin).
if [ -n "${toolchains:-}" ]; then
	command -v npm >/dev/null 2>&1 || pkgs="$pkgs nodejs npm"
	command -v rustc >/dev/null 2>&1 || pkgs="$pkgs rustc"
fi

missing=""
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "gen: missing packages:$missing" >&2
	echo "gen: run: sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "gen: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; refresh them once on failure.
apt-get install -y -q $missing >/dev/null 2>&1 || {
	apt-get update -q >/dev/null
	apt-get install -y -q $missing >/dev/null
}
