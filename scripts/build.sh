#!/usr/bin/env bash
# Configures and builds Activation Lab with a preset of CMakePresets.json (default: release) in
# build/<preset>, with two jobs. Extra arguments go to the configure step.
# Usage: scripts/build.sh [release|debug|clang|portable|asan|tsan|fuzz] [extra cmake arguments...]
# (Release and Debug are accepted for release and debug.)
set -euo pipefail
cd "$(dirname "$0")/.."
preset=$(echo "${1:-release}" | tr '[:upper:]' '[:lower:]')
shift || true
cmake --preset "$preset" "$@" >/dev/null
cmake --build --preset "$preset" -j "${ACTLAB_JOBS:-2}"
