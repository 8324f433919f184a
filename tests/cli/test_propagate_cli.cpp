// `activation-lab propagate` end to end. Built twice: against the real binary (GUI builds,
// test_propagate_cli) and in process through cli::runPropagate (test_propagate_command), so the
// subcommand is tested in headless builds too.

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "cli/arg_reader.h"
#include "util/number_format.h"

#ifdef ACTLAB_PROPAGATE_IN_PROCESS
#include "cli/propagate_command.h"
#else
#include "process_runner.h"
#endif

namespace actlab::test {
namespace {

#ifdef ACTLAB_PROPAGATE_IN_PROCESS
struct Result {
    int exitCode = -1;
    std::string out, err;
};
Result run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int code = cli::runPropagate({args.begin() + 1, args.end()}, out, err);
    return {code, out.str(), err.str()};
}
#else
ProcessResult run(const std::vector<std::string>& args) {
    return runApp(args, {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"});
}
#endif

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string l; std::getline(s, l);) out.push_back(l);
    return out;
}

double value(const std::string& line, const std::string& key) {
    EXPECT_EQ(line.substr(0, key.size() + 1), key + "=") << line;
    return parseNumber(line.substr(key.size() + 1)).value_or(-12345);
}

TEST(PropagateCli, ReluAtHeInitIsCritical) {
    const auto r = run({"propagate", "--activation", "relu", "--sigma-w2", "2", "--sigma-b2", "0"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "q_star=1\nchi1=1\nc_star=1\nphase=critical\n");
    EXPECT_EQ(r.err, "");
}

TEST(PropagateCli, PrintsTheDepthCurves) {
    const auto r = run({"propagate", "--activation", "Tanh", "--sigma-w2=1.5", "--sigma-b2", "0.05",
                        "--depth", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::vector<std::string> l = lines(r.out);
    ASSERT_EQ(l.size(), 9u);
    EXPECT_NEAR(value(l[0], "q_star"), 0.41803720053, 1e-9);
    EXPECT_NEAR(value(l[1], "chi1"), 0.93863626819, 1e-9);
    EXPECT_EQ(l[2], "c_star=1");
    EXPECT_EQ(l[3], "phase=ordered");
    EXPECT_EQ(l[4], "layer,q,c,grad_ratio");
    EXPECT_EQ(l[5], "0,1,0.5,1");
    double previous = 1;
    for (int layer = 1; layer <= 3; ++layer) {
        const std::vector<std::string> f = cli::split(l[std::size_t(4 + 1 + layer)], ',');
        ASSERT_EQ(f.size(), 4u);
        EXPECT_EQ(f[0], std::to_string(layer));
        const double q = *parseNumber(f[1]);
        EXPECT_LT(q, previous);  // shrinking towards q* = 0.418
        EXPECT_GT(q, 0.418);
        previous = q;
        EXPECT_GT(*parseNumber(f[2]), 0.5);
        EXPECT_LT(*parseNumber(f[3]), 1.0);
    }
}

TEST(PropagateCli, UnboundedLengthIsInf) {
    const auto r =
        run({"propagate", "--activation", "relu", "--sigma-w2", "3", "--sigma-b2", "0.1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "q_star=inf\nchi1=1.5\nc_star=nan\nphase=chaotic\n");
}

TEST(PropagateCli, ParametersResolveLikeEval) {
    const auto r = run({"propagate", "--activation", "LeakyReLU", "--param", "negative_slope=0.2",
                        "--sigma-w2", "1", "--sigma-b2", "0.1"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NEAR(value(lines(r.out)[1], "chi1"), (1 + 0.04) / 2, 1e-14);
}

TEST(PropagateCli, CriticalLine) {
    auto r = run({"propagate", "--activation", "relu", "--critical", "--sigma-b2", "0.3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NEAR(value(lines(r.out)[0], "sigma_w2"), 2.0, 2e-12);
    r = run({"propagate", "--activation", "tanh", "--critical", "--sigma-b2", "0"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    ASSERT_EQ(lines(r.out).size(), 1u);
    EXPECT_NEAR(value(lines(r.out)[0], "sigma_w2"), 1.0, 1e-12);
    // The printed value reads back as critical.
    const std::string s = lines(r.out)[0].substr(9);
    r = run({"propagate", "--activation", "tanh", "--sigma-w2", s, "--sigma-b2", "0"});
    EXPECT_EQ(lines(r.out)[3], "phase=critical");
}

TEST(PropagateCli, CriticalLineThatDoesNotCrossExitsTwo) {
    const auto r =
        run({"propagate", "--activation", "hardsigmoid", "--critical", "--sigma-b2", "1e6"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines(r.err).size(), 1u);
    EXPECT_NE(r.err.find("no critical line"), std::string::npos) << r.err;
}

struct BadInput {
    const char* name;
    std::vector<std::string> args;
    const char* message;
};

class PropagateCliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(PropagateCliBadInput, ExitsTwoWithOneLine) {
    std::vector<std::string> args = {"propagate"};
    args.insert(args.end(), GetParam().args.begin(), GetParam().args.end());
    const auto r = run(args);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    ASSERT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PropagateCliBadInput,
    ::testing::Values(
        BadInput{"UnknownActivation",
                 {"--activation", "softmax", "--sigma-w2", "1", "--sigma-b2", "0"},
                 "unknown activation 'softmax'"},
        BadInput{"NegativeVariance",
                 {"--activation", "tanh", "--sigma-w2", "-1", "--sigma-b2", "0"},
                 "--sigma-w2: expected a finite non-negative number"},
        BadInput{"InfiniteVariance",
                 {"--activation", "tanh", "--sigma-w2", "1", "--sigma-b2", "inf"},
                 "--sigma-b2: expected a finite non-negative number"},
        BadInput{"MissingValue",
                 {"--activation", "tanh", "--sigma-b2", "0", "--sigma-w2"},
                 "option --sigma-w2 needs a value"},
        BadInput{
            "MissingSigmaW2", {"--activation", "tanh", "--sigma-b2", "0"}, "missing --sigma-w2"},
        BadInput{
            "MissingSigmaB2", {"--activation", "tanh", "--sigma-w2", "1"}, "missing --sigma-b2"},
        BadInput{
            "MissingActivation", {"--sigma-w2", "1", "--sigma-b2", "0"}, "missing --activation"},
        BadInput{"RepeatedOption",
                 {"--activation", "tanh", "--sigma-w2", "1", "--sigma-w2", "2", "--sigma-b2", "0"},
                 "repeated option --sigma-w2"},
        BadInput{
            "RepeatedActivation",
            {"--activation", "tanh", "--activation", "relu", "--sigma-w2", "1", "--sigma-b2", "0"},
            "repeated option --activation"},
        BadInput{"CriticalWithSigmaW2",
                 {"--activation", "tanh", "--critical", "--sigma-w2", "1", "--sigma-b2", "0"},
                 "do not give --sigma-w2"},
        BadInput{"CriticalWithDepth",
                 {"--activation", "tanh", "--critical", "--sigma-b2", "0", "--depth", "3"},
                 "--depth needs --sigma-w2"},
        BadInput{"BadDepth",
                 {"--activation", "tanh", "--sigma-w2", "1", "--sigma-b2", "0", "--depth", "-3"},
                 "--depth: expected a whole number"},
        BadInput{"UnknownParameter",
                 {"--activation", "elu", "--param", "beta=2", "--sigma-w2", "1", "--sigma-b2", "0"},
                 "unknown parameter 'beta' for elu"},
        BadInput{"UnknownArgument",
                 {"--activation", "tanh", "--sigma-w2", "1", "--sigma-b2", "0", "--fast"},
                 "unknown argument '--fast'"}),
    [](const ::testing::TestParamInfo<BadInput>& info) { return std::string(info.param.name); });

TEST(PropagateCli, Help) {
    const auto r = run({"propagate", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("--critical"), std::string::npos);
#ifndef ACTLAB_PROPAGATE_IN_PROCESS
    const auto top = run({"--help"});
    EXPECT_NE(top.out.find("propagate"), std::string::npos);
    const auto sub = run({"help", "propagate"});
    EXPECT_EQ(sub.exitCode, 0);
    EXPECT_EQ(sub.out, r.out);
#endif
}

}  // namespace
}  // namespace actlab::test
