#include "input_gradient.h"

#include <algorithm>
#include <cmath>

namespace actlab::inspect {

namespace {

/// ∂feature/∂x and ∂feature/∂y at (x, y).
void featureDerivatives(nn::Feature f, double x, double y, double& dx, double& dy) {
    dx = dy = 0;
    switch (f) {
        case nn::Feature::X:
            dx = 1;
            break;
        case nn::Feature::Y:
            dy = 1;
            break;
        case nn::Feature::XSquared:
            dx = 2 * x;
            break;
        case nn::Feature::YSquared:
            dy = 2 * y;
            break;
        case nn::Feature::XTimesY:
            dx = y;
            dy = x;
            break;
        case nn::Feature::SinX:
            dx = std::cos(x);
            break;
        case nn::Feature::SinY:
            dy = std::cos(y);
            break;
    }
}

}  // namespace

void InputGradient::pass(const nn::Mlp& net, const nn::FeatureTable& table,
                         std::span<const double> xs, std::span<const double> ys, int first,
                         int count, double* dx, double* dy) {
    net.prepare(m_ws, count);
    net.loadInputs(table, first, m_ws);
    net.forward(m_ws, true);  // f′(z) of every layer, as training computes it
    const std::size_t stride = std::size_t(m_ws.stride), b1 = std::size_t(count);
    const std::span<const nn::LayerParams> layers = net.layers();
    const std::size_t hidden = net.spec().hidden.size();
    // The input tangents: the features' derivatives along x and along y.
    const std::vector<nn::Feature>& features = net.spec().features;
    for (int d = 0; d < 2; ++d) m_tangent[d].resize(features.size() * stride);
    for (std::size_t f = 0; f < features.size(); ++f)
        for (std::size_t b = 0; b < b1; ++b)
            featureDerivatives(features[f], xs[std::size_t(first) + b], ys[std::size_t(first) + b],
                               m_tangent[0][f * stride + b], m_tangent[1][f * stride + b]);
    // Through the layers: ż = W·ȧ, then ȧ = f′(z) ⊙ ż (the output layer's activation below).
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const nn::LayerParams& layer = layers[l];
        const std::size_t in = std::size_t(layer.in), out = std::size_t(layer.out);
        const double* slope = m_ws.d[l + 1].data();
        for (int d = 0; d < 2; ++d) {
            m_next[d].assign(out * stride, 0.0);
            for (std::size_t j = 0; j < out; ++j) {
                double* next = m_next[d].data() + j * stride;
                for (std::size_t i = 0; i < in; ++i) {
                    const double w = layer.w[j * in + i];
                    const double* t = m_tangent[d].data() + i * stride;
                    for (std::size_t b = 0; b < b1; ++b) next[b] += w * t[b];
                }
                if (l < hidden)
                    for (std::size_t b = 0; b < b1; ++b) next[b] *= slope[j * stride + b];
            }
            std::swap(m_tangent[d], m_next[d]);
        }
    }
    // m_tangent now holds ż of the output layer.
    const std::vector<double>& a = m_ws.a.back();
    const std::vector<double>& slope = m_ws.d.back();
    const std::size_t outputs = std::size_t(layers.back().out);
    for (std::size_t b = 0; b < b1; ++b) {
        double g[2];
        if (net.spec().output == nn::OutputKind::SoftmaxCe) {
            // ∂p_c = p_c·(ż_c − Σ_k p_k·ż_k) for the predicted class c.
            std::size_t c = 0;
            for (std::size_t k = 1; k < outputs; ++k)
                if (a[k * stride + b] > a[c * stride + b]) c = k;
            for (int d = 0; d < 2; ++d) {
                double mean = 0;
                for (std::size_t k = 0; k < outputs; ++k)
                    mean += a[k * stride + b] * m_tangent[d][k * stride + b];
                g[d] = a[c * stride + b] * (m_tangent[d][c * stride + b] - mean);
            }
        } else {  // o = g(z): g′(z)·ż (g′ = 1 for linear_square)
            for (int d = 0; d < 2; ++d) g[d] = slope[b] * m_tangent[d][b];
        }
        dx[b] = g[0];
        dy[b] = g[1];
    }
}

void InputGradient::gradients(const nn::Mlp& net, std::span<const double> xs,
                              std::span<const double> ys, std::span<double> dx,
                              std::span<double> dy) {
    fillFeatures(net.spec().features, xs, ys, m_scratch);
    const int points = static_cast<int>(xs.size());
    for (int first = 0; first < points; first += kChunk) {
        const int count = std::min(kChunk, points - first);
        pass(net, m_scratch, xs, ys, first, count, dx.data() + first, dy.data() + first);
    }
}

void InputGradient::magnitudeGrid(const nn::Mlp& net, int n, std::span<double> out) {
    const nn::FeatureTable& table = m_grid.get(net.spec().features, n);
    const int cells = n * n;
    if (int(m_gridX.size()) != cells) {
        m_gridX.resize(std::size_t(cells));
        m_gridY.resize(std::size_t(cells));
        for (int c = 0; c < cells; ++c) {
            m_gridX[std::size_t(c)] = gridCellX(c, n);
            m_gridY[std::size_t(c)] = gridCellY(c, n);
        }
    }
    m_dx.resize(std::size_t(kChunk));
    m_dy.resize(std::size_t(kChunk));
    for (int first = 0; first < cells; first += kChunk) {
        const int count = std::min(kChunk, cells - first);
        pass(net, table, m_gridX, m_gridY, first, count, m_dx.data(), m_dy.data());
        for (int b = 0; b < count; ++b)
            out[std::size_t(first + b)] = std::hypot(m_dx[std::size_t(b)], m_dy[std::size_t(b)]);
    }
}

}  // namespace actlab::inspect
