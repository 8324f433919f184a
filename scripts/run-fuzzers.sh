#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang-14, AddressSanitizer and UBSan, and runs each for a
# bounded time (default 60 s) on a copy of its seed corpus. Fails on any crash, leak, timeout or
# sanitizer report. Usage: scripts/run-fuzzers.sh [SECONDS_PER_HARNESS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
# ACTLAB_FUZZ_PRESET=asan-core uses the harnesses of that build (CI's, already built) instead.
preset=${ACTLAB_FUZZ_PRESET:-fuzz}
dir=build/$preset
scripts/build.sh "$preset"
mkdir -p "$dir/artifacts"
status=0
for harness in session dataset_csv cli_args formula; do
  work="$dir/corpus-$harness"
  rm -rf "$work" && mkdir -p "$work"
  # The session seeds nest up to 200,000 deep (up to 300 KB): its inputs may be that long, or the
  # fuzzer never reaches the nesting that overflowed the parser's stack.
  case $harness in
    session) max_len=1048576 ;;
    *) max_len=65536 ;;
  esac
  echo "== fuzz_$harness for ${seconds}s (-max_len=$max_len)"
  if ! "$dir/tests/fuzz/fuzz_$harness" "$work" "tests/fuzz/corpus/$harness" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
      -artifact_prefix="$dir/artifacts/$harness-" -print_final_stats=1 2>"$dir/fuzz_$harness.log"; then
    status=1
    tail -40 "$dir/fuzz_$harness.log"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$dir/fuzz_$harness.log" || true
done
exit $status
