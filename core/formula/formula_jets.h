#pragma once
// The functions of the formula language with their first three derivatives at a point, each
// computed in a form that stays accurate in the tails (σ′ = e/(1 + e)² with e = e^(−|v|), never
// σ(1 − σ); sech² from e^(−2|v|); erf′ from e^(−v²) with v² split exactly). The evaluator
// (formula_eval.cpp) composes them with the chain rule; a third derivative is needed because
// the argument of every function carries a low part, and f′(hi + lo) ≈ f′(hi) + f″(hi)·lo.
//
// Internal to core/formula.

#include <cmath>
#include <limits>

#include "activations/numerics.h"
#include "formula_ast.h"

namespace actlab::formula::jets {

#define ACTLAB_FORMULA_INLINE inline __attribute__((always_inline))

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kMax = std::numeric_limits<double>::max();

/// g(v) and its derivatives; `own` is a correction to g0 the function computed itself (the exact
/// residual of sqrt), added to the low part of the result.
struct Jet {
    double g0 = 0, own = 0, g1 = 0, g2 = 0, g3 = 0;
};

/// a·b, except that 0·±inf is 0. In a formula an exact 0 comes from an underflow (e^(−x²) at
/// |x| = 1e300) and an infinity from an overflow (x² there), and the exponential decay wins:
/// the true product tends to 0. NaN operands stay NaN.
ACTLAB_FORMULA_INLINE double mul0(double a, double b) {
    const double p = a * b;
    // Bitwise operators, not && and ||: no branches, so the loops using it vectorise.
    const bool zeroTimesInf =
        ((a == 0) & (std::fabs(b) == kInf)) | ((b == 0) & (std::fabs(a) == kInf));
    return zeroTimesInf ? 0.0 : p;
}

ACTLAB_FORMULA_INLINE bool finite(double v) {
    return std::fabs(v) <= kMax;
}

/// Makes hi the double nearest to hi + lo and lo the remainder; a low part that is not finite
/// (from inf − inf inside an error term) is dropped, and an infinite or NaN hi has lo = 0.
/// A zero lo leaves hi as it is, so the sign of a zero survives.
ACTLAB_FORMULA_INLINE void renormalise(double& hi, double& lo) {
    const double l = finite(lo) ? lo : 0.0;
    const double s = hi + l;
    const double r = l - (s - hi);
    hi = l == 0 ? hi : s;
    lo = finite(s) ? r : 0.0;
}

/// e^(−v²), with v² split exactly (v² = p + pl) so that the result does not suffer from the
/// rounding of v²: exp's relative condition number is v², 25 at v = 5.
ACTLAB_FORMULA_INLINE double expNegSquare(double v) {
    const double p = v * v;
    const double pl = std::fma(v, v, -p);
    const double e = std::exp(-p);
    return finite(pl) ? e - e * pl : e;
}

/// 1 − 2σ(v) from e = e^(−|v|): −tanh(v/2), with expm1 near 0 where 1 − e cancels.
ACTLAB_FORMULA_INLINE double oneMinusTwoSigmoid(double v, double e) {
    const double a = std::fabs(v);
    const double m = (a < 0.5 ? -std::expm1(-a) : 1.0 - e) / (1.0 + e);
    return v >= 0 ? -m : m;
}

template <int K>
ACTLAB_FORMULA_INLINE void sigmoid(double v, Jet& j) {
    const double e = std::exp(-std::fabs(v));
    const num::DoubleDouble d = num::twoSum(1.0, e);
    j.g0 = num::div({v >= 0 ? 1.0 : e, 0.0}, d);
    j.g1 = num::divSquare({e, 0.0}, d);
    if constexpr (K >= 2) j.g2 = j.g1 * oneMinusTwoSigmoid(v, e);
    if constexpr (K >= 3) j.g3 = j.g1 * (1.0 - 6.0 * j.g1);
}

// softplus(v) = max(v, 0) + log1p(e^(−|v|)): both terms ≥ 0, nothing overflows or cancels.
template <int K>
ACTLAB_FORMULA_INLINE void softplus(double v, Jet& j) {
    const double e = std::exp(-std::fabs(v));
    const num::DoubleDouble d = num::twoSum(1.0, e);
    j.g0 = (v < 0 ? 0.0 : v) + std::log1p(e);
    j.g1 = num::div({v >= 0 ? 1.0 : e, 0.0}, d);
    if constexpr (K >= 2) j.g2 = num::divSquare({e, 0.0}, d);
    if constexpr (K >= 3) j.g3 = j.g2 * oneMinusTwoSigmoid(v, e);
}

template <int K>
ACTLAB_FORMULA_INLINE void tanh(double v, Jet& j) {
    const double t = std::tanh(v);
    j.g0 = t;
    j.g1 = num::sech2(v);  // 4e/(1 + e)², e = e^(−2|v|): 1 − t² is 0 beyond |v| ≈ 19
    if constexpr (K >= 2) j.g2 = -2.0 * t * j.g1;
    if constexpr (K >= 3) j.g3 = j.g1 * (4.0 * t * t - 2.0 * j.g1);
}

// atan′ = 1/(1 + v²); beyond |v| = 1 written with w = 1/v, so that v² cannot overflow and the
// third derivative (6v² − 2)/(1 + v²)³ does not meet inf·0.
template <int K>
ACTLAB_FORMULA_INLINE void atan(double v, Jet& j) {
    j.g0 = std::atan(v);
    if (std::fabs(v) <= 1) {
        const double q = 1.0 / (1.0 + v * v);
        j.g1 = q;
        if constexpr (K >= 2) j.g2 = -2.0 * v * q * q;
        if constexpr (K >= 3) j.g3 = (6.0 * v * v - 2.0) * q * q * q;
    } else {
        const double w = 1.0 / v, w2 = w * w;
        const double p = 1.0 / (1.0 + w2);
        j.g1 = w2 * p;
        if constexpr (K >= 2) j.g2 = -2.0 * w * w2 * p * p;
        if constexpr (K >= 3) j.g3 = (6.0 - 2.0 * w2) * w2 * w2 * p * p * p;
    }
}

// erf′ = (2/√π)·e^(−v²), erf″ = −2v·erf′, erf‴ = (4v² − 2)·erf′; erfc is the negative.
template <int K>
ACTLAB_FORMULA_INLINE void erfFamily(double v, Jet& j, bool complement) {
    constexpr double kTwoOverSqrtPi = 1.1283791670955126;
    j.g0 = complement ? std::erfc(v) : std::erf(v);
    j.g1 = (complement ? -kTwoOverSqrtPi : kTwoOverSqrtPi) * expNegSquare(v);
    if constexpr (K >= 2) j.g2 = mul0(-2.0 * v, j.g1);
    if constexpr (K >= 3) j.g3 = mul0(4.0 * v * v - 2.0, j.g1);
}

// sqrt with the exact residual v − r² (one fma) as its own low part; the derivatives are
// ½r⁻¹, −¼r⁻¹v⁻¹ and ⅜r⁻¹v⁻², so nothing squares r or v beyond what the result needs.
template <int K>
ACTLAB_FORMULA_INLINE void sqrt(double v, Jet& j) {
    const double r = std::sqrt(v);
    j.g0 = r;
    j.own = r > 0 && finite(r) ? std::fma(-r, r, v) / (2.0 * r) : 0.0;
    j.g1 = 0.5 / r;
    if constexpr (K >= 2) j.g2 = -0.5 * j.g1 / v;
    if constexpr (K >= 3) j.g3 = -1.5 * j.g2 / v;
}

template <int K>
ACTLAB_FORMULA_INLINE void reciprocalFamily(double g0, double r, Jet& j) {
    j.g0 = g0;
    j.g1 = r;
    if constexpr (K >= 2) j.g2 = -r * r;
    if constexpr (K >= 3) j.g3 = 2.0 * r * r * r;
}

/// g, g′, g″, g‴ of fn at v, up to the K-th derivative.
template <int K>
ACTLAB_FORMULA_INLINE void unary(Function fn, double v, Jet& j) {
    switch (fn) {
        case Function::Exp: {
            const double e = std::exp(v);
            j = {e, 0.0, e, e, e};
            break;
        }
        case Function::Expm1: {
            const double e = std::exp(v);
            j = {std::expm1(v), 0.0, e, e, e};
            break;
        }
        case Function::Log:
            reciprocalFamily<K>(std::log(v), 1.0 / v, j);
            break;
        case Function::Log1p:
            reciprocalFamily<K>(std::log1p(v), 1.0 / (1.0 + v), j);
            break;
        case Function::Sqrt:
            sqrt<K>(v, j);
            break;
        case Function::Abs:
            // abs′(0) = 0, as PyTorch's sign(0) = 0.
            j = {std::fabs(v), 0.0, v > 0 ? 1.0 : v < 0 ? -1.0 : v == 0 ? 0.0 : kNaN, 0.0, 0.0};
            break;
        case Function::Sign:
            j = {v > 0 ? 1.0 : v < 0 ? -1.0 : v == 0 ? 0.0 : kNaN, 0, 0, 0, 0};
            break;
        case Function::Sin: {
            const double s = std::sin(v), c = std::cos(v);
            j = {s, 0.0, c, -s, -c};
            break;
        }
        case Function::Cos: {
            const double s = std::sin(v), c = std::cos(v);
            j = {c, 0.0, -s, -c, s};
            break;
        }
        case Function::Tan: {
            const double t = std::tan(v), q = 1.0 + t * t;
            j = {t, 0.0, q, 2.0 * t * q, 2.0 * q * (1.0 + 3.0 * t * t)};
            break;
        }
        case Function::Tanh:
            tanh<K>(v, j);
            break;
        case Function::Sinh: {
            const double s = std::sinh(v), c = std::cosh(v);
            j = {s, 0.0, c, s, c};
            break;
        }
        case Function::Cosh: {
            const double s = std::sinh(v), c = std::cosh(v);
            j = {c, 0.0, s, c, s};
            break;
        }
        case Function::Atan:
            atan<K>(v, j);
            break;
        case Function::Erf:
            erfFamily<K>(v, j, false);
            break;
        case Function::Erfc:
            erfFamily<K>(v, j, true);
            break;
        case Function::Sigmoid:
            sigmoid<K>(v, j);
            break;
        case Function::Softplus:
            softplus<K>(v, j);
            break;
        default:
            j = {kNaN, 0, kNaN, kNaN, kNaN};
            break;  // not unary: never compiled to Unary
    }
}

/// v^c and its derivatives for c independent of x. Away from 0 and overflow they follow from
/// v^c by division (c·v^c/v, ...), one pow per element; elsewhere each is its own pow, with a
/// zero coefficient winning over an infinite power (x^1 at 0 has x″ = 0·0⁻¹ = 0).
template <int K>
ACTLAB_FORMULA_INLINE void power(double v, double c, Jet& j) {
    j.g0 = std::pow(v, c);
    if (v != 0 && finite(v) && finite(j.g0) && j.g0 != 0) {
        j.g1 = c * j.g0 / v;
        if constexpr (K >= 2) j.g2 = (c - 1.0) * j.g1 / v;
        if constexpr (K >= 3) j.g3 = (c - 2.0) * j.g2 / v;
    } else {
        j.g1 = mul0(c, std::pow(v, c - 1.0));
        if constexpr (K >= 2) j.g2 = mul0(c * (c - 1.0), std::pow(v, c - 2.0));
        if constexpr (K >= 3) j.g3 = mul0(c * (c - 1.0) * (c - 2.0), std::pow(v, c - 3.0));
    }
}

/// sqrt(v² + c) for c independent of x: with v² split exactly (the low parts of v and c
/// included in `vlo`, `clo`) below |v| = 1e150, and as |v|·sqrt(1 + c/v²) above, where v²
/// would overflow. g′ = v/r, g″ = c/r³, g‴ = −3g″·g′/r.
template <int K>
ACTLAB_FORMULA_INLINE void sqrtSumSquare(double v, double vlo, double c, double clo, Jet& j) {
    double r, own;
    if (std::fabs(v) <= 1e150) {
        const num::DoubleDouble p = num::twoProd(v, v);
        const num::DoubleDouble s = num::twoSum(p.hi, c);
        const double low = s.lo + p.lo + clo + 2.0 * v * vlo;
        r = std::sqrt(s.hi);
        own = r > 0 && finite(r) ? (std::fma(-r, r, s.hi) + low) / (2.0 * r) : 0.0;
    } else {
        r = std::fabs(v) * std::sqrt(1.0 + c / v / v);
        own = finite(r) ? std::copysign(vlo, v) : 0.0;
    }
    j.g0 = r;
    j.own = own;
    // With c = 0 this is abs(v), and at v = 0 abs′(0) = 0, abs″(0) = 0 (the kink convention).
    const bool kink = r == 0 && c == 0;
    j.g1 = kink ? 0.0 : r > 0 ? v / r : std::copysign(kInf, v);
    if constexpr (K >= 2) j.g2 = kink ? 0.0 : c / r / r / r;
    if constexpr (K >= 3) j.g3 = kink ? 0.0 : -3.0 * j.g2 * j.g1 / r;
}

}  // namespace actlab::formula::jets
