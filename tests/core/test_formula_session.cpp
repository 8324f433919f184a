// Formula activations in sessions (layers, compare members, the explorer's view), in sweeps and
// in the PyTorch export, which is run here with Debian's python3-torch against the app's trainer.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "activations/formula_activation.h"
#include "activations/registry.h"
#include "cli/train_command.h"
#include "export/pytorch_export.h"
#include "export/torch_formula.h"
#include "export/torch_modules.h"
#include "formula/formula.h"
#include "nn/layer_activation.h"
#include "nn/session.h"
#include "sweep/sweep_plan.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

using Json = nlohmann::ordered_json;

Json baseSession() {
    return Json::parse(R"j({
      "format": "activation-lab-session", "version": 1, "seed": 5,
      "data": {"generator": {"kind": "xor", "points": 160, "noisePercent": 5}},
      "network": {
        "features": ["x", "y"],
        "layers": [
          {"neurons": 6, "activation": "formula", "formula": "x*sigmoid(b*x)",
           "params": {"b": 1.5}, "name": "Swish-β"},
          {"neurons": 4, "activation": "formula", "formula": "max(0, x)"}
        ],
        "output": "tanh_square", "init": "xavier"
      },
      "training": {"mode": "standard", "optimizer": {"kind": "sgd", "learningRate": 0.03},
                   "batchSize": 10}
    })j");
}

TEST(FormulaSession, LayersRoundTripWithFormulaParamsAndName) {
    const nn::SessionLoad r = nn::parseSession(baseSession().dump());
    ASSERT_TRUE(r.ok()) << r.error;
    const nn::LayerSpec& l = r.session.network.hidden[0];
    EXPECT_EQ(l.activation, "formula");
    EXPECT_EQ(l.formula, "x*sigmoid(b*x)");
    EXPECT_EQ(l.name, "Swish-β");
    EXPECT_EQ(l.params[0], 1.5);
    EXPECT_EQ(r.session.network.hidden[1].name, "");
    const std::string text = nn::serializeSession(r.session);
    const Json saved = Json::parse(text)["network"]["layers"][0];
    EXPECT_EQ(saved, baseSession()["network"]["layers"][0]) << saved.dump();
    const nn::SessionLoad again = nn::parseSession(text);
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_EQ(again.session, r.session);
}

TEST(FormulaSession, CompareMembersAndTheViewMayBeFormulas) {
    Json j = baseSession();
    j["compare"] = Json::array(
        {"relu", {{"formula", "x*sigmoid(b*x)"}, {"params", {{"b", 2.0}}}, {"name", "Swish-2"}}});
    j["view"] = {
        {"page", "explorer"}, {"activation", "formula"}, {"formula", "sin(a*x)"}, {"name", "Sine"}};
    const nn::SessionLoad r = nn::parseSession(j.dump());
    ASSERT_TRUE(r.ok()) << r.error;
    ASSERT_EQ(r.session.compare.size(), 2u);
    const nn::CompareMember& m = r.session.compare[1];
    EXPECT_EQ(m.activation, "formula");
    EXPECT_EQ(m.params[0], 2.0);
    EXPECT_EQ(nn::memberLabel(m), "Swish-2");
    EXPECT_EQ(r.session.view.formula, "sin(a*x)");
    EXPECT_EQ(r.session.view.formulaName, "Sine");
    const nn::Session member = nn::compareMember(r.session, m);
    for (const nn::LayerSpec& l : member.network.hidden) {
        EXPECT_EQ(l.formula, "x*sigmoid(b*x)");
        EXPECT_EQ(l.params[0], 2.0);
    }
    const nn::Session relu = nn::compareMember(r.session, r.session.compare[0]);
    EXPECT_EQ(relu.network.hidden[0].activation, "relu");
    EXPECT_EQ(relu.network.hidden[0].formula, "");
    const nn::SessionLoad again = nn::parseSession(nn::serializeSession(r.session));
    ASSERT_TRUE(again.ok()) << again.error;
    EXPECT_EQ(again.session, r.session);
}

struct BadLayer {
    const char* patch;  ///< JSON merged into network.layers[0]
    const char* message;
};

class FormulaSessionErrors : public ::testing::TestWithParam<BadLayer> {};

TEST_P(FormulaSessionErrors, NameTheField) {
    Json j = baseSession();
    j["network"]["layers"][0].merge_patch(Json::parse(GetParam().patch));
    const nn::SessionLoad r = nn::parseSession(j.dump());
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.error.find(GetParam().message), std::string::npos) << r.error;
}

