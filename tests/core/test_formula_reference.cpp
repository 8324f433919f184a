// Formula activations against arbitrary-precision references: f, f′ and f″ of the gallery and
// of 38 more formulas (mpmath jets at 50+ digits, scripts/make_formula_reference.py), at random
// x in [−20, 20] and in the tails up to ±1e300, within 16 ulp or 1e-15 absolute.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "formula/formula.h"
#include "formula_reference.h"
#include "golden_data.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

class FormulaReference : public ::testing::TestWithParam<std::size_t> {};

TEST_P(FormulaReference, MatchesTheReferenceInF_Df_D2f) {
    const FormulaCase& c = formulaReference().at(GetParam());
    const FormulaCompileResult compiled = compileFormula(c.formula);
    ASSERT_TRUE(compiled.ok()) << c.formula << ": " << compiled.error;
    const std::vector<double> params = c.paramValues(*compiled.program);
    std::vector<double> xs;
    for (const FormulaRow& r : c.rows) xs.push_back(r.x);
    std::vector<double> f(xs.size()), df(xs.size()), d2f(xs.size());
    compiled.program->evalFDfD2f(xs, f, df, d2f, params);
    int bad = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const FormulaRow& r = c.rows[i];
        const struct {
            const char* name;
            double value, reference;
        } checks[] = {{"f", f[i], r.f}, {"f'", df[i], r.df}, {"f''", d2f[i], r.d2f}};
        for (const auto& k : checks) {
            if (withinFormulaTolerance(k.value, k.reference)) continue;
            if (++bad <= 6)
                ADD_FAILURE() << c.formula << " (" << c.params << ") " << k.name
                              << " at x = " << formatNumber(r.x) << ": " << formatNumber(k.value)
                              << ", reference " << formatNumber(k.reference) << " ("
                              << ulpDistance(k.value, k.reference) << " ulp)";
        }
    }
    EXPECT_EQ(bad, 0);
}

INSTANTIATE_TEST_SUITE_P(Mpmath, FormulaReference,
                         ::testing::Range<std::size_t>(0, formulaReference().size()),
                         [](const auto& info) {
                             return formulaReference().at(info.param).testName();
                         });

TEST(FormulaReferenceData, CoversTheGalleryAndTwentyMoreWithTails) {
    const auto& cases = formulaReference();
    EXPECT_GE(cases.size(), galleryFormulas().size() + 20);
    for (const std::string& g : galleryFormulas())
        EXPECT_TRUE(std::any_of(cases.begin(), cases.end(), [&](const FormulaCase& c) {
            return c.formula == g;
        })) << g;
    for (const FormulaCase& c : cases) {
        const auto has = [&](double x) {
            return std::any_of(c.rows.begin(), c.rows.end(),
                               [&](const FormulaRow& r) { return r.x == x; });
        };
        EXPECT_TRUE(has(1e3) && has(-1e3)) << c.formula;
        EXPECT_GE(c.rows.size(), 40u) << c.formula;
    }
}

}  // namespace
}  // namespace actlab::test
