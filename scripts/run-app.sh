#!/usr/bin/env bash
# Quick start 1: install what is missing, build a Release build, and launch Activation Lab.
# Arguments are passed to the application (for example --lang zh_CN).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-debian.sh
scripts/build.sh Release
exec build/release/app/activation-lab "$@"
