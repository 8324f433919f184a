#pragma once
// Operating points: where a network's inputs sit on its activation curves. For every hidden
// layer, the pre-activations z of all its units over a set of points (the training set), their
// histogram, and the shares of (unit, example) pairs in the explorer's two zones: the dead zone
// (f′(z) = 0 exactly) and the vanishing-gradient zone (|f′(z)| < ε). Definitions in
// docs/why-views.md.
//
//     OperatingPoints now, then;
//     now.compute(trainer.network(), trainFeatures);   // per frame: no allocation once grown
//     then.compute(initialNetwork, trainFeatures);     // "then and now"
//     histogram(now.preactivations(0), edges, hist);
//     const ZoneShares zones = zoneShares(now.slopes(0), 0.01);

#include <cstdint>
#include <span>
#include <vector>

#include "nn/network.h"
#include "point_features.h"

namespace actlab::inspect {

/// z and f′(z) of every hidden unit at every point of a set, from the network's own forward pass
/// (the same kernels as training, so f′ is what back-propagation multiplies by).
class OperatingPoints {
public:
    /// One forward pass over the points (in chunks). Any Mlp: pass the initial network for the
    /// "then" of "then and now".
    void compute(const nn::Mlp& net, const nn::FeatureTable& points);

    int layerCount() const { return static_cast<int>(m_units.size()); }  ///< hidden layers
    int pointCount() const { return m_points; }
    int unitCount(int layer) const { return m_units[std::size_t(layer)]; }

    /// Pre-activations of hidden layer `layer` (0-based), unit-major: z[u·points + p].
    std::span<const double> preactivations(int layer) const;
    /// f′(z) in the same layout, with the layer's activation and parameters (PReLU's learned one).
    std::span<const double> slopes(int layer) const;

private:
    ChunkedPass m_pass;
    std::vector<std::vector<double>> m_z, m_slope;
    std::vector<int> m_units;
    int m_points = 0;
};

/// Counts of values in bins [e₀, e₁), [e₁, e₂), …, [e_{k−1}, e_k] (the last bin closed), with
/// the values below e₀, above e_k and not numbers apart, so that total() is the number of values.
struct Histogram {
    std::vector<std::int64_t> counts;  ///< one per bin
    std::int64_t below = 0, above = 0, nonFinite = 0;
    /// Every value counted: the bins, below, above and non-finite (NaN; ±inf land below/above).
    std::int64_t total() const;
    /// The bin's share of total() (0 when there are no values).
    double share(std::size_t bin) const;
};

/// Histogram of `values` over `edges`, into `out` (its buffer reused). Returns false and leaves
/// `out` empty when the edges are fewer than 2, not finite or not strictly increasing.
bool histogram(std::span<const double> values, std::span<const double> edges, Histogram& out);

/// `bins` + 1 equally spaced edges from lo to hi into `edges` (resized). Precondition: bins ≥ 1,
/// lo < hi, both finite.
void uniformEdges(double lo, double hi, int bins, std::vector<double>& edges);

/// Shares of (unit, example) pairs in the explorer's zones.
struct ZoneShares {
    std::int64_t pairs = 0;      ///< values counted
    std::int64_t dead = 0;       ///< f′(z) == 0 exactly
    std::int64_t vanishing = 0;  ///< |f′(z)| < ε: the vanishing zone, which includes the dead one
    double deadShare() const { return pairs ? double(dead) / double(pairs) : 0.0; }
    double vanishingShare() const { return pairs ? double(vanishing) / double(pairs) : 0.0; }
};

/// The zone counts of slopes f′(z) (as OperatingPoints::slopes gives them) for ε = `epsilon`.
/// NaN slopes are in neither zone.
ZoneShares zoneShares(std::span<const double> slopes, double epsilon);

}  // namespace actlab::inspect
