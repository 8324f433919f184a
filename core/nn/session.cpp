#include "session.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "activations/registry.h"
#include "session_extras.h"

namespace actlab::nn {

using Json = nlohmann::ordered_json;

namespace {

/// Thrown while reading; carries the message that names the field.
struct SessionError {
    std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw SessionError{(path.empty() ? std::string("document") : path) + ": " + what};
}

/// Reads one JSON object field by field, naming every problem by its path, and rejects keys it
/// does not know (a misspelt key would otherwise be silently ignored).
class ObjectReader {
public:
    ObjectReader(const Json& j, std::string path) : m_j(j), m_path(std::move(path)) {
        if (!m_j.is_object()) fail(m_path, "expected an object");
    }
    ~ObjectReader() = default;

    bool has(const std::string& key) const { return m_j.contains(key); }
    const Json& raw(const std::string& key) {
        m_used.insert(key);
        if (!m_j.contains(key)) fail(sub(key), "missing");
        return m_j.at(key);
    }
    std::string sub(const std::string& key) const {
        return m_path.empty() ? key : m_path + "." + key;
    }
    double number(const std::string& key, double lo, double hi) {
        const Json& v = raw(key);
        if (!v.is_number()) fail(sub(key), "expected a number");
        const double d = v.get<double>();
        if (!(d >= lo && d <= hi) || !std::isfinite(d))
            fail(sub(key), "must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(d));
        return d;
    }
    double number(const std::string& key, double lo, double hi, double fallback) {
        return has(key) ? number(key, lo, hi) : fallback;
    }
    long long integer(const std::string& key, long long lo, long long hi) {
        const Json& v = raw(key);
        if (!v.is_number_integer()) fail(sub(key), "expected an integer");
        const long long i = v.is_number_unsigned() && v.get<unsigned long long>() > (1ULL << 62)
                                ? hi + 1
                                : v.get<long long>();
        if (i < lo || i > hi)
            fail(sub(key), "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        return i;
    }
    std::string string(const std::string& key) {
        const Json& v = raw(key);
        if (!v.is_string()) fail(sub(key), "expected a string");
        return v.get<std::string>();
    }
    std::string string(const std::string& key, const std::string& fallback) {
        return has(key) ? string(key) : fallback;
    }
    /// Fails on keys that were never read.
    void finish() const {
        for (const auto& [key, value] : m_j.items())
            if (!m_used.count(key)) fail(sub(key), "unknown field");
    }

private:
    static std::string fmt(double d) {
        std::ostringstream s;
        s << d;
        return s.str();
    }
    const Json& m_j;
    std::string m_path;
    std::set<std::string> m_used;
};

template <class E>
E choice(ObjectReader& r, const std::string& key, std::optional<E> (*parse)(std::string_view),
         const char* valid) {
    const std::string id = r.string(key);
    const std::optional<E> e = parse(id);
    if (!e) fail(r.sub(key), "unknown value '" + id + "'; valid: " + valid);
    return *e;
}

const Json& array(const Json& j, const std::string& path) {
    if (!j.is_array()) fail(path, "expected an array");
    return j;
}

double finiteNumber(const Json& j, const std::string& path) {
    if (!j.is_number()) fail(path, "expected a number");
    const double d = j.get<double>();
    if (!std::isfinite(d)) fail(path, "must be finite");
    return d;
}

std::vector<Point> readPoints(const Json& j, const std::string& path) {
    std::vector<Point> points;
    array(j, path);
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string p = path + "[" + std::to_string(i) + "]";
        if (!j[i].is_array() || j[i].size() != 3) fail(p, "expected [x, y, label]");
        const double x = finiteNumber(j[i][0], p + "[0]"), y = finiteNumber(j[i][1], p + "[1]");
        if (std::fabs(x) > kCoordinateLimit || std::fabs(y) > kCoordinateLimit)
            fail(p, "point is outside [-1000, 1000]²");
        points.push_back({x, y, finiteNumber(j[i][2], p + "[2]")});
    }
    return points;
}

void readData(ObjectReader& top, Session& s) {
    ObjectReader r(top.raw("data"), "data");
    if (r.has("generator") == r.has("points"))
        fail("data", "give exactly one of 'generator' and 'points'");
    if (r.has("generator")) {
        ObjectReader g(r.raw("generator"), "data.generator");
        s.generator.kind = choice<DatasetKind>(
            g, "kind", &datasetFromId,
            "circle, xor, gaussians, spiral, moons, blobs, multi_spiral, plane, multi_gaussian");
        s.generator.numPoints = int(g.integer("points", 10, 5000));
        s.generator.noisePercent = int(g.has("noisePercent") ? g.integer("noisePercent", 0, 50) : 0);
        s.generator.trainPercent = int(g.has("trainPercent") ? g.integer("trainPercent", 10, 90) : 50);
        s.generator.classes = int(g.has("classes") ? g.integer("classes", 3, 5) : 3);
        s.generator.seed = g.has("seed") ? std::uint64_t(g.integer("seed", 0, 1LL << 53)) : s.seed;
        g.finish();
    } else {
        ObjectReader p(r.raw("points"), "data.points");
        Dataset d;
        d.numClasses = int(p.integer("classes", 0, 5));
        if (d.numClasses == 1) fail("data.points.classes", "must be 0 (regression), 2, 3, 4 or 5");
        d.train = readPoints(p.raw("train"), "data.points.train");
        d.test = readPoints(p.has("test") ? p.raw("test") : Json::array(), "data.points.test");
        if (d.train.empty()) fail("data.points.train", "needs at least one point");
        for (const auto* set : {&d.train, &d.test})
            for (const Point& pt : *set) {
                const bool ok = d.numClasses == 0 ||
                                (d.numClasses == 2 ? (pt.label == 1 || pt.label == -1)
                                                   : (pt.label >= 0 && pt.label < d.numClasses &&
                                                      pt.label == std::floor(pt.label)));
                if (!ok)
                    fail("data.points", "label " + std::to_string(pt.label) +
                                            " does not fit classes = " +
                                            std::to_string(d.numClasses) +
                                            " (binary labels are -1 and 1)");
            }
        s.points = std::move(d);
        p.finish();
    }
    r.finish();
}

ParamValues readParams(const Json& j, const ActivationSpec& act, const std::string& path) {
    ParamValues v = act.defaults();
    if (!j.is_object()) fail(path, "expected an object of parameter values");
    for (const auto& [key, value] : j.items()) {
        const int index = act.paramIndex(key);
        if (index < 0) {
            std::string valid;
            for (const ParamSpec& p : act.params) valid += (valid.empty() ? "" : ", ") + std::string(p.id);
            fail(path + "." + key, "unknown parameter of " + std::string(act.id) +
                                       "; valid: " + (valid.empty() ? "none" : valid));
        }
        v[std::size_t(index)] = finiteNumber(value, path + "." + key);
    }
    return v;
}

void readNetwork(ObjectReader& top, Session& s) {
    ObjectReader r(top.raw("network"), "network");
    s.network.features.clear();
    const Json& feats = array(r.raw("features"), "network.features");
    for (std::size_t i = 0; i < feats.size(); ++i) {
        const std::string p = "network.features[" + std::to_string(i) + "]";
        if (!feats[i].is_string()) fail(p, "expected a feature id");
        const std::optional<Feature> f = featureFromId(feats[i].get<std::string>());
        if (!f) fail(p, "unknown feature '" + feats[i].get<std::string>() +
                            "'; valid: x, y, xSquared, ySquared, xTimesY, sinX, sinY");
        s.network.features.push_back(*f);
    }
    if (canonicalFeatures(s.network.features) != s.network.features)
        fail("network.features", "list each feature once, in the order x, y, xSquared, "
                                 "ySquared, xTimesY, sinX, sinY");
    const Json& layers = array(r.raw("layers"), "network.layers");
    if (layers.size() > kMaxHiddenLayers) fail("network.layers", "at most 8 hidden layers");
    s.network.hidden.clear();
    for (std::size_t i = 0; i < layers.size(); ++i) {
        const std::string path = "network.layers[" + std::to_string(i) + "]";
        ObjectReader l(layers[i], path);
        LayerSpec spec;
        spec.neurons = int(l.integer("neurons", 1, kMaxNeurons));
        spec.activation = l.string("activation");
        const ActivationSpec* act = findActivation(spec.activation);
        if (!act)
            fail(path + ".activation",
                 "unknown activation '" + spec.activation + "'; valid: " + activationIdList());
        spec.params = l.has("params") ? readParams(l.raw("params"), *act, path + ".params")
                                      : act->defaults();
        if (std::string problem = act->validate(spec.params); !problem.empty())
            fail(path + ".params", problem);
        const std::string mode = l.string("preluMode", "layer");
        if (mode != "layer" && mode != "neuron")
            fail(path + ".preluMode", "unknown value '" + mode + "'; valid: layer, neuron");
        spec.preluMode = mode == "neuron" ? PReluMode::PerNeuron : PReluMode::PerLayer;
        l.finish();
        s.network.hidden.push_back(spec);
    }
    s.network.output = choice<OutputKind>(r, "output", &outputFromId,
                                          "tanh_square, sigmoid_bce, softmax_ce, linear_square");
    s.init = choice<InitKind>(r, "init", &initFromId, "playground, xavier, he, lecun");
    r.finish();
}

void readTraining(ObjectReader& top, Session& s) {
    ObjectReader r(top.raw("training"), "training");
    TrainingConfig& c = s.training;
    c.mode = r.has("mode") ? choice<TrainingMode>(r, "mode", &modeFromId, "standard, playground")
                           : TrainingMode::Standard;
    ObjectReader o(r.raw("optimizer"), "training.optimizer");
    c.optimizer = choice<OptimizerKind>(o, "kind", &optimizerFromId, "sgd, momentum, adam");
    c.learningRate = o.number("learningRate", 1e-7, 100);
    c.momentum = o.number("momentum", 0, 0.999999, 0.9);
    c.beta1 = o.number("beta1", 0, 0.999999, 0.9);
    c.beta2 = o.number("beta2", 0, 0.999999999, 0.999);
    c.epsilon = o.number("epsilon", 1e-12, 0.1, 1e-8);
    o.finish();
    c.batchSize = int(r.integer("batchSize", 1, 1000));
    if (r.has("regularization")) {
        ObjectReader g(r.raw("regularization"), "training.regularization");
        c.regularization = choice<Regularization>(g, "kind", &regularizationFromId, "none, l1, l2");
        c.regularizationRate = g.number("rate", 0, 10, 0);
        g.finish();
    }
    r.finish();
}

std::vector<LayerParams> readWeights(const Json& j, const Mlp& shape) {
    return detail::readLayerParams(j, shape, "weights");
}

Json pointsJson(const std::vector<Point>& pts) {
    Json a = Json::array();
    for (const Point& p : pts) a.push_back({p.x, p.y, p.label});
    return a;
}

}  // namespace

std::string validate(const Session& s) {
    const int classes = s.points ? s.points->numClasses
                        : isRegression(s.generator.kind) ? 0
                        : isMultiClass(s.generator.kind) ? s.generator.classes
                                                         : 2;
    if (!s.points)
        if (std::string e = validate(s.generator); !e.empty()) return "data.generator: " + e;
    if (std::string e = validate(s.network, classes); !e.empty()) return "network: " + e;
    if (std::string e = validate(s.training, s.network); !e.empty()) return "training: " + e;
    if (s.weights) {
        const Mlp shape(s.network);
        if (s.weights->size() != shape.layers().size()) return "weights: wrong number of layers";
        for (std::size_t l = 0; l < s.weights->size(); ++l) {
            const LayerParams& w = (*s.weights)[l];
            const LayerParams& want = shape.layers()[l];
            if (w.in != want.in || w.out != want.out || w.w.size() != want.w.size() ||
                w.b.size() != want.b.size() || w.learnable.size() != want.learnable.size())
                return "weights[" + std::to_string(l) + "]: shape does not match the network";
        }
    }
    return detail::validateExtras(s);
}

SessionLoad parseSession(std::string_view text) {
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::exception& e) {  // syntax errors, and numbers such as 2e308 (overflow)
        return {{}, std::string("not valid JSON (the file may be truncated): ") + e.what()};
    }
    try {
        Session s;
        ObjectReader top(j, "");
        if (top.string("format") != kSessionFormat)
            fail("format", "expected \"" + std::string(kSessionFormat) + "\"");
        const long long version = top.integer("version", 1, 1000000);
        if (version > kSessionVersion)
            fail("version", "this file is version " + std::to_string(version) +
                                "; this Activation Lab reads up to version " +
                                std::to_string(kSessionVersion));
        // A title is one string, or {"en", "zh"} like the description (lessons).
        if (top.has("title") && top.raw("title").is_object()) {
            ObjectReader t(top.raw("title"), "title");
            s.title = t.string("en", "");
            s.titleZh = t.string("zh", "");
            t.finish();
        } else {
            s.title = top.string("title", "");
        }
        if (top.has("description")) {
            ObjectReader d(top.raw("description"), "description");
            s.descriptionEn = d.string("en", "");
            s.descriptionZh = d.string("zh", "");
            d.finish();
        }
        s.seed = std::uint64_t(top.integer("seed", 0, 1LL << 53));
        s.epoch = int(top.has("epoch") ? top.integer("epoch", 0, 1LL << 30) : 0);
        readData(top, s);
        readNetwork(top, s);
        // Softmax has one output per class.
        const int classes = s.points ? s.points->numClasses
                            : isMultiClass(s.generator.kind) ? s.generator.classes
                            : isRegression(s.generator.kind) ? 0
                                                             : 2;
        s.network.outputs = s.network.output == OutputKind::SoftmaxCe ? std::max(classes, 2) : 1;
        readTraining(top, s);
        if (top.has("compare")) {
            const Json& c = array(top.raw("compare"), "compare");
            if (c.size() < 2 || c.size() > 8) fail("compare", "needs 2 to 8 activation ids");
            for (std::size_t i = 0; i < c.size(); ++i) {
                const std::string p = "compare[" + std::to_string(i) + "]";
                if (!c[i].is_string()) fail(p, "expected an activation id");
                const std::string id = c[i].get<std::string>();
                if (!findActivation(id))
                    fail(p, "unknown activation '" + id + "'; valid: " + activationIdList());
                s.compare.push_back(id);
            }
        }
        if (top.has("view")) {
            ObjectReader v(top.raw("view"), "view");
            s.view.page = v.string("page", "");
            if (!s.view.page.empty() && s.view.page != "explorer" && s.view.page != "network")
                fail("view.page", "unknown value '" + s.view.page + "'; valid: explorer, network");
            s.view.activation = v.string("activation", "");
            if (!s.view.activation.empty() && !findActivation(s.view.activation))
                fail("view.activation", "unknown activation '" + s.view.activation + "'");
            s.view.panel = v.string("panel", "");
            if (!s.view.panel.empty() && s.view.panel != "boundary" && s.view.panel != "loss" &&
                s.view.panel != "network" && s.view.panel != "health")
                fail("view.panel", "unknown value '" + s.view.panel +
                                       "'; valid: boundary, loss, network, health");
            s.view.epochsPerFrame = int(v.has("epochsPerFrame") ? v.integer("epochsPerFrame", 1, 1000) : 0);
            v.finish();
        }
        for (const char* key : detail::kExtraKeys)  // read by session_extras.cpp
            if (top.has(key)) top.raw(key);
        detail::readLessonFields(j, s);
        if (std::string e = validate(s); !e.empty()) throw SessionError{e};
        if (top.has("weights")) s.weights = readWeights(top.raw("weights"), Mlp(s.network));
        detail::readTrainedFields(j, s);
        top.finish();
        return {std::move(s), ""};
    } catch (const SessionError& e) {
        return {{}, e.message};
    } catch (const detail::SessionFieldError& e) {
        return {{}, e.message};
    } catch (const Json::exception& e) {
        return {{}, std::string("invalid session: ") + e.what()};
    }
}

SessionLoad loadSessionFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {{}, "cannot open '" + path + "'"};
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return {{}, "cannot read '" + path + "'"};
    SessionLoad r = parseSession(text.str());
    if (!r.ok()) r.error = path + ": " + r.error;
    return r;
}

