#!/usr/bin/env python3
"""Checks the include rules of docs/architecture.md and exits 1 naming every break.

  core/            standard C++ only: no Qt, nothing from app/, parallel/ or ui/
  parallel/        standard C++ and core only (threads live here, not in core)
  app/cli/         no Qt and no ui/ (export_command, which renders with Qt, is the exception)
  ui/common/       core and Qt only
  ui/explorer/     common, never network/ or classroom/
  ui/network/      common, never explorer/ or classroom/
  ui/sweeps/       common (and the sweep engine in parallel/), never another page
  ui/classroom/    common, explorer, network, sweeps
  app/             anything above

Quoted includes in ui/ name their folder ("network/loss_chart.h"), so that a bare name cannot
hide a dependency. Platform headers (<unistd.h>, <sys/...>, ...) appear in core/ and ui/ only
inside a preprocessor guard that has a portable #else path.

No source file outside tests/ is longer than MAX_LINES lines: a file that grows past it holds
more than one responsibility and is split where the responsibilities are.

Usage: check_layers.py SOURCE_ROOT
"""

import os
import re
import sys

MAX_LINES = 600
UI_LAYERS = ("common", "explorer", "network", "sweeps", "classroom")
CORE_DIRS = ("activations", "export", "formula", "inspect", "nn", "sweep", "theory", "util")
# Which ui/ folders each ui/ folder may include.
ALLOWED_UI = {
    "common": {"common"},
    "explorer": {"common", "explorer"},
    "network": {"common", "network"},
    "sweeps": {"common", "sweeps"},
    "classroom": {"common", "explorer", "network", "sweeps", "classroom"},
}
QT_HEADER = re.compile(r'^(Q[A-Za-z]|Qt[A-Za-z]*/|qcustomplot)')
PLATFORM_HEADER = re.compile(
    r'^(unistd\.h|fcntl\.h|poll\.h|signal\.h|pthread\.h|sched\.h|dlfcn\.h|termios\.h|sys/|'
    r'windows\.h|io\.h)')
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
CONDITIONAL = re.compile(r'^\s*#\s*(if|ifdef|ifndef)\b')
ELSE = re.compile(r'^\s*#\s*(else|elif)\b')
ENDIF = re.compile(r'^\s*#\s*endif\b')


def sources(root, folder):
    base = os.path.join(root, folder)
    for directory, _, names in os.walk(base):
        for name in sorted(names):
            if name.endswith((".h", ".cpp")):
                yield os.path.join(directory, name)


def includes(path):
    """Yields (line number, kind, header, guarded) for every include; guarded means inside an
    #if block that also has an #else or #elif branch (a portable path)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # For each open #if: its start line; whether it has an #else is found by scanning ahead.
    stack = []
    blocks = {}
    for n, line in enumerate(lines):
        if CONDITIONAL.match(line):
            stack.append(n)
            blocks[n] = False
        elif ELSE.match(line) and stack:
            blocks[stack[-1]] = True
        elif ENDIF.match(line) and stack:
            stack.pop()
    stack = []
    for n, line in enumerate(lines):
        if CONDITIONAL.match(line):
            stack.append(n)
        elif ENDIF.match(line) and stack:
            stack.pop()
        m = INCLUDE.match(line)
        if m:
            guarded = any(blocks[s] for s in stack)
            yield n + 1, m.group(1), m.group(2), guarded


def check(root):
    problems = []

    def report(path, line, text):
        problems.append("%s:%d: %s" % (os.path.relpath(path, root), line, text))

    for path in sources(root, "core"):
        for line, kind, header, guarded in includes(path):
            if QT_HEADER.match(header):
                report(path, line, "core/ must not include Qt (%s)" % header)
            top = header.split("/")[0]
            if kind == '"' and top in UI_LAYERS + ("cli", "parallel"):
                report(path, line, "core/ must not include app/, parallel/ or ui/ (%s)" % header)
            if PLATFORM_HEADER.match(header) and not guarded:
                report(path, line, "platform header %s without a portable #else path" % header)

    for path in sources(root, "parallel"):
        for line, kind, header, _ in includes(path):
            if QT_HEADER.match(header):
                report(path, line, "parallel/ is Qt-free (%s)" % header)
            if kind == '"' and header.split("/")[0] in UI_LAYERS + ("cli",):
                report(path, line, "parallel/ must not include app/ or ui/ (%s)" % header)

    for path in sources(root, os.path.join("app", "cli")):
        exempt = os.path.basename(path).startswith("export_command")
        for line, kind, header, _ in includes(path):
            if exempt:
                continue
            if QT_HEADER.match(header):
                report(path, line, "app/cli/ is Qt-free (%s); rendering belongs in ui/" % header)
            if kind == '"' and header.split("/")[0] in UI_LAYERS:
                report(path, line, "app/cli/ must not include ui/ (%s)" % header)

    for layer in UI_LAYERS:
        for path in sources(root, os.path.join("ui", layer)):
            for line, kind, header, guarded in includes(path):
                if PLATFORM_HEADER.match(header) and not guarded:
                    report(path, line,
                           "platform header %s without a portable #else path" % header)
                if kind != '"':
                    continue
                top = header.split("/")[0]
                if top in UI_LAYERS:
                    if top not in ALLOWED_UI[layer]:
                        report(path, line, "ui/%s/ must not include ui/%s/ (%s)"
                               % (layer, top, header))
                elif (top in CORE_DIRS + ("parallel",) or header == "qcustomplot.h"
                      or header.startswith("moc_")):
                    pass
                elif top == "cli":
                    report(path, line, "ui/ must not include app/cli/ (%s)" % header)
                else:
                    report(path, line, 'write the folder: "%s/%s" or another ui/ folder'
                           % (layer, header))

    for folder in ("core", "parallel", "app", "ui"):
        for path in sources(root, folder):
            with open(path, encoding="utf-8") as f:
                lines = sum(1 for _ in f)
            if lines > MAX_LINES:
                report(path, lines, "%d lines, more than %d: split it by responsibility"
                       % (lines, MAX_LINES))
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))
    problems = check(root)
    if problems:
        print("layout rules broken (docs/architecture.md):")
        for p in problems:
            print("  " + p)
        return 1
    folders = ("core", "parallel", "app", "ui")
    counted = sum(1 for folder in folders for _ in sources(root, folder))
    print("include rules and the %d-line limit hold in %d files of core/, parallel/, app/ and ui/"
          % (MAX_LINES, counted))
    return 0


if __name__ == "__main__":
    sys.exit(main())
