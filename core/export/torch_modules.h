#pragma once
// The torch.nn module of each hidden layer's activation, for the PyTorch exports. Every registry
// row names its torch.nn class (ActivationSpec::torchName) and its parameters use PyTorch's
// keywords, so the module is the class called with the layer's parameters. An activation that
// torch.nn lacks brings its own small nn.Module: `definition` holds that class, which the script
// writes once before the model. A formula layer is FormulaActivation(function, params): the
// class and its helpers are its `definition`, the formula written with torch operations its
// `function` (torch_formula.h).

#include <string>

#include "activations/activation_spec.h"
#include "nn/network.h"

namespace actlab::pytorch {

struct TorchModule {
    std::string expression;  ///< "nn.LeakyReLU(negative_slope=0.1)"
    std::string comment;     ///< a short note for the model listing ("" when none is needed)
    std::string definition;  ///< Python class code the expression needs ("" for torch.nn classes)
    std::string function;    ///< a formula's Python function, after `definition` ("" otherwise)
    std::string error;       ///< why the layer's activation cannot be exported ("" when it can)
    bool ok() const { return error.empty(); }
};

/// The module for a hidden layer with this spec (its activation and parameters, PReLU's mode).
TorchModule torchModule(const nn::LayerSpec& layer);

/// The teaching panel's snippet for a built-in activation at `params`: the registry's snippet
/// at the defaults, else the module with these parameters ("nn.LeakyReLU(negative_slope=0.35)").
/// A comment goes on a line of its own ("  # " starts a new line), so that a narrow panel wraps
/// only between statements and at commas.
std::string torchSnippet(const ActivationSpec& spec, const ParamValues& params);

}  // namespace actlab::pytorch