std::string serializeSession(const Session& s) {
    Json j;
    j["format"] = kSessionFormat;
    j["version"] = kSessionVersion;
    if (!s.titleZh.empty())
        j["title"] = {{"en", s.title}, {"zh", s.titleZh}};
    else if (!s.title.empty())
        j["title"] = s.title;
    if (!s.descriptionEn.empty() || !s.descriptionZh.empty())
        j["description"] = {{"en", s.descriptionEn}, {"zh", s.descriptionZh}};
    j["seed"] = s.seed;
    if (s.epoch) j["epoch"] = s.epoch;
    Json data;
    if (s.points) {
        data["points"] = {{"classes", s.points->numClasses},
                          {"train", pointsJson(s.points->train)},
                          {"test", pointsJson(s.points->test)}};
    } else {
        const DatasetSpec& g = s.generator;
        Json gen = {{"kind", datasetId(g.kind)},
                    {"points", g.numPoints},
                    {"noisePercent", g.noisePercent},
                    {"trainPercent", g.trainPercent}};
        if (isMultiClass(g.kind)) gen["classes"] = g.classes;
        if (g.seed != s.seed) gen["seed"] = g.seed;
        data["generator"] = gen;
    }
    j["data"] = data;
    Json net;
    net["features"] = Json::array();
    for (Feature f : s.network.features) net["features"].push_back(featureId(f));
    net["layers"] = Json::array();
    for (const LayerSpec& l : s.network.hidden) {
        Json layer = {{"neurons", l.neurons}, {"activation", l.activation}};
        const ActivationSpec& act = activation(l.activation);
        if (!act.params.empty()) {
            Json params = Json::object();
            for (std::size_t i = 0; i < act.params.size(); ++i)
                params[std::string(act.params[i].id)] = l.params[i];
            layer["params"] = params;
        }
        if (act.learnableIndex() >= 0)
            layer["preluMode"] = l.preluMode == PReluMode::PerNeuron ? "neuron" : "layer";
        net["layers"].push_back(layer);
    }
    net["output"] = outputId(s.network.output);
    net["init"] = initId(s.init);
    j["network"] = net;
    const TrainingConfig& c = s.training;
    Json opt = {{"kind", optimizerId(c.optimizer)}, {"learningRate", c.learningRate}};
    if (c.optimizer == OptimizerKind::Momentum) opt["momentum"] = c.momentum;
    if (c.optimizer == OptimizerKind::Adam) {
        opt["beta1"] = c.beta1;
        opt["beta2"] = c.beta2;
        opt["epsilon"] = c.epsilon;
    }
    j["training"] = {{"mode", modeId(c.mode)},
                     {"optimizer", opt},
                     {"batchSize", c.batchSize},
                     {"regularization",
                      {{"kind", regularizationId(c.regularization)}, {"rate", c.regularizationRate}}}};
    if (!s.compare.empty()) j["compare"] = s.compare;
    if (!(s.view == Session::View{})) {
        Json v = Json::object();
        if (!s.view.page.empty()) v["page"] = s.view.page;
        if (!s.view.activation.empty()) v["activation"] = s.view.activation;
        if (!s.view.panel.empty()) v["panel"] = s.view.panel;
        if (s.view.epochsPerFrame) v["epochsPerFrame"] = s.view.epochsPerFrame;
        j["view"] = v;
    }
    detail::writeLessonFields(s, j);
    if (s.weights) j["weights"] = detail::layerParamsJson(*s.weights);
    detail::writeTrainedFields(s, j);
    return j.dump(2) + "\n";
}

