#pragma once
// Everything the explorer's signal-propagation view draws for one activation at one (σ_w², σ_b²),
// computed in one call so that a view can run it off the window's thread and a benchmark can time
// what a slider step costs: the analysis (q*, χ₁, c*, phase, depth scales), the length map and the
// correlation map with their fixed points, the depth curves, and for activations that are not odd
// the mean/variance map of self-normalising networks.

#include <vector>

#include "activations/activation_call.h"
#include "theory/gaussian_quadrature.h"
#include "theory/mean_field.h"
#include "theory/mean_map.h"

namespace actlab::theory {

struct PropagationFigures {
    Analysis analysis;
    /// The length map F(q) at `lengthQ` (0 … 3·max(q*, 1), or 0 … 3 where q* is 0 or infinite).
    std::vector<double> lengthQ, lengthMap;
    /// The correlation map C(c; q) at `correlationC` (−1 … 1), at q = `correlationAt`: q* where it
    /// is finite and positive, else 1.
    std::vector<double> correlationC, correlationMap;
    double correlationAt = 1;
    /// q_l, c_l and the gradient ratio from q₀ = 1, c₀ = 0.5 over the chosen depth.
    DepthCurves depth;
    /// The mean/variance map (weights summing to 0, τ = σ_w²): only for activations that are not
    /// odd (`meanShown`); its fixed point near (0, 1) and the curves from (μ, ν) = (1, 2).
    bool meanShown = false;
    MeanFixedPoint meanFixed;
    MeanCurves meanCurves;
};

/// Points of the two maps.
inline constexpr int kLengthMapPoints = 101;
inline constexpr int kCorrelationMapPoints = 41;
/// Where the mean curves start, away from the fixed point so that attraction shows.
inline constexpr MeanVariance kMeanCurvesStart{1.0, 2.0};

/// Computes the figures with `field` (which holds the activation and the quadrature rules).
/// `depth` ≥ 1 layers. `withMean`: also the mean map, when the activation is not odd.
PropagationFigures propagationFigures(MeanField& field, Variances v, int depth, bool withMean);

}  // namespace actlab::theory
