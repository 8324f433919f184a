#!/usr/bin/env python3
"""`inspect` against an independent reference.

Writes sessions with explicit points and stored weights, runs the subcommand (the headless
inspect_driver, or the real binary) and checks its CSV:

- --preactivations and --hidden-layer K against a forward pass in mpmath at 50 digits, written
  from the activations' closed forms (tanh, the logistic sigmoid, ELU, exact GELU);
- --regions N of a one-hidden-layer ReLU network whose units are lines tangent to a circle
  (in general position, every crossing inside the grid) against activation patterns computed
  here, numbered by first appearance, and against the count 1 + n + C(n, 2); one more unit is
  zero exactly on the grid column x = 0, where it must count as off (the left piece); and of a
  Hardtanh-then-ReLU network against patterns of a forward pass here;
- bad input: a smooth network for --regions exits 2 with one line and writes no file.

usage: check_inspect_reference.py INSPECT_COMMAND...
"""

import csv
import io
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import mpmath

mpmath.mp.dps = 50

ACTIVATIONS = {
    "tanh": mpmath.tanh,
    "sigmoid": lambda z: 1 / (1 + mpmath.exp(-z)),
    "elu": lambda z: z if z > 0 else mpmath.exp(z) - 1,  # alpha = 1
    "gelu": lambda z: z * (1 + mpmath.erf(z / mpmath.sqrt(2))) / 2,
}

FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)
        print("FAIL:", what)


def session(points, features, layers, weights, output="tanh_square"):
    train, test = points
    return {
        "format": "activation-lab-session",
        "version": 1,
        "title": "inspect reference",
        "seed": 1,
        "data": {"points": {"classes": 2, "train": train, "test": test}},
        "network": {
            "features": features,
            "layers": [{"neurons": n, "activation": a} for n, a in layers],
            "output": output,
            "init": "xavier",
        },
        "training": {"mode": "playground", "optimizer": {"kind": "sgd", "learningRate": 0.03},
                     "batchSize": 10},
        "weights": [{"w": w, "b": b} for w, b in weights],
    }


def run(command, path, *args):
    done = subprocess.run(command + ["--session", path, *args], capture_output=True, text=True,
                          timeout=60)
    return done.returncode, done.stdout, done.stderr


def feature_values(names, x, y):
    table = {"x": x, "y": y, "xTimesY": x * y}
    return [table[n] for n in names]


def forward(features, layers, weights, x, y):
    """z and f(z) of every hidden layer at (x, y), in mpmath."""
    a = feature_values(features, mpmath.mpf(x), mpmath.mpf(y))
    zs, acts = [], [a]
    for (_, act), (w, b) in zip(layers, weights):
        z = [sum(mpmath.mpf(wi) * ai for wi, ai in zip(row, a)) + mpmath.mpf(bj)
             for row, bj in zip(w, b)]
        a = [ACTIVATIONS[act](v) for v in z]
        zs.append(z)
        acts.append(a)
    return zs, acts


def close(got, want):
    return abs(mpmath.mpf(got) - want) <= 1e-13 * max(1, abs(want))


