// f, f′ and f″ shown as formulas: simplified enough to read, in plain text and LaTeX, bounded
// for pathological input.

#include <gtest/gtest.h>

#include "formula/formula.h"
#include "formula/formula_display.h"

namespace actlab::test {
namespace {

FormulaDisplay show(const std::string& text) {
    const FormulaCompileResult r = compileFormula(text);
    EXPECT_TRUE(r.ok()) << r.error;
    return r.ok() ? formulaDisplay(*r.program) : FormulaDisplay{};
}

TEST(FormulaDisplay, GalleryDerivativesReadLikeATextbook) {
    const FormulaDisplay swish = show("x*sigmoid(b*x)");
    EXPECT_EQ(swish.f, "x*sigmoid(b*x)");
    EXPECT_EQ(swish.df, "sigmoid(b*x) + b*x*sigmoid(b*x)*(1 - sigmoid(b*x))");
    EXPECT_EQ(swish.d2f,
              "2*b*sigmoid(b*x)*(1 - sigmoid(b*x)) + b^2*x*sigmoid(b*x)*(1 - sigmoid(b*x))^2 - "
              "b^2*x*sigmoid(b*x)^2*(1 - sigmoid(b*x))");
    EXPECT_TRUE(swish.complete);
    EXPECT_FALSE(swish.dfIsZero);

    const FormulaDisplay gauss = show("exp(-x^2)");
    EXPECT_EQ(gauss.df, "-2*x*exp(-x^2)");
    EXPECT_EQ(gauss.d2f, "-2*exp(-x^2) + 4*x^2*exp(-x^2)");

    const FormulaDisplay bent = show("(sqrt(x^2+1)-1)/2 + x");
    EXPECT_EQ(bent.f, "(sqrt(x^2 + 1) - 1)/2 + x");
    EXPECT_EQ(bent.df, "x/(2*sqrt(x^2 + 1)) + 1");

    EXPECT_EQ(show("sin(x)").d2f, "-sin(x)");
    EXPECT_EQ(show("x + sin(a*x)^2/a").df, "1 + 2*sin(a*x)*cos(a*x)");
    EXPECT_EQ(show("sigmoid(k*x)").df, "k*sigmoid(k*x)*(1 - sigmoid(k*x))");
    EXPECT_EQ(show("(x + sqrt(x^2 + b))/2").df, "(1 + x/sqrt(x^2 + b))/2");
}

TEST(FormulaDisplay, SimplifierFoldsCollectsAndKeepsFractions) {
    EXPECT_EQ(show("2*3*x + 0*sin(x) + 1*x^1").f, "7*x");
    EXPECT_EQ(show("x*x*x").f, "x^3");
    EXPECT_EQ(show("x/2 - 3*x^2/4").df, "1/2 - 3*x/2");
    EXPECT_EQ(show("a*x^2 + b*x + c").df, "2*a*x + b");
    EXPECT_EQ(show("x^0 + x - x").f, "1");
    EXPECT_EQ(show("1/(1 + x)").df, "-1/(1 + x)^2");
    EXPECT_EQ(show("atan(x)").d2f, "-2*x/(1 + x^2)^2");
    EXPECT_EQ(show("2^x").df, "2^x*log(2)");
    EXPECT_EQ(show("x^x").df, "x^x*(log(x) + 1)");
}

TEST(FormulaDisplay, SwitchesShowAsWhere) {
    const FormulaDisplay relu = show("max(0,x)");
    EXPECT_EQ(relu.df, "where(x > 0, 1, 0)");
    EXPECT_EQ(relu.d2f, "0");
    EXPECT_EQ(show("where(x>0, x, a*expm1(x))").df, "where(x > 0, 1, a*exp(x))");
    EXPECT_EQ(show("abs(x)").df, "sign(x)");
    EXPECT_EQ(show("min(x, 1)").df, "where(x < 1, 1, 0)");
}

TEST(FormulaDisplay, AStepHasZeroDerivative) {
    for (const char* step : {"step(x)", "heaviside(x - 1, 0.5)", "sign(x)", "2*step(x) - 1"}) {
        const FormulaDisplay d = show(step);
        EXPECT_TRUE(d.dfIsZero) << step;
        EXPECT_EQ(d.df, "0") << step;
    }
    EXPECT_FALSE(show("x + step(x)").dfIsZero);
}

TEST(FormulaDisplay, Latex) {
    const FormulaDisplay swish = show("x*sigmoid(b*x)");
    EXPECT_EQ(swish.fLatex, "x \\sigma\\left(b x\\right)");
    EXPECT_EQ(swish.dfLatex,
              "\\sigma\\left(b x\\right) + b x \\sigma\\left(b x\\right) "
              "\\left(1 - \\sigma\\left(b x\\right)\\right)");
    EXPECT_EQ(show("(sqrt(x^2+1)-1)/2 + x").dfLatex, "\\frac{x}{2 \\sqrt{x^{2} + 1}} + 1");
    EXPECT_EQ(show("exp(-x^2)").dfLatex, "-2 x e^{-x^{2}}");
    EXPECT_EQ(show("max(0,x)").dfLatex,
              "\\begin{cases} 1 & \\text{if } x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}");
    EXPECT_EQ(show("alpha*x + a1*x^2 + 2e300 + pi").fLatex,
              "\\alpha x + a_{1} x^{2} + 2 \\cdot 10^{300} + \\pi");
    EXPECT_EQ(show("erf(x)").dfLatex, "\\frac{2 e^{-x^{2}}}{\\sqrt{\\pi}}");
}

TEST(FormulaDisplay, TooLongDerivativesAreBoundedAndSaySo) {
    // A product of 49 factors: f″ by the product rule has thousands of terms.
    std::string product = "sin(x+1)";
    for (int i = 2; i < 50; ++i) product += "*sin(x+" + std::to_string(i) + ")";
    const FormulaDisplay d = show(product.substr(0, 500));
    EXPECT_FALSE(d.complete);
    EXPECT_EQ(d.d2f, kFormulaTooLong);
    EXPECT_EQ(d.d2fLatex, kFormulaTooLong);
    EXPECT_NE(d.f, kFormulaTooLong);
    // Deeply nested compositions stop by the node budget as well.
    std::string nested = "x";
    for (int i = 0; i < 64; ++i) nested = "exp(" + nested + ")";
    const FormulaDisplay e = show(nested);
    EXPECT_FALSE(e.complete);
    // Nested calls print each argument once (LaTeX printed it twice per level: 2^64).
    std::string sines = "x";
    for (int i = 0; i < 64; ++i) sines = "sin(" + sines + ")";
    EXPECT_EQ(show(sines).fLatex.substr(0, 20), "\\sin\\left(\\sin\\left(");
    std::string tower = "x";
    while (tower.size() < 490) tower += "^x";
    EXPECT_FALSE(show(tower).complete);
}

}  // namespace
}  // namespace actlab::test
