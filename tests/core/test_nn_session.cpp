// Session documents: round trips and a battery of malformed files, each rejected with a message
// that names the field.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "activations/registry.h"
#include "nn/session.h"

namespace actlab::test {
namespace {

const char* kValid = R"({
  "format": "activation-lab-session",
  "version": 1,
  "title": "Dying ReLU",
  "description": {"en": "High learning rate", "zh": "高学习率"},
  "seed": 42,
  "data": {"generator": {"kind": "circle", "points": 300, "noisePercent": 10, "trainPercent": 60}},
  "network": {
    "features": ["x", "y", "xSquared"],
    "layers": [
      {"neurons": 6, "activation": "leaky_relu", "params": {"negative_slope": 0.1}},
      {"neurons": 4, "activation": "prelu", "preluMode": "neuron"}
    ],
    "output": "sigmoid_bce",
    "init": "he"
  },
  "training": {
    "mode": "standard",
    "optimizer": {"kind": "adam", "learningRate": 0.005, "beta1": 0.8},
    "batchSize": 16,
    "regularization": {"kind": "l2", "rate": 0.001}
  }
})";

TEST(Session, ParsesEveryField) {
    const nn::SessionLoad r = nn::parseSession(kValid);
    ASSERT_TRUE(r.ok()) << r.error;
    const nn::Session& s = r.session;
    EXPECT_EQ(s.title, "Dying ReLU");
    EXPECT_EQ(s.descriptionZh, "高学习率");
    EXPECT_EQ(s.seed, 42u);
    EXPECT_EQ(s.generator.kind, nn::DatasetKind::Circle);
    EXPECT_EQ(s.generator.numPoints, 300);
    EXPECT_EQ(s.generator.noisePercent, 10);
    EXPECT_EQ(s.generator.trainPercent, 60);
    ASSERT_EQ(s.network.hidden.size(), 2u);
    EXPECT_EQ(s.network.hidden[0].params[0], 0.1);
    EXPECT_EQ(s.network.hidden[1].params[0], 0.25);  // PReLU's default weight
    EXPECT_EQ(s.network.hidden[1].preluMode, nn::PReluMode::PerNeuron);
    EXPECT_EQ(s.network.output, nn::OutputKind::SigmoidBce);
    EXPECT_EQ(s.init, nn::InitKind::He);
    EXPECT_EQ(s.training.optimizer, nn::OptimizerKind::Adam);
    EXPECT_EQ(s.training.beta1, 0.8);
    EXPECT_EQ(s.training.regularization, nn::Regularization::L2);
}

TEST(Session, ATitleInBothLanguagesRoundTrips) {
    std::string text = kValid;
    const std::string plain = "\"title\": \"Dying ReLU\"";
    ASSERT_NE(text.find(plain), std::string::npos);
    text.replace(text.find(plain), plain.size(),
                 "\"title\": {\"en\": \"Dying ReLU\", \"zh\": \"死亡 ReLU\"}");
    const nn::SessionLoad r = nn::parseSession(text);
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.session.title, "Dying ReLU");
    EXPECT_EQ(r.session.titleZh, "死亡 ReLU");
    const std::string saved = nn::serializeSession(r.session);
    const nn::SessionLoad again = nn::parseSession(saved);
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_EQ(again.session.titleZh, "死亡 ReLU");
    EXPECT_EQ(nn::serializeSession(again.session), saved);
    // An unknown language key is refused like any other unknown field.
    text.replace(text.find("\"zh\""), 4, "\"fr\"");
    EXPECT_FALSE(nn::parseSession(text).ok());
}

TEST(Session, SaveLoadSaveIsByteIdentical) {
    const nn::SessionLoad r = nn::parseSession(kValid);
    ASSERT_TRUE(r.ok()) << r.error;
    const std::string first = nn::serializeSession(r.session);
    const nn::SessionLoad again = nn::parseSession(first);
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_TRUE(again.session == r.session);
    EXPECT_EQ(nn::serializeSession(again.session), first);
}

