# gen: build, regenerate out/, test.  See README.md.

.SUFFIXES:
.DELETE_ON_ERROR:
# Keep the test objects make builds on the way: removing them only makes
# the next run compile them again.
.SECONDARY:

CFLAGS     ?= -O2 -g
LDFLAGS    ?=
PKG_CONFIG ?= pkg-config
PYTHON     ?= /usr/bin/python3

PREFIX     ?= /usr/local
EXEC_PREFIX ?= $(PREFIX)
BINDIR     ?= $(EXEC_PREFIX)/bin
DATAROOTDIR ?= $(PREFIX)/share
MANDIR     ?= $(DATAROOTDIR)/man
DATADIR    ?= $(DATAROOTDIR)
MAN1DIR    ?= $(MANDIR)/man1
# bash-completion loads completions/NAME when NAME is first completed.
BASHCOMPDIR ?= $(DATAROOTDIR)/bash-completion/completions
# zsh and fish look in these when DATAROOTDIR is their own, or (fish)
# when it is in XDG_DATA_DIRS.
ZSHCOMPDIR ?= $(DATAROOTDIR)/zsh/site-functions
FISHCOMPDIR ?= $(DATAROOTDIR)/fish/vendor_completions.d
PKGDATADIR ?= $(DATADIR)/gen
INSTALL    ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 0755
INSTALL_DATA ?= $(INSTALL) -m 0644
DESTDIR    ?=

VERSION    = 0.1.0

# The project's own flags: always added, so overriding CFLAGS keeps them.
GEN_CFLAGS  = -std=c11 -Wall -Wextra -Wpedantic -Werror -Wshadow \
              -Wstrict-prototypes -Wmissing-prototypes -Wvla \
              -D_POSIX_C_SOURCE=200809L -DGEN_VERSION='"$(VERSION)"' \
              -pthread
DEPFLAGS    = -MMD -MP

