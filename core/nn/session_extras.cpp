#include "session_extras.h"

#include <cmath>
#include <limits>
#include <set>

#include "activations/registry.h"
#include "session_state.h"
#include "util/number_format.h"

namespace actlab::nn::detail {

namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw SessionFieldError{path + ": " + what};
}

std::string at(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

/// One object's fields, each named by its path; keys never read are refused by finish().
class Fields {
public:
    Fields(const Json& j, std::string path) : m_j(j), m_path(std::move(path)) {
        if (!m_j.is_object()) fail(m_path, "expected an object");
    }
    std::string sub(const std::string& key) const { return m_path + "." + key; }
    bool has(const std::string& key) const { return m_j.contains(key); }
    const Json& raw(const std::string& key) {
        m_used.insert(key);
        if (!m_j.contains(key)) fail(sub(key), "missing");
        return m_j.at(key);
    }
    double number(const std::string& key, double lo, double hi) {
        const Json& v = raw(key);
        if (!v.is_number()) fail(sub(key), "expected a number");
        const double d = v.get<double>();
        if (!(d >= lo && d <= hi))
            fail(sub(key), "must be in [" + formatNumber(lo, 6) + ", " + formatNumber(hi, 6) + "]");
        return d;
    }
    int integer(const std::string& key, int lo, int hi) {
        const Json& v = raw(key);
        if (!v.is_number_integer()) fail(sub(key), "expected an integer");
        const long long i = v.is_number_unsigned() && v.get<unsigned long long>() > (1ULL << 62)
                                ? (long long)hi + 1
                                : v.get<long long>();
        if (i < lo || i > hi)
            fail(sub(key), "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        return int(i);
    }
    std::string string(const std::string& key) {
        const Json& v = raw(key);
        if (!v.is_string()) fail(sub(key), "expected a string");
        return v.get<std::string>();
    }
    void finish() const {
        for (const auto& [key, value] : m_j.items())
            if (!m_used.count(key)) fail(sub(key), "unknown field");
    }

private:
    const Json& m_j;
    std::string m_path;
    std::set<std::string> m_used;
};

const Json& array(const Json& j, const std::string& path) {
    if (!j.is_array()) fail(path, "expected an array");
    return j;
}

double finite(const Json& j, const std::string& path) {
    if (!j.is_number()) fail(path, "expected a number");
    const double d = j.get<double>();
    if (!std::isfinite(d)) fail(path, "must be finite");
    return d;
}

ClaimMetric metric(Fields& f, const std::string& key) {
    const std::string id = f.string(key);
    const std::optional<ClaimMetric> m = claimMetricFromId(id);
    if (!m)
        fail(f.sub(key), "unknown metric '" + id +
                             "'; valid: train_loss, test_loss, train_acc, test_acc, dead_percent, "
                             "grad_ratio, std_min, std_max, std_spread, best_train_loss, "
                             "max_loss_rise");
    return *m;
}

std::vector<Feature> readFeatures(const Json& j, const std::string& path) {
    std::vector<Feature> out;
    array(j, path);
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::optional<Feature> f =
            j[i].is_string() ? featureFromId(j[i].get<std::string>()) : std::nullopt;
        if (!f) fail(at(path, i), "expected a feature id (x, y, xSquared, ySquared, xTimesY, "
                                  "sinX, sinY)");
        out.push_back(*f);
    }
    if (canonicalFeatures(out) != out)
        fail(path, "list each feature once, in the order x, y, xSquared, ySquared, xTimesY, sinX, "
                   "sinY");
    return out;
}

ClaimVariant readVariant(const Json& j, const std::string& path) {
    Fields f(j, path);
    ClaimVariant v;
    if (f.has("optimizer")) {
        const std::string id = f.string("optimizer");
        v.optimizer = optimizerFromId(id);
        if (!v.optimizer) fail(f.sub("optimizer"), "unknown value '" + id + "'; valid: sgd, momentum, adam");
    }
    if (f.has("learningRate")) v.learningRate = f.number("learningRate", 1e-7, 100);
    if (f.has("init")) {
        const std::string id = f.string("init");
        v.init = initFromId(id);
        if (!v.init) fail(f.sub("init"), "unknown value '" + id + "'; valid: playground, xavier, he, lecun");
    }
    if (f.has("epsilon")) v.epsilon = f.number("epsilon", 1e-12, 0.1);
    if (f.has("batchSize")) v.batchSize = f.integer("batchSize", 1, 1000);
    if (f.has("features")) v.features = readFeatures(f.raw("features"), f.sub("features"));
    if (f.has("layers")) {
        const std::string lp = f.sub("layers");
        const Json& layers = array(f.raw("layers"), lp);
        if (layers.size() > std::size_t(kMaxHiddenLayers)) fail(lp, "at most 8 hidden layers");
        v.layers.emplace();
        for (std::size_t i = 0; i < layers.size(); ++i) {
            Fields l(layers[i], at(lp, i));
            LayerSpec spec;
            spec.neurons = l.integer("neurons", 1, kMaxNeurons);
            spec.activation = l.string("activation");
            const ActivationSpec* act = findActivation(spec.activation);
            if (!act) fail(l.sub("activation"), "unknown activation '" + spec.activation + "'");
            spec.params = act->defaults();
            l.finish();
            v.layers->push_back(spec);
        }
    }
    f.finish();
    return v;
}

Claim readClaim(const Json& j, const std::string& path) {
    Fields f(j, path);
    Claim c;
    Fields text(f.raw("text"), f.sub("text"));
    c.textEn = text.string("en");
    if (text.has("zh")) c.textZh = text.string("zh");
    text.finish();
    c.network = f.string("network");
    c.metric = metric(f, "metric");
    const std::string op = f.string("op");
    const std::optional<ClaimOp> o = claimOpFromId(op);
    if (!o) fail(f.sub("op"), "unknown value '" + op + "'; valid: <, <=, >, >=");
    c.op = *o;
    if (f.has("value") == f.has("than")) fail(path, "give exactly one of 'value' and 'than'");
    if (f.has("value")) {
        c.value = finite(f.raw("value"), f.sub("value"));
    } else {
        Fields than(f.raw("than"), f.sub("than"));
        c.thanNetwork = than.string("network");
        c.thanMetric = metric(than, "metric");
        if (than.has("factor")) c.thanFactor = than.number("factor", 1e-12, 1e12);
        than.finish();
    }
    const std::string ep = f.sub("epochs");
    const Json& epochs = array(f.raw("epochs"), ep);
    if (epochs.size() != 2 || !epochs[0].is_number_integer() || !epochs[1].is_number_integer())
        fail(ep, "expected [first, last], two integers");
    const long long a = epochs[0].get<long long>(), b = epochs[1].get<long long>();
    if (a < 1 || b < a || b > kClaimMaxEpoch)
        fail(ep, "expected 1 ≤ first ≤ last ≤ " + std::to_string(kClaimMaxEpoch));
    c.firstEpoch = int(a);
    c.lastEpoch = int(b);
    c.seeds = f.has("seeds") ? f.integer("seeds", 1, kClaimMaxSeeds) : 1;
    c.atLeast = f.has("atLeast") ? f.integer("atLeast", 1, c.seeds) : c.seeds;
    if (f.has("variant")) c.variant = readVariant(f.raw("variant"), f.sub("variant"));
    f.finish();
    return c;
}

Json claimJson(const Claim& c) {
    Json text = {{"en", c.textEn}};
    if (!c.textZh.empty()) text["zh"] = c.textZh;
    Json j = {{"text", text},
              {"network", c.network},
              {"metric", claimMetricId(c.metric)},
              {"op", claimOpId(c.op)}};
    if (c.comparesNetworks()) {
        j["than"] = {{"network", c.thanNetwork}, {"metric", claimMetricId(c.thanMetric)}};
        if (c.thanFactor != 1) j["than"]["factor"] = c.thanFactor;
    } else {
        j["value"] = *c.value;
    }
    j["epochs"] = {c.firstEpoch, c.lastEpoch};
    j["seeds"] = c.seeds;
    j["atLeast"] = c.atLeast;
    if (!c.variant.empty()) {
        const ClaimVariant& v = c.variant;
        Json vj = Json::object();
        if (v.optimizer) vj["optimizer"] = optimizerId(*v.optimizer);
        if (v.learningRate) vj["learningRate"] = *v.learningRate;
        if (v.init) vj["init"] = initId(*v.init);
        if (v.epsilon) vj["epsilon"] = *v.epsilon;
        if (v.batchSize) vj["batchSize"] = *v.batchSize;
        if (v.features) {
            vj["features"] = Json::array();
            for (Feature feat : *v.features) vj["features"].push_back(featureId(feat));
        }
        if (v.layers) {
            vj["layers"] = Json::array();
            for (const LayerSpec& l : *v.layers)
                vj["layers"].push_back({{"neurons", l.neurons}, {"activation", l.activation}});
        }
        j["variant"] = vj;
    }
    return j;
}

// A history's series: numbers, with null for NaN (JSON has no NaN).
std::vector<double> readSeries(const Json& j, const std::string& path) {
    std::vector<double> out;
    array(j, path);
    for (std::size_t i = 0; i < j.size(); ++i)
        out.push_back(j[i].is_null() ? std::numeric_limits<double>::quiet_NaN()
                                     : finite(j[i], at(path, i)));
    return out;
}

Json seriesJson(const std::vector<double>& v) {
    Json a = Json::array();
    for (double d : v) a.push_back(std::isfinite(d) ? Json(d) : Json(nullptr));
    return a;
}

LossHistory readHistory(const Json& j, const std::string& path, int lastEpoch) {
    Fields f(j, path);
    LossHistory h;
    const Json& epochs = array(f.raw("epochs"), f.sub("epochs"));
    for (std::size_t i = 0; i < epochs.size(); ++i) {
        if (!epochs[i].is_number_integer() || epochs[i].get<long long>() < 0 ||
            epochs[i].get<long long>() > (1LL << 30))
            fail(at(f.sub("epochs"), i), "expected an epoch (an integer ≥ 0)");
        h.epochs.push_back(int(epochs[i].get<long long>()));
    }
    h.trainLoss = readSeries(f.raw("trainLoss"), f.sub("trainLoss"));
    h.testLoss = readSeries(f.raw("testLoss"), f.sub("testLoss"));
    const std::vector<double> none(h.epochs.size(), std::numeric_limits<double>::quiet_NaN());
    h.trainAccuracy = f.has("trainAccuracy") ? readSeries(f.raw("trainAccuracy"), f.sub("trainAccuracy")) : none;
    h.testAccuracy = f.has("testAccuracy") ? readSeries(f.raw("testAccuracy"), f.sub("testAccuracy")) : none;
    f.finish();
    if (const std::string e = validate(h, lastEpoch); !e.empty()) fail(path, e);
    return h;
}

Json historyJson(const LossHistory& h) {
    Json j = {{"epochs", h.epochs},
              {"trainLoss", seriesJson(h.trainLoss)},
              {"testLoss", seriesJson(h.testLoss)}};
    const auto anyFinite = [](const std::vector<double>& v) {
        for (double d : v)
            if (std::isfinite(d)) return true;
        return false;
    };
    // Regression has no accuracy: the series are left out rather than written as nulls.
    if (anyFinite(h.trainAccuracy)) j["trainAccuracy"] = seriesJson(h.trainAccuracy);
    if (anyFinite(h.testAccuracy)) j["testAccuracy"] = seriesJson(h.testAccuracy);
    return j;
}

/// Moments in the weights format: one {w, b, learnable} per layer.
std::vector<std::vector<double>> slots(const std::vector<LayerParams>& layers) {
    std::vector<std::vector<double>> out;
    for (const LayerParams& l : layers) {
        out.push_back(l.w);
        out.push_back(l.b);
        out.push_back(l.learnable);
    }
    return out;
}

std::vector<LayerParams> layersOf(const std::vector<std::vector<double>>& s, const Mlp& shape) {
    std::vector<LayerParams> out;
    for (std::size_t l = 0; l < shape.layers().size(); ++l) {
        const LayerParams& p = shape.layers()[l];
        out.push_back({p.in, p.out, s[3 * l], s[3 * l + 1], s[3 * l + 2]});
    }
    return out;
}

OptimizerMoments readMoments(const Json& j, const std::string& path, const Mlp& shape) {
    Fields f(j, path);
    OptimizerMoments m;
    m.steps = f.integer("steps", 1, std::numeric_limits<int>::max());
    m.m = slots(readLayerParams(f.raw("m"), shape, f.sub("m")));
    if (f.has("v")) {
        m.v = slots(readLayerParams(f.raw("v"), shape, f.sub("v")));
    } else {  // momentum keeps no second moment; zeros are what the trainer holds
        m.v = m.m;
        for (auto& a : m.v) std::fill(a.begin(), a.end(), 0.0);
    }
    f.finish();
    return m;
}

Json momentsJson(const OptimizerMoments& m, const Mlp& shape) {
    Json j = {{"steps", m.steps}, {"m", layerParamsJson(layersOf(m.m, shape))}};
    bool zero = true;
    for (const auto& a : m.v)
        for (double d : a) zero = zero && d == 0;
    if (!zero) j["v"] = layerParamsJson(layersOf(m.v, shape));
    return j;
}

TrainedState readState(const Json& j, const std::string& path, const Session& member) {
    Fields f(j, path);
    TrainedState t;
    t.epoch = f.integer("epoch", 0, 1 << 30);
    const Mlp shape(member.network);
    t.weights = readLayerParams(f.raw("weights"), shape, f.sub("weights"));
    if (f.has("history")) t.history = readHistory(f.raw("history"), f.sub("history"), t.epoch);
    if (f.has("optimizerState"))
        t.optimizer = readMoments(f.raw("optimizerState"), f.sub("optimizerState"), shape);
    f.finish();
    return t;
}

}  // namespace