TEST(Session, TrainedWeightsAndExplicitPointsRoundTrip) {
    nn::SessionLoad r = nn::parseSession(kValid);
    ASSERT_TRUE(r.ok());
    nn::Trainer t = nn::makeTrainer(r.session);
    t.run(3);
    nn::Session s = nn::withTrainedWeights(r.session, t);
    s.points = t.data();
    s.generator = nn::DatasetSpec{};  // explicit points replace the generator
    const std::string text = nn::serializeSession(s);
    const nn::SessionLoad back = nn::parseSession(text);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_TRUE(back.session == s);
    EXPECT_EQ(nn::serializeSession(back.session), text);
    EXPECT_TRUE(nn::sessionNetwork(back.session) == t.network());
    EXPECT_EQ(back.session.epoch, 3);
}

struct Malformed {
    std::string name;
    std::string patch;  // a JSON merge patch applied to kValid ("" = use `text` as is)
    std::string text;
    std::string mustMention;
};

std::ostream& operator<<(std::ostream& os, const Malformed& m) { return os << m.name; }

class SessionRejects : public ::testing::TestWithParam<Malformed> {};

TEST_P(SessionRejects, WithAMessageNamingTheField) {
    std::string text = GetParam().text;
    if (!GetParam().patch.empty()) {
        nlohmann::ordered_json j = nlohmann::ordered_json::parse(kValid);
        j.merge_patch(nlohmann::ordered_json::parse(GetParam().patch));
        text = j.dump();
    }
    const nn::SessionLoad r = nn::parseSession(text);
    ASSERT_FALSE(r.ok()) << "accepted: " << text;
    EXPECT_NE(r.error.find(GetParam().mustMention), std::string::npos) << r.error;
}

INSTANTIATE_TEST_SUITE_P(
    Battery, SessionRejects,
    ::testing::Values(
        Malformed{"NotJson", "", "this is not json", "not valid JSON"},
        Malformed{"Truncated", "", std::string(kValid).substr(0, 200), "not valid JSON"},
        Malformed{"Empty", "", "", "not valid JSON"},
        Malformed{"Array", "", "[1, 2]", "expected an object"},
        // Found by fuzz_session: a number too large for a double threw out of the parser.
        Malformed{"NumberOverflow", "", R"({"format": "activation-lab-session", "seed": 2e308})",
                  "number overflow"},
        Malformed{"WrongFormat", R"({"format": "playground"})", "", "format"},
        Malformed{"FutureVersion", R"({"version": 99})", "", "version"},
        Malformed{"SeedNotNumber", R"({"seed": "abc"})", "", "seed"},
        Malformed{"UnknownTopLevel", R"({"colour": "red"})", "", "colour: unknown field"},
        Malformed{"UnknownDataset", R"({"data": {"generator": {"kind": "donut"}}})", "",
                  "data.generator.kind: unknown value 'donut'"},
        Malformed{"TooManyPoints", R"({"data": {"generator": {"points": 100000}}})", "",
                  "data.generator.points"},
        Malformed{"NoisePercent", R"({"data": {"generator": {"noisePercent": 80}}})", "",
                  "data.generator.noisePercent"},
        Malformed{"BothDataSources", R"({"data": {"points": {"classes": 2, "train": [[0,0,1]]}}})",
                  "", "exactly one"},
        Malformed{"UnknownFeature", R"({"network": {"features": ["x", "z"]}})", "",
                  "network.features[1]: unknown feature 'z'"},
        Malformed{"UnknownActivation",
                  R"({"network": {"layers": [{"neurons": 3, "activation": "swishy"}]}})", "",
                  "network.layers[0].activation: unknown activation 'swishy'"},
        Malformed{"UnknownParam",
                  R"({"network": {"layers": [{"neurons": 3, "activation": "elu", "params": {"beta": 1}}]}})",
                  "", "network.layers[0].params.beta"},
        Malformed{"BadParamValue",
                  R"({"network": {"layers": [{"neurons": 3, "activation": "celu", "params": {"alpha": 0}}]}})",
                  "", "network.layers[0].params: alpha must not be 0"},
        Malformed{"TooManyNeurons",
                  R"({"network": {"layers": [{"neurons": 33, "activation": "relu"}]}})", "",
                  "network.layers[0].neurons"},
        Malformed{"WrongType", R"({"network": {"layers": [{"neurons": "four", "activation": "relu"}]}})",
                  "", "network.layers[0].neurons: expected an integer"},
        Malformed{"UnknownOutput", R"({"network": {"output": "softmax"}})", "", "network.output"},
        Malformed{"OutputDoesNotFitData", R"({"data": {"generator": {"kind": "plane"}}})", "",
                  "network: output: sigmoid_bce needs two classes"},
        Malformed{"NegativeLearningRate", R"({"training": {"optimizer": {"learningRate": -1}}})",
                  "", "training.optimizer.learningRate"},
        Malformed{"UnknownOptimizer", R"({"training": {"optimizer": {"kind": "rmsprop"}}})", "",
                  "training.optimizer.kind: unknown value 'rmsprop'"},
        Malformed{"PlaygroundWithAdam", R"({"training": {"mode": "playground"}})", "",
                  "training: training.mode 'playground' uses plain SGD"},
        Malformed{"BatchZero", R"({"training": {"batchSize": 0}})", "", "training.batchSize"},
        Malformed{"WeightsWrongLayerCount", R"({"weights": [{"w": [[1, 2, 3]], "b": [0]}]})", "",
                  "weights: expected 3 layers"},
        Malformed{"WeightsWrongRowLength",
                  R"({"weights": [{"w": [[1, 2]], "b": [0]}, {"w": [], "b": []}, {"w": [], "b": []}]})",
                  "", "weights[0].w: expected 6 rows"},
        Malformed{"PointOutsideDomain",
                  R"({"data": {"generator": null, "points": {"classes": 2, "train": [[9e9, 0, 1]]}}})",
                  "", "data.points.train[0]: point is outside"},
        Malformed{"CompareTooShort", R"({"compare": ["relu"]})", "", "compare: needs 2 to 8"},
        Malformed{"CompareUnknown", R"({"compare": ["relu", "nope"]})", "",
                  "compare[1]: unknown activation 'nope'"},
        Malformed{"ViewPanel", R"({"view": {"panel": "3d"}})", "", "view.panel"},
        Malformed{"LabelDoesNotFit",
                  R"({"data": {"generator": null, "points": {"classes": 2, "train": [[1, 0, 3]]}}})",
                  "", "data.points: label 3"}));

