#include "network/session_edits.h"

#include <algorithm>
#include <set>

#include "activations/activation_call.h"
#include "activations/registry.h"
#include "nn/layer_activation.h"

namespace actlab::ui::edits {

nn::Session defaultSession() {
    nn::Session s;
    s.seed = 1;
    s.generator.kind = nn::DatasetKind::Circle;
    s.generator.numPoints = 500;
    s.generator.noisePercent = 0;
    s.generator.trainPercent = 50;
    s.generator.seed = 1;
    const ActivationSpec& tanh = activation("tanh");
    s.network.features = {nn::Feature::X, nn::Feature::Y};
    s.network.hidden = {{4, "tanh", tanh.defaults(), nn::PReluMode::PerLayer},
                        {2, "tanh", tanh.defaults(), nn::PReluMode::PerLayer}};
    s.network.output = nn::OutputKind::TanhSquare;
    s.network.outputs = 1;
    s.init = nn::InitKind::Playground;
    s.training.learningRate = 0.03;
    s.training.batchSize = 10;
    return s;
}

const std::vector<std::string>& classicEight() {
    static const std::vector<std::string> ids = {"sigmoid", "tanh", "relu", "leaky_relu",
                                                 "elu",     "gelu", "selu", "prelu"};
    return ids;
}

int classesOf(const nn::Dataset& data) {
    return data.numClasses;
}

void fitOutput(nn::Session& s, int numClasses) {
    nn::NetworkSpec& n = s.network;
    if (numClasses > 2) {
        n.output = nn::OutputKind::SoftmaxCe;
        n.outputs = numClasses;
    } else if (numClasses == 2) {
        if (n.output == nn::OutputKind::SoftmaxCe) n.output = nn::OutputKind::TanhSquare;
        n.outputs = 1;
    } else {
        n.output = nn::OutputKind::LinearSquare;
        n.outputs = 1;
    }
    if (s.training.mode == nn::TrainingMode::Playground &&
        !nn::validate(s.training, s.network).empty())
        s.training.mode = nn::TrainingMode::Standard;
}

bool addLayer(nn::Session& s) {
    auto& hidden = s.network.hidden;
    if (static_cast<int>(hidden.size()) >= nn::kMaxHiddenLayers) return false;
    if (hidden.empty())
        hidden.push_back({4, "tanh", activation("tanh").defaults(), nn::PReluMode::PerLayer});
    else
        hidden.push_back(hidden.back());
    s.weights.reset();
    return true;
}

bool removeLayer(nn::Session& s) {
    if (s.network.hidden.empty()) return false;
    s.network.hidden.pop_back();
    s.weights.reset();
    return true;
}

bool changeNeurons(nn::Session& s, int layer, int delta) {
    auto& hidden = s.network.hidden;
    if (layer < 0 || layer >= static_cast<int>(hidden.size())) return false;
    const int n = std::clamp(hidden[std::size_t(layer)].neurons + delta, 1, nn::kMaxNeurons);
    if (n == hidden[std::size_t(layer)].neurons) return false;
    hidden[std::size_t(layer)].neurons = n;
    s.weights.reset();
    return true;
}

bool setFeature(nn::Session& s, nn::Feature f, bool on) {
    std::vector<nn::Feature> fs = s.network.features;
    const auto it = std::find(fs.begin(), fs.end(), f);
    if (on == (it != fs.end())) return false;
    if (on) {
        fs.push_back(f);
    } else {
        if (fs.size() == 1) return false;  // a network needs an input
        fs.erase(it);
    }
    s.network.features = nn::canonicalFeatures(fs);
    s.weights.reset();
    return true;
}

bool setActivation(nn::Session& s, int layer, const std::string& id, const ParamValues& params) {
    if (!findActivation(id)) return false;
    auto& hidden = s.network.hidden;
    if (layer >= static_cast<int>(hidden.size()) || layer < -1) return false;
    for (int l = 0; l < static_cast<int>(hidden.size()); ++l) {
        if (layer >= 0 && l != layer) continue;
        hidden[std::size_t(l)].activation = id;
        hidden[std::size_t(l)].params = params;
    }
    s.weights.reset();  // a PReLU layer's learnable weight changes shape
    return true;
}

bool setActivation(nn::Session& s, int layer, const ActivationSpec& row, const ParamValues& params) {
    auto& hidden = s.network.hidden;
    if (layer >= static_cast<int>(hidden.size()) || layer < -1) return false;
    if (!checkParams(row, params).empty()) return false;
    for (int l = 0; l < static_cast<int>(hidden.size()); ++l) {
        if (layer >= 0 && l != layer) continue;
        nn::setLayerActivation(hidden[std::size_t(l)], row);
        hidden[std::size_t(l)].params = params;
    }
    s.weights.reset();
    return true;
}

bool sameActivation(const nn::LayerSpec& a, const nn::LayerSpec& b) {
    return a.activation == b.activation && (!nn::isFormulaLayer(a) || a.formula == b.formula);
}

std::string compareError(const std::vector<nn::CompareMember>& members) {
    if (members.empty()) return {};
    if (members.size() < 2 || members.size() > 8) return "compare: choose 2 to 8 activations";
    std::set<std::string> seen;
    for (const nn::CompareMember& m : members) {
        if (m.formula.empty() && !findActivation(m.activation))
            return "compare: unknown activation '" + m.activation +
                   "'; valid: " + activationIdList();
        if (!seen.insert(nn::memberLabel(m)).second)
            return "compare: '" + nn::memberLabel(m) + "' is listed twice";
    }
    return {};
}

std::string check(const nn::Session& s) {
    if (std::string e = nn::validate(s); !e.empty()) return e;
    if (std::string e = compareError(s.compare); !e.empty()) return e;
    for (const nn::CompareMember& m : s.compare)
        if (std::string e = nn::validate(nn::compareMember(s, m)); !e.empty())
            return "compare member '" + nn::memberLabel(m) + "': " + e;
    return {};
}

}  // namespace actlab::ui::edits
