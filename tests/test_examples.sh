#!/bin/sh
# Builds every recipe under examples/ out of tree, in a temporary copy,
# with BUILDDIR/gen:
#   - the C recipes (make, cmake with Ninja and with Unix Makefiles,
#     meson): a clean build runs; a second build does nothing; editing the
#     YAML or a --templates template regenerates the header and rebuilds
#     the program; an edit or touch that leaves the header as it was
#     rebuilds nothing;
#   - go: go generate, go vet and the example's go test;
#   - python: the example's unittest and mypy --strict, and gen --check.
# Instead of sleeping past the file system's timestamp resolution, the
# test sets every file to one time in the past before each edit, so
# "rebuilt" means "its time moved".  Offline: GOPROXY=off.
# Usage: sh tests/test_examples.sh BUILDDIR
set -u
B=${1:-build}
EX=$(pwd)/examples
PY=/usr/bin/python3

fail() {
	echo "test_examples: $*" >&2
	exit 1
}

[ -x "$B/gen" ] || fail "$B/gen is missing; build it first"
for tool in make cc cmake ninja meson go gofmt; do
	command -v $tool >/dev/null 2>&1 || fail "$tool is not installed"
done
$PY -m mypy --version >/dev/null 2>&1 || fail "mypy is not installed for $PY"
BABS=$(cd "$B" && pwd) || fail "cannot enter $B"
GEN=$BABS/gen
T=$(mktemp -d "${TMPDIR:-/tmp}/test_examples.XXXXXX") || fail "mktemp failed"
trap 'rm -rf "$T"' EXIT
trap 'exit 1' INT TERM

# Older than anything a build writes; newer than installed files (build
# files depend on CMake's modules, which keep their package's times).
PAST=$(($(date +%s) - 3600))
snapshot() {
	(cd "$EX" && find . -type f | LC_ALL=C sort | xargs cksum)
}
snapshot >"$T/examples.before"

# settle DIR...: every file gets the time PAST.
settle() {
	find "$@" -exec touch -h -d "@$PAST" {} +
}

# moved FILE: whether FILE was written since the last settle.
moved() {
	[ "$(stat -c %Y "$1")" -ne "$PAST" ]
}

# build STEP: runs the recipe's build command, kept in $build_cmd.
build() {
	(eval "$build_cmd") >"$T/build.log" 2>&1 || {
		cat "$T/build.log" >&2
		fail "$recipe: build failed ($1)"
	}
}

# expect STEP yes|no FILE...: each FILE was rebuilt (yes) or not (no).
expect() {
	step=$1 want=$2
	shift 2
	for f in "$@"; do
		if moved "$f"; then got=yes; else got=no; fi
		[ "$got" = "$want" ] && continue
		cat "$T/build.log" >&2
		if [ "$want" = yes ]; then
			fail "$recipe: $step: ${f##*/} was not rebuilt"
		fi
		fail "$recipe: $step: ${f##*/} was rebuilt needlessly"
	done
}

# runs PROG LINE: PROG prints LINE among its output.
runs() {
	"$1" >"$T/run.log" 2>&1 || fail "$recipe: ${1##*/} failed"
	grep -qxF "$2" "$T/run.log" || {
		cat "$T/run.log" >&2
		fail "$recipe: ${1##*/} does not print '$2'"
	}
}

# check_c RECIPE SRC BUILDDIR OBJ RESTAT: the C recipe in SRC (a copy),
# built into BUILDDIR with $build_cmd and the templates in $T/RECIPE/tpl;
# OBJ is main.c's object file; RESTAT is yes when the build tool keeps
# an unchanged output from rerunning its command (Ninja does, Make does not).
check_c() {
	recipe=$1 src=$2 out=$3 obj=$4 restat=$5
	tpl=$T/$recipe/tpl/c/http_status.h.mustache
	h=$out/http_status.h prog=$out/hello

	build "clean build"
	runs "$prog" "404 NOT_FOUND Not Found"

	settle "$T/$recipe"
	build "second build"
	expect "a second build" no "$h" "$obj" "$prog"

	settle "$T/$recipe"
	sed 's/phrase: Not Found,/phrase: Nothing Here,/' \
	    "$src/http_status.yaml" >"$T/yaml" &&
	    mv "$T/yaml" "$src/http_status.yaml" || fail "cannot edit the YAML"
	build "YAML edited"
	expect "after a YAML edit" yes "$h" "$obj" "$prog"
	runs "$prog" "404 NOTHING_HERE Nothing Here"

	settle "$T/$recipe"
	echo "# a comment changes no output" >>"$src/http_status.yaml"
	build "YAML comment added"
	expect "after a YAML edit that changes no output" no "$h" "$obj" "$prog"
	if [ "$restat" = yes ]; then
		build "after the comment"
		grep -q 'no work to do' "$T/build.log" || {
			cat "$T/build.log" >&2
			fail "$recipe: gen runs again after an edit that" \
			    "changed nothing"
		}
	fi

	settle "$T/$recipe"
	echo "/* from the edited template */" >>"$tpl"
	build "template edited"
	expect "after a template edit" yes "$h" "$obj" "$prog"
	[ "$(tail -n 1 "$h")" = "/* from the edited template */" ] ||
		fail "$recipe: the header does not hold the template edit"

	settle "$T/$recipe"
	touch "$tpl"
	build "template touched"
	expect "after touching the template" no "$h" "$obj" "$prog"

	settle "$T/$recipe"
	build "nothing changed"
	expect "when nothing changed" no "$h" "$obj" "$prog"
}

