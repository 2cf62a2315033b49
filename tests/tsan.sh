#!/bin/sh
# Runs gen's threads under ThreadSanitizer: the runs that render most
# at once, read partials from disk and fail in two threads, and one on
# a big registry, whose workers share the memory the tree had.
# Usage: sh tests/tsan.sh TSANBUILDDIR (see `make tsan`)
set -u
name=tsan
. tests/lib_check.sh
check_init "${1:?usage: tsan.sh TSANBUILDDIR}"
# A race exits 99, which no run of gen does on its own.
TSAN_OPTIONS="halt_on_error=1 exitcode=99"
export TSAN_OPTIONS

expect 0 "${1}/tests/test_pool"
expect 0 "$gen" -j 8 --lang c --lang python --lang go --lang markdown \
    --lang typescript --lang rust --lang json --out "$tmp/all"
mkdir -p "$tmp/tpl/c" "$tmp/tpl/markdown"
printf '/* ours: {{registry.name}} */\n' > "$tmp/tpl/c/preamble.mustache"
cp templates/markdown/*.mustache "$tmp/tpl/markdown/"
expect 0 "$gen" -j 8 --templates "$tmp/tpl" --lang c --lang markdown \
    --lang go --out "$tmp/own" --depfile "$tmp/own.d"
user_lang "$tmp/jt" slow
user_lang "$tmp/jt" quick
printf '{{#statuses}}{{> p}}{{/statuses}}{{nope}}\n' > "$tmp/jt/slow/t.mustache"
printf '{{code}}\n' > "$tmp/jt/slow/p.mustache"
printf '{{nope}}\n' > "$tmp/jt/quick/t.mustache"
expect 65 "$gen" -j 8 --templates "$tmp/jt" --lang c --lang slow \
    --lang quick --lang go --out "$tmp/fail"
# A registry big enough that the workers' views fill the blocks the
# tree left, while the render threads settle their outputs.
/usr/bin/python3 bench/mkregistry.py 10000 --seed 2 -o "$tmp/big.yaml"
expect 0 "$gen" -j 3 --data "$tmp/big.yaml" --lang c --lang go \
    --out "$tmp/big"
check_done
