// Prints the worst ulp error of formula activations against the mpmath reference
// (tests/data/formula/reference.csv) as a markdown table: the gallery first, then every other
// formula. Not a test: test_formula_reference enforces the tolerance.
//
// Each of f, f′, f″ is reported three times: over the rows where the absolute allowance of 1e-15
// does not apply (where ulps decide the test), over every row with |x| ≤ 20 (the random points),
// and over every row (in the tails ulps of values that underflow are meaningless).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "formula/formula.h"
#include "formula_reference.h"
#include "golden_data.h"

using namespace actlab;
using namespace actlab::test;

namespace {

struct Worst {
    double strict[3] = {0, 0, 0};
    double core[3] = {0, 0, 0};
    double all[3] = {0, 0, 0};
};

double distance(double value, double reference) {
    if (std::isnan(value) && std::isnan(reference)) return 0;
    if (value == reference) return 0;
    return ulpDistance(value, reference);
}

Worst measure(const FormulaCase& c) {
    Worst w;
    const FormulaCompileResult r = compileFormula(c.formula);
    if (!r.ok()) {
        std::fprintf(stderr, "%s: %s\n", c.formula.c_str(), r.error.c_str());
        return w;
    }
    const std::vector<double> params = c.paramValues(*r.program);
    for (const FormulaRow& row : c.rows) {
        double f = 0, df = 0, d2f = 0;
        r.program->evalFDfD2f({&row.x, 1}, {&f, 1}, {&df, 1}, {&d2f, 1}, params);
        const double got[3] = {f, df, d2f}, want[3] = {row.f, row.df, row.d2f};
        for (int k = 0; k < 3; ++k) {
            const double u = distance(got[k], want[k]);
            w.all[k] = std::max(w.all[k], u);
            if (std::fabs(row.x) <= 20) w.core[k] = std::max(w.core[k], u);
            if (!(std::fabs(got[k] - want[k]) <= 1e-15)) w.strict[k] = std::max(w.strict[k], u);
        }
    }
    return w;
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 1e4 ? "%.0f" : "%.1e", v);
    return buf;
}

void row(const FormulaCase& c) {
    const Worst w = measure(c);
    std::string formula = c.formula;
    for (std::size_t i = 0; (i = formula.find('|', i)) != std::string::npos; i += 2)
        formula.replace(i, 1, "\\|");
    std::printf("| `%s` | %s | %zu", formula.c_str(), c.params.empty() ? "" : c.params.c_str(),
                c.rows.size());
    for (const double* group : {w.strict, w.core, w.all})
        std::printf(" | %s / %s / %s", fmt(group[0]).c_str(), fmt(group[1]).c_str(),
                    fmt(group[2]).c_str());
    std::printf(" |\n");
}

}  // namespace

int main() {
    const auto& cases = formulaReference();
    std::printf(
        "Worst ulp of f / f′ / f″.\n\n"
        "| formula | params | rows | where ulps decide (error > 1e-15) | x in [−20, 20] | "
        "every row |\n|---|---|---|---|---|---|\n");
    for (const std::string& g : galleryFormulas())
        for (const FormulaCase& c : cases)
            if (c.formula == g) row(c);
    for (const FormulaCase& c : cases) {
        const auto& gallery = galleryFormulas();
        if (std::find(gallery.begin(), gallery.end(), c.formula) == gallery.end()) row(c);
    }
}
