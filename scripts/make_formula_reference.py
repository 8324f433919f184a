#!/usr/bin/env python3
"""Activation Lab: arbitrary-precision reference values for formula activations.

Writes tests/data/formula/reference.csv: f, f' and f'' of the gallery formulas and of
more formulas (among them formulas equal to built-in activations), at random x in
[-20, 20] and in the tails, correctly rounded to float64. The C++ tests
(tests/core/test_formula_reference.cpp) compare the formula engine with these rows.

How the values are computed, independently of the C++ engine:
  * the formula text is evaluated by Python itself (numbers become exact decimals,
    ^ becomes **; Python's precedence matches the formula language: -x^2 = -(x^2),
    2^3^2 = 2^9);
  * over mpmath numbers with 400 significant digits, plus 2*log10|x| for large |x| (so that
    x^2 + b at x = -1e300 keeps b), doubled until two precisions round to the same doubles
    (a Ziv loop): 1 + erf(-14) cancels 88 digits, 1 + tanh(-300) 260;
  * as second-order jets (value, f', f'') whose rules use forms that are exact at
    any precision: sigmoid' = e/(1+e)^2 with e = exp(-|u|), tanh' = 1/cosh^2, ...;
  * the jets are checked against mpmath.diff (numerical differentiation at high
    precision) at a few points per formula before anything is written.

The conventions are the engine's (docs/formula-language.md): heaviside(0) = 1, abs'(0) = 0,
at a tie max and min take the operand whose derivative is smaller in magnitude (the first
on equal magnitudes), a NaN comparison makes where() NaN, domain errors are NaN.

Usage:  /usr/bin/python3 scripts/make_formula_reference.py [OUT.csv]
        (default tests/data/formula/reference.csv; deterministic: seed 2026)
"""

import csv
import math
import os
import random
import re
import sys

import mpmath
from mpmath import mp, mpf

# (formula, parameters, tails): tails=False leaves out |x| = 1e300 where an intermediate
# overflows double although f does not (x^3 at 1e300), which no evaluator in double avoids.
FORMULAS = [
    # The gallery.
    ("sin(x)", {}, True),
    ("exp(-x^2)", {}, True),
    ("step(x)", {}, True),
    ("(sqrt(x^2+1)-1)/2 + x", {}, True),
    ("x*sigmoid(b*x)", {"b": "1.5"}, True),
    ("(x + sqrt(x^2 + b))/2", {"b": "4"}, True),
    ("x + sin(a*x)^2/a", {"a": "0.5"}, True),
    ("sigmoid(k*x)", {"k": "5"}, True),
    # Equal to built-in activations.
    ("max(0,x)", {}, True),
    ("x*sigmoid(x)", {}, True),
    ("tanh(x)", {}, True),
    ("softplus(x)", {}, True),
    ("x*tanh(softplus(x))", {}, True),
    ("x*(1+erf(x/sqrt(2)))/2", {}, True),
    ("where(x>0, x, a*expm1(x))", {"a": "1.2"}, True),
    ("log1p(exp(x))", {}, True),
    ("1/(1+exp(-x))", {}, True),
    ("x/(1+exp(-b*x))", {"b": "1.5"}, True),
    ("l*where(x>0, x, a*expm1(x))", {"l": "1.0507009873554805", "a": "1.6732632423543772"}, True),
    ("max(a*x, x)", {"a": "0.01"}, True),
    ("min(max(x, -1), 1)", {}, True),
    ("x*min(max(x+3, 0), 6)/6", {}, True),
    ("x/(1+abs(x))", {}, True),
    ("x - tanh(x)", {}, True),
    ("-softplus(-x)", {}, True),
    ("0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))", {}, True),
    ("log(1+exp(x))", {}, True),
    ("exp(x)/(1+exp(x))", {}, True),
    # Other functions and forms.
    ("atan(x)", {}, True),
    ("erfc(x)", {}, True),
    ("exp(x) - 1", {}, True),
    ("cosh(x/4)", {}, True),
    ("sinh(x/8)", {}, True),
    ("tan(x/30)", {}, True),
    ("sqrt(abs(x))", {}, True),
    ("x^3/(1+x^2)", {}, False),
    ("x*exp(-x^2/2)", {}, True),
    ("where(x < -1, -1, where(x > 1, 1, x))", {}, True),
    ("pi*x + e", {}, True),
    ("2^x", {}, True),
    ("x^(1/3)", {}, True),
    ("log(x)", {}, True),
    ("heaviside(x, 0.5)", {}, True),
    ("a*x^2 + b*x + c", {"a": "0.3", "b": "-2", "c": "0.7"}, True),
    ("x*erf(x)", {}, True),
    ("sign(x)*x^2", {}, True),
    ("x^x", {}, True),
    ("exp(sin(x))", {}, True),
    ("x*atan(x)", {}, True),
    ("sqrt(x^2 + a) - sqrt(a)", {"a": "0.25"}, True),
]

