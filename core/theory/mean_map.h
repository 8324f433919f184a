#pragma once
// The mean/variance map of self-normalising networks (Klambauer et al. 2017, "Self-Normalizing
// Neural Networks"), for activations that are not odd (SELU, ELU, GELU, sigmoid, ...), whose
// outputs do not have mean 0 even when their inputs do.
//
// A unit's activations x have mean μ and variance ν over the units of the layer below. With the
// weights of a unit summing to ω = Σ_j w_j and their squares to τ = Σ_j w_j² (zero-mean weights
// of variance σ_w²/fan-in: ω = 0 and τ = σ_w² on average) and a bias of variance σ_b², the
// pre-activation is z ~ N(μ·ω, ν·τ + σ_b²) by the central limit theorem, and the next layer's
// activations have
//   μ̃ = E[φ(z)],   ν̃ = E[φ(z)²] − μ̃².
// SELU's λ and α are chosen so that (μ, ν) = (0, 1) is a fixed point for ω = 0, τ = 1 (LeCun's
// initialisation) and an attracting one: the Jacobian's spectral radius is below 1.

#include <vector>

#include "gaussian_expectation.h"

namespace actlab::theory {

/// Mean and variance of a layer's activations.
struct MeanVariance {
    double mean = 0;
    double variance = 1;
};

/// The statistics of a unit's incoming weights and bias.
struct WeightStatistics {
    double omega = 0;    ///< Σ_j w_j
    double tau = 1;      ///< Σ_j w_j² (σ_w² under fan-in scaling)
    double sigmaB2 = 0;  ///< bias variance
};

/// One step of the map, with its Jacobian ∂(μ̃, ν̃)/∂(μ, ν) (rows μ̃, ν̃; columns μ, ν).
struct MeanMapStep {
    MeanVariance next;
    double jacobian[2][2] = {{0, 0}, {0, 0}};
    /// Largest |eigenvalue| of the Jacobian.
    double spectralRadius = 0;
};

/// The map at (μ, ν). The derivatives come from the Gaussian density (no f″), so they are right
/// for activations with kinks too.
MeanMapStep meanMap(ActivationExpectations& e, MeanVariance in, WeightStatistics w);

/// A fixed point of the map found by Newton's method from `start` (default (0, 1)).
struct MeanFixedPoint {
    bool found = false;
    MeanVariance point;
    MeanMapStep step;  ///< the map at the fixed point: its Jacobian and spectral radius
    bool attracting() const { return found && step.spectralRadius < 1; }
};
MeanFixedPoint meanFixedPoint(ActivationExpectations& e, WeightStatistics w,
                              MeanVariance start = {});

/// μ_l, ν_l for l = 0..depth from `start`, applying the map with the same weights at every layer.
struct MeanCurves {
    std::vector<double> mean, variance;
};
MeanCurves meanCurves(ActivationExpectations& e, WeightStatistics w, MeanVariance start, int depth);

/// True when f(−x) = −f(x) at the probe points (to 1e-14 relative): for odd activations the mean
/// map is trivial (μ = 0 stays 0) and a view can leave it out.
bool isOdd(const ActivationCall& call);

}  // namespace actlab::theory
