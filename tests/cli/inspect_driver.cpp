// `activation-lab inspect` without the GUI build: the subcommand's own entry point behind a
// plain main(), so that tests/check_inspect_reference.py can run it in headless builds too.

#include <iostream>
#include <string>
#include <vector>

#include "cli/inspect_command.h"

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return actlab::cli::runInspect(args, std::cout, std::cerr);
}
