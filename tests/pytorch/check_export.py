#!/usr/bin/env python3
"""Checks the PyTorch export against the app, epoch by epoch.

For each session: `activation-lab train --session S --epochs N` gives the reference CSV;
`activation-lab export --session S --pytorch OUT.py` writes the script, which Debian's
python3-torch runs from another folder; every row must match: the epoch, the losses within 1e-9
relative, the accuracies exactly. A session whose stored weights were trained (epoch > 0) is
checked twice: the default export replays training from the seed's initialisation (reference:
the session without its weights), --from-current-weights starts from the stored weights
(reference: the session as it is). With --notebook the export is a notebook instead: it must
validate as nbformat 4 and its code cells, run in order (matplotlib on the Agg backend), must
print the same CSV.

With --match-epochs K only rows 0 … K must match (a session whose training is chaotic: there the
app itself, built for CPUs with and without FMA, drifts apart by more than 1e-9); the export must
still run every epoch with finite losses, and the table reports the worst difference over all.

With --modules the check is of the activation modules instead: the exported script is imported,
and every hidden layer's module, run forward and backward by torch on x in [-6, 6], must give the
f and f' that `activation-lab eval` gives for that activation and those parameters, to 1e-12.
--modules --registry also checks every registry activation at its default parameters.

Prints one row per check: the session, the rows compared and the worst relative loss difference.
Exits 1 if any check fails.

usage: check_export.py --app ACTIVATION_LAB [--python PYTHON3] [--epochs N] [--notebook]
                       [--lang en|zh_CN] [--match-epochs K] [--modules] SESSION...
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

TOLERANCE = 1e-9
COLUMNS = ["epoch", "train_loss", "test_loss", "train_acc", "test_acc"]


class Failure(Exception):
    pass


def run(command, cwd=None, env=None):
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    return result.returncode, result.stdout, result.stderr


def parse_csv(text, what):
    lines = text.strip().splitlines()
    if not lines or lines[0].split(",")[:5] != COLUMNS:
        raise Failure("%s: no CSV header %s in %r" % (what, ",".join(COLUMNS), text[:200]))
    return [line.split(",")[:5] for line in lines[1:]]


def relative(a, b):
    if math.isnan(a) and math.isnan(b):
        return 0.0
    if a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def compare(reference, exported, match_epochs):
    """The worst relative loss difference; raises Failure on any mismatch."""
    if len(reference) != len(exported):
        raise Failure("%d rows from train, %d from the export" % (len(reference), len(exported)))
    worst = 0.0
    for want, got in zip(reference, exported):
        if want[0] != got[0]:
            raise Failure("epoch %s where train has %s" % (got[0], want[0]))
        for column in (2, 4):
            # A session without test points leaves their columns empty, in both.
            if (want[column] == "") != (got[column] == ""):
                raise Failure("epoch %s: %s %r, train says %r"
                              % (want[0], COLUMNS[column], got[column], want[column]))
        if want[2] == "":
            # Nothing to compare in the test columns: read them as nan on both sides.
            want = [want[0], want[1], "nan", want[3], "nan"]
            got = [got[0], got[1], "nan", got[3], "nan"]
        if match_epochs is not None and int(want[0]) > match_epochs:
            for column in (1, 2):
                if column == 2 and math.isnan(float(want[2])):
                    continue
                if not math.isfinite(float(got[column])):
                    raise Failure("epoch %s: %s %s" % (got[0], COLUMNS[column], got[column]))
                worst = max(worst, relative(float(want[column]), float(got[column])))
            continue
        for column in (1, 2):
            difference = relative(float(want[column]), float(got[column]))
            worst = max(worst, difference)
            if not difference <= TOLERANCE:
                raise Failure("epoch %s: %s %s, train says %s (relative difference %.3g)"
                              % (want[0], COLUMNS[column], got[column], want[column], difference))
        for column in (3, 4):
            a, b = float(want[column]), float(got[column])
            if not (a == b or (math.isnan(a) and math.isnan(b))):
                raise Failure("epoch %s: %s %s, train says %s"
                              % (want[0], COLUMNS[column], got[column], want[column]))
    return worst


def without_weights(session_path, folder):
    """The session with its stored weights and epoch removed, written to `folder`."""
    with open(session_path, encoding="utf-8") as f:
        session = json.load(f)
    session.pop("weights", None)
    session.pop("epoch", None)
    path = os.path.join(folder, "without-weights.actlab.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(session, f)
    return path


def notebook_code(path):
    """Validates the notebook (nbformat 4) and returns its code cells joined."""
    import nbformat
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    if notebook.nbformat != 4:
        raise Failure("nbformat %d, expected 4" % notebook.nbformat)
    return "\n\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")


def check(args, session, current, folder):
    """One check; returns (rows, worst relative difference)."""
    reference_session = session
    with open(session, encoding="utf-8") as f:
        stored = json.load(f)
    trained = "weights" in stored and stored.get("epoch", 0) > 0
    if trained and not current:
        reference_session = without_weights(session, folder)
    status, out, err = run([args.app, "train", "--session", reference_session,
                            "--epochs", str(args.epochs)])
    if status not in (0, 3):
        raise Failure("train exited %d: %s" % (status, err.strip()))
    reference = parse_csv(out, "train")

    target = os.path.join(folder, "export.ipynb" if args.notebook else "export.py")
    command = [args.app, "export", "--session", session, "--epochs", str(args.epochs),
               "--notebook" if args.notebook else "--pytorch", target]
    if current:
        command.append("--from-current-weights")
    if args.notebook:
        command += ["--lang", args.lang]
    status, _, err = run(command)
    if status != 0:
        raise Failure("export exited %d: %s" % (status, err.strip()))
    if args.notebook:
        program = os.path.join(folder, "notebook_code.py")
        with open(program, "w", encoding="utf-8") as f:
            f.write(notebook_code(target))
        # Notebooks run in their own folder (the data file is found there).
        cwd = folder
    else:
        program = target
        # The script finds its data file next to itself, wherever it is run from.
        cwd = tempfile.mkdtemp(dir=folder)
    env = dict(os.environ, MPLBACKEND="Agg")
    status, out, err = run([args.python, program], cwd=cwd, env=env)
    exported = parse_csv(out, "the exported code")
    if status != 0 and not (status == 1 and "diverged" in err):
        raise Failure("the exported code exited %d: %s" % (status, err.strip()[-2000:]))
    return len(reference), compare(reference, exported, args.match_epochs)


def check_modules(args, session, folder):
    """The exported activation modules against `activation-lab eval`; returns (layers, worst)."""
    import importlib.util
    import torch
    target = os.path.join(folder, "export.py")
    status, _, err = run([args.app, "export", "--session", session, "--pytorch", target])
    if status != 0:
        raise Failure("export exited %d: %s" % (status, err.strip()))
    spec = importlib.util.spec_from_file_location("exported", target)
    exported = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(exported)
    model = exported.make_model()
    with open(session, encoding="utf-8") as f:
        layers = json.load(f)["network"]["layers"]
    xs = [round(-6 + 0.05 * i, 10) for i in range(241)]
    worst = 0.0
    for index, layer in enumerate(layers):
        module = model[2 * index + 1]
        params = [a for key, value in layer.get("params", {}).items()
                  for a in ("--param", "%s=%r" % (key, float(value)))]
        # A formula layer is evaluated by `eval --formula` (the same CSV as for a built-in).
        if layer["activation"] == "formula":
            which = ["--formula", layer["formula"]]
        else:
            which = ["--activation", layer["activation"]]
        status, out, err = run([args.app, "eval"] + which + params
                               + ["--x", ",".join(repr(x) for x in xs)])
        if status != 0:
            raise Failure("eval exited %d: %s" % (status, err.strip()))
        rows = [line.split(",") for line in out.strip().splitlines()[1:]]
        # Every column of the layer sees the same x (PReLU may have a weight per neuron).
        x = torch.tensor(xs, dtype=torch.float64)[:, None].repeat(1, layer["neurons"])
        x.requires_grad_(True)
        y = module(x)
        y[:, 0].sum().backward()
        for row, f, df in zip(rows, y[:, 0].tolist(), x.grad[:, 0].tolist()):
            checks = [("f", f, float(row[-3])), ("f'", df, float(row[-2]))]
            # At x = 3 torch's own Hardswish gradient kernels disagree: the vectorised one gives
            # 1, the scalar one (and the app) 1.5. Training never lands exactly on the kink.
            if layer["activation"] == "hardswish" and float(row[-4]) == 3.0:
                checks.pop()
            for what, got, want in checks:
                difference = abs(got - want) / max(1.0, abs(want))
                worst = max(worst, difference)
                if not difference <= 1e-12:
                    raise Failure("layer %d (%s): %s(%s) = %r, the app says %r"
                                  % (index + 1, layer["activation"], what, row[-4], got, want))
    return len(layers), worst


def registry_sessions(args, folder):
    """One session per registry activation: a hidden layer of it at its default parameters."""
    status, out, err = run([args.app, "eval", "--list"])
    if status != 0:
        raise SystemExit("eval --list exited %d: %s" % (status, err.strip()))
    paths = []
    for line in out.strip().splitlines():
        activation = line.split()[0]
        session = {"format": "activation-lab-session", "version": 1, "seed": 1,
                   "data": {"generator": {"kind": "circle", "points": 20}},
                   "network": {"features": ["x", "y"],
                               "layers": [{"neurons": 3, "activation": activation}],
                               "output": "tanh_square", "init": "xavier"},
                   "training": {"optimizer": {"kind": "sgd", "learningRate": 0.03},
                                "batchSize": 10}}
        path = os.path.join(folder, "default-%s.actlab.json" % activation)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(session, f)
        paths.append(path)
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--app", required=True)
    parser.add_argument("--python", default="/usr/bin/python3")
    parser.add_argument("--epochs", type=int, default=100)
    parser.add_argument("--notebook", action="store_true")
    parser.add_argument("--lang", default="en")
    parser.add_argument("--match-epochs", type=int)
    parser.add_argument("--modules", action="store_true")
    parser.add_argument("--registry", action="store_true")
    parser.add_argument("sessions", nargs="+")
    args = parser.parse_args()

    status, _, err = run([args.python, "-c", "import torch"])
    if status != 0:
        print("%s cannot import torch: install python3-torch (scripts/setup-debian.sh)"
              % args.python)
        return 1
    registry_folder = None
    if args.registry:
        registry_folder = tempfile.TemporaryDirectory()
        args.sessions += registry_sessions(args, registry_folder.name)
    print("%-52s %5s  %s" % ("session", "layers" if args.modules else "rows",
                              "worst relative difference of f and f'" if args.modules
                              else "worst relative loss difference"))
    failed = 0
    for session in args.sessions:
        with open(session, encoding="utf-8") as f:
            stored = json.load(f)
        trained = "weights" in stored and stored.get("epoch", 0) > 0 and not args.modules
        for current in ((False, True) if trained else (False,)):
            name = os.path.basename(session) + (" (current weights)" if current else "")
            with tempfile.TemporaryDirectory() as folder:
                try:
                    if args.modules:
                        rows, worst = check_modules(args, session, folder)
                    else:
                        rows, worst = check(args, session, current, folder)
                    note = "" if args.match_epochs is None else \
                        "  (1e-9 required to epoch %d)" % args.match_epochs
                    print("%-52s %5d  %.2g%s" % (name, rows, worst, note))
                except Failure as e:
                    failed += 1
                    print("%-52s FAILED: %s" % (name, e))
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
