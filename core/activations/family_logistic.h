#pragma once
// Kernels built on the logistic function and tanh: Sigmoid, Tanh, LogSigmoid, Softplus, SiLU,
// Mish, Softsign and Tanhshrink. The registry rows that describe them are in
// family_logistic.cpp. All are smooth, so they run in double (kWide) and round once for float.

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "kernel_adapter.h"
#include "numerics.h"

namespace actlab::kernels {

using kernel::NoParams;

struct Sigmoid : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {0.0, 1.0}; }
    static double f(double x, NoParams) { return num::sigmoid(x); }
    static double df(double x, NoParams) { return num::sigmoidPrime(x); }
    // σ″ = σ′·(1 − 2σ) = −σ′·tanh(x/2); the tanh form has no cancellation near x = 0.
    static double d2f(double x, NoParams) { return -num::sigmoidPrime(x) * std::tanh(0.5 * x); }
    static void fdf(double x, NoParams, double& y, double& dy) {
        const double e = std::exp(-std::fabs(x));
        const num::DoubleDouble d = num::twoSum(1.0, e);
        y = num::div({x >= 0 ? 1.0 : e, 0.0}, d);
        dy = num::divSquare({e, 0.0}, d);
    }
};

struct Tanh : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {0.0, 1.0}; }
    static double f(double x, NoParams) { return num::tanh(x); }
    // sech²(x) rather than torch's 1 − y², which is 0 beyond |x| ≈ 18.7 and 6.7e7 ulp off before.
    static double df(double x, NoParams) { return num::sech2(x); }
    static double d2f(double x, NoParams) { return -2.0 * std::tanh(x) * num::sech2(x); }
};

struct LogSigmoid : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {1.0, std::numbers::ln2}; }
    // log σ(x) = min(x, 0) − log1p(e^(−|x|)): both terms have the same sign, so nothing cancels.
    static double f(double x, NoParams) {
        return (x < 0 ? x : 0.0) - std::log1p(std::exp(-std::fabs(x)));
    }
    static double df(double x, NoParams) { return num::sigmoid(-x); }
    static double d2f(double x, NoParams) { return -num::sigmoidPrime(x); }
};

/// Softplus(β, threshold) = log(1 + e^(βx))/β, and exactly x once x·β > threshold (PyTorch's
/// switch, strict and evaluated in the working type).
struct Softplus {
    static constexpr bool kWide = true;
    /// softplus(z) ≤ |z| + ln 2, divided by |β|; x itself on the linear side.
    static LinearGrowth growth(const ParamValues& v) {
        return {1.0, std::numbers::ln2 / std::fabs(v[0])};
    }
    static constexpr ParamSpec kParams[] = {
        {.id = "beta",
         .symbol = "β",
         .label = {"β (sharpness)", "β（陡峭度）"},
         .tooltip = {"Larger β bends the curve more sharply towards ReLU.",
                     "β 越大，拐角越尖，曲线越接近 ReLU。"},
         .defaultValue = 1.0,
         .min = 0.1,
         .max = 10.0,
         .step = 0.1},
        {.id = "threshold",
         .symbol = "θ",
         .label = {"threshold", "阈值"},
         .tooltip = {"Above x·β > threshold PyTorch returns x itself, for numerical stability.",
                     "当 x·β 超过阈值时，PyTorch 直接返回 x，以保证数值稳定。"},
         .defaultValue = 20.0,
         .min = 1.0,
         .max = 40.0,
         .step = 0.5},
    };
    struct P {
        double beta, threshold;
        bool float32;
    };
    template <class T>
    static P bind(const ParamValues& v) {
        return {static_cast<T>(v[0]), static_cast<T>(v[1]), sizeof(T) == sizeof(float)};
    }
    static std::string validate(const ParamValues& v) {
        return v[0] == 0 ? "beta must not be 0 (Softplus divides by beta)" : "";
    }
    static std::vector<double> kinks(const ParamValues& v) { return {v[1] / v[0]}; }

    static bool linear(double x, const P& p) {
        // For float the product is rounded to float before the comparison, as in the float kernel.
        const double xb = p.float32 ? static_cast<float>(x * p.beta) : x * p.beta;
        return xb > p.threshold;
    }
    /// βx with its rounding error: softplus(z) ≈ e^z for z ≪ 0, whose relative condition is |z|.
    static num::DoubleDouble arg(double x, const P& p) {
        const num::DoubleDouble z = num::twoProd(p.beta, x);
        return std::isfinite(z.hi) ? z : num::DoubleDouble{z.hi, 0.0};
    }