# copy RECIPE NAME: examples/RECIPE into $T/NAME/src, built-in C
# templates into $T/NAME/tpl/c.
copy() {
	mkdir -p "$T/$2/tpl/c" || fail "mkdir failed"
	cp -R "$EX/$1" "$T/$2/src" || fail "cannot copy examples/$1"
	cp templates/c/http_status.h.mustache "$T/$2/tpl/c/" ||
	    fail "cannot copy the C template"
}

# Make: the project builds in its own directory; make -q agrees.
copy make make
d=$T/make/src
build_cmd='make -C "$d" GEN="$GEN" GENFLAGS="--templates $T/make/tpl"'
check_c make "$d" "$d" "$d/main.o" no
grep -q "http_status.stamp:.*tpl/c/http_status.h.mustache" \
    "$d/http_status.d" || fail "make: the depfile does not name the template"
# --list-outputs told Make what gen writes; --stamp makes gen run once
# after an edit that changes no output, which keeps its time.
[ "$("$GEN" --data "$d/http_status.yaml" --lang c -o "$d/http_status.h" \
    --list-outputs)" = "$d/http_status.h" ] ||
	fail "make: --list-outputs does not list the header"
settle "$T/make"
echo "# a comment changes no output" >>"$d/http_status.yaml"
build "YAML comment added"
expect "after a YAML comment" yes "$d/http_status.stamp"
expect "after a YAML comment" no "$d/http_status.h" "$d/main.o" "$d/hello"
build "after the comment"
grep -q "'hello' is up to date" "$T/build.log" || {
	cat "$T/build.log" >&2
	fail "make: gen runs again after an edit that changed nothing"
}

# CMake, with both generators that support DEPFILE.
for g in Ninja "Unix Makefiles"; do
	n=cmake-$(echo "$g" | tr ' A-Z' '-a-z')
	copy cmake "$n"
	s=$T/$n/src o=$T/$n/build
	cmake -S "$s" -B "$o" -G "$g" -DGEN="$GEN" \
	    -DGEN_TEMPLATES="$T/$n/tpl" >"$T/build.log" 2>&1 || {
		cat "$T/build.log" >&2
		fail "$n: cmake failed to configure"
	}
	build_cmd='cmake --build "$o"'
	r=no
	[ "$g" = Ninja ] && r=yes
	check_c "$n" "$s" "$o" "$o/CMakeFiles/hello.dir/main.c.o" $r
done

# Meson.
copy meson meson
s=$T/meson/src o=$T/meson/build
meson setup "$o" "$s" -Dgen="$GEN" -Dgen_templates="$T/meson/tpl" \
    >"$T/build.log" 2>&1 || {
	cat "$T/build.log" >&2
	fail "meson: meson setup failed"
}
build_cmd='ninja -C "$o"'
check_c meson "$s" "$o" "$o/hello.p/main.c.o" yes

# Go: go generate finds gen on PATH.
recipe=go
. tests/lib_go.sh
go_offline "$BABS" "$T"
cp -R "$EX/go" "$T/go" || fail "cannot copy examples/go"
build_cmd='cd "$T/go" && PATH="$BABS:$PATH" go generate ./...'
build "go generate"
[ -f "$T/go/httpstatus/httpstatus.go" ] ||
	fail "go: go generate did not write httpstatus/httpstatus.go"
build_cmd='cd "$T/go" && go vet ./... && go test -count=1 ./...'
build "go vet, go test"
unformatted=$(gofmt -l "$T/go") || fail "go: gofmt failed"
[ -z "$unformatted" ] || fail "go: gofmt -l lists $unformatted"

# Python: the module is generated where the package imports it from.
recipe=python
cp -R "$EX/python" "$T/python" || fail "cannot copy examples/python"
build_cmd='cd "$T/python" &&
    "$GEN" --lang python -o statusline/http_status.py &&
    PYTHONDONTWRITEBYTECODE=1 $PY -m unittest -v &&
    $PY -m mypy --strict --no-incremental --cache-dir="$T/mypy" . &&
    "$GEN" --lang python -o statusline/http_status.py --check'
build "unittest, mypy --strict, gen --check"
grep -q "^Ran 3 tests" "$T/build.log" ||
	fail "python: unittest did not run the example's 3 tests"

snapshot >"$T/examples.after"
cmp -s "$T/examples.before" "$T/examples.after" || {
	diff "$T/examples.before" "$T/examples.after" >&2
	fail "a build wrote into examples/"
}
echo "test_examples: make, cmake (Ninja, Unix Makefiles), meson, go and" \
    "python recipes build, rebuild and pass their tests"
