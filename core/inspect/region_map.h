#pragma once
// The linear regions of a piecewise-linear network over the n×n grid of the decision-boundary
// heatmap. A cell's activation pattern is the piece (linear_pieces.h) every hidden unit is on
// there; cells with the same pattern are one region, on which the network is one affine map (so
// the decision boundary is straight inside it). Regions are numbered 0 … R−1 in order of first
// appearance in GridEvaluator's cell order (cell i·n + j, x rising with i, y falling with j).
// Definitions in docs/why-views.md.
//
//     RegionMap map;                                    // keep it: its buffers are reused
//     std::vector<int> region(n * n);
//     const RegionResult r = map.compute(net, n, region);
//     if (!r.piecewiseLinear) showGradientMap();       // input_gradient.h
//     else label(r.regions);

#include <cstdint>
#include <span>
#include <vector>

#include "linear_pieces.h"
#include "nn/network.h"
#include "point_features.h"

namespace actlab::inspect {

struct RegionResult {
    bool piecewiseLinear = false;
    int regions = 0;       ///< R, when piecewise linear
    int smoothLayer = -1;  ///< the first hidden layer (0-based) that is not piecewise linear
    int smoothUnit = -1;   ///< and its first such unit (PReLU can differ per unit)
};

/// Whether every hidden activation of the network is piecewise linear with its current
/// parameters (the learnable ones included); regions and the map are left out.
RegionResult piecewiseLinearity(const nn::Mlp& net);

class RegionMap {
public:
    /// The region of every cell of the n×n grid into `region` (n ≥ 2, region.size() == n·n).
    /// For a network that is not piecewise linear nothing is written and the result says which
    /// layer is smooth. Allocates only while its buffers grow, and when an activation's
    /// parameters change (linearPieces()).
    RegionResult compute(const nn::Mlp& net, int n, std::span<int> region);

    /// Hidden units of the last compute(): the length of a pattern.
    int unitCount() const { return m_units; }
    /// The activation pattern of region r of the last compute(): the piece of every hidden unit,
    /// hidden layers in order and units in order within a layer.
    std::span<const std::uint8_t> pattern(int region) const;
    /// The pieces of hidden unit u (numbered as in a pattern) of the last compute().
    const LinearPieces& unitPieces(int unit) const { return m_pieces[std::size_t(unit)]; }

private:
    bool updatePieces(const nn::Mlp& net, RegionResult& result);
    int lookup(const std::uint64_t* key, int nextId);
    void grow();

    GridFeatures m_grid;
    ChunkedPass m_pass;
    int m_units = 0;
    std::size_t m_words = 0;  ///< 64-bit words per packed pattern
    // Per hidden unit: its activation row, parameters, pieces and place in the packed key.
    std::vector<const ActivationSpec*> m_specs;
    std::vector<ParamValues> m_params;
    std::vector<LinearPieces> m_pieces;
    std::vector<std::uint8_t> m_valid;
    std::vector<int> m_word, m_shift;
    std::vector<std::uint64_t> m_keys;        ///< a chunk's packed patterns, kChunk × words
    std::vector<std::uint64_t> m_regionKeys;  ///< the packed pattern of each region
    std::vector<int> m_table;                 ///< open addressing: region id or −1
    std::vector<std::uint8_t> m_patterns;     ///< unpacked patterns, R × units
};

}  // namespace actlab::inspect
