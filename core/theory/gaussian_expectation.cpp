#include "gaussian_expectation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "gaussian_sum.h"

namespace actlab::theory {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMinFeatureScale = 1.0 / 256;
/// Far enough out that every registry activation is on its asymptote (f′ = its limit).
constexpr double kFar = 1e100;
/// Where a formula activation's switching points are looked for: far beyond any pre-activation
/// spread the propagation views use.
constexpr double kFormulaKinkRange = 100;

}  // namespace

ActivationExpectations::ActivationExpectations(const ActivationCall& call,
                                               const RuleSettings& settings)
    : m_call(call), m_settings(settings) {
    const ActivationSpec& spec = *call.spec;
    // A formula's switching points are found by sampling a finite range (FormulaProgram::kinks).
    m_kinks = spec.isFormula() ? spec.kinksIn(call.params, -kFormulaKinkRange, kFormulaKinkRange)
              : spec.kinks     ? spec.kinks(call.params)
                               : std::vector<double>{};
    std::erase_if(m_kinks, [](double k) { return !std::isfinite(k); });
    // The feature scale: how far f′ can change relative to its size. Probing at 1025 points is
    // enough for the registry, whose curvature lives within a few units of 0 and of the kinks.
    double maxDf = 0, maxD2f = 0;
    for (int i = -512; i <= 512; ++i) {
        const double x = i / 64.0;
        bool nearKink = false;
        for (double k : m_kinks) nearKink = nearKink || std::fabs(x - k) < 1e-6;
        if (nearKink) continue;
        const double df = std::fabs(spec.df(x, call.params));
        const double d2f = std::fabs(spec.d2f(x, call.params));
        if (std::isfinite(df)) maxDf = std::max(maxDf, df);
        if (std::isfinite(d2f)) maxD2f = std::max(maxD2f, d2f);
    }
    m_featureScale = maxD2f > 0 && maxDf > 0 ? std::max(maxDf / maxD2f, kMinFeatureScale) : kInf;
    // Grade towards every kink and 0 with half the feature scale: a pole or a fast exponential
    // at that distance still leaves every panel's Bernstein ellipse wide (see the rule header).
    const double grading = 0.5 * m_featureScale;
    for (double k : m_kinks) m_cuts.push_back({k, grading, true});
    // 0 is where the smooth activations bend; it is a cut only where f′ or f″ jumps there
    // (Softsign's f″ does, and it lists no kinks).
    const auto jumps = [&](int order) {
        const auto g = [&](double x) {
            return order == 1 ? spec.df(x, call.params) : spec.d2f(x, call.params);
        };
        const double a = g(std::numeric_limits<double>::min());
        const double b = g(-std::numeric_limits<double>::min());
        return !(std::fabs(a - b) <= 1e-12 * (1 + std::fabs(a) + std::fabs(b)));
    };
    const bool zeroKink = std::ranges::find(m_kinks, 0.0) != m_kinks.end();
    if (!zeroKink && (jumps(1) || jumps(2))) m_cuts.push_back({0.0, grading});
    m_breakpoints = m_cuts;
    if (!zeroKink) m_breakpoints.push_back({0.0, grading, false});
}

void ActivationExpectations::evaluate(Kernel g, std::span<const double> x, std::vector<double>& y) {
    y.resize(x.size());
    // f through the network's vectorised kernels where the row has them (tanh, sigmoid, the
    // ReLU family): within the catalogue's few-ulp bounds, far below the quadrature's 1e-10,
    // and several times faster than the reference kernels that dominated a slider step.
    if (g == Kernel::F)
        m_call.spec->trainF(x, y, m_call.params);
    else
        m_call.spec->batchDf(x, y, m_call.params);
    m_evaluations += x.size();
}

double ActivationExpectations::oneSided(Kernel g, double x, int side) const {
    const double at = x == 0 ? side * std::numeric_limits<double>::min()
                             : std::nextafter(x, side > 0 ? kInf : -kInf);
    return g == Kernel::F ? m_call.spec->f(at, m_call.params) : m_call.spec->df(at, m_call.params);
}

