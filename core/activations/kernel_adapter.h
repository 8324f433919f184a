#pragma once
// Turns one kernel struct into the scalar and batch function pointers of a KernelSet.
//
// A kernel is a struct with static functions:
//   template <class T> static P bind(const ParamValues&)   parameters rounded to T, pre-computed
//   f(x, p), df(x, p), d2f(x, p)                           pure functions of x and the parameters
//   optionally fdf(x, p, y, dy)                            f and f′ together, sharing work
//   static constexpr bool kWide                            true: f takes and returns double and
//                                                          float inputs are evaluated in double;
//                                                          false: f is a template on T and runs
//                                                          in T (the exact piecewise functions)
//   optionally validate(const ParamValues&) and kinks(const ParamValues&)
//   optionally dLearnable(x, p): ∂f/∂p for a learnable parameter (PReLU's weight)
//
// The batch loops call the kernel directly, so the compiler inlines it: one indirect call per
// array, none per element.

#include <span>
#include <string>
#include <vector>

#include "activation_spec.h"

namespace actlab::kernel {

/// The bound parameters of kernel K in type T.
template <class K, class T>
using Bound = decltype(K::template bind<T>(ParamValues{}));

template <class K, class T>
inline T f(T x, const Bound<K, T>& p) {
    if constexpr (K::kWide)
        return static_cast<T>(K::f(static_cast<double>(x), p));
    else
        return K::f(x, p);
}

template <class K, class T>
inline T df(T x, const Bound<K, T>& p) {
    if constexpr (K::kWide)
        return static_cast<T>(K::df(static_cast<double>(x), p));
    else
        return K::df(x, p);
}

template <class K, class T>
inline T d2f(T x, const Bound<K, T>& p) {
    if constexpr (K::kWide)
        return static_cast<T>(K::d2f(static_cast<double>(x), p));
    else
        return K::d2f(x, p);
}

template <class K, class T>
inline void fdf(T x, const Bound<K, T>& p, T& y, T& dy) {
    if constexpr (requires(double v, double& o) { K::fdf(v, p, o, o); }) {
        if constexpr (K::kWide) {
            double yw, dyw;
            K::fdf(static_cast<double>(x), p, yw, dyw);
            y = static_cast<T>(yw);
            dy = static_cast<T>(dyw);
        } else {
            K::fdf(x, p, y, dy);
        }
    } else {
        y = f<K, T>(x, p);
        dy = df<K, T>(x, p);
    }
}

template <class K, class T>
T scalarF(T x, const ParamValues& raw) {
    return f<K, T>(x, K::template bind<T>(raw));
}
template <class K, class T>
T scalarDf(T x, const ParamValues& raw) {
    return df<K, T>(x, K::template bind<T>(raw));
}
template <class K, class T>
T scalarD2f(T x, const ParamValues& raw) {
    return d2f<K, T>(x, K::template bind<T>(raw));
}

template <class K, class T>
void batchF(std::span<const T> x, std::span<T> y, const ParamValues& raw) {
    const auto p = K::template bind<T>(raw);
    const std::size_t n = x.size();
    for (std::size_t i = 0; i < n; ++i) y[i] = f<K, T>(x[i], p);
}
template <class K, class T>
void batchDf(std::span<const T> x, std::span<T> dy, const ParamValues& raw) {
    const auto p = K::template bind<T>(raw);
    const std::size_t n = x.size();
    for (std::size_t i = 0; i < n; ++i) dy[i] = df<K, T>(x[i], p);
}
template <class K, class T>
void batchD2f(std::span<const T> x, std::span<T> d2y, const ParamValues& raw) {
    const auto p = K::template bind<T>(raw);
    const std::size_t n = x.size();
    for (std::size_t i = 0; i < n; ++i) d2y[i] = d2f<K, T>(x[i], p);
}
template <class K, class T>
void batchFDf(std::span<const T> x, std::span<T> y, std::span<T> dy, const ParamValues& raw) {
    const auto p = K::template bind<T>(raw);
    const std::size_t n = x.size();
    for (std::size_t i = 0; i < n; ++i) fdf<K, T>(x[i], p, y[i], dy[i]);
}

template <class K, class T>
constexpr KernelSet<T> kernelSet() {
    return {&scalarF<K, T>, &scalarDf<K, T>, &scalarD2f<K, T>,
            &batchF<K, T>,  &batchDf<K, T>,  &batchFDf<K, T>, &batchD2f<K, T>};
}

template <class K>
std::string validate(const ParamValues& p) {
    if constexpr (requires { K::validate(p); })
        return K::validate(p);
    else
        return {};
}

template <class K>
std::vector<double> kinks(const ParamValues& p) {
    if constexpr (requires { K::kinks(p); })
        return K::kinks(p);
    else
        return {};
}

/// Parameters that need no binding.
struct NoParams {};

/// Base for kernels without parameters.
struct Parameterless {
    template <class T>
    static NoParams bind(const ParamValues&) {
        return {};
    }
};

/// A registry row: the descriptive fields of `spec` plus the parameters and kernels of K.
template <class K>
ActivationSpec row(ActivationSpec spec) {
    if constexpr (requires { K::kParams; }) spec.params = K::kParams;
    spec.k64 = kernelSet<K, double>();
    spec.k32 = kernelSet<K, float>();
    spec.validate = &validate<K>;
    spec.kinks = &kinks<K>;
    spec.growth = &K::growth;
    if constexpr (requires(const Bound<K, double>& b) { K::dLearnable(1.0, b); })
        spec.dfDLearnable = [](double x, const ParamValues& raw) {
            return K::dLearnable(x, K::template bind<double>(raw));
        };
    return spec;
}

}  // namespace actlab::kernel