def check_forward(command, directory):
    rng = random.Random(7)
    features = ["x", "y", "xTimesY"]
    layers = [(5, "tanh"), (4, "sigmoid"), (3, "elu"), (2, "gelu")]
    widths = [len(features)] + [n for n, _ in layers] + [1]
    weights = [([[rng.uniform(-1.2, 1.2) for _ in range(fan_in)] for _ in range(fan_out)],
                [rng.uniform(-0.5, 0.5) for _ in range(fan_out)])
               for fan_in, fan_out in zip(widths, widths[1:])]
    point = lambda: [rng.uniform(-6, 6), rng.uniform(-6, 6), rng.choice([-1, 1])]
    train, test = [point() for _ in range(40)], [point() for _ in range(15)]
    path = os.path.join(directory, "forward.actlab.json")
    with open(path, "w") as f:
        json.dump(session((train, test), features, layers, weights), f)
    # Python writes floats with 17 significant digits at most, so the app reads these values.
    reference = {(s, i): forward(features, layers, weights, p[0], p[1])
                 for s, pts in (("train", train), ("test", test)) for i, p in enumerate(pts)}

    code, out, err = run(command, path, "--preactivations")
    check(code == 0, "--preactivations exits 0 (%d: %s)" % (code, err.strip()))
    rows = list(csv.DictReader(io.StringIO(out)))
    check(len(rows) == sum(n for n, _ in layers) * len(train),
          "--preactivations has units x training points rows")
    for r in rows:
        want = reference[("train", int(r["index"]))][0][int(r["layer"]) - 1][int(r["unit"]) - 1]
        check(close(r["z"], want), "z of layer %s unit %s point %s: %s, mpmath %s"
              % (r["layer"], r["unit"], r["index"], r["z"], mpmath.nstr(want, 17)))

    for k in range(len(layers) + 1):
        code, out, err = run(command, path, "--hidden-layer", str(k))
        check(code == 0, "--hidden-layer %d exits 0 (%s)" % (k, err.strip()))
        rows = list(csv.reader(io.StringIO(out)))
        width = widths[k]
        check(rows[0] == ["set", "index", "label"] + ["h%d" % (u + 1) for u in range(width)],
              "--hidden-layer %d header" % k)
        check(len(rows) == 1 + len(train) + len(test), "--hidden-layer %d: every point" % k)
        order = [("train", i) for i in range(len(train))] + [("test", i) for i in range(len(test))]
        for (s, i), r in zip(order, rows[1:]):
            check(r[0] == s and int(r[1]) == i, "--hidden-layer %d: stored order" % k)
            label = (train if s == "train" else test)[i][2]
            check(float(r[2]) == label, "--hidden-layer %d: label" % k)
            want = reference[(s, i)][1][k]
            for u in range(width):
                check(close(r[3 + u], want[u]), "h%d of layer %d at %s %d: %s, mpmath %s"
                      % (u + 1, k, s, i, r[3 + u], mpmath.nstr(want[u], 17)))


def grid_coordinate(i, n):
    t = i / (n - 1)
    return -6.0 * (1 - t) + 6.0 * t  # the app's formula, in the same double arithmetic


def check_regions(command, directory):
    angles = [0.0, 0.55, 1.05, 1.7, 2.25]  # pairwise within 2.3 rad: crossings within 4.9
    units = [[math.cos(t), math.sin(t)] for t in angles]
    biases = [-2.0] * len(angles)
    units.append([1.0, 0.0])  # z = x: zero exactly on the middle column of an odd grid
    biases.append(0.0)
    n_lines = len(angles)
    weights = [(units, biases), ([[1.0] * len(units)], [0.0])]
    points = ([[0.5, 0.5, 1], [-1, 2, -1]], [[1, 1, 1]])
    path = os.path.join(directory, "relu.actlab.json")
    with open(path, "w") as f:
        json.dump(session(points, ["x", "y"], [(len(units), "relu")], weights), f)

    n = 301
    code, out, err = run(command, path, "--regions", str(n))
    check(code == 0, "--regions exits 0 (%s)" % err.strip())
    lines = out.splitlines()
    check(lines[0].startswith("# regions "), "--regions first line")
    count = int(lines[0].split()[2])
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[1:]))))
    check(len(rows) == n * n, "--regions: every cell")

    ids, pattern_of_cell = {}, []
    for i in range(n):
        for j in range(n):
            x, y = grid_coordinate(i, n), grid_coordinate(n - 1 - j, n)
            pattern = []
            for (wx, wy), b in zip(units, biases):
                z = wx * x + wy * y + b  # doubles: the signs are kept with a wide margin
                if z != 0 and abs(z) <= 1e-9:
                    check(False, "a unit near its kink at (%r, %r)" % (x, y))
                pattern.append(z > 0)  # z exactly at the kink: the left piece (off)
            pattern = tuple(pattern)
            ids.setdefault(pattern, len(ids))
            pattern_of_cell.append((x, y, ids[pattern]))
    # The lines alone: 1 + n + C(n, 2); the extra unit x = 0 cuts some of them in two.
    line_patterns = {p[:n_lines] for p in ids}
    check(len(line_patterns) == 1 + n_lines + n_lines * (n_lines - 1) // 2,
          "the reference grid meets all 1 + n + C(n, 2) regions of the tangent lines")
    check(count == len(ids), "region count %d, reference %d" % (count, len(ids)))
    for r, (x, y, rid) in zip(rows, pattern_of_cell):
        if float(r["x"]) != x or float(r["y"]) != y or int(r["region"]) != rid:
            check(False, "cell (%s, %s): region %s, reference (%r, %r) region %d"
                  % (r["x"], r["y"], r["region"], x, y, rid))
            break

    check_deep_regions(command, directory, points)

    # A smooth network: exit 2, one line, no file.
    smooth = os.path.join(directory, "smooth.actlab.json")
    with open(smooth, "w") as f:
        json.dump(session(points, ["x", "y"], [(len(units), "tanh")], weights), f)
    target = os.path.join(directory, "never.csv")
    code, out, err = run(command, smooth, "--regions", "20", "--out", target)
    check(code == 2, "--regions on a smooth network exits 2 (got %d)" % code)
    check(len(err.strip().splitlines()) == 1 and "tanh" in err, "one line naming tanh: " + err)
    check(not os.path.exists(target), "no file written on bad input")


