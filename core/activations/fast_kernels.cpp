#include "fast_kernels.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "family_piecewise.h"
#include "fast_exp.h"
#include "fast_kernel_loops.h"
#include "numerics.h"
#include "util/portability.h"

namespace actlab::fast {

namespace {

// The smooth kernels, built on the branch-free exponential (fast_exp.h); the piecewise-linear
// ones are in fast_kernels_piecewise.cpp. One clone per instruction set where the platform
// allows (util/portability.h); the loader picks the best the CPU has.

// The kernels use fma for the steps whose rounding matters: on the AVX2 and AVX-512 clones it
// is one instruction; the baseline clone calls the library's fma (slower, same results).

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

/// tanh(x) and sech²(x) = 1 − tanh²(x), from one exponential reduction of e = e^(−2|x|):
/// tanh|x| = −(e − 1)/(1 + e) and sech² x = 4e/(1 + e)², where e − 1 has no cancellation near 0
/// and 1 + e = 2 + (e − 1) is kept as a double-double. One division: 1/(1 + e) is the rounded
/// reciprocal corrected by its remainder.
/// `limit` is kTanhLimit, read by the loops through a volatile (see there).
ACTLAB_INLINE void tanhSech2(double x, double& t, double& s, double limit) {
    // |x| clamped where 4e underflows to 0 (a NaN passes through).
    const double a = std::min(std::fabs(x), limit);
    const ExpReduced r = reduceExp(-(a + a));  // a + a on an adder, not the multipliers
    // 4e formed inside the exponential's scaling (where e is subnormal, 4·e would round twice).
    const double e4 = scaleExp(1.0 + r.m, r.k, 2);
    const double em = expm1FromReduced(r);  // e − 1, in [−1, 0]
    const double d = 2.0 + em;               // 1 + e
    const double dl = em - (d - 2.0);        // exact (Fast2Sum: |em| ≤ 2)
    const double inv = 1.0 / d;
    const double rem = std::fma(-inv, d, 1.0) - inv * dl;  // 1 − inv·(d + dl), below 2⁻⁵²
    // −em/(d + dl) = −em·inv·(1 + rem + …)
    const double th = -em * inv;
    const double tl = std::fma(-em, inv, -th) + th * rem;
    t = std::copysign(th + tl, x);  // NaN stays NaN; tanh(−0) = −0
    // 4e/(d + dl)² = e4·inv²·(1 + 2·rem + …), with e4·inv·inv kept as a double-double.
    const double m1 = e4 * inv;
    const double m1l = std::fma(e4, inv, -m1);
    const double m2 = m1 * inv;
    const double m2l = std::fma(m1, inv, -m2) + m1l * inv;
    s = m2 + std::fma(2.0 * m2, rem, m2l);
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

/// (1 + 2z)·e^(z²)·erfc(z) for z ≥ 0, as a Chebyshev series in t = (z − 3.75)/(z + 3.75), which
/// maps [0, ∞) onto [−1, 1) (the approach of Shepherd and Laframboise); the coefficients were fitted
/// at 50 digits and the truncation is below 1e-19.
ACTLAB_INLINE double scaledErfc(double z, double& lo) {
    constexpr double c[] = {
        1.1775789345674017,     -0.004590054580646478,  -0.08424913336651792,
        0.05920993999819189,    -0.026658668435305753,  0.009074997670705265,
        -0.002413163540417608,  0.0004907758365258086,  -6.916973302501207e-05,
        4.13902798607301e-06,   7.74038306619849e-07,   -2.1886401049234397e-07,
        1.076499946567091e-08,  4.521959811218287e-09,  -7.754400208831351e-10,
        -6.318088340886684e-11, 2.86879501093067e-11,   1.9455868545777347e-13,
        -9.65469674843344e-13,  3.25254814814874e-14,   3.3478119482868056e-14,
        -1.864562880419313e-15, -1.2507950530688648e-15, 7.418235256624044e-17,
        5.068148904796111e-17,  -2.2370566594359995e-18, -2.187342944303018e-18,
        2.6766327399258762e-20};
    const double t = (z - 3.75) / (z + 3.75);
    const double t2 = 2.0 * t;
    double b1 = 0.0, b2 = 0.0;
#pragma GCC unroll 32
    for (int k = 27; k >= 1; --k) {  // Clenshaw's recurrence
        const double b0 = std::fma(t2, b1, c[k] - b2);
        b2 = b1;
        b1 = b0;
    }
    // The last step in double-double: its rounding would otherwise be the largest error.
    const double head = c[0] - b2;
    const double headLo = (c[0] - head) - b2;
    const double tb = t * b1, tbLo = std::fma(t, b1, -tb);
    const double sum = head + tb, sumB = sum - head;
    lo = ((head - (sum - sumB)) + (tb - sumB)) + (headLo + tbLo);
    return sum;
}

/// Exact GELU x·Φ(x) and f′ = Φ(x) + x·φ(x), with Φ from the scaled erfc above:
/// Φ(−|x|) = ½·R·E with R = erfc(z)·e^(z²), E = e^(−z²), z = |x|/√2 carried as a double-double
/// (E's relative condition is z², up to 700). For x < 0 the products are formed at the scale 2⁶⁴
/// so that results below the normal range round once.
ACTLAB_INLINE void gelu(double x, NoBinding, double& y, double& dy) {
    constexpr double kC = 0.7071067811865476, kCLo = -4.833646656726457e-17;  // 1/√2
    constexpr double kInvSqrt2Pi = 0.3989422804014327, kInvSqrt2PiLo = -2.49232720227773e-17;
    constexpr double kDown = 0x1p-64;
    const double xc = x < -40.0 ? -40.0 : (x > 40.0 ? 40.0 : x);
    const double a = std::fabs(xc);
    const double zh = a * kC;
    const double zl = std::fma(a, kC, -zh) + a * kCLo;
    const double z2 = zh * zh;
    const double z2lo = std::fma(zh, zh, -z2) + 2.0 * zh * zl;
    const double eRaw = expBranchFree(-z2);
    const double e = std::fma(eRaw, -z2lo, eRaw);           // e^(−z²)
    const double esRaw = expBranchFree(-z2, 64);
    const double es = std::fma(esRaw, -z2lo, esRaw);        // e^(−z²)·2⁶⁴
    // R = y/(1 + 2z), with 1 + 2z exact as a double-double
    const double d = 1.0 + 2.0 * zh;
    const double dl = (2.0 * zh - (d - 1.0)) + 2.0 * zl;
    double yl;
    const double yh = scaledErfc(zh, yl);
    const double r = divide(yh, yl, d, dl);
    const double pdfScale = std::fma(kInvSqrt2Pi, xc, kInvSqrt2PiLo * xc);  // x/√(2π)
    // x < 0
    const double halfR = 0.5 * r;
    const double xr = xc * halfR, xrl = std::fma(xc, halfR, -xr);
    const double fNeg = std::fma(xr, es, xrl * es) * kDown;
    const double dNeg = (halfR + pdfScale) * es * kDown;
    // x ≥ 0: Φ = 1 − ½·R·E
    const double tail = halfR * e;
    const double phi = 1.0 - tail;
    const double fPos = xc * phi;
    const double dPos = std::fma(pdfScale, e, phi);
    // |x| < 1: Φ = ½ + x/√(2π)·S(x²), S = Σ (−x²/2)ⁿ/(n!(2n + 1)), which avoids the ½ − ½·R·E
    // of the form above (R is only known to an ulp or two where E ≈ 1).
    constexpr double s[] = {1.0, -0.16666666666666666, 0.025, -0.002976190476190476,
                            0.00028935185185185184, -2.3674242424242424e-05,
                            1.6693376068376068e-06, -1.033399470899471e-07,
                            5.698894140989729e-09, -2.832783637334076e-10,
                            1.2814973597463678e-11, -5.318467303295202e-13,
                            2.038745799596494e-14, -7.260490739303754e-16,
                            2.4142025857290806e-17, -7.5281586006605745e-19,
                            2.2099708013302823e-20};
    const double xx = xc * xc;
    double series = s[16];
#pragma GCC unroll 20
    for (int n = 15; n >= 0; --n) series = std::fma(series, xx, s[n]);
    const double rise = pdfScale * series;  // Φ − ½
    const double fSmall = std::fma(xc, rise, 0.5 * xc);
    const double dSmall = 0.5 + (rise + pdfScale * e);
    const bool small = a < 1.0;
    y = small ? fSmall : (x < 0 ? fNeg : fPos);
    dy = small ? dSmall : (x < 0 ? dNeg : dPos);
    y = x > 40.0 || x != x ? x : (x < -40.0 ? -0.0 : y);
    dy = x > 40.0 ? 1.0 : (x < -40.0 ? -0.0 : dy);
    dy = x != x ? x : dy;
}

/// GELU with approximate='tanh': x·σ(2u), u = √(2/π)·(x + 0.044715·x³), with 2u carried as a
/// double-double and the products for u < 0 formed at the scale 2⁶⁴, as in gelu().
ACTLAB_INLINE void geluTanh(double x, NoBinding, double& y, double& dy) {
    constexpr double kB = 0.7978845608028654, kBLo = -4.98465440455546e-17;
    constexpr double kK = 0.044715, kKLo = 2.1960211427085595e-18;
    constexpr double k3K = 0.134145, k3KLo = 1.3526957332032908e-17;
    constexpr double kDown = 0x1p-64;
    const double xc = x < -30.0 ? -30.0 : (x > 30.0 ? 30.0 : x);
    // x² and x³ as double-doubles
    const double x2 = xc * xc, x2l = std::fma(xc, xc, -x2);
    const double x3 = x2 * xc, x3l = std::fma(x2, xc, -x3) + x2l * xc;
    // κx³
    const double k3 = x3 * kK, k3l = std::fma(x3, kK, -k3) + (x3l * kK + x3 * kKLo);
    // inner = x + κx³ (two-sum)
    const double in = xc + k3;
    const double inB = in - xc;
    const double inl = ((xc - (in - inB)) + (k3 - inB)) + k3l;
    // 2u = 2·β·inner
    const double u = in * kB, ul = std::fma(in, kB, -u) + (inl * kB + in * kBLo);
    const double tu = 2.0 * u, tul = 2.0 * ul;
    // u′ = β·(1 + 3κx²), and 2x·u′
    const double q = x2 * k3K, ql = std::fma(x2, k3K, -q) + (x2l * k3K + x2 * k3KLo);
    const double opq = 1.0 + q, opql = ((1.0 - opq) + q) + ql;  // q ≥ 0: Fast2Sum
    const double up = opq * kB, upl = std::fma(opq, kB, -up) + (opql * kB + opq * kBLo);
    const double w = 2.0 * xc * up, wl = std::fma(2.0 * xc, up, -w) + 2.0 * xc * upl;
    // E = e^(−2|u|), with the low part of 2u folded in
    const double m = tu >= 0 ? -tu : tu, ml = tu >= 0 ? -tul : tul;
    const double eRaw = expBranchFree(m);
    const double e = std::fma(eRaw, ml, eRaw);
    const double esRaw = expBranchFree(m, 64);
    const double es = std::fma(esRaw, ml, esRaw);
    const double d = 1.0 + e, dl = e - (d - 1.0);
    const double p2 = d * d, p2l = std::fma(d, d, -p2) + 2.0 * d * dl;
    // u ≥ 0: f = x/(1 + E), f′ = ((1 + E) + 2xu′·E)/(1 + E)²
    const double fPos = divide(xc, 0.0, d, dl);
    const double we = w * e, wel = std::fma(w, e, -we) + wl * e;
    const double nP = d + we, nPB = nP - d;
    const double nPl = ((d - (nP - nPB)) + (we - nPB)) + (dl + wel);
    const double dPos = divide(nP, nPl, p2, p2l);
    // u < 0: f = x·E/(1 + E), f′ = E·((1 + E) + 2xu′)/(1 + E)², at the scale 2⁶⁴
    const double xes = xc * es;
    const double fNeg = divide(xes, std::fma(xc, es, -xes), d, dl) * kDown;
    const double s = d + w, sB = s - d;
    const double sl = ((d - (s - sB)) + (w - sB)) + (dl + wl);
    const double nN = s * es, nNl = std::fma(s, es, -nN) + sl * es;
    const double dNeg = divide(nN, nNl, p2, p2l) * kDown;
    y = tu >= 0 ? fPos : fNeg;
    dy = tu >= 0 ? dPos : dNeg;
    y = x > 30.0 || x != x ? x : (x < -30.0 ? -0.0 : y);
    dy = x > 30.0 ? 1.0 : (x < -30.0 ? -0.0 : dy);
    dy = x != x ? x : dy;
}

/// Mish, x·tanh(softplus(x)), from one exponential and no logarithm: with e = e^(−|x|),
/// tanh(ln(1 + eˣ)) is (1 + 2e)/(1 + 2e + 2e²) for x ≥ 0 and e(e + 2)/(e(e + 2) + 2) for x < 0,
/// both without cancellation. f′ = t + x·(1 − t²)·σ(x), where 1 − t² and σ have the same closed
/// forms: x ≥ 0: f′ = t + 4x·e²(1 + e)/q², q = 1 + 2e + 2e²; x < 0: f′ = e·((e + 2)·d +
/// 4x(1 + e))/d², d = e(e + 2) + 2 (summed once, so that e(1 + x) far left keeps its digits).
ACTLAB_INLINE void mish(double x, NoBinding, double& y, double& dy) {
    const double xc = x < -800.0 ? -800.0 : (x > 800.0 ? 800.0 : x);
    const double e = expBranchFree(-std::fabs(xc));
    const double p = std::fma(2.0, e, 1.0);
    const double q = std::fma(2.0 * e, e, p);
    const double tPos = p / q;
    const double dPos = tPos + 4.0 * xc * (e * e) * (1.0 + e) / (q * q);
    // x < 0 at the scale 2⁶⁴ (es = e·2⁶⁴), so that far left, where f and f′ are subnormal, they
    // round once, in the final scaling.
    constexpr double kDown = 0x1p-64;
    const double es = expBranchFree(-std::fabs(xc), 64);
    const double n = std::fma(e, e, 2.0 * e);
    const double d = n + 2.0;
    const double fNeg = xc * (std::fma(es, e, 2.0 * es) / d) * kDown;
    const double inner = std::fma(e + 2.0, d, std::fma(4.0 * xc, e, 4.0 * xc));
    const double dNeg = es * inner / (d * d) * kDown;
    const bool pos = xc >= 0;
    y = x != x || x > 800.0 ? x : (pos ? xc * tPos : fNeg);
    dy = x != x ? x : (pos ? dPos : dNeg);
}

ACTLAB_INLINE void eluElement(double x, double alpha, double& y, double& dy) {
    const double neg = alpha * expm1BranchFree(x);
    const double dneg = alpha * expBranchFree(x);
    y = x > 0 ? x : neg;
    dy = x > 0 ? 1.0 : dneg;
}

/// ELU with α = p[0] (rounded as the scalar kernel binds it).
struct EluParams {
    double alpha;
};
ACTLAB_INLINE EluParams eluParams(const ParamValues& v) { return {v[0]}; }
ACTLAB_INLINE void elu(double x, EluParams p, double& y, double& dy) { eluElement(x, p.alpha, y, dy); }

/// CELU: x for x > 0, α·(e^(x/α) − 1) otherwise, with x/α carried as q + dq (its rounding error)
/// as the scalar kernel does: f = α·(expm1(q) + e^q·dq), f′ = e^q·(1 + dq).
ACTLAB_INLINE void celu(double x, EluParams p, double& y, double& dy) {
    const double q = x / p.alpha;
    const double qc = q < -800.0 ? -800.0 : q;  // far left: −α and 0, without ∞·0
    const double dq = qc == q ? std::fma(-q, p.alpha, x) / p.alpha : 0.0;
    const double e = expBranchFree(qc), em = expm1BranchFree(qc);
    // Far right of e^q (α < 0): e^q itself, which may be ∞; the correction would make ∞·0.
    const bool huge = q > 709.0;
    const double neg = p.alpha * (huge ? e : std::fma(e, dq, em));
    const double dneg = huge ? e : std::fma(e, dq, e);
    y = x > 0 || x != x ? x : neg;
    dy = x != x ? x : (x > 0 ? 1.0 : dneg);
}

/// ln(1 + u) for u in [0, 1] without branches, within about one ulp: w = 1 + u and its exact
/// rounding error c; ln w = k·ln 2 + 2·atanh(s), s = (m − 1)/(m + 1) with m = w/2ᵏ in [√½, √2]
/// (|s| ≤ 0.172, so the odd series to s²¹ leaves under 2⁻⁵⁴), s carried with its rounding error;
/// and ln(1 + u) = ln w + c/w.
ACTLAB_INLINE double log1pUnit(double u) {
    constexpr double kSqrt2 = 1.4142135623730951;
    constexpr double kLn2Hi = 0.6931471805599453, kLn2Lo = 2.3190468138462996e-17;
    const double w = 1.0 + u;
    const double c = u - (w - 1.0);
    const bool big = w > kSqrt2;
    const double m = big ? 0.5 * w : w;
    const double k = big ? 1.0 : 0.0;
    const double f = m - 1.0;  // exact (Sterbenz)
    const num::DoubleDouble p = num::twoSum(m, 1.0);
    const double s = f / p.hi;
    const double sl = (std::fma(-s, p.hi, f) - s * p.lo) / p.hi;
    const double s2 = s * s;
    // 1/3 + s²/5 + … + s²⁰/23 by Estrin's scheme.
    const double s4 = s2 * s2, s8 = s4 * s4;
    const double c0 = std::fma(1.0 / 5, s2, 1.0 / 3), c1 = std::fma(1.0 / 9, s2, 1.0 / 7);
    const double c2 = std::fma(1.0 / 13, s2, 1.0 / 11), c3 = std::fma(1.0 / 17, s2, 1.0 / 15);
    const double c4 = std::fma(1.0 / 21, s2, 1.0 / 19);
    const double q = std::fma(std::fma(std::fma(1.0 / 23, s4, c4), s8, std::fma(c3, s4, c2)), s8,
                              std::fma(c1, s4, c0));
    const double small = std::fma(k, kLn2Lo, 2.0 * sl) + 2.0 * s * s2 * q + c / w;
    return (std::fma(k, kLn2Hi, 2.0 * s)) + small;
}

/// Softplus (1/β)·ln(1 + e^(βx)), and x once βx passes the threshold (torch's convention); βx
/// carried with its rounding error, as the scalar kernel: f = (max(z, 0) + ln(1 + e^(−|z|)) +
/// σ(z)·dz)/β, f′ = σ(z) + σ′(z)·dz. Far left (z < −700) f = e^z/β, scaled by 2⁶⁴ so that a
/// subnormal result rounds once.
struct SoftplusParams {
    double beta, threshold;
};
ACTLAB_INLINE SoftplusParams softplusParams(const ParamValues& v) { return {v[0], v[1]}; }
ACTLAB_INLINE void softplus(double x, SoftplusParams p, double& y, double& dy) {
    constexpr double kDown = 0x1p-64;
    const double zh = p.beta * x;
    const double zl = zh - zh == 0.0 ? std::fma(p.beta, x, -zh) : 0.0;
    const double z = zh < -800.0 ? -800.0 : (zh > 800.0 ? 800.0 : zh);
    const double e = expBranchFree(-std::fabs(z));
    const num::DoubleDouble onePlusE = num::twoSum(1.0, e);
    const double sig = num::div({z >= 0 ? 1.0 : e, 0.0}, onePlusE);
    const double sigPrime = num::divSquare({e, 0.0}, onePlusE);
    const double sp = (z > 0 ? z : 0.0) + log1pUnit(e);
    const double fMain = std::fma(sig, zl, sp) / p.beta;
    const double es = expBranchFree(z, 64);
    const double fTail = std::fma(es, zl, es) / p.beta * kDown;
    const bool linear = zh > p.threshold;
    y = x != x || linear ? x : (zh < -700.0 ? fTail : fMain);
    dy = x != x ? x : (linear ? 1.0 : std::fma(sigPrime, zl, sig));
}

/// LogSigmoid min(x, 0) − ln(1 + e^(−|x|)) and f′ = σ(−x), as the scalar kernel.
ACTLAB_INLINE void logSigmoid(double x, NoBinding, double& y, double& dy) {
    const double e = expBranchFree(-std::fabs(x));
    y = (x < 0 ? x : 0.0) - log1pUnit(e);
    dy = num::div({x <= 0 ? 1.0 : e, 0.0}, num::twoSum(1.0, e));
    dy = x != x ? x : dy;
}

/// Tanhshrink x − tanh x with the scalar kernel's two forms, both computed and one chosen: below
/// |x| = 1 Lambert's fraction, x³/(D + x²) and f′ = (x·D)²/(D + x²)², where the subtraction would
/// cancel; above, (|x| − 1) + 2e/(1 + e), e = e^(−2|x|), and f′ = 1 − s(2 − s), s = 2e/(1 + e).
ACTLAB_INLINE void tanhshrink(double x, NoBinding, double& y, double& dy) {
    const double a = std::fabs(x);
    const bool small = a < 1.0;
    const double xs = small ? x : 0.5;  // the unused form stays finite
    const num::DoubleDouble x2 = num::twoProd(xs, xs);
    const num::DoubleDouble d = num::lambertD(x2.hi);
    const num::DoubleDouble denominator = num::add(d, x2);
    const double fSmall = num::div(num::mul(x2, xs), denominator);
    const double dSmall = num::divSquare(num::mul(num::mul(d, d), x2), denominator);
    const double e = expBranchFree(-2.0 * a);
    const double s = num::div({2.0 * e, 0.0}, num::twoSum(1.0, e));  // 1 − tanh|x|
    const double fLarge = std::copysign((a - 1.0) + s, x);
    const double dLarge = 1.0 - s * (2.0 - s);
    y = small ? fSmall : fLarge;
    dy = small ? dSmall : dLarge;
}

/// Softsign x/(1 + |x|), rounded as the scalar kernel rounds it, and f′ = 1/(1 + |x|)² with
/// 1 + |x| kept exact; beyond |x| = 1e150, where the square would overflow, the reciprocal
/// squared. ±∞ gives ±1 and 0 (the limits).
ACTLAB_INLINE void softsign(double x, NoBinding, double& y, double& dy) {
    const double a = std::fabs(x);
    const bool huge = a > 1e150;
    const double near = num::divSquare({1.0, 0.0}, num::twoSum(1.0, huge ? 1.0 : a));
    const double r = 1.0 / (1.0 + a);
    y = a == HUGE_VAL ? std::copysign(1.0, x) : x / (1.0 + a);
    dy = huge ? r * r : near;
}

/// Hardswish: 0, x(x + 3)/6, x on the three pieces with the scalar kernel's one-rounding forms;
/// f′ = (2x + 3)/6 on the closed middle piece (torch's convention at ±3).
ACTLAB_INLINE void hardswish(double x, NoBinding, double& y, double& dy) {
    const double mid = kernels::divideBySix(num::mul(num::twoSum(x, 3.0), x));
    const double dmid = kernels::divideBySix(num::twoSum(2.0 * x, 3.0));
    y = x <= -3.0 ? 0.0 : (x >= 3.0 ? x : mid);
    dy = x != x ? x : (x < -3.0 ? 0.0 : (x > 3.0 ? 1.0 : dmid));
}

/// SELU with the exact constants carried as double-doubles, as in the scalar kernel.
ACTLAB_INLINE void selu(double x, NoBinding, double& y, double& dy) {
    constexpr double kLambdaHi = 1.0507009873554805, kLambdaLo = 3.9874847667154144e-17;
    constexpr double kAlHi = 1.7580993408473768, kAlLo = 1.41535193800845e-17;
    const double em = expm1BranchFree(x), e = expBranchFree(x);
    const double pos = std::fma(kLambdaHi, x, kLambdaLo * x);
    y = x > 0 ? pos : std::fma(kAlHi, em, kAlLo * em);
    const double d = x != x ? x : kLambdaHi;
    dy = x > 0 ? d : std::fma(kAlHi, e, kAlLo * e);
    dy = x != x ? x : dy;
}

/// SiLU x·σ(x) and its derivative over the common denominator (1 + e)², e = e^(−|x|), with the
/// numerators formed at the scale 2⁶⁴ so that results below the normal range round once.
ACTLAB_INLINE void silu(double x, NoBinding, double& y, double& dy) {
    constexpr double kDown = 0x1p-64;
    const double xc = x < -800.0 ? -800.0 : (x > 800.0 ? 800.0 : x);
    const double a = std::fabs(xc);
    const double e = expBranchFree(-a);
    const double es = expBranchFree(-a, 64);  // e·2⁶⁴
    const double d = 1.0 + e;
    const double dl = e - (d - 1.0);
    // x ≥ 0: x/(1 + e), f′ = (1 + e + x·e)/(1 + e)²
    const double fPos = divide(xc, 0.0, d, dl);
    const double xe = xc * e;
    const double xeLo = std::fma(xc, e, -xe);
    const double nPos = d + xe;
    const double nPosLo = ((d - nPos) + xe) + (dl + xeLo);  // two-sum of d and x·e
    const double p2 = d * d;
    const double p2lo = std::fma(d, d, -p2) + 2.0 * d * dl;
    const double dPos = divide(nPos, nPosLo, p2, p2lo);
    // x < 0: x·e/(1 + e), f′ = e·(1 + x + e)/(1 + e)², at the scale 2⁶⁴
    const double xes = xc * es;
    const double fNeg = divide(xes, std::fma(xc, es, -xes), d, dl) * kDown;
    const double onePlusX = 1.0 + xc;  // exact for x ≤ −0.5
    const double m = onePlusX + e;
    const double mB = m - onePlusX;
    const double mLo = (onePlusX - (m - mB)) + (e - mB);  // two-sum: either term may be larger
    const double nNeg = m * es;
    const double nNegLo = std::fma(m, es, -nNeg) + mLo * es;
    const double dNeg = divide(nNeg, nNegLo, p2, p2lo) * kDown;
    y = x >= 0 ? fPos : fNeg;
    dy = x >= 0 ? dPos : dNeg;
    y = x > 800.0 || x != x ? x : y;
    y = x < -800.0 ? -0.0 : y;
    dy = x > 800.0 ? 1.0 : (x < -800.0 ? -0.0 : dy);
    dy = x != x ? x : dy;
}

/// tanhSech2's clamp, where 4e^(−2|x|) underflows. The loops read it through a volatile, for the
/// reason of selectBits (fast_exp.h): given the constant, GCC evaluates the whole function for
/// the clamped input as well and blends that in. Here the clamp is a minimum, and with an opaque
/// bound it is one vminpd; selectBits measured 15 % slower in this loop.
const volatile double kTanhLimit = -0.5 * expFloor(2);

ACTLAB_CLONES void tanhFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                           const ParamValues&) {
    const std::size_t n = x.size();
    const double* __restrict xs = x.data();
    double* __restrict ys = y.data();
    double* __restrict ds = dy.data();
    const double limit = kTanhLimit;
    for (std::size_t i = 0; i < n; ++i) tanhSech2(xs[i], ys[i], ds[i], limit);
}

ACTLAB_CLONES void tanhF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    const std::size_t n = x.size();
    const double* __restrict xs = x.data();
    double* __restrict ys = y.data();
    const double limit = kTanhLimit;
    for (std::size_t i = 0; i < n; ++i) {
        double s;
        tanhSech2(xs[i], ys[i], s, limit);
    }
}

ACTLAB_CLONES void sigmoidFDf(std::span<const double> x, std::span<double> y,
                              std::span<double> dy, const ParamValues&) {
    const std::size_t n = x.size();
    const double* __restrict xs = x.data();
    double* __restrict ys = y.data();
    double* __restrict ds = dy.data();
    for (std::size_t i = 0; i < n; ++i) sigmoidPrime(xs[i], ys[i], ds[i]);
}

ACTLAB_CLONES void sigmoidF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    const std::size_t n = x.size();
    const double* __restrict xs = x.data();
    double* __restrict ys = y.data();
    for (std::size_t i = 0; i < n; ++i) {
        double d;
        sigmoidPrime(xs[i], ys[i], d);
    }
}