std::vector<LayerParams> readLayerParams(const Json& j, const Mlp& shape, const std::string& path) {
    array(j, path);
    if (j.size() != shape.layers().size())
        fail(path, "expected " + std::to_string(shape.layers().size()) +
                       " layers (hidden layers and the output), found " + std::to_string(j.size()));
    std::vector<LayerParams> out;
    for (std::size_t l = 0; l < j.size(); ++l) {
        const std::string lp = at(path, l);
        const LayerParams& want = shape.layers()[l];
        Fields r(j[l], lp);
        LayerParams p{want.in, want.out, {}, {}, {}};
        const Json& w = array(r.raw("w"), lp + ".w");
        if (int(w.size()) != want.out)
            fail(lp + ".w", "expected " + std::to_string(want.out) + " rows (one per neuron)");
        for (std::size_t row = 0; row < w.size(); ++row) {
            const std::string rp = at(lp + ".w", row);
            array(w[row], rp);
            if (int(w[row].size()) != want.in)
                fail(rp, "expected " + std::to_string(want.in) + " weights (one per input)");
            for (std::size_t i = 0; i < w[row].size(); ++i) p.w.push_back(finite(w[row][i], at(rp, i)));
        }
        const Json& b = array(r.raw("b"), lp + ".b");
        if (int(b.size()) != want.out)
            fail(lp + ".b", "expected " + std::to_string(want.out) + " biases");
        for (std::size_t i = 0; i < b.size(); ++i) p.b.push_back(finite(b[i], at(lp + ".b", i)));
        if (r.has("learnable")) {
            const Json& a = array(r.raw("learnable"), lp + ".learnable");
            if (a.size() != want.learnable.size())
                fail(lp + ".learnable", "expected " + std::to_string(want.learnable.size()) +
                                            " values for this layer's activation");
            for (std::size_t i = 0; i < a.size(); ++i)
                p.learnable.push_back(finite(a[i], at(lp + ".learnable", i)));
        } else {
            p.learnable = want.learnable;
        }
        r.finish();
        out.push_back(std::move(p));
    }
    return out;
}

