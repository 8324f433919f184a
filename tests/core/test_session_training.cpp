// Claims as data (parsing, validation, the checker against trainings run here) and sessions that
// keep their training: the trained state of the main and compared networks survives a save and
// load, a resumed run continues exactly, and `train` prints the claim metrics and saves history.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/train_command.h"
#include "nn/claim_check.h"
#include "nn/claims.h"
#include "nn/session.h"
#include "nn/session_state.h"
#include "nn/training_state.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

/// A small compare session on the circle: trains in milliseconds.
std::string sessionJson(const std::string& claims = "") {
    return R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "data": {"generator": {"kind": "circle", "points": 120, "noisePercent": 10,
                         "trainPercent": 50}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 4, "activation": "relu"},
                                                  {"neurons": 3, "activation": "relu"}],
              "output": "tanh_square", "init": "he"},
  "training": {"mode": "standard", "optimizer": {"kind": "adam", "learningRate": 0.01},
               "batchSize": 10, "regularization": {"kind": "none", "rate": 0}},
  "compare": ["relu", "tanh"])" +
           (claims.empty() ? std::string() : ", \"claims\": [" + claims + "]") + "}";
}

nn::Session parsed(const std::string& json) {
    const nn::SessionLoad r = nn::parseSession(json);
    if (!r.ok()) throw std::runtime_error(r.error);
    return r.session;
}

std::string claimJson(const std::string& network, const std::string& metric, const std::string& op,
                      const std::string& rhs, int first, int last, int seeds, int atLeast) {
    return R"({"text": {"en": "a claim", "zh": "一个断言"}, "network": ")" + network +
           R"(", "metric": ")" + metric + R"(", "op": ")" + op + "\", " + rhs + ", \"epochs\": [" +
           std::to_string(first) + ", " + std::to_string(last) +
           "], \"seeds\": " + std::to_string(seeds) + ", \"atLeast\": " + std::to_string(atLeast) +
           "}";
}

TEST(Claims, ParseSerialiseAndParseAgain) {
    const nn::Session s = parsed(
        sessionJson(claimJson("tanh", "test_acc", ">", R"("value": 0.8)", 100, 300, 5, 4) + ", " +
                    claimJson("relu", "train_loss", "<",
                              R"("than": {"network": "tanh", "metric": "train_loss",
                                                 "factor": 2})",
                              50, 50, 3, 3)));
    ASSERT_EQ(s.claims.size(), 2u);
    const nn::Claim& a = s.claims[0];
    EXPECT_EQ(a.network, "tanh");
    EXPECT_EQ(a.metric, nn::ClaimMetric::TestAccuracy);
    EXPECT_EQ(a.op, nn::ClaimOp::Greater);
    EXPECT_EQ(a.value, 0.8);
    EXPECT_EQ(a.checkedEpochs(), (std::vector<int>{100, 150, 200, 250, 300}));
    EXPECT_EQ(a.seeds, 5);
    EXPECT_EQ(a.atLeast, 4);
    const nn::Claim& b = s.claims[1];
    EXPECT_TRUE(b.comparesNetworks());
    EXPECT_EQ(b.thanNetwork, "tanh");
    EXPECT_EQ(b.thanFactor, 2);
    const std::string text = nn::serializeSession(s);
    EXPECT_EQ(nn::serializeSession(parsed(text)), text);
}

TEST(Claims, BadClaimsAreRefusedWithAMessage) {
    const struct {
        std::string claim, expected;
    } cases[] = {
        {claimJson("relu", "accuracy", ">", R"("value": 0.5)", 1, 50, 1, 1), "unknown metric"},
        {claimJson("gelu", "test_acc", ">", R"("value": 0.5)", 1, 50, 1, 1), "gelu"},
        {claimJson("relu", "test_acc", "=", R"("value": 0.5)", 1, 50, 1, 1), "op"},
        {claimJson("relu", "test_acc", ">", R"("value": 0.5)", 1, 50, 3, 4), "atLeast"},
        {claimJson("relu", "test_acc", ">", R"("value": 0.5)", 60, 50, 1, 1), "epochs"},
        {claimJson("relu", "test_acc", ">",
                   R"("value": 0.5, "than": {"network": "tanh", "metric": "test_acc"})", 1, 50, 1,
                   1),
         "exactly one"},
    };
    for (const auto& c : cases) {
        const nn::SessionLoad r = nn::parseSession(sessionJson(c.claim));
        EXPECT_FALSE(r.ok()) << c.claim;
        EXPECT_NE(r.error.find(c.expected), std::string::npos) << r.error;
        EXPECT_EQ(r.error.find('\n'), std::string::npos) << r.error;
    }
}

/// The training loss of `network` at `epoch` from `seed`, trained here without the checker.
double trainLossAt(const nn::Session& s, const std::string& network, std::uint64_t seed,
                   int epoch) {
    nn::Session m = nn::networkSession(nn::untrainedSession(s), network);
    m.seed = seed;
    nn::Trainer t = nn::makeTrainer(m);
    t.run(epoch);
    return t.latest().trainLoss;
}

