#!/usr/bin/env bash
# Installs the Debian 12 packages Activation Lab needs to build, test and run, if any is missing.
# Run as root, or as a user who may use sudo. Nothing else is downloaded.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  qt6-translations-l10n libgl-dev libqcustomplot-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth fonts-noto-cjk python3
  # The PyTorch export's checks run the exported scripts and notebooks (tests/pytorch).
  python3-torch python3-nbformat python3-matplotlib
)

# With --hardening, also what the sanitizer and fuzzing runs need (clang and its runtimes).
if [ "${1:-}" = "--hardening" ]; then
  packages+=(clang-14 libfuzzer-14-dev libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  as_root=(sudo)
fi
echo "setup: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