Json layerParamsJson(const std::vector<LayerParams>& layers) {
    Json w = Json::array();
    for (const LayerParams& l : layers) {
        Json rows = Json::array();
        for (int r = 0; r < l.out; ++r)
            rows.push_back(std::vector<double>(l.w.begin() + long(r) * l.in,
                                               l.w.begin() + long(r + 1) * l.in));
        Json layer = {{"w", rows}, {"b", l.b}};
        if (!l.learnable.empty()) layer["learnable"] = l.learnable;
        w.push_back(layer);
    }
    return w;
}

void readLessonFields(const Json& top, Session& s) {
    if (top.contains("stopAtEpoch")) {
        const Json& v = top.at("stopAtEpoch");
        if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > kClaimMaxEpoch)
            fail("stopAtEpoch", "expected an integer in [1, " + std::to_string(kClaimMaxEpoch) + "]");
        s.stopAtEpoch = int(v.get<long long>());
    }
    if (top.contains("claims")) {
        const Json& claims = array(top.at("claims"), "claims");
        for (std::size_t i = 0; i < claims.size(); ++i) s.claims.push_back(readClaim(claims[i], at("claims", i)));
    }
    if (const std::string e = validateExtras(s); !e.empty()) throw SessionFieldError{e};
}

void readTrainedFields(const Json& top, Session& s) {
    if (top.contains("history")) s.history = readHistory(top.at("history"), "history", s.epoch);
    if (top.contains("optimizerState"))
        s.optimizerState = readMoments(top.at("optimizerState"), "optimizerState", Mlp(s.network));
    if (top.contains("compareWeights")) {
        const Json& c = top.at("compareWeights");
        if (!c.is_object()) fail("compareWeights", "expected an object: compare id → trained state");
        for (const auto& [id, state] : c.items()) {
            const std::string path = "compareWeights." + id;
            const CompareMember* member = memberByLabel(s.compare, id);
            if (!member) fail(path, "'" + id + "' is not in compare");
            s.compareWeights[id] = readState(state, path, compareMember(s, *member));
        }
    }
}

