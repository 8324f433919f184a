// The network page's plain parts: the session rules, the sampling of long runs, the merging of
// snapshots, the colour-map copy and the charts' bounded history. No training thread here.

#include <gtest/gtest.h>

#include <cmath>

#include "network/boundary_items.h"
#include "network/health_view.h"
#include "network/loss_chart.h"
#include "network/network_style.h"
#include "network/session_edits.h"
#include "network/training_snapshot.h"
#include "network_test_support.h"
#include "nn/grid.h"

namespace actlab::ui {
namespace {

using test::layer;

TEST(SessionEdits, DefaultSessionIsPlaygroundsAndValid) {
    const nn::Session s = edits::defaultSession();
    EXPECT_EQ(edits::check(s), "");
    ASSERT_EQ(s.network.hidden.size(), 2u);
    EXPECT_EQ(s.network.hidden[0].neurons, 4);
    EXPECT_EQ(s.network.hidden[1].neurons, 2);
    EXPECT_EQ(s.network.hidden[0].activation, "tanh");
    EXPECT_EQ(s.training.learningRate, 0.03);
    EXPECT_EQ(s.generator.kind, nn::DatasetKind::Circle);
}

TEST(SessionEdits, OutputFollowsTheData) {
    nn::Session s = edits::defaultSession();
    s.network.output = nn::OutputKind::SigmoidBce;
    edits::fitOutput(s, 2);
    EXPECT_EQ(s.network.output, nn::OutputKind::SigmoidBce);  // a valid choice is kept
    edits::fitOutput(s, 4);
    EXPECT_EQ(s.network.output, nn::OutputKind::SoftmaxCe);
    EXPECT_EQ(s.network.outputs, 4);
    edits::fitOutput(s, 2);
    EXPECT_EQ(s.network.output, nn::OutputKind::TanhSquare);
    EXPECT_EQ(s.network.outputs, 1);
    s.training.mode = nn::TrainingMode::Playground;
    edits::fitOutput(s, 0);
    EXPECT_EQ(s.network.output, nn::OutputKind::LinearSquare);
    EXPECT_EQ(s.training.mode, nn::TrainingMode::Playground);  // linear is fine in Playground mode
    edits::fitOutput(s, 3);
    EXPECT_EQ(s.training.mode, nn::TrainingMode::Standard);  // softmax is not
}

TEST(SessionEdits, LayersAndNeuronsStayWithinTheLimits) {
    nn::Session s = edits::defaultSession();
    while (edits::addLayer(s)) {
    }
    EXPECT_EQ(int(s.network.hidden.size()), nn::kMaxHiddenLayers);
    EXPECT_EQ(s.network.hidden.back().neurons, 2);  // a new layer copies the last
    while (edits::changeNeurons(s, 0, 1)) {
    }
    EXPECT_EQ(s.network.hidden[0].neurons, nn::kMaxNeurons);
    while (edits::changeNeurons(s, 0, -1)) {
    }
    EXPECT_EQ(s.network.hidden[0].neurons, 1);
    EXPECT_FALSE(edits::changeNeurons(s, 99, 1));
    while (edits::removeLayer(s)) {
    }
    EXPECT_TRUE(s.network.hidden.empty());
    EXPECT_EQ(edits::check(s), "");  // inputs straight to the output
    EXPECT_TRUE(edits::addLayer(s));
    EXPECT_EQ(s.network.hidden[0].activation, "tanh");
}

TEST(SessionEdits, TheLastFeatureCannotBeTurnedOff) {
    nn::Session s = edits::defaultSession();
    EXPECT_TRUE(edits::setFeature(s, nn::Feature::SinY, true));
    EXPECT_TRUE(edits::setFeature(s, nn::Feature::XSquared, true));
    // Playground's order, whatever the order of the clicks.
    EXPECT_EQ(s.network.features,
              (std::vector<nn::Feature>{nn::Feature::X, nn::Feature::Y, nn::Feature::XSquared,
                                        nn::Feature::SinY}));
    EXPECT_FALSE(edits::setFeature(s, nn::Feature::SinY, true));  // already on
    for (nn::Feature f : {nn::Feature::X, nn::Feature::Y, nn::Feature::XSquared})
        EXPECT_TRUE(edits::setFeature(s, f, false));
    EXPECT_FALSE(edits::setFeature(s, nn::Feature::SinY, false));
    EXPECT_EQ(s.network.features, std::vector<nn::Feature>{nn::Feature::SinY});
}

TEST(SessionEdits, ActivationsPerLayerOrForAll) {
    nn::Session s = edits::defaultSession();
    const ParamValues elu = activation("elu").defaults();
    EXPECT_TRUE(edits::setActivation(s, 1, "elu", elu));
    EXPECT_EQ(s.network.hidden[0].activation, "tanh");
    EXPECT_EQ(s.network.hidden[1].activation, "elu");
    EXPECT_TRUE(edits::setActivation(s, -1, "relu", activation("relu").defaults()));
    for (const nn::LayerSpec& l : s.network.hidden) EXPECT_EQ(l.activation, "relu");
    EXPECT_FALSE(edits::setActivation(s, 0, "swishy", elu));
    EXPECT_FALSE(edits::setActivation(s, 5, "elu", elu));
}

TEST(SessionEdits, CompareSetsAreCheckedWithAMessage) {
    EXPECT_EQ(edits::compareError({}), "");
    EXPECT_EQ(edits::compareError({"relu", "tanh"}), "");
    EXPECT_NE(edits::compareError({"relu"}), "");
    EXPECT_NE(edits::compareError({"relu", "relu"}).find("twice"), std::string::npos);
    EXPECT_NE(edits::compareError({"relu", "swishy"}).find("swishy"), std::string::npos);
    std::vector<nn::CompareMember> nine(9, "relu");
    EXPECT_NE(edits::compareError(nine), "");
    nn::Session s = edits::defaultSession();
    s.compare.assign(edits::classicEight().begin(), edits::classicEight().end());
    EXPECT_EQ(edits::check(s), "");
    s.network.hidden[0].neurons = 99;
    EXPECT_NE(edits::check(s).find("neurons"), std::string::npos);
}

TEST(Sampling, StrideKeepsLongRunsBounded) {
    EXPECT_EQ(sampleStride(0), 1);
    EXPECT_EQ(sampleStride(kMaxSamples), 1);
    EXPECT_EQ(sampleStride(kMaxSamples + 1), 2);
    EXPECT_EQ(sampleStride(100 * kMaxSamples), 128);
    std::vector<MetricSample> samples;
    for (int e = 0; e <= 200000; ++e) {
        if (!isSampled(e)) continue;
        MetricSample s;
        s.epoch = e;
        samples.push_back(s);
        thinSamples(samples);
        ASSERT_LE(samples.size(), 2u * kMaxSamples + 1);
    }
    EXPECT_EQ(samples.front().epoch, 0);
    EXPECT_GT(samples.back().epoch, 200000 - sampleStride(200000));  // the newest sampled epoch
    EXPECT_GE(samples.size(), std::size_t(kMaxSamples) / 2);
    for (std::size_t k = 1; k < samples.size(); ++k)
        EXPECT_LT(samples[k - 1].epoch, samples[k].epoch);
}

TEST(Snapshots, AnUntakenSnapshotsSamplesAreKeptWhenANewerOneReplacesIt) {
    const auto frame = [](std::vector<int> epochs, bool restart) {
        NetworkFrame f;
        for (int e : epochs) {
            MetricSample s;
            s.epoch = e;
            f.samples.push_back(s);
        }
        f.samplesRestart = restart;
        return f;
    };
    TrainingSnapshot older, newer;
    older.sessionId = newer.sessionId = 3;
    older.networks = {frame({1, 2}, true)};
    newer.networks = {frame({3, 4}, false)};
    mergeOlderSnapshot(newer, std::move(older));
    ASSERT_EQ(newer.networks[0].samples.size(), 4u);
    EXPECT_EQ(newer.networks[0].samples.front().epoch, 1);
    EXPECT_TRUE(newer.networks[0].samplesRestart);  // the restart is not lost either

    TrainingSnapshot reset, next;
    reset.sessionId = next.sessionId = 3;
    reset.networks = {frame({7, 8}, false)};
    next.networks = {frame({0}, true)};  // a reset: the older samples are obsolete
    mergeOlderSnapshot(next, std::move(reset));
    ASSERT_EQ(next.networks[0].samples.size(), 1u);
    EXPECT_EQ(next.networks[0].samples[0].epoch, 0);

    TrainingSnapshot old, fresh;
    old.sessionId = 1;
    fresh.sessionId = 2;
    old.networks = {frame({5}, false)};
    fresh.networks = {frame({0}, true)};
    mergeOlderSnapshot(fresh, std::move(old));  // another session: nothing carries over
    EXPECT_EQ(fresh.networks[0].samples.size(), 1u);
}

TEST(GridMap, TheCoreGridIsCopiedWithXRisingAndYFallingAlongItsColumns) {
    const int n = 7;
    std::vector<double> grid(std::size_t(n * n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) grid[std::size_t(i * n + j)] = 10 * i + j;
    GridMapData map(2);
    map.assign(grid, n);
    EXPECT_EQ(map.keySize(), n);
    EXPECT_EQ(map.valueSize(), n);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            // The core's (x_i, y_j) is the map's key x_i and value y_j.
            const double x = nn::gridCoordinate(i, n), y = nn::gridCoordinate(n - 1 - j, n);
            EXPECT_EQ(map.data(x, y), 10 * i + j) << i << "," << j;
        }
}

TEST(Style, DivergingScaleAndNumbers) {
    EXPECT_EQ(netstyle::diverging(-1), netstyle::kNegative);
    EXPECT_EQ(netstyle::diverging(1), netstyle::kPositive);
    EXPECT_EQ(netstyle::diverging(5), netstyle::kPositive);  // clamped
    EXPECT_EQ(netstyle::divergingRgb(-1), netstyle::kNegative.rgb());
    EXPECT_EQ(netstyle::pointColor(1, 2), netstyle::kPositive);
    EXPECT_EQ(netstyle::pointColor(-1, 2), netstyle::kNegative);
    EXPECT_EQ(netstyle::pointColor(2, 3), netstyle::classColor(2));
    EXPECT_EQ(netstyle::number(-0.25), QString::fromUtf8("−0.25"));
    EXPECT_EQ(netstyle::number(NAN), QString::fromUtf8("—"));
    for (int i = 0; i < 8; ++i)
        for (int j = 0; j < i; ++j) EXPECT_NE(netstyle::memberColor(i), netstyle::memberColor(j));
}

TEST(LossChartHistory, StaysBoundedAndRebuildsAfterThinning) {
    LossChart chart;
    chart.setNetworks({}, {});
    std::vector<MetricSample> batch;
    for (int e = 0; e <= 50000; ++e) {
        if (!isSampled(e)) continue;
        MetricSample s;
        s.epoch = e;
        s.trainLoss = 1.0 / (1 + e);
        s.testLoss = 2.0 / (1 + e);
        batch.push_back(s);
        if (batch.size() == 64) {
            chart.addSamples(0, batch, false);
            batch.clear();
        }
    }
    chart.addSamples(0, batch, false);
    EXPECT_LE(chart.samples(0).size(), 2u * kMaxSamples);
    EXPECT_EQ(chart.testGraph(0)->data()->size(), int(chart.samples(0).size()));
    const MetricSample& last = chart.samples(0).back();
    EXPECT_EQ(last.testLoss, 2.0 / (1 + last.epoch));
    EXPECT_EQ(chart.testGraph(0)->data()->at(chart.testGraph(0)->data()->size() - 1)->value,
              last.testLoss);
    chart.setLogScale(true);
    EXPECT_EQ(chart.yAxis->scaleType(), QCPAxis::stLogarithmic);
    chart.setMetric(LossChart::Metric::Accuracy);
    EXPECT_EQ(chart.yAxis->scaleType(), QCPAxis::stLinear);  // accuracy has no log scale
    MetricSample zero;
    zero.epoch = 0;
    chart.addSamples(0, {zero}, true);  // a restart drops the history
    EXPECT_EQ(chart.samples(0).size(), 1u);
}

TEST(HealthCards, ShowTheGradientStaircaseOfADeepSigmoidNetwork) {
    nn::Session s = edits::defaultSession();
    s.network.hidden.assign(6, layer(8, "sigmoid"));
    s.init = nn::InitKind::Xavier;
    nn::Trainer t = nn::makeTrainer(s);
    t.step();
    NetworkFrame f;
    f.epoch = 1;
    f.metrics = t.latest();
    for (const nn::LayerMetrics& m : t.latest().layers) f.recentGradNorm.push_back(m.gradNorm);
    f.network = t.network();
    HealthCard card;
    card.setNetwork("Sigmoid", Qt::blue, s.network);
    card.addFrame(f);
    ASSERT_EQ(card.gradientBars().size(), 7u);
    ASSERT_EQ(card.deadBars().size(), 6u);
    const double first = card.gradientBars().front()->data()->at(0)->value;
    const double last = card.gradientBars().back()->data()->at(0)->value;
    EXPECT_EQ(first, f.recentGradNorm.front());
    EXPECT_LT(first, last / 100);  // vanishing: orders of magnitude smaller near the input
    const auto [lo, hi] = card.gradRange();
    EXPECT_LE(lo, first);
    EXPECT_GE(hi, last);
    EXPECT_EQ(card.meanGraph()->data()->size(), 6);
}

}  // namespace
}  // namespace actlab::ui