B           = build
# gen/ has a folder per stage (see README.md, "Layout"); objects mirror it.
LIB_SRC     = $(wildcard gen/*/*.c)
LIB_OBJ     = $(LIB_SRC:gen/%.c=$(B)/%.o) $(B)/embedded.o $(B)/keywords.o
TEST_SRC    = $(wildcard tests/test_*.c)
TEST_BIN    = $(TEST_SRC:tests/%.c=$(B)/tests/%)
EMBED_IN    = data/http_status.yaml doc/usage.txt $(shell find templates -type f | LC_ALL=C sort)

# Files gen writes into out/ for this repository's own data.
OUT_LANGS   = c python go markdown typescript rust json

.PHONY: all out deps test-deps check test check-out valgrind sanitize \
        tsan bench bench-compile fuzz install uninstall clean

all: $(B)/gen out

# --- dependencies (installed with apt-get when missing and we are root) ---
$(B)/.deps-build: tests/ensure-packages.sh
	@mkdir -p $(B)
	@sh tests/ensure-packages.sh build
	@touch $@

$(B)/.deps-test: tests/ensure-packages.sh $(B)/.deps-build
	@sh tests/ensure-packages.sh test
	@touch $@

deps: $(B)/.deps-build
test-deps: $(B)/.deps-test

YAML_CFLAGS = `$(PKG_CONFIG) --cflags yaml-0.1`
YAML_LIBS   = `$(PKG_CONFIG) --libs yaml-0.1`
CMOCKA_CFLAGS = `$(PKG_CONFIG) --cflags cmocka`
CMOCKA_LIBS   = `$(PKG_CONFIG) --libs cmocka`

# --- the generator ---
$(B)/%.o: gen/%.c | $(B)/.deps-build
	@mkdir -p $(@D)
	$(CC) $(GEN_CFLAGS) $(DEPFLAGS) $(CFLAGS) -Igen $(YAML_CFLAGS) -c -o $@ $<

$(B)/mkembed: tools/mkembed.c | $(B)/.deps-build
	$(CC) $(GEN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ tools/mkembed.c

$(B)/embedded.c: $(B)/mkembed $(EMBED_IN)
	$(B)/mkembed $(EMBED_IN) > $@

$(B)/embedded.o: $(B)/embedded.c
	$(CC) $(GEN_CFLAGS) $(CFLAGS) -Igen -c -o $@ $(B)/embedded.c

# The reserved words model/keyword.c looks names up in, as its table.
$(B)/keywords.c: tools/keywords.awk data/keywords.txt | $(B)/.deps-build
	awk -f tools/keywords.awk data/keywords.txt > $@

$(B)/keywords.o: $(B)/keywords.c
	$(CC) $(GEN_CFLAGS) $(CFLAGS) -Igen -c -o $@ $(B)/keywords.c

$(B)/libgen.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(B)/gen: $(B)/main.o $(B)/libgen.a
	$(CC) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $(B)/main.o $(B)/libgen.a \
	    $(YAML_LIBS)

# out/ is regenerated from the embedded data and templates on every build;
# gen rewrites only files whose content changed.
out: $(B)/gen
	$(B)/gen $(OUT_LANGS:%=--lang %) --out out

# --- tests ---
$(B)/tests/%.o: tests/%.c | $(B)/.deps-test
	@mkdir -p $(B)/tests
	$(CC) $(GEN_CFLAGS) $(DEPFLAGS) $(CFLAGS) -Igen $(YAML_CFLAGS) \
	    $(CMOCKA_CFLAGS) -c -o $@ $<

$(B)/tests/test_%: $(B)/tests/test_%.o $(B)/libgen.a
	$(CC) $(CFLAGS) $(LDFLAGS) -pthread -o $@ $< $(B)/libgen.a \
	    $(YAML_LIBS) $(CMOCKA_LIBS)

# `make check` runs every test once.  `make test`, what CI runs, then
# runs the test programs and gen under memcheck and the whole suite
# again under AddressSanitizer and UBSan, so a leak or an out-of-bounds
# read fails the build the day it is written.
check: $(B)/gen $(TEST_BIN) $(B)/.deps-test
	@sh tests/run.sh $(B) $(TEST_BIN)

test: check
	@$(MAKE) --no-print-directory valgrind
	@$(MAKE) --no-print-directory sanitize
	@$(MAKE) --no-print-directory tsan

# Memory checks: every test program, and gen itself on the built-in
# languages, under memcheck; any error or leak fails.
VALGRIND = valgrind -q --error-exitcode=1 --leak-check=full \
           --errors-for-leak-kinds=all --show-leak-kinds=all

valgrind: $(B)/gen $(TEST_BIN) $(B)/.deps-test
	@set -e; for t in $(TEST_BIN); do \
	    echo "valgrind $$t"; $(VALGRIND) $$t >/dev/null; done
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	    $(VALGRIND) $(B)/gen $(OUT_LANGS:%=--lang %) --out "$$d" && \
	    $(VALGRIND) $(B)/gen diff --format json tests/diff/base.yaml \
	        tests/diff/phrase_pinned.yaml >/dev/null && \
	    $(VALGRIND) $(B)/gen --data tests/bad/many_errors.yaml --lang c \
	        2>/dev/null; test $$? -eq 65 && echo "valgrind: clean"

# The whole test suite again, built with AddressSanitizer and UBSan.
# The fuzz smoke test is the same sanitized build either way, so it gets
# a shorter run here.
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all
sanitize: $(B)/.deps-test
	$(MAKE) B=$(B)/san CC=clang CFLAGS="$(SAN_FLAGS)" \
	    LDFLAGS="$(SAN_FLAGS)" $(B)/san/gen
	FUZZ_SECONDS=10 $(MAKE) B=$(B)/san CC=clang CFLAGS="$(SAN_FLAGS)" \
	    LDFLAGS="$(SAN_FLAGS)" check

# Outputs render in threads (gen/pool.h): the runs that render most at
# once, again built with ThreadSanitizer.
TSAN_FLAGS = -O1 -g -fsanitize=thread
tsan: $(B)/.deps-test
	$(MAKE) B=$(B)/tsan CC=clang CFLAGS="$(TSAN_FLAGS)" \
	    LDFLAGS="$(TSAN_FLAGS)" $(B)/tsan/gen $(B)/tsan/tests/test_pool
	@sh tests/tsan.sh $(B)/tsan

# Fuzz the loader and the template engine (libFuzzer, ASan, UBSan).
FUZZ_SECONDS ?= 300
fuzz: $(B)/.deps-test
	sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(B)

# Timings of gen against bench/floor (libyaml alone); see BENCHMARKS.md.
$(B)/.deps-bench: tests/ensure-packages.sh $(B)/.deps-build
	@sh tests/ensure-packages.sh bench
	@touch $@

$(B)/bench/floor: bench/floor.c | $(B)/.deps-build
	@mkdir -p $(B)/bench
	$(CC) $(GEN_CFLAGS) $(CFLAGS) $(YAML_CFLAGS) $(LDFLAGS) -o $@ \
	    bench/floor.c $(YAML_LIBS)

$(B)/bench/runtime: bench/runtime.c | $(B)/.deps-build
	@mkdir -p $(B)/bench
	$(CC) $(GEN_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ bench/runtime.c

bench: $(B)/gen $(B)/bench/floor $(B)/bench/runtime $(B)/.deps-bench
	@sh bench/run.sh $(B)
	@$(MAKE) --no-print-directory bench-compile

# What users pay: compiling the generated code against the same entries
# as a plain table (bench/compile.py; BENCH_COMPILE_SIZES and the other
# BENCH_COMPILE_* variables it documents).  TypeScript comes from the
# npm registry into $(B)/npm, as for the tests.
bench-compile: $(B)/gen $(B)/bench/runtime $(B)/.deps-bench
	@tsc=$$(sh tests/lang/typescript/install-tsc.sh $(B)) && \
	    $(PYTHON) bench/compile.py --gen $(B)/gen \
	    --runtime $(B)/bench/runtime --tsc "$$tsc"

check-out: $(B)/gen
	$(B)/gen $(OUT_LANGS:%=--lang %) --out out --check

# uninstall removes the files install placed and leaves the directories,
# which other programs share, except PKGDATADIR, which is gen's alone.
install: $(B)/gen
	$(INSTALL) -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MAN1DIR)" \
	    "$(DESTDIR)$(BASHCOMPDIR)" "$(DESTDIR)$(ZSHCOMPDIR)" \
	    "$(DESTDIR)$(FISHCOMPDIR)" "$(DESTDIR)$(PKGDATADIR)"
	$(INSTALL_PROGRAM) $(B)/gen "$(DESTDIR)$(BINDIR)/gen"
	$(INSTALL_DATA) doc/gen.1 "$(DESTDIR)$(MAN1DIR)/gen.1"
	$(INSTALL_DATA) completion/gen.bash "$(DESTDIR)$(BASHCOMPDIR)/gen"
	$(INSTALL_DATA) completion/_gen "$(DESTDIR)$(ZSHCOMPDIR)/_gen"
	$(INSTALL_DATA) completion/gen.fish "$(DESTDIR)$(FISHCOMPDIR)/gen.fish"
	$(INSTALL_DATA) schema/gen-registry.schema.json \
	    "$(DESTDIR)$(PKGDATADIR)/gen-registry.schema.json"

uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/gen" "$(DESTDIR)$(MAN1DIR)/gen.1" \
	    "$(DESTDIR)$(BASHCOMPDIR)/gen" "$(DESTDIR)$(ZSHCOMPDIR)/_gen" \
	    "$(DESTDIR)$(FISHCOMPDIR)/gen.fish"
	rm -f "$(DESTDIR)$(PKGDATADIR)/gen-registry.schema.json"
	[ ! -d "$(DESTDIR)$(PKGDATADIR)" ] || rmdir "$(DESTDIR)$(PKGDATADIR)"

clean:
	rm -rf $(B)

-include $(wildcard $(B)/*.d $(B)/*/*.d)
