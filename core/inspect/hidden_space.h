#pragma once
// The hidden space: how the layers bend the input plane. A stage K is the input features
// (K = 0) or the activations of hidden layer K (K = 1 … L, L hidden layers). This file maps
// points and the lines of an input-plane grid to a stage, and gives the output's decision
// boundary at the last stage, where the output is affine before its activation; projection.h
// brings a stage wider than 2 to the plane. Definitions in docs/why-views.md.
//
// Layout: a stage's values over P points are unit-major, out[u·P + p], with u < stageWidth().

#include <span>
#include <vector>

#include "nn/network.h"
#include "point_features.h"

namespace actlab::inspect {

/// Stages of a network: the input and each hidden layer, L + 1 of them.
int stageCount(const nn::Mlp& net);
/// Width of stage K: the number of features for K = 0, else hidden layer K's neurons.
int stageWidth(const nn::Mlp& net, int stage);

/// The lines of an input-plane grid: `lines` vertical lines x = c_i, then `lines` horizontal
/// lines y = c_i, c_i = gridCoordinate(i, lines) (so −6 and 6 are the first and last), each
/// sampled at `samples` points t_s = gridCoordinate(s, samples) along it, from −6 to 6 (y rising
/// on a vertical line, x rising on a horizontal one). Sample s of line ℓ is point ℓ·samples + s.
struct GridLines {
    int lines = 11;    ///< per direction, ≥ 2
    int samples = 64;  ///< per line, ≥ 2
    int pointCount() const { return 2 * lines * samples; }
    /// Input-plane coordinates of point `index` of the layout above.
    double x(int index) const;
    double y(int index) const;
};

/// Maps points to a stage with the network's forward pass. Keeps its buffers: repeated calls
/// allocate nothing once they have grown. Sets of fewer than kChunk points share one workspace,
/// which is re-zeroed when their size changes: give the train and test points as one table.
class StageEvaluator {
public:
    /// Stage K at every point of `points` (a feature table, as nn::computeFeatures makes it):
    /// out[u·points + p]. Precondition: 0 ≤ stage < stageCount(net),
    /// out.size() == stageWidth(net, stage)·points.points.
    void activations(const nn::Mlp& net, const nn::FeatureTable& points, int stage,
                     std::span<double> out);

    /// The same for input-plane points (xs[p], ys[p]), for instance a decision contour pushed
    /// to the stage. Precondition: xs.size() == ys.size(), out.size() == width·xs.size().
    void activationsAt(const nn::Mlp& net, std::span<const double> xs, std::span<const double> ys,
                       int stage, std::span<double> out);

    /// The grid lines at stage K: out[u·lines.pointCount() + point]. Precondition:
    /// out.size() == stageWidth(net, stage)·lines.pointCount().
    void gridLines(const nn::Mlp& net, const GridLines& lines, int stage, std::span<double> out);

private:
    ChunkedPass m_pass;
    nn::FeatureTable m_scratch;  ///< features of activationsAt's points
    nn::FeatureTable m_lines;    ///< features of the grid lines, rebuilt when they change
    std::vector<double> m_xs, m_ys;
    GridLines m_linesShape{0, 0};
    std::vector<nn::Feature> m_linesFeatures;
};

/// A straight decision boundary in the space of the last stage: w·h + b = threshold, with h the
/// last hidden layer's activations (the input features for a network without hidden layers).
/// The output is affine in h before its activation, so the boundary is exactly this hyperplane.
/// The side w·h + b > threshold is classA's.
struct BoundaryLine {
    std::vector<double> w;  ///< one coefficient per unit of the last stage
    double b = 0;
    /// Always 0 in this form: z = 0 is tanh(z) = 0 (tanh_square), σ(z) = ½ (sigmoid_bce, logit
    /// 0), z = 0 (linear_square, whose prediction is the sign of the output), and for softmax
    /// z_a − z_b = 0.
    double threshold = 0;
    /// Single output: classA = 1 (label +1) and classB = 0 (label −1). Softmax: the pair of
    /// classes a < b whose logits are equal on the line (w = w_a − w_b, b = b_a − b_b).
    int classA = 1, classB = 0;
};

/// The decision boundary at the last stage into `out` (buffers reused): one line for a single
/// output, and for softmax with K classes the K(K−1)/2 pairwise borders z_a = z_b, a < b, in the
/// order (0,1), (0,2), …, (1,2), …. For two classes that line is the whole boundary; for K ≥ 3
/// the border between a and b is only the part of their line where a and b beat every other
/// class (the drawing must clip it, for instance against the predicted-class grid).
void decisionBoundary(const nn::Mlp& net, std::vector<BoundaryLine>& out);

}  // namespace actlab::inspect
