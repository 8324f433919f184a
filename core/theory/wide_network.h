#pragma once
// A random wide network, simulated, to set beside the mean-field theory (mean_field.h): how far
// a finite width is from the infinite-width limit.
//
// Layers h_{l+1} = W_{l+1}·φ(h_l) + b_{l+1}, width N, W_ij ~ N(0, σ_w²/N), b_i ~ N(0, σ_b²),
// float64. The inputs are `pairs` pairs of pre-activation vectors h_0 with mean square exactly q₀
// and, within each pair, correlation exactly c₀. Per layer the simulation measures
//   q_l  the mean square pre-activation over units and inputs,
//   c_l  the correlation h_a·h_b/(|h_a||h_b|) within a pair, averaged over the pairs,
//   the mean squared gradient |δ_l|²/N with respect to h_l, back-propagating a standard normal
//   error at layer L through the same weights.
// Everything is determined by the seed (nn::Rng streams, one per layer, so the backward pass
// regenerates each layer's weights instead of storing them: memory stays O(N·pairs·L)).

#include <cstdint>
#include <vector>

#include "activations/activation_call.h"
#include "mean_field.h"

namespace actlab::theory {

struct SimulationSettings {
    Variances variances;
    int width = 512;
    int depth = 50;
    int pairs = 4;  ///< input pairs; 2·pairs inputs in all
    std::uint64_t seed = 1;
    double q0 = 1;
    double c0 = 0.5;
    bool gradients = true;  ///< run the backward pass
};

/// Per layer l = 0..depth.
struct SimulationResult {
    std::vector<double> q, c;
    /// Mean squared gradient |δ_l|²/N, averaged over the inputs (empty without gradients).
    std::vector<double> gradNorm2;
    /// gradNorm2[0]/gradNorm2[l], to set beside DepthCurves::gradRatio.
    std::vector<double> gradRatio;
};

/// Limits of the settings, checked by simulateWideNetwork.
inline constexpr int kMaxSimulationWidth = 4096;
inline constexpr int kMaxSimulationDepth = 1000;
inline constexpr int kMaxSimulationPairs = 256;

/// Runs the simulation. Throws std::invalid_argument for settings outside the limits above,
/// negative variances, q₀ ≤ 0 or |c₀| > 1.
SimulationResult simulateWideNetwork(const ActivationCall& call, const SimulationSettings& s);

}  // namespace actlab::theory
