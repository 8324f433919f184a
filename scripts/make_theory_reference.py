#!/usr/bin/env python3
"""High-precision reference for the mean-field theory of core/theory (tests/data/theory).

Independent of the C++ code: the activations are written out again here in mpmath, every
Gaussian expectation is an mpmath.quad at 34 digits with the kinks as break points, and the
fixed points and the critical line are found by scanning for a sign change and refining by
regula falsi (Illinois). The nested correlated expectations run at 18 digits. Usage:

    scripts/make_theory_reference.py > tests/data/theory/reference.csv    (about 25 minutes)
    scripts/make_theory_reference.py --only=cross,critical tanh           (some tasks only)

Rows: kind,activation,params,sigma_w2,sigma_b2,q,c,value
  V        E[phi(sqrt(q) z)^2]                 at q
  W        E[phi'(sqrt(q) z)^2]                at q
  qstar    fixed point of q -> sigma_w2 V(q) + sigma_b2 reached from q0 = 1 (inf, 0 or > 0)
  chi1     sigma_w2 W(q*), with W(inf) the limit of the slopes far out
  cross    E[phi(u1) phi(u2)], u Gaussian with variances q and correlation c
  crossdf  E[phi'(u1) phi'(u2)]
  critical sigma_w2 on the line chi1 = 1 at sigma_b2 (the smallest crossing)
"""

import multiprocessing
import sys

import mpmath as mp

mp.mp.dps = 34

ZERO = mp.mpf(0)
ONE = mp.mpf(1)
SELU_L = mp.mpf("1.0507009873554804934193349852946")
SELU_A = mp.mpf("1.6732632423543772848170429916717")


def sig(x):
    return 1 / (1 + mp.exp(-x))


def softplus_raw(x):
    return mp.log1p(mp.exp(x)) if x < 30 else x + mp.log1p(mp.exp(-x))


