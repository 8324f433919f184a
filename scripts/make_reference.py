#!/usr/bin/env python3
"""Activation Lab reference generator: exact f and f' for the torch.nn activations.

Computes f(x) and df/dx for the 24 element-wise activations of the catalogue
exactly as tests/data/golden (README.md, PYTORCH_NOTES.md) defines them, and
rounds them correctly to float64 or float32:

  * piecewise and rational functions in exact rational arithmetic (fractions);
  * transcendental functions with mpmath, at >= 176 bits (53 digits) in a Ziv loop:
    each value is computed at two precisions and accepted only when the whole
    error interval rounds to one number, otherwise the precision is doubled;
  * rounding to nearest-even directly from the exact/high-precision value to
    the target format (no double rounding), subnormals and overflow included;
  * the definitions' conventions (SELU uses ATen's double constants, as the
    golden files do): parameters rounded to the working dtype,
    branch tests in the dtype (Softplus switch `x*beta > threshold`, strict,
    with x*beta rounded to the dtype), PyTorch's one-sided derivative at every
    kink, RReLU eval slope (lower+upper)/2 computed in double, the exact GELU
    constants sqrt(2/pi) and 0.044715, exact 1/6, limits at +-inf, NaN -> NaN.  Signed zeros:
    an exact zero is +0, except at x = +-0 where it takes the sign of the
    same branch's formula just beside zero on the side of x (so -0 -> -0 for
    x*c with c > 0, as IEEE gives); underflow keeps the sign of the value.

Modes (the CSV format is `activation,params,x,f,df`, numbers `%.17g`):

  # Recompute every row of DIR/reference_f64.csv and DIR/reference_f32.csv
  # and report mismatches (exit status 1 if any value differs; a difference
  # only in the sign of zero fails with --strict-zero-sign):
  nice -n 10 python3 scripts/make_reference.py --check-golden tests/data/golden

  This reproduces both golden files bit for bit, except 7 float64 rows where
  the golden file has +0 for GELU(none)' at x <= -1e37 and this generator -0
  (the exact value is negative; the tests count +-0 as equal).

  # Random test points for all golden settings plus 3 random parameter
  # settings per parameterised activation:
  python3 scripts/make_reference.py --random out.csv --seed 2026 \
      --count-per-setting 400 --dtype float64

  Random parameters are drawn with 4 decimals (written as Python reprs of the
  float64 values; float32 files keep the unrounded string).  Per setting the x
  values (float32 values for float32) are ~25% uniform in [-12, 12], 15% in
  [-50, 50], 20% log-uniform magnitudes in [1e-310, 1e308] (float32:
  [1e-45, 3e38]) with random sign, 15% near each kink and 0 (mostly within
  4 ulps, some up to 64 ulps or 1e-6 relative away), 10% near the root of f' for SiLU, Mish and GELU (otherwise more uniform
  points), and the rest tails 30 <= |x| <= 800.
  tests/data/random/reference_random_f{64,32}.csv are made with --seed 2026
  --count-per-setting 400.

Requires Python >= 3.8 and mpmath (Debian: python3-mpmath).  --jobs (default 2)
sets the number of worker processes.  Output depends only on the arguments.
"""

import argparse
import math
import multiprocessing
import os
import random
import struct
import sys
import time
from fractions import Fraction

import mpmath
from mpmath import mp, mpf
from mpmath.libmp import mpf_add, mpf_sub, round_ceiling, round_floor

# --------------------------------------------------------------------------
# Floating-point formats and correct rounding
# --------------------------------------------------------------------------

# name -> (precision in bits, emin, emax)
FORMATS = {"float64": (53, -1022, 1023), "float32": (24, -126, 127)}

NAN = float("nan")
INF = float("inf")