Moments ActivationExpectations::moments(double mean, double var, Kernel g) {
    m_evaluations = 0;
    Moments m;
    if (!(var >= 0) || !std::isfinite(var) || !std::isfinite(mean)) {
        m.mean = m.dMean = m.dVar = m.square = m.squareDMean = m.squareDVar = kNaN;
        return m;
    }
    const double sd = std::sqrt(var);
    m_outer.build(mean, sd, m_breakpoints, m_featureScale, m_settings);
    evaluate(g, m_outer.x(), m_y);
    const std::span<const double> w = m_outer.w();
    if (sd == 0) {
        for (std::size_t i = 0; i < w.size(); ++i) {
            m.mean += w[i] * m_y[i];
            m.square += w[i] * m_y[i] * m_y[i];
        }
        m.dMean = m.dVar = m.squareDMean = m.squareDVar = kNaN;
        return m;
    }
    const std::span<const double> z = m_outer.z();
    double s1 = 0, s2 = 0, t1 = 0, t2 = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
        const double v = w[i] * m_y[i];
        const double v2 = v * m_y[i];
        const double h = z[i] * z[i] - 1;
        m.mean += v;
        s1 += v * z[i];
        s2 += v * h;
        m.square += v2;
        t1 += v2 * z[i];
        t2 += v2 * h;
    }
    m.dMean = s1 / sd;
    m.dVar = s2 / (2 * var);
    m.squareDMean = t1 / sd;
    m.squareDVar = t2 / (2 * var);
    return m;
}

double ActivationExpectations::meanSquare(double q) {
    return moments(0, q, Kernel::F).square;
}

double ActivationExpectations::meanSquareSlope(double q) {
    if (q > 0) return moments(0, q, Kernel::F).squareDVar;
    if (q != 0) return kNaN;
    // Stein's identity at the limit q → 0⁺: V′ = E[φ′² + φ·φ″] at a point mass split evenly
    // between the two sides of 0.
    const ActivationSpec& spec = *m_call.spec;
    double sum = 0;
    for (int side : {-1, 1}) {
        const double at = side * std::numeric_limits<double>::min();
        const double d = spec.df(at, m_call.params);
        sum += d * d + spec.f(at, m_call.params) * spec.d2f(at, m_call.params);
    }
    return 0.5 * sum;
}

double ActivationExpectations::slopeSquare(double q) {
    if (q == kInf) {
        m_evaluations = 2;
        const double a = m_call.spec->df(kFar, m_call.params);
        const double b = m_call.spec->df(-kFar, m_call.params);
        return 0.5 * (a * a + b * b);
    }
    return moments(0, q, Kernel::Df).square;
}

