#include "mean_field.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "root_finding.h"

namespace actlab::theory {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Beyond this q the length map is taken to diverge: there φ(√q z) is on its linear asymptotes
/// to 1e-40 relative, so F(q) − q > 0 at q = 1e80 means it stays positive.
constexpr double kQMax = 1e80;
/// Below this q a shrinking length is reported as q* = 0.
constexpr double kQFloor = 1e-14;
/// The critical line is searched for σ_w² in [kSigmaW2Min, kSigmaW2Max].
constexpr double kSigmaW2Min = 1.0 / 1024;
constexpr double kSigmaW2Max = 1e4;

double depthScale(double slope) {
    if (!std::isfinite(slope)) return kNaN;
    const double a = std::fabs(slope);
    if (a == 0) return 0;
    if (a >= 1) return a == 1 ? kInf : kNaN;
    return -1 / std::log(a);
}

}  // namespace

const char* phaseName(Phase phase) {
    switch (phase) {
        case Phase::Ordered:
            return "ordered";
        case Phase::Critical:
            return "critical";
        case Phase::Chaotic:
            return "chaotic";
    }
    return "?";
}

Phase phaseOf(double chi1) {
    if (std::fabs(chi1 - 1) <= kCriticalTolerance) return Phase::Critical;
    return chi1 < 1 ? Phase::Ordered : Phase::Chaotic;
}

MeanField::MeanField(const ActivationCall& call, const RuleSettings& settings)
    : m_e(call, settings) {}

double MeanField::lengthMap(double q, Variances v) {
    ++m_count;
    if (q == kInf) return kInf;
    return v.sigmaW2 * m_e.meanSquare(q) + v.sigmaB2;
}

double MeanField::excess(double q, Variances v) {
    return lengthMap(q, v) - q;
}

double MeanField::chi(double q, Variances v) {
    ++m_count;
    return v.sigmaW2 * m_e.slopeSquare(q);
}

double MeanField::correlationMap(double c, double q, Variances v) {
    ++m_count;
    const double next = lengthMap(q, v);
    if (!(next > 0) || !std::isfinite(next)) return kNaN;
    // At c = 1 the map is exactly 1: numerator and denominator are the same expectation.
    if (c == 1) return 1;
    return (v.sigmaW2 * m_e.cross(q, c, Kernel::F) + v.sigmaB2) / next;
}

// The fixed point reached by iterating from q₀ = 1. Where the length map is increasing (every
// registry activation; φ² grows with |x|), the iterates move monotonically towards the first
// root of F(q) − q in the direction of F(1) − 1 and never pass it. So: bracket that root by
// stepping from 1 (doubling upwards, dividing by 4 then 100 downwards), then Brent.
double MeanField::lengthFixedPoint(Variances v) {
    const auto g = [&](double q) { return excess(q, v); };
    const double g1 = g(1.0);
    if (!std::isfinite(g1)) return kNaN;
    // F(1) = 1 to the accuracy of the quadrature (ReLU at σ_w² = 2, σ_b² = 0, where every q is
    // fixed): q_l stays at q₀.
    if (std::fabs(g1) <= 1e-14) return 1.0;
    double near = 1.0, gNear = g1;
    if (g1 > 0) {
        // F(q)/q tends to σ_w²·(φ′(+∞)² + φ′(−∞)²)/2 = σ_w²·W(∞). When that exceeds 1 and
        // (F(q) − q)/q has come within a factor 2 of its limit at q ≥ 1e4, the linear term has
        // taken over: the corrections (O(√q) from a shifted asymptote, as Softshrink's, and O(1))
        // only shrink relative to it, so no root lies further out.
        const double growth = chi(kInf, v);
        while (near < kQMax) {
            const double far = near * (near < 1e6 ? 2 : 1e4);
            const double gFar = g(far);
            if (!std::isfinite(gFar)) return kInf;
            // F(q) − q loses the digits of q: a value within 1e-13·q of 0 is rounding, as in the
            // marginal case F(q)/q → 1 (ReLU at σ_w² = 2 with σ_b² > 0 grows by σ_b² per layer).
            if (gFar < -1e-13 * far) return brentRoot(g, near, far, gNear, gFar);
            if (growth > 1 + 1e-12 && far >= 1e4 && gFar / far >= 0.5 * (growth - 1)) return kInf;
            near = far;
            gNear = gFar;
        }
        return kInf;
    }
    while (near > kQFloor) {
        const double far = near * (near > 1e-4 ? 0.25 : 0.01);
        const double gFar = g(far);
        if (gFar >= 0) return brentRoot(g, far, near, gFar, gNear);
        near = far;
        gNear = gFar;
    }
    // Below the floor: a root in (0, near) exists only if F(0) > 0 (σ_b² > 0 or φ(0) ≠ 0).
    const double g0 = g(0.0);
    if (g0 > 0) return brentRoot(g, 0.0, near, g0, gNear, 1e-15, 1e-300);
    return 0.0;
}

double MeanField::chi1(Variances v) {
    const double q = lengthFixedPoint(v);
    if (std::isnan(q)) return kNaN;
    return chi(q, v);
}

