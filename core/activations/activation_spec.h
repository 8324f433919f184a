#pragma once
// The value that describes one activation function: its identity, parameters, teaching texts and
// kernels. The registry (registry.h) is a table of these; everything else in the application
// (the chooser, the sliders, the network, the command line and the tests) iterates that table.

#include <array>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

class FormulaProgram;

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

/// The most parameters an activation may have: the built-ins have at most two (Softplus,
/// Hardtanh, Threshold, RReLU); a formula activation may have up to this many.
inline constexpr std::size_t kMaxParams = 8;

/// Parameter values in the order of ActivationSpec::params. Unused slots are ignored.
using ParamValues = std::array<double, kMaxParams>;

enum class Group { Classic, Smooth, Piecewise };

enum class Smoothness { Discontinuous, C0, C1, CInfinity };

/// Qualitative properties for the default parameters, as docs/activations.md defines them.
struct Properties {
    bool monotonic = true;
    Smoothness smoothness = Smoothness::CInfinity;
    bool zeroCentred = false;
    bool boundedAbove = false;
    bool boundedBelow = false;
    bool saturating = false;  ///< f′ → 0 as x → +∞ and as x → −∞
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

/// How fast |f| can grow: |f(x)| ≤ slope·|x| + offset for every finite x. The network bounds its
/// values with it, without evaluating them (Mlp::outputBound). Infinite parts: no bound known.
struct LinearGrowth {
    double slope = 0;
    double offset = 0;
};

/// The inputs at which f or f′ is not smooth, as a function of the parameters (Softshrink's ±λ).
/// The finite-difference tests must not straddle them.
using KinksFn = std::vector<double> (*)(const ParamValues& p);

/// Everything about one activation: a built-in row of the registry (registry.h), or a formula
/// row made at run time (formula_activation.h). Evaluate through the member functions, which
/// dispatch to whichever kernels the row has; hold a row you keep with an ActivationRef.
struct ActivationSpec {
    std::string_view id;         ///< stable id used in files and settings: "leaky_relu"
    std::string_view torchName;  ///< torch.nn class: "LeakyReLU"; empty for a formula row
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

    /// Built-in rows' kernels (empty for a formula row). Prefer the member functions below,
    /// which dispatch to these or to the formula's program.
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
    /// The growth bound for these parameters (every built-in row has one); nullptr for a
    /// formula row, whose growth is unknown.
    LinearGrowth (*growth)(const ParamValues& p) = nullptr;

    /// A formula row's compiled formula (formula_activation.h), evaluated in double precision
    /// with the parameter values in the order of `params`; nullptr for a built-in.
    const FormulaProgram* program = nullptr;
    /// What keeps a formula row's texts and program alive (see activationRef()); empty for a
    /// built-in, which lives as long as the program.
    std::weak_ptr<const void> owner;

    /// True for a row made from a formula.
    bool isFormula() const { return program != nullptr; }
    /// True when the row has float32 kernels. Without them (a formula row) the float overloads
    /// evaluate in double and round to float.
    bool hasFloat32() const { return k32.batchF != nullptr; }

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

    // Scalar evaluation.
    double f(double x, const ParamValues& p) const {
        return program ? formulaAt(0, x, p) : k64.f(x, p);
    }
    double df(double x, const ParamValues& p) const {
        return program ? formulaAt(1, x, p) : k64.df(x, p);
    }
    double d2f(double x, const ParamValues& p) const {
        return program ? formulaAt(2, x, p) : k64.d2f(x, p);
    }
    float f(float x, const ParamValues& p) const {
        return k32.f ? k32.f(x, p) : float(f(double(x), p));
    }
    float df(float x, const ParamValues& p) const {
        return k32.df ? k32.df(x, p) : float(df(double(x), p));
    }
    float d2f(float x, const ParamValues& p) const {
        return k32.d2f ? k32.d2f(x, p) : float(d2f(double(x), p));
    }

    // Whole arrays: one call per array, none per element. Each processes x.size() elements; the
    // outputs must be at least as long.
    void batchF(std::span<const double> x, std::span<double> y, const ParamValues& p) const {
        if (program)
            formulaBatch(x, y.data(), nullptr, nullptr, p);
        else
            k64.batchF(x, y, p);
    }
    void batchDf(std::span<const double> x, std::span<double> dy, const ParamValues& p) const {
        if (program)
            formulaBatch(x, nullptr, dy.data(), nullptr, p);
        else
            k64.batchDf(x, dy, p);
    }
    void batchFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                  const ParamValues& p) const {
        if (program)
            formulaBatch(x, y.data(), dy.data(), nullptr, p);
        else
            k64.batchFDf(x, y, dy, p);
    }
    void batchD2f(std::span<const double> x, std::span<double> d2y, const ParamValues& p) const {
        if (program)
            formulaBatch(x, nullptr, nullptr, d2y.data(), p);
        else
            k64.batchD2f(x, d2y, p);
    }
    void batchF(std::span<const float> x, std::span<float> y, const ParamValues& p) const;
    void batchDf(std::span<const float> x, std::span<float> dy, const ParamValues& p) const;
    void batchFDf(std::span<const float> x, std::span<float> y, std::span<float> dy,
                  const ParamValues& p) const;
    void batchD2f(std::span<const float> x, std::span<float> d2y, const ParamValues& p) const;

    /// f and f′ for network training: the vectorised fast kernels where the row has them, else
    /// batchFDf (a formula row: its program's array evaluation).
    void trainFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                  const ParamValues& p) const {
        if (fast.fdf)
            fast.fdf(x, y, dy, p);
        else
            batchFDf(x, y, dy, p);
    }
    /// f for network training (see trainFDf).
    void trainF(std::span<const double> x, std::span<double> y, const ParamValues& p) const {
        if (fast.f)
            fast.f(x, y, p);
        else
            batchF(x, y, p);
    }

    /// The inputs in [xMin, xMax] at which f or f′ is not smooth: a built-in's kinks, or where a
    /// formula's max, min, abs, where() or heaviside switches (FormulaProgram::kinks).
    std::vector<double> kinksIn(const ParamValues& p, double xMin, double xMax) const;

private:
    double formulaAt(int order, double x, const ParamValues& p) const;
    /// The formula's values into whichever of y, dy, d2y are not null.
    void formulaBatch(std::span<const double> x, double* y, double* dy, double* d2y,
                      const ParamValues& p) const;
};

/// A row held by whoever needs it to stay: a shared pointer that owns a formula row's storage and
/// points, without owning, at a built-in (which lives as long as the program).
using ActivationRef = std::shared_ptr<const ActivationSpec>;

/// The ActivationRef of a row: for a formula row it shares ownership with every other holder.
/// Precondition: a formula row is alive (someone holds it) when this is called.
inline ActivationRef activationRef(const ActivationSpec& row) {
    if (std::shared_ptr<const void> owner = row.owner.lock()) return ActivationRef(owner, &row);
    return ActivationRef(std::shared_ptr<const void>(), &row);
}

}  // namespace actlab
