// Fuzzes the argument parsing of `eval` and `train`: the input is split into arguments at NUL or
// newline bytes; the first byte chooses the subcommand. Options that read or write files are
// dropped (with their values) so that the fuzzer cannot touch the file system.

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "cli/eval_command.h"
#include "cli/train_command.h"

namespace {
bool touchesFiles(const std::string& a) {
    for (const char* opt : {"--x-file", "--session", "--playground", "--log", "--save", "--grid-out"})
        if (a.rfind(opt, 0) == 0) return true;
    return false;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::vector<std::string> args;
    std::string current;
    for (std::size_t i = 1; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\0' || c == '\n') {
            args.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    args.push_back(current);
    std::vector<std::string> safe;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (touchesFiles(args[i])) {
            if (args[i].find('=') == std::string::npos) ++i;  // skip its value too
            continue;
        }
        safe.push_back(args[i]);
    }
    // Cap the work a single input can ask for: short arguments, and ranges of at most 9999 points.
    for (std::string& a : safe) {
        if (a.size() > 64) a.resize(64);
        const std::size_t colon = a.rfind(':');
        if (a.find("--range") != std::string::npos || colon != std::string::npos)
            if (colon != std::string::npos && a.size() - colon - 1 > 4) a.resize(colon + 5);
    }
    std::ostringstream out, err;
    if (data[0] % 2 == 0)
        actlab::cli::runEval(safe, out, err);
    else
        actlab::cli::runTrain(safe, out, err);
    return 0;
}
