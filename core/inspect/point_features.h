#pragma once
// Feature tables for the inspection views, built into reused buffers: the features of given
// input-plane points, and those of the n×n grid in GridEvaluator's cell order (core/nn/grid.h),
// so that a view recomputed at every frame allocates nothing once its buffers have grown; and
// the chunked forward pass they all run.

#include <algorithm>
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

/// Forward passes over a whole feature table in chunks of one size. The last chunk overlaps
/// the one before it instead of being shorter (the pass gives every example the same values
/// whatever its chunk), so the workspace keeps its size between chunks and between calls:
/// Mlp::prepare() re-zeroes a workspace whose batch changes, which for a 6×8 network cost as
/// much as the pass itself.
class ChunkedPass {
public:
    /// Runs the network over every point of `table` and calls visit(ws, start, from) after each
    /// forward pass: ws holds points [start, start + ws.batch), of which those from
    /// start + from on were not in an earlier chunk.
    template <class Visit>
    void run(const nn::Mlp& net, const nn::FeatureTable& table, bool derivatives, Visit&& visit) {
        const int points = table.points;
        if (points <= 0) return;
        const int batch = std::min(kChunk, points);
        nn::Workspace& ws = batch == kChunk ? m_full : m_short;  // a short set keeps its own
        net.prepare(ws, batch);
        for (int first = 0; first < points; first += batch) {
            const int start = std::min(first, points - batch);
            net.loadInputs(table, start, ws);
            net.forward(ws, derivatives);
            visit(static_cast<const nn::Workspace&>(ws), start, first - start);
        }
    }

private:
    nn::Workspace m_full, m_short;
};

/// x and y of grid cell `cell` = i·n + j of the layout above.
double gridCellX(int cell, int n);
double gridCellY(int cell, int n);

}  // namespace actlab::inspect