void writeLessonFields(const Session& s, Json& j) {
    if (s.stopAtEpoch > 0) j["stopAtEpoch"] = s.stopAtEpoch;
    if (s.claims.empty()) return;
    Json claims = Json::array();
    for (const Claim& c : s.claims) claims.push_back(claimJson(c));
    j["claims"] = claims;
}

void writeTrainedFields(const Session& s, Json& j) {
    if (!s.history.empty()) j["history"] = historyJson(s.history);
    if (s.optimizerState) j["optimizerState"] = momentsJson(*s.optimizerState, Mlp(s.network));
    if (s.compareWeights.empty()) return;
    Json c = Json::object();
    for (const CompareMember& member : s.compare) {  // in the order of `compare`
        const std::string id = memberLabel(member);
        const auto it = s.compareWeights.find(id);
        if (it == s.compareWeights.end()) continue;
        const TrainedState& t = it->second;
        Json entry = {{"epoch", t.epoch}, {"weights", layerParamsJson(t.weights)}};
        if (!t.history.empty()) entry["history"] = historyJson(t.history);
        if (t.optimizer)
            entry["optimizerState"] = momentsJson(*t.optimizer, Mlp(compareMember(s, member).network));
        c[id] = entry;
    }
    j["compareWeights"] = c;
}

