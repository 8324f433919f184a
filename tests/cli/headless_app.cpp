// actlab_headless: the Qt-free subcommands of activation-lab (eval, train, speed), dispatched as
// app/main.cpp dispatches them, for the command-line tests of builds without the GUI.
//
// Unlike the program it stands in for, it adopts the environment's locale in C and in C++ before
// anything else, as a GUI toolkit does (QApplication calls setlocale): under LANG=de_DE.UTF-8 its
// output must still be byte for byte that of the C locale (tests/cli/check_locale_outputs.py).

#include <clocale>
#include <iostream>
#include <locale>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/eval_command.h"
#include "cli/speed_command.h"
#include "cli/train_command.h"

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");
    try {
        std::locale::global(std::locale(""));
    } catch (const std::runtime_error&) {
        // A locale the C++ library does not know: keep the classic one.
    }
    if (argc > 1) {
        const std::string command = argv[1];
        const std::vector<std::string> args(argv + 2, argv + argc);
        if (command == "eval") return actlab::cli::runEval(args, std::cout, std::cerr);
        if (command == "train") return actlab::cli::runTrain(args, std::cout, std::cerr);
        if (command == "speed") return actlab::cli::runSpeed(args, std::cout, std::cerr);
    }
    std::cerr << "actlab_headless: expected eval, train or speed\n";
    return 2;
}
