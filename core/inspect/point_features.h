#pragma once
// Feature tables for the inspection views, built into reused buffers: the features of given
// input-plane points, and those of the n×n grid in GridEvaluator's cell order (core/nn/grid.h),
// so that a view recomputed at every frame allocates nothing once its buffers have grown.

#include <span>
#include <vector>

#include "nn/network.h"

namespace actlab::inspect {

/// Examples per forward pass of the inspection views: the workspace stays in cache.
inline constexpr int kChunk = 512;

/// Fills `table` with the features of the points (xs[p], ys[p]), reusing its buffer.
/// Precondition: xs.size() == ys.size().
void fillFeatures(std::span<const nn::Feature> features, std::span<const double> xs,
                  std::span<const double> ys, nn::FeatureTable& table);

/// The features of the n×n grid, cell i·n + j at (x_i, y_{n−1−j}) with x_i = gridCoordinate(i, n)
/// (GridEvaluator's layout, as `train --grid` writes it), rebuilt only when n or the features
/// change.
class GridFeatures {
public:
    /// The table for `features` on an n×n grid (n ≥ 2).
    const nn::FeatureTable& get(std::span<const nn::Feature> features, int n);

private:
    nn::FeatureTable m_table;
    std::vector<nn::Feature> m_features;
    std::vector<double> m_xs, m_ys;
    int m_n = 0;
};

/// x and y of grid cell `cell` = i·n + j of the layout above.
double gridCellX(int cell, int n);
double gridCellY(int cell, int n);

}  // namespace actlab::inspect