def _round_ratio(neg, n, d, fmt):
    """Round the positive rational n/d (n, d > 0 ints) to `fmt`, nearest-even."""
    p, emin, emax = FORMATS[fmt]
    e = n.bit_length() - d.bit_length()          # 2^(e-1) < n/d < 2^(e+1)
    if (n << max(0, -e)) < (d << max(0, e)):
        e -= 1                                   # now 2^e <= n/d < 2^(e+1)
    if e > emax:
        return -INF if neg else INF
    if e < emin - p - 1:                         # below half the smallest subnormal
        return -0.0 if neg else 0.0
    q = max(e, emin) - (p - 1)                   # exponent of the last kept bit
    if q >= 0:
        den = d << q
        m, r = divmod(n, den)
    else:
        den = d
        m, r = divmod(n << -q, d)
    if 2 * r > den or (2 * r == den and (m & 1)):
        m += 1
    if m >> (emax + 1 - q):                      # rounded up to 2^(emax+1)
        return -INF if neg else INF
    v = math.ldexp(m, q)
    return -v if neg else v


def round_fraction(v, fmt):
    if v == 0:
        return 0.0
    neg = v < 0
    v = -v if neg else v
    return _round_ratio(neg, v.numerator, v.denominator, fmt)


def round_mpf_tuple(t, fmt):
    """Round an mpmath raw mpf tuple (sign, man, exp, bc) to `fmt`."""
    sign, man, exp, bc = t
    if not man:
        if exp == 0 and bc == 0:                 # zero
            return 0.0
        raise ValueError("non-finite mpf %r" % (t,))
    p, emin, emax = FORMATS[fmt]
    top = exp + bc - 1                           # 2^top <= |v| < 2^(top+1)
    if top > emax + 1:
        return -INF if sign else INF
    if top < emin - p - 1:
        return -0.0 if sign else 0.0
    if exp >= 0:
        return _round_ratio(bool(sign), man << exp, 1, fmt)
    return _round_ratio(bool(sign), man, 1 << -exp, fmt)


def round_to(v, fmt):
    """Round a Python float (double) to `fmt` (float32: single rounding)."""
    if fmt == "float64" or math.isnan(v) or math.isinf(v):
        return v
    try:
        return struct.unpack("<f", struct.pack("<f", v))[0]
    except OverflowError:
        return math.copysign(INF, v)


def fmt_num(v):
    return "%.17g" % v


# --------------------------------------------------------------------------
# Expressions: exact rationals (Q) and mpmath expressions (M)
# --------------------------------------------------------------------------

class Q:
    """Exact value: fn(t) with t the exact input as a Fraction."""
    __slots__ = ("fn",)

    def __init__(self, fn):
        self.fn = fn


class M:
    """Transcendental value: fn(t) with t the exact input as an mpf, evaluated
    at the current mpmath precision; extra(t) adds precision for cancellation."""
    __slots__ = ("fn", "extra")

    def __init__(self, fn, extra=None):
        self.fn = fn
        self.extra = extra


def const(c):
    c = Fraction(c)
    return Q(lambda t: c)


ZERO = const(0)
ONE = const(1)
IDENT = Q(lambda t: t)
NAN_EXPR = None

# Stand-ins for +-inf (limits) and for "just beside zero" (sign of zero).
HUGE_EXP = 1100
TINY_EXP = -1100
BASE_PREC = 176                                  # 53 digits
MAX_PREC = 1 << 17


def _eval_q(expr, t, fmt):
    return round_fraction(expr.fn(t), fmt)


def frac_to_mpf(t):
    """Exact mpf of a dyadic Fraction (inputs are floats or powers of two)."""
    d = t.denominator
    k = d.bit_length() - 1
    if d != 1 << k:
        raise ValueError("non-dyadic input")
    return mpmath.ldexp(mpmath.mpf(t.numerator), -k)


def _eval_m(expr, t, fmt):
    """Ziv loop: accept when [y2 - d, y2 + d] rounds to a single number."""
    extra = 0
    prec = BASE_PREC
    while True:
        with mp.workprec(prec + 64):
            tv = frac_to_mpf(t)
            if expr.extra is not None:
                extra = expr.extra(tv)
        p1 = prec + extra
        p2 = 2 * prec + extra
        with mp.workprec(p1):
            y1 = expr.fn(mpf(tv))
        with mp.workprec(p2):
            y2 = expr.fn(mpf(tv))
        if not (mpmath.isfinite(y1) and mpmath.isfinite(y2)):
            raise ArithmeticError("non-finite intermediate result")
        if y2 == 0:
            if t != 0:
                prec *= 2                        # exact 0 only from cancellation
                if prec > MAX_PREC:
                    raise ArithmeticError("zero result at nonzero x")
                continue
            return 0.0
        with mp.workprec(p2 + 64):
            d = 4 * abs(y1 - y2) + abs(y2) * mpf(2) ** (8 - p2)
        wp = p2 + 64
        lo = mpf_sub(y2._mpf_, d._mpf_, wp, round_floor)
        hi = mpf_add(y2._mpf_, d._mpf_, wp, round_ceiling)
        rlo = round_mpf_tuple(lo, fmt)
        rhi = round_mpf_tuple(hi, fmt)
        if struct.pack("<d", rlo) == struct.pack("<d", rhi):
            return rlo
        prec *= 2
        if prec > MAX_PREC:
            raise ArithmeticError("Ziv loop did not converge")


