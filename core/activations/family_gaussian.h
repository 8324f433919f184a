#pragma once
// GELU, exact (x·Φ(x)) and with PyTorch's tanh approximation. Rows in family_gaussian.cpp.
//
// torch computes 0.5·x·(1 + erf(x/√2)) and 0.5·x·(1 + tanh(u)): both cancel for x < 0 (90 ulp
// at x = −3, everything below x ≈ −8.4). Here Φ comes from erfc and the tanh form from σ(2u),
// which have no cancellation; the arguments x/√2, x²/2 and u are carried as double-doubles
// because erfc, exp and σ amplify their rounding error by up to 2z², 50 and 2|u|.

#include <cmath>

#include "kernel_adapter.h"
#include "numerics.h"

namespace actlab::kernels {

using kernel::NoParams;

namespace gauss {

inline constexpr num::DoubleDouble kSqrtHalf = {0.7071067811865476, -4.833646656726457e-17};
inline constexpr num::DoubleDouble kInvSqrt2Pi = {0.3989422804014327, -2.49232720227773e-17};
inline constexpr double kTwoOverSqrtPi = 1.1283791670955126;

inline double times(num::DoubleDouble c, double v) { return std::fma(c.hi, v, c.lo * v); }

/// −x²/2 as a double-double.
inline num::DoubleDouble minusHalfSquare(double x) {
    const num::DoubleDouble s = num::twoProd(x, x);
    return {-0.5 * s.hi, -0.5 * s.lo};
}

/// a·φ(x), φ the standard normal density, accurate also where φ(x) is subnormal.
inline double timesPdf(double a, double x) {
    return num::mulExp(times(kInvSqrt2Pi, a), minusHalfSquare(x));
}

/// Φ(x) = erfc(−x/√2)/2, with the rounding error of the argument corrected to first order.
inline double cdf(double x) {
    const num::DoubleDouble z = num::mul(kSqrtHalf, -x);
    const double correction = -z.lo * kTwoOverSqrtPi * std::exp(-z.hi * z.hi);
    return 0.5 * (std::erfc(z.hi) + correction);
}

/// |x|·Φ(x)/φ(x) for x ≪ 0, from the asymptotic series Σ (−1)ⁿ(2n−1)!!/x²ⁿ; below x = −36
/// the tenth term is under 1e-20.
inline double scaledMills(double x) {
    const double r = 1.0 / (x * x);
    double sum = 0.0;
    for (int n = 10; n >= 1; --n) sum = (2 * n - 1) * r * (1.0 - sum);
    return 1.0 - sum;
}

}  // namespace gauss

struct GELU : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    static constexpr double kTail = -36.0;  // below: asymptotic series, φ scaled
    static constexpr double kZero = -40.0;  // below: f and f′ round to −0
    static constexpr double kOne = 40.0;    // above: Φ = 1 to double precision

    static double f(double x, NoParams) {
        if (x > kOne || std::isnan(x)) return x;
        if (x < kZero) return -0.0;
        if (x < kTail) return gauss::timesPdf(-gauss::scaledMills(x), x);  // x·Φ = −S·φ
        return x * gauss::cdf(x);
    }
    static double df(double x, NoParams) {
        if (std::isnan(x)) return x;
        if (x > kOne) return 1.0;
        if (x < kZero) return -0.0;
        if (x < kTail) {  // Φ + xφ = −φ·(|x| − S/|x|)
            const double a = -x;
            return gauss::timesPdf(-(a - gauss::scaledMills(x) / a), x);
        }
        return std::fma(x, gauss::timesPdf(1.0, x), gauss::cdf(x));
    }
    static double d2f(double x, NoParams) {
        if (std::isnan(x)) return x;
        if (std::fabs(x) > kOne) return 0.0;
        return gauss::timesPdf(2.0 - x * x, x);  // φ·(2 − x²)
    }
};

