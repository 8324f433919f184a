// The PyTorch export's generator (core/export): the module of every registry activation, the
// starting weights, the options and their errors, what the script and the notebook contain. That
// the exported code trains exactly as the app does is checked by running it with torch
// (tests/pytorch/check_export.py, the ctest entries labelled "pytorch").

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <set>

#include "activations/registry.h"
#include "export/python_text.h"
#include "export/pytorch_export.h"
#include "export/torch_modules.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

using pytorch::PytorchExportOptions;
using pytorch::StartWeights;

/// Playground's default experiment: circle, 2 → 4 tanh → 2 tanh → 1, SGD.
nn::Session defaultSession() {
    nn::Session s;
    s.title = "Default";
    s.generator.numPoints = 500;
    s.network.hidden = {{4, "tanh", activation("tanh").defaults(), nn::PReluMode::PerLayer},
                        {2, "tanh", activation("tanh").defaults(), nn::PReluMode::PerLayer}};
    return s;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

/// A value different from the default, still accepted by the activation.
ParamValues nonDefault(const ActivationSpec& act) {
    ParamValues p = act.defaults();
    for (std::size_t i = 0; i < act.params.size(); ++i) p[i] += act.params[i].step * 3;
    return p;
}

class EveryActivation : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryActivation, IsItsTorchModuleWithItsParametersByKeyword) {
    const ActivationSpec& act = activation(GetParam());
    nn::LayerSpec layer{5, GetParam(), nonDefault(act), nn::PReluMode::PerLayer};
    ASSERT_TRUE(act.validate(layer.params).empty()) << act.validate(layer.params);
    const pytorch::TorchModule m = pytorch::torchModule(layer);
    ASSERT_TRUE(m.ok()) << m.error;
    if (m.definition.empty()) {
        EXPECT_EQ(m.expression.rfind("nn." + std::string(act.torchName) + "(", 0), 0u)
            << m.expression;
    } else {
        // A module of its own: its class is defined, and the comment says why.
        const std::string cls = m.expression.substr(0, m.expression.find('('));
        EXPECT_NE(m.definition.find("class " + cls + "(nn.Module):"), std::string::npos);
        EXPECT_FALSE(m.comment.empty());
    }
    for (std::size_t i = 0; i < act.params.size(); ++i) {
        const std::string key = act.params[i].learnable ? "init" : std::string(act.params[i].id);
        EXPECT_NE(m.expression.find(key + "=" + pytorch::pyFloat(layer.params[i])),
                  std::string::npos)
            << m.expression;
    }
    if (act.torchVariantValue == "tanh") {
        EXPECT_NE(m.expression.find("approximate=\"tanh\""), std::string::npos);
    }
}

INSTANTIATE_TEST_SUITE_P(Registry, EveryActivation, ::testing::ValuesIn([] {
                             std::vector<std::string> ids;
                             for (const ActivationSpec& a : activations()) ids.emplace_back(a.id);
                             return ids;
                         }()),
                         [](const auto& info) {
                             std::string n;
                             for (char c : info.param)
                                 if (c != '_') n += c;
                             return n;
                         });

TEST(TorchModule, FollowsPReluModeRReluEvalAndTheCeluAndHardsigmoidGradients) {
    nn::LayerSpec prelu{7, "prelu", {0.3, 0}, nn::PReluMode::PerNeuron};
    EXPECT_EQ(pytorch::torchModule(prelu).expression, "nn.PReLU(num_parameters=7, init=0.3)");
    prelu.preluMode = nn::PReluMode::PerLayer;
    EXPECT_EQ(pytorch::torchModule(prelu).expression, "nn.PReLU(num_parameters=1, init=0.3)");
    EXPECT_EQ(pytorch::torchModule({3, "rrelu", {0.1, 0.3}}).expression,
              "nn.RReLU(lower=0.1, upper=0.3).eval()");
    // torch's own CELU is exact when alpha is a float32 number, as the default 1 is.
    EXPECT_EQ(pytorch::torchModule({3, "celu", {1.0, 0}}).expression, "nn.CELU(alpha=1.0)");
    EXPECT_EQ(pytorch::torchModule({3, "celu", {1.5, 0}}).expression, "nn.CELU(alpha=1.5)");
    EXPECT_EQ(pytorch::torchModule({3, "celu", {1.3, 0}}).expression, "ExactCELU(alpha=1.3)");
    EXPECT_EQ(pytorch::torchModule({3, "hardsigmoid", {}}).expression, "ExactHardsigmoid()");
    EXPECT_FALSE(pytorch::torchModule({3, "no_such_thing", {}}).ok());
}