# Each entry: (f, df, kinks, far slopes (df(+inf), df(-inf))) for given parameters.
def make(act, p):
    if act == "sigmoid":
        return (sig, lambda x: sig(x) * (1 - sig(x)), [], (0, 0))
    if act == "tanh":
        return (mp.tanh, lambda x: mp.sech(x) ** 2, [], (0, 0))
    if act == "relu":
        return (lambda x: x if x > 0 else ZERO, lambda x: ONE if x > 0 else ZERO, [0], (1, 0))
    if act in ("leaky_relu", "prelu", "rrelu"):
        a = mp.mpf(p[0]) if act != "rrelu" else (mp.mpf(p[0]) + mp.mpf(p[1])) / 2
        return (lambda x: x if x > 0 else a * x, lambda x: ONE if x > 0 else a, [0], (1, a))
    if act in ("hardtanh", "relu6"):
        lo, hi = (mp.mpf(p[0]), mp.mpf(p[1])) if act == "hardtanh" else (ZERO, mp.mpf(6))
        return (lambda x: min(max(x, lo), hi), lambda x: ONE if lo < x < hi else ZERO,
                [lo, hi], (0, 0))
    if act == "hardsigmoid":
        return (lambda x: ZERO if x <= -3 else (ONE if x >= 3 else (x + 3) / 6),
                lambda x: mp.mpf(1) / 6 if -3 < x < 3 else ZERO, [-3, 3], (0, 0))
    if act == "hardswish":
        return (lambda x: ZERO if x <= -3 else (x if x >= 3 else x * (x + 3) / 6),
                lambda x: ZERO if x < -3 else (ONE if x > 3 else (2 * x + 3) / 6), [-3, 3],
                (1, 0))
    if act == "softshrink":
        lam = mp.mpf(p[0])
        return (lambda x: x - lam if x > lam else (x + lam if x < -lam else ZERO),
                lambda x: ZERO if -lam <= x <= lam else ONE, [-lam, lam], (1, 1))
    if act == "hardshrink":
        lam = mp.mpf(p[0])
        return (lambda x: ZERO if -lam <= x <= lam else x,
                lambda x: ZERO if -lam <= x <= lam else ONE, [-lam, lam], (1, 1))
    if act == "threshold":
        th, v = mp.mpf(p[0]), mp.mpf(p[1])
        return (lambda x: v if x <= th else x, lambda x: ZERO if x <= th else ONE, [th], (1, 0))
    if act == "identity":
        return (lambda x: x, lambda x: ONE, [], (1, 1))
    if act == "elu":
        a = mp.mpf(p[0])
        return (lambda x: x if x > 0 else a * mp.expm1(x), lambda x: ONE if x > 0 else a * mp.exp(x),
                [0], (1, 0))
    if act == "selu":
        return (lambda x: SELU_L * x if x > 0 else SELU_L * SELU_A * mp.expm1(x),
                lambda x: SELU_L if x > 0 else SELU_L * SELU_A * mp.exp(x), [0], (SELU_L, 0))
    if act == "celu":
        a = mp.mpf(p[0])
        return (lambda x: x if x > 0 else a * mp.expm1(x / a), lambda x: ONE if x > 0 else mp.exp(x / a),
                [0], (1, 0))
    if act == "gelu":
        return (lambda x: x * mp.ncdf(x), lambda x: mp.ncdf(x) + x * mp.npdf(x), [], (1, 0))
    if act == "gelu_tanh":
        k = mp.sqrt(2 / mp.pi)

        def f(x):
            return x / 2 * (1 + mp.tanh(k * (x + mp.mpf("0.044715") * x**3)))

        def df(x):
            u = k * (x + mp.mpf("0.044715") * x**3)
            return (1 + mp.tanh(u)) / 2 + x / 2 * mp.sech(u) ** 2 * k * (1 + 3 * mp.mpf("0.044715") * x**2)

        return (f, df, [], (1, 0))
    if act == "silu":
        return (lambda x: x * sig(x), lambda x: sig(x) * (1 + x * (1 - sig(x))), [], (1, 0))
    if act == "mish":
        def f(x):
            return x * mp.tanh(softplus_raw(x))

        return (f, lambda x: mp.tanh(softplus_raw(x)) + x * sig(x) * mp.sech(softplus_raw(x)) ** 2,
                [], (1, 0))
    if act == "softplus":
        b, th = mp.mpf(p[0]), mp.mpf(p[1])
        return (lambda x: x if b * x > th else softplus_raw(b * x) / b,
                lambda x: ONE if b * x > th else sig(b * x), [th / b], (1, 0))
    if act == "logsigmoid":
        return (lambda x: -softplus_raw(-x), lambda x: sig(-x), [], (0, 1))
    if act == "softsign":
        return (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2, [0], (0, 0))
    if act == "tanhshrink":
        return (lambda x: x - mp.tanh(x), lambda x: mp.tanh(x) ** 2, [], (1, 1))
    raise ValueError(act)


# (id, parameter values, the parameters as the C++ test names them)
CONFIGS = [
    ("sigmoid", []), ("tanh", []), ("relu", []), ("leaky_relu", ["0.01"]), ("leaky_relu", ["0.2"]),
    ("prelu", ["0.25"]), ("prelu", ["-0.3"]), ("hardtanh", ["-1", "1"]), ("hardtanh", ["-2", "0.5"]),
    ("hardsigmoid", []), ("hardswish", []), ("relu6", []), ("softshrink", ["0.5"]),
    ("softshrink", ["1.2"]), ("hardshrink", ["0.5"]), ("hardshrink", ["1"]),
    ("threshold", ["1", "-1"]), ("threshold", ["-0.5", "0.3"]), ("rrelu", ["0.125", "0.3333333333333333"]),
    ("rrelu", ["0.1", "0.5"]), ("identity", []), ("elu", ["1"]), ("elu", ["0.5"]), ("selu", []),
    ("celu", ["1"]), ("celu", ["0.3"]), ("gelu", []), ("gelu_tanh", []), ("silu", []), ("mish", []),
    ("softplus", ["1", "20"]), ("softplus", ["3", "10"]), ("logsigmoid", []), ("softsign", []),
    ("tanhshrink", []),
]
POINTS = [("1.5", "0.05"), ("0.8", "0.5"), ("2.5", "0.2")]
QS = ["0.3", "1", "4"]
CROSS = {"tanh": [("0.7", "0.5"), ("1", "0.99")],
         "gelu": [("1.3", "0.4")],
         "hardtanh": [("1.5", "0.8")],
         "selu": [("1", "0.6")]}
