#include "grid.h"

#include <algorithm>

namespace actlab::nn {

namespace {
constexpr int kChunk = 512;  // grid points per forward pass: the workspace stays in cache
}

double gridCoordinate(int i, int n) {
    const double t = static_cast<double>(i) / (n - 1);
    return -kDomain * (1 - t) + kDomain * t;
}

const FeatureTable& GridEvaluator::features(const Mlp& net, int n) {
    if (n == m_n && net.spec().features == m_features) return m_table;
    std::vector<double> xs, ys;
    xs.reserve(std::size_t(n) * std::size_t(n));
    ys.reserve(std::size_t(n) * std::size_t(n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            xs.push_back(gridCoordinate(i, n));
            ys.push_back(gridCoordinate(n - 1 - j, n));
        }
    m_table = computeFeatures(net.spec().features, xs, ys);
    m_n = n;
    m_features = net.spec().features;
    return m_table;
}

void GridEvaluator::outputGrid(const Mlp& net, int n, std::span<double> out) {
    outputGridRange(net, n, out, 0, n * n);
}

void GridEvaluator::outputGridRange(const Mlp& net, int n, std::span<double> out, int begin,
                                    int end) {
    const FeatureTable& table = features(net, n);
    const bool softmax = net.spec().output == OutputKind::SoftmaxCe;
    for (int first = begin; first < end; first += kChunk) {
        const int count = std::min(kChunk, end - first);
        net.prepare(m_ws, count);
        net.loadInputs(table, first, m_ws);
        net.forward(m_ws, false);
        const std::span<const double> o = net.outputs(m_ws);
        for (int b = 0; b < count; ++b)
            out[std::size_t(first + b)] =
                softmax
                    ? predictedLabel(OutputKind::SoftmaxCe, o, std::size_t(b), std::size_t(m_ws.stride))
                    : o[std::size_t(b)];
    }
}

int GridEvaluator::unitCount(const Mlp& net) {
    int units = 0;
    for (const LayerParams& l : net.layers()) units += l.out;
    return units;
}

void GridEvaluator::unitGrids(const Mlp& net, int m, std::span<double> out) {
    const FeatureTable& table = features(net, m);
    const int total = m * m;
    for (int first = 0; first < total; first += kChunk) {
        const int count = std::min(kChunk, total - first);
        net.prepare(m_ws, count);
        net.loadInputs(table, first, m_ws);
        net.forward(m_ws, false);
        std::size_t unit = 0;
        for (std::size_t l = 1; l < m_ws.a.size(); ++l) {
            const std::vector<double>& a = m_ws.a[l];  // rows of m_ws.stride ≥ count
            const std::size_t units = std::size_t(net.layers()[l - 1].out);
            for (std::size_t k = 0; k < units; ++k, ++unit)
                std::copy_n(a.begin() + static_cast<long>(k * std::size_t(m_ws.stride)), count,
                            out.begin() + static_cast<long>(unit * std::size_t(total) + std::size_t(first)));
        }
    }
}

}  // namespace actlab::nn
