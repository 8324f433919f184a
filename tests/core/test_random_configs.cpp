// Property test over thousands of random but valid sessions: every activation with random
// in-range parameters, 0-8 layers of 1-32 units, every output, loss, optimiser, initialisation
// and training mode, learning rates from 1e-5 to 10, all datasets, batch sizes, features and
// regularisations. Each trains a few epochs. Properties: no crash (and no sanitizer report in the
// sanitizer build); the loss is finite unless divergence is flagged; the grids hold no NaN; and
// save -> load -> save is byte-identical. ACTLAB_RANDOM_CONFIGS sets the count (default 2000).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <iostream>

#include "activations/registry.h"
#include "nn/grid.h"
#include "nn/rng.h"
#include "nn/session.h"

namespace actlab::test {
namespace {

int configCount() {
    if (const char* env = std::getenv("ACTLAB_RANDOM_CONFIGS")) return std::max(1, std::atoi(env));
    return 2000;
}

template <class T>
const T& pick(nn::Rng& rng, const std::vector<T>& v) {
    return v[rng.below(v.size())];
}

ParamValues randomParams(nn::Rng& rng, const ActivationSpec& act) {
    for (;;) {
        ParamValues p = act.defaults();
        for (std::size_t i = 0; i < act.params.size(); ++i)
            p[i] = rng.uniform(act.params[i].min, act.params[i].max);
        if (act.validate(p).empty()) return p;
    }
}

nn::Session randomSession(nn::Rng& rng) {
    nn::Session s;
    s.seed = rng.below(1u << 30);
    s.generator.kind = pick(rng, nn::allDatasetKinds());
    s.generator.numPoints = 10 + int(rng.below(71));
    s.generator.noisePercent = int(rng.below(51));
    s.generator.trainPercent = 10 + 10 * int(rng.below(9));
    s.generator.classes = 3 + int(rng.below(3));
    s.generator.seed = s.seed;
    std::vector<nn::Feature> features;
    for (const nn::FeatureInfo& f : nn::kFeatures)
        if (rng.uniform() < 0.5) features.push_back(f.feature);
    if (features.empty()) features.push_back(nn::Feature::X);
    s.network.features = features;
    const int layers = int(rng.below(nn::kMaxHiddenLayers + 1));
    for (int l = 0; l < layers; ++l) {
        const ActivationSpec& act = activations()[rng.below(activations().size())];
        s.network.hidden.push_back({1 + int(rng.below(nn::kMaxNeurons)), std::string(act.id),
                                    randomParams(rng, act),
                                    rng.uniform() < 0.5 ? nn::PReluMode::PerLayer
                                                        : nn::PReluMode::PerNeuron});
    }
    const bool regression = nn::isRegression(s.generator.kind);
    const bool multi = nn::isMultiClass(s.generator.kind);
    if (regression) {
        s.network.output = nn::OutputKind::LinearSquare;
    } else if (multi) {
        s.network.output = nn::OutputKind::SoftmaxCe;
    } else {
        s.network.output = pick(rng, std::vector<nn::OutputKind>{
                                         nn::OutputKind::TanhSquare, nn::OutputKind::SigmoidBce,
                                         nn::OutputKind::SoftmaxCe, nn::OutputKind::LinearSquare});
    }
    s.network.outputs = s.network.output == nn::OutputKind::SoftmaxCe
                            ? (multi ? s.generator.classes : 2)
                            : 1;
    s.init = pick(rng, std::vector<nn::InitKind>{nn::InitKind::Playground, nn::InitKind::Xavier,
                                                 nn::InitKind::He, nn::InitKind::LeCun});
    nn::TrainingConfig& c = s.training;
    c.optimizer = pick(rng, std::vector<nn::OptimizerKind>{
                                nn::OptimizerKind::Sgd, nn::OptimizerKind::Momentum,
                                nn::OptimizerKind::Adam});
    const bool playgroundOk = c.optimizer == nn::OptimizerKind::Sgd &&
                              (s.network.output == nn::OutputKind::TanhSquare ||
                               s.network.output == nn::OutputKind::LinearSquare);
    c.mode = playgroundOk && rng.uniform() < 0.5 ? nn::TrainingMode::Playground
                                                 : nn::TrainingMode::Standard;
    c.learningRate = std::pow(10.0, rng.uniform(-5, 1));  // 1e-5 … 10
    c.batchSize = 1 + int(rng.below(40));
    c.regularization = pick(rng, std::vector<nn::Regularization>{
                                     nn::Regularization::None, nn::Regularization::L1,
                                     nn::Regularization::L2});
    c.regularizationRate = c.regularization == nn::Regularization::None ? 0 : rng.uniform(0, 0.1);
    return s;
}

TEST(RandomConfigurations, TrainWithoutNaNAndRoundTrip) {
    nn::Rng rng(20261127);
    const int count = configCount();
    int diverged = 0, trained = 0;
    nn::GridEvaluator grids;
    std::vector<double> grid(12 * 12);
    for (int i = 0; i < count; ++i) {
        const nn::Session s = randomSession(rng);
        ASSERT_EQ(nn::validate(s), "") << "config " << i;
        const std::string text = nn::serializeSession(s);
        const nn::SessionLoad back = nn::parseSession(text);
        ASSERT_TRUE(back.ok()) << "config " << i << ": " << back.error << "\n" << text;
        ASSERT_EQ(nn::serializeSession(back.session), text) << "config " << i;

        nn::Trainer t = nn::makeTrainer(s);
        t.run(3);
        ++trained;
        if (t.diverged()) {
            ++diverged;
            EXPECT_FALSE(t.divergence().empty());
        }
        for (const nn::EpochMetrics& m : t.history()) {
            ASSERT_TRUE(std::isfinite(m.trainLoss)) << "config " << i << " epoch " << m.epoch << "\n" << text;
            ASSERT_TRUE(std::isfinite(m.testLoss)) << "config " << i;
        }
        ASSERT_TRUE(t.network().finite()) << "config " << i;
        grids.outputGrid(t.network(), 12, grid);
        for (double v : grid) ASSERT_FALSE(std::isnan(v)) << "config " << i << "\n" << text;
        std::vector<double> units(std::size_t(nn::GridEvaluator::unitCount(t.network())) * 16);
        grids.unitGrids(t.network(), 4, units);
        for (double v : units) ASSERT_FALSE(std::isnan(v)) << "config " << i << "\n" << text;

        // Trained weights round-trip too.
        const std::string trainedText = nn::serializeSession(nn::withTrainedWeights(s, t));
        const nn::SessionLoad trainedBack = nn::parseSession(trainedText);
        ASSERT_TRUE(trainedBack.ok()) << trainedBack.error;
        ASSERT_EQ(nn::serializeSession(trainedBack.session), trainedText) << "config " << i;
    }
    std::cout << "[random configurations] " << trained << " sessions trained 3 epochs each, "
              << diverged << " flagged as diverged\n";
    RecordProperty("configurations", trained);
}

}  // namespace
}  // namespace actlab::test
