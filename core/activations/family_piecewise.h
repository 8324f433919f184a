#pragma once
// Piecewise kernels: ReLU and its leaky relatives, the clamps (Hardtanh, ReLU6), the hard
// approximations (Hardsigmoid, Hardswish), the shrinkers, Threshold and Identity. The rows are in
// family_piecewise.cpp.
//
// The linear pieces run in the working type T and are exact: each result is one correctly
// rounded operation, as in PyTorch. The kink conventions are PyTorch's one-sided choices
// (ReLU′(0) = 0, LeakyReLU′(0) = slope, Hardtanh′ = 0 at both bounds, Hardswish′(3) = 1.5);
// f″ is 0 on every linear piece and at the kinks, where the true second derivative is a
// Dirac delta that no curve can show. NaN gives NaN for f, f′ and f″ (torch returns 0 for
// Softshrink(NaN) and 1 for several derivatives; the reference does not).

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "kernel_adapter.h"
#include "numerics.h"

namespace actlab::kernels {

using kernel::NoParams;

/// f″ of every piecewise-linear function: 0, and NaN for NaN.
template <class T>
inline T zeroUnlessNaN(T x) {
    return std::isnan(x) ? x : T(0);
}

struct ReLU : kernel::Parameterless {
    static constexpr bool kWide = false;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    template <class T>
    static T f(T x, NoParams) {
        return x > 0 || std::isnan(x) ? x : T(0);
    }
    template <class T>
    static T df(T x, NoParams) {
        return std::isnan(x) ? x : T(x > 0 ? 1 : 0);  // f′(0) = 0
    }
    template <class T>
    static T d2f(T x, NoParams) {
        return zeroUnlessNaN(x);
    }
    static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
};

/// max(0, x) + slope·min(0, x), the shared mathematics of LeakyReLU, PReLU and RReLU (eval).
/// The derived kernels differ only in their parameters and how they give the slope.
struct LeakyLinear {
    static constexpr bool kWide = false;
    template <class T>
    struct P {
        T slope;
    };
    template <class T>
    static T f(T x, const P<T>& p) {
        if (x > 0) return x;
        const T y = x * p.slope;
        // −inf·0 is NaN, but with slope 0 the left piece is identically 0: take the limit.
        return y == y || x != x ? y : T(0);
    }
    template <class T>
    static T df(T x, const P<T>& p) {
        return std::isnan(x) ? x : (x > 0 ? T(1) : p.slope);  // f′(0) = slope
    }
    template <class T>
    static T d2f(T x, const P<T>&) {
        return zeroUnlessNaN(x);
    }
    static std::vector<double> kinks(const ParamValues&) { return {0.0}; }
};

struct LeakyReLU : LeakyLinear {
    static LinearGrowth growth(const ParamValues& v) {
        return {std::max(1.0, std::fabs(v[0])), 0.0};
    }
    static constexpr ParamSpec kParams[] = {
        {.id = "negative_slope",
         .symbol = "α",
         .label = {"negative slope", "负半轴斜率"},
         .tooltip = {"Slope of the line for x < 0; 0 gives ReLU, 1 gives the identity.",
                     "x < 0 时直线的斜率；取 0 即为 ReLU，取 1 即为恒等函数。"},
         .defaultValue = 0.01,
         .min = 0.0,
         .max = 1.0,
         .step = 0.01},
    };
    template <class T>
    static P<T> bind(const ParamValues& v) {
        return {static_cast<T>(v[0])};
    }
};

struct PReLU : LeakyLinear {
    static LinearGrowth growth(const ParamValues& v) {
        return {std::max(1.0, std::fabs(v[0])), 0.0};
    }
    static constexpr ParamSpec kParams[] = {
        {.id = "weight",
         .symbol = "a",
         .label = {"weight a (learned)", "权重 a（可学习）"},
         .tooltip = {"The negative-side slope; in a network it is learned with the weights.",
                     "负半轴的斜率；在网络中它与权重一起通过训练学习。"},
         .defaultValue = 0.25,
         .min = -0.5,
         .max = 1.0,
         .step = 0.01,
         .learnable = true},
    };
    template <class T>
    static P<T> bind(const ParamValues& v) {
        return {static_cast<T>(v[0])};
    }
    /// ∂f/∂a = x for x ≤ 0 (0 at x = 0), 0 for x > 0: how the network learns the weight.
    static double dLearnable(double x, const P<double>&) { return x > 0 ? 0.0 : x; }
};

/// RReLU in evaluation mode: the slope is the mean (lower + upper)/2, formed in double and then
/// rounded to the working type, as torch does.
struct RReLU : LeakyLinear {
    static LinearGrowth growth(const ParamValues& v) {
        return {std::max({1.0, std::fabs(v[0]), std::fabs(v[1])}), 0.0};
    }
    static constexpr ParamSpec kParams[] = {
        {.id = "lower",
         .symbol = "l",
         .label = {"lower", "下界"},
         .tooltip = {"Smallest random slope used in training.", "训练时随机斜率的下界。"},
         .defaultValue = 1.0 / 8.0,
         .min = 0.0,
         .max = 1.0,
         .step = 0.005},
        {.id = "upper",
         .symbol = "u",
         .label = {"upper", "上界"},
         .tooltip = {"Largest random slope used in training.", "训练时随机斜率的上界。"},
         .defaultValue = 1.0 / 3.0,
         .min = 0.0,
         .max = 1.0,
         .step = 0.005},
    };
    template <class T>
    static P<T> bind(const ParamValues& v) {
        return {static_cast<T>((v[0] + v[1]) / 2)};
    }
    static std::string validate(const ParamValues& v) {
        return v[0] <= v[1] ? "" : "lower must not exceed upper";
    }
};

/// clamp(x, min_val, max_val), with f′ = 0 at both bounds.
struct Clamp {
    static constexpr bool kWide = false;
    template <class T>
    struct P {
        T lo, hi;
    };
    template <class T>
    static T f(T x, const P<T>& p) {
        if (std::isnan(x)) return x;
        return x <= p.lo ? p.lo : (x >= p.hi ? p.hi : x);
    }
    template <class T>
    static T df(T x, const P<T>& p) {
        if (std::isnan(x)) return x;
        return (x <= p.lo || x >= p.hi) ? T(0) : T(1);
    }
    template <class T>
    static T d2f(T x, const P<T>&) {
        return zeroUnlessNaN(x);
    }
};

struct Hardtanh : Clamp {
    static LinearGrowth growth(const ParamValues& v) {
        return {0.0, std::max(std::fabs(v[0]), std::fabs(v[1]))};
    }
    static constexpr ParamSpec kParams[] = {
        {.id = "min_val",
         .symbol = "a",
         .label = {"min value", "下限"},
         .tooltip = {"Output floor: everything below is clipped to it.",
                     "输出下限：低于它的值都被截断为它。"},
         .defaultValue = -1.0,
         .min = -5.0,
         .max = 0.0,
         .step = 0.1},
        {.id = "max_val",
         .symbol = "b",
         .label = {"max value", "上限"},
         .tooltip = {"Output ceiling: everything above is clipped to it.",
                     "输出上限：高于它的值都被截断为它。"},
         .defaultValue = 1.0,
         .min = 0.1,
         .max = 5.0,
         .step = 0.1},
    };
    template <class T>
    static P<T> bind(const ParamValues& v) {
        return {static_cast<T>(v[0]), static_cast<T>(v[1])};
    }
    static std::string validate(const ParamValues& v) {
        return v[0] < v[1] ? "" : "min_val must be less than max_val";
    }
    static std::vector<double> kinks(const ParamValues& v) { return {v[0], v[1]}; }
};

struct ReLU6 : Clamp {
    static LinearGrowth growth(const ParamValues&) { return {0.0, 6.0}; }
    template <class T>
    static P<T> bind(const ParamValues&) {
        return {T(0), T(6)};
    }
    static std::vector<double> kinks(const ParamValues&) { return {0.0, 6.0}; }
};

/// (x + 3)/6 between −3 and 3 with one rounding: the sum is carried exactly (two-sum) and the
/// division is corrected with its exact remainder, so the result is within half an ulp plus a
/// hair (torch rounds twice and, for f′, uses float(1/6) even in double).
inline double divideBySix(num::DoubleDouble s) {
    const double q = s.hi / 6.0;
    const double r = std::fma(-q, 6.0, s.hi);  // exact remainder
    return q + (r + s.lo) / 6.0;
}

struct Hardsigmoid : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {0.0, 1.0}; }
    static double f(double x, NoParams) {
        if (x <= -3.0) return 0.0;
        if (x >= 3.0) return 1.0;
        return divideBySix(num::twoSum(x, 3.0));  // NaN falls through and stays NaN
    }
    static double df(double x, NoParams) {
        if (std::isnan(x)) return x;
        return (x > -3.0 && x < 3.0) ? 1.0 / 6.0 : 0.0;
    }
    static double d2f(double x, NoParams) { return zeroUnlessNaN(x); }
    static std::vector<double> kinks(const ParamValues&) { return {-3.0, 3.0}; }
};