def _eval_at(expr, t, fmt):
    if isinstance(expr, Q):
        return _eval_q(expr, t, fmt)
    return _eval_m(expr, t, fmt)


def evaluate(expr, x, fmt):
    """Correctly rounded value of expr for the (dtype) input x."""
    if expr is NAN_EXPR or math.isnan(x):
        return NAN
    if math.isinf(x):
        t = Fraction(2) ** HUGE_EXP * (1 if x > 0 else -1)
    else:
        t = Fraction(x)
    r = _eval_at(expr, t, fmt)
    if r == 0 and x == 0:
        # Sign of an exact zero at x = +-0: that of the value just beside
        # zero, on the side of x (an exact zero there gives +0).
        side = 1 if math.copysign(1.0, x) > 0 else -1
        r2 = _eval_at(expr, Fraction(2) ** TINY_EXP * side, fmt)
        return math.copysign(0.0, r2) if r2 == 0 else 0.0
    return r


# --------------------------------------------------------------------------
# Constants and helpers (mpmath, current precision)
# --------------------------------------------------------------------------

# SELU: ATen's constants are C++ doubles, 1.6732632423543772848170429916717
# and 1.0507009873554804934193349852946 rounded to double; they are used in
# both dtypes and multiplied exactly (the reference does not round alpha*lambda).
SELU_ALPHA = Fraction(1.6732632423543772848170429916717)
SELU_SCALE = Fraction(1.0507009873554804934193349852946)
GELU_KAPPA = "0.044715"


def sigm(z):
    return 1 / (1 + mp.exp(-z))


def _mag_extra(k):
    """Extra bits ~ k * (-log2|t|) for cancellation near 0."""
    def extra(t):
        if t == 0:
            return 0
        m = mpmath.mag(t)
        return max(0, -k * int(m)) + 16
    return extra


# --------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------

ACTIVATIONS = ["Sigmoid", "Tanh", "ReLU", "LeakyReLU", "PReLU", "RReLU", "ELU",
               "CELU", "SELU", "GELU", "Softplus", "SiLU", "Mish", "Hardtanh",
               "ReLU6", "Hardsigmoid", "Hardswish", "Softsign", "LogSigmoid",
               "Tanhshrink", "Softshrink", "Hardshrink", "Threshold", "Identity"]

DEFAULTS = {
    "LeakyReLU": {"negative_slope": 0.01},
    "PReLU": {"weight": 0.25},
    "RReLU": {"lower": 1.0 / 8.0, "upper": 1.0 / 3.0},
    "ELU": {"alpha": 1.0},
    "CELU": {"alpha": 1.0},
    "GELU": {"approximate": "none"},
    "Softplus": {"beta": 1.0, "threshold": 20.0},
    "Hardtanh": {"min_val": -1.0, "max_val": 1.0},
    "Softshrink": {"lambd": 0.5},
    "Hardshrink": {"lambd": 0.5},
    "Threshold": {},
}


def parse_params(act, s):
    P = dict(DEFAULTS.get(act, {}))
    if s:
        for kv in s.split(";"):
            k, v = kv.split("=", 1)
            P[k] = v if k == "approximate" else float(v)
    if act == "Threshold" and ("threshold" not in P or "value" not in P):
        raise ValueError("Threshold needs threshold and value")
    return P


def dtype_params(act, P, fmt):
    """Parameters as the kernel sees them: rounded to the working dtype."""
    D = {}
    for k, v in P.items():
        D[k] = v if isinstance(v, str) else round_to(v, fmt)
    if act == "RReLU":
        D["slope"] = round_to((P["lower"] + P["upper"]) / 2.0, fmt)
    return D


