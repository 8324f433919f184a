// The formula language's parser: precedence, parameters, limits and the one-line errors that
// name the column and what was expected there.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "formula/formula.h"
#include "formula/formula_parser.h"

namespace actlab::test {
namespace {

double valueOf(const std::string& text, double x, std::vector<double> params = {}) {
    const FormulaCompileResult r = compileFormula(text);
    EXPECT_TRUE(r.ok()) << text << ": " << r.error;
    return r.ok() ? r.program->f(x, params) : std::nan("");
}

std::string errorOf(const std::string& text) {
    const FormulaCompileResult r = compileFormula(text);
    EXPECT_FALSE(r.ok()) << text << " should not compile";
    EXPECT_EQ(r.error.find('\n'), std::string::npos) << "one line: " << r.error;
    return r.error;
}

TEST(FormulaParser, PrecedenceAndAssociativity) {
    EXPECT_EQ(valueOf("-x^2", 3), -9);  // unary minus binds looser than ^
    EXPECT_EQ(valueOf("-2^2", 0), -4);
    EXPECT_EQ(valueOf("2^3^2", 0), 512);      // ^ is right-associative
    EXPECT_EQ(valueOf("2^-1", 0), 0.5);       // an exponent may carry a sign
    EXPECT_EQ(valueOf("x^-2^2", 2), 0.0625);  // x^(-(2^2))
    EXPECT_EQ(valueOf("2*-x", 3), -6);
    EXPECT_EQ(valueOf("1-2-3", 0), -4);  // left-associative
    EXPECT_EQ(valueOf("8/4/2", 0), 1);
    EXPECT_EQ(valueOf("2+3*4^2", 0), 50);
    EXPECT_EQ(valueOf("(2+3)*4", 0), 20);
    EXPECT_EQ(valueOf("--x", 5), 5);
    EXPECT_EQ(valueOf("+x - -x", 5), 10);
    EXPECT_EQ(valueOf("-(x)^2", 3), -9);
    EXPECT_EQ(valueOf("(-x)^2", 3), 9);
}

TEST(FormulaParser, NumbersAndConstants) {
    EXPECT_EQ(valueOf("2e3", 0), 2000);
    EXPECT_EQ(valueOf(".5 + 2.", 0), 2.5);
    EXPECT_EQ(valueOf("1.5e-1", 0), 0.15);
    EXPECT_EQ(valueOf("1E+2", 0), 100);
    EXPECT_EQ(valueOf("pi", 0), 3.141592653589793);
    EXPECT_EQ(valueOf("e", 0), 2.718281828459045);
    EXPECT_EQ(valueOf(" x\t*\n2 ", 4), 8);  // blanks, tabs and line breaks separate tokens
}

TEST(FormulaParser, ParametersInOrderOfFirstAppearance) {
    const FormulaCompileResult r = compileFormula("b*x + alpha + b + X + e2 + _k + pi + e");
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.program->params(), (std::vector<std::string>{"b", "alpha", "X", "e2", "_k"}));
    EXPECT_EQ(r.program->paramIndex("X"), 2);
    EXPECT_EQ(r.program->paramIndex("x"), -1);
    // Parameters default to 1 when the caller passes fewer values.
    EXPECT_EQ(valueOf("a*x + b", 2, {3}), 7);
    EXPECT_EQ(valueOf("a*x + b", 2), 3);
}

struct BadFormula {
    std::string text;
    std::string message;  ///< the whole message, or its start when `prefix`
    int column;
    bool prefix = false;
};

class FormulaParserErrors : public ::testing::TestWithParam<BadFormula> {};

TEST_P(FormulaParserErrors, NameTheColumnAndWhatWasExpected) {
    const BadFormula& b = GetParam();
    const FormulaCompileResult r = compileFormula(b.text);
    ASSERT_FALSE(r.ok()) << b.text;
    EXPECT_EQ(r.errorColumn, b.column) << r.error;
    if (b.prefix)
        EXPECT_EQ(r.error.substr(0, b.message.size()), b.message);
    else
        EXPECT_EQ(r.error, b.message);
    EXPECT_EQ(r.error.find('\n'), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FormulaParserErrors,
    ::testing::Values(
        BadFormula{"x*sigmoid(b*x", "expected ')' at column 14", 14},
        BadFormula{"(x", "expected ')' at column 3", 3},
        BadFormula{"", "the formula is empty: expected an expression at column 1", 1},
        BadFormula{"x)", "unmatched ')' at column 2", 2},
        BadFormula{"2x", "expected an operator such as '*' before 'x' at column 2", 2},
        BadFormula{"x +",
                   "the formula ends too early: expected a number, a name or '(' at column 4", 4},
        BadFormula{"x * * 2", "expected a number, a name or '(' instead of '*' at column 5", 5},
        BadFormula{"exp x", "expected '(' after the function name 'exp' at column 5", 5},
        BadFormula{"max(x)", "max takes 2 arguments, got 1 at column 6", 6},
        BadFormula{"max(x, 1, 2)", "max takes 2 arguments, got more at column 11", 11},
        BadFormula{"sin()", "sin takes 1 argument, got none at column 5", 5},
        BadFormula{"heaviside()", "heaviside takes 1 or 2 arguments, got none at column 11", 11},
        BadFormula{"where(x > 0, 1)", "where takes 3 arguments, got 2 at column 15", 15},
        BadFormula{"sin(x, 2)", "sin takes 1 argument, got more at column 8", 8},
        BadFormula{"sin(x", "expected ')' at column 6", 6},
        BadFormula{"max(x", "expected ',' or ')' at column 6", 6},
        BadFormula{"x > 0",
                   "a comparison such as x > 0 is allowed only as the first argument of "
                   "where(cond, a, b): unexpected '>' at column 3",
                   3},
        BadFormula{"max(x >= 0, 1)", "a comparison such as x > 0 is allowed only", 7, true},
        BadFormula{"where(x, 1, 2)",
                   "where needs a comparison such as x > 0 as its first "
                   "argument, expected <, <=, > or >= at column 8",
                   8},
        BadFormula{"where(0 < x < 1, 1, 2)",
                   "comparisons cannot be chained; expected ',' at column 13", 13},
        BadFormula{"x # 2", "unexpected character '#' at column 3", 3},
        BadFormula{"x == 1",
                   "unexpected character '=' at column 3; the comparisons are <, <=, > and >=", 3},
        BadFormula{"\xce\xb2*x", "unexpected character '\xce\xb2' at column 1", 1},
        BadFormula{"\xce\xb2\xce\xb2 x*\x01", "unexpected character '\xce\xb2' at column 1", 1},
        BadFormula{"x*\xce\xb1 + 1", "unexpected character '\xce\xb1' at column 3", 3},
        BadFormula{"x + \x01", "unexpected character (byte 0x01) at column 5", 5},
        BadFormula{"1e999*x", "the number 1e999 is out of range at column 1", 1},
        BadFormula{"x(2)", "expected an operator such as '*' between 'x' and '(' at column 2", 2},
        BadFormula{"pi (2)", "expected an operator such as '*' between 'pi' and '(' at column 4",
                   4},
        BadFormula{"1, 2", "',' outside a function call at column 2", 2},
        BadFormula{"2e", "expected an operator such as '*' before 'e' at column 2", 2},
        BadFormula{"x..5", "unexpected character '.' at column 2; a number needs a digit after '.'",
                   2}));

TEST(FormulaParser, UnknownFunctionListsTheValidOnes) {
    const std::string e = errorOf("softsign(x)");
    EXPECT_EQ(e.substr(0, e.find(';')), "unknown function 'softsign' at column 1");
    for (const formula::FunctionInfo& f : formula::functionTable())
        EXPECT_NE(e.find(std::string(f.name)), std::string::npos) << f.name;
    // A parameter name followed by '(' is an unknown function too.
    EXPECT_NE(errorOf("x + b(x)").find("unknown function 'b' at column 5"), std::string::npos);
}

TEST(FormulaParser, LengthLimitIsFiveHundredCharacters) {
    std::string text = "x";
    while (text.size() < 499) text += "+x";
    ASSERT_EQ(text.size(), 499u);
    EXPECT_TRUE(compileFormula(text).ok());
    EXPECT_TRUE(compileFormula(text + " ").ok());  // 500
    const FormulaCompileResult r = compileFormula(text + "  ");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error,
              "the formula has 501 characters; the limit is 500 (the excess starts at column 501)");
    // Characters, not bytes: 250 two-byte letters are 250 characters (and a lexical error).
    std::string greek;
    for (int i = 0; i < 250; ++i) greek += "\xce\xb2";
    EXPECT_NE(compileFormula(greek).error.find("unexpected character"), std::string::npos);
}

TEST(FormulaParser, NestingLimitIsSixtyFourLevels) {
    const auto nested = [](int depth, const std::string& open) {
        std::string s;
        for (int i = 0; i < depth; ++i) s += open;
        s += "x";
        for (int i = 0; i < depth; ++i) s += ")";
        return s;
    };
    EXPECT_TRUE(compileFormula(nested(64, "(")).ok());
    EXPECT_EQ(compileFormula(nested(65, "(")).error, "nesting deeper than 64 levels at column 65");
    EXPECT_TRUE(compileFormula(nested(64, "sin(")).ok());
    EXPECT_EQ(compileFormula(nested(65, "sin(")).errorColumn, 4 * 64 + 4);
    // Long chains of signs and powers are read in loops: no nesting limit applies, and the
    // evaluation has bounded depth too.
    std::string signs(400, '-');
    EXPECT_EQ(valueOf(signs + "x", 2), 2);
    std::string chain = "1";
    while (chain.size() < 490) chain += "^1";
    EXPECT_EQ(valueOf(chain + "^x", 7), 1);
}

TEST(FormulaParser, EveryFunctionIsAcceptedWithItsArity) {
    for (const formula::FunctionInfo& f : formula::functionTable()) {
        std::string args = f.fn == formula::Function::Where ? "x > 0" : "x";
        for (int i = 1; i < f.minArgs; ++i) args += ", x";
        const std::string text = std::string(f.name) + "(" + args + ")";
        const FormulaCompileResult r = compileFormula(text);
        EXPECT_TRUE(r.ok()) << text << ": " << r.error;
        std::string tooMany = args;
        for (int i = f.minArgs; i <= f.maxArgs; ++i) tooMany += ", x";
        EXPECT_NE(errorOf(std::string(f.name) + "(" + tooMany + ")").find(" takes "),
                  std::string::npos)
            << f.name;
    }
}

}  // namespace
}  // namespace actlab::test
