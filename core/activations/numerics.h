#pragma once
// Numerical building blocks shared by the activation kernels.
//
// Every smooth kernel is computed in double, also for float inputs: the float result is then a
// single rounding of a value that is accurate to a few double ulps, so float results are within
// one float ulp of the correctly rounded value. The helpers here keep double accurate too:
// error-free transformations (two-sum, two-product via fma) carry the rounding error of an
// argument into functions whose condition number is large (exp(−x²/2) at x = −10 amplifies a
// half-ulp argument error fifty-fold), and a scaled exponential keeps x·eˣ accurate where eˣ
// alone is subnormal.

#include <cmath>
#include <limits>

namespace actlab::num {

/// A value hi + lo with |lo| ≤ ulp(hi)/2: about 106 significant bits.
struct DoubleDouble {
    double hi;
    double lo;
};

/// Exact sum: a + b = s.hi + s.lo.
inline DoubleDouble twoSum(double a, double b) {
    const double s = a + b;
    const double bb = s - a;
    const double err = (a - (s - bb)) + (b - bb);
    return {s, err};
}

/// Exact product: a·b = p.hi + p.lo (fma makes the low part exact).
inline DoubleDouble twoProd(double a, double b) {
    const double p = a * b;
    return {p, std::fma(a, b, -p)};
}

/// (a.hi + a.lo)·b to about 106 bits.
inline DoubleDouble mul(DoubleDouble a, double b) {
    DoubleDouble p = twoProd(a.hi, b);
    p.lo = std::fma(a.lo, b, p.lo);
    return twoSum(p.hi, p.lo);
}

/// (a.hi + a.lo)·(b.hi + b.lo) to about 106 bits.
inline DoubleDouble mul(DoubleDouble a, DoubleDouble b) {
    DoubleDouble p = twoProd(a.hi, b.hi);
    p.lo = std::fma(a.hi, b.lo, std::fma(a.lo, b.hi, p.lo));
    return twoSum(p.hi, p.lo);
}

/// (a.hi + a.lo) + (b.hi + b.lo) to about 106 bits.
inline DoubleDouble add(DoubleDouble a, DoubleDouble b) {
    DoubleDouble s = twoSum(a.hi, b.hi);
    s.lo += a.lo + b.lo;
    return twoSum(s.hi, s.lo);
}

/// eᶻ for z = hi + lo. The first-order term carries lo, so the result does not suffer from the
/// rounding of z: exp's relative condition number is |z|, up to 745.
inline double exp(DoubleDouble z) {
    const double e = std::exp(z.hi);
    if (e == 0 || std::isinf(e)) return e;  // the correction would only turn these into NaN
    return std::fma(e, z.lo, e);
}

// A power of two that lifts values of about e⁻⁷⁴⁵ well into the normal range. Products such as
// x·eˣ are formed at the scale 2¹²⁸ and brought down with one final rounding, so a subnormal eˣ
// never loses bits before it is multiplied (x·eˣ at x = −740 would otherwise be 370 ulp off).
inline constexpr int kTailScale = 128;
inline constexpr DoubleDouble kTailScaleLn2 = {88.722839111673, 2.9683799217232634e-15};
inline constexpr double kTailThreshold = -700.0;

/// eᶻ·2^kTailScale for very negative z (z.hi < kTailThreshold), computed without underflow.
inline double expScaledTail(DoubleDouble z) {
    if (z.hi < -2000.0) return 0.0;  // far below the smallest subnormal even after scaling
    const DoubleDouble s = twoSum(z.hi, kTailScaleLn2.hi);
    return exp(DoubleDouble{s.hi, s.lo + (z.lo + kTailScaleLn2.lo)});
}

/// factor·eᶻ, accurate also when eᶻ is subnormal or underflows on its own.
inline double mulExp(double factor, DoubleDouble z) {
    if (z.hi >= kTailThreshold) return factor * exp(z);
    return std::ldexp(factor * expScaledTail(z), -kTailScale);
}

/// (a.hi + a.lo)/(d.hi + d.lo) with one final rounding (to within a hair of half an ulp):
/// the remainder of the first quotient is exact (fma) and carries the low parts.
inline double div(DoubleDouble a, DoubleDouble d) {
    const double q = a.hi / d.hi;
    const double r = std::fma(-q, d.hi, a.hi) + a.lo;
    return q + std::fma(-q, d.lo, r) / d.hi;
}

/// (a.hi + a.lo)/(d.hi + d.lo)², as div() with the square formed exactly (two-product).
inline double divSquare(DoubleDouble a, DoubleDouble d) {
    const DoubleDouble p = twoProd(d.hi, d.hi);
    return div(a, {p.hi, std::fma(2.0 * d.hi, d.lo, p.lo)});
}

/// The logistic function σ(z) = 1/(1 + e⁻ᶻ), within about one ulp for every z: e^(−|z|) never
/// overflows, neither side cancels, and 1 + e is kept exact (two-sum) for the division.
inline double sigmoid(double z) {
    const double e = std::exp(-std::fabs(z));
    return div({z >= 0 ? 1.0 : e, 0.0}, twoSum(1.0, e));
}

/// σ(z)·σ(−z) = σ′(z) = e/(1 + e)², e = e^(−|z|), accurate in both tails (the textbook σ(1 − σ)
/// is 0 beyond z ≈ 37 and 2e4 ulp off before).
inline double sigmoidPrime(double z) {
    const double e = std::exp(-std::fabs(z));
    return divSquare({e, 0.0}, twoSum(1.0, e));
}

/// sech²(x) = 1 − tanh²(x) without cancellation: 4e/(1 + e)², e = e^(−2|x|).
inline double sech2(double x) {
    const double a = std::fabs(x);
    if (a > 350.0) return mulExp(4.0, {-2.0 * a, 0.0});  // e is subnormal: scale it
    const double e = std::exp(-2.0 * a);
    return 4.0 * divSquare({e, 0.0}, twoSum(1.0, e));
}

/// The denominator D of Lambert's continued fraction: tanh(x) = x·D/(D + x²) with
/// D = 3 + x²/(5 + x²/(7 + …)). All terms are positive, so nothing cancels, and twelve levels
/// converge to double precision for |x| < 1. The last step is kept as a double-double: its
/// rounding would otherwise pass straight into the result.
inline DoubleDouble lambertD(double x2) {
    double d = 25.0;
    for (int k = 11; k >= 2; --k) d = (2 * k + 1) + x2 / d;
    return twoSum(3.0, x2 / d);
}

/// tanh within about one ulp (glibc's is 2): Lambert's fraction below |x| = 1, and
/// 1 − 2e/(1 + e), e = e^(−2|x|), above, where the subtraction loses nothing.
inline double tanh(double x) {
    const double a = std::fabs(x);
    if (a < 1.0) {
        const DoubleDouble x2 = twoProd(x, x);
        const DoubleDouble d = lambertD(x2.hi);
        return div(mul(d, x), add(d, x2));
    }
    const double e = std::exp(-2.0 * a);
    return std::copysign(1.0 - div({2.0 * e, 0.0}, twoSum(1.0, e)), x);
}

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace actlab::num