struct Hardswish : kernel::Parameterless {
    static constexpr bool kWide = true;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    static double f(double x, NoParams) {
        if (x <= -3.0) return 0.0;
        if (x >= 3.0) return x;  // exactly x: torch's x·6/6 overflows above 3e307
        return divideBySix(num::mul(num::twoSum(x, 3.0), x));
    }
    // (2x + 3)/6 rather than torch's x/3 + 0.5, which is 171 ulp off near the zero at −1.5.
    // At the kinks: f′(−3) = −0.5 and f′(3) = 1.5 (the middle piece, torch's scalar convention).
    static double df(double x, NoParams) {
        if (std::isnan(x)) return x;
        if (x < -3.0) return 0.0;
        if (x > 3.0) return 1.0;
        return divideBySix(num::twoSum(2.0 * x, 3.0));
    }
    static double d2f(double x, NoParams) {
        if (std::isnan(x)) return x;
        return (x >= -3.0 && x <= 3.0) ? 1.0 / 3.0 : 0.0;
    }
    static std::vector<double> kinks(const ParamValues&) { return {-3.0, 3.0}; }
};

/// The single parameter λ ≥ 0 of Softshrink and Hardshrink.
struct Shrink {
    static constexpr bool kWide = false;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    static constexpr ParamSpec kParams[] = {
        {.id = "lambd",
         .symbol = "λ",
         .label = {"λ (dead band)", "λ（死区半宽）"},
         .tooltip = {"Inputs with |x| ≤ λ give 0.", "|x| ≤ λ 的输入输出为 0。"},
         .defaultValue = 0.5,
         .min = 0.0,
         .max = 3.0,
         .step = 0.05},
    };
    template <class T>
    struct P {
        T lambda;
    };
    template <class T>
    static P<T> bind(const ParamValues& v) {
        return {static_cast<T>(v[0])};
    }
    static std::string validate(const ParamValues& v) {
        return v[0] >= 0 ? "" : "lambd must be non-negative";
    }
    static std::vector<double> kinks(const ParamValues& v) { return {-v[0], v[0]}; }
    template <class T>
    static T df(T x, const P<T>& p) {
        if (std::isnan(x)) return x;
        return (x >= -p.lambda && x <= p.lambda) ? T(0) : T(1);
    }
    template <class T>
    static T d2f(T x, const P<T>&) {
        return zeroUnlessNaN(x);
    }
};

