#pragma once
// The network evaluated on a regular grid of the domain, for the decision-boundary heatmap and
// the neuron thumbnails. Results go into caller-owned buffers; the evaluator keeps its workspace,
// so repeated calls allocate nothing.
//
// Layout (TensorFlow Playground's): out[i·n + j] is the value at (x_i, y_j) with
// x_i = −6·(1 − t) + 6·t, t = i/(n − 1), rising with i, and y_j = x_{n−1−j}, falling with j
// (j = 0 is the top row).

#include <span>
#include <vector>

#include "dataset.h"
#include "network.h"

namespace actlab::nn {

/// x_i of an n-point grid axis, computed as Playground's d3 scale does.
double gridCoordinate(int i, int n);

class GridEvaluator {
public:
    /// The output over an n×n grid: the network output for a single-output network, and the
    /// predicted class (0 … K−1) for softmax. Precondition: out.size() == n·n, n ≥ 2.
    void outputGrid(const Mlp& net, int n, std::span<double> out);

    /// The part of outputGrid for the grid points [begin, end) of the layout above (point i·n + j
    /// is out[i·n + j]); nothing else of `out` is written. Several evaluators can fill one grid
    /// in parallel, each its own range. Precondition: out.size() == n·n, n ≥ 2,
    /// 0 ≤ begin ≤ end ≤ n·n.
    void outputGridRange(const Mlp& net, int n, std::span<double> out, int begin, int end);

    /// Every unit's activation over an m×m grid, hidden layers in order then the output layer:
    /// out[(k·m + i)·m + j] for unit k. Precondition: out.size() == units·m·m.
    void unitGrids(const Mlp& net, int m, std::span<double> out);

    /// Number of units unitGrids() writes: all hidden neurons plus the outputs.
    static int unitCount(const Mlp& net);

private:
    /// Feature table of the n×n grid points, rebuilt only when n or the features change.
    const FeatureTable& features(const Mlp& net, int n);

    FeatureTable m_table;
    int m_n = 0;
    std::vector<Feature> m_features;
    Workspace m_ws;
};

}  // namespace actlab::nn
