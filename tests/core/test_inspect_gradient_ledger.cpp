// |∇ₓ output| (core/inspect/input_gradient.h) against central differences, and the chain-rule
// ledger (chain_ledger.h) against the trainer's gradient for every registry activation and every
// output, with the explorer's bound sup |f′| against closed forms.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numbers>

#include "inspect/chain_ledger.h"
#include "inspect/input_gradient.h"
#include "inspect/region_map.h"
#include "inspect_fixtures.h"
#include "nn/grid.h"
#include "registry_params.h"

namespace actlab::test {
namespace {

using nn::OutputKind;

const std::vector<nn::Feature> kAllFeatures = {
    nn::Feature::X,       nn::Feature::Y,    nn::Feature::XSquared, nn::Feature::YSquared,
    nn::Feature::XTimesY, nn::Feature::SinX, nn::Feature::SinY};

/// The differentiated output at (x, y) (input_gradient.h), and the predicted class.
double outputAt(const nn::Mlp& net, double x, double y, int& cls) {
    const ScalarPass s = scalarForward(net, x, y);
    const std::vector<double>& z = s.z.back();
    cls = 0;
    switch (net.spec().output) {
        case OutputKind::TanhSquare:
            return std::tanh(z[0]);
        case OutputKind::SigmoidBce:
            return 1 / (1 + std::exp(-z[0]));
        case OutputKind::LinearSquare:
            return z[0];
        case OutputKind::SoftmaxCe: {
            double sum = 0;
            for (std::size_t k = 0; k < z.size(); ++k) {
                sum += std::exp(z[k]);
                if (z[k] > z[std::size_t(cls)]) cls = int(k);
            }
            return std::exp(z[std::size_t(cls)]) / sum;
        }
    }
    return 0;
}

TEST(InputGradient, MatchesCentralDifferences) {
    const std::vector<nn::Point> points = makePoints(60, 2, 77);
    std::vector<double> xs, ys;
    for (const nn::Point& p : points) {
        xs.push_back(p.x / 2);  // inside [−3, 3]: the outputs are not saturated flat
        ys.push_back(p.y / 2);
    }
    int checked = 0;
    for (const char* act : {"tanh", "gelu", "softplus", "elu", "sigmoid"})
        for (const auto& [kind, outputs] : {std::pair{OutputKind::TanhSquare, 1},
                                            {OutputKind::SigmoidBce, 1},
                                            {OutputKind::LinearSquare, 1},
                                            {OutputKind::SoftmaxCe, 3}}) {
            nn::Mlp net = makeNet(act, {5, 4}, kind, outputs, kAllFeatures, 8);
            for (double& w : net.layers()[0].w) w *= 0.3;  // the squared features are large
            std::vector<double> dx(xs.size()), dy(xs.size());
            inspect::InputGradient grad;
            grad.gradients(net, xs, ys, dx, dy);
            const double h = 1e-5;
            for (std::size_t p = 0; p < xs.size(); ++p) {
                int c0, c1, c2, c3, c4;
                outputAt(net, xs[p], ys[p], c0);
                const double fx =
                    (outputAt(net, xs[p] + h, ys[p], c1) - outputAt(net, xs[p] - h, ys[p], c2)) /
                    (2 * h);
                const double fy =
                    (outputAt(net, xs[p], ys[p] + h, c3) - outputAt(net, xs[p], ys[p] - h, c4)) /
                    (2 * h);
                if (c1 != c0 || c2 != c0 || c3 != c0 || c4 != c0) continue;  // on a class border
                EXPECT_NEAR(dx[p], fx, 1e-7 * (1 + std::fabs(fx))) << act << " " << int(kind);
                EXPECT_NEAR(dy[p], fy, 1e-7 * (1 + std::fabs(fy))) << act << " " << int(kind);
                ++checked;
            }
        }
    EXPECT_GT(checked, 1000);
}

TEST(InputGradient, GridIsTheMagnitudeAtTheGridPoints) {
    const nn::Mlp net = makeNet("silu", {6, 3}, OutputKind::TanhSquare, 1, kAllFeatures);
    const int n = 40;
    std::vector<double> grid(std::size_t(n * n)), xs, ys;
    for (int c = 0; c < n * n; ++c) {
        xs.push_back(nn::gridCoordinate(c / n, n));
        ys.push_back(nn::gridCoordinate(n - 1 - c % n, n));
    }
    std::vector<double> dx(xs.size()), dy(xs.size());
    inspect::InputGradient grad;
    grad.magnitudeGrid(net, n, grid);
    grad.gradients(net, xs, ys, dx, dy);
    for (std::size_t c = 0; c < grid.size(); ++c)
        EXPECT_NEAR(grid[c], std::hypot(dx[c], dy[c]), 1e-15 * grid[c]);
}

TEST(InputGradient, IsConstantInsideALinearRegion) {
    const nn::Mlp net = makeNet("relu", {6, 6}, OutputKind::LinearSquare);
    const int n = 60;
    std::vector<int> region(std::size_t(n * n));
    std::vector<double> mag(std::size_t(n * n));
    inspect::RegionMap().compute(net, n, region);
    inspect::InputGradient().magnitudeGrid(net, n, mag);
    std::map<int, double> first;
    for (std::size_t c = 0; c < region.size(); ++c) {
        const auto [it, fresh] = first.emplace(region[c], mag[c]);
        EXPECT_NEAR(mag[c], it->second, 1e-12 * (1 + it->second)) << "region " << region[c];
    }
    EXPECT_GT(first.size(), 3u);
}

/// The trainer's gradient of every first-layer weight for one example: a batch of one through
/// the network's passes (Trainer::accumulate), no regularisation.
std::vector<double> trainerGradient(const nn::Mlp& net, const nn::Point& p) {
    nn::Workspace ws;
    nn::Gradients g = net.makeGradients();
    const std::vector<double> xs = {p.x}, ys = {p.y}, labels = {p.label};
    net.prepare(ws, 1);
    net.loadInputs(nn::computeFeatures(net.spec().features, xs, ys), 0, ws);
    net.forward(ws, true);
    net.outputError(labels, ws);
    net.backward(ws, g);
    return g.w[0];
}

void checkLedger(const nn::Mlp& net, const std::vector<nn::Point>& points,
                 const std::string& what) {
    inspect::LedgerBuilder builder;
    inspect::ChainLedger ledger;
    const int in = net.inputs(), units = net.layers()[0].out;
    int nonZero = 0;
    for (const nn::Point& p : points) {
        const std::vector<double> g = trainerGradient(net, p);
        for (int j = 0; j < units; ++j)
            for (int i = 0; i < in; ++i) {
                ASSERT_TRUE(builder.build(net, p, i, j, ledger));
                const double expected = g[std::size_t(j * in + i)];
                EXPECT_TRUE(close(ledger.gradient, expected, 1e-12))
                    << what << ": " << ledger.gradient << " vs " << expected << " (w " << i << "→"
                    << j << ")";
                nonZero += expected != 0;
            }
        // The ledger's own arithmetic: δ = upstream ⊙ slope, the norms, the layer order.
        ASSERT_EQ(ledger.layers.size(), net.layers().size());
        for (std::size_t r = 0; r < ledger.layers.size(); ++r) {
            const inspect::LedgerLayer& line = ledger.layers[r];
            EXPECT_EQ(line.layer, int(ledger.layers.size() - 1 - r));
            double sq = 0;
            for (std::size_t u = 0; u < line.delta.size(); ++u) {
                if (!line.combined) {
                    EXPECT_EQ(line.delta[u], line.upstream[u] * line.slope[u]);
                }
                sq += line.delta[u] * line.delta[u];
            }
            EXPECT_DOUBLE_EQ(line.deltaNorm, std::sqrt(sq));
        }
    }
    EXPECT_GT(nonZero, 0) << what;
}

class LedgerActivation : public ::testing::TestWithParam<std::string> {};

TEST_P(LedgerActivation, EqualsTheTrainersGradientForEveryFirstLayerWeight) {
    const std::vector<nn::Point> points = makePoints(12, 2, 31);
    for (const nn::PReluMode mode : {nn::PReluMode::PerLayer, nn::PReluMode::PerNeuron}) {
        nn::Mlp net = makeNet(GetParam(), {4, 3, 3}, OutputKind::TanhSquare, 1,
                              {nn::Feature::X, nn::Feature::Y, nn::Feature::XTimesY}, 13, mode);
        // Inputs of a few units, centred on the row's kinks (Threshold's f′ is 0 below θ = 1),
        // so that every layer has units on both sides of them.
        const ActivationSpec& spec = activation(GetParam());
        const std::vector<double> kinks = spec.kinks(spec.defaults());
        double centre = 0;
        for (double k : kinks) centre += k / double(kinks.size());
        if (std::fabs(centre) > 6) centre = 0;
        for (std::size_t l = 0; l < net.layers().size(); ++l) {
            for (double& w : net.layers()[l].w) w *= 0.6;
            if (l + 1 < net.layers().size())
                for (double& b : net.layers()[l].b) b += centre;
        }
        checkLedger(net, points, GetParam());
        if (net.layers()[0].learnable.empty()) break;  // the mode matters for PReLU only
    }
}

INSTANTIATE_TEST_SUITE_P(Registry, LedgerActivation, ::testing::ValuesIn(allIds()), idTestName);

TEST(Ledger, EveryOutputAndNoHiddenLayer) {
    checkLedger(makeNet("sigmoid", {5, 4, 3, 3, 2, 2}, OutputKind::SigmoidBce),
                makePoints(10, 2, 3), "bce deep");
    checkLedger(makeNet("gelu", {4}, OutputKind::SoftmaxCe, 3), makePoints(10, 3, 4), "softmax 3");
    checkLedger(makeNet("elu", {4, 2}, OutputKind::SoftmaxCe, 2), makePoints(10, 2, 5),
                "softmax ±1");
    checkLedger(makeNet("tanh", {3}, OutputKind::LinearSquare), makePoints(10, 0, 6), "regression");
    checkLedger(makeNet("tanh", {}, OutputKind::TanhSquare), makePoints(10, 2, 7),
                "no hidden layer");
}

TEST(Ledger, TheOutputErrorAndItsFactors) {
    const nn::Mlp net = makeNet("tanh", {3, 2});
    const nn::Point p{1.5, -2, -1};
    inspect::ChainLedger ledger;
    ASSERT_TRUE(inspect::LedgerBuilder().build(net, p, 1, 2, ledger));
    const ScalarPass ref = scalarForward(net, p.x, p.y);
    const double o = std::tanh(ref.z.back()[0]);
    EXPECT_NEAR(ledger.output[0], o, 1e-15);
    EXPECT_EQ(ledger.target[0], -1.0);
    EXPECT_NEAR(ledger.layers[0].upstream[0], o + 1, 1e-15);
    EXPECT_NEAR(ledger.layers[0].slope[0], 1 - o * o, 1e-15);
    EXPECT_NEAR(ledger.loss, 0.5 * (o + 1) * (o + 1), 1e-15);
    EXPECT_EQ(ledger.feature, -2.0);  // feature 1 is y
    EXPECT_EQ(ledger.input, 1);
    EXPECT_EQ(ledger.unit, 2);
    // Out of range: refused, and the ledger is left alone.
    EXPECT_FALSE(inspect::LedgerBuilder().build(net, p, 2, 0, ledger));
    EXPECT_FALSE(inspect::LedgerBuilder().build(net, p, 0, 3, ledger));
    EXPECT_FALSE(inspect::LedgerBuilder().build(net, p, -1, 0, ledger));
    EXPECT_EQ(ledger.unit, 2);
}

TEST(SlopeBound, ClosedForms) {
    const auto bound = [](const char* id, ParamValues p) {
        return inspect::maxAbsSlope(activation(id), p);
    };
    const auto d = [](const char* id) { return activation(id).defaults(); };
    const double sqrt2 = std::numbers::sqrt2;
    const double phi = std::exp(-1.0) / std::sqrt(2 * std::numbers::pi);  // φ(√2)
    const double geluMax = 0.5 * std::erfc(-1.0) + sqrt2 * phi;  // Φ(√2) + √2·φ(√2)
    const double selu = 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717;
    const std::pair<double, double> cases[] = {
        {bound("sigmoid", d("sigmoid")), 0.25},
        {bound("tanh", d("tanh")), 1.0},
        {bound("relu", {}), 1.0},
        {bound("leaky_relu", {2.5, 0}), 2.5},
        {bound("hardsigmoid", {}), 1.0 / 6},
        {bound("hardswish", {}), 1.5},
        {bound("elu", {2.0, 0}), 2.0},  // at 0⁻
        {bound("selu", {}), selu},      // λα at 0⁻
        {bound("gelu", d("gelu")), geluMax},
        {bound("softsign", {}), 1.0},
        {bound("tanhshrink", {}), 1.0},  // approached at ±∞
        {bound("identity", {}), 1.0},
        {bound("softplus", {0.1, 20}), 1.0},  // σ(βx) → 1 far out
    };
    for (const auto& [got, want] : cases) EXPECT_NEAR(got, want, 1e-12 * want);
}

TEST(SlopeBound, BoundsEveryRowsSlope) {
    nn::Rng rng(12);
    for (const ActivationSpec& spec : activations()) {
        for (const ParamValues& p : parameterSamples(spec)) {
            const double b = inspect::maxAbsSlope(spec, p);
            EXPECT_TRUE(std::isfinite(b)) << spec.id;
            for (int k = 0; k < 2000; ++k) {
                const double x = rng.uniform(-30, 30);
                EXPECT_LE(std::fabs(spec.df(x, p)), b * (1 + 1e-12)) << spec.id << " at " << x;
            }
        }
    }
    nn::Mlp net = makeNet("prelu", {4}, OutputKind::TanhSquare, 1, {nn::Feature::X, nn::Feature::Y},
                          5, nn::PReluMode::PerNeuron);
    net.layers()[0].learnable = {0.1, -3.0, 0.5, 2.0};
    EXPECT_EQ(inspect::layerSlopeBound(net, 0), 3.0);
}

}  // namespace
}  // namespace actlab::test
