#include "playground_run.h"

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "util/json_guard.h"
#include "util/message_text.h"

namespace actlab::nn {

namespace {

using Json = nlohmann::json;

struct ImportError {
    std::string message;
};

[[noreturn]] void fail(const std::string& what) { throw ImportError{what}; }

const Json& field(const Json& j, const std::string& key, const std::string& path) {
    if (!j.is_object() || !j.contains(key)) fail(path + key + ": missing");
    return j.at(key);
}

std::string hiddenActivation(const std::string& name) {
    static const std::map<std::string, std::string> ids = {
        {"tanh", "tanh"}, {"relu", "relu"}, {"sigmoid", "sigmoid"}, {"linear", "identity"}};
    const auto it = ids.find(name);
    if (it == ids.end()) fail("config.activation: unknown '" + name + "'; valid: tanh, relu, sigmoid, linear");
    return it->second;
}

std::vector<Point> points(const Json& j, const std::string& key) {
    std::vector<Point> out;
    for (const Json& p : field(j, key, "")) {
        if (!p.is_array() || p.size() != 3) fail(key + ": expected [x, y, label] rows");
        out.push_back({p[0].get<double>(), p[1].get<double>(), p[2].get<double>()});
    }
    return out;
}

}  // namespace

PlaygroundImport importPlaygroundRun(std::string_view text) {
    // Nesting is limited before parsing: nlohmann::json recurses on nested values.
    if (std::string e = checkJsonText(text); !e.empty()) return {{}, "not a Playground run: " + e};
    try {
        const Json j = Json::parse(text);
        const Json& config = field(j, "config", "");
        PlaygroundRun run;
        Session& s = run.session;
        s.title = "TensorFlow Playground run";

        const std::string output = field(config, "outputActivation", "config.").get<std::string>();
        if (output != "tanh" && output != "linear")
            fail("config.outputActivation: unknown '" + output + "'; valid: tanh, linear");
        const bool regression = output == "linear";
        Dataset data;
        data.numClasses = regression ? 0 : 2;
        data.train = points(j, "train");
        data.test = points(j, "test");
        s.points = std::move(data);

        s.network.features.clear();
        for (const Json& id : field(config, "inputs", "config.")) {
            const std::optional<Feature> f = featureFromId(id.get<std::string>());
            if (!f) fail("config.inputs: unknown feature '" + id.get<std::string>() + "'");
            s.network.features.push_back(*f);
        }
        const Json& shape = field(config, "shape", "config.");
        if (shape.size() < 2) fail("config.shape: needs at least input and output sizes");
        const std::string act = hiddenActivation(field(config, "activation", "config.").get<std::string>());
        for (std::size_t l = 1; l + 1 < shape.size(); ++l) {
            LayerSpec layer;
            layer.neurons = shape[l].get<int>();
            layer.activation = act;
            s.network.hidden.push_back(layer);
        }
        s.network.output = regression ? OutputKind::LinearSquare : OutputKind::TanhSquare;
        s.network.outputs = 1;
        s.init = InitKind::Playground;

        TrainingConfig& c = s.training;
        c.mode = TrainingMode::Playground;
        c.optimizer = OptimizerKind::Sgd;
        c.learningRate = field(config, "learningRate", "config.").get<double>();
        c.batchSize = field(config, "batchSize", "config.").get<int>();
        c.regularizationRate = config.value("regularizationRate", 0.0);
        std::string reg = config.value("regularization", std::string("none"));
        for (char& ch : reg) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        const std::optional<Regularization> r = regularizationFromId(reg);
        if (!r) fail("config.regularization: unknown '" + reg + "'; valid: none, L1, L2");
        c.regularization = *r;
        if (c.regularization == Regularization::None) c.regularizationRate = 0;

        // initialNetwork: layer 0 holds the inputs; each later node lists its input links in the
        // previous layer's node order.
        const Json& layers = field(j, "initialNetwork", "");
        if (layers.size() != shape.size()) fail("initialNetwork: layer count differs from config.shape");
        std::vector<LayerParams> weights;
        for (std::size_t l = 1; l < layers.size(); ++l) {
            const Json& prev = layers[l - 1];
            LayerParams p;
            p.in = static_cast<int>(prev.size());
            p.out = static_cast<int>(layers[l].size());
            for (const Json& node : layers[l]) {
                p.b.push_back(field(node, "bias", "initialNetwork node ").get<double>());
                const Json& inputs = field(node, "inputs", "initialNetwork node ");
                if (inputs.size() != prev.size()) fail("initialNetwork: a node is not fully connected");
                for (std::size_t i = 0; i < inputs.size(); ++i) {
                    if (inputs[i].at("from") != prev[i].at("id"))
                        fail("initialNetwork: links are not in the previous layer's node order");
                    p.w.push_back(inputs[i].at("w").get<double>());
                }
            }
            weights.push_back(std::move(p));
        }
        s.weights = std::move(weights);
        if (std::string e = validate(s); !e.empty()) fail(e);

        for (const Json& row : field(j, "loss", ""))
            run.losses.push_back({row.at(0).get<int>(), row.at(1).get<double>(), row.at(2).get<double>()});
        for (const auto& [key, value] : j.items()) {
            if (key.rfind("outputGridAfter", 0) != 0) continue;
            run.gridEpoch = std::stoi(key.substr(15));
            run.grid = value.get<std::vector<double>>();
        }
        run.gridDensity = config.value("density", 100);
        return {std::move(run), ""};
    } catch (const ImportError& e) {
        return {{}, oneLine(e.message)};
    } catch (const Json::parse_error& e) {
        return {{}, jsonSyntaxMessage(text, e.byte)};
    } catch (const std::exception&) {  // the library's words are not the program's
        return {{}, "not a Playground run: a field is missing or has the wrong type"};
    }
}

}  // namespace actlab::nn
