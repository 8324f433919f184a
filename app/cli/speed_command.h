#pragma once
// `activation-lab speed`: how fast each activation is on this computer.

#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::cli {

/// Times the given activations (default: all) and prints `activation,ns_per_element,
/// relative_to_relu`. Returns 2 with one line on `err` for bad input.
int runSpeed(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace actlab::cli
