// Every lesson under resources/lessons loads and trains 20 epochs (each member of its compare set),
// and each lesson's claim shows in the numbers the app displays.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "activations/activation_call.h"
#include "inspect/operating_points.h"
#include "nn/claim_check.h"
#include "nn/session.h"
#include "theory/mean_field.h"
#include "theory/mean_map.h"
#include "theory/wide_network.h"
#include "parallel/sweep_runner.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_stats.h"

namespace actlab::test {
namespace {

std::string lessonsDir() {
    return std::string(ACTLAB_LESSONS_DIR);
}

std::vector<std::string> lessonFiles() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(lessonsDir()))
        if (e.path().string().ends_with(".actlab.json")) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

nn::Session lesson(const std::string& stem) {
    const nn::SessionLoad r = nn::loadSessionFile(lessonsDir() + "/" + stem + ".actlab.json");
    if (!r.ok()) throw std::runtime_error(r.error);
    return r.session;
}

/// Trains the compare member (or the session itself) for `epochs`.
nn::Trainer trained(const nn::Session& s, const nn::CompareMember& member, int epochs) {
    nn::Trainer t =
        nn::makeTrainer(member.activation.empty() ? s : nn::compareMember(s, member));
    t.run(epochs);
    return t;
}

class Lesson : public ::testing::TestWithParam<std::string> {};

TEST_P(Lesson, LoadsAndTrainsTwentyEpochsInBothLanguages) {
    const nn::SessionLoad r = nn::loadSessionFile(GetParam());
    ASSERT_TRUE(r.ok()) << r.error;
    const nn::Session& s = r.session;
    EXPECT_FALSE(s.title.empty());
    EXPECT_FALSE(s.titleZh.empty());
    EXPECT_GT(s.descriptionEn.size(), 100u);
    EXPECT_GT(s.descriptionZh.size(), 100u);
    std::vector<nn::CompareMember> members = s.compare;
    if (members.empty()) members.push_back("");
    for (const nn::CompareMember& m : members) {
        nn::Trainer t = trained(s, m, 20);
        EXPECT_EQ(t.epoch(), 20) << nn::memberLabel(m) << ": " << t.divergence();
        EXPECT_TRUE(std::isfinite(t.latest().trainLoss)) << nn::memberLabel(m);
    }
}

// Every claim of the lesson, exactly as stated: over its whole epoch range (every 50th epoch) and
// for at least atLeast of its seeds, trained headless with the core trainer. This is what a class
// watching for minutes, and pressing "new seed", sees.
TEST_P(Lesson, EveryClaimHoldsOverItsEpochsAndSeeds) {
    const nn::SessionLoad r = nn::loadSessionFile(GetParam());
    ASSERT_TRUE(r.ok()) << r.error;
    if (r.session.claims.empty()) GTEST_SKIP() << "states no claims yet";
    for (const nn::Claim& c : r.session.claims) {
        EXPECT_FALSE(c.textEn.empty());
        EXPECT_FALSE(c.textZh.empty());
    }
    const std::vector<nn::ClaimOutcome> outcomes = nn::checkClaims(r.session, {.threads = 2});
    ASSERT_EQ(outcomes.size(), r.session.claims.size());
    for (const nn::ClaimOutcome& o : outcomes) {
        EXPECT_EQ(int(o.seeds.size()), o.claim.seeds);
        EXPECT_TRUE(o.holds()) << nn::formatOutcome(o);
    }
}

TEST_P(Lesson, CanBeSweptFromTheSweepsTab) {
    // A lesson's claims and view name its compare networks, which a sweep's runs do not have:
    // the plan must drop them rather than refuse the lesson.
    const nn::SessionLoad r = nn::loadSessionFile(GetParam());
    ASSERT_TRUE(r.ok()) << r.error;
    sweep::SweepSettings settings;
    settings.vary = {{"lr", "0.01,0.1"}};
    settings.seeds = 2;
    settings.epochs = 1;
    const sweep::PlanBuild build = sweep::makePlan(r.session, settings);
    ASSERT_TRUE(build.ok()) << build.error;
    const nn::Session run = sweep::runSession(build.plan, 3);
    EXPECT_TRUE(run.claims.empty());
    EXPECT_TRUE(run.compare.empty());
    EXPECT_EQ(nn::parseSession(nn::serializeSession(run)).error, "");
}

INSTANTIATE_TEST_SUITE_P(Lessons, Lesson, ::testing::ValuesIn(lessonFiles()), [](const auto& info) {
    std::string n = std::filesystem::path(info.param).stem().stem().string();
    for (char& c : n)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return "L" + n;
});

TEST(LessonClaims, SigmoidGradientsVanishInTheDeepNetwork) {
    const nn::Session s = lesson("01-vanishing-gradients");
    const nn::Trainer sig = trained(s, "sigmoid", 20), relu = trained(s, "relu", 20);
    const auto& ls = sig.latest().layers;
    const auto& lr = relu.latest().layers;
    std::cout << "sigmoid first/last layer gradient " << ls.front().gradNorm << " / "
              << ls.back().gradNorm << ", relu " << lr.front().gradNorm << " / "
              << lr.back().gradNorm << "; losses " << sig.latest().trainLoss << " vs "
              << relu.latest().trainLoss << "\n";
    EXPECT_LT(ls.front().gradNorm, ls.back().gradNorm / 100);
    EXPECT_LT(relu.latest().trainLoss, sig.latest().trainLoss / 2);
}

TEST(LessonClaims, ReluUnitsDieAtAHighLearningRateAndLeakyOnesDoNot) {
    const nn::Session s = lesson("02-dying-relu");
    const nn::Trainer relu = trained(s, "relu", 20), leaky = trained(s, "leaky_relu", 20),
                      prelu = trained(s, "prelu", 20);
    double deadRelu = 0, deadLeaky = 0;
    for (std::size_t l = 0; l + 1 < relu.latest().layers.size(); ++l) {
        deadRelu += relu.latest().layers[l].deadFraction;
        deadLeaky += leaky.latest().layers[l].deadFraction + prelu.latest().layers[l].deadFraction;
    }
    std::cout << "dead fraction sum relu " << deadRelu << ", leaky+prelu " << deadLeaky
              << "; accuracy relu " << relu.latest().testAccuracy << ", leaky "
              << leaky.latest().testAccuracy << ", prelu " << prelu.latest().testAccuracy
              << "; prelu weights " << prelu.latest().layers[0].learnable[0] << "\n";
    EXPECT_GT(deadRelu, 0.3);
    EXPECT_EQ(deadLeaky, 0);
    EXPECT_GT(leaky.latest().testAccuracy, relu.latest().testAccuracy + 0.1);
    EXPECT_NE(prelu.latest().layers[0].learnable[0], 0.25);    // the slopes were learned
    EXPECT_EQ(prelu.latest().layers[0].learnable.size(), 8u);  // one per neuron
}

TEST(LessonClaims, TanhConvergesFasterThanSigmoid) {
    const nn::Session s = lesson("03-zero-centred-tanh");
    const nn::Trainer sig = trained(s, "sigmoid", 20), tanh = trained(s, "tanh", 20);
    std::cout << "loss after 20 epochs: sigmoid " << sig.latest().trainLoss << ", tanh "
              << tanh.latest().trainLoss << "\n";
    EXPECT_LT(tanh.latest().trainLoss, sig.latest().trainLoss / 2);
}

TEST(LessonClaims, SeluKeepsActivationsNormalised) {
    const nn::Session s = lesson("04-elu-selu-self-normalisation");
    const nn::Trainer relu = trained(s, "relu", 1), selu = trained(s, "selu", 1);
    const auto spread = [](const nn::Trainer& t, auto field) {
        double worst = 0;
        for (std::size_t l = 0; l + 1 < t.latest().layers.size(); ++l)
            worst = std::max(worst, field(t.latest().layers[l]));
        return worst;
    };
    const auto meanOff = [](const nn::LayerMetrics& m) { return std::fabs(m.mean); };
    const auto stdOff = [](const nn::LayerMetrics& m) { return std::fabs(std::log(m.stddev)); };
    std::cout << "worst |mean| relu " << spread(relu, meanOff) << ", selu " << spread(selu, meanOff)
              << "; worst |log std| relu " << spread(relu, stdOff) << ", selu "
              << spread(selu, stdOff) << "\n";
    EXPECT_LT(spread(selu, meanOff), spread(relu, meanOff));
    EXPECT_LT(spread(selu, stdOff), spread(relu, stdOff));
}

TEST(LessonClaims, LinearModelSolvesTheCircleWithSquaredFeatures) {
    const nn::Session s = lesson("06-features-for-a-linear-model");
    EXPECT_TRUE(s.network.hidden.empty());
    EXPECT_GE(trained(s, "", 100).latest().testAccuracy, 0.95);
    nn::Session plain = s;
    plain.network.features = {nn::Feature::X, nn::Feature::Y};
    EXPECT_LT(trained(plain, "", 100).latest().testAccuracy, 0.75);
}


// Lesson 10 states what happens beyond the network page's eight layers from the theory and from
// the explorer's simulation (width 512, depth 50, zero bias). These check each number it quotes.
ActivationCall callOf(const char* id) {
    return resolveActivation(id, {}).call;
}

TEST(LessonClaims, InitialisationLessonsCriticalPointsAreHeXavierAndLeCun) {
    lesson("10-init-critical-points");  // the lesson exists and loads
    theory::MeanField relu(callOf("relu")), tanh(callOf("tanh"));
    const theory::CriticalPoint he = relu.criticalSigmaW2(0), xavier = tanh.criticalSigmaW2(0);
    ASSERT_TRUE(he.found);
    ASSERT_TRUE(xavier.found);
    EXPECT_NEAR(he.sigmaW2, 2.0, 1e-12);
    EXPECT_NEAR(xavier.sigmaW2, 1.0, 1e-9);
    // SELU at σ_w² = 1: (0, 1) is the mean map's fixed point, and attracting.
    theory::ActivationExpectations selu(callOf("selu"));
    const theory::MeanFixedPoint fixed = theory::meanFixedPoint(selu, {0, 1, 0});
    ASSERT_TRUE(fixed.found);
    EXPECT_NEAR(fixed.point.mean, 0, 1e-9);
    EXPECT_NEAR(fixed.point.variance, 1, 1e-9);
    EXPECT_TRUE(fixed.attracting());
    // The theory's gradient ratios after 50 layers that the text quotes.
    const auto ratio50 = [](const char* id, double sigmaW2) {
        theory::MeanField f(callOf(id));
        return f.depthCurves({sigmaW2, 0}, 50).gradRatio.back();
    };
    EXPECT_NEAR(ratio50("relu", 2), 1, 1e-12);
    EXPECT_NEAR(ratio50("relu", 1), std::ldexp(1.0, -50), 1e-25);  // 8.9e-16
    EXPECT_NEAR(ratio50("tanh", 1), 0.014, 0.0005);
    EXPECT_NEAR(ratio50("tanh", 0.5), 2.4e-16, 0.05e-16);
    EXPECT_NEAR(ratio50("tanh", 2), 106, 0.5);
    EXPECT_NEAR(ratio50("selu", 1), 32, 0.5);
    theory::MeanField seluField(callOf("selu"));
    EXPECT_NEAR(seluField.analyse({1, 0}).chi1, 1.07, 0.005);
}

TEST(LessonClaims, InitialisationLessonsSimulationBeyondTheAppsDepth) {
    struct Case {
        const char* id;
        double sigmaW2;
        double lo, hi;  // the bounds the text gives for the simulated ratio at layer 50
    };
    const Case cases[] = {{"relu", 2, 0.5, 2},      {"relu", 1, 0, 1e-14},
                          {"tanh", 1, 0.005, 0.05}, {"tanh", 0.5, 0, 1e-14},
                          {"tanh", 2, 50, 1e300},   {"selu", 1, 10, 100}};
    for (std::uint64_t seed : {1}) {  // seeds 1 to 5 were checked by hand; CI keeps one
        for (const Case& c : cases) {
            theory::SimulationSettings s;
            s.variances = {c.sigmaW2, 0};
            s.seed = seed;
            const theory::SimulationResult r = theory::simulateWideNetwork(callOf(c.id), s);
            const double ratio = r.gradRatio.back();
            EXPECT_GT(ratio, c.lo) << c.id << " at " << c.sigmaW2 << ", seed " << seed;
            EXPECT_LT(ratio, c.hi) << c.id << " at " << c.sigmaW2 << ", seed " << seed;
        }
        // SELU's mean square stays within 10 % of 1 at σ_w² = 1 and passes 1,000 at σ_w² = 2.
        theory::SimulationSettings s;
        s.seed = seed;
        s.variances = {1, 0};
        EXPECT_NEAR(theory::simulateWideNetwork(callOf("selu"), s).q.back(), 1, 0.1);
        s.variances = {2, 0};
        EXPECT_GT(theory::simulateWideNetwork(callOf("selu"), s).q.back(), 1000);
    }
}


// Lessons 2 and 3 make their claim over seeds with a sweep stored in the lesson (the Sweeps tab
// opens with it). These run that sweep, as the page does, and check the numbers the texts quote.
std::vector<sweep::RunResult> lessonSweep(const nn::Session& s, sweep::SweepPlan& plan) {
    EXPECT_TRUE(s.sweep.has_value());
    sweep::PlanBuild build = sweep::makePlan(s, *s.sweep);
    EXPECT_TRUE(build.ok()) << build.error;
    plan = build.plan;
    return parallel::runSweep(plan, 2).value();
}

TEST(LessonClaims, DyingReluOverTwentySeeds) {
    sweep::SweepPlan plan;
    const std::vector<sweep::RunResult> runs = lessonSweep(lesson("02-dying-relu"), plan);
    ASSERT_EQ(plan.variables.at(0).choices,
              (std::vector<std::string>{"relu", "leaky_relu", "prelu"}));
    ASSERT_EQ(plan.seeds, 20);
    int dead[3] = {0, 0, 0};
    for (const sweep::RunResult& r : runs) dead[r.setting] += r.deadPercent > 0 ? 1 : 0;
    std::cout << "runs with dead units: relu " << dead[0] << ", leaky " << dead[1] << ", prelu "
              << dead[2] << " of 20\n";
    EXPECT_GE(dead[0], 18);
    EXPECT_EQ(dead[1], 0);
    EXPECT_EQ(dead[2], 0);
}

/// The share of (unit, example) pairs of every hidden layer in the dead zone (f′ = 0), over the
/// training set, as the Why view's operating points count them.
double deadShare(const nn::Mlp& net, const nn::Dataset& data) {
    inspect::OperatingPoints points;
    points.compute(net, nn::computeFeatures(net.spec().features, data.train));
    std::int64_t dead = 0, pairs = 0;
    for (int l = 0; l < points.layerCount(); ++l) {
        const inspect::ZoneShares z = inspect::zoneShares(points.slopes(l), 0.01);
        dead += z.dead;
        pairs += z.pairs;
    }
    return double(dead) / double(pairs);
}

TEST(LessonClaims, DyingReluHasMoreOfItsPairsInTheDeadZoneAfterFiftyEpochs) {
    // The text: after 50 epochs more of ReLU's (unit, example) pairs are in the dead zone than
    // at the start (the Why view's dashed histogram), for ReLU's network of the comparison.
    nn::Session s = lesson("02-dying-relu");
    const nn::CompareMember relu = s.compare.at(0);
    ASSERT_EQ(relu.activation, "relu");
    for (std::uint64_t seed : {1, 2, 3, 4, 5}) {
        s.seed = seed;
        const nn::Trainer start = trained(s, relu, 0);
        const nn::Trainer later = trained(s, relu, 50);
        const double before = deadShare(start.network(), start.data());
        const double after = deadShare(later.network(), later.data());
        std::cout << "seed " << seed << ": dead pairs " << before << " -> " << after << "\n";
        EXPECT_GT(after, before) << "seed " << seed;
    }
}

TEST(LessonClaims, TanhReachesTheTargetFirstOverTwentySeeds) {
    sweep::SweepPlan plan;
    const std::vector<sweep::RunResult> runs =
        lessonSweep(lesson("03-zero-centred-tanh"), plan);
    ASSERT_EQ(plan.variables.at(0).choices, (std::vector<std::string>{"sigmoid", "tanh"}));
    const sweep::PairedComparison c =
        sweep::compareSettings(plan, runs, 1, 0, sweep::Metric::EpochsToTarget);
    const auto median = [&](int setting) {
        std::vector<double> v;
        for (const sweep::RunResult& r : runs)
            if (r.setting == setting)
                v.push_back(sweep::metricValue(r, sweep::Metric::EpochsToTarget));
        return sweep::spread(v).median;
    };
    std::cout << "tanh first in " << c.wins << " of " << c.pairs << "; medians tanh " << median(1)
              << ", sigmoid " << median(0) << "\n";
    EXPECT_EQ(c.pairs, 20);
    EXPECT_GE(c.wins, 18);
    // The text quotes 7 against 133 (this build); other builds may round differently.
    EXPECT_LE(median(1), 10);
    EXPECT_GE(median(0), 100);
}

}  // namespace
}  // namespace actlab::test
