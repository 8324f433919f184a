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
  # The locale tests run the suite under de_DE.UTF-8 (decimal comma); see below.
  locales
  # The PyTorch export's checks run the exported scripts and notebooks (tests/pytorch).
  python3-torch python3-nbformat python3-matplotlib
  # Independent high-precision references (the inspect subcommand against an mpmath forward pass).
  python3-mpmath
  # The accessibility test walks the real window through AT-SPI (tests/a11y).
  at-spi2-core python3-pyatspi dbus-daemon
)

# With --hardening, also what the sanitizer and fuzzing runs need (clang and its runtimes).
if [ "${1:-}" = "--hardening" ]; then
  packages+=(clang-14 libfuzzer-14-dev libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The German locale, for the tests that check that files never follow the locale (ctest can also
# generate it into the build folder, without root).
has_german() { locale -a 2>/dev/null | grep -qiE '^de_DE\.utf-?8$'; }
if [ ${#missing[@]} -eq 0 ] && has_german; then
  echo "setup: all ${#packages[@]} packages are installed, and the de_DE.UTF-8 locale"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  as_root=(sudo)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if ! has_german; then
  echo "setup: generating the de_DE.UTF-8 locale"
  "${as_root[@]}" sed -i -E 's/^# *(de_DE\.UTF-8 UTF-8)/\1/' /etc/locale.gen
  grep -q '^de_DE\.UTF-8 UTF-8' /etc/locale.gen ||
    echo 'de_DE.UTF-8 UTF-8' | "${as_root[@]}" tee -a /etc/locale.gen >/dev/null
  "${as_root[@]}" locale-gen
fi
