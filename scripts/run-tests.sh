#!/usr/bin/env bash
# Quick start 2: install what is missing, build, and run the whole test suite with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
scripts/build.sh Release
cd build/release
ctest --output-on-failure -j "${ACTLAB_JOBS:-2}"