// On [0, 1] the correlation map at q* is a power series in c with non-negative coefficients
// (Mehler's expansion: Σ a_n² cⁿ), so it is increasing and convex there with C(1) = 1 and
// C′(1) = χ₁. Hence c* = 1 when χ₁ ≤ 1, and otherwise the unique root of C(c) − c in [0, 1),
// which iterates from c₀ = 0.5 approach.
double MeanField::correlationFixedPoint(double qStar, double chi1, Variances v) {
    if (!(qStar > 0) || !std::isfinite(qStar)) return kNaN;
    if (chi1 <= 1 + kCriticalTolerance) return 1.0;
    const auto h = [&](double c) { return correlationMap(c, qStar, v) - c; };
    const double h0 = h(0.0);
    if (!(h0 > 0)) return h0 == 0 ? 0.0 : kNaN;
    // Find b < 1 with C(b) < b: just below 1, C(c) − c ≈ (χ₁ − 1)(1 − c) · (−1).
    for (double delta = 0.5; delta >= 1e-12; delta *= 0.1) {
        const double b = 1 - delta;
        const double hb = h(b);
        if (hb < 0) return brentRoot(h, 0.0, b, h0, hb, 1e-13, 1e-300);
    }
    return 1.0;  // χ₁ − 1 too small to separate c* from 1
}

Analysis MeanField::analyse(Variances v) {
    Analysis a;
    a.qStar = lengthFixedPoint(v);
    a.chi1 = std::isnan(a.qStar) ? kNaN : chi(a.qStar, v);
    a.phase = phaseOf(a.chi1);
    a.cStar = correlationFixedPoint(a.qStar, a.chi1, v);
    if (std::isnan(a.cStar)) {
        a.chiC = kNaN;
    } else if (a.cStar == 1) {
        a.chiC = a.chi1;
    } else {
        ++m_count;
        a.chiC = v.sigmaW2 * m_e.cross(a.qStar, a.cStar, Kernel::Df);
    }
    if (a.qStar > 0 && std::isfinite(a.qStar)) {
        ++m_count;
        a.lengthSlope = v.sigmaW2 * m_e.meanSquareSlope(a.qStar);
    } else if (a.qStar == 0) {
        a.lengthSlope = v.sigmaW2 * m_e.meanSquareSlope(0.0);
    } else {
        a.lengthSlope = kNaN;
    }
    a.depthQ = depthScale(a.lengthSlope);
    a.depthC = depthScale(a.chiC);
    return a;
}

DepthCurves MeanField::depthCurves(Variances v, int depth, double q0, double c0) {
    DepthCurves d;
    const std::size_t n = std::size_t(std::max(depth, 0)) + 1;
    d.q.resize(n);
    d.c.resize(n);
    d.chi.resize(n);
    d.gradRatio.resize(n);
    d.q[0] = q0;
    d.c[0] = c0;
    d.gradRatio[0] = 1;
    for (std::size_t l = 0; l < n; ++l) {
        const double q = d.q[l];
        const bool finite = std::isfinite(q);
        d.chi[l] = finite ? chi(q, v) : kNaN;
        if (l + 1 == n) break;
        d.gradRatio[l + 1] = d.gradRatio[l] * d.chi[l];
        d.q[l + 1] = finite ? lengthMap(q, v) : q;
        d.c[l + 1] = finite ? correlationMap(d.c[l], q, v) : kNaN;
    }
    return d;
}

// χ₁ rises from 0 at σ_w² = 0; scan upwards by factors of √2 for the first σ_w² with χ₁ ≥ 1,
// then Brent on the bracket. χ₁ can jump where q* jumps between fixed points, so the result is
// checked: a jump across 1 is not a crossing.
CriticalPoint MeanField::criticalSigmaW2(double sigmaB2) {
    CriticalPoint r;
    if (!(sigmaB2 >= 0) || !std::isfinite(sigmaB2)) {
        r.message = "sigma_b2 must be a finite non-negative number";
        return r;
    }
    const auto excess1 = [&](double s) { return chi1({s, sigmaB2}) - 1; };
    double lo = kSigmaW2Min, fLo = excess1(lo);
    if (!(fLo < 0)) {
        r.message = std::isnan(fLo) ? "chi1 is undefined at small sigma_w2"
                                    : "chi1 >= 1 already at sigma_w2 = 1/1024";
        return r;
    }
    while (lo < kSigmaW2Max) {
        const double hi = std::min(lo * std::sqrt(2.0), kSigmaW2Max);
        const double fHi = excess1(hi);
        if (std::isnan(fHi)) break;
        if (fHi >= 0) {
            const double s = brentRoot(excess1, lo, hi, fLo, fHi, 2e-15);
            const double check = excess1(s);
            if (!(std::fabs(check) <= 1e-7)) {
                r.message = "chi1 jumps across 1 near sigma_w2 = " + std::to_string(s) +
                            " (the fixed point q* jumps there), so the line has no point";
                return r;
            }
            r.found = true;
            r.sigmaW2 = s;
            return r;
        }
        lo = hi;
        fLo = fHi;
    }
    r.message = "chi1 stays below 1 for every sigma_w2 up to 1e4";
    return r;
}

}  // namespace actlab::theory
