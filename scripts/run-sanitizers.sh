#!/usr/bin/env bash
# Builds everything with Clang 14, AddressSanitizer + UndefinedBehaviorSanitizer (any finding
# aborts) and -Werror, and runs the whole test suite, the GUI tests included (offscreen), but for
# the runs that repeat it in another setting or take minutes without new code paths: the German
# locale reruns, the layout sweep over screen sizes, AT-SPI, PyTorch and the lesson claims
# (the asan test preset; the release run has them all).
#   --core    the same without the GUI (preset asan-core): the core, the command line and their
#             tests; CI's short hardening run.
#   --thread  ThreadSanitizer instead, only the threaded tests (labels "threads": the training
#             worker, and "parallel": the sweep's thread pool).
#   --thread --parallel-only  ThreadSanitizer on the sweep's thread pool only (no GUI to build).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
filter=()
case $mode in
  --thread)
    preset=tsan
    targets=(test_network_threads test_sweep_runner)
    if [ "${2:-}" = "--parallel-only" ]; then
      targets=(test_sweep_runner)
      filter=(-L parallel)
    fi
    cmake --preset tsan >/dev/null
    cmake --build --preset tsan -j "${ACTLAB_JOBS:-2}" --target "${targets[@]}"
    ;;
  --core|"")
    preset=asan
    [ "$mode" = --core ] && preset=asan-core
    scripts/build.sh "$preset"
    echo "clang build: $(clang++-14 --version | head -1), -Wall -Wextra -Werror, ASan + UBSan, $(grep -c '' "build/$preset/compile_commands.json") lines of compile commands, no warnings"
    ;;
  *) echo "usage: scripts/run-sanitizers.sh [--core | --thread [--parallel-only]]" >&2; exit 2 ;;
esac
# intercept_tls_get_addr=0: LeakSanitizer records blocks of dynamic thread-local storage
# as __tls_get_addr hands them out, and with Debian 12's glibc it can record a bogus one; its
# leak check at exit then crashes reading it ("Tracer caught signal 11", seen when a PDF export
# renders certain captions). Without the interception LSan still scans static TLS and every stack.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1:intercept_tls_get_addr=0"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"
export ACTLAB_RANDOM_CONFIGS=${ACTLAB_RANDOM_CONFIGS:-500}
ctest --preset "$preset" -j "${ACTLAB_JOBS:-2}" "${filter[@]}"
