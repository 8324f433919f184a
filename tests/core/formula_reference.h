#pragma once
// Loads the arbitrary-precision reference values of formula activations
// (tests/data/formula/reference.csv, made by scripts/make_formula_reference.py) and applies the
// accuracy criterion of the formula engine.

#include <string>
#include <vector>

#include "formula/formula.h"

namespace actlab::test {

struct FormulaRow {
    double x, f, df, d2f;
};

/// One formula with its parameter values and every reference row.
struct FormulaCase {
    std::string formula;  ///< "x*sigmoid(b*x)"
    std::string params;   ///< "b=1.5" ("a=1;b=2" for several)
    std::vector<FormulaRow> rows;
    /// The parameter values in the order of program.params() (1 for any not listed).
    std::vector<double> paramValues(const FormulaProgram& program) const;
    /// A gtest-friendly name: "x_sigmoid_b_x__b_1_5".
    std::string testName() const;
};

/// The cases of reference.csv in file order. Loaded once.
const std::vector<FormulaCase>& formulaReference();

/// The criterion: within 16 ulp or 1e-15 absolute, whichever is larger; NaN matches NaN and an
/// infinity matches the same infinity.
bool withinFormulaTolerance(double value, double reference);

/// The eight gallery formulas, as the reference file spells them.
const std::vector<std::string>& galleryFormulas();

}  // namespace actlab::test
