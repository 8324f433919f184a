#pragma once
// |∇ₓ output|: how fast the network's output changes across the input plane, the map a smooth
// network shows instead of linear regions (it is large where the boundary is sharp). Computed
// exactly by forward-mode differentiation: the two input directions ∂/∂x and ∂/∂y are carried
// through the features and every layer with the slopes f′(z) of the network's own forward pass,
// so there is no finite-difference step. Definitions in docs/why-views.md.
//
// The output differentiated: tanh_square, sigmoid_bce: the output after its activation (tanh(z),
// σ(z)); linear_square: z; softmax_ce: the probability of the predicted class.

#include <span>
#include <vector>

#include "nn/network.h"
#include "point_features.h"

namespace actlab::inspect {

class InputGradient {
public:
    /// ∂o/∂x and ∂o/∂y at the input-plane points (xs[p], ys[p]). Precondition: all five spans
    /// have the same size.
    void gradients(const nn::Mlp& net, std::span<const double> xs, std::span<const double> ys,
                   std::span<double> dx, std::span<double> dy);

    /// |∇ₓ o| = √((∂o/∂x)² + (∂o/∂y)²) over the n×n grid in GridEvaluator's layout (cell i·n + j).
    /// Precondition: n ≥ 2, out.size() == n·n. Allocates only while its buffers grow.
    void magnitudeGrid(const nn::Mlp& net, int n, std::span<double> out);

private:
    /// ∂o/∂x and ∂o/∂y into m_dx, m_dy for the examples of `ws` after a forward pass with
    /// derivatives: points [start, start + ws.batch), at xs[start …], ys[start …].
    void tangents(const nn::Mlp& net, const nn::Workspace& ws, std::span<const double> xs,
                  std::span<const double> ys, int start);

    GridFeatures m_grid;
    ChunkedPass m_pass;
    nn::FeatureTable m_scratch;
    std::vector<double> m_tangent[2], m_next[2];  ///< ∂a/∂x, ∂a/∂y of a layer: width × stride
    std::vector<double> m_gridX, m_gridY, m_dx, m_dy;
};

}  // namespace actlab::inspect
