#include "layer_activation.h"

#include "activations/activation_call.h"
#include "activations/registry.h"

namespace actlab::nn {

FormulaActivationResult layerActivation(const LayerSpec& layer) {
    return lookupActivation(layer.activation, layer.formula, layer.name);
}

std::string checkLayerActivation(const LayerSpec& layer) {
    if (isFormulaLayer(layer) && layer.formula.empty())
        return ".formula: missing; a layer with activation \"formula\" needs the formula's text";
    const FormulaActivationResult row = layerActivation(layer);
    if (!row.ok()) return (isFormulaLayer(layer) ? ".formula: " : ".activation: ") + row.error;
    if (std::string p = checkParams(*row.row, layer.params); !p.empty()) return ".params: " + p;
    return "";
}

void setLayerActivation(LayerSpec& layer, const ActivationSpec& row) {
    layer.activation = std::string(row.id);
    layer.formula = formulaText(row);
    layer.name = formulaGivenName(row);
    layer.params = row.defaults();
}

std::string layerActivationName(const LayerSpec& layer, std::string_view lang) {
    if (isFormulaLayer(layer)) return layer.name.empty() ? layer.formula : layer.name;
    const ActivationSpec* row = findActivation(layer.activation);
    return row ? std::string(row->name.in(lang)) : layer.activation;
}

}  // namespace actlab::nn
