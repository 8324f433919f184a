#!/bin/sh
# Runs check_atspi.py with what AT-SPI needs: an X display (Xvfb) and a D-Bus session bus, on
# which the accessibility bus (at-spi2-core) starts on demand. Usage: run_atspi.sh APP
set -e
here=$(dirname "$0")
exec xvfb-run -a -s "-screen 0 1600x1000x24" \
  dbus-run-session -- /usr/bin/python3 "$here/check_atspi.py" "$1"