# --------------------------------------------------------------------------
# The activations: (f, f') as expressions, given the dtype input x
# --------------------------------------------------------------------------

def _linear_neg(x, s):
    if x > 0:
        return IDENT, ONE
    sq = Fraction(s)
    return Q(lambda t: sq * t), const(sq)


def _hardtanh(x, lo, hi):
    if x <= lo:
        f = const(lo)
    elif x >= hi:
        f = const(hi)
    else:
        f = IDENT
    df = ONE if (x > lo and x < hi) else ZERO
    return f, df


def activation_exprs(act, D, x, fmt):
    if act == "Identity":
        return IDENT, ONE
    if act == "ReLU":
        return (IDENT, ONE) if x > 0 else (ZERO, ZERO)
    if act == "LeakyReLU":
        return _linear_neg(x, D["negative_slope"])
    if act == "PReLU":
        return _linear_neg(x, D["weight"])
    if act == "RReLU":
        return _linear_neg(x, D["slope"])
    if act == "ELU":
        if x > 0:
            return IDENT, ONE
        a = D["alpha"]
        return M(lambda t: a * mp.expm1(t)), M(lambda t: a * mp.exp(t))
    if act == "CELU":
        if x > 0:
            return IDENT, ONE
        a = D["alpha"]
        return (M(lambda t: a * mp.expm1(t / a)), M(lambda t: mp.exp(t / a)))
    if act == "SELU":
        if x > 0:
            return Q(lambda t: SELU_SCALE * t), const(SELU_SCALE)
        la = SELU_SCALE * SELU_ALPHA                 # exact, 106 bits

        def la_mp():
            return frac_to_mpf(la)
        return M(lambda t: la_mp() * mp.expm1(t)), M(lambda t: la_mp() * mp.exp(t))
    if act == "GELU":
        if D["approximate"] == "tanh":
            # Tail: for x < -60, u = k(x + kappa x^3) < -7754 and sigma(2u) <
            # e^-15500, so f = x sigma(2u) and f' = sigma(2u)(1 - 2|x| sigma(-2u)
            # k(1 + 3 kappa x^2)) are negative with magnitude < 2^-2500.
            if x < -60:
                return const(-Fraction(1, 2 ** 3000)), const(-Fraction(1, 2 ** 3000))

            def u(t):
                return mp.sqrt(2 / mp.pi) * (t + mpf(GELU_KAPPA) * t ** 3)

            def gf(t):
                return t * sigm(2 * u(t))

            def gdf(t):
                du = mp.sqrt(2 / mp.pi) * (1 + 3 * mpf(GELU_KAPPA) * t * t)
                return sigm(2 * u(t)) * (1 + 2 * t * sigm(-2 * u(t)) * du)
            return M(gf), M(gdf)
        if D["approximate"] != "none":
            raise ValueError("GELU approximate must be none or tanh")
        # Tails: for x > 60, x*Phi(x) = x(1 - d) and Phi + x*phi = 1 + d' with
        # 0 < d, d' < 2^-2500, which round to x and 1; for x < -60 both f and
        # f' are negative with magnitude < 2^-2500 (below every subnormal).
        if x > 60:
            return IDENT, ONE
        if x < -60:
            return const(-Fraction(1, 2 ** 3000)), const(-Fraction(1, 2 ** 3000))

        def nf(t):
            return t * mp.erfc(-t / mp.sqrt(2)) / 2

        def ndf(t):
            return mp.erfc(-t / mp.sqrt(2)) / 2 + t * mp.exp(-t * t / 2) / mp.sqrt(2 * mp.pi)
        return M(nf), M(ndf)
    if act == "Softplus":
        b, th = D["beta"], D["threshold"]
        if round_to(x * b, fmt) > th:
            return IDENT, ONE
        return (M(lambda t: mp.log1p(mp.exp(b * t)) / b), M(lambda t: sigm(b * t)))
    if act == "SiLU":
        return (M(lambda t: t * sigm(t)),
                M(lambda t: sigm(t) * (1 + t * sigm(-t))))
    if act == "Mish":
        def mf(t):
            return t * mp.tanh(mp.log1p(mp.exp(t)))

        def mdf(t):
            sp = mp.log1p(mp.exp(t))
            return mp.tanh(sp) + t * sigm(t) / mp.cosh(sp) ** 2
        return M(mf), M(mdf)
    if act == "Hardtanh":
        return _hardtanh(x, D["min_val"], D["max_val"])
    if act == "ReLU6":
        return _hardtanh(x, 0.0, 6.0)
    if act == "Hardsigmoid":
        if x <= -3:
            f = ZERO
        elif x >= 3:
            f = ONE
        else:
            f = Q(lambda t: (t + 3) / 6)
        df = const(Fraction(1, 6)) if (-3 < x < 3) else ZERO
        return f, df
    if act == "Hardswish":
        if x <= -3:
            f = ZERO
        elif x >= 3:
            f = IDENT
        else:
            f = Q(lambda t: t * (t + 3) / 6)
        if x < -3:
            df = ZERO
        elif x <= 3:
            df = Q(lambda t: (2 * t + 3) / 6)
        else:
            df = ONE
        return f, df
    if act == "Softsign":
        return (Q(lambda t: t / (1 + abs(t))), Q(lambda t: 1 / (1 + abs(t)) ** 2))
    if act == "LogSigmoid":
        return (M(lambda t: min(t, 0) - mp.log1p(mp.exp(-abs(t)))),
                M(lambda t: sigm(-t)))
    if act == "Tanhshrink":
        if abs(x) >= 64:
            # tanh(x) = s(1 - d), s = sign(x), 0 < d < 2^-183, so f = (x - s) + s*d
            # with |x - s| >= 63: d is far below every rounding gap there and
            # only its sign matters (it breaks a tie of x - s away from zero).
            # Any stand-in 0 < d' < 2^-183 rounds identically; take 2^-3000.
            s = Fraction(1 if x > 0 else -1)
            tiny = Fraction(1, 2 ** 3000)
            f = Q(lambda t: t - s + s * tiny)
        else:
            f = M(lambda t: t - mp.tanh(t), extra=_mag_extra(2))
        return f, M(lambda t: mp.tanh(t) ** 2)
    if act == "Softshrink":
        lam = Fraction(D["lambd"])
        if x > D["lambd"]:
            return Q(lambda t: t - lam), ONE
        if x < -D["lambd"]:
            return Q(lambda t: t + lam), ONE
        return ZERO, ZERO
    if act == "Hardshrink":
        if x > D["lambd"] or x < -D["lambd"]:
            return IDENT, ONE
        return ZERO, ZERO
    if act == "Threshold":
        if x <= D["threshold"]:
            return const(D["value"]), ZERO
        return IDENT, ONE
    if act == "Sigmoid":
        return M(lambda t: sigm(t)), M(lambda t: sigm(t) * sigm(-t))
    if act == "Tanh":
        return M(lambda t: mp.tanh(t)), M(lambda t: 1 / mp.cosh(t) ** 2)
    raise ValueError("unknown activation %r" % act)


