// `activation-lab eval` end to end: the real binary, run with no display.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../core/golden_data.h"
#include "activations/registry.h"
#include "cli/arg_reader.h"
#include "process_runner.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

/// Data lines of a CSV answer, split into fields.
std::vector<std::vector<std::string>> csvRows(const std::string& text) {
    std::vector<std::vector<std::string>> rows;
    std::size_t start = text.find('\n') + 1;  // skip the header
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        rows.push_back(cli::split(text.substr(start, end - start), ','));
        start = end + 1;
    }
    return rows;
}

/// The golden setting's parameters as --param arguments.
std::vector<std::string> paramArgs(const GoldenSetting& s) {
    std::vector<std::string> args;
    if (!s.params.empty())
        for (const std::string& kv : cli::split(s.params, ';')) {
            args.push_back("--param");
            args.push_back(kv);
        }
    return args;
}

class EvalGolden : public ::testing::TestWithParam<std::tuple<bool, std::size_t>> {};

// Every (activation, params) pair of the golden files passes straight to eval, and every row
// comes back within the golden tolerance, printed with 17 (9) significant digits.
TEST_P(EvalGolden, ReproducesTheGoldenRows) {
    const auto [float32, index] = GetParam();
    const GoldenSetting& setting = goldenSettings(float32).at(index);
    const std::string xFile = tempPath(".txt");
    {
        std::ofstream out(xFile);
        out.precision(17);
        for (const GoldenRow& r : setting.rows) out << formatNumber(r.x) << "\n";
    }
    std::vector<std::string> args = {"eval", "--activation", setting.torchName, "--x-file", xFile};
    for (const std::string& a : paramArgs(setting)) args.push_back(a);
    if (float32) args.push_back("--float32");
    const ProcessResult r = runApp(args, {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"});
    std::remove(xFile.c_str());
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    ASSERT_EQ(r.out.substr(0, r.out.find('\n')), "activation,params,x,f,df,d2f");
    const auto rows = csvRows(r.out);
    ASSERT_EQ(rows.size(), setting.rows.size());
    const Tolerance tol = toleranceFor(setting.torchName);
    const double maxUlp = tol == Tolerance::Exact ? 0 : tol == Tolerance::OneUlp ? 1 : 4;
    const double eps = float32 ? std::ldexp(1.0, -24) : std::ldexp(1.0, -53);
    int bad = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        ASSERT_EQ(rows[i].size(), 6u);
        EXPECT_EQ(rows[i][0], setting.torchName);
        EXPECT_EQ(rows[i][1], setting.params);
        const GoldenRow& g = setting.rows[i];
        const double x = *parseNumber(rows[i][2]), f = *parseNumber(rows[i][3]),
                     df = *parseNumber(rows[i][4]);
        const bool single = float32;  // Clang 14 cannot capture a structured binding
        const auto ulp = [single](double a, double b) {
            return single ? ulpDistance(float(a), float(b)) : ulpDistance(a, b);
        };
        const bool ok = ulp(x, g.x) == 0 && ulp(f, g.f) <= maxUlp &&
                        (ulp(df, g.df) <= maxUlp ||
                         (tol == Tolerance::FourUlp && std::fabs(g.x) <= 4 &&
                          std::fabs(df - g.df) <= 4 * eps));
        if (!ok && ++bad < 5)
            ADD_FAILURE() << setting.torchName << "(" << setting.params << ") row " << i << ": "
                          << rows[i][2] << "," << rows[i][3] << "," << rows[i][4];
    }
    EXPECT_EQ(bad, 0);
}

INSTANTIATE_TEST_SUITE_P(
    Reference, EvalGolden,
    ::testing::Combine(::testing::Bool(),
                       ::testing::Range<std::size_t>(0, goldenSettings(false).size())),
    [](const auto& info) {
        const bool f32 = std::get<0>(info.param);
        return std::string(f32 ? "F32_" : "F64_") +
               goldenSettings(f32).at(std::get<1>(info.param)).testName();
    });

TEST(EvalCli, PrintsSeventeenDigitsAndSpellsSpecialValues) {
    const ProcessResult r =
        runApp({"eval", "--activation", "sigmoid", "--x", "0.5,-inf,inf,nan,-0"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // f and f′ at 0.5 are the golden file's correctly rounded values.
    EXPECT_TRUE(r.out.starts_with("activation,params,x,f,df,d2f\n"
                                  "Sigmoid,,0.5,0.62245933120185459,0.23500371220159449,"))
        << r.out;
    const auto rows = csvRows(r.out);
    ASSERT_EQ(rows.size(), 5u);
    // σ″(0.5) = σ′(0.5)·(1 − 2σ(0.5)) = −0.05755679485232074055...
    EXPECT_NEAR(*parseNumber(rows[0][5]), -0.05755679485232074, 1e-16);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"Sigmoid", "", "-inf", "0", "0", "0"}));
    EXPECT_EQ(rows[2], (std::vector<std::string>{"Sigmoid", "", "inf", "1", "0", "-0"}));
    EXPECT_EQ(rows[3], (std::vector<std::string>{"Sigmoid", "", "nan", "nan", "nan", "nan"}));
    EXPECT_EQ(rows[4], (std::vector<std::string>{"Sigmoid", "", "-0", "0.5", "0.25", "0"}));
}

