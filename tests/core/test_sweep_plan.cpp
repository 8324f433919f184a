// Sweep plans and runs: the order of runs, the session of each run (the reproducibility
// contract), the checks against the session, and runOne's record against a trainer driven by
// hand the way `activation-lab train` drives it.

#include <gtest/gtest.h>

#include <cmath>

#include "activations/registry.h"
#include "nn/session.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_run.h"

namespace actlab::test {
namespace {

nn::Session smallSession(const std::string& act = "tanh") {
    nn::Session s;
    s.seed = 40;
    s.generator.kind = nn::DatasetKind::Circle;
    s.generator.numPoints = 120;
    s.generator.noisePercent = 5;
    s.generator.seed = 40;  // as parseSession resolves a missing data seed
    s.network.hidden = {{5, act, activation(act).defaults(), nn::PReluMode::PerLayer},
                        {3, act, activation(act).defaults(), nn::PReluMode::PerLayer}};
    s.init = nn::InitKind::Xavier;
    s.training.learningRate = 0.05;
    s.training.batchSize = 8;
    return s;
}

sweep::SweepPlan plan(const nn::Session& s, std::vector<sweep::VarySpec> vary, int seeds,
                      int epochs, sweep::SweepTarget target = {}) {
    sweep::SweepSettings settings;
    settings.vary = std::move(vary);
    settings.seeds = seeds;
    settings.epochs = epochs;
    settings.target = target;
    sweep::PlanBuild b = sweep::makePlan(s, settings);
    EXPECT_TRUE(b.ok()) << b.error;
    return b.plan;
}

std::string planError(const nn::Session& s, std::vector<sweep::VarySpec> vary, int seeds = 2,
                      sweep::SweepTarget target = {}) {
    sweep::SweepSettings settings;
    settings.vary = std::move(vary);
    settings.seeds = seeds;
    settings.target = target;
    return sweep::makePlan(s, settings).error;
}

TEST(SweepPlan, SettingsRunFirstVariableOutermostAndSeedsInnermost) {
    const sweep::SweepPlan p =
        plan(smallSession(), {{"lr", "0.01,0.1,1"}, {"activation", "tanh,relu"}}, 4, 1);
    EXPECT_EQ(p.settingCount(), 6);
    EXPECT_EQ(p.runCount(), 24);
    EXPECT_EQ(p.settingOf(13), 3);
    EXPECT_EQ(p.seedIndexOf(13), 1);
    EXPECT_EQ(p.seedOf(13), 41u);
    EXPECT_EQ(p.valueIndices(3), (std::vector<std::size_t>{1, 1}));  // lr 0.1, relu
    EXPECT_EQ(p.valueText(0, 3), "0.1");
    EXPECT_EQ(p.valueText(1, 3), "relu");
    EXPECT_EQ(p.valueIndices(4), (std::vector<std::size_t>{2, 0}));
    for (int s = 0; s < p.settingCount(); ++s) EXPECT_EQ(p.settingAt(p.valueIndices(s)), s);
}

TEST(SweepPlan, RunSessionFollowsTheContract) {
    nn::Session s = smallSession();
    const nn::Mlp initial = nn::sessionNetwork(s);
    s.weights = std::vector<nn::LayerParams>(initial.layers().begin(), initial.layers().end());
    s.epoch = 30;
    s.compare = {"tanh", "relu"};
    const sweep::SweepPlan p = plan(s, {{"lr", "0.02,0.2"}, {"noise", "0,20"}}, 5, 1);
    const int run = p.settingAt({1, 1}) * 5 + 3;
    const nn::Session r = sweep::runSession(p, run);
    EXPECT_EQ(r.seed, 43u);               // the session's seed + k
    EXPECT_EQ(r.generator.seed, 40u);     // the data seed stays the session's
    EXPECT_EQ(r.training.learningRate, 0.2);
    EXPECT_EQ(r.generator.noisePercent, 20);
    EXPECT_FALSE(r.weights.has_value());  // initialised from the run's seed
    EXPECT_EQ(r.epoch, 0);
    EXPECT_TRUE(r.compare.empty());
    // The data of a run is the session's data whenever noise and train_percent are not varied.
    const sweep::SweepPlan q = plan(s, {{"lr", "0.02,0.2"}}, 5, 1);
    EXPECT_EQ(nn::sessionData(sweep::runSession(q, 9)), nn::sessionData(s));
    EXPECT_NE(nn::sessionNetwork(sweep::runSession(q, 9)).layers()[0].w,
              nn::sessionNetwork(sweep::runSession(q, 8)).layers()[0].w);
}

TEST(SweepPlan, StructureIsAppliedBeforeParametersWhateverTheOrderGiven) {
    const nn::Session s = smallSession();
    // param.alpha first on the command line, activation second: ELU's and CELU's defaults are
    // replaced by the swept alpha, and layers copy the last layer before widths are set.
    const sweep::SweepPlan p = plan(s,
                                    {{"param.alpha", "0.5,2"}, {"activation", "elu,celu"}}, 1, 1);
    for (int setting = 0; setting < 4; ++setting) {
        const nn::Session r = sweep::runSession(p, setting);
        const double alpha = setting < 2 ? 0.5 : 2;
        for (const nn::LayerSpec& l : r.network.hidden) {
            EXPECT_EQ(l.activation, setting % 2 ? "celu" : "elu");
            EXPECT_EQ(l.params[std::size_t(activation(l.activation).paramIndex("alpha"))], alpha);
        }
    }
    const sweep::SweepPlan q = plan(s, {{"neurons", "7"}, {"layers", "1,4"}}, 1, 1);
    const nn::Session four = sweep::runSession(q, 1);
    ASSERT_EQ(four.network.hidden.size(), 4u);
    for (const nn::LayerSpec& l : four.network.hidden) EXPECT_EQ(l.neurons, 7);
    EXPECT_EQ(sweep::runSession(q, 0).network.hidden.size(), 1u);
}

TEST(SweepPlan, ParamReachesOnlyTheLayersThatHaveIt) {
    nn::Session s = smallSession();
    s.network.hidden[0].activation = "leaky_relu";
    s.network.hidden[0].params = activation("leaky_relu").defaults();
    const sweep::SweepPlan p = plan(s, {{"param.negative_slope", "0.2,0.3"}}, 1, 1);
    const nn::Session r = sweep::runSession(p, 1);
    EXPECT_EQ(r.network.hidden[0].params[0], 0.3);
    EXPECT_EQ(r.network.hidden[1].params, activation("tanh").defaults());
}

TEST(SweepPlan, SettingsThatDoNotFitTheSessionAreRefused) {
    nn::Session s = smallSession();
    EXPECT_NE(planError(s, {{"activation", "relu,elu"}, {"param.alpha", "1"}})
                  .find("activation=relu, param.alpha=1.0: param.alpha: no hidden layer has "
                        "parameter 'alpha' (hidden layers: relu, relu)"),
              std::string::npos);
    EXPECT_NE(planError(s, {{"reg_rate", "0.1"}}).find("reg_rate: the session has no regular"),
              std::string::npos);
    EXPECT_NE(planError(s, {{"param.negative_slope", "0:1:3"}}).find("no hidden layer"),
              std::string::npos);
    nn::Session none = s;
    none.network.hidden.clear();
    EXPECT_NE(planError(none, {{"layers", "0,2"}}).find("no hidden layer to copy"),
              std::string::npos);
    nn::Session points = s;
    points.points = nn::sessionData(s);
    EXPECT_NE(planError(points, {{"noise", "0,10"}}).find("needs generated data"),
              std::string::npos);
    EXPECT_EQ(planError(points, {{"lr", "0.1,0.2"}}), "");
    nn::Session regression = s;
    regression.generator.kind = nn::DatasetKind::Plane;
    regression.network.output = nn::OutputKind::LinearSquare;
    EXPECT_NE(planError(regression, {{"lr", "0.1"}}, 2, {sweep::TargetMetric::TestAccuracy, 0.9})
                  .find("no accuracy"),
              std::string::npos);
    nn::Session late = s;
    late.seed = (1ULL << 53) - 2;
    EXPECT_NE(planError(late, {{"lr", "0.1"}}, 4).find("would exceed 2^53"), std::string::npos);
    EXPECT_EQ(planError(late, {{"lr", "0.1"}}, 3), "");
    EXPECT_NE(
        planError(s, {{"lr", "0.1:1:1000"}, {"batch", "1:1000:1000"}}, 1).find("at most 100000"),
        std::string::npos);
    nn::Session playground = s;
    playground.training.mode = nn::TrainingMode::Playground;
    EXPECT_NE(planError(playground, {{"optimizer", "sgd,momentum"}}).find("optimizer=momentum:"),
              std::string::npos);
}

/// What `activation-lab train` does with a session, epoch by epoch (full evaluation every
/// epoch, stopping at divergence), built from the contract rather than from runSession.
struct TrainedByHand {
    std::vector<nn::EpochMetrics> history;
    bool diverged = false;
};

TrainedByHand trainByHand(nn::Session s, std::uint64_t seed, double lr, int epochs) {
    s.seed = seed;
    s.training.learningRate = lr;
    nn::Trainer t = nn::makeTrainer(s);
    for (int e = 0; e < epochs && !t.diverged(); ++e) t.step();
    return {t.history(), t.diverged()};
}

/// Equal as numbers, or both NaN (accuracies of regression, ratios of zero gradients).
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

TEST(SweepRun, RecordsExactlyWhatTrainPrints) {
    // A classifier, and a regression whose largest learning rate diverges.
    nn::Session regression = smallSession("tanh");
    regression.generator.kind = nn::DatasetKind::Plane;
    regression.network.output = nn::OutputKind::LinearSquare;
    int diverged = 0;
    for (const nn::Session& s : {smallSession("relu"), regression}) {
        const double lrs[] = {0.01, 0.3, 5};
        const sweep::SweepPlan p = plan(s, {{"lr", "0.01,0.3,5"}}, 3, 25);
        for (int run = 0; run < p.runCount(); ++run) {
            const std::optional<sweep::RunResult> r = sweep::runOne(p, run);
            ASSERT_TRUE(r.has_value());
            const TrainedByHand t = trainByHand(s, 40 + std::uint64_t(run % 3), lrs[run / 3], 25);
            const nn::EpochMetrics& last = t.history.back();
            EXPECT_EQ(r->diverged, t.diverged);
            EXPECT_EQ(r->epochs, last.epoch);
            // Bitwise: the same arithmetic in the same order, not merely close.
            EXPECT_EQ(r->trainLoss, last.trainLoss) << "run " << run;
            EXPECT_EQ(r->testLoss, last.testLoss) << "run " << run;
            EXPECT_TRUE(same(r->trainAccuracy, last.trainAccuracy));
            EXPECT_TRUE(same(r->testAccuracy, last.testAccuracy));
            double dead = 0, units = 0;
            for (std::size_t l = 0; l < s.network.hidden.size(); ++l) {
                dead += last.layers[l].deadFraction * s.network.hidden[l].neurons;
                units += s.network.hidden[l].neurons;
            }
            EXPECT_NEAR(r->deadPercent, 100 * dead / units, 1e-9);
            if (last.epoch > 0) {
                EXPECT_TRUE(same(r->gradRatio,
                                 last.layers.front().gradNorm / last.layers.back().gradNorm));
            }
            EXPECT_EQ(r->seed, 40 + std::uint64_t(run % 3));
            diverged += r->diverged;
        }
    }
    EXPECT_GT(diverged, 0);  // the divergence path was exercised
}

TEST(SweepRun, EpochsToTargetIsTheFirstEpochThatMeetsIt) {
    const nn::Session s = smallSession();
    const TrainedByHand t = trainByHand(s, 40, 0.05, 30);
    ASSERT_FALSE(t.diverged);
    // A loss target met for the first time somewhere in the middle of the run.
    const double target = t.history[15].testLoss;
    int first = -1;
    for (const nn::EpochMetrics& m : t.history)
        if (first < 0 && m.testLoss <= target) first = m.epoch;
    ASSERT_GT(first, 0);
    const sweep::SweepPlan p =
        plan(s, {{"lr", "0.05"}}, 1, 30, {sweep::TargetMetric::TestLoss, target});
    EXPECT_EQ(sweep::runOne(p, 0)->epochsToTarget, first);
    // Out of reach: never.
    const sweep::SweepPlan never =
        plan(s, {{"lr", "0.05"}}, 1, 30, {sweep::TargetMetric::TestLoss, 0});
    EXPECT_FALSE(sweep::runOne(never, 0)->reachedTarget());
    // Already met before training: epoch 0.
    const sweep::SweepPlan zero =
        plan(s, {{"lr", "0.05"}}, 1, 30, {sweep::TargetMetric::TestAccuracy, 0});
    EXPECT_EQ(sweep::runOne(zero, 0)->epochsToTarget, 0);
}

TEST(SweepRun, ZeroEpochsRecordsTheInitialState) {
    const nn::Session s = smallSession();
    const sweep::SweepPlan p = plan(s, {{"lr", "0.05"}}, 2, 0);
    const std::optional<sweep::RunResult> r = sweep::runOne(p, 1);
    ASSERT_TRUE(r);
    nn::Session copy = s;
    copy.seed = 41;
    EXPECT_EQ(r->trainLoss, nn::makeTrainer(copy).latest().trainLoss);
    EXPECT_EQ(r->epochs, 0);
    EXPECT_TRUE(std::isnan(r->gradRatio));
}

TEST(SweepRun, StopAbandonsTheRunBetweenEpochsAndMiniBatches) {
    const sweep::SweepPlan p = plan(smallSession(), {{"lr", "0.05"}}, 1, 50);
    // 60 training points in batches of 8: 8 mini-batches an epoch, each asked, and the epoch too.
    for (const int yesAt : {3, 20}) {
        int asked = 0;
        const auto stop = [&] { return ++asked >= yesAt; };
        EXPECT_FALSE(sweep::runOne(p, 0, stop).has_value());
        EXPECT_EQ(asked, yesAt);  // no question after the first yes
    }
    int asked = 0;
    EXPECT_TRUE(sweep::runOne(p, 0, [&] { return ++asked < 0; }).has_value());
    EXPECT_EQ(asked, 50 * 9);
}

TEST(SweepRun, PairedSeedsGiveIdenticalInitialWeightsAcrossActivations) {
    nn::Session s = smallSession();
    s.init = nn::InitKind::He;
    const std::vector<std::string> acts = {"tanh", "relu", "gelu", "prelu", "elu", "sigmoid"};
    std::string list;
    for (const std::string& a : acts) list += (list.empty() ? "" : ",") + a;
    const int seeds = 3;
    const sweep::SweepPlan p = plan(s, {{"activation", list}}, seeds, 1);
    for (int k = 0; k < seeds; ++k) {
        const nn::Mlp first = nn::sessionNetwork(sweep::runSession(p, k));
        for (int a = 1; a < int(acts.size()); ++a) {
            const nn::Mlp other = nn::sessionNetwork(sweep::runSession(p, a * seeds + k));
            ASSERT_EQ(other.spec().hidden[0].activation, acts[std::size_t(a)]);
            for (std::size_t l = 0; l < first.layers().size(); ++l) {
                EXPECT_EQ(other.layers()[l].w, first.layers()[l].w) << acts[std::size_t(a)];
                EXPECT_EQ(other.layers()[l].b, first.layers()[l].b) << acts[std::size_t(a)];
            }
        }
        if (k > 0) {  // and the seeds themselves differ
            EXPECT_NE(first.layers()[0].w,
                      nn::sessionNetwork(sweep::runSession(p, 0)).layers()[0].w);
        }
    }
}

}  // namespace
}  // namespace actlab::test
