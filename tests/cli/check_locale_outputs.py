#!/usr/bin/env python3
"""Runs key commands of activation-lab under the C locale and under de_DE.UTF-8 (decimal comma,
'.' grouping) and checks that what they print and the files they write are identical, byte for
byte. Exits 77 (skipped) when de_DE.UTF-8 cannot be used, 1 on any difference.

The app must adopt the locale for the check to mean anything: the headless stand-in does so
deliberately, and `export` starts Qt, which does.

usage: check_locale_outputs.py --app APP --locpath FOLDER --session S.actlab.json [--export]
"""

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile


def environment(german, locpath):
    env = dict(os.environ)
    for name in ("LANGUAGE", "LC_NUMERIC", "LC_MESSAGES", "LC_CTYPE"):
        env.pop(name, None)
    env["LANG"] = env["LC_ALL"] = "de_DE.UTF-8" if german else "C"
    env["LOCPATH"] = locpath
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def german_available(locpath):
    """Whether a program sees de_DE.UTF-8 with its decimal comma."""
    probe = subprocess.run([sys.executable, "-c",
                            "import locale; locale.setlocale(locale.LC_ALL, '');"
                            "print(locale.localeconv()['decimal_point'])"],
                           env=environment(True, locpath), capture_output=True, text=True)
    return probe.returncode == 0 and probe.stdout.strip() == ","


def commands(session, export):
    """(name, arguments, files written) of each command; OUT is the output folder."""
    result = [
        ("eval csv", ["eval", "--activation", "elu", "--param", "alpha=0.5",
                      "--x", "-1.5,0.001,2.5e-7,1234.5"], []),
        ("eval json", ["eval", "--activation", "gelu", "--range", "-3:3:13", "--format",
                       "json"], []),
        ("eval float32", ["eval", "--activation", "softplus", "--param", "beta=1.5",
                          "--range", "-2:2:9", "--float32"], []),
        ("eval list", ["eval", "--list"], []),
        ("train", ["train", "--session", session, "--epochs", "15", "--log", "OUT/log.csv",
                   "--save", "OUT/saved.actlab.json", "--grid", "12", "--grid-out",
                   "OUT/grid.csv"], ["log.csv", "saved.actlab.json", "grid.csv"]),
        ("train again", ["train", "--session", "OUT/saved.actlab.json", "--epochs", "3"], []),
    ]
    if export:
        result.append(("export pytorch", ["export", "--session", session, "--epochs", "5",
                                          "--pytorch", "OUT/script.py"], ["script.py"]))
        result.append(("export notebook", ["export", "--session", session, "--notebook",
                                           "OUT/notebook.ipynb"], ["notebook.ipynb"]))
    return result


def run_all(app, locpath, session, export, german, folder):
    outputs = {}
    for name, arguments, _ in commands(session, export):
        arguments = [a.replace("OUT", folder) for a in arguments]
        r = subprocess.run([app] + arguments, env=environment(german, locpath),
                           capture_output=True)
        outputs[name] = (r.returncode, r.stdout)
    return outputs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", required=True)
    parser.add_argument("--locpath", required=True)
    parser.add_argument("--session", required=True)
    parser.add_argument("--export", action="store_true")
    args = parser.parse_args()
    if not german_available(args.locpath):
        print("de_DE.UTF-8 is not available (ctest's locale_de_setup generates it with "
              "localedef; scripts/setup-debian.sh installs it): skipped")
        return 77
    base = tempfile.mkdtemp(prefix="actlab-locale-")
    try:
        c, de = os.path.join(base, "C"), os.path.join(base, "de")
        os.makedirs(c)
        os.makedirs(de)
        plain = run_all(args.app, args.locpath, args.session, args.export, False, c)
        german = run_all(args.app, args.locpath, args.session, args.export, True, de)
        failures = []
        for name, _, files in commands(args.session, args.export):
            if plain[name][0] != 0:
                failures.append("%s: exit status %d under C" % (name, plain[name][0]))
            if plain[name] != german[name]:
                failures.append("%s: the output under de_DE.UTF-8 differs" % name)
            for f in files:
                a, b = os.path.join(c, f), os.path.join(de, f)
                if not (os.path.exists(a) and os.path.exists(b) and
                        filecmp.cmp(a, b, shallow=False)):
                    failures.append("%s: %s differs under de_DE.UTF-8" % (name, f))
            # The saved session names the output folder nowhere, so "train again" compares too.
        for f in failures:
            print(f)
        if not failures:
            print("%d commands print and write the same bytes under C and de_DE.UTF-8"
                  % len(plain))
        return 1 if failures else 0
    finally:
        shutil.rmtree(base)


if __name__ == "__main__":
    sys.exit(main())
