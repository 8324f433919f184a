#pragma once
// `activation-lab inspect`: the data of the "why" views (core/inspect) for a session, headless:
// the activations of a hidden layer at every point, the linear regions over a grid, or the
// pre-activations of every hidden unit. For scripted figures and the end-to-end tests.

#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::cli {

/// Runs `inspect` with the arguments that follow the subcommand. Returns 0 on success, 2 on bad
/// input (one line on `err`, no file written), 3 when training diverged, 1 when the output cannot
/// be written after all.
int runInspect(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text of `inspect`.
std::string inspectUsage();

}  // namespace actlab::cli
