// Training behaviour: convergence with fixed seeds, determinism, divergence, live changes,
// reset, metrics (dead units, PReLU weights) and the datasets.

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <tuple>
#include <sstream>

#include "activations/registry.h"
#include "nn/grid.h"
#include "nn/session.h"

namespace actlab::test {
namespace {

nn::Session session(nn::DatasetKind data, std::vector<nn::LayerSpec> layers,
                    nn::OptimizerKind opt, double lr, std::uint64_t seed = 1) {
    nn::Session s;
    s.seed = seed;
    s.generator.kind = data;
    s.generator.seed = seed;
    s.network.hidden = std::move(layers);
    s.network.output = nn::OutputKind::TanhSquare;
    s.init = nn::InitKind::Xavier;
    s.training.optimizer = opt;
    s.training.learningRate = lr;
    s.training.batchSize = 10;
    return s;
}

nn::LayerSpec layer(int n, const std::string& act) {
    return {n, act, activation(act).defaults(), nn::PReluMode::PerLayer};
}

TEST(Convergence, XorWithTanhAndAdam) {
    nn::Trainer t = nn::makeTrainer(
        session(nn::DatasetKind::Xor, {layer(8, "tanh"), layer(8, "tanh")}, nn::OptimizerKind::Adam, 0.01));
    t.run(40);
    EXPECT_GE(t.latest().testAccuracy, 0.95) << "loss " << t.latest().testLoss;
    EXPECT_LT(t.latest().trainLoss, t.history().front().trainLoss / 5);
}

TEST(Convergence, CircleWithReluAndSgd) {
    nn::Session s = session(nn::DatasetKind::Circle, {layer(8, "relu"), layer(8, "relu")},
                            nn::OptimizerKind::Sgd, 0.03);
    s.init = nn::InitKind::He;
    nn::Trainer t = nn::makeTrainer(s);
    t.run(100);
    EXPECT_GE(t.latest().testAccuracy, 0.95) << "loss " << t.latest().testLoss;
}

TEST(Convergence, SpiralWithTanhAndAdam) {
    nn::Session s = session(nn::DatasetKind::Spiral,
                            {layer(8, "tanh"), layer(8, "tanh"), layer(8, "tanh")},
                            nn::OptimizerKind::Adam, 0.01, 3);
    s.network.features = {nn::Feature::X, nn::Feature::Y, nn::Feature::SinX, nn::Feature::SinY};
    nn::Trainer t = nn::makeTrainer(s);
    t.run(100);
    EXPECT_GE(t.latest().testAccuracy, 0.97) << "loss " << t.latest().testLoss;
}

TEST(Convergence, SpiralWithDeepReluAndAdam) {
    nn::Session s = session(nn::DatasetKind::Spiral,
                            {layer(16, "relu"), layer(16, "relu"), layer(16, "relu")},
                            nn::OptimizerKind::Adam, 0.003, 3);
    s.init = nn::InitKind::He;
    s.network.features = {nn::Feature::X, nn::Feature::Y, nn::Feature::SinX, nn::Feature::SinY};
    nn::Trainer t = nn::makeTrainer(s);
    t.run(100);
    EXPECT_GE(t.latest().testAccuracy, 0.95) << "loss " << t.latest().testLoss;
}

TEST(Convergence, MomentumAndMultiClassSoftmax) {
    nn::Session s = session(nn::DatasetKind::Blobs, {layer(8, "elu")}, nn::OptimizerKind::Momentum, 0.03);
    s.network.output = nn::OutputKind::SoftmaxCe;
    s.network.outputs = 3;
    nn::Trainer t = nn::makeTrainer(s);
    t.run(30);
    EXPECT_GE(t.latest().testAccuracy, 0.9) << "loss " << t.latest().testLoss;
}

TEST(Convergence, RegressionOnThePlane) {
    nn::Session s = session(nn::DatasetKind::Plane, {layer(4, "tanh")}, nn::OptimizerKind::Adam, 0.01);
    s.network.output = nn::OutputKind::LinearSquare;
    nn::Trainer t = nn::makeTrainer(s);
    t.run(50);
    EXPECT_LT(t.latest().testLoss, 0.002);
    EXPECT_TRUE(std::isnan(t.latest().testAccuracy));
}

TEST(Determinism, SameSessionGivesBitIdenticalLosses) {
    const nn::Session s = session(nn::DatasetKind::Spiral, {layer(6, "gelu"), layer(6, "selu")},
                                  nn::OptimizerKind::Adam, 0.02, 9);
    nn::Trainer a = nn::makeTrainer(s), b = nn::makeTrainer(s);
    a.run(15);
    b.run(15);
    for (std::size_t e = 0; e < a.history().size(); ++e) {
        EXPECT_EQ(a.history()[e].trainLoss, b.history()[e].trainLoss) << e;
        EXPECT_EQ(a.history()[e].testLoss, b.history()[e].testLoss) << e;
    }
    EXPECT_TRUE(a.network() == b.network());
    nn::Session other = s;
    other.seed = 10;
    other.generator.seed = 9;  // same data, other weights
    nn::Trainer c = nn::makeTrainer(other);
    c.run(1);
    EXPECT_NE(c.history()[1].trainLoss, a.history()[1].trainLoss);
}

TEST(Divergence, IsDetectedAtLearningRateTenAndKeepsTheLastGoodState) {
    nn::Session s = session(nn::DatasetKind::Plane, {layer(8, "relu"), layer(8, "relu")},
                            nn::OptimizerKind::Sgd, 10);
    s.network.output = nn::OutputKind::LinearSquare;
    s.init = nn::InitKind::He;
    nn::Trainer t = nn::makeTrainer(s);
    t.run(50);
    ASSERT_TRUE(t.diverged());
    EXPECT_NE(t.divergence().find("lower learning rate"), std::string::npos) << t.divergence();
    EXPECT_TRUE(t.network().finite());
    for (const nn::EpochMetrics& m : t.history()) EXPECT_TRUE(std::isfinite(m.trainLoss));
    const int epoch = t.epoch();
    t.step();  // stays stopped
    EXPECT_EQ(t.epoch(), epoch);
    std::vector<double> grid(25 * 25);
    nn::GridEvaluator().outputGrid(t.network(), 25, grid);
    for (double v : grid) EXPECT_TRUE(std::isfinite(v));
}

// TestLoss leaves out the training set while the weights bound its loss; training must still
// stop at the epoch at which Loss (which evaluates both sets) stops, with the same weights and
// test losses on the way. Runs that diverge, with bounded and unbounded outputs.
TEST(Divergence, TestLossStopsAtTheSameEpochAsLoss) {
    int diverged = 0, skipped = 0, evaluated = 0;
    for (const auto& [act, output, lr] : {std::tuple{"relu", nn::OutputKind::LinearSquare, 10.0},
                                          std::tuple{"relu", nn::OutputKind::TanhSquare, 30.0},
                                          std::tuple{"elu", nn::OutputKind::LinearSquare, 3.0},
                                          std::tuple{"tanh", nn::OutputKind::TanhSquare, 0.03}}) {
        for (std::uint64_t seed : {1, 2, 3}) {
            nn::Session s = session(nn::DatasetKind::Plane, {layer(8, act), layer(8, act)},
                                    nn::OptimizerKind::Sgd, lr, seed);
            s.network.output = output;
            s.init = nn::InitKind::He;
            nn::Trainer loss = nn::makeTrainer(s), testLoss = nn::makeTrainer(s);
            for (int e = 0; e < 60 && !loss.diverged(); ++e) {
                const nn::EpochMetrics a = loss.step(nn::Evaluation::Loss);
                const nn::EpochMetrics b = testLoss.step(nn::Evaluation::TestLoss);
                ASSERT_EQ(loss.diverged(), testLoss.diverged())
                    << act << " seed " << seed << " epoch " << e;
                ASSERT_EQ(loss.epoch(), testLoss.epoch());
                ASSERT_TRUE(loss.network() == testLoss.network());
                ASSERT_EQ(a.testLoss, b.testLoss);
                if (std::isnan(b.trainLoss)) {
                    ++skipped;
                } else {
                    ASSERT_EQ(a.trainLoss, b.trainLoss);
                    ++evaluated;
                }
            }
            diverged += loss.diverged();
            EXPECT_EQ(loss.divergence(), testLoss.divergence());
        }
    }
    EXPECT_GE(diverged, 6);    // the large rates diverge
    EXPECT_GT(skipped, 100);   // the bound leaves the training set out while the weights are small
    EXPECT_GT(evaluated, 0);   // and evaluates it near a divergence
}

TEST(LiveChanges, ResetRestoresTheInitialWeights) {
    nn::Trainer t = nn::makeTrainer(
        session(nn::DatasetKind::Circle, {layer(4, "tanh")}, nn::OptimizerKind::Sgd, 0.1));
    const nn::Mlp initial = t.network();
    const double loss0 = t.latest().trainLoss;
    t.run(5);
    EXPECT_FALSE(t.network() == initial);
    t.reset();
    EXPECT_TRUE(t.network() == initial);
    EXPECT_EQ(t.epoch(), 0);
    EXPECT_EQ(t.latest().trainLoss, loss0);
}

TEST(LiveChanges, LearningRateAndActivationParametersChangeBetweenSteps) {
    nn::Session s = session(nn::DatasetKind::Xor, {layer(4, "elu")}, nn::OptimizerKind::Sgd, 0.03);
    nn::Trainer a = nn::makeTrainer(s), b = nn::makeTrainer(s);
    a.step();
    b.step();
    b.setLearningRate(0.3);
    a.step();
    b.step();
    EXPECT_NE(a.latest().trainLoss, b.latest().trainLoss);
    b.setActivationParams(0, {2.5, 0});
    EXPECT_EQ(b.network().paramsOf(0, 0)[0], 2.5);
    b.step();
    EXPECT_TRUE(std::isfinite(b.latest().trainLoss));
}

TEST(LiveChanges, ClearDivergenceContinuesFromTheLastGoodStateAtALowerRate) {
    nn::Session s = session(nn::DatasetKind::Plane, {layer(8, "relu"), layer(8, "relu")},
                            nn::OptimizerKind::Sgd, 10);
    s.network.output = nn::OutputKind::LinearSquare;
    s.init = nn::InitKind::He;
    nn::Trainer t = nn::makeTrainer(s);
    t.run(50);
    ASSERT_TRUE(t.diverged());
    const nn::Mlp lastGood = t.network();
    const int epoch = t.epoch();
    t.clearDivergence();
    EXPECT_FALSE(t.diverged());
    EXPECT_TRUE(t.network() == lastGood);  // nothing else changes
    t.setLearningRate(0.001);
    t.step();
    EXPECT_FALSE(t.diverged()) << t.divergence();
    EXPECT_EQ(t.epoch(), epoch + 1);
    EXPECT_TRUE(std::isfinite(t.latest().trainLoss));
    t.clearDivergence();  // no effect when not diverged
    EXPECT_EQ(t.epoch(), epoch + 1);
}

TEST(LiveChanges, DiscardHistoryKeepsTheLatestEntryAndTrainingIsUnaffected) {
    const nn::Session s = session(nn::DatasetKind::Xor, {layer(4, "tanh")}, nn::OptimizerKind::Adam, 0.01);
    nn::Trainer a = nn::makeTrainer(s), b = nn::makeTrainer(s);
    a.run(5);
    b.run(5);
    const nn::EpochMetrics latest = b.latest();
    b.discardHistory();
    ASSERT_EQ(b.history().size(), 1u);
    EXPECT_EQ(b.latest().epoch, 5);
    EXPECT_EQ(b.latest().trainLoss, latest.trainLoss);
    a.run(3);
    b.run(3);
    EXPECT_EQ(b.history().size(), 4u);
    EXPECT_EQ(a.latest().trainLoss, b.latest().trainLoss);
    EXPECT_TRUE(a.network() == b.network());
    b.discardHistory();
    b.discardHistory();  // idempotent
    EXPECT_EQ(b.history().size(), 1u);
}

TEST(Metrics, DeadReluUnitsAreCounted) {
    nn::Session s = session(nn::DatasetKind::Circle, {layer(4, "relu")}, nn::OptimizerKind::Sgd, 0.03);
    nn::Mlp net = nn::sessionNetwork(s);
    net.layers()[0].b = {-100, -100, 0.5, 0.5};  // two units can never fire on [−6, 6]²
    for (double& w : net.layers()[0].w) w = 0.1;
    nn::Trainer t(nn::sessionData(s), net, s.training, s.seed);
    EXPECT_DOUBLE_EQ(t.latest().layers[0].deadFraction, 0.5);
}

TEST(Metrics, PReluWeightIsLearnedAndReported) {
    nn::Session s = session(nn::DatasetKind::Xor, {layer(6, "prelu")}, nn::OptimizerKind::Adam, 0.02);
    nn::Trainer t = nn::makeTrainer(s);
    ASSERT_EQ(t.latest().layers[0].learnable, std::vector<double>{0.25});
    t.run(10);
    ASSERT_EQ(t.latest().layers[0].learnable.size(), 1u);
    EXPECT_NE(t.latest().layers[0].learnable[0], 0.25);
}

TEST(Metrics, GradientNormsVanishInADeepSigmoidNetwork) {
    std::vector<nn::LayerSpec> sig(6, layer(8, "sigmoid")), relu(6, layer(8, "relu"));
    nn::Session a = session(nn::DatasetKind::Circle, sig, nn::OptimizerKind::Sgd, 0.03);
    nn::Session b = session(nn::DatasetKind::Circle, relu, nn::OptimizerKind::Sgd, 0.03);
    b.init = nn::InitKind::He;
    nn::Trainer ta = nn::makeTrainer(a), tb = nn::makeTrainer(b);
    ta.step();
    tb.step();
    const auto& la = ta.latest().layers;
    const auto& lb = tb.latest().layers;
    // The first layer's gradient is orders of magnitude below the output layer's with sigmoid.
    EXPECT_LT(la.front().gradNorm, la.back().gradNorm / 100);
    EXPECT_GT(lb.front().gradNorm, la.front().gradNorm * 10);
}

TEST(Datasets, AreSeededAndKeepPlaygroundProportions) {
    for (nn::DatasetKind kind : nn::allDatasetKinds()) {
        nn::DatasetSpec spec;
        spec.kind = kind;
        spec.noisePercent = 10;
        spec.seed = 5;
        const nn::Dataset a = nn::generateDataset(spec), b = nn::generateDataset(spec);
        EXPECT_TRUE(a == b) << nn::datasetId(kind);
        EXPECT_EQ(a.train.size() + a.test.size(), nn::isMultiClass(kind) ? 498u : 500u);
        EXPECT_EQ(a.train.size(), (a.train.size() + a.test.size()) / 2);
        std::set<double> labels;
        for (const nn::Point& p : a.train) {
            EXPECT_LE(std::fabs(p.x), 8);  // noise may push a little past the domain
            labels.insert(p.label);
        }
        if (!nn::isRegression(kind)) {
            EXPECT_EQ(int(labels.size()), a.numClasses) << nn::datasetId(kind);
        }
        spec.seed = 6;
        EXPECT_FALSE(nn::generateDataset(spec) == a) << nn::datasetId(kind);
    }
}

TEST(Datasets, CircleLabelsFollowTheRadius) {
    nn::DatasetSpec spec;
    const nn::Dataset d = nn::generateDataset(spec);
    for (const nn::Point& p : d.train)
        EXPECT_EQ(p.label, std::hypot(p.x, p.y) < 2.5 ? 1 : -1);
}

TEST(Datasets, CsvRoundTripAndEditing) {
    nn::DatasetSpec spec;
    spec.kind = nn::DatasetKind::Xor;
    nn::Dataset d = nn::generateDataset(spec);
    std::stringstream csv;
    nn::writeDatasetCsv(csv, d);
    const nn::DatasetImport back = nn::readDatasetCsv(csv);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_TRUE(back.data == d);
    nn::addPoint(d, {1, 2, 1});
    EXPECT_EQ(d.train.back(), (nn::Point{1, 2, 1}));
    EXPECT_TRUE(nn::removeNearestPoint(d, 1.05, 2.0, 0.2));
    EXPECT_FALSE(nn::removeNearestPoint(d, 100, 100, 0.2));
}

TEST(Datasets, CsvErrorsNameTheLine) {
    const auto error = [](const std::string& text) {
        std::stringstream in(text);
        return nn::readDatasetCsv(in).error;
    };
    EXPECT_EQ(error("x,y,label\n1,2,1\n3,abc,1\n"), "line 3: y is not a number: 'abc'");
    EXPECT_EQ(error("1,2\n"), "line 1: expected 3 or 4 comma-separated fields (x,y,label[,split]), found 2");
    EXPECT_NE(error("1,2,1\n9e3,0,1\n").find("line 2: point (9e3, 0) is outside"), std::string::npos);
    EXPECT_NE(error("1,2,1,validation\n").find("line 1: split must be"), std::string::npos);
    EXPECT_EQ(error("1,2,inf\n"), "line 1: label is not a finite number");
    EXPECT_EQ(error(""), "no data rows (expected x,y,label lines)");
    std::stringstream zeroOne("0,0,0\n1,1,1\n2,2,0\n3,3,1\n");
    const nn::DatasetImport r = nn::readDatasetCsv(zeroOne);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.data.numClasses, 2);  // 0/1 labels become −1/+1
}

TEST(Interruption, AbandonsTheEpochAndLeavesTheTrainerAsBefore) {
    for (const nn::TrainingMode mode : {nn::TrainingMode::Standard, nn::TrainingMode::Playground}) {
        nn::Session s = session(nn::DatasetKind::Circle, {layer(6, "relu"), layer(3, "tanh")},
                                nn::OptimizerKind::Sgd, 0.05, 3);
        s.training.mode = mode;
        s.training.batchSize = 7;  // Playground mode carries leftovers from one epoch to the next
        nn::Trainer reference = nn::makeTrainer(s), t = nn::makeTrainer(s);
        reference.run(3);
        t.run(2);
        const nn::Mlp before = t.network();
        int asked = 0;
        t.setInterruption([&] { return ++asked == 5; });  // the fifth mini-batch of epoch 3
        t.step();
        EXPECT_TRUE(t.interrupted());
        EXPECT_EQ(asked, 5);
        EXPECT_EQ(t.epoch(), 2);
        EXPECT_EQ(t.history().size(), 3u);
        EXPECT_TRUE(t.network() == before);
        // Training on gives exactly the uninterrupted run: the shuffle and the carried gradient
        // were restored too.
        t.setInterruption({});
        t.step();
        EXPECT_FALSE(t.interrupted());
        EXPECT_TRUE(t.network() == reference.network());
        EXPECT_EQ(t.latest().trainLoss, reference.latest().trainLoss);
    }
}

}  // namespace
}  // namespace actlab::test