RANDOM_POINTS = 60
TAILS = [-1e300, -1e3, -700.0, -30.0, -1.0, -0.5, -0.0, 0.0, 0.5, 1.0, 30.0, 700.0, 1e3, 1e300]


class Cond:
    """The result of a comparison: True, False or None (NaN operand)."""

    def __init__(self, value):
        self.value = value


class J:
    """A second-order jet: value, first and second derivative with respect to x."""

    __slots__ = ("v", "d1", "d2")

    def __init__(self, v, d1=0, d2=0):
        self.v, self.d1, self.d2 = mpf(v), mpf(d1), mpf(d2)

    def __add__(self, o):
        o = lift(o)
        return J(self.v + o.v, self.d1 + o.d1, self.d2 + o.d2)

    __radd__ = __add__

    def __neg__(self):
        return J(-self.v, -self.d1, -self.d2)

    def __pos__(self):
        return self

    def __sub__(self, o):
        return self + (-lift(o))

    def __rsub__(self, o):
        return lift(o) + (-self)

    def __mul__(self, o):
        o = lift(o)
        return J(self.v * o.v, self.v * o.d1 + self.d1 * o.v,
                 self.v * o.d2 + 2 * self.d1 * o.d1 + self.d2 * o.v)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = lift(o)
        q = self.v / o.v
        q1 = (self.d1 - q * o.d1) / o.v
        q2 = (self.d2 - 2 * q1 * o.d1 - q * o.d2) / o.v
        return J(q, q1, q2)

    def __rtruediv__(self, o):
        return lift(o) / self

    def __pow__(self, o):
        o = lift(o)
        if o.d1 == 0 and o.d2 == 0:
            c = o.v
            if self.v < 0 and c != mpmath.floor(c):
                return nan_jet()
            if self.v == 0:
                # u^c at 0 only for the powers the tests use there (integer c >= 2).
                if c == mpmath.floor(c) and c >= 2:
                    return chain(self, mpf(0), c * (0 if c > 1 else 1), c * (c - 1) * (1 if c == 2 else 0))
                raise ZeroDivisionError
            g0 = self.v ** c
            return chain(self, g0, c * self.v ** (c - 1), c * (c - 1) * self.v ** (c - 2))
        return exp(o * log(self))

    def __rpow__(self, o):
        return lift(o) ** self

    def _cmp(self, o, op):
        o = lift(o)
        if mpmath.isnan(self.v) or mpmath.isnan(o.v):
            return Cond(None)
        return Cond(op(self.v, o.v))

    def __lt__(self, o):
        return self._cmp(o, lambda a, b: a < b)

    def __le__(self, o):
        return self._cmp(o, lambda a, b: a <= b)

    def __gt__(self, o):
        return self._cmp(o, lambda a, b: a > b)

    def __ge__(self, o):
        return self._cmp(o, lambda a, b: a >= b)


def lift(o):
    return o if isinstance(o, J) else J(o)


def nan_jet():
    return J(mp.nan, mp.nan, mp.nan)


def chain(u, g0, g1, g2):
    """g(u) by the chain rule: (g u)' = g'(u) u', (g u)'' = g''(u) u'^2 + g'(u) u''."""
    return J(g0, g1 * u.d1, g2 * u.d1 ** 2 + g1 * u.d2)


def sig_parts(v):
    """sigmoid(v), sigmoid'(v), 1 - 2 sigmoid(v), exact at any precision."""
    e = mpmath.exp(-abs(v))
    s = 1 / (1 + e) if v >= 0 else e / (1 + e)
    return s, e / (1 + e) ** 2, -mpmath.tanh(v / 2)


def exp(u):
    e = mpmath.exp(u.v)
    return chain(u, e, e, e)


def expm1(u):
    e = mpmath.exp(u.v)
    return chain(u, mpmath.expm1(u.v), e, e)


def log(u):
    if u.v < 0:
        return nan_jet()
    return chain(u, mpmath.log(u.v), 1 / u.v, -1 / u.v ** 2)


