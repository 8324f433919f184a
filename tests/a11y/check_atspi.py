#!/usr/bin/env python3
"""Walks Activation Lab's accessibility tree the way a screen reader sees it, through AT-SPI.

Starts the real program (the path is the first argument) on the current X display with
accessibility on, then visits the explorer, and the network page's three views, and fails on
  - any focusable control without a name (a screen reader would say only its role);
  - any focusable control whose role says nothing of what it is ("filler", "unknown",
    "panel", "redundant object"): a slider must be a slider, a plot a chart.
Prints how many controls were walked and how many were unnamed. Needs a D-Bus session bus
(dbus-run-session) and at-spi2-core; run it through tests/a11y/run_atspi.sh.
"""

import os
import subprocess
import sys
import tempfile
import time

import pyatspi

VAGUE_ROLES = {pyatspi.ROLE_FILLER, pyatspi.ROLE_UNKNOWN, pyatspi.ROLE_PANEL,
               pyatspi.ROLE_REDUNDANT_OBJECT, pyatspi.ROLE_INVALID}


def find_app(name, timeout=90):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and name in (app.name or ""):
                return app
        time.sleep(2)
    return None


def walk(node, seen, depth=0):
    if node is None or depth > 60:
        return
    try:
        states = node.getState()
    except Exception:  # an object that went away while walking
        return
    # The application object itself is never "showing"; its windows and their contents are.
    if node.getRole() != pyatspi.ROLE_APPLICATION and not states.contains(pyatspi.STATE_SHOWING):
        return
    seen.append(node)
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, seen, depth + 1)


def describe(node):
    path = []
    p = node
    while p is not None and len(path) < 4:
        path.append("%s '%s'" % (p.getRoleName(), (p.name or "")[:30]))
        p = p.parent
    return " < ".join(path)


def check(app, where, report):
    seen = []
    walk(app, seen)
    focusable = [n for n in seen if n.getState().contains(pyatspi.STATE_FOCUSABLE)]
    problems = []
    for n in focusable:
        name = (n.name or "").strip()
        role = n.getRole()
        if not name:
            problems.append("unnamed: " + describe(n))
        # A focusable container (a page that takes the focus back from a text field) may be a
        # panel, if it has a name; any other control must say what it is.
        container = n.childCount > 0 and role in (pyatspi.ROLE_PANEL, pyatspi.ROLE_FILLER)
        if role in VAGUE_ROLES and not (container and name):
            problems.append("role '%s' says nothing: %s" % (n.getRoleName(), describe(n)))
    charts = sum(1 for n in seen if n.getRole() == pyatspi.ROLE_CHART)
    report.append((where, len(seen), len(focusable),
                   sum(1 for p in problems if p.startswith("unnamed")), problems, charts))
    return seen


def press(app, role, names):
    """Activates the first showing object of `role` whose name is one of `names`."""
    seen = []
    walk(app, seen)
    for n in seen:
        if n.getRole() in (role if isinstance(role, tuple) else (role,)) and \
                (n.name or "") in names:
            try:
                n.queryAction().doAction(0)
            except NotImplementedError:  # a tab bar that selects instead of pressing
                n.parent.querySelection().selectChild(n.getIndexInParent())
            time.sleep(1.5)
            return True
    return False


def main():
    app_path = sys.argv[1]
    env = dict(os.environ)
    env.update({"QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1", "QT_ACCESSIBILITY": "1",
                "XDG_CONFIG_HOME": tempfile.mkdtemp(prefix="actlab-a11y-"), "LANG": "C.UTF-8"})
    # Lesson 5 compares GELU and ReLU: the compare view then holds its networks' plots.
    proc = subprocess.Popen([app_path, "--lesson", "5"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        app = find_app("Activation Lab")
        if app is None:
            print("the application did not appear on the accessibility bus")
            return 3  # run_atspi.sh tries once more
        time.sleep(2)
        report = []
        if not press(app, pyatspi.ROLE_PAGE_TAB, {"Activation Explorer"}):
            print("could not open the explorer")
            return 1
        check(app, "explorer", report)
        if not press(app, pyatspi.ROLE_PAGE_TAB, {"Network"}):
            print("could not open the network page")
            return 1
        for button, where in (("Network", "network view"),
                              ("Compare activations", "compare view"),
                              ("Gradient health", "gradient health")):
            if not press(app, (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON,
                               pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX), {button}):
                seen = []
                walk(app, seen)
                print("could not press '%s'; buttons showing: %s" % (button, sorted(
                    {n.name for n in seen if n.getRole() in (
                        pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON,
                        pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX)})))
                return 1
            check(app, where, report)
        walked = sum(r[1] for r in report)
        focusable = sum(r[2] for r in report)
        unnamed = sum(r[3] for r in report)
        failures = [p for r in report for p in r[4]]
        for where, n, f, u, _, charts in report:
            print("%-16s %4d objects walked, %3d focusable, %d unnamed, %d charts"
                  % (where, n, f, u, charts))
        print("AT-SPI: %d objects walked, %d focusable controls, %d unnamed, %d problems"
              % (walked, focusable, unnamed, len(failures)))
        for p in sorted(set(failures)):
            print("  " + p)
        return 1 if failures else 0
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    sys.exit(main())
