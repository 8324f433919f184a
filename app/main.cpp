// activation-lab: the GUI, and the headless subcommands eval, train and export.

#include <QApplication>
#include <iostream>
#include <string>
#include <vector>

#include "cli/eval_command.h"
#include "cli/speed_command.h"
#include "cli/train_command.h"
#include "main_window.h"

int main(int argc, char** argv) {
    // Headless subcommands run before any Qt object exists, so they need no display.
    if (argc > 1) {
        const std::string command = argv[1];
        const std::vector<std::string> args(argv + 2, argv + argc);
        if (command == "eval") return actlab::cli::runEval(args, std::cout, std::cerr);
        if (command == "train") return actlab::cli::runTrain(args, std::cout, std::cerr);
        if (command == "speed") return actlab::cli::runSpeed(args, std::cout, std::cerr);
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName("Activation Lab");
    actlab::ui::MainWindow window;
    window.show();
    return QApplication::exec();
}
