#!/usr/bin/env bash
# The hardening suite, after the test suite. In full (by hand, about an hour on two cores): the
# whole test suite under ASan + UBSan with Clang 14 -Werror, the training-thread tests under TSan,
# the portable build (plain C++ lanes), every fuzzer for a bounded time, a short run of every
# benchmark (so none rots) and a soak of the real window under Xvfb.
# With --ci, the short run CI makes after the test suite (it must leave CI well inside its time):
# ASan + UBSan over the core, the command line and their tests (no GUI; the fuzzers come from the
# same build), TSan over the sweep's thread pool, every fuzzer for FUZZ_SECONDS, the quick
# benchmarks and the soak.
# Usage: scripts/run-hardening.sh [--ci] [FUZZ_SECONDS] [SOAK_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
ci=false
if [ "${1:-}" = "--ci" ]; then
  ci=true
  shift
fi
fuzz_seconds=${1:-30}
soak_seconds=${2:-60}
scripts/setup-debian.sh --hardening
step() { echo; echo "==== $* ($(date +%T))"; }
if $ci; then
  step "Clang 14 -Werror, AddressSanitizer + UndefinedBehaviorSanitizer: core, command line, tests"
  scripts/run-sanitizers.sh --core
  step "ThreadSanitizer: the sweep's thread pool"
  scripts/run-sanitizers.sh --thread --parallel-only
else
  step "Clang 14 -Werror, AddressSanitizer + UndefinedBehaviorSanitizer: whole project and test suite"
  scripts/run-sanitizers.sh
  step "ThreadSanitizer: training-thread tests"
  scripts/run-sanitizers.sh --thread
  step "portable build"
  scripts/run-portability.sh
fi
step "fuzzing, ${fuzz_seconds}s per harness"
if $ci; then
  ACTLAB_FUZZ_PRESET=asan-core scripts/run-fuzzers.sh "$fuzz_seconds"  # built with the tests
else
  scripts/run-fuzzers.sh "$fuzz_seconds"
fi
step "benchmarks, quick run"
scripts/run-benchmarks.sh --quick
if [ -x scripts/soak.sh ]; then
  step "soak test, ${soak_seconds}s"
  scripts/soak.sh "$soak_seconds"
fi
step "hardening suite passed"
