#pragma once
// A block of kLanes doubles as one value, for the network's inner loops over the examples of a
// batch: one AVX2 register or two SSE2 registers, whichever instruction set the calling function
// is compiled for. fma() is written a·b + c and fused by the compiler (network.cpp is built with
// -ffp-contract=fast): one rounding on every CPU with FMA (x86-64-v3 and up, the clones this
// project builds); the baseline clone for older CPUs rounds the product and the sum apart.

#include <cmath>
#include <cstddef>
#include <cstring>

#include "network.h"

namespace actlab::nn::lanes {

using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));

#define ACTLAB_LANES_INLINE inline __attribute__((always_inline))

static_assert(kLanes == 4, "splat() and sum() are written for four lanes");

/// x in every lane, written as a shuffle: GCC 12 turns a braced {x, x, …} into masked loads.
ACTLAB_LANES_INLINE Lanes splat(double x) {
    const Lanes v = {x};
    return __builtin_shufflevector(v, v, 0, 0, 0, 0);
}

ACTLAB_LANES_INLINE Lanes load(const double* p) {
    Lanes v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

ACTLAB_LANES_INLINE void store(double* p, const Lanes& v) { std::memcpy(p, &v, sizeof v); }

/// a·b + c, rounded once in every lane.
ACTLAB_LANES_INLINE Lanes fma(const Lanes& a, const Lanes& b, const Lanes& c) {
    return a * b + c;
}

/// The sum of the lanes in a fixed order: (v₀ + v₂) + (v₁ + v₃).
ACTLAB_LANES_INLINE double sum(const Lanes& v) {
    using Half = double __attribute__((vector_size(2 * sizeof(double))));
    const Half h = __builtin_shufflevector(v, v, 0, 1) + __builtin_shufflevector(v, v, 2, 3);
    return h[0] + h[1];
}

#undef ACTLAB_LANES_INLINE

}  // namespace actlab::nn::lanes