_param_cache = {}


def compute(act, params, x, fmt):
    """(f, df) as floats (float32 values for fmt float32) for the dtype input x."""
    key = (act, params, fmt)
    D = _param_cache.get(key)
    if D is None:
        D = dtype_params(act, parse_params(act, params), fmt)
        _param_cache[key] = D
    if math.isnan(x):
        return NAN, NAN
    f, df = activation_exprs(act, D, x, fmt)
    return evaluate(f, x, fmt), evaluate(df, x, fmt)


def compute_row(act, params, x, fmt):
    f, df = compute(act, params, x, fmt)
    return "%s,%s,%s,%s,%s" % (act, params, fmt_num(x), fmt_num(f), fmt_num(df))


# --------------------------------------------------------------------------
# --check-golden
# --------------------------------------------------------------------------

def _check_chunk(args):
    fmt, rows = args
    out = []
    for line in rows:
        act, params, xs, fs, dfs = line.split(",")
        x = float(xs)
        if fmt == "float32" and not math.isnan(x) and round_to(x, fmt) != x:
            out.append((line, "x is not a float32 value"))
            continue
        try:
            f, df = compute(act, params, x, fmt)
        except Exception as e:  # report, keep going
            out.append((line, "error: %r" % (e,)))
            continue
        gf, gdf = fmt_num(f), fmt_num(df)
        if gf != fs or gdf != dfs:
            out.append((line, "%s,%s" % (gf, gdf)))
    return out


