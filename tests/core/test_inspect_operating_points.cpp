// Operating points (core/inspect/operating_points.h): the pre-activations against a scalar
// forward pass, histograms that account for every (unit, example) pair, and the zone shares
// against the closed-form derivatives.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "inspect/operating_points.h"
#include "inspect_fixtures.h"

namespace actlab::test {
namespace {

using inspect::Histogram;
using inspect::OperatingPoints;

TEST(OperatingPoints, PreactivationsEqualAScalarForwardPass) {
    // 700 points: more than one chunk of the pass.
    const nn::Mlp net = makeNet("elu", {5, 3, 4}, nn::OutputKind::TanhSquare, 1,
                                {nn::Feature::X, nn::Feature::Y, nn::Feature::XTimesY});
    const std::vector<nn::Point> points = makePoints(700, 2);
    OperatingPoints op;
    op.compute(net, featuresOf(net, points));
    ASSERT_EQ(op.layerCount(), 3);
    ASSERT_EQ(op.pointCount(), 700);
    for (std::size_t p = 0; p < points.size(); ++p) {
        const ScalarPass ref = scalarForward(net, points[p].x, points[p].y);
        for (int l = 0; l < 3; ++l) {
            const std::size_t units = std::size_t(op.unitCount(l));
            ASSERT_EQ(units, ref.z[std::size_t(l) + 1].size());
            for (std::size_t u = 0; u < units; ++u) {
                const double z = op.preactivations(l)[u * points.size() + p];
                const double zRef = ref.z[std::size_t(l) + 1][u];
                EXPECT_NEAR(z, zRef, 1e-12 * std::max(1.0, std::fabs(zRef)))
                    << l << " " << u << " " << p;
                // ELU's f′ in closed form: 1 above 0, eᶻ below.
                const double slope = op.slopes(l)[u * points.size() + p];
                EXPECT_NEAR(slope, zRef > 0 ? 1.0 : std::exp(zRef), 1e-12);
            }
        }
    }
}

TEST(OperatingPoints, HistogramsSumToUnitsTimesExamples) {
    const nn::Mlp net = makeNet("tanh", {6, 2, 5});
    const std::vector<nn::Point> points = makePoints(333, 2);
    OperatingPoints op;
    op.compute(net, featuresOf(net, points));
    Histogram h;
    std::vector<double> edges;
    // Narrow edges leave values below and above; wide ones hold them all.
    for (const auto& [lo, hi] : {std::pair{-0.5, 0.5}, {-50.0, 50.0}}) {
        inspect::uniformEdges(lo, hi, 24, edges);
        for (int l = 0; l < op.layerCount(); ++l) {
            ASSERT_TRUE(inspect::histogram(op.preactivations(l), edges, h));
            EXPECT_EQ(h.total(), std::int64_t(op.unitCount(l)) * 333) << l;
            std::int64_t inBins = 0;
            double shares = 0;
            for (std::size_t b = 0; b < h.counts.size(); ++b) {
                inBins += h.counts[b];
                shares += h.share(b);
            }
            EXPECT_EQ(inBins + h.below + h.above + h.nonFinite, h.total());
            if (hi == 50.0) {
                EXPECT_EQ(h.below + h.above, 0);
                EXPECT_NEAR(shares, 1.0, 1e-12);
            } else {
                EXPECT_GT(h.below + h.above, 0);
            }
        }
    }
}

TEST(OperatingPoints, HistogramBinsMatchABruteForceCount) {
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> edges = {-1, 0, 0.5, 2};
    const std::vector<double> values = {-1,  -0.5, 0,   0.25, 0.5,          1.9,  2,
                                        2.5, -3,   inf, -inf, std::nan(""), -0.0, 1e-300};
    Histogram h;
    ASSERT_TRUE(inspect::histogram(values, edges, h));
    // [−1, 0): −1, −0.5; [0, 0.5): 0, 0.25, −0.0, 1e-300; [0.5, 2]: 0.5, 1.9, 2.
    EXPECT_EQ(h.counts, (std::vector<std::int64_t>{2, 4, 3}));
    EXPECT_EQ(h.below, 2);  // −3, −inf
    EXPECT_EQ(h.above, 2);  // 2.5, inf
    EXPECT_EQ(h.nonFinite, 1);
    EXPECT_EQ(h.total(), std::int64_t(values.size()));
    EXPECT_DOUBLE_EQ(h.share(1), 4.0 / double(values.size()));
}

TEST(OperatingPoints, BadEdgesAreRefused) {
    Histogram h;
    const std::vector<double> v = {1, 2};
    EXPECT_FALSE(inspect::histogram(v, std::vector<double>{1.0}, h));
    EXPECT_FALSE(inspect::histogram(v, std::vector<double>{0, 1, 1}, h));
    EXPECT_FALSE(inspect::histogram(v, std::vector<double>{1, 0}, h));
    EXPECT_FALSE(inspect::histogram(v, std::vector<double>{0, std::nan("")}, h));
    EXPECT_TRUE(h.counts.empty());
    EXPECT_EQ(h.total(), 0);
}

TEST(OperatingPoints, ReluDeadZoneIsWhereZIsNotPositive) {
    const nn::Mlp net = makeNet("relu", {8, 8, 8});
    const std::vector<nn::Point> points = makePoints(400, 2);
    OperatingPoints op;
    op.compute(net, featuresOf(net, points));
    for (int l = 0; l < op.layerCount(); ++l) {
        std::int64_t notPositive = 0;
        for (double z : op.preactivations(l)) notPositive += !(z > 0);  // f′(0) = 0
        const inspect::ZoneShares zones = inspect::zoneShares(op.slopes(l), 0.01);
        EXPECT_EQ(zones.pairs, std::int64_t(op.unitCount(l)) * 400);
        EXPECT_EQ(zones.dead, notPositive) << l;
        EXPECT_EQ(zones.vanishing, notPositive) << l;  // ReLU's slopes are 0 or 1
        EXPECT_GT(zones.deadShare(), 0.0);
        EXPECT_LT(zones.deadShare(), 1.0);
    }
}

TEST(OperatingPoints, SigmoidVanishingZoneMatchesTheClosedForm) {
    nn::Mlp net = makeNet("sigmoid", {6, 6});
    for (double& w : net.layers()[0].w) w *= 4;  // push some z into the flat tails
    const std::vector<nn::Point> points = makePoints(300, 2);
    OperatingPoints op;
    op.compute(net, featuresOf(net, points));
    for (const double eps : {0.01, 0.1, 0.2}) {
        for (int l = 0; l < op.layerCount(); ++l) {
            std::int64_t expected = 0;
            for (double z : op.preactivations(l)) {
                const double s = 1 / (1 + std::exp(-z));
                expected += s * (1 - s) < eps;
            }
            const inspect::ZoneShares zones = inspect::zoneShares(op.slopes(l), eps);
            EXPECT_EQ(zones.vanishing, expected) << l << " " << eps;
            EXPECT_EQ(zones.dead, 0);  // σ′ > 0 for these z
        }
    }
}

TEST(OperatingPoints, ThenAndNowComeFromTheNetworkPassed) {
    nn::Session s;
    s.seed = 3;
    s.generator.numPoints = 200;
    s.network.hidden = {{6, "relu", {}, nn::PReluMode::PerLayer}};
    s.training.learningRate = 0.3;
    nn::Trainer trainer = nn::makeTrainer(s);
    const nn::Mlp initial = nn::sessionNetwork(s);
    trainer.run(5);
    const nn::FeatureTable table = featuresOf(initial, trainer.data().train);
    OperatingPoints then, now, again;
    then.compute(initial, table);
    now.compute(trainer.network(), table);
    ASSERT_EQ(then.preactivations(0).size(), now.preactivations(0).size());
    int differ = 0;
    for (std::size_t k = 0; k < then.preactivations(0).size(); ++k)
        differ += then.preactivations(0)[k] != now.preactivations(0)[k];
    EXPECT_GT(differ, 0);
    // The same evaluator reused on the initial network again gives "then" exactly.
    again.compute(trainer.network(), table);
    again.compute(initial, table);
    for (std::size_t k = 0; k < then.preactivations(0).size(); ++k)
        ASSERT_EQ(again.preactivations(0)[k], then.preactivations(0)[k]);
}

}  // namespace
}  // namespace actlab::test
