#include "session.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <locale>
#include <sstream>

#include "activations/registry.h"
#include "session_extras.h"
#include "session_limits.h"
#include "session_reader.h"
#include "sweep/sweep_json.h"
#include "sweep/sweep_plan.h"
#include "util/file_read.h"
#include "util/json_guard.h"
#include "util/message_text.h"
#include "util/number_format.h"

namespace actlab::nn {

using namespace detail;

namespace {

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
                    fail("data.points",
                         "label " + formatNumber(pt.label, 6) + " does not fit classes = " +
                             std::to_string(d.numClasses) + " (binary labels are -1 and 1)");
            }
        s.points = std::move(d);
        p.finish();
    }
    r.finish();
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
    for (std::size_t i = 0; i < layers.size(); ++i)
        s.network.hidden.push_back(readLayer(layers[i], "network.layers[" + std::to_string(i) + "]"));
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
    // The limits come first: nlohmann::json would overflow the stack on deep nesting.
    if (std::string e = checkSessionText(text); !e.empty()) return {{}, e};
    Json j;
    try {
        j = Json::parse(text);
    } catch (const Json::parse_error& e) {
        return {{}, jsonSyntaxMessage(text, e.byte)};
    } catch (const Json::exception&) {
        return {{}, "not valid JSON"};
    }
    if (std::string e = checkSessionTree(j); !e.empty()) return {{}, oneLine(e)};
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
            if (c.size() < 2 || c.size() > 8) fail("compare", "needs 2 to 8 activations");
            for (std::size_t i = 0; i < c.size(); ++i)
                s.compare.push_back(readCompareMember(c[i], "compare[" + std::to_string(i) + "]"));
        }
        if (top.has("view")) {
            ObjectReader v(top.raw("view"), "view");
            s.view.page = v.string("page", "");
            if (!s.view.page.empty() && s.view.page != "explorer" && s.view.page != "network")
                fail("view.page", "unknown value '" + s.view.page + "'; valid: explorer, network");
            readViewActivation(v, s.view);
            s.view.panel = v.string("panel", "");
            static constexpr std::string_view kPanels[] = {
                "boundary",         "loss",         "network",        "health",
                "operating_points", "hidden_space", "linear_regions", "ledger",
                "side_by_side"};
            const auto known = std::find(std::begin(kPanels), std::end(kPanels), s.view.panel);
            if (!s.view.panel.empty() && known == std::end(kPanels))
                fail("view.panel", "unknown value '" + s.view.panel +
                                       "'; valid: boundary, loss, network, health, "
                                       "operating_points, hidden_space, linear_regions, ledger, "
                                       "side_by_side");
            s.view.epochsPerFrame = int(v.has("epochsPerFrame") ? v.integer("epochsPerFrame", 1, 1000) : 0);
            s.view.focus = v.string("focus", "");
            if (!s.view.focus.empty() && !memberByLabel(s.compare, s.view.focus))
                fail("view.focus", "'" + s.view.focus + "' is not a network of 'compare'");
            v.finish();
        }
        if (top.has("sweep")) {
            sweep::SweepSettings settings;
            if (std::string e = sweep::readSweepJson(top.raw("sweep"), settings); !e.empty())
                throw SessionError{e};
            s.sweep = std::move(settings);
        }
        for (const char* key : detail::kExtraKeys)  // read by session_extras.cpp
            if (top.has(key)) top.raw(key);
        detail::readLessonFields(j, s);
        if (std::string e = validate(s); !e.empty()) throw SessionError{e};
        if (top.has("weights")) s.weights = readWeights(top.raw("weights"), Mlp(s.network));
        detail::readTrainedFields(j, s);
        if (s.sweep)  // every setting of the sweep must fit this session
            if (const sweep::PlanBuild plan = sweep::makePlan(s, *s.sweep); !plan.ok())
                throw SessionError{"sweep: " + plan.error};
        top.finish();
        return {std::move(s), ""};
    } catch (const SessionError& e) {
        return {{}, oneLine(e.message)};  // values from the file may be long or not UTF-8
    } catch (const detail::SessionFieldError& e) {
        return {{}, oneLine(e.message)};
    } catch (const Json::exception&) {
        return {{}, "invalid session: a value has the wrong type"};
    }
}

SessionLoad loadSessionFile(const std::string& path) {
    // A directory, a missing file and one over the size limit are refused before reading.
    const FileBytes file = readFileBytes(path, kMaxSessionFileBytes);
    if (!file.ok()) return {{}, file.error};
    SessionLoad r = parseSession(file.text);
    if (!r.ok()) r.error = oneLine(printablePath(path) + ": " + r.error);
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
    for (const LayerSpec& l : s.network.hidden) net["layers"].push_back(layerJson(l));
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
    if (!s.compare.empty()) {
        j["compare"] = Json::array();
        for (const CompareMember& m : s.compare) j["compare"].push_back(compareMemberJson(m));
    }
    if (!(s.view == Session::View{})) {
        Json v = Json::object();
        if (!s.view.page.empty()) v["page"] = s.view.page;
        if (!s.view.activation.empty()) v["activation"] = s.view.activation;
        if (!s.view.formula.empty()) v["formula"] = s.view.formula;
        if (!s.view.formulaName.empty()) v["name"] = s.view.formulaName;
        if (!s.view.panel.empty()) v["panel"] = s.view.panel;
        if (s.view.epochsPerFrame) v["epochsPerFrame"] = s.view.epochsPerFrame;
        if (!s.view.focus.empty()) v["focus"] = s.view.focus;
        j["view"] = v;
    }
    if (s.sweep) j["sweep"] = sweep::sweepJson(*s.sweep);
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

Session withTrainedWeights(Session s, const Trainer& trainer) {
    const auto layers = trainer.network().layers();
    s.weights = std::vector<LayerParams>(layers.begin(), layers.end());
    s.epoch = trainer.epoch();
    return s;
}

}  // namespace actlab::nn
