#!/usr/bin/env bash
# Builds and runs every Google Benchmark program under bench/ and writes docs/benchmarks.md: the
# machine, and per benchmark the median of the repetitions and the spread (min … max).
# Usage: scripts/run-benchmarks.sh [--quick]
#   --quick  CI mode: a very short run of every benchmark (they must not rot); no report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh Release >/dev/null
dir=build/release/bench
mapfile -t programs < <(find "$dir" -maxdepth 2 -type f -executable -name 'bench_*' | sort)
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
if [ "${1:-}" = "--quick" ]; then
  export ACTLAB_BENCH_FRAMES=20  # the network page's frame-rate runs: a few frames each
  for p in "${programs[@]}"; do
    echo "== $(basename "$p")"
    "$p" --benchmark_min_time=0.05 >/dev/null
  done
  echo "all ${#programs[@]} benchmark programs ran"
  exit 0
fi
out=build/release/bench-results
rm -rf "$out" && mkdir -p "$out"
for p in "${programs[@]}"; do
  echo "== $(basename "$p")"
  "$p" --benchmark_repetitions=5 --benchmark_report_aggregates_only=false \
       --benchmark_out="$out/$(basename "$p").json" --benchmark_out_format=json >/dev/null
done
python3 scripts/bench_report.py "$out" > docs/benchmarks.md
echo "wrote docs/benchmarks.md"