INSTANTIATE_TEST_SUITE_P(
    All, FormulaSessionErrors,
    ::testing::Values(
        BadLayer{R"j({"formula": "x*sigmoid(b*x"})j", "network.layers[0].formula: expected ')'"},
        BadLayer{R"j({"formula": "frob(x)"})j", "network.layers[0].formula: "},
        BadLayer{R"j({"formula": null})j", "network.layers[0].formula: missing"},
        BadLayer{R"j({"params": {"c": 1}})j",
                 "network.layers[0].params.c: unknown parameter of the formula; valid: b"},
        BadLayer{R"j({"activation": "tanh"})j", "network.layers[0].formula: only an activation"},
        BadLayer{R"j({"activation": "wobble", "formula": null, "name": null, "params": null})j",
                 "network.layers[0].activation: unknown activation 'wobble'"}));

TEST(FormulaSession, ACompareMemberNamedFormulaMustBeAnObject) {
    Json j = baseSession();
    j["compare"] = {"relu", "formula"};
    const nn::SessionLoad r = nn::parseSession(j.dump());
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.error.find("compare[1]"), std::string::npos) << r.error;
}

TEST(FormulaSweep, AFormulaParameterIsAVariableAndActivationsReplaceFormulas) {
    const nn::SessionLoad r = nn::parseSession(baseSession().dump());
    ASSERT_TRUE(r.ok()) << r.error;
    sweep::SweepSettings settings;
    settings.vary = {{"param.b", "0.5,2"}};
    settings.seeds = 1;
    settings.epochs = 2;
    const sweep::PlanBuild b = sweep::makePlan(r.session, settings);
    ASSERT_TRUE(b.ok()) << b.error;
    ASSERT_EQ(b.plan.runCount(), 2);
    EXPECT_EQ(sweep::runSession(b.plan, 1).network.hidden[0].params[0], 2.0);
    EXPECT_EQ(sweep::runSession(b.plan, 0).network.hidden[0].params[0], 0.5);

    settings.vary = {{"param.k", "0.5,2"}};
    const std::string error = sweep::makePlan(r.session, settings).error;
    EXPECT_NE(error.find("no hidden layer has parameter 'k' (hidden layers: Swish-β, max(0, x))"),
              std::string::npos)
        << error;

    settings.vary = {{"activation", "relu,tanh"}};
    const sweep::PlanBuild a = sweep::makePlan(r.session, settings);
    ASSERT_TRUE(a.ok()) << a.error;
    const nn::LayerSpec l = sweep::runSession(a.plan, 1).network.hidden[0];
    EXPECT_EQ(l.activation, "tanh");
    EXPECT_EQ(l.formula, "");
    EXPECT_EQ(l.name, "");
}

TEST(FormulaExport, ALayerIsAFormulaActivationModule) {
    nn::LayerSpec l;
    l.activation = "formula";
    l.formula = "x*sigmoid(b*x)";
    l.name = "Swish-β";
    l.params = {1.5};
    const pytorch::TorchModule m = pytorch::torchModule(l);
    ASSERT_TRUE(m.ok()) << m.error;
    const std::string fn = pytorch::formulaFunctionName(l.formula, l.name);
    EXPECT_EQ(m.expression, "FormulaActivation(" + fn + ", {\"b\": 1.5})");
    EXPECT_NE(m.definition.find("class FormulaActivation(nn.Module):"), std::string::npos);
    EXPECT_NE(m.function.find("def " + fn + "(x, p):"), std::string::npos) << m.function;
    EXPECT_NE(fn, pytorch::formulaFunctionName(l.formula, ""));
    l.formula = "x*sigmoid(b*x";
    EXPECT_FALSE(pytorch::torchModule(l).ok());
}

/// A number as Python's repr or the script's CSV writes it ("nan" and "inf" included).
double number(const std::string& text) {
    return std::strtod(text.c_str(), nullptr);
}

/// Runs python3 (Debian's, with torch) on `script`, returning its standard output.
std::string runPython(const std::string& script, int& status) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("actlab_formula_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path file = dir / "script.py";
    std::ofstream(file) << script;
    FILE* pipe = ::popen(("/usr/bin/python3 " + file.string() + " 2>&1").c_str(), "r");
    std::string out;
    if (pipe) {
        char buffer[4096];
        for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;)
            out.append(buffer, n);
        status = ::pclose(pipe);
    } else {
        status = -1;
    }
    std::filesystem::remove_all(dir);
    return out;
}

