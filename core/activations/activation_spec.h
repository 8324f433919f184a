#pragma once
// The value that describes one activation function: its identity, parameters, teaching texts and
// kernels. The registry (registry.h) is a table of these; everything else in the application
// (the chooser, the sliders, the network, the command line and the tests) iterates that table.

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

/// Text in the two languages the application ships.
struct Text {
    std::string_view en;
    std::string_view zh;
    /// The text for a language code such as "zh_CN" or "en"; English for anything else.
    std::string_view in(std::string_view lang) const {
        return lang.starts_with("zh") && !zh.empty() ? zh : en;
    }
};

/// One numeric parameter of an activation. `id` is PyTorch's keyword (negative_slope, alpha,
/// beta, ...). [min, max] and step are the slider's range, not a validity limit: any value the
/// function accepts (see ActivationSpec::validate) can be evaluated.
struct ParamSpec {
    std::string_view id;
    std::string_view symbol;  ///< short math symbol for plots and formulas: α, β, λ, ...
    Text label;               ///< slider label
    Text tooltip;             ///< one sentence: what the parameter does to the curve
    double defaultValue = 0;
    double min = 0;
    double max = 1;
    double step = 0.01;
    bool learnable = false;  ///< trained with the weights in the network (PReLU's weight)
};

/// The most parameters any activation has (Softplus, Hardtanh, Threshold, RReLU have two).
inline constexpr std::size_t kMaxParams = 2;

/// Parameter values in the order of ActivationSpec::params. Unused slots are ignored.
using ParamValues = std::array<double, kMaxParams>;

enum class Group { Classic, Smooth, Piecewise };

enum class Smoothness { Discontinuous, C0, C1, CInfinity };

/// Qualitative properties for the default parameters.
struct Properties {
    bool monotonic = true;
    Smoothness smoothness = Smoothness::CInfinity;
    bool zeroCentred = false;
    bool boundedAbove = false;
    bool boundedBelow = false;
    bool saturating = false;  ///< f′ → 0 on at least one side
};

/// Element-wise kernels in one floating-point type. The batch functions take a whole array, so a
/// loop over examples makes one indirect call per array and none per element.
template <class T>
struct KernelSet {
    T (*f)(T x, const ParamValues& p) = nullptr;
    T (*df)(T x, const ParamValues& p) = nullptr;
    T (*d2f)(T x, const ParamValues& p) = nullptr;
    void (*batchF)(std::span<const T> x, std::span<T> y, const ParamValues& p) = nullptr;
    void (*batchDf)(std::span<const T> x, std::span<T> dy, const ParamValues& p) = nullptr;
    void (*batchFDf)(std::span<const T> x, std::span<T> y, std::span<T> dy,
                     const ParamValues& p) = nullptr;
    void (*batchD2f)(std::span<const T> x, std::span<T> d2y, const ParamValues& p) = nullptr;
};

/// The inputs at which f or f′ is not smooth, as a function of the parameters (Softshrink's ±λ).
/// The finite-difference tests must not straddle them.
using KinksFn = std::vector<double> (*)(const ParamValues& p);

/// Everything about one activation. See registry.h for the table.
struct ActivationSpec {
    std::string_view id;         ///< stable id used in files and settings: "leaky_relu"
    std::string_view torchName;  ///< torch.nn class: "LeakyReLU"
    /// For classes with a mode switch (GELU's approximate="tanh"): the keyword and this row's value.
    std::string_view torchVariantKey;
    std::string_view torchVariantValue;
    Text name;
    Group group = Group::Classic;
    std::span<const ParamSpec> params;
    std::string_view formula;      ///< one-line Unicode formula
    std::string_view formulaHtml;  ///< Qt rich-text formula
    Text range;
    Properties properties;
    Text teaching;
    std::string_view pytorch;  ///< a PyTorch snippet that uses it
    /// How f″ is defined at the kinks (the one-sided convention), for the docs.
    std::string_view kinkConvention;

    KernelSet<double> k64;
    KernelSet<float> k32;
    /// Vectorised double batch kernels for network training, where a row has them (tanh,
    /// sigmoid, the ReLU family); the network falls back to k64's batch kernels otherwise.
    /// Within the same accuracy bounds, not bit-identical to k64.
    struct Fast {
        void (*fdf)(std::span<const double> x, std::span<double> y, std::span<double> dy,
                    const ParamValues& p) = nullptr;
        void (*f)(std::span<const double> x, std::span<double> y, const ParamValues& p) = nullptr;
    } fast;
    /// Empty when the parameters are acceptable, else a message such as "alpha must not be 0".
    std::string (*validate)(const ParamValues& p) = nullptr;
    KinksFn kinks = nullptr;
    /// ∂f/∂p for the learnable parameter (ParamSpec::learnable, PReLU's weight), else nullptr.
    double (*dfDLearnable)(double x, const ParamValues& p) = nullptr;

    /// Index of the learnable parameter, or -1.
    int learnableIndex() const {
        for (std::size_t i = 0; i < params.size(); ++i)
            if (params[i].learnable) return static_cast<int>(i);
        return -1;
    }

    /// Default parameter values, in the order of `params`.
    ParamValues defaults() const {
        ParamValues v{};
        for (std::size_t i = 0; i < params.size(); ++i) v[i] = params[i].defaultValue;
        return v;
    }
    /// Index of the parameter with this id, or -1.
    int paramIndex(std::string_view paramId) const {
        for (std::size_t i = 0; i < params.size(); ++i)
            if (params[i].id == paramId) return static_cast<int>(i);
        return -1;
    }

    double f(double x, const ParamValues& p) const { return k64.f(x, p); }
    double df(double x, const ParamValues& p) const { return k64.df(x, p); }
    double d2f(double x, const ParamValues& p) const { return k64.d2f(x, p); }
    float f(float x, const ParamValues& p) const { return k32.f(x, p); }
    float df(float x, const ParamValues& p) const { return k32.df(x, p); }
    float d2f(float x, const ParamValues& p) const { return k32.d2f(x, p); }
};

}  // namespace actlab
