// Back-propagation against central finite differences of the loss: every registry activation in
// the hidden layers, every output and loss, and PReLU's learnable weight in both modes.

#include <gtest/gtest.h>

#include <cmath>

#include "nn/network.h"
#include "nn/rng.h"
#include "registry_params.h"

namespace actlab::test {
namespace {

using nn::OutputKind;

struct Case {
    std::vector<double> xs, ys, labels;
    nn::Mlp net;
};

/// A two-hidden-layer network with `act` and a batch of points with labels for `output`.
Case makeCase(const std::string& act, OutputKind output, int classes, nn::PReluMode mode,
              std::uint64_t seed) {
    nn::NetworkSpec spec;
    spec.features = {nn::Feature::X, nn::Feature::Y, nn::Feature::SinX};
    const ActivationSpec& a = activation(act);
    spec.hidden = {{4, act, a.defaults(), mode}, {3, act, a.defaults(), mode}};
    spec.output = output;
    spec.outputs = output == OutputKind::SoftmaxCe ? classes : 1;
    Case c{{}, {}, {}, nn::Mlp(spec)};
    c.net.initialise(nn::InitKind::Xavier, seed);
    // Non-zero biases so that pre-activations are spread over both sides of any kink.
    nn::Rng rng(seed + 1);
    for (nn::LayerParams& l : c.net.layers())
        for (double& b : l.b) b = rng.uniform(-0.5, 0.5);
    for (int i = 0; i < 13; ++i) {
        c.xs.push_back(rng.uniform(-3, 3));
        c.ys.push_back(rng.uniform(-3, 3));
        const double r = rng.uniform();
        c.labels.push_back(classes == 0   ? rng.uniform(-1, 1)
                           : classes == 2 ? (r < 0.5 ? -1.0 : 1.0)
                                          : std::floor(r * classes));
    }
    return c;
}

double lossSum(const Case& c) {
    nn::Workspace ws;
    c.net.prepare(ws, static_cast<int>(c.xs.size()));
    c.net.loadInputs(nn::computeFeatures(c.net.spec().features, c.xs, c.ys), 0, ws);
    c.net.forward(ws, true);
    return c.net.outputLoss(c.labels, ws).lossSum;
}

nn::Gradients analytic(const Case& c) {
    nn::Workspace ws;
    nn::Gradients g = c.net.makeGradients();
    c.net.prepare(ws, static_cast<int>(c.xs.size()));
    c.net.loadInputs(nn::computeFeatures(c.net.spec().features, c.xs, c.ys), 0, ws);
    c.net.forward(ws, true);
    c.net.outputError(c.labels, ws);
    c.net.backward(ws, g);
    return g;
}

/// Compares every parameter's gradient with (L(p + h) − L(p − h))/2h.
void checkGradients(Case c, const std::string& what) {
    const nn::Gradients g = analytic(c);
    int checked = 0;
    for (std::size_t l = 0; l < c.net.layers().size(); ++l) {
        nn::LayerParams& layer = c.net.layers()[l];
        const std::pair<std::vector<double>*, const std::vector<double>*> sets[] = {
            {&layer.w, &g.w[l]}, {&layer.b, &g.b[l]}, {&layer.learnable, &g.learnable[l]}};
        for (const auto& [params, grads] : sets) {
            for (std::size_t k = 0; k < params->size(); ++k) {
                double& p = (*params)[k];
                const double saved = p, h = 1e-6 * std::max(1.0, std::fabs(p));
                p = saved + h;
                const double up = lossSum(c);
                p = saved - h;
                const double down = lossSum(c);
                p = saved;
                const double fd = (up - down) / (2 * h);
                EXPECT_NEAR((*grads)[k], fd, 2e-5 * (1 + std::fabs(fd)))
                    << what << ": layer " << l << " parameter " << k;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 30) << what;
}

class HiddenActivation : public ::testing::TestWithParam<std::string> {};

TEST_P(HiddenActivation, GradientsMatchFiniteDifferences) {
    checkGradients(makeCase(GetParam(), OutputKind::TanhSquare, 2, nn::PReluMode::PerLayer, 11),
                   GetParam());
}

INSTANTIATE_TEST_SUITE_P(Registry, HiddenActivation, ::testing::ValuesIn(allIds()), idTestName);

TEST(Backprop, EveryOutputAndLoss) {
    checkGradients(makeCase("tanh", OutputKind::TanhSquare, 2, nn::PReluMode::PerLayer, 3), "tanh_square");
    checkGradients(makeCase("gelu", OutputKind::SigmoidBce, 2, nn::PReluMode::PerLayer, 4), "sigmoid_bce");
    checkGradients(makeCase("elu", OutputKind::SoftmaxCe, 3, nn::PReluMode::PerLayer, 5), "softmax_ce 3");
    checkGradients(makeCase("silu", OutputKind::SoftmaxCe, 2, nn::PReluMode::PerLayer, 6), "softmax_ce 2");
    checkGradients(makeCase("tanh", OutputKind::LinearSquare, 0, nn::PReluMode::PerLayer, 7), "linear_square");
}

// A batch's gradient is the sum of its examples' gradients, whatever the batch size (rows are
// padded to whole vectors with filler examples, which must add nothing), and emptied gradients
// (zero()) are overwritten, never added to.
TEST(Backprop, BatchGradientIsTheSumOfItsExamples) {
    for (const char* act : {"tanh", "prelu"}) {
        Case c = makeCase(act, OutputKind::TanhSquare, 2, nn::PReluMode::PerNeuron, 31);
        const nn::FeatureTable table = nn::computeFeatures(c.net.spec().features, c.xs, c.ys);
        nn::Workspace ws;
        nn::Gradients batch = c.net.makeGradients();  // reused: emptied with zero()
        for (int size = 1; size <= int(c.xs.size()); ++size) {
            batch.zero();
            c.net.prepare(ws, size);
            c.net.loadInputs(table, 0, ws);
            c.net.forward(ws, true);
            c.net.outputError(std::span(c.labels).first(std::size_t(size)), ws);
            c.net.backward(ws, batch);
            nn::Gradients single = c.net.makeGradients();  // new, all zeros
            for (int e = 0; e < size; ++e) {
                c.net.prepare(ws, 1);
                c.net.loadInputs(table, e, ws);
                c.net.forward(ws, true);
                c.net.outputError(std::span(c.labels).subspan(std::size_t(e), 1), ws);
                c.net.backward(ws, single);
            }
            ASSERT_EQ(batch.count, size);
            ASSERT_EQ(single.count, size);
            for (std::size_t l = 0; l < batch.w.size(); ++l)
                for (const auto& [x, y] : {std::pair{&batch.w[l], &single.w[l]},
                                           std::pair{&batch.b[l], &single.b[l]},
                                           std::pair{&batch.learnable[l], &single.learnable[l]}})
                    for (std::size_t k = 0; k < x->size(); ++k)
                        EXPECT_NEAR((*x)[k], (*y)[k], 1e-13 * (1 + std::fabs((*y)[k])))
                            << act << ", batch of " << size << ", layer " << l << ", entry " << k;
        }
    }
}

TEST(Backprop, PReluWeightPerLayerAndPerNeuron) {
    for (nn::PReluMode mode : {nn::PReluMode::PerLayer, nn::PReluMode::PerNeuron}) {
        Case c = makeCase("prelu", OutputKind::TanhSquare, 2, mode, 21);
        ASSERT_EQ(c.net.layers()[0].learnable.size(), mode == nn::PReluMode::PerLayer ? 1u : 4u);
        // Different slopes per neuron, so that a wrong index would show.
        for (std::size_t k = 0; k < c.net.layers()[0].learnable.size(); ++k)
            c.net.layers()[0].learnable[k] = 0.1 + 0.15 * double(k);
        checkGradients(c, mode == nn::PReluMode::PerLayer ? "prelu per layer" : "prelu per neuron");
    }
}

/// True when the network's passes fuse their multiply-adds (one rounding): every CPU with FMA.
/// Found from the network itself: (1 + 2⁻³⁰)² − 1 is 2⁻²⁹ + 2⁻⁶⁰ fused and 2⁻²⁹ otherwise.
bool passesFuse() {
    nn::NetworkSpec spec;
    spec.features = {nn::Feature::X};
    spec.hidden = {{1, "identity", activation("identity").defaults(), nn::PReluMode::PerLayer}};
    spec.output = OutputKind::LinearSquare;
    spec.outputs = 1;
    nn::Mlp net(spec);
    const double e = std::ldexp(1.0, -30);
    net.layers()[0].w = {1 + e};
    net.layers()[0].b = {-1.0};
    const std::vector<double> xs{1 + e}, ys{0.0};
    nn::Workspace ws;
    net.prepare(ws, 1);
    net.loadInputs(nn::computeFeatures(spec.features, xs, ys), 0, ws);
    net.forward(ws, false);
    return ws.z[1][0] != std::ldexp(1.0, -29);
}

// The passes hold up to four blocks of examples side by side in registers, however many a batch
// has; every example must still be one plain chain of multiply-adds in the order of the weights,
// so that a result does not depend on the batch it was computed in; the weight gradients sum
// four inputs' lanes at once, in each weight's own order. Checked exactly, entry by entry, for
// batches of 1 to 21 examples (one to five blocks).
TEST(Passes, EveryExampleIsOneMultiplyAddChainWhateverTheBatch) {
    const bool fused = passesFuse();
    const auto mac = [fused](double w, double x, double acc) {
        if (fused) return std::fma(w, x, acc);
        const double product = w * x;
        return product + acc;
    };
    // Fan-ins of 3, 6 and 5: inputs taken four at a time, the rest one at a time, and both.
    nn::NetworkSpec spec;
    spec.features = {nn::Feature::X, nn::Feature::Y, nn::Feature::SinX};
    const ParamValues leaky = activation("leaky_relu").defaults();
    spec.hidden = {{6, "leaky_relu", leaky, nn::PReluMode::PerLayer},
                   {5, "leaky_relu", leaky, nn::PReluMode::PerLayer}};
    Case c{{}, {}, {}, nn::Mlp(spec)};
    c.net.initialise(nn::InitKind::Xavier, 41);
    nn::Rng rng(42);
    for (nn::LayerParams& l : c.net.layers())
        for (double& b : l.b) b = rng.uniform(-0.5, 0.5);
    while (c.xs.size() < 21) {
        c.xs.push_back(rng.uniform(-3, 3));
        c.ys.push_back(rng.uniform(-3, 3));
        c.labels.push_back(rng.uniform() < 0.5 ? 1.0 : -1.0);
    }
    const nn::FeatureTable table = nn::computeFeatures(c.net.spec().features, c.xs, c.ys);
    const std::span<const nn::LayerParams> layers = c.net.layers();
    nn::Workspace ws;
    for (int n = 1; n <= 21; ++n) {
        c.net.prepare(ws, n);
        c.net.loadInputs(table, 0, ws);
        c.net.forward(ws, true);
        c.net.outputError(std::span(c.labels).first(std::size_t(n)), ws);
        nn::Gradients g = c.net.makeGradients();
        c.net.backward(ws, g);
        const std::size_t stride = std::size_t(ws.stride);
        for (std::size_t l = 0; l < layers.size(); ++l) {
            const nn::LayerParams& p = layers[l];
            for (int j = 0; j < p.out; ++j)
                for (std::size_t b = 0; b < std::size_t(n); ++b) {
                    double z = p.b[std::size_t(j)];
                    for (int i = 0; i < p.in; ++i)
                        z = mac(p.w[std::size_t(j * p.in + i)],
                                ws.a[l][std::size_t(i) * stride + b], z);
                    ASSERT_EQ(ws.z[l + 1][std::size_t(j) * stride + b], z)
                        << "forward, batch of " << n << ", layer " << l << ", unit " << j;
                }
            const std::vector<double>& above =
                l + 1 == layers.size() ? ws.outDelta : ws.delta[l + 1];
            // The weight gradients: in each of the four lanes a chain over the blocks (fillers
            // included, whose δ is 0), then the lanes summed as (l₀ + l₂) + (l₁ + l₃).
            for (int j = 0; j < p.out; ++j)
                for (int i = 0; i < p.in; ++i) {
                    double lane[4] = {0, 0, 0, 0};
                    for (std::size_t q = 0; q < stride; q += 4)
                        for (std::size_t k = 0; k < 4; ++k)
                            lane[k] = mac(above[std::size_t(j) * stride + q + k],
                                          ws.a[l][std::size_t(i) * stride + q + k], lane[k]);
                    ASSERT_EQ(g.w[l][std::size_t(j * p.in + i)],
                              (lane[0] + lane[2]) + (lane[1] + lane[3]))
                        << "gradient, batch of " << n << ", layer " << l << ", weight " << j
                        << "," << i;
                }
            if (l == 0) continue;
            // δ of the layer below: Σⱼ w[j][i]·δ[j] from 0, then times f′.
            for (int i = 0; i < p.in; ++i)
                for (std::size_t b = 0; b < std::size_t(n); ++b) {
                    double sum = 0;
                    for (int j = 0; j < p.out; ++j)
                        sum = mac(p.w[std::size_t(j * p.in + i)],
                                  above[std::size_t(j) * stride + b], sum);
                    const std::size_t k = std::size_t(i) * stride + b;
                    ASSERT_EQ(ws.delta[l][k], sum * ws.d[l][k])
                        << "backward, batch of " << n << ", layer " << l << ", input " << i;
                }
        }
    }
}

TEST(Passes, TheSquaredErrorIsSummedInFourLanesAndCountsOnlyMatchingLabels) {
    const bool fused = passesFuse();
    nn::Rng rng(7);
    for (const OutputKind kind : {OutputKind::TanhSquare, OutputKind::LinearSquare}) {
        nn::NetworkSpec spec;
        spec.features = {nn::Feature::X, nn::Feature::Y};
        spec.hidden = {{3, "tanh", activation("tanh").defaults(), nn::PReluMode::PerLayer}};
        spec.output = kind;
        spec.outputs = 1;
        nn::Mlp net(spec);
        net.initialise(nn::InitKind::Xavier, 5);
        std::vector<double> xs, ys, labels;
        for (int i = 0; i < 21; ++i) {
            xs.push_back(rng.uniform(-3, 3));
            ys.push_back(rng.uniform(-3, 3));
            // Regression targets that are not ±1 count as no class.
            const double r = rng.uniform();
            labels.push_back(r < 0.4 ? 1.0 : r < 0.8 ? -1.0 : rng.uniform(-1, 1));
        }
        const nn::FeatureTable table = nn::computeFeatures(spec.features, xs, ys);
        nn::Workspace ws;
        for (int n = 1; n <= 21; ++n) {
            net.prepare(ws, n);
            net.loadInputs(table, 0, ws);
            net.forward(ws, false);
            const std::span<const double> batchLabels = std::span(labels).first(std::size_t(n));
            const nn::BatchLoss r = net.outputLoss(batchLabels, ws);
            // Example b adds ½d·d into lane b mod 4; the lanes are summed as (l₀ + l₂) + (l₁ + l₃).
            double lane[4] = {0, 0, 0, 0};
            long double exact = 0;
            int correct = 0;
            for (std::size_t b = 0; b < std::size_t(n); ++b) {
                const double o = ws.a.back()[b], d = o - labels[b];
                lane[b % 4] = fused ? std::fma(0.5 * d, d, lane[b % 4]) : 0.5 * d * d + lane[b % 4];
                exact += 0.5L * (long double)d * d;
                correct += (o >= 0 ? 1.0 : -1.0) == labels[b];
            }
            ASSERT_EQ(r.lossSum, (lane[0] + lane[2]) + (lane[1] + lane[3])) << "batch of " << n;
            EXPECT_NEAR(r.lossSum, double(exact), 1e-15 * double(exact)) << "batch of " << n;
            EXPECT_EQ(r.correct, correct) << "batch of " << n;
        }
    }
}

// outputBound is a bound: no input within the feature bounds gives a larger output, for every
// registry activation; it is infinite for a formula layer (no growth known) and for weights
// whose products pass 1e300.
TEST(OutputBound, HoldsForEveryActivationAndIsInfiniteWhereNothingIsKnown) {
    for (const ActivationSpec& act : activations()) {
        Case c = makeCase(std::string(act.id), OutputKind::LinearSquare, 0,
                          nn::PReluMode::PerNeuron, 51);
        for (nn::LayerParams& l : c.net.layers())
            for (double& w : l.w) w *= 3;  // away from the small initial weights
        const std::vector<double> featureBound{3.0, 3.0, 1.0};  // x, y in [−3, 3]; sin x
        const double bound = c.net.outputBound(featureBound);
        ASSERT_TRUE(std::isfinite(bound)) << act.id;
        std::vector<double> xs, ys;
        nn::Rng rng(52);
        for (int k = 0; k < 400; ++k) {
            // Corners and edges too, where a linear growth is largest.
            xs.push_back(k % 4 == 0 ? (k % 8 == 0 ? 3.0 : -3.0) : rng.uniform(-3, 3));
            ys.push_back(k % 4 == 1 ? (k % 8 == 1 ? 3.0 : -3.0) : rng.uniform(-3, 3));
        }
        nn::Workspace ws;
        c.net.prepare(ws, int(xs.size()));
        c.net.loadInputs(nn::computeFeatures(c.net.spec().features, xs, ys), 0, ws);
        c.net.forward(ws, false);
        double largest = 0;
        for (std::size_t b = 0; b < xs.size(); ++b)
            largest = std::max(largest, std::fabs(ws.z.back()[b]));
        EXPECT_LE(largest, bound) << act.id;
        EXPECT_GT(largest, 0.0) << act.id;
    }
    Case c = makeCase("relu", OutputKind::TanhSquare, 2, nn::PReluMode::PerLayer, 53);
    const std::vector<double> featureBound{3.0, 3.0, 1.0};
    EXPECT_TRUE(std::isfinite(c.net.outputBound(featureBound)));
    nn::Mlp huge = c.net;
    for (nn::LayerParams& l : huge.layers()) l.w[0] = 1e160;
    EXPECT_EQ(huge.outputBound(featureBound), HUGE_VAL);
    nn::Mlp notANumber = c.net;
    notANumber.layers()[1].b[0] = std::nan("");
    EXPECT_EQ(notANumber.outputBound(featureBound), HUGE_VAL);
    nn::NetworkSpec formula = c.net.spec();
    formula.hidden[1].activation = "formula";
    formula.hidden[1].formula = "x*x";
    nn::Mlp withFormula(formula);
    EXPECT_EQ(withFormula.outputBound(featureBound), HUGE_VAL);
}

}  // namespace
}  // namespace actlab::test