double ActivationExpectations::cross(double q, double c, Kernel g) {
    m_evaluations = 0;
    if (!(q >= 0) || !std::isfinite(q) || !(c >= -1 && c <= 1)) return kNaN;
    if (q == 0) {
        // Both arguments shrink to 0 with signs that agree with probability 1/2 + asin(c)/π.
        const double plus = oneSided(g, 0, 1), minus = oneSided(g, 0, -1);
        const double same = 0.5 + std::asin(c) / std::numbers::pi;
        return 0.5 * same * (plus * plus + minus * minus) + (1 - same) * plus * minus;
    }
    if (c == 1) return moments(0, q, g).square;
    if (c == 0) {
        const double e = moments(0, q, g).mean;
        return e * e;
    }
    const double sigma = std::sqrt(q);
    if (c == -1) {
        // E[g(X)·g(−X)]: cut at the kinks of both factors.
        m_outerPoints = m_breakpoints;
        for (const Breakpoint& b : m_breakpoints) m_outerPoints.push_back({-b.x, b.scale});
        m_outer.build(0, sigma, m_outerPoints, m_featureScale, m_settings);
        evaluate(g, m_outer.x(), m_y);
        m_yInner.resize(m_outer.size());
        std::vector<double> negated(m_outer.x().begin(), m_outer.x().end());
        for (double& x : negated) x = -x;
        std::vector<double> y2;
        evaluate(g, negated, y2);
        double sum = 0;
        for (std::size_t i = 0; i < m_outer.size(); ++i) sum += m_outer.w()[i] * m_y[i] * y2[i];
        return sum;
    }
    // (1 − c)(1 + c) rather than 1 − c², which loses the digits of 1 − c near c = ±1.
    const double s = std::sqrt((1 - c) * (1 + c));
    const double tau = sigma * s;
    // Outer rule: the kinks of g(u₁), and the points where the inner mean c·u₁ crosses a kink,
    // graded on the inner smoothing length τ/|c|.
    m_outerPoints = m_breakpoints;
    const double smoothing = tau / std::fabs(c);  // the inner smoothing length, in units of u₁
    for (const Breakpoint& b : m_breakpoints) {
        const double at = b.x / c;
        if (!b.cut) {
            m_outerPoints.push_back({at, b.scale, false});
            continue;
        }
        m_outerPoints.push_back({at, std::min(b.scale, 0.5 * smoothing), false});
        // Around `at` the inner result bends like a Gaussian of that width (near c = ±1 it is
        // narrow): panels no wider than it out to ten widths, where it has settled to 1e-22.
        if (smoothing < sigma)
            for (int j = 1; j <= 10; ++j)
                for (int side : {-1, 1})
                    m_outerPoints.push_back({at + side * j * smoothing, kInf, false});
    }
    m_outer.build(0, sigma, m_outerPoints, m_featureScale, m_settings);
    evaluate(g, m_outer.x(), m_y);
    const std::span<const double> x = m_outer.x(), w = m_outer.w();
    double total = 0;
    for (std::size_t i = 0; i < x.size(); ++i) total += std::fabs(w[i] * m_y[i]);
    // Outer nodes whose weight times g is below 1e-17 of the total cannot move the result.
    const double skip = 1e-17 * total;

    // Inner rule. Every outer node needs E[g(mean + τ·z)] for its own mean c·u₁; the break
    // points of g stay where they are while the mean moves. So one plain rule (∫ dx, no density)
    // spans every mean's truncated range, cut and graded at the break points, g is evaluated on
    // it once, and each outer node only weighs those values by its density: a sum of
    // exponentials (gaussianSum) instead of new nodes and new values of g per node. Near
    // c = ±1 the means spread over far more than τ, and that rule would be many times larger
    // than the nodes' own rules together: there each node gets its own rule.
    // Panels: narrow enough for the feature scale everywhere where τ is within a few feature
    // scales (the mean sweeps across 0, so grading towards 0 alone would not do); graded
    // towards the break points where the feature scale is far below τ.
    RuleSettings inner = m_settings;
    const double width = 1.5 * m_featureScale / tau;
    const bool uniform = width >= 0.25 * m_settings.maxPanel;
    if (uniform) inner.maxPanel = std::min(m_settings.maxPanel, width);
    const std::span<const Breakpoint> innerPoints =
        uniform ? std::span<const Breakpoint>(m_cuts) : m_breakpoints;
    const double reach = m_settings.truncation * tau;
    const double m1 = c * x.front(), m2 = c * x.back();
    const bool plain = std::fabs(m1 - m2) <= double(x.size()) * reach;
    if (plain) {
        m_inner.buildPlain(std::min(m1, m2) - reach, std::max(m1, m2) + reach, tau, innerPoints,
                           inner);
        evaluate(g, m_inner.x(), m_yInner);
        const std::span<const double> wi = m_inner.w();
        m_terms.resize(wi.size());
        const double density = 1 / (tau * std::sqrt(2 * std::numbers::pi));
        for (std::size_t j = 0; j < wi.size(); ++j) m_terms[j] = wi[j] * m_yInner[j] * density;
    }
    const std::span<const double> terms(m_terms);

    double sum = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double outer = w[i] * m_y[i];
        if (!(std::fabs(outer) > skip)) continue;
        const double mean = c * x[i];
        double innerSum = 0;
        if (plain) {
            // The nodes within the truncation of this node's density.
            const std::span<const double> xi = m_inner.x();
            const auto lo = std::lower_bound(xi.begin(), xi.end(), mean - reach);
            const auto hi = std::upper_bound(lo, xi.end(), mean + reach);
            const std::size_t from = std::size_t(lo - xi.begin()), count = std::size_t(hi - lo);
            innerSum = gaussianSum(xi.subspan(from, count), terms.subspan(from, count), mean,
                                   1 / tau);
        } else {
            m_inner.build(mean, tau, innerPoints, m_featureScale, inner);
            evaluate(g, m_inner.x(), m_yInner);
            const std::span<const double> wi = m_inner.w();
            for (std::size_t j = 0; j < wi.size(); ++j) innerSum += wi[j] * m_yInner[j];
        }
        sum += outer * innerSum;
    }
    return sum;
}

}  // namespace actlab::theory