TEST(FormulaExport, TorchValuesAndAutogradGradientsMatchTheProgram) {
    const std::vector<std::pair<std::string, std::vector<double>>> cases = {
        {"x*sigmoid(b*x)", {1.5}},
        {"max(0, x)", {}},
        {"x + sin(a*x)^2/a", {0.8}},
        {"(x + sqrt(x^2 + b))/2", {4}},
        {"where(x < c, expm1(x), x)", {0.5}},
        {"softplus(x)*tanh(x) - abs(x - 1)", {}},
        {"exp(-x^2) + heaviside(x)", {}},
        {"min(x, 2*x) + log1p(x^2)/2", {}}};
    std::string script = "import torch\nfrom torch import nn\n\n" + pytorch::formulaSupportCode();
    std::vector<double> xs;
    for (int i = -40; i <= 40; ++i) xs.push_back(i * 0.25);
    std::string xsText;
    for (double x : xs) xsText += formatShortest(x) + ",";
    for (const auto& [text, params] : cases) {
        const FormulaCompileResult c = compileFormula(text);
        ASSERT_TRUE(c.ok()) << c.error;
        script += "\n\n" + pytorch::formulaFunction(*c.program, "");
        std::string p;
        for (std::size_t i = 0; i < params.size(); ++i)
            p += "\"" + c.program->params()[i] + "\": " + formatShortest(params[i]) + ",";
        const std::string fn = pytorch::formulaFunctionName(text, "");
        script += "\nx = torch.tensor([" + xsText +
                  "], dtype=torch.float64, requires_grad=True)\n"
                  "y = FormulaActivation(" +
                  fn + ", {" + p +
                  "})(x)\n"
                  "y.sum().backward()\n"
                  "for a, b in zip(y.tolist(), x.grad.tolist()):\n"
                  "    print(repr(a), repr(b))\n";
    }
    int status = 0;
    const std::string out = runPython(script, status);
    ASSERT_EQ(status, 0) << out;
    std::istringstream in(out);
    for (const auto& [text, params] : cases) {
        const FormulaCompileResult c = compileFormula(text);
        for (double x : xs) {
            std::string f, df;
            ASSERT_TRUE(in >> f >> df) << text;
            const double ef = c.program->f(x, params), edf = c.program->df(x, params);
            const double tf = number(f), tdf = number(df);
            EXPECT_NEAR(tf, ef, 1e-13 * (1 + std::fabs(ef))) << text << " f at " << x;
            EXPECT_NEAR(tdf, edf, 1e-13 * (1 + std::fabs(edf))) << text << " f' at " << x;
        }
    }
}

class ExportedFormulaSession : public ::testing::TestWithParam<std::string> {};

TEST_P(ExportedFormulaSession, TrainsAsTheApp) {
    const nn::SessionLoad r =
        GetParam().empty()
            ? nn::parseSession(baseSession().dump())
            : nn::loadSessionFile(std::string(ACTLAB_TEST_DATA_DIR) + "/" + GetParam());
    ASSERT_TRUE(r.ok()) << r.error;
    pytorch::PytorchExportOptions options;
    options.epochs = 15;
    const pytorch::PytorchExport e = pytorch::pytorchScript(r.session, options);
    ASSERT_TRUE(e.ok()) << e.error;
    int status = 0;
    const std::string out = runPython(e.text, status);
    ASSERT_EQ(status, 0) << out;
    nn::Trainer t = nn::makeTrainer(r.session);
    t.run(options.epochs);
    std::istringstream in(out);
    std::string line;
    std::size_t rows = 0;
    while (std::getline(in, line)) {
        if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0]))) continue;
        std::vector<std::string> cells;
        std::stringstream ls(line);
        for (std::string cell; std::getline(ls, cell, ',');) cells.push_back(cell);
        ASSERT_GE(cells.size(), 3u) << line;
        const std::size_t epoch = std::size_t(std::stoi(cells[0]));
        ASSERT_LT(epoch, t.history().size()) << line;
        const nn::EpochMetrics& m = t.history()[epoch];
        EXPECT_NEAR(number(cells[1]), m.trainLoss, 1e-9 * m.trainLoss) << line;
        EXPECT_NEAR(number(cells[2]), m.testLoss, 1e-9 * m.testLoss) << line;
        ++rows;
    }
    EXPECT_EQ(rows, std::size_t(options.epochs) + 1) << out;
}

// The session above, and the formula session of the PyTorch checks (tests/pytorch), whose
// end-to-end check needs the GUI build's binary.
INSTANTIATE_TEST_SUITE_P(
    All, ExportedFormulaSession,
    ::testing::Values("", "pytorch/formula-swish-snake-where-momentum.actlab.json"),
    [](const auto& info) { return info.param.empty() ? "Inline" : "DataFile"; });

/// `activation-lab train --session FILE --epochs 3` in process (the subcommand's entry point).
int train(const Json& session, std::string& out, std::string& err) {
    const std::filesystem::path file =
        std::filesystem::temp_directory_path() /
        ("actlab_formula_train_" + std::to_string(::getpid()) + ".actlab.json");
    std::ofstream(file) << session.dump();
    std::ostringstream o, e;
    const int status = cli::runTrain({"--session", file.string(), "--epochs", "3"}, o, e);
    std::filesystem::remove(file);
    out = o.str();
    err = e.str();
    return status;
}

TEST(FormulaTrainCommand, TrainsAFormulaSessionAndNamesAFormulaThatFails) {
    std::string out, err;
    ASSERT_EQ(train(baseSession(), out, err), 0) << err;
    const nn::SessionLoad r = nn::parseSession(baseSession().dump());
    nn::Trainer t = nn::makeTrainer(r.session);
    t.run(3);
    EXPECT_NE(out.find("\n3," + formatShortest(t.latest().trainLoss)), std::string::npos) << out;
    Json bad = baseSession();
    bad["network"]["layers"][1]["formula"] = "log(x)";
    EXPECT_EQ(train(bad, out, err), 3) << err;
    EXPECT_NE(err.find("the formula activation log(x) of hidden layer 2"), std::string::npos)
        << err;
}

}  // namespace
}  // namespace actlab::test
