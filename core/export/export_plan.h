#pragma once
// What a PyTorch export is made of, resolved once from the session and the options: the data,
// the starting weights, each hidden layer's torch module, and the facts the code sections and
// texts depend on. Internal to core/export.

#include <string>
#include <vector>

#include "pytorch_export.h"
#include "torch_modules.h"

namespace actlab::pytorch::detail {

enum class Target { Script, Notebook };

struct Plan {
    nn::Session session;
    nn::Dataset data;
    std::vector<nn::LayerParams> weights;  ///< where training starts (hidden layers, output)
    std::vector<TorchModule> modules;      ///< one per hidden layer
    PytorchExportOptions options;
    Target target = Target::Script;
    bool inlineData = true;  ///< the points are in the code, else in options.dataFileName

    const nn::NetworkSpec& network() const { return session.network; }
    const nn::TrainingConfig& training() const { return session.training; }
    nn::OutputKind output() const { return session.network.output; }
    bool playground() const { return session.training.mode == nn::TrainingMode::Playground; }
    bool regression() const { return data.regression(); }
    /// A training or test set is empty (the tensors then need an explicit shape).
    bool emptySet() const { return data.train.empty() || data.test.empty(); }
    bool zh() const { return options.lang.starts_with("zh"); }
    std::string sessionName() const {
        return options.sessionName.empty() ? "SESSION.actlab.json" : options.sessionName;
    }
};

/// Fills `plan`; returns "" or why the session cannot be exported.
std::string makePlan(const nn::Session& session, const PytorchExportOptions& options, Target target,
                     Plan& plan);

/// The data file's text, `x,y,label,split` rows ("" when the points are in the code).
std::string dataCsv(const Plan& plan);

/// "activation-lab train --session S --epochs N": the command whose CSV the export prints.
std::string trainCommand(const Plan& plan);
/// Whether that command, on the session file, starts from the export's weights (not when the
/// export replays training from the seed and the file stores trained weights).
bool trainStartsHere(const Plan& plan);

/// One-line descriptions of the parts of the experiment, in English or Chinese.
struct Summary {
    std::string title, data, network, weights, training, compare;
};
Summary summarize(const Plan& plan, bool zh);

}  // namespace actlab::pytorch::detail
