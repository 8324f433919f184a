#!/usr/bin/env bash
# Refreshes the Qt Linguist files in resources/translations from the sources (ui/ and app/):
# new tr() strings are added as unfinished, strings no longer in the sources are dropped, and every
# existing translation is kept. The .ts files are the source of truth for the translations; the
# build only compiles them (lrelease, qt_add_translations in ui/CMakeLists.txt) and never rewrites
# them. The test `translations_complete` fails until every message is translated.
#
# A maintainer's round after adding or changing user-visible strings:
#
#   scripts/update-translations.sh                      # 1. pick up the new strings
#   python3 scripts/translations.py todo > todo.json     # 2. list what needs translating
#   # 3. fill in "translation" in todo.json (or translate in Qt Linguist, Debian linguist-qt6:
#   #    /usr/lib/qt6/bin/linguist resources/translations/activation_lab_zh_CN.ts)
#   python3 scripts/translations.py apply todo.json      # 4. write them into the .ts, as finished
#   python3 scripts/translations.py check               # 5. the check the test runs
#
# Usage: scripts/update-translations.sh [--lupdate PATH] [TS_FILE...]
# With no TS_FILE, every resources/translations/activation_lab_*.ts is refreshed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
lupdate=${LUPDATE:-}
if [ "${1:-}" = "--lupdate" ]; then
  lupdate=$2
  shift 2
fi
if [ -z "$lupdate" ]; then
  for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" \
                   "$(command -v lupdate || true)"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then lupdate=$candidate; break; fi
  done
fi
if [ -z "$lupdate" ]; then
  echo "update-translations: lupdate not found (Debian: qt6-l10n-tools)" >&2
  exit 1
fi

ts_files=("$@")
if [ ${#ts_files[@]} -eq 0 ]; then
  ts_files=("$root"/resources/translations/activation_lab_*.ts)
fi

# The test (scripts/translations.py check) runs this script on a copy of the .ts, so these are
# the one definition of how the files are made: no source locations, so that a file changes only
# when strings do, and no obsolete entries (a reworded string's old translation is offered as an
# unfinished guess by lupdate's similar-text heuristic, never used silently).
cd "$root"
for ts in "${ts_files[@]}"; do
  "$lupdate" -locations none -no-obsolete -source-language en ui app \
             -ts "$ts"
done
