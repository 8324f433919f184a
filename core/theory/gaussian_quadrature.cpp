#include "gaussian_quadrature.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

#include "gaussian_sum.h"

namespace actlab::theory {

namespace {

constexpr int kMaxLegendre = 32;
constexpr double kInvSqrt2Pi = 0.3989422804014327;

struct LegendreTable {
    std::array<std::vector<double>, kMaxLegendre + 1> t, w;
};

// Newton's method on P_n from the classical first guesses; the recurrence is stable and the
// iteration converges quadratically, so the nodes are accurate to a few ulps.
LegendreTable makeLegendreTable() {
    LegendreTable table;
    for (int n = 2; n <= kMaxLegendre; ++n) {
        std::vector<double>& t = table.t[std::size_t(n)];
        std::vector<double>& w = table.w[std::size_t(n)];
        t.resize(std::size_t(n));
        w.resize(std::size_t(n));
        for (int i = 0; i < (n + 1) / 2; ++i) {
            double x = std::cos(std::numbers::pi * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (int iter = 0; iter < 100; ++iter) {
                double p0 = 1, p1 = x;
                for (int k = 2; k <= n; ++k) {
                    const double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1);
                const double dx = p1 / dp;
                x -= dx;
                if (std::fabs(dx) < 1e-17) break;
            }
            // Recompute the derivative at the converged node for the weight.
            double p0 = 1, p1 = x;
            for (int k = 2; k <= n; ++k) {
                const double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            dp = n * (x * p1 - p0) / (x * x - 1);
            const double weight = 2 / ((1 - x * x) * dp * dp);
            t[std::size_t(i)] = -x;
            t[std::size_t(n - 1 - i)] = x;
            w[std::size_t(i)] = w[std::size_t(n - 1 - i)] = weight;
        }
        if (n % 2 == 1) t[std::size_t(n / 2)] = 0;  // the middle node exactly
    }
    return table;
}

/// Orthonormal probabilists' Hermite polynomials h_0..h_n at z; returns h_n, and h_{n−1} via
/// `prev`, and Σ_{k<n} h_k² via `sumSquares`.
double hermite(int n, double z, double* prev = nullptr, double* sumSquares = nullptr) {
    double h0 = 0, h1 = 1, sum = 0;
    for (int k = 0; k < n; ++k) {
        sum += h1 * h1;
        const double h2 = (z * h1 - std::sqrt(double(k)) * h0) / std::sqrt(double(k + 1));
        h0 = h1;
        h1 = h2;
    }
    if (prev) *prev = h0;
    if (sumSquares) *sumSquares = sum;
    return h1;
}

struct HermiteTable {
    std::vector<double> t, w;
};

// The roots of h_20 lie in (−7.7, 7.7): bracket them on a fine grid and bisect to full precision;
// the Christoffel numbers 1/Σ_{k<n} h_k(z)² are the weights.
HermiteTable makeHermiteTable() {
    constexpr int n = 20;
    HermiteTable table;
    double a = -8.0, fa = hermite(n, a);
    for (int i = 1; i <= 16000; ++i) {
        const double b = -8.0 + i * 1e-3, fb = hermite(n, b);
        if ((fa < 0) != (fb < 0)) {
            double lo = a, hi = b, flo = fa;
            for (int it = 0; it < 200 && hi - lo > 0; ++it) {
                const double mid = 0.5 * (lo + hi);
                if (mid == lo || mid == hi) break;
                const double fm = hermite(n, mid);
                if ((fm < 0) == (flo < 0)) {
                    lo = mid;
                    flo = fm;
                } else {
                    hi = mid;
                }
            }
            table.t.push_back(0.5 * (lo + hi));
        }
        a = b;
        fa = fb;
    }
    if (table.t.size() != std::size_t(n)) throw std::logic_error("Gauss-Hermite: lost a root");
    for (double& z : table.t)
        if (std::fabs(z) < 1e-12) z = 0;
    for (double z : table.t) {
        double sum = 0;
        hermite(n, z, nullptr, &sum);
        table.w.push_back(1 / sum);
    }
    return table;
}

}  // namespace

ReferenceRule legendreRule(int n) {
    static const LegendreTable table = makeLegendreTable();
    if (n < 2 || n > kMaxLegendre) throw std::invalid_argument("legendreRule: order out of range");
    return {table.t[std::size_t(n)], table.w[std::size_t(n)]};
}

ReferenceRule hermiteRule20() {
    static const HermiteTable table = makeHermiteTable();
    return {table.t, table.w};
}

void GaussianRule::addPanel(double a, double b, double mean, double sd, int order) {
    const ReferenceRule r = legendreRule(order);
    const double half = 0.5 * (b - a), mid = 0.5 * (a + b);
    for (std::size_t i = 0; i < r.t.size(); ++i) {
        const double z = mid + half * r.t[i];
        m_z.push_back(z);
        m_x.push_back(mean + sd * z);
        // The density's exponential is applied to all the nodes at once (applyDensity).
        m_w.push_back(half * r.w[i] * (m_density ? kInvSqrt2Pi : sd));
    }
}

// Panels of [a, b]: graded from a (first width ha) and from b (first width hb) towards the
// middle, doubling, while the panel stays narrower than maxPanel; the rest evenly.
void GaussianRule::addSegment(double a, double ha, double b, double hb, double mean, double sd,
                              const RuleSettings& s) {
    const double mid = 0.5 * (a + b);
    const double w = s.maxPanel;
    double left = a;
    for (double d = ha; d < w && a + d < mid; d *= 2) {
        addPanel(left, a + d, mean, sd, s.order);
        left = a + d;
    }
    std::array<double, 64> rightCuts{};
    std::size_t nRight = 0;
    for (double d = hb; d < w && b - d > mid && nRight < rightCuts.size(); d *= 2)
        rightCuts[nRight++] = b - d;
    const double right = nRight ? rightCuts[nRight - 1] : b;
    if (right > left) {
        const int n = std::max(1, int(std::ceil((right - left) / w - 1e-9)));
        for (int i = 0; i < n; ++i)
            addPanel(left + (right - left) * i / n,
                     i + 1 == n ? right : left + (right - left) * (i + 1) / n, mean, sd, s.order);
    }
    double prev = right;
    for (std::size_t i = nRight; i-- > 0;) {
        const double next = i == 0 ? b : rightCuts[i - 1];
        addPanel(prev, next, mean, sd, s.order);
        prev = next;
    }
}

void GaussianRule::build(double mean, double sd, std::span<const Breakpoint> breakpoints,
                         double featureScale, const RuleSettings& s) {
    m_density = true;
    if (lay(mean, sd, breakpoints, featureScale, s)) applyDensity(m_z, m_w);
}

void GaussianRule::buildPlain(double lo, double hi, double scale,
                              std::span<const Breakpoint> breakpoints, const RuleSettings& s) {
    m_density = false;
    RuleSettings plain = s;
    plain.truncation = 0.5 * (hi - lo) / scale;
    // Gauss–Hermite is a rule for the density; without it, panels everywhere.
    plain.hermiteScale = std::numeric_limits<double>::infinity();
    lay(0.5 * (lo + hi), scale, breakpoints, 0, plain);
}

bool GaussianRule::lay(double mean, double sd, std::span<const Breakpoint> breakpoints,
                       double featureScale, const RuleSettings& s) {
    m_x.clear();
    m_w.clear();
    m_z.clear();
    if (!(sd > 0)) {
        // The limit sd → 0: the average of the one-sided values at the mean.
        const double inf = std::numeric_limits<double>::infinity();
        const double lo =
            mean == 0 ? -std::numeric_limits<double>::min() : std::nextafter(mean, -inf);
        const double hi =
            mean == 0 ? std::numeric_limits<double>::min() : std::nextafter(mean, inf);
        m_x = {lo, hi};
        m_w = {0.5, 0.5};
        return false;
    }
    const double range = s.truncation;
    m_points.clear();
    bool kinkInside = false;
    for (const Breakpoint& bp : breakpoints) {
        const double z = (bp.x - mean) / sd;
        if (!(std::fabs(z) < range)) continue;
        kinkInside = kinkInside || bp.cut;
        // Grading finer than 1e-12 standard deviations cannot matter: such a panel carries
        // 1e-12 of the mass.
        m_points.emplace_back(z, std::max(bp.scale / sd, 1e-12));
    }
    if (!kinkInside && featureScale >= s.hermiteScale * sd) {
        // Smooth on the scale of the whole Gaussian: Gauss–Hermite is exact for polynomials of
        // degree 39, and the integrand is analytic in a strip wider than hermiteScale.
        const ReferenceRule r = hermiteRule20();
        for (std::size_t i = 0; i < r.t.size(); ++i) {
            m_z.push_back(r.t[i]);
            m_x.push_back(mean + sd * r.t[i]);
            m_w.push_back(r.w[i]);
        }
        return false;
    }
    std::sort(m_points.begin(), m_points.end());
    // Merge break points closer than rounding; keep the finer grading.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < m_points.size(); ++i) {
        if (kept && m_points[i].first - m_points[kept - 1].first <=
                        1e-13 * std::max(1.0, std::fabs(m_points[i].first))) {
            m_points[kept - 1].second = std::min(m_points[kept - 1].second, m_points[i].second);
            continue;
        }
        m_points[kept++] = m_points[i];
    }
    m_points.resize(kept);
    const double inf = std::numeric_limits<double>::infinity();
    double a = -range, ha = inf;
    for (const auto& [z, h] : m_points) {
        addSegment(a, ha, z, h, mean, sd, s);
        a = z;
        ha = h;
    }
    addSegment(a, ha, range, inf, mean, sd, s);
    return true;
}

}  // namespace actlab::theory