ACTLAB_FAST_KERNEL(elu, eluParams, elu)
ACTLAB_FAST_KERNEL(selu, noParams, selu)
ACTLAB_FAST_KERNEL(silu, noParams, silu)
ACTLAB_FAST_KERNEL(gelu, noParams, gelu)
ACTLAB_FAST_KERNEL(geluTanh, noParams, geluTanh)
ACTLAB_FAST_KERNEL(mish, noParams, mish)
ACTLAB_FAST_KERNEL(celu, eluParams, celu)
ACTLAB_FAST_KERNEL(hardswish, noParams, hardswish)
ACTLAB_FAST_KERNEL(tanhshrink, noParams, tanhshrink)
ACTLAB_FAST_KERNEL(softplus, softplusParams, softplus)
ACTLAB_FAST_KERNEL(logSigmoid, noParams, logSigmoid)
ACTLAB_FAST_KERNEL(softsign, noParams, softsign)

}  // namespace

const Kernels kTanh{&tanhFDf, &tanhF};
const Kernels kSigmoid{&sigmoidFDf, &sigmoidF};
const Kernels kElu{&eluFDf, &eluF};
const Kernels kSelu{&seluFDf, &seluF};
const Kernels kSilu{&siluFDf, &siluF};
const Kernels kGelu{&geluFDf, &geluF};
const Kernels kGeluTanh{&geluTanhFDf, &geluTanhF};
const Kernels kMish{&mishFDf, &mishF};
const Kernels kCelu{&celuFDf, &celuF};
const Kernels kHardswish{&hardswishFDf, &hardswishF};
const Kernels kTanhshrink{&tanhshrinkFDf, &tanhshrinkF};
const Kernels kSoftplus{&softplusFDf, &softplusF};
const Kernels kLogSigmoid{&logSigmoidFDf, &logSigmoidF};
const Kernels kSoftsign{&softsignFDf, &softsignF};

}  // namespace actlab::fast
