// The sessions the PyTorch export is checked on (tests/data/pytorch and the lessons; see
// tests/pytorch/check_export.py) cover what the export must reproduce: every registry activation
// at non-default parameters, every output and loss, optimiser, regularisation, initialisation and
// feature, both PReLU modes, Playground mode with a partial batch carried over and an L1 link that
// dies, and the shapes and data that must export (0 and 8 × 32 hidden layers, explicit points,
// more than 1000 points, stored trained weights). A registry row without a session fails here.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

#include "activations/registry.h"
#include "export/pytorch_export.h"
#include "formula/formula.h"
#include "nn/layer_activation.h"
#include "nn/session.h"

namespace actlab::test {
namespace {

struct Checked {
    std::string name;
    nn::Session session;
};

const std::vector<Checked>& checkedSessions() {
    static const std::vector<Checked> sessions = [] {
        std::vector<Checked> out;
        for (const std::string& dir :
             {std::string(ACTLAB_TEST_DATA_DIR) + "/pytorch", std::string(ACTLAB_LESSONS_DIR)}) {
            std::vector<std::filesystem::path> files;
            for (const auto& e : std::filesystem::directory_iterator(dir))
                if (e.path().string().ends_with(".actlab.json")) files.push_back(e.path());
            std::sort(files.begin(), files.end());
            for (const auto& f : files) {
                const nn::SessionLoad r = nn::loadSessionFile(f.string());
                EXPECT_TRUE(r.ok()) << r.error;
                if (r.ok()) out.push_back({f.filename().string(), r.session});
            }
        }
        return out;
    }();
    return sessions;
}

bool any(const std::function<bool(const nn::Session&)>& test) {
    const auto& all = checkedSessions();
    return std::any_of(all.begin(), all.end(), [&](const Checked& c) { return test(c.session); });
}

TEST(PytorchSessions, LoadAndExport) {
    ASSERT_GE(checkedSessions().size(), 20u);
    for (const Checked& c : checkedSessions()) {
        EXPECT_EQ(pytorch::exportProblem(c.session, {}), "") << c.name;
        EXPECT_TRUE(pytorch::pytorchScript(c.session, {}).ok()) << c.name;
    }
}

TEST(PytorchSessions, CoverEveryActivationAtNonDefaultParameters) {
    std::set<std::string> seen, tuned;
    for (const Checked& c : checkedSessions())
        for (const nn::LayerSpec& l : c.session.network.hidden) {
            seen.insert(l.activation);
            if (nn::isFormulaLayer(l)) continue;  // no registry row (see the test below)
            const ActivationSpec& act = activation(l.activation);
            bool allChanged = true;
            for (std::size_t i = 0; i < act.params.size(); ++i)
                allChanged = allChanged && l.params[i] != act.params[i].defaultValue;
            if (allChanged) tuned.insert(l.activation);
        }
    for (const ActivationSpec& act : activations()) {
        EXPECT_TRUE(seen.count(std::string(act.id))) << act.id << " is in no checked session";
        if (!act.params.empty()) {
            EXPECT_TRUE(tuned.count(std::string(act.id)))
                << act.id << " is never checked with every parameter changed from its default";
        }
    }
}

TEST(PytorchSessions, CoverFormulaActivationsWithParametersKinksAndNames) {
    // A formula layer exports as FormulaActivation (torch_formula.h): at least one session has
    // formula layers with a parameter changed from its default, a switching point, and a name.
    bool params = false, kinks = false, named = false;
    for (const Checked& c : checkedSessions())
        for (const nn::LayerSpec& l : c.session.network.hidden) {
            if (!nn::isFormulaLayer(l)) continue;
            const FormulaActivationResult row = nn::layerActivation(l);
            ASSERT_TRUE(row.ok()) << row.error;
            for (std::size_t i = 0; i < row.row->params.size(); ++i)
                params = params || l.params[i] != row.row->params[i].defaultValue;
            kinks = kinks || row.row->program->hasSwitchingPoints();
            named = named || !l.name.empty();
        }
    EXPECT_TRUE(params);
    EXPECT_TRUE(kinks);
    EXPECT_TRUE(named);
}

TEST(PytorchSessions, CoverEveryOutputOptimiserRegularisationAndInitialisation) {
    using nn::OutputKind;
    for (OutputKind k : {OutputKind::TanhSquare, OutputKind::SigmoidBce, OutputKind::SoftmaxCe,
                         OutputKind::LinearSquare})
        EXPECT_TRUE(any([k](const nn::Session& s) { return s.network.output == k; }))
            << nn::outputId(k);
    for (int classes : {3, 4, 5})
        EXPECT_TRUE(any([classes](const nn::Session& s) {
            return s.network.output == OutputKind::SoftmaxCe && s.network.outputs == classes;
        })) << classes
            << " classes";
    EXPECT_TRUE(any([](const nn::Session& s) {
        return s.network.output == OutputKind::LinearSquare && nn::sessionData(s).regression();
    }));
    for (nn::OptimizerKind k :
         {nn::OptimizerKind::Sgd, nn::OptimizerKind::Momentum, nn::OptimizerKind::Adam})
        EXPECT_TRUE(any([k](const nn::Session& s) { return s.training.optimizer == k; }))
            << nn::optimizerId(k);
    for (nn::TrainingMode mode : {nn::TrainingMode::Standard, nn::TrainingMode::Playground})
        for (nn::Regularization r : {nn::Regularization::L1, nn::Regularization::L2})
            EXPECT_TRUE(any([mode, r](const nn::Session& s) {
                return s.training.mode == mode && s.training.regularization == r &&
                       s.training.regularizationRate > 0;
            })) << nn::modeId(mode)
                << " " << nn::regularizationId(r);
    for (nn::InitKind k :
         {nn::InitKind::Playground, nn::InitKind::Xavier, nn::InitKind::He, nn::InitKind::LeCun})
        EXPECT_TRUE(any([k](const nn::Session& s) { return s.init == k && !s.weights; }))
            << nn::initId(k);
}

TEST(PytorchSessions, CoverTheFeaturesPReluModesAndShapes) {
    EXPECT_TRUE(
        any([](const nn::Session& s) { return s.network.features.size() == nn::kFeatureCount; }));
    for (nn::PReluMode mode : {nn::PReluMode::PerLayer, nn::PReluMode::PerNeuron})
        EXPECT_TRUE(any([mode](const nn::Session& s) {
            return std::any_of(s.network.hidden.begin(), s.network.hidden.end(),
                               [mode](const nn::LayerSpec& l) {
                                   return l.activation == "prelu" && l.preluMode == mode;
                               });
        }));
    EXPECT_TRUE(any([](const nn::Session& s) { return s.network.hidden.empty(); }));
    EXPECT_TRUE(any([](const nn::Session& s) {
        return s.network.hidden.size() == nn::kMaxHiddenLayers &&
               std::all_of(s.network.hidden.begin(), s.network.hidden.end(),
                           [](const nn::LayerSpec& l) { return l.neurons == nn::kMaxNeurons; });
    }));
    EXPECT_TRUE(any([](const nn::Session& s) { return s.points.has_value(); }));
    EXPECT_TRUE(any([](const nn::Session& s) {
        const nn::Dataset d = nn::sessionData(s);
        return int(d.train.size() + d.test.size()) > pytorch::kMaxInlinePoints;
    }));
    EXPECT_TRUE(any([](const nn::Session& s) { return s.weights && s.epoch > 0; }));
    // The standard mode's last partial batch.
    EXPECT_TRUE(any([](const nn::Session& s) {
        return s.training.mode == nn::TrainingMode::Standard &&
               nn::sessionData(s).train.size() % std::size_t(s.training.batchSize) != 0;
    }));
}

TEST(PytorchSessions, CoverPlaygroundsCarriedBatchAndADeadLink) {
    bool carried = false, deadLink = false;
    for (const Checked& c : checkedSessions()) {
        const nn::Session& s = c.session;
        if (s.training.mode != nn::TrainingMode::Playground) continue;
        const std::size_t n = nn::sessionData(s).train.size();
        carried = carried || n % std::size_t(s.training.batchSize) != 0;
        if (s.training.regularization != nn::Regularization::L1) continue;
        // A link is dead once L1 has set its weight to exactly 0; nothing else lands there.
        nn::Trainer t = nn::makeTrainer(s);
        t.run(100);
        int zeros = 0;
        for (const nn::LayerParams& l : t.network().layers())
            zeros += int(std::count(l.w.begin(), l.w.end(), 0.0));
        deadLink = deadLink || zeros > 0;
    }
    EXPECT_TRUE(carried) << "no Playground session carries a partial batch over";
    EXPECT_TRUE(deadLink) << "no Playground L1 session kills a link within 100 epochs";
}

}  // namespace
}  // namespace actlab::test
