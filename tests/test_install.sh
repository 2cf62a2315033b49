#!/bin/sh
# make install into a temporary DESTDIR places exactly the expected files
# under DESTDIR/PREFIX, the installed gen works from another directory,
# its manual page and completion load, and make uninstall removes every
# file again.  uninstall leaves the shared directories (bin, man1, ...)
# in place, and removes share/gen, which is gen's alone.
# Usage: sh tests/test_install.sh BUILDDIR
set -u
B=${1:-build}
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
make=${MAKE:-make}
# Only the variables this test sets may reach make: not the caller's
# environment, nor a parent make's command line (through MAKEFLAGS).
unset PREFIX EXEC_PREFIX BINDIR DATAROOTDIR DATADIR MANDIR MAN1DIR \
    BASHCOMPDIR ZSHCOMPDIR FISHCOMPDIR PKGDATADIR INSTALL INSTALL_PROGRAM \
    INSTALL_DATA DESTDIR
MAKEFLAGS=
MFLAGS=
export MAKEFLAGS MFLAGS
fails=0
checks=0

fail() { echo "test_install: $*" >&2; fails=$((fails + 1)); }

for tool in mandoc man bash zsh fish; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "test_install: $tool is not installed" \
		    "(sh tests/ensure-packages.sh test)" >&2
		exit 1
	}
done

# same_file FILE: FILE holds exactly the text of $tmp/want.
same_file() {
	checks=$((checks + 1))
	cmp -s "$1" "$tmp/want" ||
	    fail "$1 differs from the expected:$(diff "$tmp/want" "$1" |
	    sed 's/^/  /')"
}

# inst TARGET VAR=VALUE...: make TARGET with our build directory; what
# follows a failed make would only repeat the failure, so stop.
inst() {
	checks=$((checks + 1))
	"$make" -s B="$B" "$@" > "$tmp/make.out" 2>&1 || {
		echo "test_install: make $* failed:" >&2
		cat "$tmp/make.out" >&2
		exit 1
	}
}

dest=$tmp/stage
prefix=/opt/gen-test
root=$dest$prefix

# Every path the install and uninstall rules name lies under
# DESTDIR/PREFIX (or is the build's own gen).
for target in install uninstall; do
	checks=$((checks + 1))
	"$make" -n -o "$B/gen" B="$B" DESTDIR="$dest" PREFIX="$prefix" \
	    "$target" | tr ' ' '\n' | tr -d '"' | grep '^/' |
	    grep -v -x -e "$root/.*" -e "$B/gen" > "$tmp/outside"
	[ -s "$tmp/outside" ] && fail "make $target names paths outside" \
	    "DESTDIR/PREFIX: $(paste -sd ' ' "$tmp/outside")"
done

inst install DESTDIR="$dest" PREFIX="$prefix"

# Exactly these files, with these modes, and nothing outside the prefix.
(cd "$dest" && find . ! -type d -exec stat -c '%a %n' {} + | LC_ALL=C sort) \
    > "$tmp/files"
cat > "$tmp/want" <<EOF
644 .$prefix/share/bash-completion/completions/gen
644 .$prefix/share/fish/vendor_completions.d/gen.fish
644 .$prefix/share/gen/gen-registry.schema.json
644 .$prefix/share/man/man1/gen.1
644 .$prefix/share/zsh/site-functions/_gen
755 .$prefix/bin/gen
EOF
same_file "$tmp/files"
(cd "$dest" && find . -type d | LC_ALL=C sort) > "$tmp/dirs"
cat > "$tmp/want" <<EOF
.
./opt
.$prefix
.$prefix/bin
.$prefix/share
.$prefix/share/bash-completion
.$prefix/share/bash-completion/completions
.$prefix/share/fish
.$prefix/share/fish/vendor_completions.d
.$prefix/share/gen
.$prefix/share/man
.$prefix/share/man/man1
.$prefix/share/zsh
.$prefix/share/zsh/site-functions
EOF
same_file "$tmp/dirs"

# The installed gen needs nothing from the source tree: run it from /.
checks=$((checks + 1))
(cd / && "$root/bin/gen" --lang c) > "$tmp/c.h" 2> "$tmp/err" ||
    fail "installed gen --lang c failed in /: $(cat "$tmp/err")"
"$B/gen" --lang c > "$tmp/want"
same_file "$tmp/c.h"
checks=$((checks + 1))
(cd / && "$root/bin/gen" --version) | grep -q '^gen [0-9]' ||
    fail "installed gen --version"

