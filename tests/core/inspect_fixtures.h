#pragma once
// Networks, point sets and an independent scalar forward pass for the tests of core/inspect.

#include <cmath>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "nn/network.h"
#include "nn/rng.h"
#include "nn/session.h"

namespace actlab::test {

/// A network with hidden layers `widths` of activation `act` (default parameters), Xavier
/// weights and biases spread in (−0.5, 0.5), so that pre-activations fall on both sides of kinks.
inline nn::Mlp makeNet(const std::string& act, std::vector<int> widths,
                       nn::OutputKind output = nn::OutputKind::TanhSquare, int outputs = 1,
                       std::vector<nn::Feature> features = {nn::Feature::X, nn::Feature::Y},
                       std::uint64_t seed = 5, nn::PReluMode mode = nn::PReluMode::PerLayer) {
    nn::NetworkSpec spec;
    spec.features = std::move(features);
    for (int w : widths) spec.hidden.push_back({w, act, activation(act).defaults(), mode});
    spec.output = output;
    spec.outputs = outputs;
    nn::Mlp net(spec);
    net.initialise(nn::InitKind::Xavier, seed);
    nn::Rng rng(seed + 17);
    for (nn::LayerParams& l : net.layers()) {
        for (double& b : l.b) b = rng.uniform(-0.5, 0.5);
        for (double& a : l.learnable)
            a = rng.uniform(0.05, 0.6);  // PReLU weights per neuron differ
    }
    return net;
}

/// `count` points spread over [−6, 6]² with labels for `classes` (0 regression, 2 ±1, K ≥ 3).
inline std::vector<nn::Point> makePoints(int count, int classes, std::uint64_t seed = 9) {
    nn::Rng rng(seed);
    std::vector<nn::Point> points;
    for (int i = 0; i < count; ++i) {
        nn::Point p{rng.uniform(-6, 6), rng.uniform(-6, 6), 0};
        const double r = rng.uniform();
        p.label = classes == 0   ? rng.uniform(-1, 1)
                  : classes == 2 ? (r < 0.5 ? -1.0 : 1.0)
                                 : std::floor(r * classes);
        points.push_back(p);
    }
    return points;
}

inline nn::FeatureTable featuresOf(const nn::Mlp& net, const std::vector<nn::Point>& points) {
    return nn::computeFeatures(net.spec().features, points);
}

/// z and a of every layer (0: a = the features) at one point, with the registry's scalar kernels
/// (not the network's batch kernels): an independent reference.
struct ScalarPass {
    std::vector<std::vector<double>> z, a;
};

inline ScalarPass scalarForward(const nn::Mlp& net, double x, double y) {
    ScalarPass s;
    std::vector<double> in;
    for (nn::Feature f : net.spec().features) in.push_back(nn::featureValue(f, x, y));
    s.z.push_back({});
    s.a.push_back(in);
    const std::size_t hidden = net.spec().hidden.size();
    for (std::size_t l = 0; l < net.layers().size(); ++l) {
        const nn::LayerParams& layer = net.layers()[l];
        std::vector<double> z(std::size_t(layer.out)), a(std::size_t(layer.out));
        for (int j = 0; j < layer.out; ++j) {
            double sum = layer.b[std::size_t(j)];
            for (int i = 0; i < layer.in; ++i)
                sum += layer.w[std::size_t(j * layer.in + i)] * in[std::size_t(i)];
            z[std::size_t(j)] = sum;
            a[std::size_t(j)] = l < hidden
                                    ? net.activationOf(int(l))->f(sum, net.paramsOf(int(l), j))
                                    : sum;  // the output layer: z (callers apply g)
        }
        s.z.push_back(z);
        s.a.push_back(a);
        in = a;
    }
    return s;
}

/// |a − b| ≤ tol·max(|a|, |b|, floor).
inline bool close(double a, double b, double tol, double floor = 1e-300) {
    return std::fabs(a - b) <= tol * std::max({std::fabs(a), std::fabs(b), floor});
}

}  // namespace actlab::test