TEST(PythonText, FloatsReadBackExactlyInPythonsSpelling) {
    EXPECT_EQ(pytorch::pyFloat(0.1), "0.1");
    EXPECT_EQ(pytorch::pyFloat(1.0), "1.0");
    EXPECT_EQ(pytorch::pyFloat(1e-5), "1e-05");
    EXPECT_EQ(pytorch::pyFloat(-0.0), "-0.0");
    EXPECT_EQ(pytorch::pyFloat(1e300), "1e+300");
    EXPECT_EQ(pytorch::pyFloat(0.0005), "0.0005");
    EXPECT_EQ(pytorch::pyFloat(123.25), "123.25");
    EXPECT_EQ(pytorch::pyFloat(-1e16), "-1e+16");
    EXPECT_EQ(pytorch::pyFloat(1234567890123456.0), "1234567890123456.0");
    EXPECT_EQ(pytorch::pyFloat(2.5e-300), "2.5e-300");
    std::mt19937_64 random(7);
    std::uniform_real_distribution<double> u(-6, 6);
    for (int i = 0; i < 10000; ++i) {
        const double v = u(random) * std::pow(10.0, double(int(random() % 20) - 10));
        EXPECT_EQ(parseNumber(pytorch::pyFloat(v)), v);
    }
    EXPECT_EQ(pytorch::pyString("a \"b\"\\\n\x01é"), "\"a \\\"b\\\"\\\\\\n\\x01é\"");
    EXPECT_EQ(pytorch::oneLine("a\nb\tc"), "a b c");
}

TEST(PythonText, WrapsListsWithinTheWidth) {
    std::vector<std::string> items(40, "0.12345678901234567");
    const std::string text = pytorch::wrapItems(items, 4, 100);
    std::size_t lines = 0, start = 0;
    for (std::size_t end = text.find('\n'); end != std::string::npos;
         end = text.find('\n', start)) {
        EXPECT_LE(end - start, 100u);
        EXPECT_EQ(text.substr(start, 4), "    ");
        EXPECT_EQ(text[end - 1], ',');
        start = end + 1;
        ++lines;
    }
    EXPECT_EQ(count(text, "0.12345678901234567"), 40u);
    EXPECT_GT(lines, 5u);
}

TEST(StartWeights, InitialReplaysTrainingAndCurrentTakesTheStoredWeights) {
    nn::Session s = defaultSession();
    const std::vector<nn::LayerParams> seeded = pytorch::startWeights(s, StartWeights::Initial);
    const nn::Mlp net = nn::sessionNetwork(s);
    ASSERT_EQ(seeded.size(), net.layers().size());
    for (std::size_t l = 0; l < seeded.size(); ++l) EXPECT_EQ(seeded[l], net.layers()[l]);
    EXPECT_EQ(pytorch::startWeights(s, StartWeights::Current), seeded);

    // Trained weights (epoch > 0): Initial is the seed's initialisation, Current the stored ones.
    nn::Trainer t = nn::makeTrainer(s);
    t.run(3);
    const nn::Session trained = nn::withTrainedWeights(s, t);
    ASSERT_EQ(trained.epoch, 3);
    EXPECT_EQ(pytorch::startWeights(trained, StartWeights::Initial), seeded);
    EXPECT_EQ(pytorch::startWeights(trained, StartWeights::Current), *trained.weights);
    EXPECT_NE(*trained.weights, seeded);

    // Stored weights of epoch 0 are where training starts (a recorded Playground run).
    nn::Session untrained = trained;
    untrained.epoch = 0;
    EXPECT_EQ(pytorch::startWeights(untrained, StartWeights::Initial), *trained.weights);
}

TEST(ExportProblem, NamesWhatCannotBeExported) {
    const nn::Session s = defaultSession();
    PytorchExportOptions options;
    EXPECT_EQ(pytorch::exportProblem(s, options), "");
    nn::Session bad = s;
    bad.network.output = nn::OutputKind::SoftmaxCe;  // 1 output for softmax: not valid
    EXPECT_NE(pytorch::exportProblem(bad, options).find("invalid session"), std::string::npos);
    EXPECT_FALSE(pytorch::pytorchScript(bad, options).ok());
    EXPECT_FALSE(pytorch::jupyterNotebook(bad, options).ok());
    EXPECT_TRUE(pytorch::pytorchScript(bad, options).text.empty());
    options.epochs = -1;
    EXPECT_NE(pytorch::exportProblem(s, options), "");
    options.epochs = pytorch::kMaxEpochs + 1;
    EXPECT_NE(pytorch::exportProblem(s, options), "");
    options = {};
    options.lang = "fr";
    EXPECT_NE(pytorch::exportProblem(s, options).find("valid: en, zh_CN"), std::string::npos);
}

