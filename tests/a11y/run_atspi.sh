#!/bin/sh
# Runs check_atspi.py with what AT-SPI needs: an X display (Xvfb) and a D-Bus session bus, on
# which the accessibility bus (at-spi2-core) starts on demand. Usage: run_atspi.sh APP
set -e
here=$(dirname "$0")
# Without the tools the test cannot run: ctest reports it as skipped (77), never as passed.
for tool in xvfb-run dbus-run-session; do
  command -v "$tool" >/dev/null || { echo "run_atspi: $tool is missing (scripts/setup-debian.sh)"; exit 77; }
done
/usr/bin/python3 -c "import pyatspi" 2>/dev/null ||
  { echo "run_atspi: python3-pyatspi is missing (scripts/setup-debian.sh)"; exit 77; }
# The window must be on the X display: the offscreen platform (QT_QPA_PLATFORM=offscreen, which
# the other GUI tests may run with) has no accessibility bridge, and the application would never
# appear on the bus.
unset QT_QPA_PLATFORM
# The registry sometimes misses an application that starts while the machine is busy: one more
# try, on a fresh display and bus, before failing.
for attempt in 1 2; do
  status=0
  xvfb-run -a -s "-screen 0 1600x1000x24" \
    dbus-run-session -- /usr/bin/python3 "$here/check_atspi.py" "$1" || status=$?
  [ "$status" -ne 3 ] && exit "$status"
done
exit 1
