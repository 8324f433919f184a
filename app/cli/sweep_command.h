#pragma once
// `activation-lab sweep`: trains a session over a grid of settings and seeds, on every core, and
// writes one CSV row per run (docs/sweeps.md).

#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::cli {

/// Runs `sweep` with the arguments that follow the subcommand. Returns 0 on success, 2 on bad
/// input (one line on `err`, no file written), 1 when the output cannot be written. Progress goes
/// to `err`. On SIGINT or SIGTERM the sweep stops, writes nothing, and the signal is raised again.
int runSweep(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text of `sweep`.
std::string sweepUsage();

}  // namespace actlab::cli