TEST(EvalCli, Float32UsesNineDigitsAndFloatParameters) {
    const ProcessResult r = runApp({"eval", "--activation", "LeakyReLU", "--param",
                                    "negative_slope=0.01", "--x", "-1", "--float32"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // 0.01 rounded to float is 0.00999999977648258.
    EXPECT_EQ(r.out, "activation,params,x,f,df,d2f\n"
                     "LeakyReLU,negative_slope=0.01,-1,-0.00999999978,0.00999999978,0\n");
}

TEST(EvalCli, RangeGivesNInclusivePoints) {
    const ProcessResult r = runApp({"eval", "--activation", "tanh", "--range", "-6:6:4001"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto rows = csvRows(r.out);
    ASSERT_EQ(rows.size(), 4001u);
    EXPECT_EQ(rows.front()[2], "-6");
    EXPECT_EQ(rows[2000][2], "0");
    EXPECT_EQ(rows.back()[2], "6");
}

TEST(EvalCli, JsonFormatIsValidJson) {
    const ProcessResult r = runApp({"eval", "--activation", "GELU", "--param", "approximate=tanh",
                                    "--x", "1,-inf", "--format", "json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["id"], "gelu_tanh");
    EXPECT_EQ(doc["params"], "approximate=tanh");
    ASSERT_EQ(doc["rows"].size(), 2u);
    EXPECT_DOUBLE_EQ(doc["rows"][0]["f"].get<double>(), 0.84119199060827665);  // golden
    EXPECT_EQ(doc["rows"][1]["x"], "-inf");
}

TEST(EvalCli, ListsEveryActivationWithItsParameters) {
    const ProcessResult r = runApp({"eval", "--list"});
    ASSERT_EQ(r.exitCode, 0);
    for (const ActivationSpec& spec : activations()) {
        EXPECT_NE(r.out.find(std::string(spec.id) + "  (" + std::string(spec.torchName)),
                  std::string::npos)
            << spec.id;
        for (const ParamSpec& p : spec.params)
            EXPECT_NE(r.out.find(std::string(p.id) + "=" + formatShortest(p.defaultValue)),
                      std::string::npos)
                << p.id;
    }
}

TEST(EvalCli, AcceptsAnyValueTorchAccepts) {
    const ProcessResult r = runApp({"eval", "--activation", "leaky_relu", "--param",
                                    "negative_slope=-0.5", "--x", "-2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("LeakyReLU,negative_slope=-0.5,-2,1,-0.5,0"), std::string::npos) << r.out;
}

struct BadInput {
    std::vector<std::string> args;
    std::string mustMention;
};

class EvalBadInput : public ::testing::TestWithParam<BadInput> {};

// Bad input: non-zero exit, one line naming the problem (and the valid choices), no output.
TEST_P(EvalBadInput, FailsWithOneClearLineAndNoOutput) {
    std::vector<std::string> args = {"eval"};
    for (const std::string& a : GetParam().args) args.push_back(a);
    const ProcessResult r = runApp(args);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_EQ(r.out, "");
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "more than one line: " << r.err;
    EXPECT_NE(r.err.find(GetParam().mustMention), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EvalBadInput,
    ::testing::Values(
        BadInput{{"--activation", "swishy", "--x", "1"}, "valid: sigmoid, tanh"},
        BadInput{{"--activation", "elu", "--param", "beta=1", "--x", "1"}, "valid: alpha"},
        BadInput{{"--activation", "elu", "--param", "alpha=one", "--x", "1"}, "not a number"},
        BadInput{{"--activation", "elu", "--x", "1,two"}, "'two' is not a number"},
        BadInput{{"--activation", "celu", "--param", "alpha=0", "--x", "1"}, "alpha must not be 0"},
        BadInput{{"--activation", "hardtanh", "--param", "min_val=2", "--x", "1"},
                 "min_val must be less than max_val"},
        BadInput{{"--activation", "softshrink", "--param", "lambd=-1", "--x", "1"},
                 "lambd must be non-negative"},
        BadInput{{"--activation", "hardshrink", "--param", "lambd=-0.5", "--x", "1"},
                 "lambd must be non-negative"},
        BadInput{{"--activation", "gelu", "--param", "approximate=fast", "--x", "1"},
                 "valid: none, tanh"},
        BadInput{{"--activation", "relu", "--x-file", "/nonexistent/x.txt"},
                 "cannot open '/nonexistent/x.txt': "},
        BadInput{{"--activation", "relu"}, "missing input points"},
        BadInput{{"--x", "1"}, "missing --activation"},
        BadInput{{"--activation", "relu", "--range", "0:1"}, "expected A:B:N"},
        BadInput{{"--activation", "relu", "--x", "1", "--format", "xml"}, "valid: csv, json"},
        BadInput{{"--activation", "relu", "--x", "1", "--bogus"}, "unknown argument '--bogus'"},
        BadInput{{"--activation", "relu", "--x"}, "needs a value"},
        BadInput{{"--activation", "elu", "--param", "alpha=1e300", "--x", "1", "--float32"},
                 "out of float32 range"}));

// Formula activations through the real binary (test_eval_formula_cli.cpp covers the rest in
// process).
TEST(EvalCli, FormulaPrintsTheColumnsOfABuiltIn) {
    const ProcessResult r = runApp({"eval", "--formula", "max(0,x)", "--x", "-1,2"},
                                   {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out,
              "activation,params,x,f,df,d2f\n\"max(0,x)\",,-1,0,0,0\n\"max(0,x)\",,2,2,1,0\n");
    const ProcessResult swish =
        runApp({"eval", "--formula", "x*sigmoid(b*x)", "--param", "b=1.5", "--x", "1e300"});
    ASSERT_EQ(swish.exitCode, 0) << swish.err;
    EXPECT_EQ(swish.out,
              "activation,params,x,f,df,d2f\n"
              "x*sigmoid(b*x),b=1.5,1.0000000000000001e+300,1.0000000000000001e+300,1,0\n");
}

TEST(EvalCli, FormulaShowsItsDerivatives) {
    const ProcessResult r = runApp({"eval", "--formula", "exp(-x^2)", "--show-derivatives"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "f(x) = exp(-x^2)\nf'(x) = -2*x*exp(-x^2)\n"
                     "f''(x) = -2*exp(-x^2) + 4*x^2*exp(-x^2)\n");
}

TEST(EvalCli, FormulaExcludesActivationAndFloat32) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"eval", "--formula", "x", "--activation", "relu", "--x", "1"},
          std::vector<std::string>{"eval", "--formula", "x", "--float32", "--x", "1"},
          std::vector<std::string>{"eval", "--formula", "x*(", "--x", "1"}}) {
        const ProcessResult r = runApp(args);
        EXPECT_EQ(r.exitCode, 2) << args[2];
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    }
}

TEST(EvalCli, XFileErrorsNameTheLine) {
    const std::string path = tempPath(".txt");
    std::ofstream(path) << "x\n1\n2\nthree\n";
    const ProcessResult r = runApp({"eval", "--activation", "relu", "--x-file", path});
    std::remove(path.c_str());
    EXPECT_NE(r.exitCode, 0);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("line 4"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace actlab::test

namespace actlab::test {
namespace {

TEST(SpeedCli, TimesTheRequestedActivationsRelativeToRelu) {
    const ProcessResult r =
        runApp({"speed", "--activation", "relu", "--activation", "GELU"}, {"DISPLAY"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto rows = csvRows(r.out);
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][0], "relu");
    EXPECT_EQ(rows[1][0], "gelu");
    EXPECT_GT(*parseNumber(rows[1][1]), 0);
    // Not a timing assertion: only that the ratio column is the ratio of the times given.
    EXPECT_NEAR(*parseNumber(rows[1][2]), *parseNumber(rows[1][1]) / *parseNumber(rows[0][1]) *
                                              *parseNumber(rows[0][2]),
                0.05 * *parseNumber(rows[1][2]));
    const ProcessResult bad = runApp({"speed", "--activation", "nope"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.out, "");
}

}  // namespace
}  // namespace actlab::test
