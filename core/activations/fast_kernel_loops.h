#pragma once
// What the vectorised kernel files (fast_kernels.cpp, fast_kernels_piecewise.cpp) share: the
// force-inline marker of their element functions, the binding of a kernel without parameters,
// and the batch loops built from an element function. Private to those files.

#include <cstddef>
#include <span>

#include "activation_spec.h"
#include "util/portability.h"

#define ACTLAB_INLINE ACTLAB_ALWAYS_INLINE

namespace actlab::fast {

/// The binding of a kernel without parameters.
struct NoBinding {};
ACTLAB_INLINE NoBinding noParams(const ParamValues&) { return {}; }

}  // namespace actlab::fast

/// The batch loops of a kernel from its element function `elem(x, p, y, dy)` and the binding of
/// its parameters; f alone reuses the element function (the compiler drops the unused f′).
#define ACTLAB_FAST_KERNEL(name, bind, elem)                                                   \
    ACTLAB_CLONES void name##FDf(std::span<const double> x, std::span<double> y,                \
                                 std::span<double> dy, const ParamValues& raw) {                 \
        const auto p = bind(raw);                                                               \
        const std::size_t n = x.size();                                                         \
        const double* __restrict xs = x.data();                                                 \
        double* __restrict ys = y.data();                                                       \
        double* __restrict ds = dy.data();                                                      \
        for (std::size_t i = 0; i < n; ++i) elem(xs[i], p, ys[i], ds[i]);                       \
    }                                                                                           \
    ACTLAB_CLONES void name##F(std::span<const double> x, std::span<double> y,                  \
                               const ParamValues& raw) {                                        \
        const auto p = bind(raw);                                                               \
        const std::size_t n = x.size();                                                         \
        const double* __restrict xs = x.data();                                                 \
        double* __restrict ys = y.data();                                                       \
        for (std::size_t i = 0; i < n; ++i) {                                                   \
            double unused;                                                                      \
            elem(xs[i], p, ys[i], unused);                                                      \
        }                                                                                       \
    }