std::string validateExtras(const Session& s) {
    if (s.stopAtEpoch < 0 || s.stopAtEpoch > kClaimMaxEpoch)
        return "stopAtEpoch: must be in [0, " + std::to_string(kClaimMaxEpoch) + "]";
    const bool regression = s.points ? s.points->numClasses == 0 : isRegression(s.generator.kind);
    const auto known = [&](const std::string& id) {
        return id == "main" || memberByLabel(s.compare, id) != nullptr;
    };
    const auto fits = [&](ClaimMetric m, const NetworkSpec& net) -> std::string {
        if (regression && (m == ClaimMetric::TrainAccuracy || m == ClaimMetric::TestAccuracy))
            return "accuracy is not defined for regression data";
        if (net.hidden.empty() && (m == ClaimMetric::GradRatio || needsLayerStatistics(m)))
            return std::string(claimMetricId(m)) + " needs a hidden layer";
        return "";
    };
    for (std::size_t i = 0; i < s.claims.size(); ++i) {
        const Claim& c = s.claims[i];
        const std::string p = at("claims", i);
        if (c.textEn.empty()) return p + ".text.en: must not be empty";
        if (!known(c.network))
            return p + ".network: '" + c.network + "' is neither main nor in compare";
        if (c.comparesNetworks() == c.value.has_value())
            return p + ": give exactly one of 'value' and 'than'";
        if (c.value && !std::isfinite(*c.value)) return p + ".value: must be finite";
        if (!(c.thanFactor > 0) || !std::isfinite(c.thanFactor))
            return p + ".than.factor: must be a positive number";
        if (c.comparesNetworks() && !known(c.thanNetwork))
            return p + ".than.network: '" + c.thanNetwork + "' is neither main nor in compare";
        if (c.firstEpoch < 1 || c.lastEpoch < c.firstEpoch || c.lastEpoch > kClaimMaxEpoch)
            return p + ".epochs: expected 1 ≤ first ≤ last ≤ " + std::to_string(kClaimMaxEpoch);
        if (c.seeds < 1 || c.seeds > kClaimMaxSeeds) return p + ".seeds: must be in [1, 100]";
        if (c.atLeast < 1 || c.atLeast > c.seeds) return p + ".atLeast: must be in [1, seeds]";
        Session v = withVariant(untrainedSession(s), c.variant);
        v.claims.clear();  // validated here, one by one (validate(v) would recurse)
        if (!c.variant.empty())
            if (const std::string e = validate(v); !e.empty()) return p + ".variant: " + e;
        if (std::string e = fits(c.metric, networkSession(v, c.network).network); !e.empty())
            return p + ".metric: " + e;
        if (c.comparesNetworks())
            if (std::string e = fits(c.thanMetric, networkSession(v, c.thanNetwork).network);
                !e.empty())
                return p + ".than.metric: " + e;
    }
    if (const std::string e = validate(s.history, s.epoch); !e.empty()) return "history: " + e;
    if (s.optimizerState)
        if (const std::string e = validateMoments(*s.optimizerState, Mlp(s.network)); !e.empty())
            return "optimizerState: " + e;
    for (const auto& [id, t] : s.compareWeights) {
        const std::string p = "compareWeights." + id;
        const CompareMember* member = memberByLabel(s.compare, id);
        if (!member) return p + ": '" + id + "' is not in compare";
        const Mlp shape(compareMember(s, *member).network);
        if (t.weights.size() != shape.layers().size()) return p + ".weights: wrong number of layers";
        for (std::size_t l = 0; l < t.weights.size(); ++l) {
            const LayerParams& w = t.weights[l];
            const LayerParams& want = shape.layers()[l];
            if (w.in != want.in || w.out != want.out || w.w.size() != want.w.size() ||
                w.b.size() != want.b.size() || w.learnable.size() != want.learnable.size())
                return p + ".weights[" + std::to_string(l) + "]: shape does not match the network";
        }
        if (t.epoch < 0) return p + ".epoch: must not be negative";
        if (const std::string e = validate(t.history, t.epoch); !e.empty()) return p + ".history: " + e;
        if (t.optimizer)
            if (const std::string e = validateMoments(*t.optimizer, shape); !e.empty())
                return p + ".optimizerState: " + e;
    }
    return "";
}

}  // namespace actlab::nn::detail