# man finds the page by name under the prefix, and it lints clean.
checks=$((checks + 1))
page=$(MANPATH=$root/share/man man -w gen 2>&1)
[ "$page" = "$root/share/man/man1/gen.1" ] ||
    fail "man -w gen found '$page', not the installed page"
checks=$((checks + 1))
MANWIDTH=80 man -l "$root/share/man/man1/gen.1" > "$tmp/man.txt" \
    2> "$tmp/err" && [ ! -s "$tmp/err" ] && grep -q 'EXIT STATUS' \
    "$tmp/man.txt" || fail "man -l on the installed page: $(cat "$tmp/err")"
checks=$((checks + 1))
mandoc -Tlint -W warning "$root/share/man/man1/gen.1" > "$tmp/err" 2>&1 ||
    fail "mandoc -Tlint on the installed page: $(cat "$tmp/err")"

# The completions load where installed: bash's registers itself for gen,
# compinit finds _gen on fpath for gen, and fish, finding gen.fish by the
# command's name, completes an option with the installed gen.
checks=$((checks + 1))
bash -c '. "$1" && complete -p gen' sh \
    "$root/share/bash-completion/completions/gen" 2>&1 |
    grep -q -- '-F _gen_complete gen$' || fail "the installed bash completion"
checks=$((checks + 1))
zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit && compinit -u -D &&
    print -r -- $_comps[gen]' sh "$root/share/zsh/site-functions" 2>&1 |
    grep -q -x _gen || fail "the installed zsh completion"
checks=$((checks + 1))
(cd / && PATH=$root/bin:$PATH fish --no-config -c '
    set -p fish_complete_path $argv[1]; complete -C "gen --list-s"' \
    "$root/share/fish/vendor_completions.d") 2>&1 |
    grep -q "^--list-sets$(printf '\t')" || fail "the installed fish completion"

# The directory variables each move their files.
alt=$tmp/alt
inst install DESTDIR="$alt" PREFIX=/usr BINDIR=/usr/libexec/g \
    MAN1DIR=/usr/man/man1 BASHCOMPDIR=/etc/bash_completion.d \
    ZSHCOMPDIR=/usr/zsh/vendor-completions FISHCOMPDIR=/etc/fish/completions \
    DATADIR=/usr/data
(cd "$alt" && find . ! -type d | LC_ALL=C sort) > "$tmp/files"
cat > "$tmp/want" <<EOF
./etc/bash_completion.d/gen
./etc/fish/completions/gen.fish
./usr/data/gen/gen-registry.schema.json
./usr/libexec/g/gen
./usr/man/man1/gen.1
./usr/zsh/vendor-completions/_gen
EOF
same_file "$tmp/files"

# uninstall removes every file, twice is harmless, and only the shared
# directories stay behind.
inst uninstall DESTDIR="$dest" PREFIX="$prefix"
inst uninstall DESTDIR="$dest" PREFIX="$prefix"
(cd "$dest" && find . ! -type d) > "$tmp/files"
: > "$tmp/want"
same_file "$tmp/files"
(cd "$dest" && find . -type d | LC_ALL=C sort) > "$tmp/dirs"
cat > "$tmp/want" <<EOF
.
./opt
.$prefix
.$prefix/bin
.$prefix/share
.$prefix/share/bash-completion
.$prefix/share/bash-completion/completions
.$prefix/share/fish
.$prefix/share/fish/vendor_completions.d
.$prefix/share/man
.$prefix/share/man/man1
.$prefix/share/zsh
.$prefix/share/zsh/site-functions
EOF
same_file "$tmp/dirs"
inst uninstall DESTDIR="$alt" PREFIX=/usr BINDIR=/usr/libexec/g \
    MAN1DIR=/usr/man/man1 BASHCOMPDIR=/etc/bash_completion.d \
    ZSHCOMPDIR=/usr/zsh/vendor-completions FISHCOMPDIR=/etc/fish/completions \
    DATADIR=/usr/data
checks=$((checks + 1))
[ -z "$(cd "$alt" && find . ! -type d)" ] ||
    fail "uninstall with moved directories left files"

cd "$top" || exit 1
if [ "$fails" -ne 0 ]; then
	echo "test_install: $fails of $checks checks failed" >&2
	exit 1
fi
echo "test_install: $checks checks passed"
