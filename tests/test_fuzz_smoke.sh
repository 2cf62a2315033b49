#!/bin/sh
# A short fuzzing run of both libFuzzer targets (about 25 seconds each),
# replaying every stored crasher first; see tests/fuzz/run.sh.
# Usage: sh tests/test_fuzz_smoke.sh BUILDDIR
sh "$(dirname "$0")/fuzz/run.sh" "${FUZZ_SECONDS:-25}" "${1:-build}"
