#pragma once
// `activation-lab train`: trains a session headless and logs every epoch.

#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::cli {

/// Runs `train` with the arguments that follow the subcommand. Returns 0 on success, 2 on bad
/// input (one line on `err`), 3 when training diverged (the log holds the good epochs), 1 when
/// an output file cannot be written.
int runTrain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text of `train`.
std::string trainUsage();

}  // namespace actlab::cli
