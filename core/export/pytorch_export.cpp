#include "pytorch_export.h"

#include <sstream>

#include "export_plan.h"
#include "python_text.h"
#include "script_sections.h"

namespace actlab::pytorch {

namespace {

using detail::Plan;

/// Characters in UTF-8 text (not bytes), for line widths.
std::size_t width(const std::string& text) {
    std::size_t n = 0;
    for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// `text` as `#` comment lines of at most `limit` characters, the first starting with `first`,
/// the next ones indented like the text after `first`.
std::string commentLines(const std::string& first, const std::string& text,
                         std::size_t limit = 99) {
    const std::string indent = "#" + std::string(width(first) - 1, ' ');
    std::string out, line = first;
    std::istringstream words(oneLine(text));
    std::string word;
    bool empty = true;
    while (words >> word) {
        if (!empty && width(line) + 1 + width(word) > limit) {
            out += line + "\n";
            line = indent;
            empty = true;
        }
        line += (empty && line.back() == ' ' ? "" : " ") + word;
        empty = false;
    }
    return out + line + "\n";
}

std::string header(const Plan& p) {
    const detail::Summary s = detail::summarize(p, false);
    std::string h = "#!/usr/bin/env python3\n";
    h += commentLines("# ",
                      "Activation Lab → PyTorch: " +
                          (s.title.empty() ? std::string("an Activation Lab session") : s.title));
    h += "#\n";
    h += commentLines("# ",
                      "This script trains the session's network exactly as Activation Lab does, "
                      "in float64: the same data, input features, starting weights, mini-batch "
                      "order and update rule, with no random state of torch. It prints the CSV "
                      "of" +
                          std::string(detail::trainStartsHere(p)
                                          ? ""
                                          : " this command on the session without its stored "
                                            "weights") +
                          ":");
    h += "#\n#     " + detail::trainCommand(p) + "\n#\n";
    h += commentLines("# ",
                      "epoch,train_loss,test_loss,train_acc,test_acc (row 0 is before "
                      "training), the same rows to rounding (docs/pytorch-export.md says "
                      "how close).");
    h += "#\n";
    h += commentLines("# Data:     ", s.data);
    h += commentLines("# Network:  ", s.network);
    h += commentLines("# Weights:  ", s.weights);
    h += commentLines("# Training: ", s.training);
    if (!s.compare.empty()) h += commentLines("# Compare:  ", s.compare);
    h += "#\n";
    h += commentLines("# ", "It needs Python 3 and torch, nothing else" +
                                (p.inlineData ? std::string()
                                              : "; the points are in " + p.options.dataFileName +
                                                    ", which must stay next to it") +
                                ". Exported by Activation Lab.");
    return h;
}

}  // namespace

std::string exportProblem(const nn::Session& session, const PytorchExportOptions& options) {
    Plan plan;
    return detail::makePlan(session, options, detail::Target::Script, plan);
}

PytorchExport pytorchScript(const nn::Session& session, const PytorchExportOptions& options) {
    Plan plan;
    PytorchExport out;
    out.error = detail::makePlan(session, options, detail::Target::Script, plan);
    if (!out.ok()) return out;
    // The data go last, so that the code reads first; the functions read TRAIN and TEST only
    // when train() runs.
    std::string code, data;
    for (const detail::Section& s : detail::codeSections(plan)) {
        if (s.id == "data")
            data = s.code;
        else
            code += (code.empty() ? "" : "\n\n") + s.code;
    }
    out.text = header(plan) + "\n" + code + "\n\n" + data +
               "\n\nif __name__ == \"__main__\":\n    train()\n";
    out.dataCsv = detail::dataCsv(plan);
    return out;
}

std::string dataFileFor(std::string_view outputPath) {
    std::string_view name = outputPath;
    if (const std::size_t slash = name.find_last_of("/\\"); slash != std::string_view::npos)
        name.remove_prefix(slash + 1);
    if (const std::size_t dot = name.find_last_of('.'); dot != std::string_view::npos && dot > 0)
        name = name.substr(0, dot);
    return std::string(name.empty() ? "export" : name) + "_data.csv";
}

}  // namespace actlab::pytorch
