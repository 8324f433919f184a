// GridEvaluator::outputGridRange: pieces of the output grid computed separately (as the GUI's
// worker threads do) are exactly the whole grid; one evaluator serves networks of any shape.

#include <gtest/gtest.h>

#include <vector>

#include "activations/registry.h"
#include "nn/grid.h"
#include "nn/session.h"

namespace actlab::test {
namespace {

nn::Mlp network(nn::OutputKind output, int outputs, const char* act) {
    nn::NetworkSpec spec;
    spec.features = {nn::Feature::X, nn::Feature::Y, nn::Feature::SinX};
    spec.hidden = {{5, act, activation(act).defaults(), nn::PReluMode::PerLayer},
                   {3, act, activation(act).defaults(), nn::PReluMode::PerLayer}};
    spec.output = output;
    spec.outputs = outputs;
    nn::Mlp net(spec);
    net.initialise(nn::InitKind::Xavier, 7);
    return net;
}

void expectPiecesMakeTheWhole(const nn::Mlp& net, int n, std::vector<int> cuts) {
    std::vector<double> whole(std::size_t(n * n)), pieces(std::size_t(n * n), -99);
    nn::GridEvaluator().outputGrid(net, n, whole);
    std::vector<nn::GridEvaluator> evaluators(cuts.size() - 1);
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
        evaluators[k].outputGridRange(net, n, pieces, cuts[k], cuts[k + 1]);
    EXPECT_EQ(pieces, whole);
}

TEST(GridRange, PiecesEqualTheWholeGrid) {
    const nn::Mlp tanhNet = network(nn::OutputKind::TanhSquare, 1, "tanh");
    expectPiecesMakeTheWhole(tanhNet, 100, {0, 2500, 5000, 7500, 10000});
    expectPiecesMakeTheWhole(tanhNet, 37, {0, 1, 700, 701, 1369});  // uneven, tiny pieces
    const nn::Mlp softmax = network(nn::OutputKind::SoftmaxCe, 4, "gelu");
    expectPiecesMakeTheWhole(softmax, 64, {0, 1000, 4096});
}

TEST(GridRange, OnlyTheRangeIsWritten) {
    const nn::Mlp net = network(nn::OutputKind::SigmoidBce, 1, "relu");
    std::vector<double> out(400, -7);
    nn::GridEvaluator().outputGridRange(net, 20, out, 100, 150);
    for (int p = 0; p < 400; ++p) {
        if (p >= 100 && p < 150)
            EXPECT_NE(out[std::size_t(p)], -7) << p;
        else
            EXPECT_EQ(out[std::size_t(p)], -7) << p;
    }
    nn::GridEvaluator().outputGridRange(net, 20, out, 30, 30);  // empty range: nothing
}

TEST(GridRange, OneEvaluatorServesNetworksOfDifferentShapes) {
    // The evaluator keeps its workspace between calls; a network of another shape must resize it.
    const nn::Mlp a = network(nn::OutputKind::TanhSquare, 1, "tanh");
    nn::NetworkSpec spec;
    spec.features = {nn::Feature::X, nn::Feature::Y};
    spec.hidden = {{7, "relu", {}, nn::PReluMode::PerLayer}};
    spec.output = nn::OutputKind::SoftmaxCe;
    spec.outputs = 3;
    nn::Mlp b(spec);
    b.initialise(nn::InitKind::He, 3);
    nn::GridEvaluator shared;
    const nn::Mlp* order[] = {&a, &b, &a, &b};
    for (const nn::Mlp* net : order) {
        std::vector<double> fromShared(20 * 20), fromFresh(20 * 20);  // one chunk
        shared.outputGrid(*net, 20, fromShared);
        nn::GridEvaluator().outputGrid(*net, 20, fromFresh);
        EXPECT_EQ(fromShared, fromFresh);
    }
}

}  // namespace
}  // namespace actlab::test
