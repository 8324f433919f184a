#include "fast_kernels.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace actlab::fast {

namespace {

#define ACTLAB_INLINE inline __attribute__((always_inline))
// One clone per instruction set; the loader picks the best the CPU has.
#define ACTLAB_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))

// The kernels use fma for the steps whose rounding matters: on the AVX2 and AVX-512 clones it
// is one instruction; the baseline clone calls the library's fma (slower, same results).

/// eˣ without branches, within about 0.6 ulp, for every x (0 below −745.2, inf above 709.8,
/// NaN for NaN). Cody–Waite reduction x = k·ln2 + r, |r| ≤ ln2/2; Taylor to degree 13 (the
/// remainder is under 4e-18 relative), summed as 1 + (r + r²·q) so that the last rounding is the
/// only large one; the scale 2ᵏ is applied in two halves so that subnormal results round once.
/// `pow2` multiplies the result by 2^pow2 inside that scaling (for 4e⁻²ˣ in the far tail).
ACTLAB_INLINE double expBranchFree(double x, int pow2 = 0) {
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kShift = 0x1.8p52;                // adding it rounds to an integer
    constexpr double kLn2Hi = 0x1.62e42fee00000p-1;    // ln 2 with 32 trailing zero bits:
    constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;   // k·kLn2Hi is exact for |k| < 2¹¹
    constexpr double c[] = {1.0, 1.0, 0x1p-1, 0x1.5555555555555p-3, 0x1.5555555555555p-5,
                            0x1.1111111111111p-7, 0x1.6c16c16c16c17p-10, 0x1.a01a01a01a01ap-13,
                            0x1.a01a01a01a01ap-16, 0x1.71de3a556c734p-19, 0x1.27e4fb7789f5cp-22,
                            0x1.ae64567f544e4p-26, 0x1.1eed8eff8d898p-29, 0x1.6124613a86d09p-33};
    double xc = x < -746.0 ? -746.0 : x;
    xc = xc > 710.0 ? 710.0 : xc;
    const double t = xc * kLog2e + kShift;
    const double k = t - kShift;
    const double r = (xc - k * kLn2Hi) - k * kLn2Lo;
    double q = c[13];
#pragma GCC unroll 16  // unrolled, so the loops around it vectorise
    for (int i = 12; i >= 2; --i) q = std::fma(q, r, c[i]);
    const double p = 1.0 + std::fma(r * r, q, r);
    const std::int64_t ki = std::bit_cast<std::int64_t>(t) - std::bit_cast<std::int64_t>(kShift);
    const std::int64_t k1 = (ki >> 1) + pow2, k2 = ki - (ki >> 1);
    const double s1 = std::bit_cast<double>(static_cast<std::uint64_t>(k1 + 1023) << 52);
    const double s2 = std::bit_cast<double>(static_cast<std::uint64_t>(k2 + 1023) << 52);
    return p * s1 * s2;
}

/// Odd Taylor coefficients of tanh, t₁ … t₃₇: below |x| = 0.55 the series converges to double
/// precision (each term is about (2x/π)² = 0.12 times the previous).
constexpr double kTanhSeries[] = {
    1.0,                     -0.3333333333333333,     0.13333333333333333,
    -0.05396825396825397,    0.021869488536155203,    -0.008863235529902197,
    0.003592128036572481,    -0.0014558343870513183,  0.000590027440945586,
    -0.00023912911424355248, 9.691537956929451e-05,   -3.927832388331683e-05,
    1.5918905069328964e-05,  -6.451689215655431e-06,  2.6147711512907546e-06,
    -1.0597268320104654e-06, 4.294911078273806e-07,   -1.7406618963571648e-07,
    7.054636946400968e-08};

/// (n + nl)/(d + dl) rounded about once: the quotient's remainder is exact with fma.
ACTLAB_INLINE double divide(double n, double nl, double d, double dl) {
    const double q = n / d;
    const double rem = std::fma(-q, d, n) + nl;
    return q + std::fma(-q, dl, rem) / d;
}

/// e/(1 + e)² for e in [0, 1], with 1 + e and its square kept exact: about half an ulp plus the
/// error of e (torch's σ(1 − σ) form is 2e4 ulp off in the tail, and 0 beyond x = 36.7).
ACTLAB_INLINE double overOnePlusSquared(double e, double d, double dl) {
    const double p = d * d;
    const double pl = std::fma(d, d, -p) + 2.0 * d * dl;
    return divide(e, 0.0, p, pl);
}

/// tanh(x) and sech²(x) = 1 − tanh²(x), from one exponential.
ACTLAB_INLINE void tanhSech2(double x, double& t, double& s) {
    const double a = std::fabs(x);
    const double e = expBranchFree(-2.0 * a);  // in (0, 1]
    const double d = 1.0 + e;
    const double dl = e - (d - 1.0);  // exact: 1 ≥ e (Fast2Sum)
    // 4e formed inside the exponential's scaling: where e is subnormal, 4·e would round twice.
    s = overOnePlusSquared(expBranchFree(-2.0 * a, 2), d, dl);
    const double x2 = x * x;
    double p = kTanhSeries[18];
#pragma GCC unroll 20
    for (int i = 17; i >= 1; --i) p = std::fma(p, x2, kTanhSeries[i]);
    const double series = std::fma(x, x2 * p, x);
    const double n = 1.0 - e;
    const double nl = (1.0 - n) - e;  // exact
    const double large = std::copysign(divide(n, nl, d, dl), x);  // (1 − e)/(1 + e)
    t = a < 0.55 ? series : large;  // NaN compares false and takes `large`, which is NaN
}

/// σ(x) and σ′(x) from e^(−|x|): neither side cancels or overflows.
ACTLAB_INLINE void sigmoidPrime(double x, double& y, double& dy) {
    const double e = expBranchFree(-std::fabs(x));
    const double d = 1.0 + e;
    const double dl = e - (d - 1.0);
    y = divide(x >= 0 ? 1.0 : e, 0.0, d, dl);
    y = x != x ? x : y;
    dy = overOnePlusSquared(e, d, dl);
}

ACTLAB_CLONES void tanhFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                           const ParamValues&) {
    const std::size_t n = x.size();
    const double* xs = x.data();
    double* ys = y.data();
    double* ds = dy.data();
    for (std::size_t i = 0; i < n; ++i) tanhSech2(xs[i], ys[i], ds[i]);
}

