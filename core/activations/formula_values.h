#pragma once
// An activation's formula with the parameter values in use written in place of their symbols,
// for the teaching panel ("f(x) = 0.35·x, if x ≤ 0" for LeakyReLU at slope 0.35).

#include <string>

#include "activation_spec.h"

namespace actlab {

/// A parameter value as the formula shows it: up to 4 significant digits, a typographic minus,
/// in parentheses when negative ("0.35", "(−1)").
std::string formulaNumber(double v);

/// spec.formulaHtml with each parameter's symbol replaced by its value in `params`. A symbol
/// followed directly by a variable ("βx") gets a "·". Parameters whose symbol the formula does
/// not show (RReLU's bounds) and learnable ones (PReLU's weight, which training changes) are
/// listed on a last line instead ("<i>a</i> = 0.25").
std::string formulaHtmlWithValues(const ActivationSpec& spec, const ParamValues& params);

}  // namespace actlab