def _only_zero_sign(line, got):
    exp = line.split(",")[3:5]
    if got.startswith("error") or got.startswith("x is"):
        return False
    g = got.split(",")
    for a, b in zip(exp, g):
        if a != b and not (a in ("0", "-0") and b in ("0", "-0")):
            return False
    return True


def check_golden(directory, jobs, show):
    total_bad = total_zs = 0
    for fmt, name in (("float64", "reference_f64.csv"), ("float32", "reference_f32.csv")):
        path = os.path.join(directory, name)
        with open(path) as fh:
            header = fh.readline().strip()
            lines = [ln.strip() for ln in fh if ln.strip()]
        if header != "activation,params,x,f,df":
            print("%s: unexpected header %r" % (path, header))
        t0 = time.time()
        chunks = [(fmt, lines[i:i + 500]) for i in range(0, len(lines), 500)]
        bad = []
        if jobs > 1:
            with multiprocessing.Pool(jobs) as pool:
                for res in pool.imap(_check_chunk, chunks):
                    bad.extend(res)
        else:
            for c in chunks:
                bad.extend(_check_chunk(c))
        zs = sum(1 for line, got in bad if _only_zero_sign(line, got))
        print("%s: %d rows, %d mismatches (%d only in the sign of zero), %.1f s"
              % (path, len(lines), len(bad), zs, time.time() - t0))
        for line, got in bad[:show]:
            print("   golden %s\n   ours   %s" % (line, got))
        total_bad += len(bad)
        total_zs += zs
    return total_bad, total_zs


# --------------------------------------------------------------------------
# --random
# --------------------------------------------------------------------------

# The 38 settings of the golden files, in their order.
GOLDEN_SETTINGS = [
    ("Sigmoid", ""), ("Tanh", ""), ("ReLU", ""),
    ("LeakyReLU", "negative_slope=0.01"), ("LeakyReLU", "negative_slope=0.2"),
    ("PReLU", "weight=0.25"), ("PReLU", "weight=0.1"),
    ("RReLU", "lower=0.125;upper=0.3333333333333333"), ("RReLU", "lower=0.1;upper=0.3"),
    ("ELU", "alpha=0.5"), ("ELU", "alpha=1.0"), ("ELU", "alpha=2.0"),
    ("CELU", "alpha=0.5"), ("CELU", "alpha=1.0"), ("CELU", "alpha=2.0"),
    ("SELU", ""), ("GELU", "approximate=none"), ("GELU", "approximate=tanh"),
    ("Softplus", "beta=1.0;threshold=20.0"), ("Softplus", "beta=2.0;threshold=20.0"),
    ("Softplus", "beta=0.5;threshold=10.0"),
    ("SiLU", ""), ("Mish", ""),
    ("Hardtanh", "min_val=-1.0;max_val=1.0"), ("Hardtanh", "min_val=-2.0;max_val=3.0"),
    ("ReLU6", ""), ("Hardsigmoid", ""), ("Hardswish", ""), ("Softsign", ""),
    ("LogSigmoid", ""), ("Tanhshrink", ""),
    ("Softshrink", "lambd=0.5"), ("Softshrink", "lambd=0.1"),
    ("Hardshrink", "lambd=0.5"), ("Hardshrink", "lambd=0.1"),
    ("Threshold", "threshold=0.1;value=20.0"), ("Threshold", "threshold=1.0;value=-1.0"),
    ("Identity", ""),
]

RANDOM_EXTRA = 3


def _u(rng, a, b):
    return round(rng.uniform(a, b), 4)


