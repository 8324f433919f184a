#pragma once
// Sums against a Gaussian density, vectorised: the inner integrals of the correlated
// expectations (gaussian_expectation.cpp) are, for each outer node, a sum over fixed nodes whose
// only changing factor is the density exp(−½((x − mean)/sd)²). These loops are most of a slider
// step of the signal-propagation view.

#include <span>

namespace actlab::theory {

/// Σᵢ aᵢ·exp(−½((xᵢ − mean)·invSd)²). x and a have the same length.
double gaussianSum(std::span<const double> x, std::span<const double> a, double mean,
                   double invSd);

/// wᵢ ← wᵢ·exp(−½zᵢ²), the standard normal density's shape applied to rule weights.
void applyDensity(std::span<const double> z, std::span<double> w);

}  // namespace actlab::theory
