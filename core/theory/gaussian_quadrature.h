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

    /// Nodes and weights with Σ w·g(x) ≈ ∫ g(x) dx over [lo, hi]: the panels build() lays for a
    /// Gaussian of standard deviation `scale` (at most maxPanel·scale wide, cut and graded at the
    /// break points), without the density. z() holds (x − centre)/scale.
    void buildPlain(double lo, double hi, double scale, std::span<const Breakpoint> breakpoints,
                    const RuleSettings& settings = {});

    std::span<const double> x() const { return m_x; }
    std::span<const double> w() const { return m_w; }
    /// The standardised nodes (x − mean)/sd (empty for sd = 0).
    std::span<const double> z() const { return m_z; }
    std::size_t size() const { return m_x.size(); }

private:
    /// Lays the nodes; true when the weights still lack the density's exponential.
    bool lay(double mean, double sd, std::span<const Breakpoint> breakpoints, double featureScale,
             const RuleSettings& s);
    void addPanel(double a, double b, double mean, double sd, int order);
    void addSegment(double a, double ha, double b, double hb, double mean, double sd,
                    const RuleSettings& s);

    std::vector<double> m_x, m_w, m_z;
    bool m_density = true;  // false: plain ∫ dx weights (buildPlain)
    std::vector<std::pair<double, double>> m_points;  // scratch: (z, grading in z)
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
