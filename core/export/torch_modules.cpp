#include "torch_modules.h"

#include "activations/registry.h"
#include "formula/formula.h"
#include "nn/layer_activation.h"
#include "python_text.h"
#include "torch_formula.h"

namespace actlab::pytorch {

namespace {

// Where a torch.nn module's gradient is not the function's derivative in float64, the script
// defines a small module of torch operations whose autograd is exact (torch 1.13):
// - CELU's backward scales by 1/alpha with alpha rounded to float32 (its gradient at x = -3 is
//   0.0994905757 for alpha = 1.3, the derivative 0.0994905805); exact when alpha is a float32
//   number, such as the default 1;
// - Hardsigmoid's backward multiplies by 1/6 rounded to float32 (3e-8 off).
constexpr const char* kExactCelu =
    "class ExactCELU(nn.Module):\n"
    "    \"\"\"CELU with its exact derivative, as the app computes it: nn.CELU's backward divides\n"
    "    by alpha rounded to float32, which moves the gradient by some 1e-8 to 1e-7, relative,\n"
    "    when alpha is not a float32 number.\"\"\"\n"
    "\n"
    "    def __init__(self, alpha):\n"
    "        super().__init__()\n"
    "        self.alpha = alpha\n"
    "\n"
    "    def forward(self, x):\n"
    "        return torch.where(x > 0, x, self.alpha * torch.expm1(x.clamp(max=0) / self.alpha))\n";

constexpr const char* kExactHardsigmoid =
    "class ExactHardsigmoid(nn.Module):\n"
    "    \"\"\"Hardsigmoid with its exact slope 1/6, as the app computes it: nn.Hardsigmoid's\n"
    "    backward multiplies by 1/6 rounded to float32.\"\"\"\n"
    "\n"
    "    def forward(self, x):\n"
    "        return torch.where(x <= -3, 0.0, torch.where(x >= 3, 1.0, (x + 3) / 6))\n";

/// FormulaActivation(function, {"b": 1.5}) for a formula layer.
TorchModule formulaModule(const nn::LayerSpec& layer) {
    TorchModule m;
    const FormulaActivationResult row = nn::layerActivation(layer);
    if (!row.ok()) {
        m.error = "formula: " + row.error;
        return m;
    }
    const ActivationSpec& act = *row.row;
    std::string params;
    for (std::size_t i = 0; i < act.params.size(); ++i)
        params += (i ? ", " : "") + pyString(act.params[i].id) + ": " + pyFloat(layer.params[i]);
    m.definition = formulaSupportCode();
    m.function = formulaFunction(*act.program, layer.name);
    m.expression = "FormulaActivation(" + formulaFunctionName(layer.formula, layer.name) + ", {" +
                   params + "})";
    return m;
}

}  // namespace

TorchModule torchModule(const nn::LayerSpec& layer) {
    if (nn::isFormulaLayer(layer)) return formulaModule(layer);
    TorchModule m;
    const ActivationSpec* act = findActivation(layer.activation);
    if (!act) {
        m.error = "unknown activation '" + layer.activation + "'";
        return m;
    }
    if (act->torchName.empty()) {
        m.error = "the activation '" + std::string(act->id) + "' has no PyTorch module";
        return m;
    }
    std::string args;
    const auto add = [&args](std::string_view key, const std::string& value) {
        args += (args.empty() ? "" : ", ") + std::string(key) + "=" + value;
    };
    if (act->learnableIndex() >= 0) {
        // PReLU: one learnable weight per layer (PyTorch's default) or one per neuron (channel).
        add("num_parameters",
            std::to_string(layer.preluMode == nn::PReluMode::PerNeuron ? layer.neurons : 1));
    }
    for (std::size_t i = 0; i < act->params.size(); ++i) {
        const ParamSpec& p = act->params[i];
        add(p.learnable ? std::string_view("init") : p.id, pyFloat(layer.params[i]));
    }
    if (!act->torchVariantKey.empty() && act->torchVariantValue != "none")
        add(act->torchVariantKey, pyString(act->torchVariantValue));
    m.expression = "nn." + std::string(act->torchName) + "(" + args + ")";
    if (act->id == "celu" && double(float(layer.params[0])) != layer.params[0]) {
        m.expression = "ExactCELU(alpha=" + pyFloat(layer.params[0]) + ")";
        m.definition = kExactCelu;
        m.comment = "nn.CELU's gradient would round alpha to float32";
        return m;
    }
    if (act->id == "hardsigmoid") {
        m.expression = "ExactHardsigmoid()";
        m.definition = kExactHardsigmoid;
        m.comment = "nn.Hardsigmoid's gradient would round 1/6 to float32";
        return m;
    }
    if (act->id == "rrelu") {
        // In training mode RReLU draws a random slope per element; the app uses eval mode.
        m.expression += ".eval()";
        m.comment = "eval mode: the fixed slope (lower + upper) / 2";
    }
    return m;
}

std::string torchSnippet(const ActivationSpec& spec, const ParamValues& params) {
    std::string text;
    bool defaults = true;
    for (std::size_t i = 0; i < spec.params.size(); ++i)
        defaults = defaults && params[i] == spec.params[i].defaultValue;
    if (defaults || spec.isFormula()) {
        text = std::string(spec.pytorch);
    } else {
        nn::LayerSpec layer;
        layer.activation = std::string(spec.id);
        layer.params = params;
        const TorchModule m = torchModule(layer);
        if (!m.ok()) return std::string(spec.pytorch);
        text = m.expression;
        if (!m.comment.empty()) text += "  # " + m.comment;
    }
    for (std::size_t at; (at = text.find("  # ")) != std::string::npos;) text.replace(at, 4, "\n# ");
    return text;
}

}  // namespace actlab::pytorch
