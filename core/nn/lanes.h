#pragma once
// A block of kLanes doubles as one value, for the network's inner loops over the examples of a
// batch: one AVX2 register or two SSE2 registers, whichever instruction set the calling function
// is compiled for. Multiply-adds are written a·b + c and fused by the compiler (network.cpp is
// built with -ffp-contract=fast): one rounding on every CPU with FMA (x86-64-v3 and up, the
// clones this project builds); the baseline clone for older CPUs rounds the product and the sum
// apart.
//
// Where the compiler has no vector extensions (ACTLAB_VECTOR_EXTENSIONS, util/portability.h),
// a block is a plain struct of kLanes doubles with the same operations, element by element and
// in the same order, so both paths compute the same sums.
//
// The helpers take and give blocks by reference: a vector passed by value would have a
// different calling convention in each clone (Clang rejects that even for inline functions).

#include <cstring>

#include "network.h"
#include "util/portability.h"

namespace actlab::nn::lanes {

static_assert(kLanes == 4, "splat() and sum() are written for four lanes");

#if ACTLAB_VECTOR_EXTENSIONS

using Lanes = double __attribute__((vector_size(kLanes * sizeof(double))));

/// v = x in every lane, written as a shuffle: GCC 12 turns a braced {x, x, …} into masked loads.
ACTLAB_ALWAYS_INLINE void splat(Lanes& v, double x) {
    const Lanes one = {x};
    v = __builtin_shufflevector(one, one, 0, 0, 0, 0);
}

/// The sum of the lanes in a fixed order: (v₀ + v₂) + (v₁ + v₃).
ACTLAB_ALWAYS_INLINE double sum(const Lanes& v) {
    using Half = double __attribute__((vector_size(2 * sizeof(double))));
    const Half h = __builtin_shufflevector(v, v, 0, 1) + __builtin_shufflevector(v, v, 2, 3);
    return h[0] + h[1];
}

/// The sums of four blocks' lanes, each in sum()'s order, at once: out[k] = sum(v[k]). The
/// pairs are formed across the blocks by shuffles, where four sum() calls would reduce each
/// block alone.
ACTLAB_ALWAYS_INLINE void sum4(const Lanes (&v)[4], double (&out)[4]) {
    // [a₀ + a₂, a₁ + a₃, b₀ + b₂, b₁ + b₃] and the same for c and d.
    const Lanes ab = __builtin_shufflevector(v[0], v[1], 0, 1, 4, 5) +
                     __builtin_shufflevector(v[0], v[1], 2, 3, 6, 7);
    const Lanes cd = __builtin_shufflevector(v[2], v[3], 0, 1, 4, 5) +
                     __builtin_shufflevector(v[2], v[3], 2, 3, 6, 7);
    const Lanes r = __builtin_shufflevector(ab, cd, 0, 2, 4, 6) +
                    __builtin_shufflevector(ab, cd, 1, 3, 5, 7);
    std::memcpy(out, &r, sizeof r);
}

#else

/// kLanes doubles, operated on element by element.
struct Lanes {
    double v[kLanes];

    Lanes& operator+=(const Lanes& o) {
        for (int i = 0; i < kLanes; ++i) v[i] += o.v[i];
        return *this;
    }
    Lanes& operator-=(const Lanes& o) {
        for (int i = 0; i < kLanes; ++i) v[i] -= o.v[i];
        return *this;
    }
    Lanes& operator*=(const Lanes& o) {
        for (int i = 0; i < kLanes; ++i) v[i] *= o.v[i];
        return *this;
    }
    /// a·b + c in every lane, written so that the compiler may fuse it as it fuses the vectors.
    static Lanes multiplyAdd(const Lanes& a, const Lanes& b, const Lanes& c) {
        Lanes r;
        for (int i = 0; i < kLanes; ++i) r.v[i] = a.v[i] * b.v[i] + c.v[i];
        return r;
    }
};

/// v = x in every lane.
ACTLAB_ALWAYS_INLINE void splat(Lanes& v, double x) {
    for (double& lane : v.v) lane = x;
}

/// The sum of the lanes in a fixed order: (v₀ + v₂) + (v₁ + v₃), as the vector path sums.
ACTLAB_ALWAYS_INLINE double sum(const Lanes& v) {
    return (v.v[0] + v.v[2]) + (v.v[1] + v.v[3]);
}

/// out[k] = sum(v[k]), as the vector path computes it.
ACTLAB_ALWAYS_INLINE void sum4(const Lanes (&v)[4], double (&out)[4]) {
    for (int k = 0; k < 4; ++k) out[k] = sum(v[k]);
}

#endif

ACTLAB_ALWAYS_INLINE void load(Lanes& v, const double* p) { std::memcpy(&v, p, sizeof v); }

ACTLAB_ALWAYS_INLINE void store(double* p, const Lanes& v) { std::memcpy(p, &v, sizeof v); }

/// acc = a·b + acc, fused where the compiler fuses.
ACTLAB_ALWAYS_INLINE void fusedAdd(Lanes& acc, const Lanes& a, const Lanes& b) {
#if ACTLAB_VECTOR_EXTENSIONS
    acc = a * b + acc;
#else
    acc = Lanes::multiplyAdd(a, b, acc);
#endif
}

/// acc += a·p[0, kLanes), fused.
ACTLAB_ALWAYS_INLINE void madd(Lanes& acc, const Lanes& a, const double* p) {
    Lanes b;
    load(b, p);
    fusedAdd(acc, a, b);
}

/// acc += p[0, kLanes)·q[0, kLanes), fused.
ACTLAB_ALWAYS_INLINE void madd(Lanes& acc, const double* p, const double* q) {
    Lanes a, b;
    load(a, p);
    load(b, q);
    fusedAdd(acc, a, b);
}

/// v += p[0, kLanes).
ACTLAB_ALWAYS_INLINE void add(Lanes& v, const double* p) {
    Lanes b;
    load(b, p);
    v += b;
}

/// v *= p[0, kLanes).
ACTLAB_ALWAYS_INLINE void mul(Lanes& v, const double* p) {
    Lanes b;
    load(b, p);
    v *= b;
}

}  // namespace actlab::nn::lanes