TEST(Script, HoldsTheSessionsDataWeightsAndSettings) {
    const nn::Session s = defaultSession();
    PytorchExportOptions options;
    options.epochs = 37;
    options.sessionName = "circle.actlab.json";
    const pytorch::PytorchExport e = pytorch::pytorchScript(s, options);
    ASSERT_TRUE(e.ok()) << e.error;
    EXPECT_TRUE(e.dataCsv.empty());
    const std::string& py = e.text;
    EXPECT_EQ(py.rfind("#!/usr/bin/env python3\n# Activation Lab → PyTorch: Default\n", 0), 0u);
    EXPECT_NE(py.find("activation-lab train --session circle.actlab.json --epochs 37"),
              std::string::npos);
    EXPECT_NE(py.find("\nEPOCHS = 37\n"), std::string::npos);
    EXPECT_NE(py.find("\nLEARNING_RATE = 0.03\n"), std::string::npos);
    EXPECT_NE(py.find("\nSEED = 1  "), std::string::npos);
    EXPECT_NE(py.find("torch.set_default_dtype(torch.float64)"), std::string::npos);
    EXPECT_NE(py.find("nn.Linear(2, 4), nn.Tanh(),\n        nn.Linear(4, 2), nn.Tanh(),\n"
                      "        nn.Linear(2, 1), nn.Tanh(),"),
              std::string::npos);
    EXPECT_NE(py.find("torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)"), std::string::npos);
    EXPECT_EQ(count(py, "torch.manual_seed"), 0u);  // no random state of torch
    // Every starting weight, in order.
    std::size_t at = py.find("INITIAL_PARAMETERS = [");
    ASSERT_NE(at, std::string::npos);
    for (const nn::LayerParams& l : pytorch::startWeights(s, StartWeights::Initial))
        for (const auto* v : {&l.w, &l.b})
            for (double w : *v) {
                at = py.find(pytorch::pyFloat(w), at);
                ASSERT_NE(at, std::string::npos) << w;
            }
    // Every point, training points first, each in the app's order.
    const nn::Dataset data = nn::sessionData(s);
    at = py.find("\nTRAIN = [");
    ASSERT_NE(at, std::string::npos);
    for (const auto* set : {&data.train, &data.test})
        for (const nn::Point& p : *set) {
            const std::string tuple = "(" + pytorch::pyFloat(p.x) + ", " + pytorch::pyFloat(p.y) +
                                      ", " + (p.label > 0 ? "1" : "-1") + ")";
            at = py.find(tuple, at);
            ASSERT_NE(at, std::string::npos) << tuple;
        }
    EXPECT_GT(at, py.find("\nTEST = ["));
    EXPECT_NE(py.find("if __name__ == \"__main__\":\n    train()\n"), std::string::npos);
    // No line longer than 100 columns (counted in characters, UTF-8 continuation bytes aside).
    std::size_t start = 0;
    for (std::size_t end = py.find('\n'); end != std::string::npos; end = py.find('\n', start)) {
        std::size_t chars = 0;
        for (std::size_t k = start; k < end; ++k) chars += (py[k] & 0xC0) != 0x80;
        EXPECT_LE(chars, 100u) << py.substr(start, end - start);
        start = end + 1;
    }
}

TEST(Script, WritesEachUpdateRuleItsOwnWay) {
    nn::Session s = defaultSession();
    s.training.regularization = nn::Regularization::L1;
    s.training.regularizationRate = 0.001;
    std::string py = pytorch::pytorchScript(s, {}).text;
    EXPECT_NE(py.find("+ l1_penalty(model)"), std::string::npos);
    EXPECT_NE(py.find("L1_RATE = 0.001"), std::string::npos);
    EXPECT_EQ(count(py, "weight_decay"), 0u);

    s.training.regularization = nn::Regularization::L2;
    s.training.optimizer = nn::OptimizerKind::Adam;
    s.training.beta1 = 0.8;
    py = pytorch::pytorchScript(s, {}).text;
    EXPECT_NE(py.find("\"weight_decay\": L2_RATE"), std::string::npos);
    EXPECT_NE(py.find("torch.optim.Adam(params, lr=LEARNING_RATE, betas=(0.8, 0.999), eps=1e-08)"),
              std::string::npos);
    EXPECT_EQ(count(py, "l1_penalty"), 0u);

    s.training.optimizer = nn::OptimizerKind::Momentum;
    s.training.momentum = 0.7;
    s.training.regularization = nn::Regularization::None;
    py = pytorch::pytorchScript(s, {}).text;
    EXPECT_NE(py.find("torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=0.7)"),
              std::string::npos);

    // Playground mode: nn.ts's update written out, the stored order, no shuffling stream.
    s.training = {};
    s.training.mode = nn::TrainingMode::Playground;
    s.training.batchSize = 7;
    s.training.regularization = nn::Regularization::L1;
    s.training.regularizationRate = 0.01;
    py = pytorch::pytorchScript(s, {}).text;
    EXPECT_NE(py.find("def playground_update(model, n, dead_links):"), std::string::npos);
    EXPECT_NE(py.find("dead_links[m] |= w1 * w2 < 0"), std::string::npos);
    EXPECT_NE(py.find("if end % BATCH_SIZE == 0:"), std::string::npos);
    EXPECT_EQ(count(py, "class Rng"), 0u);
    EXPECT_EQ(count(py, "optimizer = torch.optim"), 0u);
    EXPECT_EQ(count(py, "\nSEED = "), 0u);
}

