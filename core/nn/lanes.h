#pragma once
// A block of kLanes doubles as one value, for the network's inner loops over the examples of a
// batch: one AVX2 register or two SSE2 registers, whichever instruction set the calling function
// is compiled for. Multiply-adds are written a·b + c and fused by the compiler (network.cpp is
// built with -ffp-contract=fast): one rounding on every CPU with FMA (x86-64-v3 and up, the
// clones this project builds); the baseline clone for older CPUs rounds the product and the sum
// apart.
//
// The helpers take and give blocks by reference: a vector passed by value would have a
// different calling convention in each clone (Clang rejects that even for inline functions).

#include <cstring>

#include "network.h"

namespace actlab::nn::lanes {

using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));
static_assert(kLanes == 4, "splat() and sum() are written for four lanes");

#define ACTLAB_LANES_INLINE inline __attribute__((always_inline))

/// v = x in every lane, written as a shuffle: GCC 12 turns a braced {x, x, …} into masked loads.
ACTLAB_LANES_INLINE void splat(Lanes& v, double x) {
    const Lanes one = {x};
    v = __builtin_shufflevector(one, one, 0, 0, 0, 0);
}

ACTLAB_LANES_INLINE void load(Lanes& v, const double* p) { std::memcpy(&v, p, sizeof v); }

ACTLAB_LANES_INLINE void store(double* p, const Lanes& v) { std::memcpy(p, &v, sizeof v); }

/// acc += a·p[0, kLanes), fused.
ACTLAB_LANES_INLINE void madd(Lanes& acc, const Lanes& a, const double* p) {
    Lanes b;
    load(b, p);
    acc = a * b + acc;
}

/// acc += p[0, kLanes)·q[0, kLanes), fused.
ACTLAB_LANES_INLINE void madd(Lanes& acc, const double* p, const double* q) {
    Lanes a, b;
    load(a, p);
    load(b, q);
    acc = a * b + acc;
}

/// v += p[0, kLanes).
ACTLAB_LANES_INLINE void add(Lanes& v, const double* p) {
    Lanes b;
    load(b, p);
    v += b;
}

/// v *= p[0, kLanes).
ACTLAB_LANES_INLINE void mul(Lanes& v, const double* p) {
    Lanes b;
    load(b, p);
    v *= b;
}

/// The sum of the lanes in a fixed order: (v₀ + v₂) + (v₁ + v₃).
ACTLAB_LANES_INLINE double sum(const Lanes& v) {
    using Half = double __attribute__((vector_size(2 * sizeof(double))));
    const Half h = __builtin_shufflevector(v, v, 0, 1) + __builtin_shufflevector(v, v, 2, 3);
    return h[0] + h[1];
}

#undef ACTLAB_LANES_INLINE

}  // namespace actlab::nn::lanes