def random_params(act, rng):
    """One random parameter string for act (None if act has no numeric params)."""
    if act == "LeakyReLU":
        return "negative_slope=%r" % _u(rng, -0.5, 1.0)
    if act == "PReLU":
        return "weight=%r" % _u(rng, -0.5, 1.0)
    if act == "RReLU":
        while True:
            a, b = sorted((_u(rng, 0.0, 1.0), _u(rng, 0.0, 1.0)))
            if a < b:
                return "lower=%r;upper=%r" % (a, b)
    if act == "ELU":
        return "alpha=%r" % _u(rng, 0.05, 3.0)
    if act == "CELU":
        return "alpha=%r" % _u(rng, 0.1, 3.0)
    if act == "Softplus":
        return "beta=%r;threshold=%r" % (_u(rng, 0.1, 10.0), _u(rng, 1.0, 40.0))
    if act == "Hardtanh":
        while True:
            lo, hi = _u(rng, -5.0, 0.0), _u(rng, 0.0, 5.0)
            if lo < 0 < hi:
                return "min_val=%r;max_val=%r" % (lo, hi)
    if act in ("Softshrink", "Hardshrink"):
        return "lambd=%r" % _u(rng, 0.0, 3.0)
    if act == "Threshold":
        return "threshold=%r;value=%r" % (_u(rng, -3.0, 3.0), _u(rng, -3.0, 3.0))
    return None


def all_settings(seed):
    """Golden settings plus RANDOM_EXTRA random ones per parameterised activation,
    grouped by activation.  Depends only on the seed (same for both dtypes)."""
    rng = random.Random("activation-lab-params:%d" % seed)
    out = []
    for act in ACTIVATIONS:
        out.extend(s for s in GOLDEN_SETTINGS if s[0] == act)
        if random_params(act, random.Random(0)) is None:
            continue
        seen = {s[1] for s in out if s[0] == act}
        n = 0
        while n < RANDOM_EXTRA:
            ps = random_params(act, rng)
            if ps not in seen:
                seen.add(ps)
                out.append((act, ps))
                n += 1
    return out


def next_up(x, fmt, k=1):
    """Move the finite x by k steps (k may be negative) through the floats of
    fmt; -0 and +0 count as one point."""
    code, bits = ("<d", 64) if fmt == "float64" else ("<f", 32)
    ucode = "<Q" if bits == 64 else "<I"
    sign = 1 << (bits - 1)
    b = struct.unpack(ucode, struct.pack(code, x))[0]
    o = -(b & (sign - 1)) if b & sign else b
    o += k
    b = (sign | -o) if o < 0 else o
    return struct.unpack(code, struct.pack(ucode, b))[0]


def kinks(act, D, fmt):
    """Points in fmt where f or f' switches branch (always includes 0)."""
    ks = [0.0]
    if act == "Hardtanh":
        ks += [D["min_val"], D["max_val"]]
    elif act == "ReLU6":
        ks += [6.0]
    elif act in ("Hardsigmoid", "Hardswish"):
        ks += [-3.0, 3.0]
        if act == "Hardswish":
            ks.append(-1.5)
    elif act in ("Softshrink", "Hardshrink"):
        ks += [D["lambd"], -D["lambd"]]
    elif act == "Threshold":
        ks.append(D["threshold"])
    elif act == "Softplus":
        # Smallest x of fmt with round(x*beta) > threshold.
        b, th = D["beta"], D["threshold"]
        x = round_to(th / b, fmt)
        while round_to(x * b, fmt) > th:
            x = next_up(x, fmt, -1)
        while not round_to(x * b, fmt) > th:
            x = next_up(x, fmt, 1)
        ks.append(x)
    return [round_to(k, fmt) for k in ks]


_root_cache = {}


def fprime_root(act, approx):
    """Root of f' on (-2, 0) for SiLU, Mish and GELU, as an mpf (80 digits)."""
    key = (act, approx)
    if key not in _root_cache:
        with mp.workdps(80):
            D = {"approximate": approx}
            _, df = activation_exprs(act, D, -1.0, "float64")
            start = {"SiLU": -1.2785, "Mish": -1.1924}.get(act, -0.7518 if approx == "none" else -0.7525)
            _root_cache[key] = mp.findroot(df.fn, mpf(start))
    return _root_cache[key]


def _to_fmt_mp(v, fmt):
    with mp.workprec(200):
        return round_mpf_tuple(mpf(v)._mpf_, fmt)