TEST(Script, PutsMoreThanAThousandPointsInACsvNextToIt) {
    nn::Session s = defaultSession();
    s.generator.numPoints = 1200;
    PytorchExportOptions options;
    options.dataFileName = pytorch::dataFileFor("runs/big.py");
    ASSERT_EQ(options.dataFileName, "big_data.csv");
    const pytorch::PytorchExport e = pytorch::pytorchScript(s, options);
    ASSERT_TRUE(e.ok()) << e.error;
    EXPECT_EQ(count(e.dataCsv, "\n"), 1201u);
    EXPECT_EQ(e.dataCsv.rfind("x,y,label,split\n", 0), 0u);
    EXPECT_NE(e.text.find("DATA_FILE = Path(__file__).with_name(\"big_data.csv\")"),
              std::string::npos);
    EXPECT_EQ(count(e.text, "\nTRAIN = ["), 0u);
    // The notebook reads it from the folder it runs in.
    const pytorch::PytorchExport nb = pytorch::jupyterNotebook(s, options);
    ASSERT_TRUE(nb.ok());
    EXPECT_EQ(nb.dataCsv, e.dataCsv);
    EXPECT_NE(nb.text.find("DATA_FILE = Path(\\\"big_data.csv\\\")"), std::string::npos);
    s.generator.numPoints = 1000;
    EXPECT_TRUE(pytorch::pytorchScript(s, options).dataCsv.empty());
    options.dataFileName = "../x.csv";
    s.generator.numPoints = 2000;
    EXPECT_FALSE(pytorch::pytorchScript(s, options).ok());
    EXPECT_EQ(pytorch::dataFileFor("a.b.ipynb"), "a.b_data.csv");
    EXPECT_EQ(pytorch::dataFileFor("plain"), "plain_data.csv");
}

TEST(Notebook, IsNbformat4WithTheScriptsCodeInCells) {
    const nn::Session s = defaultSession();
    for (const std::string lang : {"en", "zh_CN"}) {
        PytorchExportOptions options;
        options.lang = lang;
        const pytorch::PytorchExport e = pytorch::jupyterNotebook(s, options);
        ASSERT_TRUE(e.ok()) << e.error;
        const nlohmann::json nb = nlohmann::json::parse(e.text);
        EXPECT_EQ(nb["nbformat"], 4);
        EXPECT_EQ(nb["nbformat_minor"], 5);
        EXPECT_EQ(nb["metadata"]["kernelspec"]["name"], "python3");
        const std::string script = pytorch::pytorchScript(s, options).text;
        std::set<std::string> ids;
        int code = 0;
        bool chinese = false;
        for (const nlohmann::json& cell : nb["cells"]) {
            EXPECT_TRUE(
                std::regex_match(cell["id"].get<std::string>(), std::regex("[a-zA-Z0-9_-]+")));
            EXPECT_TRUE(ids.insert(cell["id"].get<std::string>()).second);
            std::string source;
            for (const nlohmann::json& line : cell["source"]) source += line.get<std::string>();
            if (cell["cell_type"] == "code") {
                ++code;
                EXPECT_TRUE(cell["outputs"].empty());
                EXPECT_TRUE(cell["execution_count"].is_null());
                // The script's code, cell by cell (all but the run and the plots).
                if (source.find("plt.") == std::string::npos &&
                    source != "model, history = train()") {
                    EXPECT_NE(script.find(source), std::string::npos) << source.substr(0, 200);
                }
            } else {
                EXPECT_EQ(cell["cell_type"], "markdown");
                chinese = chinese || source.find("网络") != std::string::npos;
            }
        }
        EXPECT_EQ(code, 9);  // setup, data, features, model, loss, order, train, run, plots
        EXPECT_EQ(chinese, lang == "zh_CN");
    }
}

}  // namespace
}  // namespace actlab::test
