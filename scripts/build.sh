#!/usr/bin/env bash
# Configures and builds Activation Lab in build/<type> (default Release) with two jobs.
# Usage: scripts/build.sh [Release|Debug|RelWithDebInfo] [extra cmake arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
type=${1:-Release}
shift || true
dir=build/$(echo "$type" | tr '[:upper:]' '[:lower:]')
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
cmake --build "$dir" -j "${ACTLAB_JOBS:-2}"