CRITICAL = {"tanh": ["0.05", "0.5"], "gelu": ["0.1"], "softsign": ["0.2"], "selu": ["0.3"]}


def expect(g, q, kinks):
    """E[g(sqrt(q) z)], z ~ N(0, 1), split at the kinks."""
    s = mp.sqrt(q)
    pts = sorted(set(mp.mpf(k) / s for k in kinks) | {ZERO})
    pts = [-mp.inf] + [p for p in pts if abs(p) < 40] + [mp.inf]
    return mp.quad(lambda z: g(s * z) * mp.npdf(z), pts)


def cross(g, q, c, kinks):
    """E[g(u1) g(u2)] with u1 = sqrt(q) z1, u2 = sqrt(q)(c z1 + sqrt(1-c^2) z2), at 18 digits
    (nested quadrature at 34 digits takes many minutes per value)."""
    with mp.workdps(18):
        return +cross_at_precision(g, mp.mpf(q), mp.mpf(c), kinks)


def cross_at_precision(g, q, c, kinks):
    s, r = mp.sqrt(q), mp.sqrt(1 - c * c)

    def inner(z1):
        m = c * z1
        pts = sorted(set((mp.mpf(k) / s - m) / r for k in list(kinks) + [0]))
        return mp.quad(lambda z2: g(s * (m + r * z2)) * mp.npdf(z2), [-mp.inf] + pts + [mp.inf])

    outer = sorted(set([mp.mpf(k) / s for k in list(kinks) + [0]] +
                       [mp.mpf(k) / (s * c) for k in list(kinks) + [0]]))
    return mp.quad(lambda z1: g(s * z1) * inner(z1) * mp.npdf(z1), [-mp.inf] + outer + [mp.inf])


def qstar(f, kinks, far, sw, sb):
    def G(q):
        return sw * expect(lambda x: f(x) ** 2, q, kinks) + sb - q

    def refine(lo, hi):
        return bracketed_root(G, lo, hi, mp.mpf(10) ** -(mp.mp.dps - 6))

    g1 = G(ONE)
    if g1 == 0:
        return ONE
    q = ONE
    if g1 > 0:
        while q < 1e12:
            nxt = 2 * q
            if G(nxt) <= 0:
                return refine(q, nxt)
            q = nxt
        a = (mp.mpf(far[0]) ** 2 + mp.mpf(far[1]) ** 2) / 2
        assert sw * a >= 1, "no fixed point below 1e12 but the map is not expanding"
        return mp.inf
    while q > 1e-14:
        nxt = q / 2
        if G(nxt) >= 0:
            return refine(nxt, q)
        q = nxt
    return ZERO


def chi1(df, kinks, far, sw, q):
    if q == mp.inf:
        return sw * (mp.mpf(far[0]) ** 2 + mp.mpf(far[1]) ** 2) / 2
    if q == 0:
        return sw * (df(mp.mpf(10) ** -30) ** 2 + df(-mp.mpf(10) ** -30) ** 2) / 2
    return sw * expect(lambda x: df(x) ** 2, q, kinks)


def fmt(v):
    if v == mp.inf:
        return "inf"
    return mp.nstr(v, 25, min_fixed=-5, max_fixed=5)


def bracketed_root(fn, lo, hi, tol):
    """A root of fn in [lo, hi] (a sign change): the Illinois variant of regula falsi, which
    keeps the bracket and converges superlinearly."""
    flo, fhi = fn(lo), fn(hi)
    assert flo * fhi <= 0, "no sign change"
    side = 0
    for _ in range(200):
        if flo == 0:
            return lo
        if fhi == 0:
            return hi
        x = (lo * fhi - hi * flo) / (fhi - flo)
        fx = fn(x)
        if (fx > 0) == (flo > 0):
            lo, flo = x, fx
            if side == -1:
                fhi /= 2
            side = -1
        else:
            hi, fhi = x, fx
            if side == 1:
                flo /= 2
            side = 1
        if abs(hi - lo) <= tol * abs(x):
            return x
    return x


