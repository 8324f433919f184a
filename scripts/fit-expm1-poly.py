#!/usr/bin/python3
"""Fits q(r) = (expm1(r) - r)/r^2 on [-ln2/2, ln2/2] with a Chebyshev fit of degree 10 at 50
digits, and prints the coefficients (ascending, rounded to double, as C hex literals) and the
worst relative error of r + r^2*q(r) against expm1(r) on 20,001 points. The coefficients of
reduceExp in core/activations/fast_exp.h come from this script (python3-mpmath)."""
import mpmath as mp

mp.mp.dps = 50
HALF_LN2 = mp.log(2) / 2


def q(r):
    return (mp.expm1(r) - r) / r**2 if r != 0 else mp.mpf(1) / 2


poly = mp.chebyfit(q, [-HALF_LN2, HALF_LN2], 11)
coefficients = [float(c) for c in poly[::-1]]
worst = mp.mpf(0)
for i in range(20001):
    r = -HALF_LN2 + 2 * HALF_LN2 * i / 20000
    if r == 0:
        continue
    value = r + r * r * sum(mp.mpf(c) * r**k for k, c in enumerate(coefficients))
    worst = max(worst, abs(value / mp.expm1(r) - 1))
print(", ".join(c.hex() for c in coefficients))
print("worst relative error", mp.nstr(worst, 3), "=", mp.nstr(worst / mp.mpf(2) ** -53, 3), "ulp")
