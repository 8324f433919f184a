#pragma once
// A branch-free exponential for the vectorised loops (the activation kernels and the Gaussian
// sums of the signal-propagation theory): within about 0.6 ulp for every x, and written so that
// GCC vectorises a loop that calls it. Every function is force-inlined, so each instruction-set
// clone of a caller (ACTLAB_CLONES) gets its own vector code.

#include <bit>
#include <cmath>
#include <cstdint>

#include "util/portability.h"

namespace actlab::fast {

constexpr double kExpShift = 0x1.8p52;  // adding it rounds a double to an integer
constexpr double kLn2 = 0.6931471805599453;

/// The clamp below which 2^pow2Extra·eˣ underflows to 0 (see expBranchFree).
constexpr double expFloor(int pow2Extra) { return -746.0 - kLn2 * pow2Extra; }

/// 2ᵏ for an integer k in the normal exponent range [−1022, 1023].
ACTLAB_ALWAYS_INLINE double pow2(std::int64_t k) {
    return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

/// eˣ = 2ᵏ·(1 + m): the Cody–Waite reduction x = k·ln2 + r, |r| ≤ ln2/2, and m = expm1(r)
/// = r + r²·q(r), q of degree 10 fitted to (expm1(r) − r)/r² on [−ln2/2, ln2/2] (a Chebyshev fit
/// at 50 digits, coefficients rounded to double: m is within 1e-18 relative, 0.008 ulp), summed
/// so that the one large rounding is the last addition. x must be in [−748, 710].
struct ExpReduced {
    double m;
    std::int64_t k;
};
ACTLAB_ALWAYS_INLINE ExpReduced reduceExp(double xc) {
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kLn2Hi = 0x1.62e42fee00000p-1;    // ln 2 with 32 trailing zero bits:
    constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;   // k·kLn2Hi is exact for |k| < 2¹¹
    constexpr double c[] = {0x1p-1,
                            0x1.5555555555557p-3,  0x1.5555555555556p-5,  0x1.11111111100dfp-7,
                            0x1.6c16c16c162d6p-10, 0x1.a01a01abe62ddp-13, 0x1.a01a01a6d7808p-16,
                            0x1.71de02375656cp-19, 0x1.27e4db67b4303p-22, 0x1.af4ddd84882fep-26,
                            0x1.1f72fc730b4ffp-29};
    const double t = xc * kLog2e + kExpShift;
    const double k = t - kExpShift;
    const double r = (xc - k * kLn2Hi) - k * kLn2Lo;
    // q = c₀ + c₁r + … + c₁₀r¹⁰ as pairs Pᵢ = c₂ᵢ + c₂ᵢ₊₁r, then
    // (P₀ + P₁r²) + r⁴·((P₂ + P₃r²) + r⁴·(P₄ + c₁₀r²)): a chain of 5 dependent steps instead of
    // Horner's 10, which matters when a layer has only a few vectors to overlap, and no r⁸.
    const double r2 = r * r, r4 = r2 * r2;
    const double p0 = std::fma(c[1], r, c[0]), p1 = std::fma(c[3], r, c[2]);
    const double p2 = std::fma(c[5], r, c[4]), p3 = std::fma(c[7], r, c[6]);
    const double p4 = std::fma(c[9], r, c[8]);
    const double low = std::fma(p1, r2, p0), mid = std::fma(p3, r2, p2);
    const double high = std::fma(c[10], r2, p4);
    const double q = std::fma(std::fma(high, r4, mid), r4, low);
    return {std::fma(r2, q, r),
            std::bit_cast<std::int64_t>(t) - std::bit_cast<std::int64_t>(kExpShift)};
}

/// c ? a : b as a select of bits. Written as ?: with a constant a, GCC makes it a branch first
/// and then evaluates everything after it a second time for the constant, which the vector loop
/// blends in under masks at every step (11–16 % of the sigmoid and ELU loops with AVX-512); a
/// select of bits has no branch to follow. The results are the same.
ACTLAB_ALWAYS_INLINE double selectBits(bool c, double a, double b) {
    const std::uint64_t m = 0 - static_cast<std::uint64_t>(c);
    return std::bit_cast<double>((std::bit_cast<std::uint64_t>(a) & m) |
                                 (std::bit_cast<std::uint64_t>(b) & ~m));
}

/// reduceExp of x clamped to [low, high]; NaN passes through.
ACTLAB_ALWAYS_INLINE ExpReduced reduceExp(double x, double low, double high) {
    const double xc = selectBits(x < low, low, x);
    return reduceExp(selectBits(xc > high, high, xc));
}

/// 2^(k + extra)·p, the scale applied in two halves so that a subnormal result rounds once.
ACTLAB_ALWAYS_INLINE double scaleExp(double p, std::int64_t k, int extra) {
    return p * pow2((k >> 1) + extra) * pow2(k - (k >> 1));
}

/// eˣ without branches, within about 0.6 ulp, for every x (0 below −745.2, inf above 709.8,
/// NaN for NaN). `pow2Extra` multiplies the result by 2^pow2Extra inside the scaling (for 4e⁻²ˣ
/// in the far tail, where e⁻²ˣ is subnormal and 4·e⁻²ˣ would round twice).
ACTLAB_ALWAYS_INLINE double expBranchFree(double x, int pow2Extra = 0) {
    const ExpReduced e = reduceExp(x, expFloor(pow2Extra), 710.0);
    return scaleExp(1.0 + e.m, e.k, pow2Extra);
}

/// 2ᵏ·(1 + m) − 1: exact but for the rounding of m, since 2ᵏ − 1 is exact whenever it matters
/// (below k = −53 the result is −1 to double precision, so k is floored at −1000).
ACTLAB_ALWAYS_INLINE double expm1FromReduced(ExpReduced e) {
    const double s = pow2(e.k < -1000 ? -1000 : e.k);
    return std::fma(s, e.m, s - 1.0);
}

/// eˣ − 1 without branches (0.5 ulp + the rounding of r); −1 below x = −60.
ACTLAB_ALWAYS_INLINE double expm1BranchFree(double x) {
    return expm1FromReduced(reduceExp(x, -60.0, 709.0));
}

}  // namespace actlab::fast
