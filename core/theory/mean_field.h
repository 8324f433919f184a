#pragma once
// Mean-field theory of signal propagation in wide random networks (Poole et al. 2016,
// Schoenholz et al. 2017), for one activation φ with its parameters.
//
// A layer computes h_{l+1} = W·φ(h_l) + b with W_ij ~ N(0, σ_w²/fan-in) and b_i ~ N(0, σ_b²).
// In the limit of infinite width the pre-activations are Gaussian, and two numbers per layer
// describe them:
//   length      q_{l+1} = F(q_l) = σ_w²·E[φ(√q_l z)²] + σ_b²
//   correlation c_{l+1} = C(c_l; q_l) = (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/F(q_l),
//               (u₁, u₂) centred Gaussian with variances q_l and correlation c_l.
// The slope of the correlation map at c = 1 and q = q* is χ₁ = σ_w²·E[φ′(√q* z)²], and it
// decides the phase: ordered (χ₁ < 1, correlations go to 1, gradients vanish), chaotic (χ₁ > 1,
// correlations go to c* < 1, gradients explode) or critical (χ₁ = 1 within kCriticalTolerance).
// Conventions and numerics: docs/signal-propagation.md.
//
// Not thread-safe (it owns an ActivationExpectations with scratch buffers); one per thread.

#include <string>
#include <vector>

#include "gaussian_expectation.h"

namespace actlab::theory {

/// The initialisation of every layer: W ~ N(0, sigmaW2/fan-in), b ~ N(0, sigmaB2).
struct Variances {
    double sigmaW2 = 1;
    double sigmaB2 = 0;
};

enum class Phase { Ordered, Critical, Chaotic };

/// |χ₁ − 1| at or below this is reported as critical. The critical line is found to 1e-12
/// relative, so a σ_w² printed from it and read back lands well inside.
inline constexpr double kCriticalTolerance = 1e-9;

/// "ordered", "critical" or "chaotic".
const char* phaseName(Phase phase);

/// Everything the theory says at one (σ_w², σ_b²).
struct Analysis {
    /// The fixed point of the length map reached from q₀ = 1: a finite q ≥ 0, or infinity where
    /// q_l grows without bound (unbounded activations above their critical slope).
    double qStar = 0;
    /// σ_w²·E[φ′(√q* z)²]; at q* = ∞ the limit σ_w²·(φ′(+∞)² + φ′(−∞)²)/2, at q* = 0 the
    /// limit q → 0⁺.
    double chi1 = 0;
    /// The stable fixed point of the correlation map at q*: 1 when χ₁ ≤ 1, else the unique
    /// c* ∈ [0, 1). NaN when q* is 0 or infinite (the map then changes with depth).
    double cStar = 0;
    /// Slope of the correlation map at c*: σ_w²·E[φ′(u₁)φ′(u₂)] (χ₁ when c* = 1).
    double chiC = 0;
    /// Slope of the length map at q*, F′(q*) = σ_w²·V′(q*).
    double lengthSlope = 0;
    /// Depth scales: ξ_q = −1/ln F′(q*), ξ_c = −1/ln χ_c (Schoenholz et al. 2017); infinite
    /// where the slope is 1, NaN where the fixed point does not exist.
    double depthQ = 0, depthC = 0;
    Phase phase = Phase::Ordered;
};

/// q_l, c_l and the gradient ratio for layers 0..L.
struct DepthCurves {
    std::vector<double> q, c;
    /// χ_l = σ_w²·E[φ′(√q_l z)²], the factor by which a squared gradient norm grows going back
    /// through layer l (the last entry is unused: there is no layer above L).
    std::vector<double> chi;
    /// ∏_{k<l} χ_k = E|δ₀|²/E|δ_l|²: how much larger the squared gradient at the input is than
    /// at layer l. 1 at l = 0; grows with l in the chaotic phase, shrinks in the ordered one.
    std::vector<double> gradRatio;
};

/// The result of searching for the critical σ_w² at one σ_b².
struct CriticalPoint {
    bool found = false;
    double sigmaW2 = 0;
    std::string message;  ///< why not, when !found
};

class MeanField {
public:
    explicit MeanField(const ActivationCall& call, const RuleSettings& settings = {});

    ActivationExpectations& expectations() { return m_e; }
    const ActivationCall& call() const { return m_e.call(); }

    /// F(q) = σ_w²·V(q) + σ_b².
    double lengthMap(double q, Variances v);
    /// C(c; q) = (σ_w²·E[φ(u₁)φ(u₂)] + σ_b²)/F(q); equals the brief's (…)/q* at q = q*.
    double correlationMap(double c, double q, Variances v);
    /// σ_w²·E[φ′(√q z)²], with the limits at q = 0 and q = ∞.
    double chi(double q, Variances v);

    /// q*, as in Analysis::qStar.
    double lengthFixedPoint(Variances v);
    /// c* for a given q* (see Analysis::cStar) and χ₁.
    double correlationFixedPoint(double qStar, double chi1, Variances v);
    /// q*, χ₁, c*, the slopes, the depth scales and the phase.
    Analysis analyse(Variances v);
    /// χ₁ only (q* and one more expectation): what a phase diagram needs.
    double chi1(Variances v);

    /// The depth curves from q₀ and c₀ over `depth` layers.
    DepthCurves depthCurves(Variances v, int depth, double q0 = 1, double c0 = 0.5);

    /// The smallest σ_w² with χ₁(σ_w², σ_b²) = 1, to 1e-12 relative, searching σ_w² up to 1e4.
    CriticalPoint criticalSigmaW2(double sigmaB2);

    /// Number of one-dimensional expectations since construction (for the benchmarks).
    long long expectationCount() const { return m_count; }

private:
    double excess(double q, Variances v);  // F(q) − q

    ActivationExpectations m_e;
    long long m_count = 0;
};

/// The phase of a χ₁ value.
Phase phaseOf(double chi1);

}  // namespace actlab::theory
