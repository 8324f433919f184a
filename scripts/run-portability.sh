#!/usr/bin/env bash
# The portable build, run by CI after the test suite: the core with the plain C++ lanes and no
# per-CPU clones (the path of a compiler without GCC vector extensions), whose tests (golden
# values, Playground runs, training) must pass unchanged. With --clang, also the whole project
# (core, GUI, tests, benchmarks) as a Clang 14 release build with -Werror and its test suite; CI
# gets its Clang -Werror build from the hardening suite instead, whose sanitizer build is Clang's.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh --hardening
step() { echo; echo "==== $* ($(date +%T))"; }
if [ "${1:-}" = "--clang" ]; then
  step "Clang 14 release, whole project, -Wall -Wextra -Werror"
  scripts/build.sh clang
  echo "clang build: $(clang++-14 --version | head -1), -Werror, $(grep -c '' build/clang/compile_commands.json) lines of compile commands, no warnings"
  ctest --preset clang -j "${ACTLAB_JOBS:-2}" | grep -E "tests passed|Total Test time"
fi
step "plain C++ lanes, no clones (ACTLAB_PORTABLE_LANES, ACTLAB_NO_CLONES)"
cmake --preset portable >/dev/null
cmake --build --preset portable -j "${ACTLAB_JOBS:-2}" --target actlab_core_tests
ctest --preset portable -j "${ACTLAB_JOBS:-2}" | grep -E "tests passed|Total Test time"
step "portable build passed"