TEST(Session, CompareSetAndViewRoundTripAndShareTheInitialWeights) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(kValid);
    j["compare"] = {"sigmoid", "relu", "prelu"};
    j["view"] = {{"page", "network"}, {"panel", "health"}, {"epochsPerFrame", 20}};
    const nn::SessionLoad r = nn::parseSession(j.dump());
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.session.compare, (std::vector<nn::CompareMember>{"sigmoid", "relu", "prelu"}));
    EXPECT_EQ(r.session.view.panel, "health");
    EXPECT_EQ(nn::serializeSession(nn::parseSession(nn::serializeSession(r.session)).session),
              nn::serializeSession(r.session));
    const nn::Mlp a = nn::sessionNetwork(nn::compareMember(r.session, "sigmoid"));
    const nn::Mlp b = nn::sessionNetwork(nn::compareMember(r.session, "prelu"));
    for (std::size_t l = 0; l < a.layers().size(); ++l) {
        EXPECT_EQ(a.layers()[l].w, b.layers()[l].w);
        EXPECT_EQ(a.layers()[l].b, b.layers()[l].b);
    }
    EXPECT_EQ(b.activationOf(0)->id, "prelu");
    EXPECT_EQ(b.layers()[0].learnable, std::vector<double>{0.25});      // one weight per layer
    EXPECT_EQ(b.layers()[1].learnable, std::vector<double>(4, 0.25));   // one per neuron
}

TEST(Session, RejectingLeavesNothingPartiallyApplied) {
    // A failed parse returns no session at all: a default one, never a half-filled one.
    const nn::SessionLoad r = nn::parseSession(R"({"format": "activation-lab-session", "version": 1,
        "seed": 5, "data": {"generator": {"kind": "xor", "points": 100}},
        "network": {"features": ["x"], "layers": [], "output": "nope", "init": "he"},
        "training": {"optimizer": {"kind": "sgd", "learningRate": 0.1}, "batchSize": 5}})");
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.session == nn::Session{});
}

TEST(Session, MissingFileIsReported) {
    const nn::SessionLoad r = nn::loadSessionFile("/nonexistent/dir/session.json");
    EXPECT_NE(r.error.find("cannot open"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace actlab::test