def log1p(u):
    if u.v < -1:
        return nan_jet()
    return chain(u, mpmath.log1p(u.v), 1 / (1 + u.v), -1 / (1 + u.v) ** 2)


def sqrt(u):
    if u.v < 0:
        return nan_jet()
    r = mpmath.sqrt(u.v)
    return chain(u, r, 1 / (2 * r), -1 / (4 * r * u.v))


def abs_(u):
    sgn = 1 if u.v > 0 else -1 if u.v < 0 else 0
    return chain(u, abs(u.v), sgn, 0)


def sign(u):
    return J(1 if u.v > 0 else -1 if u.v < 0 else 0)


def heaviside(u, h0=None):
    if mpmath.isnan(u.v):
        return nan_jet()
    if u.v == 0:
        return J(1 if h0 is None else lift(h0).v)
    return J(1 if u.v > 0 else 0)


def sin(u):
    return chain(u, mpmath.sin(u.v), mpmath.cos(u.v), -mpmath.sin(u.v))


def cos(u):
    return chain(u, mpmath.cos(u.v), -mpmath.sin(u.v), -mpmath.cos(u.v))


def tan(u):
    t = mpmath.tan(u.v)
    return chain(u, t, 1 + t ** 2, 2 * t * (1 + t ** 2))


def tanh(u):
    t = mpmath.tanh(u.v)
    s2 = 1 / mpmath.cosh(u.v) ** 2
    return chain(u, t, s2, -2 * t * s2)


def sinh(u):
    return chain(u, mpmath.sinh(u.v), mpmath.cosh(u.v), mpmath.sinh(u.v))


def cosh(u):
    return chain(u, mpmath.cosh(u.v), mpmath.sinh(u.v), mpmath.cosh(u.v))


def atan(u):
    q = 1 / (1 + u.v ** 2)
    return chain(u, mpmath.atan(u.v), q, -2 * u.v * q ** 2)


def erf(u):
    g1 = 2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-u.v ** 2)
    value = mpmath.erf(u.v) if abs(u.v) <= 10 ** 8 else mpmath.sign(u.v) * (1 - erfc_value(abs(u.v)))
    return chain(u, value, g1, -2 * u.v * g1)


def erfc_value(v):
    """erfc, with its asymptotic series beyond |v| = 1e8 (mpmath's own fails near 1e300);
    there the first omitted term is below 1e-48 relative."""
    if abs(v) <= 10 ** 8:
        return mpmath.erfc(v)
    if v < 0:
        return 2 - erfc_value(-v)
    series = 1 - 1 / (2 * v ** 2) + 3 / (4 * v ** 4) - 15 / (8 * v ** 6)
    return mpmath.exp(-v ** 2) / (v * mpmath.sqrt(mpmath.pi)) * series


def erfc(u):
    g1 = -2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-u.v ** 2)
    return chain(u, erfc_value(u.v), g1, -2 * u.v * g1)


def sigmoid(u):
    s, s1, m = sig_parts(u.v)
    return chain(u, s, s1, s1 * m)


def softplus(u):
    v = u.v
    sp = v + mpmath.log1p(mpmath.exp(-v)) if v > 0 else mpmath.log1p(mpmath.exp(v))
    s, s1, _ = sig_parts(v)
    return chain(u, sp, s, s1)


def pick(a, b, first_wins):
    if mpmath.isnan(a.v) or mpmath.isnan(b.v):
        return nan_jet()
    if a.v == b.v:  # a tie: the derivative of smaller magnitude (the first on equal ones)
        return a if abs(a.d1) <= abs(b.d1) else b
    return a if first_wins else b


def max_(a, b):
    a, b = lift(a), lift(b)
    return pick(a, b, a.v > b.v)


def min_(a, b):
    a, b = lift(a), lift(b)
    return pick(a, b, a.v < b.v)


def where(c, a, b):
    if c.value is None:
        return nan_jet()
    return lift(a) if c.value else lift(b)


FUNCTIONS = {
    "exp": exp, "expm1": expm1, "log": log, "log1p": log1p, "sqrt": sqrt, "abs": abs_,
    "sin": sin, "cos": cos, "tan": tan, "tanh": tanh, "sinh": sinh, "cosh": cosh,
    "atan": atan, "erf": erf, "erfc": erfc, "sigmoid": sigmoid, "softplus": softplus,
    "sign": sign, "min": min_, "max": max_, "heaviside": heaviside, "step": heaviside,
    "where": where,
}

