#include "code_export_command.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "export/pytorch_export.h"
#include "nn/session.h"
#include "util/atomic_file.h"

namespace actlab::cli {

namespace fs = std::filesystem;

int runCodeExport(const CodeExportRequest& req, std::ostream&, std::ostream& err) {
    const auto fail = [&err](const std::string& message, int status) {
        err << "activation-lab export: " << message << "\n";
        return status;
    };
    // Everything is checked before anything is written.
    std::error_code ec;
    std::ifstream in(req.session, std::ios::binary);
    std::ostringstream text;
    if (in) text << in.rdbuf();
    if (!in || fs::is_directory(req.session, ec))
        return fail("cannot read the session '" + req.session + "'", 1);
    const nn::SessionLoad loaded = nn::parseSession(text.str());
    if (!loaded.ok()) return fail(req.session + ": " + loaded.error, 2);
    if (const std::string problem = outputPathProblem(req.output); !problem.empty())
        return fail(problem, 1);

    pytorch::PytorchExportOptions options;
    options.epochs = req.epochs < 0 ? pytorch::kDefaultEpochs : int(req.epochs);
    options.weights =
        req.fromCurrentWeights ? pytorch::StartWeights::Current : pytorch::StartWeights::Initial;
    options.lang = req.lang;
    options.dataFileName = pytorch::dataFileFor(req.output);
    options.sessionName = fs::path(req.session).filename().string();
    const pytorch::PytorchExport result = req.notebook
                                              ? pytorch::jupyterNotebook(loaded.session, options)
                                              : pytorch::pytorchScript(loaded.session, options);
    if (!result.ok()) return fail(req.session + ": cannot be exported: " + result.error, 2);

    std::vector<FileText> files;
    if (!result.dataCsv.empty())
        files.push_back(
            {(fs::path(req.output).parent_path() / options.dataFileName).string(), result.dataCsv});
    files.push_back({req.output, result.text});
    if (const std::string problem = writeFilesAtomically(files); !problem.empty())
        return fail(problem, 1);
    return 0;
}

}  // namespace actlab::cli