TEST(Claims, AVariantCanChangeTheInitialisation) {
    const nn::Session s = parsed(sessionJson(
        claimJson("relu", "std_spread", ">", R"("value": 5, "variant": {"init": "xavier"})", 1, 1,
                  1, 1)));
    ASSERT_EQ(s.claims.size(), 1u);
    ASSERT_TRUE(s.claims[0].variant.init.has_value());
    EXPECT_EQ(*s.claims[0].variant.init, nn::InitKind::Xavier);
    const std::string text = nn::serializeSession(s);
    EXPECT_NE(text.find(R"("init": "xavier")"), std::string::npos);
    EXPECT_EQ(nn::serializeSession(parsed(text)), text);
    // The session says He; the variant trains from Xavier's weights.
    EXPECT_EQ(s.init, nn::InitKind::He);
    const nn::Session varied = nn::withVariant(s, s.claims[0].variant);
    EXPECT_EQ(varied.init, nn::InitKind::Xavier);
    EXPECT_NE(trainLossAt(varied, "relu", 1, 1), trainLossAt(s, "relu", 1, 1));

    const nn::SessionLoad bad = nn::parseSession(sessionJson(claimJson(
        "relu", "test_acc", ">", R"("value": 0.5, "variant": {"init": "glorot"})", 1, 50, 1, 1)));
    EXPECT_FALSE(bad.ok());
    EXPECT_NE(bad.error.find("unknown value 'glorot'"), std::string::npos) << bad.error;
}

TEST(ClaimCheck, CountsTheSeedsThatHoldAsTrainingsRunHereDo) {
    const nn::Session base = parsed(sessionJson());
    // Four seeds' losses at epoch 50; a threshold between the 2nd and 3rd smallest holds for two.
    std::vector<double> losses;
    for (std::uint64_t seed = 7; seed < 11; ++seed)
        losses.push_back(trainLossAt(base, "tanh", seed, 50));
    std::vector<double> sorted = losses;
    std::sort(sorted.begin(), sorted.end());
    ASSERT_LT(sorted[1], sorted[2]);
    const double threshold = (sorted[1] + sorted[2]) / 2;
    const std::string rhs = "\"value\": " + formatNumber(threshold, 17);
    const nn::Session s =
        parsed(sessionJson(claimJson("tanh", "train_loss", "<", rhs, 50, 50, 4, 2) + ", " +
                           claimJson("tanh", "train_loss", "<", rhs, 50, 50, 4, 3)));
    const std::vector<nn::ClaimOutcome> out = nn::checkClaims(s, {.threads = 2});
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].held(), 2);
    EXPECT_TRUE(out[0].holds());
    EXPECT_FALSE(out[1].holds());
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(out[0].seeds[k].seed, 7 + k);
        EXPECT_EQ(out[0].seeds[k].held, losses[k] < threshold) << k;
    }
}

TEST(ClaimCheck, ComparesTwoNetworksAtTheSameEpochAndSeed) {
    const nn::Session base = parsed(sessionJson());
    const double relu = trainLossAt(base, "relu", 7, 100), tanh = trainLossAt(base, "tanh", 7, 100);
    const std::string than = R"("than": {"network": "tanh", "metric": "train_loss"})";
    const nn::Session s =
        parsed(sessionJson(claimJson("relu", "train_loss", "<", than, 100, 100, 1, 1)));
    const std::vector<nn::ClaimOutcome> out = nn::checkClaims(s);
    ASSERT_EQ(out.size(), 1u);
    EXPECT_EQ(out[0].holds(), relu < tanh);
    EXPECT_DOUBLE_EQ(out[0].seeds[0].worstValue, relu);
    EXPECT_DOUBLE_EQ(out[0].seeds[0].worstThan, tanh);
}

TEST(ClaimCheck, MetricsOverTimeAndLayersMatchATrainingRunHere) {
    const nn::Session base = parsed(sessionJson());
    nn::Session m = nn::networkSession(base, "tanh");
    nn::Trainer t = nn::makeTrainer(m);
    double best = 0, rise = 1;
    for (int e = 1; e <= 100; ++e) {
        const double loss =
            t.step(e == 100 ? nn::Evaluation::Full : nn::Evaluation::Loss).trainLoss;
        if (e > 1) rise = std::max(rise, loss / best);
        if (e == 1 || loss < best) best = loss;
    }
    double lo = 1e300, hi = 0;
    for (std::size_t l = 0; l < m.network.hidden.size(); ++l) {
        lo = std::min(lo, t.latest().layers[l].stddev);
        hi = std::max(hi, t.latest().layers[l].stddev);
    }
    const struct {
        std::string metric;
        double expected;
    } cases[] = {{"best_train_loss", best},
                 {"max_loss_rise", rise},
                 {"std_min", lo},
                 {"std_max", hi},
                 {"std_spread", hi / lo}};
    std::string claims;
    for (const auto& c : cases)
        claims += (claims.empty() ? "" : ", ") +
                  claimJson("tanh", c.metric, ">", R"("value": 0)", 100, 100, 1, 1);
    const std::vector<nn::ClaimOutcome> out = nn::checkClaims(parsed(sessionJson(claims)));
    ASSERT_EQ(out.size(), std::size(cases));
    for (std::size_t k = 0; k < out.size(); ++k)
        EXPECT_DOUBLE_EQ(out[k].seeds[0].worstValue, cases[k].expected) << cases[k].metric;
    EXPECT_GT(rise, 1);  // the loss of some epoch rose above an earlier best: the case is tested
}

