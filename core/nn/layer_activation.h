#pragma once
// A hidden layer's activation as a row. A LayerSpec names its activation by registry id, or as
// "formula" with the formula's text and an optional name (network.h); these functions turn that
// into the row the network evaluates, check it, put a row back into a layer, and name it.
//
//     LayerSpec layer;
//     setLayerActivation(layer, *makeFormulaActivation("x*sigmoid(b*x)", "Swish-β").row);
//     layer.params[0] = 1.5;                          // b, in the order of the row's params
//     layerActivation(layer).row->batchFDf(...);      // the same program, shared

#include <string>
#include <string_view>

#include "activations/formula_activation.h"
#include "network.h"

namespace actlab::nn {

/// True when the layer's activation is a formula.
inline bool isFormulaLayer(const LayerSpec& layer) {
    return layer.activation == kFormulaActivationId;
}

/// The row of a layer's activation: its registry row, or its formula compiled (the rows of one
/// formula and name are shared while anyone holds them). On failure the message says what is
/// wrong without naming a field.
FormulaActivationResult layerActivation(const LayerSpec& layer);

/// Empty when the layer's activation and parameters are usable, else a message that starts
/// with the field: ".activation: unknown activation 'x'; valid: ...", ".formula: expected ')'
/// at column 14", ".params: b must be a finite number". A built-in layer's `formula` and `name`
/// are ignored.
std::string checkLayerActivation(const LayerSpec& layer);

/// Puts `row` into a layer with the row's default parameters: a built-in by its id (clearing
/// `formula` and `name`), a formula row by its text and the name it was given.
void setLayerActivation(LayerSpec& layer, const ActivationSpec& row);

/// The name of a layer's activation for labels and messages: the registry row's name in `lang`
/// ("en", "zh_CN"), or the formula's name, or its text when it has none.
std::string layerActivationName(const LayerSpec& layer, std::string_view lang = "en");

}  // namespace actlab::nn