/// GELU with approximate='tanh': 0.5·x·(1 + tanh(u)) = x·σ(2u), u = √(2/π)·(x + 0.044715·x³).
struct GELUTanh : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    static constexpr num::DoubleDouble kBeta = {0.7978845608028654, -4.98465440455546e-17};
    static constexpr num::DoubleDouble kKappa = {0.044715, 2.1960211427085595e-18};
    static constexpr num::DoubleDouble kThreeKappa = {0.134145, 1.3526957332032908e-17};
    static constexpr double kLimit = 30.0;  // |x| above: f = x or −0 exactly, f′ = 1 or −0

    /// 2u and u′ = √(2/π)·(1 + 3κx²), both as double-doubles.
    struct Args {
        num::DoubleDouble twoU, uPrime;
    };
    static Args args(double x) {
        const num::DoubleDouble x2 = num::twoProd(x, x);
        const num::DoubleDouble inner = num::add(num::mul(num::mul(x2, x), kKappa), {x, 0.0});
        const num::DoubleDouble u = num::mul(inner, kBeta);
        const num::DoubleDouble up = num::mul(num::add({1.0, 0.0}, num::mul(x2, kThreeKappa)), kBeta);
        return {{2.0 * u.hi, 2.0 * u.lo}, up};
    }
    static double f(double x, NoParams) {
        if (x > kLimit || std::isnan(x)) return x;
        if (x < -kLimit) return -0.0;
        const Args a = args(x);
        if (a.twoU.hi < num::kTailThreshold) return num::mulExp(x, a.twoU);  // σ(2u) = e²ᵘ
        // x·σ(2u) = x/(1 + E) for u ≥ 0 and x·E/(1 + E) for u < 0, E = e^(−2|u|)
        const bool positive = a.twoU.hi >= 0;
        const double e = num::exp(positive ? num::DoubleDouble{-a.twoU.hi, -a.twoU.lo} : a.twoU);
        const num::DoubleDouble d = num::twoSum(1.0, e);
        return num::div(positive ? num::DoubleDouble{x, 0.0} : num::twoProd(x, e), d);
    }
    // f′ = σ(2u)·(1 + 2x·u′·σ(−2u)), over the common denominator (1 + E)²:
    //   u ≥ 0: ((1 + E) + 2xu′·E)/(1 + E)²,   u < 0: E·((1 + E) + 2xu′)/(1 + E)².
    static double df(double x, NoParams) {
        if (std::isnan(x)) return x;
        if (x > kLimit) return 1.0;
        if (x < -kLimit) return -0.0;
        const Args a = args(x);
        const num::DoubleDouble twoXuPrime = num::mul(a.uPrime, 2.0 * x);
        if (a.twoU.hi < num::kTailThreshold)
            return num::mulExp(twoXuPrime.hi + (1.0 + twoXuPrime.lo), a.twoU);
        const bool positive = a.twoU.hi >= 0;
        const double e = num::exp(positive ? num::DoubleDouble{-a.twoU.hi, -a.twoU.lo} : a.twoU);
        const num::DoubleDouble d = num::twoSum(1.0, e);
        if (positive) return num::divSquare(num::add(d, num::mul(twoXuPrime, e)), d);
        return num::divSquare(num::mul(num::add(d, twoXuPrime), e), d);
    }
    // f″ = σ′(2u)·(4u′ + 2x·u″ + 4x·u′²·(1 − 2σ(2u))), u″ = 6√(2/π)κx.
    static double d2f(double x, NoParams) {
        if (std::isnan(x)) return x;
        if (std::fabs(x) > kLimit) return 0.0;
        const Args a = args(x);
        const double up = a.uPrime.hi;
        const double upp = 6.0 * kBeta.hi * kKappa.hi * x;
        const double oneMinus2s = -std::tanh(0.5 * a.twoU.hi);
        return num::sigmoidPrime(a.twoU.hi) *
               (4.0 * up + 2.0 * x * upp + 4.0 * x * up * up * oneMinus2s);
    }
};

}  // namespace actlab::kernels