TEST(TrainedSessions, TheStateOfEveryNetworkSurvivesSaveAndLoad) {
    nn::Session s = parsed(sessionJson());
    for (const std::string network : {"main", "tanh"}) {
        nn::Trainer t = nn::resumeTrainer(s, network);
        nn::LossHistory h;
        nn::recordEpoch(h, t.latest());
        for (int e = 0; e < 30; ++e) nn::recordEpoch(h, t.step());
        nn::storeTrainedState(s, network, nn::trainedState(t, h));
    }
    const nn::Session back = parsed(nn::serializeSession(s));
    for (const std::string network : {"main", "tanh"}) {
        const auto a = nn::storedState(s, network), b = nn::storedState(back, network);
        ASSERT_TRUE(a && b) << network;
        EXPECT_EQ(b->epoch, 30);
        EXPECT_EQ(b->history.size(), 31u);
        EXPECT_TRUE(b->optimizer.has_value());
        EXPECT_TRUE(*a == *b) << network;
    }
    EXPECT_FALSE(nn::storedState(back, "relu").has_value());  // never trained
    // Untrained again: the lesson's own state.
    const nn::Session u = nn::untrainedSession(back);
    EXPECT_FALSE(nn::storedState(u, "main").has_value());
    EXPECT_FALSE(nn::storedState(u, "tanh").has_value());
}

TEST(TrainedSessions, AResumedRunIsTheUninterruptedOne) {
    for (const std::string network : {"main", "tanh"}) {
        nn::Session s = parsed(sessionJson());
        nn::Trainer straight = nn::resumeTrainer(s, network);
        straight.run(25);
        nn::Trainer first = nn::resumeTrainer(s, network);
        first.run(12);
        nn::storeTrainedState(s, network, nn::trainedState(first, {}));
        nn::Trainer resumed = nn::resumeTrainer(parsed(nn::serializeSession(s)), network);
        EXPECT_EQ(resumed.epoch(), 12);
        resumed.run(13);
        EXPECT_EQ(resumed.latest().trainLoss, straight.latest().trainLoss) << network;
        EXPECT_EQ(resumed.latest().testLoss, straight.latest().testLoss) << network;
    }
}

TEST(TrainCommand, PrintsTheClaimMetricsAndSavesTheHistory) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / "actlab_train_test";
    std::filesystem::create_directories(dir);
    const std::string in = (dir / "in.actlab.json").string(),
                      out = (dir / "out.actlab.json").string();
    std::ofstream(in) << sessionJson();
    std::ostringstream o, e;
    ASSERT_EQ(cli::runTrain({"--session", in, "--epochs", "20", "--save", out}, o, e), 0)
        << e.str();
    std::istringstream lines(o.str());
    std::string header, row;
    std::getline(lines, header);
    EXPECT_EQ(header,
              "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio,"
              "grad_norm_layer1,grad_norm_layer2,grad_norm_output");
    int rows = 0;
    while (std::getline(lines, row)) {
        ++rows;
        std::vector<double> v;
        std::istringstream f(row);
        // An empty cell is a value that does not exist (grad_ratio before the first update).
        for (std::string x; std::getline(f, x, ',');)
            v.push_back(x.empty() ? std::nan("") : std::stod(x));
        ASSERT_EQ(v.size(), 10u);
        if (v[0] == 0) {
            EXPECT_TRUE(std::isnan(v[6])) << row;
            continue;
        }
        // grad_ratio from the same row's gradient norms.
        EXPECT_NEAR(v[6], v[7] / v[9], 1e-5 * v[6]) << row;
        EXPECT_GE(v[5], 0);
        EXPECT_LE(v[5], 100);
    }
    EXPECT_EQ(rows, 21);
    const nn::SessionLoad saved = nn::loadSessionFile(out);
    ASSERT_TRUE(saved.ok()) << saved.error;
    const auto state = nn::storedState(saved.session, "main");
    ASSERT_TRUE(state.has_value());
    EXPECT_EQ(state->epoch, 20);
    ASSERT_EQ(state->history.size(), 21u);
    EXPECT_EQ(state->history.epochs.back(), 20);
    EXPECT_TRUE(state->optimizer.has_value());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace actlab::test