    static double f(double x, const P& p) {
        if (linear(x, p)) return x;
        const num::DoubleDouble z = arg(x, p);
        // Below z ≈ −700, softplus(z) = e^z to double precision; scale so it is not subnormal
        // before the division by β.
        if (z.hi < num::kTailThreshold)
            return std::ldexp(num::expScaledTail(z) / p.beta, -num::kTailScale);
        const double sp = (z.hi > 0 ? z.hi : 0.0) + std::log1p(std::exp(-std::fabs(z.hi)));
        return std::fma(num::sigmoid(z.hi), z.lo, sp) / p.beta;
    }
    static double df(double x, const P& p) {
        if (std::isnan(x)) return x;
        if (linear(x, p)) return 1.0;
        const num::DoubleDouble z = arg(x, p);
        return std::fma(num::sigmoidPrime(z.hi), z.lo, num::sigmoid(z.hi));
    }
    static double d2f(double x, const P& p) {
        if (std::isnan(x)) return x;
        if (linear(x, p)) return 0.0;
        return p.beta * num::sigmoidPrime(p.beta * x);
    }
};

/// SiLU (Swish): x·σ(x).
struct SiLU : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    // Beyond these the results are ±0 or the asymptote, and the formulas would meet inf·0.
    static constexpr double kLow = -800.0;
    static constexpr double kHigh = 800.0;

    static double f(double x, NoParams) {
        if (x > kHigh || std::isnan(x)) return x;
        if (x >= 0) return num::div({x, 0.0}, num::twoSum(1.0, std::exp(-x)));  // x/(1 + e⁻ˣ)
        if (x < kLow) return -0.0;
        if (x < num::kTailThreshold) return num::mulExp(x, {x, 0.0});
        const double e = std::exp(x);
        return num::div(num::twoProd(x, e), num::twoSum(1.0, e));  // x·eˣ/(1 + eˣ)
    }
    // f′ = σ(x)·(1 + x·σ(−x)), over the common denominator (1 + e)² with the numerator kept
    // exact: (1 + e + x·e)/(1 + e)² with e = e⁻ˣ for x ≥ 0, and e·(1 + x + e)/(1 + e)² with e = eˣ
    // for x < 0, where 1 + x is exact for x ≤ −0.5 (Sterbenz).
    static double df(double x, NoParams) {
        if (x >= 0) {
            if (x > kHigh) return 1.0;
            const double e = std::exp(-x);
            const num::DoubleDouble d = num::twoSum(1.0, e);
            return num::divSquare(num::add(d, num::twoProd(x, e)), d);
        }
        if (x < kLow) return -0.0;
        if (x < num::kTailThreshold) return num::mulExp(1.0 + x, {x, 0.0});
        const double e = std::exp(x);
        const num::DoubleDouble d = num::twoSum(1.0, e);
        return num::divSquare(num::mul(num::twoSum(1.0 + x, e), e), d);
    }
    // f″ = σ′(x)·(2 + x·(1 − 2σ(x))) = σ′(x)·(2 − x·tanh(x/2)).
    static double d2f(double x, NoParams) {
        if (std::fabs(x) > kHigh) return 0.0;
        return num::sigmoidPrime(x) * (2.0 - x * std::tanh(0.5 * x));
    }
};