PIECES = {  # the piece of z, with z exactly at a kink on the left piece
    "relu": lambda z: int(z > 0),
    "hardtanh": lambda z: int(z > -1) + int(z > 1),  # min -1, max 1
}


def check_deep_regions(command, directory, points):
    """Two hidden layers, Hardtanh (three pieces) then ReLU, random weights: the patterns of a
    forward pass in doubles here, every z kept clear of its kinks."""
    rng = random.Random(11)
    layers = [(4, "hardtanh"), (3, "relu")]
    widths = [2, 4, 3, 1]
    weights = [([[rng.uniform(-0.6, 0.6) for _ in range(fan_in)] for _ in range(fan_out)],
                [rng.uniform(-0.5, 0.5) for _ in range(fan_out)])
               for fan_in, fan_out in zip(widths, widths[1:])]
    path = os.path.join(directory, "deep.actlab.json")
    with open(path, "w") as f:
        json.dump(session(points, ["x", "y"], layers, weights), f)
    n = 101
    code, out, err = run(command, path, "--regions", str(n))
    check(code == 0, "--regions of the deep network exits 0 (%s)" % err.strip())
    lines = out.splitlines()
    count = int(lines[0].split()[2])
    got = [int(r["region"]) for r in csv.DictReader(io.StringIO("\n".join(lines[1:])))]
    ids, want = {}, []
    for i in range(n):
        for j in range(n):
            a = [grid_coordinate(i, n), grid_coordinate(n - 1 - j, n)]
            pattern = []
            for (_, act), (w, b) in zip(layers, weights):
                z = [sum(wi * ai for wi, ai in zip(row, a)) + bj for row, bj in zip(w, b)]
                for v in z:
                    if min(abs(v - k) for k in ((0,) if act == "relu" else (-1, 1))) < 1e-9:
                        check(False, "a unit near its kink at cell %d" % (i * n + j))
                pattern += [PIECES[act](v) for v in z]
                a = [max(v, 0) if act == "relu" else min(max(v, -1), 1) for v in z]
            want.append(ids.setdefault(tuple(pattern), len(ids)))
    check(len(ids) > 10, "the deep network has regions to count (%d)" % len(ids))
    check(count == len(ids), "deep network: region count %d, reference %d" % (count, len(ids)))
    check(got == want, "deep network: the region of every cell")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    command = sys.argv[1:]
    with tempfile.TemporaryDirectory(prefix="actlab-inspect-ref-") as directory:
        check_forward(command, directory)
        check_regions(command, directory)
    if FAILURES:
        print("%d failures" % len(FAILURES))
        return 1
    print("inspect matches the mpmath forward pass and the geometric regions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
