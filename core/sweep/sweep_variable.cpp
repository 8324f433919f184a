#include "sweep_variable.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "activations/registry.h"
#include "formula/formula_ast.h"
#include "nn/network.h"
#include "nn/trainer.h"
#include "util/number_format.h"

namespace actlab::sweep {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// A key's values: categorical, or numeric within [lo, hi] ((lo, hi] when loOpen), whole or real.
struct KeyInfo {
    std::string_view id;
    SweepKey key;
    bool categorical = false;
    double lo = -kInf, hi = kInf;
    bool loOpen = false;
    bool whole = false;
};

constexpr KeyInfo kKeys[] = {
    {"lr", SweepKey::LearningRate, false, 0, 100, true, false},
    {"batch", SweepKey::Batch, false, 1, 1000, false, true},
    {"layers", SweepKey::Layers, false, 0, nn::kMaxHiddenLayers, false, true},
    {"neurons", SweepKey::Neurons, false, 1, nn::kMaxNeurons, false, true},
    {"activation", SweepKey::Activation, true},
    {"param.NAME", SweepKey::Param},
    {"reg_rate", SweepKey::RegRate, false, 0, 10, false, false},
    {"noise", SweepKey::Noise, false, 0, 50, false, true},
    {"train_percent", SweepKey::TrainPercent, false, 10, 90, false, true},
    {"init", SweepKey::Init, true},
    {"optimizer", SweepKey::Optimizer, true},
};

constexpr std::string_view kParamPrefix = "param.";

const KeyInfo* findKey(std::string_view key) {
    if (key.starts_with(kParamPrefix)) return &kKeys[5];
    for (const KeyInfo& k : kKeys)
        if (k.id == key && k.key != SweepKey::Param) return &k;
    return nullptr;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> splitAt(std::string_view text, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(sep, start);
        out.push_back(trim(text.substr(start, end == std::string_view::npos ? end : end - start)));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

/// Every parameter id of the registry, once each, for messages.
std::string paramIdList() {
    std::vector<std::string_view> ids;
    for (const ActivationSpec& a : activations())
        for (const ParamSpec& p : a.params)
            if (std::find(ids.begin(), ids.end(), p.id) == ids.end()) ids.push_back(p.id);
    std::string out;
    for (std::string_view id : ids) out += (out.empty() ? "" : ", ") + std::string(id);
    return out;
}

/// A name the formula language reads as a parameter: letters, digits and '_', not starting with
/// a digit, and not x, a constant or a function.
bool isFormulaParamName(std::string_view name) {
    if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return name != "x" && name != "pi" && name != "e" && !formula::findFunction(name);
}

std::string rangeText(const KeyInfo& k) {
    return std::string(k.loOpen ? "(" : "[") + formatNumber(k.lo) + ", " + formatNumber(k.hi) + "]";
}

/// The error for an unknown categorical id, or "".
std::string checkChoice(SweepKey key, const std::string& id) {
    switch (key) {
        case SweepKey::Activation:
            if (!findActivation(id))
                return "unknown activation '" + id + "'; valid: " + activationIdList();
            break;
        case SweepKey::Init:
            if (!nn::initFromId(id))
                return "unknown init '" + id + "'; valid: playground, xavier, he, lecun";
            break;
        case SweepKey::Optimizer:
            if (!nn::optimizerFromId(id))
                return "unknown optimizer '" + id + "'; valid: sgd, momentum, adam";
            break;
        default: break;
    }
    return "";
}

/// The n values of a range spec "a:b:n" or "a:b:n:log" (parts already split), or an error.
std::string rangeValues(const std::vector<std::string_view>& parts, std::vector<double>& out) {
    if (parts.size() != 3 && parts.size() != 4)
        return "a range is a:b:n or a:b:n:log, got " + std::to_string(parts.size()) + " fields";
    const bool log = parts.size() == 4;
    if (log && parts[3] != "log")
        return "the fourth field of a range must be 'log', got '" + std::string(parts[3]) + "'";
    const std::optional<double> a = parseNumber(parts[0]), b = parseNumber(parts[1]);
    if (!a || !std::isfinite(*a))
        return "range start '" + std::string(parts[0]) + "' is not a finite number";
    if (!b || !std::isfinite(*b))
        return "range end '" + std::string(parts[1]) + "' is not a finite number";
    const std::optional<double> n = parseNumber(parts[2]);
    if (!n || *n != std::floor(*n) || *n < 2 || *n > kMaxValues)
        return "the number of values n must be a whole number from 2 to " +
               std::to_string(kMaxValues) + ", got '" + std::string(parts[2]) + "'";
    if (log && !(*a > 0 && *b > 0)) return "a log range needs a > 0 and b > 0";
    const int count = static_cast<int>(*n);
    // Evenly spaced in value or in log10; the ends are exactly a and b. log10 and pow(10, ·)
    // rather than log and exp, so that powers of ten come out exact (0.001:1:4:log gives 0.01,
    // not 0.009999999999999998).
    const double la = log ? std::log10(*a) : *a, lb = log ? std::log10(*b) : *b;
    for (int i = 0; i < count; ++i) {
        double v = *b;
        if (i < count - 1) {
            const double t = la + (lb - la) * (double(i) / double(count - 1));
            v = i == 0 ? *a : (log ? std::pow(10.0, t) : t);
        }
        out.push_back(v);
    }
    return "";
}

}  // namespace

std::string sweepKeyList() {
    std::string out;
    for (const KeyInfo& k : kKeys) out += (out.empty() ? "" : ", ") + std::string(k.id);
    return out;
}

std::string SweepVariable::valueText(std::size_t i) const {
    if (categorical()) return choices[i];
    const KeyInfo* info = findKey(name);
    if (info && info->whole) return std::to_string(static_cast<long long>(numbers[i]));
    return formatShortest(numbers[i]);
}

VariableParse parseVariable(std::string_view keyText, std::string_view specText) {
    VariableParse r;
    const std::string_view key = trim(keyText), spec = trim(specText);
    const KeyInfo* info = findKey(key);
    if (!info) {
        r.error = "unknown key '" + std::string(key) + "'; valid: " + sweepKeyList();
        return r;
    }
    SweepVariable& v = r.variable;
    v.key = info->key;
    v.name = std::string(key);
    if (v.key == SweepKey::Param) {
        v.paramId = std::string(key.substr(kParamPrefix.size()));
        // A registry parameter, or any name a formula parameter may have (letters, digits and
        // '_', not starting with a digit): whether a layer has it is up to the session.
        bool known = isFormulaParamName(v.paramId);
        for (const ActivationSpec& a : activations()) known = known || a.paramIndex(v.paramId) >= 0;
        if (!known) {
            r.error = "unknown parameter '" + v.paramId + "' in '" + v.name +
                      "'; valid: " + paramIdList() + ", or a formula's parameter";
            return r;
        }
    }
    if (spec.empty()) {
        r.error = "empty SPEC; expected a:b:n, a:b:n:log or a comma list";
        return r;
    }
    if (spec.find(':') != std::string_view::npos) {
        if (info->categorical) {
            r.error = v.name + " takes a comma list of ids (such as relu,gelu,elu), not a range";
            return r;
        }
        if (std::string e = rangeValues(splitAt(spec, ':'), v.numbers); !e.empty()) {
            r.error = e;
            return r;
        }
        if (info->whole) {
            for (double& x : v.numbers) x = std::round(x);
            for (std::size_t i = 1; i < v.numbers.size(); ++i)
                if (v.numbers[i] == v.numbers[i - 1]) {
                    r.error = "the range gives " + v.valueText(i) +
                              " twice once rounded to whole numbers; use fewer values";
                    return r;
                }
        }
    } else {
        const std::vector<std::string_view> items = splitAt(spec, ',');
        if (int(items.size()) > kMaxValues) {
            r.error = "at most " + std::to_string(kMaxValues) + " values";
            return r;
        }
        for (std::string_view item : items) {
            if (item.empty()) {
                r.error = "an empty value in the list '" + std::string(spec) + "'";
                return r;
            }
            if (info->categorical) {
                if (std::string e = checkChoice(v.key, std::string(item)); !e.empty()) {
                    r.error = e;
                    return r;
                }
                v.choices.emplace_back(item);
                continue;
            }
            const std::optional<double> x = parseNumber(item);
            if (!x || !std::isfinite(*x)) {
                r.error = "'" + std::string(item) + "' is not a finite number";
                return r;
            }
            if (info->whole && *x != std::floor(*x)) {
                r.error = v.name + " takes whole numbers, got " + std::string(item);
                return r;
            }
            v.numbers.push_back(*x);
        }
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (v.categorical() ? v.choices[i] == v.choices[j] : v.numbers[i] == v.numbers[j]) {
                r.error = "the value " + v.valueText(i) + " appears twice";
                return r;
            }
        if (v.categorical()) continue;
        const double x = v.numbers[i];
        if (x < info->lo || x > info->hi || (info->loOpen && x == info->lo)) {
            r.error = v.name + " must be in " + rangeText(*info) + ", got " + v.valueText(i);
            return r;
        }
    }
    return r;
}

bool splitVary(std::string_view text, VarySpec& out) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos) return false;
    out.key = std::string(trim(text.substr(0, eq)));
    out.spec = std::string(trim(text.substr(eq + 1)));
    return true;
}