/// Mish: x·tanh(softplus(x)). With e = eˣ, tanh(log(1 + e)) = n/(n + 2), n = e(e + 2); for
/// x > 0 the same is written with e = e⁻ˣ so that nothing overflows.
struct Mish : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    static constexpr double kLow = -800.0;
    static constexpr double kHigh = 800.0;

    /// t = tanh(softplus(x)), σ(x) and sech²(softplus(x)), for f″.
    struct Parts {
        double t, sigma, sech2;
    };
    static Parts parts(double x) {
        if (x <= 0) {
            const double e = std::exp(x);
            const double n = e * (e + 2.0);
            const double d = n + 2.0;
            return {n / d, e / (1.0 + e), 4.0 * (1.0 + e) * (1.0 + e) / (d * d)};
        }
        const double e = std::exp(-x);
        const double d = 1.0 + 2.0 * e + 2.0 * e * e;
        return {(1.0 + 2.0 * e) / d, 1.0 / (1.0 + e), 4.0 * (1.0 + e) * (1.0 + e) * e * e / (d * d)};
    }
    static double f(double x, NoParams) {
        if (x > kHigh || std::isnan(x)) return x;
        if (x < kLow) return -0.0;
        // Far left, tanh(softplus(x)) = eˣ to double precision: keep x·eˣ out of the subnormals.
        if (x < num::kTailThreshold) return num::mulExp(x, {x, 0.0});
        if (x <= 0) {  // x·n/(n + 2), n = e(e + 2), all in double-double
            const double e = std::exp(x);
            const num::DoubleDouble n = num::mul(num::twoSum(e, 2.0), e);
            return num::div(num::mul(n, x), num::add(n, {2.0, 0.0}));
        }
        // x·(1 + 2e)/(1 + 2e + 2e²), e = e⁻ˣ
        const double e = std::exp(-x);
        const num::DoubleDouble a = num::twoSum(1.0, 2.0 * e);
        return num::div(num::mul(a, x), num::add(a, num::twoProd(2.0 * e, e)));
    }
    // f′ = t + x·t′ over the common denominator, so that the two terms, which have opposite signs
    // for x < 0, are added exactly. For x ≤ 0, with e = eˣ and D = n + 2:
    //   f′ = e·[4(1 + x) + e(6 + 4x + e(4 + e))]/D²,
    // where 4(1 + x) is exact for x ≤ −0.5. For x > 0, with e = e⁻ˣ and d = 1 + 2e + 2e²:
    //   f′ = [(1 + 2e)·d + 4x·e²(1 + e)]/d².
    static double df(double x, NoParams) {
        if (x < kLow) return -0.0;
        if (x > kHigh) return 1.0;
        if (x < num::kTailThreshold) return num::mulExp(1.0 + x, {x, 0.0});
        if (x <= 0) {
            const double e = std::exp(x);
            const num::DoubleDouble n = num::mul(num::twoSum(e, 2.0), e);
            const double small = e * (6.0 + 4.0 * x + e * (4.0 + e));
            const num::DoubleDouble b = num::twoSum(4.0 * (1.0 + x), small);
            return num::divSquare(num::mul(b, e), num::add(n, {2.0, 0.0}));
        }
        const double e = std::exp(-x);
        const num::DoubleDouble a = num::twoSum(1.0, 2.0 * e);
        const num::DoubleDouble d = num::add(a, num::twoProd(2.0 * e, e));
        const double small = 4.0 * x * e * e * (1.0 + e);
        return num::divSquare(num::add(num::mul(a, d), {small, 0.0}), d);
    }
    // f″ = 2t′ + x·t″ with t″ = sech²(sp)·σ·(1 − σ − 2tσ).
    static double d2f(double x, NoParams) {
        if (x < kLow || x > kHigh) return 0.0;
        const Parts q = parts(x);
        return q.sech2 * q.sigma * (2.0 + x * (1.0 - q.sigma - 2.0 * q.t * q.sigma));
    }
};

/// Softsign: x/(1 + |x|).
struct Softsign : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {0.0, 1.0}; }
    static double f(double x, NoParams) {
        if (std::isinf(x)) return std::copysign(1.0, x);  // the limit; inf/inf would give NaN
        return x / (1.0 + std::fabs(x));
    }
    // 1/(1 + |x|)², not torch's autograd form, which cancels (and is 0 beyond |x| ≈ 1.5e16).
    // Beyond 1e150 the square would overflow: there the reciprocal is squared instead.
    static double df(double x, NoParams) {
        const double a = std::fabs(x);
        if (a > 1e150) {
            const double r = 1.0 / (1.0 + a);
            return r * r;
        }
        return num::divSquare({1.0, 0.0}, num::twoSum(1.0, a));
    }
    // f″ = −2·sgn(x)/(1 + |x|)³, and 0 at x = 0 (sgn(0) = 0, as torch's autograd has it).
    static double d2f(double x, NoParams) {
        if (std::isnan(x)) return x;
        if (x == 0) return 0.0;
        const double r = 1.0 / (1.0 + std::fabs(x));
        return std::copysign(2.0 * r * r * r, -x);
    }
};

/// Tanhshrink: x − tanh(x), which cancels badly near 0 (torch loses everything below 1.4e-8).
struct Tanhshrink : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 1.0}; }

    static double f(double x, NoParams) {
        const double a = std::fabs(x);
        if (a < 1.0) {
            // x − tanh x = x·x²/(D + x²), with x² exact as a double-double
            const num::DoubleDouble x2 = num::twoProd(x, x);
            return num::div(num::mul(x2, x), num::add(num::lambertD(x2.hi), x2));
        }
        // (|x| − 1) + (1 − tanh|x|): the first term is exact and both are non-negative.
        const double e = std::exp(-2.0 * a);
        return std::copysign((a - 1.0) + num::div({2.0 * e, 0.0}, num::twoSum(1.0, e)), x);
    }
    /// f′ = tanh²(x).
    static double df(double x, NoParams) {
        const double a = std::fabs(x);
        if (a < 1.0) {  // (x·D)²/(D + x²)²
            const num::DoubleDouble x2 = num::twoProd(x, x);
            const num::DoubleDouble d = num::lambertD(x2.hi);
            return num::divSquare(num::mul(num::mul(d, d), x2), num::add(d, x2));
        }
        const double e = std::exp(-2.0 * a);
        const double s = num::div({2.0 * e, 0.0}, num::twoSum(1.0, e));  // 1 − tanh|x|
        return 1.0 - s * (2.0 - s);
    }
    static double d2f(double x, NoParams) { return 2.0 * std::tanh(x) * num::sech2(x); }
};

}  // namespace actlab::kernels
