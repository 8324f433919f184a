// Sweep specifications: KEY=SPEC parsing, the settings' own checks, and the "sweep" block of a
// session (round trip, and malformed blocks rejected with a message that names the field).

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "nn/session.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_variable.h"

namespace actlab::test {
namespace {

using sweep::parseVariable;
using sweep::SweepKey;

TEST(SweepVariable, LinearRangeHasNEvenlySpacedValuesWithExactEnds) {
    const sweep::VariableParse p = parseVariable("reg_rate", "0:1:5");
    ASSERT_TRUE(p.ok()) << p.error;
    EXPECT_EQ(p.variable.key, SweepKey::RegRate);
    EXPECT_EQ(p.variable.numbers, (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
    const sweep::VariableParse q = parseVariable("lr", "0.1:0.3:3");
    ASSERT_TRUE(q.ok()) << q.error;
    EXPECT_EQ(q.variable.numbers.front(), 0.1);
    EXPECT_EQ(q.variable.numbers.back(), 0.3);  // the end as written, not 0.1 + 2·0.1
    EXPECT_NEAR(q.variable.numbers[1], 0.2, 1e-16);
}

TEST(SweepVariable, LogRangeIsGeometricAndHitsPowersOfTenExactly) {
    const sweep::VariableParse p = parseVariable("lr", "0.001:1:4:log");
    ASSERT_TRUE(p.ok()) << p.error;
    EXPECT_EQ(p.variable.numbers, (std::vector<double>{0.001, 0.01, 0.1, 1}));
    EXPECT_EQ(p.variable.valueText(1), "0.01");
    EXPECT_EQ(p.variable.valueText(3), "1.0");
    // Ratios between neighbours are equal: 10^(1/3) for 1:10:4:log.
    const sweep::VariableParse q = parseVariable("lr", "1:10:4:log");
    ASSERT_TRUE(q.ok());
    for (std::size_t i = 1; i < 4; ++i)
        EXPECT_NEAR(q.variable.numbers[i] / q.variable.numbers[i - 1], std::cbrt(10.0), 1e-14);
}

TEST(SweepVariable, WholeNumberKeysRoundTheirRanges) {
    const sweep::VariableParse p = parseVariable("batch", "1:1000:4:log");
    ASSERT_TRUE(p.ok()) << p.error;
    EXPECT_EQ(p.variable.numbers, (std::vector<double>{1, 10, 100, 1000}));
    EXPECT_EQ(p.variable.valueText(2), "100");
    const sweep::VariableParse q = parseVariable("neurons", "1:8:3");  // 1, 4.5, 8
    ASSERT_TRUE(q.ok()) << q.error;
    EXPECT_EQ(q.variable.numbers, (std::vector<double>{1, 5, 8}));  // 4.5 rounds away from 0
}

TEST(SweepVariable, ListsOfIdsAndNumbers) {
    const sweep::VariableParse a = parseVariable("activation", "relu, gelu,elu");
    ASSERT_TRUE(a.ok()) << a.error;
    EXPECT_EQ(a.variable.choices, (std::vector<std::string>{"relu", "gelu", "elu"}));
    EXPECT_TRUE(a.variable.categorical());
    const sweep::VariableParse o = parseVariable("optimizer", "sgd,adam");
    ASSERT_TRUE(o.ok()) << o.error;
    EXPECT_EQ(o.variable.size(), 2u);
    const sweep::VariableParse l = parseVariable("layers", "0,1,3");
    ASSERT_TRUE(l.ok()) << l.error;
    EXPECT_EQ(l.variable.numbers, (std::vector<double>{0, 1, 3}));
    const sweep::VariableParse p = parseVariable("param.negative_slope", "0.01,0.3");
    ASSERT_TRUE(p.ok()) << p.error;
    EXPECT_EQ(p.variable.key, SweepKey::Param);
    EXPECT_EQ(p.variable.paramId, "negative_slope");
    EXPECT_EQ(p.variable.name, "param.negative_slope");
}

struct BadSpec {
    const char* key;
    const char* spec;
    const char* message;  // a part of the expected message
};

class SweepVariableErrors : public ::testing::TestWithParam<BadSpec> {};

TEST_P(SweepVariableErrors, NameTheProblem) {
    const sweep::VariableParse p = parseVariable(GetParam().key, GetParam().spec);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.error.find(GetParam().message), std::string::npos) << p.error;
}

INSTANTIATE_TEST_SUITE_P(
    All, SweepVariableErrors,
    ::testing::Values(BadSpec{"speed", "1,2", "unknown key 'speed'; valid: lr, batch"},
                      BadSpec{"param.2b", "1,2", "unknown parameter '2b'"},
                      BadSpec{"lr", "", "empty SPEC"},
                      BadSpec{"lr", "0:1", "a range is a:b:n or a:b:n:log"},
                      BadSpec{"lr", "0.1:1:5:ln", "must be 'log'"},
                      BadSpec{"lr", "0.1:x:5", "range end 'x' is not a finite number"},
                      BadSpec{"lr", "0.1:1:1", "from 2 to 1000"},
                      BadSpec{"lr", "0.1:1:2.5", "from 2 to 1000"},
                      BadSpec{"lr", "0:1:5:log", "a log range needs a > 0 and b > 0"},
                      BadSpec{"lr", "0:1:5", "lr must be in (0, 100], got 0.0"},
                      BadSpec{"lr", "0.1,,0.2", "an empty value"},
                      BadSpec{"lr", "0.1,nan", "'nan' is not a finite number"},
                      BadSpec{"lr", "0.1,0.1", "the value 0.1 appears twice"},
                      BadSpec{"batch", "2.5,4", "batch takes whole numbers, got 2.5"},
                      BadSpec{"batch", "0,10", "batch must be in [1, 1000], got 0"},
                      BadSpec{"layers", "9", "layers must be in [0, 8]"},
                      BadSpec{"neurons", "1:3:10", "twice once rounded"},
                      BadSpec{"noise", "60", "noise must be in [0, 50]"},
                      BadSpec{"train_percent", "5,50", "train_percent must be in [10, 90]"},
                      BadSpec{"activation", "relu:gelu:2", "takes a comma list of ids"},
                      BadSpec{"activation", "relu,swishy", "unknown activation 'swishy'; valid:"},
                      BadSpec{"init", "he,kaiming", "unknown init 'kaiming'"},
                      BadSpec{"optimizer", "sgd,rmsprop", "unknown optimizer 'rmsprop'"}));

TEST(SweepSettings, SplitVaryNeedsAnEqualsSign) {
    sweep::VarySpec v;
    EXPECT_TRUE(sweep::splitVary("lr=0.1:1:3", v));
    EXPECT_EQ(v.key, "lr");
    EXPECT_EQ(v.spec, "0.1:1:3");
    EXPECT_FALSE(sweep::splitVary("lr:0.1", v));
}

TEST(SweepSettings, ValidateNamesTheField) {
    sweep::SweepSettings s;
    EXPECT_NE(sweep::validate(s).find("vary: give 1 or 2"), std::string::npos);
    s.vary = {{"lr", "0.1,0.2"}, {"lr", "0.3"}};
    EXPECT_NE(sweep::validate(s).find("vary[1].key: 'lr' is already varied"), std::string::npos);
    s.vary = {{"lr", "0.1,0.2"}, {"sped", "1"}};
    EXPECT_NE(sweep::validate(s).find("vary[1].key: unknown key"), std::string::npos);
    s.vary = {{"lr", "0.1:x:2"}};
    EXPECT_NE(sweep::validate(s).find("vary[0].spec: range end"), std::string::npos);
    s.vary = {{"lr", "0.1"}, {"batch", "10"}, {"neurons", "4"}};
    EXPECT_NE(sweep::validate(s).find("got 3"), std::string::npos);
    s.vary = {{"lr", "0.1"}};
    s.seeds = 201;
    EXPECT_NE(sweep::validate(s).find("seeds: must be in [1, 200], got 201"), std::string::npos);
    s.seeds = 3;
    s.epochs = -1;
    EXPECT_NE(sweep::validate(s).find("epochs: must be in"), std::string::npos);
    s.epochs = 10;
    s.target = {sweep::TargetMetric::TestAccuracy, 1.5};
    EXPECT_NE(sweep::validate(s).find("target.value"), std::string::npos);
    s.target = {sweep::TargetMetric::TestLoss, 0.1};
    EXPECT_EQ(sweep::validate(s), "");
}

const char* kSessionHead = R"({"format": "activation-lab-session", "version": 1, "seed": 5,
  "data": {"generator": {"kind": "circle", "points": 100}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 4, "activation": "tanh"}],
              "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "sgd", "learningRate": 0.03}, "batchSize": 10})";

nn::SessionLoad withSweep(const std::string& sweepJson) {
    return nn::parseSession(std::string(kSessionHead) + ", \"sweep\": " + sweepJson + "}");
}

TEST(SessionSweep, RoundTripsByteIdentically) {
    const nn::SessionLoad r = withSweep(
        R"({"vary": [{"key": "lr", "spec": "0.001:1:10:log"}, {"key": "activation",
            "spec": "tanh,relu"}], "seeds": 20, "epochs": 300,
            "target": {"metric": "test_loss", "value": 0.1}})");
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_TRUE(r.session.sweep.has_value());
    const sweep::SweepSettings& s = *r.session.sweep;
    ASSERT_EQ(s.vary.size(), 2u);
    EXPECT_EQ(s.vary[0].key, "lr");
    EXPECT_EQ(s.vary[1].spec, "tanh,relu");
    EXPECT_EQ(s.seeds, 20);
    EXPECT_EQ(s.epochs, 300);
    EXPECT_EQ(s.target.metric, sweep::TargetMetric::TestLoss);
    EXPECT_EQ(s.target.value, 0.1);
    const std::string text = nn::serializeSession(r.session);
    const nn::SessionLoad back = nn::parseSession(text);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_EQ(back.session, r.session);
    EXPECT_EQ(nn::serializeSession(back.session), text);
    EXPECT_NE(text.find("\"sweep\""), std::string::npos);
}