TOKEN = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\s+|.")


def to_python(formula):
    """The formula as a Python expression over the names F (functions), P (parameters),
    N (exact numbers), X, PI and E."""
    out = []
    for tok in TOKEN.findall(formula):
        if tok[0].isalpha() or tok[0] == "_":
            if tok in FUNCTIONS:
                out.append("F[%r]" % tok)
            elif tok == "x":
                out.append("X")
            elif tok == "pi":
                out.append("PI")
            elif tok == "e":
                out.append("E")
            else:
                out.append("P[%r]" % tok)
        elif tok[0].isdigit() or tok[0] == ".":
            out.append("N(%r)" % tok)
        elif tok == "^":
            out.append("**")
        else:
            out.append(tok)
    return "".join(out)


def evaluate(code, params, x, dps=80):
    """The jet of the formula at x with dps significant digits."""
    mp.dps = dps
    env = {
        "F": FUNCTIONS,
        "P": {k: J(mpf(v)) for k, v in params.items()},
        "N": lambda s: J(mpf(s)),
        "X": J(mpf(x), 1, 0),
        "PI": J(+mpmath.pi),
        "E": J(mpmath.e),
    }
    return eval(code, {"__builtins__": {}}, env)


def reference(code, params, x):
    """f, f', f'' at x correctly rounded to doubles: the precision doubles until two successive
    precisions give the same doubles."""
    mag = math.log10(abs(x)) if x != 0 else 0
    dps = 400 + int(2 * max(0.0, mag))
    previous = None
    while dps <= 20000:
        j = evaluate(code, params, x, dps)
        current = tuple(repr(to_double(v)) for v in (j.v, j.d1, j.d2))
        if current == previous:
            return [float(v) for v in current]
        previous = current
        dps *= 2
    raise RuntimeError("no agreement at x = %r" % x)


def to_double(v):
    """Correctly rounded double of an mpf (inf beyond the range, nan for complex)."""
    if isinstance(v, mpmath.mpc):
        return float("nan")
    return float(v)


def check_against_diff(formula, code, params, rng):
    """The jets agree with mpmath.diff at a few points away from switching points."""
    for _ in range(3):
        x = rng.uniform(-3, 3)
        j = evaluate(code, params, x, 80)
        if mpmath.isnan(j.v) or any(s in formula for s in ("max", "min", "where", "abs", "step",
                                                             "heaviside", "sign")):
            continue
        with mp.workdps(80):
            d1 = mpmath.diff(lambda t: f_at(code, params, t), mpf(x), 1)
            d2 = mpmath.diff(lambda t: f_at(code, params, t), mpf(x), 2)
        for name, a, b in (("f'", j.d1, d1), ("f''", j.d2, d2)):
            if abs(a - b) > mpf(10) ** -30 * max(1, abs(b)):
                sys.exit("%s: %s at %r: jet %s, mpmath.diff %s" % (formula, name, x, a, b))


def f_at(code, params, t):
    """f at an mpf t, at the current precision (for mpmath.diff)."""
    env = {
        "F": FUNCTIONS,
        "P": {k: J(mpf(v)) for k, v in params.items()},
        "N": lambda s: J(mpf(s)),
        "X": J(t, 1, 0),
        "PI": J(+mpmath.pi),
        "E": J(mpmath.e),
    }
    return eval(code, {"__builtins__": {}}, env).v


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data", "formula", "reference.csv")
    rng = random.Random(2026)
    rows = []
    for formula, params, tails in FORMULAS:
        code = to_python(formula)
        check_against_diff(formula, code, params, rng)
        xs = [rng.uniform(-20, 20) for _ in range(RANDOM_POINTS)]
        xs += [t for t in TAILS if tails or abs(t) < 1e300]
        ptext = ";".join("%s=%s" % (k, v) for k, v in params.items())
        for x in xs:
            try:
                f, df, d2f = reference(code, params, x)
            except ZeroDivisionError:
                continue  # a pole at this x (log(0)'): no row
            rows.append([formula, ptext, repr(x), repr(f), repr(df), repr(d2f)])
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", newline="") as f:
        f.write("# Made by scripts/make_formula_reference.py (mpmath %s); do not edit.\n"
                % mpmath.__version__)
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["formula", "params", "x", "f", "df", "d2f"])
        w.writerows(rows)
    print("%d rows for %d formulas -> %s" % (len(rows), len(FORMULAS), out))


if __name__ == "__main__":
    main()
