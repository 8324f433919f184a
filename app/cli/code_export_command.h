#pragma once
// `activation-lab export --session S --pytorch OUT.py | --notebook OUT.ipynb`: the session as a
// standalone PyTorch script or a Jupyter notebook (core/export/pytorch_export.h). Qt-free; the
// export subcommand hands these options over before it starts any Qt.

#include <iosfwd>
#include <string>

namespace actlab::cli {

struct CodeExportRequest {
    std::string session;  ///< the session file
    std::string output;   ///< the .py or .ipynb file to write
    bool notebook = false;
    long long epochs = -1;  ///< -1: the default (100)
    bool fromCurrentWeights = false;
    std::string lang = "en";  ///< the notebook's language: en or zh_CN
};

/// Writes the export (and its data CSV next to it when the data are large). Returns 0, 2 for a
/// session that is not valid or cannot be exported, 1 when a file cannot be read or written, with
/// one line on `err`; a failed export leaves no file behind.
int runCodeExport(const CodeExportRequest& req, std::ostream& out, std::ostream& err);

}  // namespace actlab::cli
