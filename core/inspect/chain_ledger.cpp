#include "chain_ledger.h"

#include <algorithm>
#include <cmath>

#include "point_features.h"

namespace actlab::inspect {

namespace {

double norm(std::span<const double> v) {
    double s = 0;
    for (double x : v) s += x * x;
    return std::sqrt(s);
}

}  // namespace

bool LedgerBuilder::build(const nn::Mlp& net, const nn::Point& example, int input, int unit,
                          ChainLedger& out) {
    const std::span<const nn::LayerParams> layers = net.layers();
    if (input < 0 || input >= net.inputs() || unit < 0 || unit >= layers[0].out) return false;
    const double x[1] = {example.x}, y[1] = {example.y};
    fillFeatures(net.spec().features, x, y, m_table);
    m_label[0] = example.label;
    // The network's own passes on a batch of one: the forward pass and the output error are
    // exactly the trainer's (Trainer::accumulate); only the products below are written out.
    net.prepare(m_ws, 1);
    net.loadInputs(m_table, 0, m_ws);
    net.forward(m_ws, true);
    net.outputError(m_label, m_ws);
    const std::size_t stride = std::size_t(m_ws.stride);
    const std::size_t hidden = net.spec().hidden.size();
    const nn::OutputKind kind = net.spec().output;

    out.input = input;
    out.unit = unit;
    out.feature = m_ws.a[0][std::size_t(input) * stride];
    out.loss = net.outputLoss(m_label, m_ws).lossSum;
    out.layers.resize(hidden + 1);

    // The output layer.
    const std::size_t outputs = std::size_t(layers.back().out);
    out.output.resize(outputs);
    out.target.resize(outputs);
    LedgerLayer& top = out.layers[0];
    top.layer = int(hidden);
    top.combined = kind == nn::OutputKind::SigmoidBce || kind == nn::OutputKind::SoftmaxCe;
    for (auto* v : {&top.z, &top.slope, &top.upstream, &top.delta}) v->resize(outputs);
    const int cls = outputs == 2 && (example.label == 1 || example.label == -1)
                        ? int(example.label > 0)
                        : int(example.label);  // softmax's class, as Mlp::outputError reads it
    for (std::size_t k = 0; k < outputs; ++k) {
        const double o = m_ws.a.back()[k * stride];
        out.output[k] = o;
        switch (kind) {
            case nn::OutputKind::TanhSquare:
            case nn::OutputKind::LinearSquare:
                out.target[k] = example.label;
                break;
            case nn::OutputKind::SigmoidBce:
                out.target[k] = example.label > 0 ? 1.0 : 0.0;
                break;
            case nn::OutputKind::SoftmaxCe:
                out.target[k] = int(k) == cls ? 1.0 : 0.0;
                break;
        }
        top.z[k] = m_ws.z.back()[k * stride];
        top.delta[k] = m_ws.outDelta[k * stride];
        top.slope[k] = top.combined ? 1.0 : m_ws.d.back()[k * stride];
        top.upstream[k] = top.combined ? top.delta[k] : o - out.target[k];
    }
    top.deltaNorm = norm(top.delta);

    // The hidden layers, from the last down to the first: δ_l = (W_{l+1}ᵀ·δ_{l+1}) ⊙ f′(z_l).
    for (std::size_t r = 1; r <= hidden; ++r) {
        const std::size_t l = hidden - r;  // hidden layer index
        const nn::LayerParams& above = layers[l + 1];
        const std::vector<double>& deltaAbove = out.layers[r - 1].delta;
        LedgerLayer& line = out.layers[r];
        line.layer = int(l);
        line.combined = false;
        const std::size_t width = std::size_t(layers[l].out);
        for (auto* v : {&line.z, &line.slope, &line.upstream, &line.delta}) v->resize(width);
        for (std::size_t i = 0; i < width; ++i) {
            double s = 0;
            for (std::size_t j = 0; j < std::size_t(above.out); ++j)
                s += above.w[j * std::size_t(above.in) + i] * deltaAbove[j];
            line.z[i] = m_ws.z[l + 1][i * stride];
            line.slope[i] = m_ws.d[l + 1][i * stride];
            line.upstream[i] = s;
            line.delta[i] = s * line.slope[i];
        }
        line.deltaNorm = norm(line.delta);
    }
    out.gradient = out.layers.back().delta[std::size_t(unit)] * out.feature;
    return true;
}

double maxAbsSlope(const ActivationSpec& spec, const ParamValues& p) {
    double best = 0;
    const auto at = [&](double x) {
        const double v = std::fabs(spec.df(x, p));
        if (v > best) best = v;  // NaN never wins
        return v;
    };
    // A dense grid over the region where the registry's curves bend, remembering the best.
    constexpr int kSamples = 4001;
    constexpr double kRange = 20.0, kStep = 2 * kRange / (kSamples - 1);
    double bestX = 0, bestGrid = -1;
    for (int k = 0; k < kSamples; ++k) {
        const double x = -kRange + k * kStep;
        if (const double v = at(x); v > bestGrid) {
            bestGrid = v;
            bestX = x;
        }
    }
    // Golden-section search for a smooth maximum between the grid's neighbours.
    double lo = bestX - kStep, hi = bestX + kStep;
    const double g = 0.5 * (std::sqrt(5.0) - 1);
    double c = hi - g * (hi - lo), d = lo + g * (hi - lo);
    double fc = at(c), fd = at(d);
    for (int it = 0; it < 80 && hi - lo > 1e-15 * std::max(1.0, std::fabs(bestX)); ++it) {
        if (fc >= fd) {
            hi = d;
            d = c;
            fd = fc;
            c = hi - g * (hi - lo);
            fc = at(c);
        } else {
            lo = c;
            c = d;
            fc = fd;
            d = lo + g * (hi - lo);
            fd = at(d);
        }
    }
    // Far out, for suprema approached at infinity.
    for (double x = kRange; x <= 1e15; x *= 1.5) {
        at(x);
        at(-x);
    }
    // Both sides of every kink (one-sided limits such as ELU's α at 0⁻) and the kink itself.
    if (spec.kinks)
        for (double k : spec.kinks(p)) {
            if (!std::isfinite(k)) continue;
            const double h = 1e-13 * std::max(1.0, std::fabs(k));
            for (double x :
                 {k, k - h, k + h, std::nextafter(k, -HUGE_VAL), std::nextafter(k, HUGE_VAL)})
                at(x);
        }
    return best;
}

double layerSlopeBound(const nn::Mlp& net, int layer) {
    const ActivationSpec& spec = *net.activationOf(layer);
    const nn::LayerParams& params = net.layers()[std::size_t(layer)];
    if (params.learnable.size() <= 1) return maxAbsSlope(spec, net.paramsOf(layer, 0));
    double best = 0;
    for (int j = 0; j < params.out; ++j)
        best = std::max(best, maxAbsSlope(spec, net.paramsOf(layer, j)));
    return best;
}

}  // namespace actlab::inspect
