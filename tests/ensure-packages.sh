#!/bin/sh
# Installs the Debian packages a build or test run needs, when missing.
# Usage: ensure-packages.sh build|test
# As root it runs apt-get; otherwise it stops and prints the command.
set -eu

case "${1:-}" in
build)	pkgs="gcc make pkg-config libyaml-dev" ;;
test)	pkgs="libcmocka-dev clang libclang-rt-14-dev g++ golang-go mypy python3 valgrind" ;;
*)	echo "usage: $0 build|test" >&2; exit 64 ;;
esac

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
