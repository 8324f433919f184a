#pragma once
// Quadrature rules for Gaussian expectations E[g(m + s·z)], z ~ N(0, 1), of functions that are
// analytic except at known break points (the kinks of piecewise activations).
//
// The real line is cut at ±kTruncation (the standard normal mass beyond is 1.4e-18, and even
// (1 + z²)·φ(z) integrates to under 2e-16 there) and at every break point. Each piece is cut into
// panels of at most maxPanel standard deviations, graded geometrically towards each break point
// (the first panel as wide as the break point's feature scale, then ×2), and every panel gets a
// Gauss–Legendre rule whose weights include the normal density. Analytic integrands then converge
// exponentially on every panel, and a kink costs a few panels instead of the algebraic
// convergence that a rule across it would have. Where no break point lies within the truncated
// range and the integrand varies slowly on the scale of s, a 20-point Gauss–Hermite rule does the
// same work with far fewer nodes.

#include <span>
#include <vector>

namespace actlab::theory {

/// Where the integrand is not smooth (or changes on a short scale), in the units of x.
struct Breakpoint {
    double x = 0;
    /// The width of the first panel on either side, in the units of x: the length on which the
    /// integrand changes near this point. Infinity: no grading, only the cut.
    double scale = 0;
    /// True where the integrand is not analytic (a kink or a jump); false for a point where it
    /// is analytic but changes quickly, which grades the panels without ruling out Gauss–Hermite.
    bool cut = true;
};

/// Settings of the rules; the defaults give about 1e-13 relative accuracy for the registry.
struct RuleSettings {
    double truncation = 8.75;  ///< |z| beyond this is dropped
    double maxPanel = 2.0;     ///< widest panel, in standard deviations
    int order = 12;            ///< Gauss–Legendre points per panel
    /// Use Gauss–Hermite when no break point is within the range and the smallest feature
    /// scale is at least this many standard deviations.
    double hermiteScale = 5.0;
};

/// Coarser rules for live plots: about half the nodes of the defaults and 1e-8 relative
/// accuracy (the worst over the registry, measured against the defaults), where a pixel is 1e-3.
inline RuleSettings interactiveRules() {
    return {7.5, 2.0, 9, 5.0};
}

/// Nodes x and weights w with Σ w·g(x) ≈ E[g(X)], X ~ N(mean, sd²).
class GaussianRule {
public:
    /// Builds the rule. sd = 0 gives the one-sided average (g(mean⁻) + g(mean⁺))/2, the limit of
    /// the expectation as sd → 0 even where g jumps at the mean. `featureScale` is the smallest
    /// scale of the integrand away from the break points (infinity for piecewise polynomials).
    void build(double mean, double sd, std::span<const Breakpoint> breakpoints, double featureScale,
               const RuleSettings& settings = {});

    std::span<const double> x() const { return m_x; }
    std::span<const double> w() const { return m_w; }
    /// The standardised nodes (x − mean)/sd (empty for sd = 0).
    std::span<const double> z() const { return m_z; }
    std::size_t size() const { return m_x.size(); }

private:
    void addPanel(double a, double b, double mean, double sd, int order);
    void addSegment(double a, double ha, double b, double hb, double mean, double sd,
                    const RuleSettings& s);

    std::vector<double> m_x, m_w, m_z;
    std::vector<std::pair<double, double>> m_points;  // scratch: (z, grading in z)
};

/// Even panels over the truncated range, shifted to any mean and re-cut at break points that
/// move with it: the inner rule of the correlated expectation, where only the panels holding a
/// kink need new nodes (and new exponentials) from one outer node to the next.
class ShiftedPanelRule {
public:
    /// Panels of at most `width` standard deviations, sd > 0.
    void setup(double sd, double width, const RuleSettings& settings);
    /// The rule for N(mean, sd²), cut at `cuts` (in the units of x, sorted or not).
    void place(double mean, std::span<const double> cuts, std::vector<double>& x,
               std::vector<double>& w);

private:
    void addPanel(double a, double b, double mean, std::vector<double>& x, std::vector<double>& w);

    double m_sd = 1, m_lo = 0, m_width = 1;
    int m_panels = 0, m_order = 12;
    std::vector<double> m_z, m_w, m_cuts;
};

/// Fixed nodes and weights of a reference rule.
struct ReferenceRule {
    std::span<const double> t, w;
};

/// Gauss–Legendre nodes and weights on [−1, 1] for 2 ≤ n ≤ 64 (computed once, then cached).
ReferenceRule legendreRule(int n);

/// The 20-point Gauss–Hermite rule for the standard normal: Σ w·g(t) ≈ E[g(z)].
ReferenceRule hermiteRule20();

}  // namespace actlab::theory
