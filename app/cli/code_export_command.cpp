#include "code_export_command.h"

#include <filesystem>
#include <ostream>

#include "export/pytorch_export.h"
#include "nn/session.h"
#include "nn/session_limits.h"
#include "util/atomic_file.h"
#include "util/file_read.h"
#include "util/message_text.h"

namespace actlab::cli {

namespace fs = std::filesystem;

int runCodeExport(const CodeExportRequest& req, std::ostream&, std::ostream& err) {
    const auto fail = [&err](const std::string& message, int status) {
        err << "activation-lab export: " << message << "\n";
        return status;
    };
    // Everything is checked before anything is written.
    const FileBytes text = readFileBytes(req.session, nn::kMaxSessionFileBytes);
    if (!text.ok())
        return fail("cannot read the session '" + printablePath(req.session) + "': " + text.reason,
                    1);
    const nn::SessionLoad loaded = nn::parseSession(text.text);
    if (!loaded.ok()) return fail(printablePath(req.session) + ": " + loaded.error, 2);
    if (const std::string problem = outputPathProblem(req.output); !problem.empty())
        return fail(problem, 1);

    pytorch::PytorchExportOptions options;
    options.epochs = req.epochs < 0 ? pytorch::kDefaultEpochs : int(req.epochs);
    options.weights =
        req.fromCurrentWeights ? pytorch::StartWeights::Current : pytorch::StartWeights::Initial;
    options.lang = req.lang;
    options.dataFileName = pytorch::dataFileFor(req.output);
    // Shown in the script's comments, which Python reads as UTF-8.
    options.sessionName = printable(fs::path(req.session).filename().string(), 120);
    const pytorch::PytorchExport result = req.notebook
                                              ? pytorch::jupyterNotebook(loaded.session, options)
                                              : pytorch::pytorchScript(loaded.session, options);
    if (!result.ok())
        return fail(printablePath(req.session) + ": cannot be exported: " + result.error, 2);

    std::vector<FileText> files;
    if (!result.dataCsv.empty())
        files.push_back(
            {(fs::path(req.output).parent_path() / options.dataFileName).string(), result.dataCsv});
    files.push_back({req.output, result.text});
    ignoreFileSizeSignal();  // a file-size limit fails the write ("File too large") instead
    if (const std::string problem = writeFilesAtomically(files); !problem.empty())
        return fail(problem, 1);
    return 0;
}

}  // namespace actlab::cli
