#pragma once
// `activation-lab eval`: evaluates an activation and its derivatives at given points, headless.

#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::cli {

/// Runs `eval` with the arguments that follow the subcommand. Writes the table to `out` only when
/// the whole input is valid; otherwise writes one line to `err` and returns 2.
int runEval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text of `eval`.
std::string evalUsage();

}  // namespace actlab::cli
