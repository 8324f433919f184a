#pragma once
// Export of a session to PyTorch: a standalone Python script, or a Jupyter notebook of the same
// code, that trains the session's network exactly as Activation Lab does (float64, the same
// data, features, starting weights, mini-batch order and update rule) and prints the CSV of
// `activation-lab train`: epoch,train_loss,test_loss,train_acc,test_acc. Qt-free; the command
// line (`activation-lab export --pytorch / --notebook`) and the GUI call these functions.
// docs/pytorch-export.md describes what is reproduced and how.

#include <string>
#include <string_view>
#include <vector>

#include "nn/session.h"

namespace actlab::pytorch {

/// The most points written into the script itself; more go to a CSV file next to it.
inline constexpr int kMaxInlinePoints = 1000;
/// The default number of epochs the exported training runs (as `activation-lab train`).
inline constexpr int kDefaultEpochs = 100;
inline constexpr int kMaxEpochs = 1'000'000;

/// Which weights the exported training starts from. To start from any other weights (those the
/// network page resets to, say), put them in Session::weights with Session::epoch = 0.
enum class StartWeights {
    /// The weights the session's training starts from: its stored weights when it has not been
    /// trained (epoch 0, e.g. a recorded Playground run), else the initialisation from its seed,
    /// so that the export replays the training that led to the stored weights.
    Initial,
    /// The session's stored weights whatever their epoch (as `activation-lab train` starts from
    /// them); the initialisation from the seed when it stores none.
    Current,
};

struct PytorchExportOptions {
    int epochs = kDefaultEpochs;  ///< 0 … kMaxEpochs
    StartWeights weights = StartWeights::Initial;
    std::string lang = "en";  ///< the notebook's language: "en" or "zh_CN" (the script is English)
    /// The name of the CSV file, in the script's folder, that holds the data when there are more
    /// than kMaxInlinePoints points (see dataFileFor()).
    std::string dataFileName = "data.csv";
    /// How the texts name the session file ("lesson.actlab.json"); empty: "SESSION.actlab.json".
    std::string sessionName;
};

/// A generated export: the text, and the data file that goes next to it, or why there is none.
struct PytorchExport {
    std::string error;    ///< why the session cannot be exported; empty when it can
    std::string text;     ///< the Python script, or the notebook's JSON
    std::string dataCsv;  ///< `x,y,label,split` rows to write as options.dataFileName, or ""
    bool ok() const { return error.empty(); }
};

/// Why this session cannot be exported with these options, or "" when it can (a quick check
/// for a dialog; pytorchScript() and jupyterNotebook() report the same).
std::string exportProblem(const nn::Session& session, const PytorchExportOptions& options);

/// The standalone script (`python3 OUT.py` prints the CSV).
PytorchExport pytorchScript(const nn::Session& session, const PytorchExportOptions& options);

/// The notebook (nbformat 4.5 JSON): the script's code in cells with short explanations in
/// options.lang, the training run, and a loss curve and decision-boundary plot (matplotlib).
PytorchExport jupyterNotebook(const nn::Session& session, const PytorchExportOptions& options);

/// The weights (one LayerParams per hidden layer and the output layer) the export starts from.
/// Precondition: validate(session) is empty.
std::vector<nn::LayerParams> startWeights(const nn::Session& session, StartWeights from);

/// The data file name for an export written to `outputPath`: its stem + "_data.csv"
/// ("runs/xor.py" → "xor_data.csv").
std::string dataFileFor(std::string_view outputPath);

}  // namespace actlab::pytorch
