#pragma once
// Formula activations as registry rows. makeFormulaActivation() turns a formula's text, such as
// "x*sigmoid(b*x)", into an ActivationSpec made at run time: it owns its compiled program
// (core/formula), its texts and one ParamSpec per formula parameter (default 1, slider [−5, 5]),
// and is handed out as an ActivationRef, so that whoever holds it (a session's network, a
// compare member, a pinned curve) keeps it alive after it has left every list.
//
//     const FormulaActivationResult r = makeFormulaActivation("x*sigmoid(b*x)", "Swish-β");
//     if (!r.ok()) report(r.error);            // "expected ')' at column 14"
//     ActivationCall call{r.row, r.row->defaults()};
//     call.spec->batchFDf(xs, ys, dys, call.params);
//
// A formula row has the id kFormulaActivationId, no torch.nn class, no float32 kernels (the
// float overloads evaluate in double and round), no learnable parameter, and accepts any finite
// parameter values. Its evaluation is the program's array evaluation: one call per array.

#include <cstddef>
#include <string>
#include <string_view>

#include "activation_spec.h"

namespace actlab {

/// The id of every formula row, and the "activation" of a formula layer in a session file.
inline constexpr std::string_view kFormulaActivationId = "formula";
/// The most parameters a formula activation may have.
inline constexpr std::size_t kMaxFormulaParams = kMaxParams;
/// The slider range of a formula parameter (its default is kFormulaParamDefault, 1).
inline constexpr double kFormulaParamMin = -5;
inline constexpr double kFormulaParamMax = 5;
inline constexpr double kFormulaParamStep = 0.01;

/// A formula row, or a one-line message naming the column and what was expected there.
struct FormulaActivationResult {
    ActivationRef row;    ///< null on error
    std::string error;    ///< empty on success
    int errorColumn = 0;  ///< 1-based column of a parse error; 0 otherwise
    bool ok() const { return row != nullptr; }
};

/// Compiles `text` into a formula row named `name` (the text itself when `name` is empty).
/// Refuses formulas with more than kMaxFormulaParams parameters. Never throws.
FormulaActivationResult makeFormulaActivation(std::string_view text, std::string_view name = {});

/// A row named as a session names one: a registry id, or kFormulaActivationId with the
/// formula's text and an optional name. On failure the message says what is wrong ("unknown
/// activation 'x'; valid: ...", or the formula's parse error) without naming a field.
FormulaActivationResult lookupActivation(std::string_view id, std::string_view formula = {},
                                         std::string_view name = {});

/// The formula text of a formula row (its program's text); empty for a built-in.
std::string formulaText(const ActivationSpec& row);

/// The name a formula row was given, or "" when it is named by its text (what a session stores
/// as the layer's "name"). Empty for a built-in.
std::string formulaGivenName(const ActivationSpec& row);

}  // namespace actlab
