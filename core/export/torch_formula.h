#pragma once
// Formula activations in the PyTorch exports: the formula's parse tree written as a Python
// function of torch operations, and the module class that applies it. The gradient torch's
// autograd takes through that function follows the formula language's one-sided convention at
// kinks (docs/formula-language.md) where torch allows; docs/pytorch-export.md lists where it
// cannot.
//
//     def formula_1c8e4f2b(x, p):
//         # Swish-β: f(x) = x*sigmoid(b*x)
//         return x * torch.sigmoid(p["b"] * x)
//
// used as FormulaActivation(formula_1c8e4f2b, {"b": 1.5}) after nn.Linear.

#include <string>

namespace actlab {
class FormulaProgram;
}

namespace actlab::pytorch {

/// The helpers and the FormulaActivation class that every formula's function needs (Python
/// code, the same for every formula, so that a script writes it once).
const std::string& formulaSupportCode();

/// The Python name of the function written for a formula text and name: "formula_" and eight
/// hex digits of a hash of both, the same in every export.
std::string formulaFunctionName(const std::string& text, const std::string& name);

/// `def NAME(x, p): return EXPR` for the program (p maps each parameter's name to a float64
/// tensor), with a comment line naming it `name` and showing the formula.
std::string formulaFunction(const FormulaProgram& program, const std::string& name);

}  // namespace actlab::pytorch
