#include "sweep_plan.h"

#include <algorithm>
#include <numeric>

#include "activations/registry.h"
#include "nn/layer_activation.h"

namespace actlab::sweep {

namespace {

/// The order in which a setting's values are applied: the structure first (layers, then their
/// width, then the activation, then its parameters), whatever order the variables were given in.
std::vector<std::size_t> applyOrder(const std::vector<SweepVariable>& vars) {
    std::vector<std::size_t> order(vars.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return static_cast<int>(vars[a].key) < static_cast<int>(vars[b].key);
    });
    return order;
}

/// "lr=0.1, activation=relu" for messages.
std::string settingText(const SweepPlan& p, int setting) {
    std::string out;
    for (std::size_t v = 0; v < p.variables.size(); ++v)
        out += (v ? ", " : "") + p.variables[v].name + "=" + p.valueText(v, setting);
    return out;
}

std::string activationsOf(const nn::Session& s) {
    std::string out;
    for (const nn::LayerSpec& l : s.network.hidden)
        out += (out.empty() ? "" : ", ") +
               (nn::isFormulaLayer(l) ? nn::layerActivationName(l) : l.activation);
    return out.empty() ? "no hidden layers" : "hidden layers: " + out;
}

/// Applies every variable's value of `setting`, in applyOrder; "" or a message.
std::string applySetting(nn::Session& s, const SweepPlan& p, int setting) {
    const std::vector<std::size_t> idx = p.valueIndices(setting);
    for (std::size_t v : applyOrder(p.variables)) {
        const SweepVariable& var = p.variables[v];
        if (applyValue(s, var, idx[v]) == 0 && var.key == SweepKey::Param)
            return var.name + ": no hidden layer has parameter '" + var.paramId + "' (" +
                   activationsOf(s) + ")";
    }
    return "";
}

}  // namespace

int SweepPlan::settingCount() const {
    int n = 1;
    for (const SweepVariable& v : variables) n *= static_cast<int>(v.size());
    return n;
}

std::vector<std::size_t> SweepPlan::valueIndices(int setting) const {
    std::vector<std::size_t> idx(variables.size());
    std::size_t rest = std::size_t(setting);
    for (std::size_t v = variables.size(); v-- > 0;) {
        idx[v] = rest % variables[v].size();
        rest /= variables[v].size();
    }
    return idx;
}

int SweepPlan::settingAt(const std::vector<std::size_t>& idx) const {
    std::size_t setting = 0;
    for (std::size_t v = 0; v < variables.size(); ++v)
        setting = setting * variables[v].size() + idx[v];
    return static_cast<int>(setting);
}

std::string SweepPlan::valueText(std::size_t v, int setting) const {
    return variables[v].valueText(valueIndices(setting)[v]);
}

int applyValue(nn::Session& s, const SweepVariable& var, std::size_t i) {
    std::vector<nn::LayerSpec>& hidden = s.network.hidden;
    const double x = var.categorical() ? 0.0 : var.numbers[i];
    switch (var.key) {
        case SweepKey::LearningRate: s.training.learningRate = x; break;
        case SweepKey::Batch: s.training.batchSize = static_cast<int>(x); break;
        case SweepKey::RegRate: s.training.regularizationRate = x; break;
        case SweepKey::Noise: s.generator.noisePercent = static_cast<int>(x); break;
        case SweepKey::TrainPercent: s.generator.trainPercent = static_cast<int>(x); break;
        case SweepKey::Init: s.init = *nn::initFromId(var.choices[i]); break;
        case SweepKey::Optimizer:
            s.training.optimizer = *nn::optimizerFromId(var.choices[i]);
            break;
        case SweepKey::Layers: {
            const std::size_t n = static_cast<std::size_t>(x);
            if (n < hidden.size()) hidden.resize(n);
            while (!hidden.empty() && hidden.size() < n) hidden.push_back(hidden.back());
            break;
        }
        case SweepKey::Neurons:
            for (nn::LayerSpec& l : hidden) l.neurons = static_cast<int>(x);
            break;
        case SweepKey::Activation: {
            // As compareMember: the activation's default parameters (its own, not the old ones).
            const ActivationSpec& act = activation(var.choices[i]);
            for (nn::LayerSpec& l : hidden) nn::setLayerActivation(l, act);
            break;
        }
        case SweepKey::Param: {
            int reached = 0;
            for (nn::LayerSpec& l : hidden) {
                // A formula layer's parameters are its own names (param.b for x*sigmoid(b*x)).
                const FormulaActivationResult act = nn::layerActivation(l);
                const int p = act.ok() ? act.row->paramIndex(var.paramId) : -1;
                if (p < 0) continue;
                l.params[std::size_t(p)] = x;
                ++reached;
            }
            return reached;
        }
    }
    return static_cast<int>(hidden.size());
}