Dataset sessionData(const Session& s) {
    return s.points ? *s.points : generateDataset(s.generator);
}

Mlp sessionNetwork(const Session& s) {
    Mlp net(s.network);
    if (s.weights) {
        for (std::size_t l = 0; l < s.weights->size(); ++l) net.layers()[l] = (*s.weights)[l];
    } else {
        net.initialise(s.init, s.seed);
    }
    return net;
}

Trainer makeTrainer(const Session& s) {
    return Trainer(sessionData(s), sessionNetwork(s), s.training, s.seed);
}

Session compareMember(const Session& session, const std::string& activationId) {
    Session s = session;
    s.compare.clear();
    const ActivationSpec& act = activation(activationId);
    for (LayerSpec& l : s.network.hidden) {
        l.activation = activationId;
        l.params = act.defaults();
    }
    // The main network's trained weights are not the member's: without a saved state of its own
    // the member starts where every member starts, from the initial weights (explicit or seeded).
    if (s.epoch > 0 && !session.compareWeights.contains(activationId)) {
        s.weights.reset();
        s.epoch = 0;
    }
    if (s.weights)  // the learnable slot's shape follows the activation
        for (std::size_t l = 0; l < s.network.hidden.size(); ++l) {
            const Mlp shape(s.network);
            (*s.weights)[l].learnable = shape.layers()[l].learnable;
        }
    // The member's own trained state, if saved, becomes its session's state.
    s.history = {};
    s.optimizerState.reset();
    if (const auto it = session.compareWeights.find(activationId);
        it != session.compareWeights.end()) {
        s.weights = it->second.weights;
        s.epoch = it->second.epoch;
        s.history = it->second.history;
        s.optimizerState = it->second.optimizer;
    }
    s.compareWeights.clear();
    return s;
}

Session withTrainedWeights(Session s, const Trainer& trainer) {
    const auto layers = trainer.network().layers();
    s.weights = std::vector<LayerParams>(layers.begin(), layers.end());
    s.epoch = trainer.epoch();
    return s;
}

}  // namespace actlab::nn
