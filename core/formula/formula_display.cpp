#include "formula_display.h"

#include <exception>

#include "formula_expr.h"

namespace actlab {

namespace {

// Nodes a derivative may create before it is abandoned, and the largest expression printed:
// a 500-character formula differentiated twice by the product rule can reach millions of nodes.
constexpr std::size_t kNodeBudget = 50'000;
constexpr std::size_t kMaxPrintedNodes = 2'000;
constexpr std::size_t kMaxPrintedLength = 2'000;

/// Prints e into the two fields, or kFormulaTooLong; false when too long.
bool show(const formula::ExprPtr& e, bool exhausted, const std::vector<std::string>& params,
          std::string& plain, std::string& latex) {
    if (!exhausted && e->size <= kMaxPrintedNodes) {
        plain = formula::printPlain(*e, params);
        latex = formula::printLatex(*e, params);
        if (plain.size() <= kMaxPrintedLength) return true;
    }
    plain = latex = std::string(kFormulaTooLong);
    return false;
}

}  // namespace

FormulaDisplay formulaDisplay(const FormulaProgram& program) noexcept {
    FormulaDisplay d;
    try {
        const std::vector<std::string>& params = program.params();
        formula::ExprBuilder b0(kNodeBudget), b1(kNodeBudget), b2(kNodeBudget);
        const formula::ExprPtr f = formula::fromAst(program.ast(), b0);
        show(f, b0.exhausted(), params, d.f, d.fLatex);
        const formula::ExprPtr df = formula::derive(f, b1);
        d.complete = show(df, b1.exhausted(), params, d.df, d.dfLatex);
        d.dfIsZero = !b1.exhausted() && df->isNumber(0);
        const bool tooLong = b1.exhausted();
        const formula::ExprPtr d2f = tooLong ? df : formula::derive(df, b2);
        d.complete = show(d2f, tooLong || b2.exhausted(), params, d.d2f, d.d2fLatex) && d.complete;
    } catch (const std::exception&) {
        d = FormulaDisplay{};
        d.f = d.df = d.d2f = d.fLatex = d.dfLatex = d.d2fLatex = std::string(kFormulaTooLong);
        d.complete = false;
    }
    return d;
}

}  // namespace actlab
