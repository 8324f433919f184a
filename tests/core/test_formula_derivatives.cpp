// f′ and f″ of formula activations against independent checks: central differences (away from
// the switching points) for the gallery, and the displayed derivative formulas, parsed back and
// evaluated, for every formula of the reference set.

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "formula/formula.h"
#include "formula/formula_display.h"
#include "formula_reference.h"

namespace actlab::test {
namespace {

/// Richardson-extrapolated central difference of g at x: error O(h⁴).
template <class G>
double centralDifference(G g, double x) {
    const double h = 1e-3 * (1 + std::fabs(x));
    const auto d = [&](double s) { return (g(x + s) - g(x - s)) / (2 * s); };
    return (4 * d(h / 2) - d(h)) / 3;
}

const FormulaCase& caseOf(const std::string& formula) {
    for (const FormulaCase& c : formulaReference())
        if (c.formula == formula) return c;
    throw std::runtime_error("no reference case for " + formula);
}

class GalleryDerivatives : public ::testing::TestWithParam<std::string> {};

TEST_P(GalleryDerivatives, AgreeWithCentralDifferencesAwayFromKinks) {
    const FormulaCase& c = caseOf(GetParam());
    const FormulaCompileResult r = compileFormula(c.formula);
    ASSERT_TRUE(r.ok()) << r.error;
    const FormulaProgram& p = *r.program;
    const std::vector<double> params = c.paramValues(p);
    const std::vector<double> kinks = p.kinks(params, -8, 8);
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> u(-6, 6);
    int checked = 0;
    for (int i = 0; i < 200; ++i) {
        const double x = u(rng);
        bool nearKink = false;
        for (double k : kinks) nearKink = nearKink || std::fabs(x - k) < 0.05;
        if (nearKink) continue;
        const double fdDf = centralDifference([&](double t) { return p.f(t, params); }, x);
        const double fdD2f = centralDifference([&](double t) { return p.df(t, params); }, x);
        const double df = p.df(x, params), d2f = p.d2f(x, params);
        EXPECT_NEAR(df, fdDf, 1e-8 * (1 + std::fabs(df))) << c.formula << " at " << x;
        EXPECT_NEAR(d2f, fdD2f, 1e-8 * (1 + std::fabs(d2f))) << c.formula << " at " << x;
        ++checked;
    }
    EXPECT_GT(checked, 150);
}

INSTANTIATE_TEST_SUITE_P(Gallery, GalleryDerivatives, ::testing::ValuesIn(galleryFormulas()),
                         [](const auto& info) {
                             std::string name;
                             for (char ch : info.param)
                                 name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
                             return name;
                         });

class DisplayedDerivatives : public ::testing::TestWithParam<std::size_t> {};

// The shown f, f′ and f″ parse back and compute the engine's values (symbolic and forward-mode
// differentiation are independent implementations). Compared inside f's domain and away from
// switching points; the shown forms are less stable, so the tolerance is loose.
TEST_P(DisplayedDerivatives, ParseBackToTheEnginesValues) {
    const FormulaCase& c = formulaReference().at(GetParam());
    const FormulaCompileResult r = compileFormula(c.formula);
    ASSERT_TRUE(r.ok()) << r.error;
    const FormulaProgram& p = *r.program;
    const std::vector<double> params = c.paramValues(p);
    const FormulaDisplay d = formulaDisplay(p);
    ASSERT_TRUE(d.complete) << c.formula;
    const std::vector<double> kinks = p.kinks(params, -8, 8);
    const std::string shown[] = {d.f, d.df, d.d2f};
    for (int order = 0; order < 3; ++order) {
        const FormulaCompileResult back = compileFormula(shown[order]);
        ASSERT_TRUE(back.ok()) << c.formula << " order " << order << ": '" << shown[order]
                               << "': " << back.error;
        // The shown formula may name fewer parameters, or in another order.
        std::vector<double> backParams;
        for (const std::string& name : back.program->params())
            backParams.push_back(params.at(static_cast<std::size_t>(p.paramIndex(name))));
        std::mt19937_64 rng(3);
        std::uniform_real_distribution<double> u(-6, 6);
        for (int i = 0; i < 50; ++i) {
            const double x = u(rng);
            bool nearKink = false;
            for (double k : kinks) nearKink = nearKink || std::fabs(x - k) < 1e-6;
            if (nearKink) continue;
            const double want = order == 0   ? p.f(x, params)
                                : order == 1 ? p.df(x, params)
                                             : p.d2f(x, params);
            const double got = back.program->f(x, backParams);
            // Outside f's domain the shown derivative may still have values (log(x)′ = 1/x).
            if (!std::isfinite(want) || !std::isfinite(p.f(x, params))) continue;
            EXPECT_NEAR(got, want, 1e-9 * std::fabs(want) + 1e-12)
                << c.formula << " order " << order << " at " << x << ": " << shown[order];
        }
    }
}

INSTANTIATE_TEST_SUITE_P(ReferenceSet, DisplayedDerivatives,
                         ::testing::Range<std::size_t>(0, formulaReference().size()),
                         [](const auto& info) {
                             return formulaReference().at(info.param).testName();
                         });

}  // namespace
}  // namespace actlab::test