struct Softshrink : Shrink {
    template <class T>
    static T f(T x, const P<T>& p) {
        if (x > p.lambda) return x - p.lambda;
        if (x < -p.lambda) return x + p.lambda;
        return std::isnan(x) ? x : T(0);
    }
};

struct Hardshrink : Shrink {
    template <class T>
    static T f(T x, const P<T>& p) {
        return (x >= -p.lambda && x <= p.lambda) ? T(0) : x;
    }
};

/// x if x > threshold, else value.
struct Threshold {
    static constexpr bool kWide = false;
    static LinearGrowth growth(const ParamValues& v) { return {1.0, std::fabs(v[1])}; }
    static constexpr ParamSpec kParams[] = {
        {.id = "threshold",
         .symbol = "θ",
         .label = {"threshold", "阈值"},
         .tooltip = {"Inputs at or below it are replaced.", "小于等于它的输入会被替换。"},
         .defaultValue = 1.0,
         .min = -3.0,
         .max = 3.0,
         .step = 0.1},
        {.id = "value",
         .symbol = "v",
         .label = {"value", "替换值"},
         .tooltip = {"The output for inputs at or below the threshold.",
                     "输入小于等于阈值时的输出。"},
         .defaultValue = -1.0,
         .min = -3.0,
         .max = 3.0,
         .step = 0.1},
    };
    template <class T>
    struct P {
        T threshold, value;
    };
    template <class T>
    static P<T> bind(const ParamValues& v) {
        return {static_cast<T>(v[0]), static_cast<T>(v[1])};
    }
    static std::vector<double> kinks(const ParamValues& v) { return {v[0]}; }
    template <class T>
    static T f(T x, const P<T>& p) {
        return x <= p.threshold ? p.value : x;  // NaN compares false and stays NaN
    }
    template <class T>
    static T df(T x, const P<T>& p) {
        if (std::isnan(x)) return x;
        return x <= p.threshold ? T(0) : T(1);
    }
    template <class T>
    static T d2f(T x, const P<T>&) {
        return zeroUnlessNaN(x);
    }
};

struct Identity : kernel::Parameterless {
    static constexpr bool kWide = false;
    static LinearGrowth growth(const ParamValues&) { return {1.0, 0.0}; }
    template <class T>
    static T f(T x, NoParams) {
        return x;
    }
    template <class T>
    static T df(T x, NoParams) {
        return std::isnan(x) ? x : T(1);
    }
    template <class T>
    static T d2f(T x, NoParams) {
        return zeroUnlessNaN(x);
    }
};

}  // namespace actlab::kernels
