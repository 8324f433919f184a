#!/usr/bin/env bash
# Builds the .deb (cpack -G DEB) from the Release build, installs it with apt (which pulls in its
# dependencies), checks that the installed files work with no display, and removes it again.
# Needs root (or sudo), like the quick-start commands.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh Release >/dev/null
(cd build/release && cpack -G DEB >/dev/null)
deb=$(ls -t build/release/activation-lab_*_amd64.deb | head -1)
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "./$deb" >/dev/null
trap '"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get remove -y -q activation-lab >/dev/null' EXIT
echo "installed $deb"
test -x /usr/bin/activation-lab
test -f /usr/share/applications/activation-lab.desktop
test -f /usr/share/icons/hicolor/scalable/apps/activation-lab.svg
lessons=(/usr/share/activation-lab/lessons/*.actlab.json)
echo "${#lessons[@]} lessons installed"
[ "${#lessons[@]}" -ge 6 ]
ls /usr/share/activation-lab/translations/*.qm >/dev/null 2>&1 && echo "translations installed"
env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/activation-lab eval --activation gelu --x 1 | grep -q '^GELU,'
env -u DISPLAY -u WAYLAND_DISPLAY /usr/bin/activation-lab train --session "${lessons[0]}" --epochs 2 >/dev/null
echo "the installed activation-lab works"
