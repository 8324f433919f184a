#!/usr/bin/env bash
# Builds everything with Clang 14, AddressSanitizer + UndefinedBehaviorSanitizer (any finding
# aborts) and -Werror, and runs the whole test suite, the GUI tests included (offscreen). This is
# also CI's Clang build of the whole project. With --thread, builds with
# ThreadSanitizer instead, only the threaded tests (labels "threads": the training worker, and
# "parallel": the sweep's thread pool), and runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
if [ "$mode" = "--thread" ]; then
  preset=tsan
else
  preset=asan
fi
if [ "$preset" = tsan ]; then
  cmake --preset tsan >/dev/null
  cmake --build --preset tsan -j "${ACTLAB_JOBS:-2}" --target test_network_threads test_sweep_runner
else
  scripts/build.sh "$preset"
  echo "clang build: $(clang++-14 --version | head -1), -Wall -Wextra -Werror, ASan + UBSan, $(grep -c '' build/asan/compile_commands.json) lines of compile commands, no warnings"
fi
# intercept_tls_get_addr=0: LeakSanitizer records blocks of dynamic thread-local storage
# as __tls_get_addr hands them out, and with Debian 12's glibc it can record a bogus one; its
# leak check at exit then crashes reading it ("Tracer caught signal 11", seen when a PDF export
# renders certain captions). Without the interception LSan still scans static TLS and every stack.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:intercept_tls_get_addr=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
export ACTLAB_RANDOM_CONFIGS=${ACTLAB_RANDOM_CONFIGS:-500}
ctest --preset "$preset" -j "${ACTLAB_JOBS:-2}"