def random_xs(act, params, fmt, count, rng):
    D = dtype_params(act, parse_params(act, params), fmt)
    if fmt == "float64":
        lmin, lmax = math.log(1e-310), math.log(1e308)
    else:
        lmin, lmax = math.log(1e-45), math.log(3e38)
    ks = kinks(act, D, fmt)
    roots = []
    if act in ("SiLU", "Mish", "GELU"):
        roots.append(_to_fmt_mp(fprime_root(act, D.get("approximate", "none")), fmt))
    xs = set()

    def add(v):
        v = round_to(v, fmt)
        if not math.isnan(v) and not math.isinf(v):
            xs.add(v)

    def near(c):
        """A point within a few ulps of c (or a little farther)."""
        r = rng.random()
        if r < 0.7:
            return next_up(c, fmt, rng.randint(-4, 4))
        if r < 0.85:
            return next_up(c, fmt, rng.choice((-1, 1)) * rng.randint(5, 64))
        return c + rng.uniform(-1e-6, 1e-6) * max(1.0, abs(c))

    n_kink = count * 15 // 100
    n_root = count * 10 // 100 if roots else 0
    n_u12 = count * 25 // 100 + (0 if roots else count * 10 // 100)
    n_u50 = count * 15 // 100
    n_log = count * 20 // 100
    n_tail = count - n_kink - n_root - n_u12 - n_u50 - n_log
    plan = ([("kink", n_kink), ("root", n_root), ("u12", n_u12), ("u50", n_u50),
             ("log", n_log), ("tail", n_tail)])
    for kind, n in plan:
        target = len(xs) + n
        guard = 0
        while len(xs) < target and guard < 100 * n + 100:
            guard += 1
            if kind == "kink":
                add(near(ks[len(xs) % len(ks)]))
            elif kind == "root":
                add(near(roots[len(xs) % len(roots)]))
            elif kind == "u12":
                add(rng.uniform(-12.0, 12.0))
            elif kind == "u50":
                add(rng.uniform(-50.0, 50.0))
            elif kind == "log":
                add(rng.choice((-1.0, 1.0)) * math.exp(rng.uniform(lmin, lmax)))
            else:
                add(rng.choice((-1.0, 1.0)) * rng.uniform(30.0, 800.0))
    while len(xs) < count:
        add(rng.uniform(-12.0, 12.0))
    return sorted(xs, key=lambda v: (v, math.copysign(1.0, v)))


def _random_chunk(args):
    act, params, fmt, xs = args
    return [compute_row(act, params, x, fmt) for x in xs]


def make_random(out, seed, count, fmt, jobs):
    t0 = time.time()
    tasks = []
    for i, (act, params) in enumerate(all_settings(seed)):
        rng = random.Random("activation-lab-x:%d:%s:%d" % (seed, fmt, i))
        tasks.append((act, params, fmt, random_xs(act, params, fmt, count, rng)))
    rows = []
    if jobs > 1:
        with multiprocessing.Pool(jobs) as pool:
            for r in pool.imap(_random_chunk, tasks):
                rows.extend(r)
    else:
        for t in tasks:
            rows.extend(_random_chunk(t))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", newline="\n") as fh:
        fh.write("activation,params,x,f,df\n")
        for r in rows:
            fh.write(r + "\n")
    print("%s: %d settings, %d rows, %.1f s" % (out, len(tasks), len(rows), time.time() - t0))


# --------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check-golden", metavar="DIR",
                    help="recompute DIR/reference_f64.csv and DIR/reference_f32.csv")
    ap.add_argument("--random", metavar="OUT.csv", help="write random reference points")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--count-per-setting", type=int, default=400)
    ap.add_argument("--dtype", choices=sorted(FORMATS), default="float64")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (1 or 2)")
    ap.add_argument("--strict-zero-sign", action="store_true",
                    help="--check-golden also fails on +0/-0 differences")
    ap.add_argument("--show", type=int, default=20, help="mismatches to print per file")
    a = ap.parse_args(argv)
    jobs = max(1, min(2, a.jobs))
    if not a.check_golden and not a.random:
        ap.error("give --check-golden DIR and/or --random OUT.csv")
    status = 0
    if a.check_golden:
        t0 = time.time()
        bad, zs = check_golden(a.check_golden, jobs, a.show)
        print("total mismatches: %d, of which %d only in the sign of zero (%.1f s)"
              % (bad, zs, time.time() - t0))
        failing = bad if a.strict_zero_sign else bad - zs
        status = 1 if failing else 0
    if a.random:
        make_random(a.random, a.seed, a.count_per_setting, a.dtype, jobs)
    return status


if __name__ == "__main__":
    sys.exit(main())
