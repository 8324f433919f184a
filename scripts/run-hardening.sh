#!/usr/bin/env bash
# The hardening suite, run by CI after the test suite: the whole test suite under ASan + UBSan,
# the training-thread tests under TSan, every fuzzer for a bounded time, a short run of every
# benchmark (so none rots) and, when the GUI is built, a short soak of the real window under Xvfb.
# Usage: scripts/run-hardening.sh [FUZZ_SECONDS] [SOAK_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
fuzz_seconds=${1:-30}
soak_seconds=${2:-60}
scripts/setup-debian.sh --hardening
step() { echo; echo "==== $* ($(date +%T))"; }
step "Clang 14 -Werror, AddressSanitizer + UndefinedBehaviorSanitizer: whole project and test suite"
scripts/run-sanitizers.sh
step "ThreadSanitizer: training-thread tests"
scripts/run-sanitizers.sh --thread
step "fuzzing, ${fuzz_seconds}s per harness"
scripts/run-fuzzers.sh "$fuzz_seconds"
step "benchmarks, quick run"
scripts/run-benchmarks.sh --quick
if [ -x scripts/soak.sh ]; then
  step "soak test, ${soak_seconds}s"
  scripts/soak.sh "$soak_seconds"
fi
step "hardening suite passed"
