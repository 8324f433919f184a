#!/usr/bin/env bash
# Soak test: the real GUI under Xvfb in compare mode with eight 6×8 networks training at 50
# epochs per frame, for SECONDS (default 600). Samples the resident memory and the heap in use
# every 10 s and fails if the window stops responding (the app's --heartbeat file is rewritten
# every second by the GUI thread, so a stale file means a blocked event loop) or if the resident
# memory grows too much after a warm-up:
#   runs of 10 minutes or more: by 2 MB or more after minute 5 (the 30-minute soak);
#   shorter runs: by more than 10 MB after the first minute (20 s for runs of a minute or less).
# Writes build/soak/rss.csv, and with PNG_OUT a graph of it (tests/soak/soak_plot).
# Usage: [ACTLAB_BUILD_DIR=build/release] scripts/soak.sh [SECONDS] [PNG_OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
png=${2:-}
build=${ACTLAB_BUILD_DIR:-build/release}   # another build directory may be given
app=$build/app/activation-lab
[ -x "$app" ] || scripts/build.sh Release >/dev/null
out=build/soak
mkdir -p "$out"
heartbeat="$out/heartbeat"
rm -f "$heartbeat"
# Settings of its own: the user's are never read or changed, and no earlier run's state (or an
# offer to restore it after the previous soak was stopped) gets in the way.
export XDG_CONFIG_HOME="$out/config" XDG_DATA_HOME="$out/data"
rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
xvfb-run -a -s "-screen 0 1600x1000x24" "$app" --session tests/soak/compare8.actlab.json \
  --play --heartbeat "$heartbeat" >"$out/app.log" 2>&1 &
runner=$!
trap 'kill $runner 2>/dev/null || true; pkill -f "activation-lab --session tests/soak" 2>/dev/null || true' EXIT
pid=""
for _ in $(seq 1 100); do
  pid=$(pgrep -f "^$app --session tests/soak" | head -1 || true)
  [ -n "$pid" ] && [ -f "$heartbeat" ] && break
  sleep 0.2
done
[ -n "$pid" ] || { echo "soak: the app did not start"; cat "$out/app.log"; exit 1; }
if [ "$seconds" -ge 600 ]; then baseline_after=300; limit_kb=2048
else baseline_after=$(( seconds > 60 ? 60 : 20 )); limit_kb=10241; fi
echo "seconds,rss_kb,epoch,heap_kb" > "$out/rss.csv"
start=$(date +%s)
baseline=""
status=0
while :; do
  now=$(( $(date +%s) - start ))
  if ! kill -0 "$pid" 2>/dev/null; then echo "soak: the app exited at ${now}s"; status=1; break; fi
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  age=$(( $(date +%s) - $(stat -c %Y "$heartbeat") ))
  beat=$(cat "$heartbeat" 2>/dev/null || true)
  epoch=$(echo "$beat" | cut -d' ' -f2)
  heap=$(echo "$beat" | cut -d' ' -f3)
  heap_kb=$(( ${heap:-0} / 1024 ))
  echo "$now,$rss,${epoch:-},$heap_kb" >> "$out/rss.csv"
  echo "soak: ${now}s rss ${rss} kB heap ${heap_kb} kB epoch ${epoch:-?} heartbeat age ${age}s"
  if [ "$age" -gt 5 ]; then echo "soak: the window stopped responding (heartbeat ${age}s old)"; status=1; break; fi
  if [ -z "$baseline" ] && [ "$now" -ge "$baseline_after" ]; then baseline=$rss; fi
  if [ -n "$baseline" ] && [ $(( rss - baseline )) -ge "$limit_kb" ]; then
    echo "soak: memory grew by $(( (rss - baseline) / 1024 )) MB since ${baseline_after}s"; status=1; break
  fi
  [ "$now" -ge "$seconds" ] && break
  sleep 10
done
if [ -n "$png" ]; then "$build/tests/soak/soak_plot" "$out/rss.csv" "$png"; fi
if [ $status -eq 0 ]; then
  last=$(tail -1 "$out/rss.csv" | cut -d, -f2)
  echo "soak: passed, $(( last / 1024 )) MB at the end, $(( last - ${baseline:-$last} )) kB more than at ${baseline_after}s"
fi
exit $status
