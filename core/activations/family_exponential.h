#pragma once
// The exponential linear units: ELU, CELU and SELU. Rows in family_exponential.cpp.
//
// All three use expm1 for the negative side. torch computes exp(x) − 1, which cancels near 0⁻
// (31 ulp at x = −0.01, 7.5e4 ulp at −1e-6, and exactly 0 for −5.6e-17 ≤ x < 0). At x = 0 the
// derivative takes the left branch, as in torch: ELU′(0) = α, CELU′(0) = 1, SELU′(0) = λα.

#include <cmath>
#include <string>
#include <vector>

#include "kernel_adapter.h"
#include "numerics.h"

namespace actlab::kernels {

using kernel::NoParams;

struct ELU {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues& v) { return {1.0, std::fabs(v[0])}; }
    static constexpr ParamSpec kParams[] = {
        {.id = "alpha",
         .symbol = "α",
         .label = {"α (negative saturation)", "α（负饱和值）"},
         .tooltip = {"For x → −∞ the output approaches −α.", "当 x → −∞ 时，输出趋近于 −α。"},
         .defaultValue = 1.0,
         .min = 0.0,
         .max = 3.0,
         .step = 0.05},
    };
    struct P {
        double alpha;
    };
    template <class T>
    static P bind(const ParamValues& v) {
        return {static_cast<T>(v[0])};
    }
    static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
    static double f(double x, const P& p) { return x > 0 ? x : p.alpha * std::expm1(x); }
    static double df(double x, const P& p) { return x > 0 ? 1.0 : p.alpha * std::exp(x); }
    static double d2f(double x, const P& p) { return x > 0 ? 0.0 : p.alpha * std::exp(x); }
    static void fdf(double x, const P& p, double& y, double& dy) {
        if (x > 0) {
            y = x;
            dy = 1.0;
        } else {
            y = p.alpha * std::expm1(x);
            dy = p.alpha * std::exp(x);
        }
    }
};

/// CELU: α·(e^(x/α) − 1) for x ≤ 0. The quotient x/α is carried with its exact remainder:
/// e^(x/α) has relative condition |x/α|, 20 at x = −10, α = 0.5.
struct CELU {
    static constexpr bool kWide = true;
    /// α(e^(x/α) − 1) for x ≤ 0 is bounded by |α| for α > 0, and grows exponentially for α < 0.
    static LinearGrowth growth(const ParamValues& v) {
        return v[0] > 0 ? LinearGrowth{1.0, v[0]} : LinearGrowth{HUGE_VAL, HUGE_VAL};
    }
    static constexpr ParamSpec kParams[] = {
        {.id = "alpha",
         .symbol = "α",
         .label = {"α (negative saturation)", "α（负饱和值）"},
         .tooltip = {"For x → −∞ the output approaches −α; the slope at 0 stays 1.",
                     "当 x → −∞ 时输出趋近于 −α；在 0 处斜率始终为 1。"},
         .defaultValue = 1.0,
         .min = 0.1,
         .max = 3.0,
         .step = 0.05},
    };
    struct P {
        double alpha;
    };
    template <class T>
    static P bind(const ParamValues& v) {
        return {static_cast<T>(v[0])};
    }
    static std::string validate(const ParamValues& v) {
        return v[0] != 0 ? "" : "alpha must not be 0 (CELU divides by alpha)";
    }
    static std::vector<double> kinks(const ParamValues&) { return {0.0}; }

    /// x/α as q + dq, with dq the rounding error of q.
    static num::DoubleDouble quotient(double x, double alpha) {
        const double q = x / alpha;
        if (!std::isfinite(q)) return {q, 0.0};
        return {q, std::fma(-q, alpha, x) / alpha};
    }
    static double f(double x, const P& p) {
        if (x > 0) return x;
        const num::DoubleDouble q = quotient(x, p.alpha);
        const double em1 = std::expm1(q.hi);
        // Where e^(x/α) overflows (α < 0), the correction would make ∞ − ∞.
        if (!std::isfinite(em1)) return p.alpha * em1;
        return p.alpha * std::fma(std::exp(q.hi), q.lo, em1);
    }
    static double df(double x, const P& p) {
        if (x > 0) return 1.0;
        return num::exp(quotient(x, p.alpha));
    }
    static double d2f(double x, const P& p) {
        if (x > 0) return 0.0;
        return num::exp(quotient(x, p.alpha)) / p.alpha;
    }
};

/// SELU: λ·x for x > 0, λα·(eˣ − 1) otherwise, with the exact constants of Klambauer et al.
/// carried as double-doubles so that the products round once (torch rounds λα first).
struct SELU : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {kLambda.hi, kAlphaLambda.hi}; }
    static constexpr num::DoubleDouble kLambda = {1.0507009873554805, 3.9874847667154144e-17};
    static constexpr num::DoubleDouble kAlphaLambda = {1.7580993408473768, 1.41535193800845e-17};

    static double times(num::DoubleDouble c, double v) { return std::fma(c.hi, v, c.lo * v); }
    static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
    static double f(double x, NoParams) {
        return x > 0 ? times(kLambda, x) : times(kAlphaLambda, std::expm1(x));
    }
    static double df(double x, NoParams) {
        if (std::isnan(x)) return x;
        return x > 0 ? kLambda.hi : times(kAlphaLambda, std::exp(x));
    }
    static double d2f(double x, NoParams) {
        if (std::isnan(x)) return x;
        return x > 0 ? 0.0 : times(kAlphaLambda, std::exp(x));
    }
};

}  // namespace actlab::kernels