std::string validate(const SweepSettings& s) {
    if (s.vary.empty() || int(s.vary.size()) > kMaxVariables)
        return "vary: give 1 or " + std::to_string(kMaxVariables) + " settings to vary, got " +
               std::to_string(s.vary.size());
    for (std::size_t i = 0; i < s.vary.size(); ++i) {
        const std::string at = "vary[" + std::to_string(i) + "]";
        const VariableParse p = parseVariable(s.vary[i].key, s.vary[i].spec);
        if (!p.ok()) return at + (findKey(trim(s.vary[i].key)) ? ".spec: " : ".key: ") + p.error;
        for (std::size_t j = 0; j < i; ++j)
            if (trim(s.vary[j].key) == trim(s.vary[i].key))
                return at + ".key: '" + p.variable.name + "' is already varied";
    }
    if (s.seeds < 1 || s.seeds > kMaxSeeds)
        return "seeds: must be in [1, " + std::to_string(kMaxSeeds) + "], got " +
               std::to_string(s.seeds);
    if (s.epochs < 0 || s.epochs > kMaxEpochs)
        return "epochs: must be in [0, " + std::to_string(kMaxEpochs) + "], got " +
               std::to_string(s.epochs);
    const double t = s.target.value;
    if (s.target.metric == TargetMetric::TestLoss && !(std::isfinite(t) && t >= 0))
        return "target.value: a test loss target must be a finite number ≥ 0, got " +
               formatNumber(t);
    if (s.target.metric == TargetMetric::TestAccuracy && !(t >= 0 && t <= 1))
        return "target.value: an accuracy target is a fraction in [0, 1], got " + formatNumber(t);
    return "";
}

std::vector<SweepVariable> parseVariables(const SweepSettings& s) {
    std::vector<SweepVariable> out;
    for (const VarySpec& v : s.vary) out.push_back(parseVariable(v.key, v.spec).variable);
    return out;
}

std::string_view targetMetricId(TargetMetric metric) {
    switch (metric) {
        case TargetMetric::TestLoss: return "test_loss";
        case TargetMetric::TestAccuracy: return "test_accuracy";
        case TargetMetric::None: break;
    }
    return "none";
}

std::optional<TargetMetric> targetMetricFromId(std::string_view id) {
    if (id == "test_loss") return TargetMetric::TestLoss;
    if (id == "test_accuracy") return TargetMetric::TestAccuracy;
    return std::nullopt;
}

}  // namespace actlab::sweep
