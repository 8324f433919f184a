#pragma once
// Gaussian expectations of one activation φ with its parameters: the integrals that mean-field
// theory is made of.
//
// One dimension: E[g(X)] for X ~ N(m, v) and g = φ, φ², φ′², with the derivatives in m and v
// (from the density, ∂/∂m = E[g·z]/√v and ∂/∂v = E[g·(z² − 1)]/(2v), so they need only g and are
// right also where φ jumps). Two dimensions: E[g(u₁)g(u₂)] for (u₁, u₂) centred Gaussian with
// variances q and correlation c, written as u₁ = √q·z₁, u₂ = √q·(c·z₁ + √(1 − c²)·z₂): the inner
// integral over z₂ is a one-dimensional expectation with mean c·u₁, cut at the kinks, and the
// outer one is cut at the kinks of g(u₁) and graded towards the points u₁ = k/c where the inner
// mean crosses a kink k (there the inner result bends on the scale √(q(1 − c²))/|c|).
//
// Every rule is cut at the activation's kinks (ActivationSpec::kinks) and at 0, and graded on
// the activation's feature scale, estimated once from f′ and f″ (see featureScale()). Accuracy:
// about 1e-13 relative to E|g| for every registry activation (docs/signal-propagation.md).
//
// Not thread-safe: the object keeps scratch buffers. Make one per thread; construction is cheap
// (a few microseconds).

#include <vector>

#include "activations/activation_call.h"
#include "gaussian_quadrature.h"

namespace actlab::theory {

/// Which function of the activation an expectation integrates.
enum class Kernel { F, Df };

/// E[g(X)] and its derivatives for X ~ N(mean, var), from one pass over the nodes.
struct Moments {
    double mean = 0;         ///< E[g(X)]
    double dMean = 0;        ///< ∂E[g(X)]/∂mean
    double dVar = 0;         ///< ∂E[g(X)]/∂var
    double square = 0;       ///< E[g(X)²]
    double squareDMean = 0;  ///< ∂E[g(X)²]/∂mean
    double squareDVar = 0;   ///< ∂E[g(X)²]/∂var
};

class ActivationExpectations {
public:
    explicit ActivationExpectations(const ActivationCall& call, const RuleSettings& settings = {});

    const ActivationCall& call() const { return m_call; }

    /// The smallest length on which f changes away from its kinks: max|f′|/max|f″| over
    /// [−8, 8] (infinity for piecewise-linear functions), floored at 1/256.
    double featureScale() const { return m_featureScale; }

    /// Moments of g = f or f′ for X ~ N(mean, var). var = 0 gives the one-sided limit.
    Moments moments(double mean, double var, Kernel g = Kernel::F);

    /// V(q) = E[φ(√q·z)²].
    double meanSquare(double q);
    /// V′(q), the slope of V, from E[φ²·(z² − 1)]/(2q); at q = 0 the one-sided limit
    /// (φ′(0⁺)² + φ′(0⁻)²)/2 + φ(0)·(φ″(0⁺) + φ″(0⁻))/2.
    double meanSquareSlope(double q);
    /// W(q) = E[φ′(√q·z)²]; at q = 0 the limit (φ′(0⁺)² + φ′(0⁻)²)/2, and for q = ∞ the limit
    /// (φ′(+∞)² + φ′(−∞)²)/2 of the slopes far out.
    double slopeSquare(double q);

    /// E[g(u₁)g(u₂)] for centred Gaussians of variance q and correlation c ∈ [−1, 1].
    double cross(double q, double c, Kernel g = Kernel::F);

    /// Number of integrand evaluations of the last call (for the benchmarks and the docs).
    std::size_t lastEvaluations() const { return m_evaluations; }

private:
    void evaluate(Kernel g, std::span<const double> x, std::vector<double>& y);
    double oneSided(Kernel g, double x, int side) const;

    ActivationCall m_call;
    RuleSettings m_settings;
    std::vector<Breakpoint> m_cuts;         // where f or f′ is not smooth
    std::vector<Breakpoint> m_breakpoints;  // the cuts and 0, graded on the feature scale
    std::vector<double> m_kinks;
    double m_featureScale = 0;
    GaussianRule m_outer, m_inner;
    std::vector<double> m_y, m_yInner;
    std::vector<double> m_terms;  // weight × g × density constant of the plain inner rule
    std::vector<Breakpoint> m_outerPoints;
    std::size_t m_evaluations = 0;
};

}  // namespace actlab::theory
