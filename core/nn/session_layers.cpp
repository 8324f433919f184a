// The activations of a session document: hidden layers, compare members and the explorer's view
// may each name a registry activation or a formula (docs/session-format.md).

#include <stdexcept>

#include "activations/activation_call.h"
#include "activations/formula_activation.h"
#include "activations/registry.h"
#include "layer_activation.h"
#include "session_reader.h"

namespace actlab::nn {

namespace detail {

namespace {

const std::string kFormulaId(kFormulaActivationId);

/// The row named by `id` in the object `r` (with "formula" and "name" for a formula), failing
/// with the field's path. Stores the formula's text and name.
ActivationRef readActivation(ObjectReader& r, const std::string& id, std::string& formula,
                             std::string& name) {
    if (id == kFormulaId) {
        formula = r.string("formula");
        name = r.string("name", "");
        FormulaActivationResult row = makeFormulaActivation(formula, name);
        if (!row.ok()) fail(r.sub("formula"), row.error);
        return row.row;
    }
    for (const char* key : {"formula", "name"})
        if (r.has(key))
            fail(r.sub(key), "only an activation \"formula\" has a " + std::string(key) +
                                 " (this one is '" + id + "')");
    ActivationRef row = activationRef(id);
    if (!row)
        fail(r.sub("activation"),
             "unknown activation '" + id + "'; valid: " + activationIdList() + ", " + kFormulaId);
    return row;
}

ParamValues readParams(const Json& j, const ActivationSpec& act, const std::string& path) {
    ParamValues v = act.defaults();
    if (!j.is_object()) fail(path, "expected an object of parameter values");
    for (const auto& [key, value] : j.items()) {
        const int index = act.paramIndex(key);
        if (index < 0) {
            std::string valid;
            for (const ParamSpec& p : act.params)
                valid += (valid.empty() ? "" : ", ") + std::string(p.id);
            const std::string of = act.isFormula() ? "the formula" : std::string(act.id);
            fail(path + "." + key,
                 "unknown parameter of " + of + "; valid: " + (valid.empty() ? "none" : valid));
        }
        v[std::size_t(index)] = finiteNumber(value, path + "." + key);
    }
    return v;
}

/// The parameters as an object {"id": value}, in the row's order.
Json paramsJson(const ActivationSpec& act, const ParamValues& values) {
    Json params = Json::object();
    for (std::size_t i = 0; i < act.params.size(); ++i)
        params[std::string(act.params[i].id)] = values[i];
    return params;
}

}  // namespace

LayerSpec readLayer(const Json& j, const std::string& path) {
    ObjectReader l(j, path);
    LayerSpec spec;
    spec.neurons = int(l.integer("neurons", 1, kMaxNeurons));
    spec.activation = l.string("activation");
    const ActivationRef row = readActivation(l, spec.activation, spec.formula, spec.name);
    spec.params =
        l.has("params") ? readParams(l.raw("params"), *row, path + ".params") : row->defaults();
    if (std::string problem = checkParams(*row, spec.params); !problem.empty())
        fail(path + ".params", problem);
    const std::string mode = l.string("preluMode", "layer");
    if (mode != "layer" && mode != "neuron")
        fail(path + ".preluMode", "unknown value '" + mode + "'; valid: layer, neuron");
    spec.preluMode = mode == "neuron" ? PReluMode::PerNeuron : PReluMode::PerLayer;
    l.finish();
    return spec;
}

Json layerJson(const LayerSpec& l) {
    Json layer = {{"neurons", l.neurons}, {"activation", l.activation}};
    const FormulaActivationResult row = layerActivation(l);
    if (!row.ok()) throw std::invalid_argument(row.error);  // a session that failed validate()
    const ActivationSpec& act = *row.row;
    if (act.isFormula()) layer["formula"] = l.formula;
    if (!act.params.empty()) layer["params"] = paramsJson(act, l.params);
    if (act.isFormula() && !l.name.empty()) layer["name"] = l.name;
    if (act.learnableIndex() >= 0)
        layer["preluMode"] = l.preluMode == PReluMode::PerNeuron ? "neuron" : "layer";
    return layer;
}

CompareMember readCompareMember(const Json& j, const std::string& path) {
    CompareMember m;
    if (j.is_string()) {
        m.activation = j.get<std::string>();
        if (m.activation == kFormulaId)
            fail(path,
                 "a formula member is an object such as {\"formula\": \"x*sigmoid(b*x)\", "
                 "\"params\": {\"b\": 1.5}}");
        if (!findActivation(m.activation))
            fail(path, "unknown activation '" + m.activation + "'; valid: " + activationIdList() +
                           ", or a formula object");
        return m;
    }
    if (!j.is_object()) fail(path, "expected an activation id or a formula object");
    ObjectReader r(j, path);
    m.activation = kFormulaId;
    const ActivationRef row = readActivation(r, m.activation, m.formula, m.name);
    m.params =
        r.has("params") ? readParams(r.raw("params"), *row, path + ".params") : row->defaults();
    r.finish();
    return m;
}

Json compareMemberJson(const CompareMember& m) {
    if (m.activation != kFormulaId) return m.activation;
    Json j = {{"formula", m.formula}};
    const FormulaActivationResult row = makeFormulaActivation(m.formula, m.name);
    if (!row.ok()) throw std::invalid_argument(row.error);
    if (!row.row->params.empty()) j["params"] = paramsJson(*row.row, m.params);
    if (!m.name.empty()) j["name"] = m.name;
    return j;
}

void readViewActivation(ObjectReader& v, Session::View& view) {
    view.activation = v.string("activation", "");
    if (view.activation.empty()) {
        for (const char* key : {"formula", "name"})
            if (v.has(key)) fail(v.sub(key), "only with \"activation\": \"formula\"");
        return;
    }
    readActivation(v, view.activation, view.formula, view.formulaName);
}

}  // namespace detail

CompareMember compareMemberOf(const ActivationSpec& row, const ParamValues& params) {
    CompareMember m(std::string(row.id));
    if (row.isFormula()) {
        m.formula = formulaText(row);
        m.name = formulaGivenName(row);
        m.params = params;
    }
    return m;
}

CompareMember compareMemberOf(const ActivationSpec& row) {
    return compareMemberOf(row, row.defaults());
}

std::string memberLabel(const CompareMember& m) {
    if (m.activation != detail::kFormulaId) return m.activation;
    return m.name.empty() ? m.formula : m.name;
}

const CompareMember* memberByLabel(const std::vector<CompareMember>& compare,
                                   const std::string& label) {
    for (const CompareMember& m : compare)
        if (memberLabel(m) == label) return &m;
    return nullptr;
}

Session compareMember(const Session& session, const CompareMember& member) {
    Session s = session;
    s.compare.clear();
    const FormulaActivationResult row =
        lookupActivation(member.activation, member.formula, member.name);
    if (!row.ok()) throw std::invalid_argument(row.error);
    for (LayerSpec& l : s.network.hidden) {
        setLayerActivation(l, *row.row);
        if (row.row->isFormula()) l.params = member.params;
    }
    // The main network's trained weights are not the member's: without a saved state of its own
    // the member starts where every member starts, from the initial weights (explicit or seeded).
    const std::string key = memberLabel(member);
    const auto saved = session.compareWeights.find(key);
    if (s.epoch > 0 && saved == session.compareWeights.end()) {
        s.weights.reset();
        s.epoch = 0;
    }
    if (s.weights) {  // the learnable slot's shape follows the activation
        const Mlp shape(s.network);
        for (std::size_t l = 0; l < s.network.hidden.size(); ++l)
            (*s.weights)[l].learnable = shape.layers()[l].learnable;
    }
    // The member's own trained state, if saved, becomes its session's state.
    s.history = {};
    s.optimizerState.reset();
    if (saved != session.compareWeights.end()) {
        s.weights = saved->second.weights;
        s.epoch = saved->second.epoch;
        s.history = saved->second.history;
        s.optimizerState = saved->second.optimizer;
    }
    s.compareWeights.clear();
    s.claims.clear();  // they name networks of the compare set, which this session no longer has
    return s;
}

}  // namespace actlab::nn
