#pragma once
// `activation-lab export`: a figure for slides, rendered headless. Either the explorer's curve
// plot of one activation, or a session trained for some epochs and drawn as its decision
// boundary (a grid of maps for a comparison). With --pytorch or --notebook it writes the session
// as PyTorch code instead (code_export_command.h, no Qt).

#include <iosfwd>
#include <string>
#include <vector>

namespace actlab::cli {

/// Runs `export` with the arguments that follow the subcommand. Returns 0 on success, 2 on bad
/// input and 1 when a file cannot be read or written, with one line on `err` naming the
/// problem; a failed export writes no file. It creates its own QApplication on the offscreen
/// platform (unless QT_QPA_PLATFORM says otherwise), so it needs no display.
int runExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage text of `export`.
std::string exportUsage();

}  // namespace actlab::cli
