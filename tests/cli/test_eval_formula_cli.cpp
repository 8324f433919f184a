// `activation-lab eval --formula`, run in process through the subcommand's entry point (the same
// code the program runs; test_eval_cli.cpp repeats a few cases on the real binary).

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../core/golden_data.h"
#include "cli/eval_command.h"
#include "cli/eval_formula.h"
#include "formula/formula.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

struct EvalResult {
    int status;
    std::string out, err;
};

/// Runs `activation-lab eval ARGS...`; args[0] is "eval", as on the command line.
EvalResult eval(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const int status = cli::runEval({args.begin() + 1, args.end()}, out, err);
    return {status, out.str(), err.str()};
}

/// Splits a CSV line with quoted fields.
std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> f(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
            f.back() += '"';
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (c == ',' && !quoted) {
            f.emplace_back();
        } else {
            f.back() += c;
        }
    }
    return f;
}

std::vector<std::vector<std::string>> rows(const std::string& csv) {
    std::vector<std::vector<std::string>> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) out.push_back(fields(line));
    return out;
}

TEST(EvalFormulaCli, PrintsTheColumnsOfABuiltIn) {
    const EvalResult r =
        eval({"eval", "--formula", "x*sigmoid(b*x)", "--param", "b=1.5", "--x", "-1,0,1e300,nan"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_TRUE(r.out.starts_with("activation,params,x,f,df,d2f\n")) << r.out;
    const auto table = rows(r.out);
    ASSERT_EQ(table.size(), 4u);
    const auto program = compileFormula("x*sigmoid(b*x)").program;
    const std::vector<double> b = {1.5};
    for (const auto& row : table) {
        ASSERT_EQ(row.size(), 6u);
        EXPECT_EQ(row[0], "x*sigmoid(b*x)");
        EXPECT_EQ(row[1], "b=1.5");
        const double x = *parseNumber(row[2]);
        // 17 significant digits: the printed values read back as the evaluated doubles.
        EXPECT_EQ(row[3], formatNumber(program->f(x, b), 17));
        EXPECT_EQ(row[4], formatNumber(program->df(x, b), 17));
        EXPECT_EQ(row[5], formatNumber(program->d2f(x, b), 17));
    }
    EXPECT_EQ(table[2][3], "1.0000000000000001e+300");
    EXPECT_EQ(table[2][4], "1");
    EXPECT_EQ(table[3][3], "nan");
}

TEST(EvalFormulaCli, QuotesTheFormulaAsCsvRequiresAndDefaultsParametersToOne) {
    const EvalResult r =
        eval({"eval", "--formula", "max(0,x) + a*x + 0*c", "--param", "c=2", "--x", "2"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out,
              "activation,params,x,f,df,d2f\n\"max(0,x) + a*x + 0*c\",a=1.0;c=2.0,2,4,2,0\n");
    EXPECT_EQ(cli::csvField("say \"hi\", x"), "\"say \"\"hi\"\", x\"");
    EXPECT_EQ(cli::csvField("x*b"), "x*b");
}

TEST(EvalFormulaCli, MaxZeroXGivesTheReluGoldenRows) {
    std::string xs;
    std::vector<GoldenRow> golden;
    for (const GoldenSetting& s : goldenSettings(false))
        if (s.torchName == "ReLU")
            for (const GoldenRow& g : s.rows) {
                golden.push_back(g);
                xs += (xs.empty() ? "" : ",") + formatNumber(g.x);
            }
    const EvalResult r = eval({"eval", "--formula", "max(0,x)", "--x", xs});
    ASSERT_EQ(r.status, 0) << r.err;
    const auto table = rows(r.out);
    ASSERT_EQ(table.size(), golden.size());
    for (std::size_t i = 0; i < golden.size(); ++i) {
        const double f = *parseNumber(table[i][3]), df = *parseNumber(table[i][4]);
        EXPECT_TRUE(f == golden[i].f || (std::isnan(f) && std::isnan(golden[i].f))) << table[i][2];
        EXPECT_TRUE(df == golden[i].df || (std::isnan(df) && std::isnan(golden[i].df)))
            << table[i][2];
    }
}

TEST(EvalFormulaCli, ReadsPointsFromARangeAndAFile) {
    const EvalResult range = eval({"eval", "--formula", "x^2", "--range", "-1:1:5"});
    ASSERT_EQ(range.status, 0) << range.err;
    ASSERT_EQ(rows(range.out).size(), 5u);
    EXPECT_EQ(rows(range.out)[1][3], "0.25");
    const std::string path = ::testing::TempDir() + "formula_x.txt";
    std::ofstream(path) << "x\n3\n-2\n";
    const EvalResult file = eval({"eval", "--formula", "x^2", "--x-file", path});
    std::remove(path.c_str());
    ASSERT_EQ(file.status, 0) << file.err;
    EXPECT_EQ(file.out, "activation,params,x,f,df,d2f\nx^2,,3,9,6,2\nx^2,,-2,4,-4,2\n");
}

TEST(EvalFormulaCli, JsonNamesTheFormula) {
    const EvalResult r = eval({"eval", "--formula", "where(x > 0, x, a*expm1(x))", "--param",
                               "a=0.5", "--x", "-1,2", "--format", "json"});
    ASSERT_EQ(r.status, 0) << r.err;
    const nlohmann::json doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["activation"], "where(x > 0, x, a*expm1(x))");
    EXPECT_EQ(doc["id"], "formula");
    EXPECT_EQ(doc["params"], "a=0.5");
    ASSERT_EQ(doc["rows"].size(), 2u);
    EXPECT_DOUBLE_EQ(doc["rows"][0]["f"].get<double>(), 0.5 * std::expm1(-1.0));
    EXPECT_EQ(doc["rows"][1]["df"].get<double>(), 1.0);
}

TEST(EvalFormulaCli, ShowsTheDerivativesAsFormulas) {
    const EvalResult r = eval({"eval", "--formula", "x*sigmoid(b*x)", "--show-derivatives"});
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(r.out,
              "f(x) = x*sigmoid(b*x)\n"
              "f'(x) = sigmoid(b*x) + b*x*sigmoid(b*x)*(1 - sigmoid(b*x))\n"
              "f''(x) = 2*b*sigmoid(b*x)*(1 - sigmoid(b*x)) + b^2*x*sigmoid(b*x)*(1 - "
              "sigmoid(b*x))^2 - b^2*x*sigmoid(b*x)^2*(1 - sigmoid(b*x))\n");
    const EvalResult latex =
        eval({"eval", "--formula", "exp(-x^2)", "--show-derivatives", "--latex"});
    ASSERT_EQ(latex.status, 0) << latex.err;
    EXPECT_EQ(latex.out,
              "f(x) = e^{-x^{2}}\nf'(x) = -2 x e^{-x^{2}}\n"
              "f''(x) = -2 e^{-x^{2}} + 4 x^{2} e^{-x^{2}}\n");
}

struct Bad {
    std::vector<std::string> args;
    std::string mustMention;
};

class EvalFormulaBadInput : public ::testing::TestWithParam<Bad> {};

// Status 2, one line naming the problem, nothing on stdout.
TEST_P(EvalFormulaBadInput, FailsWithOneClearLine) {
    std::vector<std::string> args = {"eval"};
    for (const std::string& a : GetParam().args) args.push_back(a);
    const EvalResult r = eval(args);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.out, "");
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    EXPECT_NE(r.err.find(GetParam().mustMention), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EvalFormulaBadInput,
    ::testing::Values(
        Bad{{"--formula", "x", "--activation", "relu", "--x", "1"},
            "--formula and --activation exclude each other"},
        Bad{{"--activation", "relu", "--formula", "x", "--x", "1"}, "exclude each other"},
        Bad{{"--formula", "x", "--float32", "--x", "1"}, "--float32 does not apply to --formula"},
        Bad{{"--formula", "x*sigmoid(b*x", "--x", "1"}, "--formula: expected ')' at column 14"},
        Bad{{"--formula", "swish(x)", "--x", "1"},
            "unknown function 'swish' at column 1; valid: exp"},
        Bad{{"--formula", "x*sigmoid(b*x)", "--param", "beta=2", "--x", "1"},
            "unknown parameter 'beta' for the formula; its parameters: b"},
        Bad{{"--formula", "a*x + c", "--param", "b=2", "--x", "1"}, "its parameters: a, c"},
        Bad{{"--formula", "2*x", "--param", "b=2", "--x", "1"}, "the formula has no parameters"},
        Bad{{"--formula", "b*x", "--param", "b=two", "--x", "1"},
            "parameter b must be a finite number"},
        Bad{{"--formula", "b*x", "--param", "b=inf", "--x", "1"},
            "parameter b must be a finite number"},
        Bad{{"--formula", "x"}, "missing input points"},
        Bad{{"--formula", "x", "--show-derivatives", "--x", "1"},
            "--show-derivatives prints formulas"},
        Bad{{"--activation", "relu", "--show-derivatives"}, "--show-derivatives needs --formula"},
        Bad{{"--formula", "x", "--latex", "--x", "1"}, "--latex needs --show-derivatives"},
        Bad{{"--formula"}, "needs a value"},
        Bad{{"--x", "1"}, "missing --activation (or --formula)"}));

}  // namespace
}  // namespace actlab::test