ACTLAB_CLONES void tanhF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    const std::size_t n = x.size();
    const double* xs = x.data();
    double* ys = y.data();
    for (std::size_t i = 0; i < n; ++i) {
        double s;
        tanhSech2(xs[i], ys[i], s);
    }
}

ACTLAB_CLONES void sigmoidFDf(std::span<const double> x, std::span<double> y,
                              std::span<double> dy, const ParamValues&) {
    const std::size_t n = x.size();
    const double* xs = x.data();
    double* ys = y.data();
    double* ds = dy.data();
    for (std::size_t i = 0; i < n; ++i) sigmoidPrime(xs[i], ys[i], ds[i]);
}

ACTLAB_CLONES void sigmoidF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    const std::size_t n = x.size();
    const double* xs = x.data();
    double* ys = y.data();
    for (std::size_t i = 0; i < n; ++i) {
        double d;
        sigmoidPrime(xs[i], ys[i], d);
    }
}

/// max(0, x) + slope·min(0, x), with NaN kept and, for slope 0, 0 at −inf (the limit).
ACTLAB_INLINE double leaky(double x, double slope) {
    const double neg = slope == 0 ? 0.0 : x * slope;
    const double y = x > 0 ? x : neg;
    return x != x ? x : y;
}
ACTLAB_INLINE double leakyDerivative(double x, double slope) {
    const double d = x > 0 ? 1.0 : slope;
    return x != x ? x : d;
}

ACTLAB_CLONES void leakyFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                            const ParamValues& p) {
    const std::size_t n = x.size();
    const double slope = p[0];
    const double* xs = x.data();
    double* ys = y.data();
    double* ds = dy.data();
    for (std::size_t i = 0; i < n; ++i) {
        ys[i] = leaky(xs[i], slope);
        ds[i] = leakyDerivative(xs[i], slope);
    }
}

ACTLAB_CLONES void leakyF(std::span<const double> x, std::span<double> y, const ParamValues& p) {
    const std::size_t n = x.size();
    const double slope = p[0];
    const double* xs = x.data();
    double* ys = y.data();
    for (std::size_t i = 0; i < n; ++i) ys[i] = leaky(xs[i], slope);
}

void reluFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
             const ParamValues&) {
    leakyFDf(x, y, dy, {0.0, 0.0});
}
void reluF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    leakyF(x, y, {0.0, 0.0});
}

ACTLAB_CLONES void identityFDf(std::span<const double> x, std::span<double> y,
                               std::span<double> dy, const ParamValues&) {
    const std::size_t n = x.size();
    const double* xs = x.data();
    double* ys = y.data();
    double* ds = dy.data();
    for (std::size_t i = 0; i < n; ++i) {
        ys[i] = xs[i];
        ds[i] = xs[i] != xs[i] ? xs[i] : 1.0;
    }
}

void identityF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    std::copy(x.begin(), x.end(), y.begin());
}

}  // namespace

const Kernels kTanh{&tanhFDf, &tanhF};
const Kernels kSigmoid{&sigmoidFDf, &sigmoidF};
const Kernels kRelu{&reluFDf, &reluF};
const Kernels kLeaky{&leakyFDf, &leakyF};
const Kernels kIdentity{&identityFDf, &identityF};

}  // namespace actlab::fast
