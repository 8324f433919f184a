#pragma once
// Vectorised batch kernels for the activations used most in network training (tanh, sigmoid,
// ReLU and its leaky and clipped relatives, identity, ELU, CELU, SELU, SiLU, Mish, Softplus,
// LogSigmoid, Hardswish, Tanhshrink, Softsign, and GELU in both forms): the smooth ones in
// fast_kernels.cpp, the piecewise-linear ones in fast_kernels_piecewise.cpp.
// They are branch-free so the compiler vectorises them, and each is built for AVX-512, AVX2+FMA
// and the x86-64 baseline, chosen per CPU when first called (GCC function multi-versioning).
// They stay within the catalogue's accuracy bounds (checked against the golden files like the
// scalar kernels), but they are not bit-identical to the scalar kernels, so the curves and
// `eval` keep using those.

#include <span>

#include "activation_spec.h"

namespace actlab::fast {

// x, y and dy are distinct arrays (the kernels assume they do not overlap).

/// f and f′ of a batch: y = f(x), dy = f′(x).
using FDf = void (*)(std::span<const double> x, std::span<double> y, std::span<double> dy,
                     const ParamValues& p);
/// f of a batch.
using F = void (*)(std::span<const double> x, std::span<double> y, const ParamValues& p);

struct Kernels {
    FDf fdf = nullptr;
    F f = nullptr;
};

extern const Kernels kTanh;
extern const Kernels kSigmoid;
extern const Kernels kRelu;
/// LeakyReLU and PReLU: the slope is p[0].
extern const Kernels kLeaky;
/// RReLU in evaluation mode: the slope is (p[0] + p[1])/2.
extern const Kernels kRrelu;
/// Hardtanh: the bounds are p[0] and p[1].
extern const Kernels kHardtanh;
extern const Kernels kRelu6;
extern const Kernels kIdentity;
/// ELU: α is p[0].
extern const Kernels kElu;
extern const Kernels kSelu;
extern const Kernels kSilu;
extern const Kernels kGelu;
extern const Kernels kGeluTanh;
extern const Kernels kMish;
/// CELU: α is p[0].
extern const Kernels kCelu;
extern const Kernels kHardswish;
extern const Kernels kTanhshrink;
/// Softplus: β is p[0], the threshold p[1].
extern const Kernels kSoftplus;
extern const Kernels kLogSigmoid;
extern const Kernels kSoftsign;

}  // namespace actlab::fast
