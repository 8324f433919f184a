#pragma once
// `activation-lab eval --formula`: a formula activation instead of a registry id. The table has
// the columns of a built-in; --show-derivatives prints f, f′ and f″ as formulas instead.

#include <iosfwd>
#include <string>
#include <vector>

#include "activations/activation_call.h"

namespace actlab::cli {

struct FormulaEvalRequest {
    std::string text;    ///< the formula
    KeywordArgs params;  ///< --param NAME=VALUE, in order (the last one wins)
    const std::vector<double>* xs = nullptr;
    bool showDerivatives = false;  ///< print the three formulas, no table
    bool latex = false;            ///< with showDerivatives: LaTeX instead of plain text
    bool json = false;
};

/// Compiles and evaluates the formula; returns the exit status (2 with one line on `err` for bad
/// input, with nothing written to `out`).
int runFormulaEval(const FormulaEvalRequest& req, std::ostream& out, std::ostream& err);

/// The text as one CSV field: quoted (with doubled quotes) when it holds a comma, a quote or a
/// line break, as RFC 4180 requires; unchanged otherwise.
std::string csvField(const std::string& text);

}  // namespace actlab::cli
