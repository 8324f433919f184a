#pragma once
// The activation registry: one ActivationSpec row per built-in activation, in teaching order (the
// classics of the source article first, then the smooth modern functions, then the piecewise
// ones). Formula activations are rows made at run time (formula_activation.h).
//
// Adding an activation is one edit: a kernel struct in the family header and its row in the
// family's .cpp. The chooser, the parameter sliders, the network, the command line, the docs and
// every parameterised test iterate this table.

#include <span>
#include <string_view>
#include <vector>

#include "activation_spec.h"

namespace actlab {

/// Every activation, in teaching order.
std::span<const ActivationSpec> activations();

/// The row with this id ("leaky_relu"), or nullptr.
const ActivationSpec* findActivation(std::string_view id);

/// The row with this id, or throws std::invalid_argument naming the valid ids.
const ActivationSpec& activation(std::string_view id);

/// The built-in row with this id as an ActivationRef, or null. (Formula rows are made by
/// makeFormulaActivation, formula_activation.h; lookupActivation there finds either kind.)
ActivationRef activationRef(std::string_view id);

/// All ids, comma-separated, for error messages.
std::string activationIdList();

namespace detail {
// The rows of each family, in the family's order; registry.cpp concatenates them.
void appendLogisticRows(std::vector<ActivationSpec>& rows);
void appendPiecewiseRows(std::vector<ActivationSpec>& rows);
void appendExponentialRows(std::vector<ActivationSpec>& rows);
void appendGaussianRows(std::vector<ActivationSpec>& rows);
}  // namespace detail

}  // namespace actlab
