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

void InputGradient::tangents(const nn::Mlp& net, const nn::Workspace& ws,
                             std::span<const double> xs, std::span<const double> ys, int start) {
    const std::size_t stride = std::size_t(ws.stride), b1 = std::size_t(ws.batch);
    const std::size_t first = std::size_t(start);
    const std::span<const nn::LayerParams> layers = net.layers();
    const std::size_t hidden = net.spec().hidden.size();
    // The input tangents: the features' derivatives along x and along y.
    const std::vector<nn::Feature>& features = net.spec().features;
    for (int d = 0; d < 2; ++d) m_tangent[d].resize(features.size() * stride);
    for (std::size_t f = 0; f < features.size(); ++f)
        for (std::size_t b = 0; b < b1; ++b)
            featureDerivatives(features[f], xs[first + b], ys[first + b],
                               m_tangent[0][f * stride + b], m_tangent[1][f * stride + b]);
    // Through the layers: ż = W·ȧ, then ȧ = f′(z) ⊙ ż (the output layer's activation below).
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const nn::LayerParams& layer = layers[l];
        const std::size_t in = std::size_t(layer.in), out = std::size_t(layer.out);
        const double* slope = ws.d[l + 1].data();
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
    const std::vector<double>& a = ws.a.back();
    const std::vector<double>& slope = ws.d.back();
    m_dx.resize(b1);
    m_dy.resize(b1);
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
        m_dx[b] = g[0];
        m_dy[b] = g[1];
    }
}

void InputGradient::gradients(const nn::Mlp& net, std::span<const double> xs,
                              std::span<const double> ys, std::span<double> dx,
                              std::span<double> dy) {
    fillFeatures(net.spec().features, xs, ys, m_scratch);
    // With derivatives: the slopes f′(z) of every layer, as training computes them.
    m_pass.run(net, m_scratch, true, [&](const nn::Workspace& ws, int start, int from) {
        tangents(net, ws, xs, ys, start);
        for (int b = from; b < ws.batch; ++b) {
            dx[std::size_t(start + b)] = m_dx[std::size_t(b)];
            dy[std::size_t(start + b)] = m_dy[std::size_t(b)];
        }
    });
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
    m_pass.run(net, table, true, [&](const nn::Workspace& ws, int start, int from) {
        tangents(net, ws, m_gridX, m_gridY, start);
        for (int b = from; b < ws.batch; ++b)
            out[std::size_t(start + b)] = std::hypot(m_dx[std::size_t(b)], m_dy[std::size_t(b)]);
    });
}

}  // namespace actlab::inspect
