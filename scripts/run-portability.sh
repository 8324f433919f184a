#!/usr/bin/env bash
# The portable build, run by CI after the test suite: the whole project (core, GUI, tests,
# benchmarks) with Clang 14 and -Werror, its test suite, and the core with the plain C++ lanes
# and no per-CPU clones (the path of a compiler without GCC vector extensions), whose tests
# (golden values, Playground runs, training) must pass unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh --hardening
step() { echo; echo "==== $* ($(date +%T))"; }
step "Clang 14, whole project, -Wall -Wextra -Werror"
scripts/build.sh clang
echo "clang build: $(clang++-14 --version | head -1), -Werror, $(grep -c '' build/clang/compile_commands.json) lines of compile commands, no warnings"
ctest --preset clang -j "${ACTLAB_JOBS:-2}" | grep -E "tests passed|Total Test time"
step "plain C++ lanes, no clones (ACTLAB_PORTABLE_LANES, ACTLAB_NO_CLONES)"
scripts/build.sh portable
ctest --preset portable -j "${ACTLAB_JOBS:-2}" | grep -E "tests passed|Total Test time"
step "portable build passed"