TEST(SessionSweep, EpochsDefaultAndNoTargetRoundTrip) {
    const nn::SessionLoad r =
        withSweep(R"({"vary": [{"key": "batch", "spec": "1,10"}], "seeds": 2})");
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.session.sweep->epochs, sweep::kDefaultEpochs);
    EXPECT_EQ(r.session.sweep->target.metric, sweep::TargetMetric::None);
    const nn::SessionLoad back = nn::parseSession(nn::serializeSession(r.session));
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_EQ(back.session, r.session);
    // A session without a sweep writes none.
    nn::Session plain = r.session;
    plain.sweep.reset();
    EXPECT_EQ(nn::serializeSession(plain).find("\"sweep\""), std::string::npos);
}

class SessionSweepErrors : public ::testing::TestWithParam<BadSpec> {};

// Here `key` is the sweep block and `spec` is unused.
TEST_P(SessionSweepErrors, NameTheField) {
    const nn::SessionLoad r = withSweep(GetParam().key);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error.find(GetParam().message), std::string::npos) << r.error;
}

INSTANTIATE_TEST_SUITE_P(
    All, SessionSweepErrors,
    ::testing::Values(
        BadSpec{R"([1])", "", "sweep: expected an object"},
        BadSpec{R"({"seeds": 2})", "", "sweep.vary: missing"},
        BadSpec{R"({"vary": {}, "seeds": 2})", "", "sweep.vary: expected an array"},
        BadSpec{R"({"vary": [{"key": "lr"}], "seeds": 2})", "", "sweep.vary[0].spec: missing"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": 3}], "seeds": 2})", "",
                "sweep.vary[0].spec: expected a string"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "1", "step": 2}], "seeds": 2})", "",
                "sweep.vary[0].step: unknown field"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1"}]})", "", "sweep.seeds: missing"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1"}], "seeds": 0})", "",
                "sweep.seeds: must be in [1, 200], got 0"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1"}], "seeds": 2.5})", "",
                "sweep.seeds: expected an integer"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1"}], "seeds": 2, "epoch": 3})", "",
                "sweep.epoch: unknown field"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1"}], "seeds": 2, "epochs": -1})", "",
                "sweep.epochs: must be in"},
        BadSpec{R"({"vary": [{"key": "rate", "spec": "0.1"}], "seeds": 2})", "",
                "sweep.vary[0].key: unknown key 'rate'"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1:1"}], "seeds": 2})", "",
                "sweep.vary[0].spec: a range is"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1"}], "seeds": 2,
                   "target": {"metric": "loss", "value": 1}})", "",
                "sweep.target.metric: unknown value 'loss'; valid: test_loss, test_accuracy"},
        BadSpec{R"({"vary": [{"key": "lr", "spec": "0.1"}], "seeds": 2,
                   "target": {"metric": "test_accuracy", "value": 95}})", "",
                "sweep.target.value: an accuracy target is a fraction in [0, 1]"},
        // Checks against the session itself.
        BadSpec{R"({"vary": [{"key": "param.alpha", "spec": "0.5,1"}], "seeds": 2})", "",
                "sweep: param.alpha=0.5: param.alpha: no hidden layer has parameter 'alpha' "
                "(hidden layers: tanh)"},
        BadSpec{R"({"vary": [{"key": "reg_rate", "spec": "0.1"}], "seeds": 2})", "",
                "sweep: reg_rate: the session has no regularisation"}));

TEST(SessionSweep, ASettingThatDoesNotFitTheSessionIsRefused) {
    // Playground mode trains with plain SGD only.
    std::string head = kSessionHead;
    head.replace(head.find("\"batchSize\""), 0, "\"mode\": \"playground\", ");
    const nn::SessionLoad r = nn::parseSession(
        head + R"(, "sweep": {"vary": [{"key": "optimizer", "spec": "sgd,adam"}], "seeds": 2}})");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(
        r.error.find("sweep: optimizer=adam: training: training.mode 'playground' uses plain SGD"),
        std::string::npos)
        << r.error;
}

}  // namespace
}  // namespace actlab::test