def task_1d(config):
    act, params = config
    f, df, kinks, far = make(act, params)
    ptext = ";".join(params)
    out = []
    for q in QS:
        out.append(("V", act, ptext, "", "", q, "", fmt(expect(lambda x: f(x) ** 2, mp.mpf(q), kinks))))
        out.append(("W", act, ptext, "", "", q, "", fmt(expect(lambda x: df(x) ** 2, mp.mpf(q), kinks))))
    for sw, sb in POINTS:
        qs = qstar(f, kinks, far, mp.mpf(sw), mp.mpf(sb))
        out.append(("qstar", act, ptext, sw, sb, "", "", fmt(qs)))
        out.append(("chi1", act, ptext, sw, sb, "", "", fmt(chi1(df, kinks, far, mp.mpf(sw), qs))))
    return out


def default_params(act):
    return next(p for a, p in CONFIGS if a == act)


def task_cross(item):
    act, q, c = item
    f, df, kinks, far = make(act, default_params(act))
    ptext = ";".join(default_params(act))
    return [("cross", act, ptext, "", "", q, c, fmt(cross(f, mp.mpf(q), mp.mpf(c), kinks))),
            ("crossdf", act, ptext, "", "", q, c, fmt(cross(df, mp.mpf(q), mp.mpf(c), kinks)))]


def task_critical(item):
    act, sb = item
    f, df, kinks, far = make(act, default_params(act))
    with mp.workdps(24):
        def excess(sw):
            qs = qstar(f, kinks, far, sw, mp.mpf(sb))
            return chi1(df, kinks, far, sw, qs) - 1

        lo, hi = mp.mpf("0.25"), mp.mpf("0.25") * mp.sqrt(2)
        while excess(hi) < 0:
            lo, hi = hi, hi * mp.sqrt(2)
        root = bracketed_root(excess, lo, hi, mp.mpf(10) ** -20)
    return [("critical", act, ";".join(default_params(act)), fmt(root), sb, "", "", fmt(root))]


def run(task):
    kind, item = task
    try:
        rows = {"1d": task_1d, "cross": task_cross, "critical": task_critical}[kind](item)
    except Exception as e:  # report and go on: one failure must not lose the other rows
        sys.stderr.write(f"FAILED {kind} {item}: {e}\n")
        return []
    sys.stderr.write(f"done {kind} {item}\n")
    return rows


def main():
    configs = CONFIGS
    kinds = {"1d", "cross", "critical"}
    args = sys.argv[1:]
    if args and args[0].startswith("--only="):  # e.g. --only=cross hardtanh
        kinds = set(args[0][7:].split(","))
        args = args[1:]
    if args and args[0].startswith("--digits="):  # fewer digits, faster (the tests need 12)
        mp.mp.dps = int(args[0][9:])
        args = args[1:]
    if args:
        configs = [c for c in CONFIGS if c[0] in args]
    names = {c[0] for c in configs}
    tasks = [("1d", c) for c in configs]
    tasks += [("cross", (a, q, c)) for a, pts in CROSS.items() if a in names for q, c in pts]
    tasks += [("critical", (a, sb)) for a, sbs in CRITICAL.items() if a in names for sb in sbs]
    tasks = [t for t in tasks if t[0] in kinds]
    # The slow tasks first, so that the two workers finish together.
    tasks.sort(key=lambda t: {"cross": 0, "critical": 1, "1d": 2}[t[0]])
    with multiprocessing.Pool(2) as pool:
        results = pool.map(run, tasks, chunksize=1)
    rows = [r for rs in results for r in rs]
    order = ["V", "W", "qstar", "chi1", "cross", "crossdf", "critical"]
    rows.sort(key=lambda r: (order.index(r[0]), [a for a, _ in CONFIGS].index(r[1]), r[2], r[3], r[4], r[5], r[6]))
    print("kind,activation,params,sigma_w2,sigma_b2,q,c,value")
    for r in rows:
        print(",".join(r))


if __name__ == "__main__":
    main()
