#!/bin/sh
# Makes de_DE.UTF-8 available to the locale tests: generated with localedef (Debian's `locales`
# package has its sources) into FOLDER, which the tests name in LOCPATH, so that no system-wide
# change and no root is needed. Done once per build folder. Without localedef or the sources it
# says so and succeeds: the tests that need the locale then skip, naming the reason.
# Usage: make_de_locale.sh FOLDER
set -u
folder=$1
if [ -f "$folder/de_DE.UTF-8/LC_NUMERIC" ]; then
  echo "de_DE.UTF-8 is in $folder"
  exit 0
fi
if ! command -v localedef >/dev/null 2>&1; then
  echo "de_DE.UTF-8 cannot be generated: localedef is missing (install libc-bin and locales)"
  exit 0
fi
mkdir -p "$folder"
# localedef exits 1 for warnings only; the locale is there if LC_NUMERIC is.
localedef -i de_DE -f UTF-8 "$folder/de_DE.UTF-8" 2>"$folder/localedef.log"
if [ -f "$folder/de_DE.UTF-8/LC_NUMERIC" ]; then
  echo "generated de_DE.UTF-8 in $folder"
else
  echo "de_DE.UTF-8 cannot be generated (install the locales package):"
  cat "$folder/localedef.log"
fi
exit 0