PlanBuild makePlan(const nn::Session& session, const SweepSettings& settings) {
    PlanBuild r;
    if (std::string e = validate(settings); !e.empty()) {
        r.error = e;
        return r;
    }
    SweepPlan& p = r.plan;
    p.base = session;
    p.base.weights.reset();
    p.base.epoch = 0;
    p.base.compare.clear();
    p.base.sweep.reset();
    // What belongs to the lesson's networks, not to a run: its claims and the network its view
    // opens on name compare members that a run does not have; a run trains straight through.
    p.base.claims.clear();
    p.base.compareWeights.clear();
    p.base.history = {};
    p.base.view.focus.clear();
    p.base.stopAtEpoch = 0;
    p.variables = parseVariables(settings);
    p.seeds = settings.seeds;
    p.epochs = settings.epochs;
    p.target = settings.target;

    long long settingsCount = 1;
    for (const SweepVariable& v : p.variables) settingsCount *= static_cast<long long>(v.size());
    if (settingsCount * p.seeds > kMaxRuns) {
        r.error = "the sweep has " + std::to_string(settingsCount * p.seeds) + " runs (" +
                  std::to_string(settingsCount) + " settings × " + std::to_string(p.seeds) +
                  " seeds); at most " + std::to_string(kMaxRuns);
        return r;
    }
    // Sessions store seeds up to 2⁵³ (exact in a JSON number); so must every run's copy.
    if (session.seed > (1ULL << 53) - std::uint64_t(p.seeds - 1)) {
        r.error = "seeds: the last run's seed (session seed + " + std::to_string(p.seeds - 1) +
                  ") would exceed 2^53; lower the session's seed";
        return r;
    }
    const int classes = session.points ? session.points->numClasses
                        : nn::isRegression(session.generator.kind) ? 0 : 2;
    if (p.target.metric == TargetMetric::TestAccuracy && classes == 0) {
        r.error = "target: the data are regression targets, which have no accuracy; use a test "
                  "loss target";
        return r;
    }
    for (const SweepVariable& v : p.variables) {
        if ((v.key == SweepKey::Noise || v.key == SweepKey::TrainPercent) && session.points) {
            r.error = v.name + ": the session's data are explicit points; " + v.name +
                      " needs generated data (data.generator)";
            return r;
        }
        if (v.key == SweepKey::RegRate &&
            session.training.regularization == nn::Regularization::None) {
            r.error = "reg_rate: the session has no regularisation (training.regularization.kind "
                      "is none); set it to l1 or l2";
            return r;
        }
        if (v.key == SweepKey::Layers && session.network.hidden.empty() &&
            std::any_of(v.numbers.begin(), v.numbers.end(), [](double n) { return n > 0; })) {
            r.error = "layers: the session has no hidden layer to copy; give it one";
            return r;
        }
    }
    // Every setting must give a valid session. Explicit points are replaced by an empty set of
    // the same kind: validation needs only the number of classes, and copying thousands of points
    // per setting would be slow.
    nn::Session shape = p.base;
    if (shape.points) shape.points = nn::Dataset{{}, {}, shape.points->numClasses};
    for (int s = 0; s < p.settingCount(); ++s) {
        nn::Session c = shape;
        std::string e = applySetting(c, p, s);
        if (e.empty()) e = nn::validate(c);
        if (!e.empty()) {
            r.error = settingText(p, s) + ": " + e;
            return r;
        }
    }
    return r;
}

nn::Session runSession(const SweepPlan& p, int run) {
    nn::Session s = p.base;
    applySetting(s, p, p.settingOf(run));
    s.seed = p.seedOf(run);
    return s;
}

}  // namespace actlab::sweep
