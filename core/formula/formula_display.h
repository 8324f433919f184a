#pragma once
// f, f′ and f″ of a formula activation as readable formulas, for students: symbolic derivatives
// simplified (numbers folded, 0 and 1 identities, like terms and factors collected) and printed
// as plain text in the formula language and as LaTeX.
//
//     formulaDisplay(*compileFormula("x*sigmoid(b*x)").program).df
//     == "sigmoid(b*x) + b*x*sigmoid(b*x)*(1 - sigmoid(b*x))"
//
// The display is for reading; values come from FormulaProgram, which evaluates in stable forms.
// At a switching point the shown where(...) takes its second branch, which is also what the
// evaluator does for max(0, x) and where(); ties of other max and min follow the evaluator's
// convention (docs/formula-language.md), not the shown formula.

#include <string>
#include <string_view>

#include "formula.h"

namespace actlab {

/// What a too long derivative shows instead of its formula.
inline constexpr std::string_view kFormulaTooLong = "(too long to show)";

struct FormulaDisplay {
    std::string f, df, d2f;                 ///< plain text, parses back to the same function
    std::string fLatex, dfLatex, d2fLatex;  ///< LaTeX (no surrounding $)
    /// f′ simplifies to 0 everywhere: a step function, which backpropagation cannot train.
    bool dfIsZero = false;
    /// False when f′ or f″ is too long to show; those fields then hold kFormulaTooLong.
    bool complete = true;
};

/// The display of a compiled formula. Bounded in time and memory; never throws.
FormulaDisplay formulaDisplay(const FormulaProgram& program) noexcept;

}  // namespace actlab
