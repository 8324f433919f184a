#pragma once
// `activation-lab propagate`: the mean-field theory of signal propagation (core/theory) for one
// activation, headless: q*, χ₁, c*, the phase and the depth curves, or the critical σ_w².

#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::cli {

/// Runs `propagate` with the arguments that follow the subcommand. Returns 0 on success, and 2
/// with one line on `err` for bad input or when the critical line does not cross the given σ_b².
int runPropagate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text of `propagate`.
std::string propagateUsage();

}  // namespace actlab::cli
