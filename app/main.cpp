// activation-lab: the GUI, and the headless subcommands eval, train, sweep, propagate, inspect,
// speed and export.

#include <QApplication>
#include <iostream>
#include <string>
#include <vector>

#include "classroom/language_manager.h"
#include "classroom/main_window.h"
#include "common/accessibility.h"
#include "cli/eval_command.h"
#include "cli/export_command.h"
#include "cli/inspect_command.h"
#include "cli/propagate_command.h"
#include "cli/speed_command.h"
#include "cli/sweep_command.h"
#include "cli/train_command.h"
#include "gui_options.h"

namespace {

/// `activation-lab help [SUBCOMMAND]`.
int help(const std::vector<std::string>& args) {
    using namespace actlab::cli;
    const std::string topic = args.empty() ? "" : args.front();
    if (topic.empty())
        std::cout << mainHelp();
    else if (topic == "eval")
        std::cout << evalUsage();
    else if (topic == "train")
        std::cout << trainUsage();
    else if (topic == "sweep")
        std::cout << sweepUsage();
    else if (topic == "propagate")
        std::cout << propagateUsage();
    else if (topic == "inspect")
        std::cout << inspectUsage();
    else if (topic == "speed")
        return runSpeed({"--help"}, std::cout, std::cerr);
    else if (topic == "export")
        std::cout << exportUsage();
    else {
        std::cerr << "activation-lab help: unknown subcommand '" << topic
                  << "'; valid: eval, train, sweep, propagate, inspect, speed, export\n";
        return 2;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    // Headless subcommands run before any QApplication exists, so they need no display (export
    // makes its own, on the offscreen platform).
    if (argc > 1) {
        const std::string command = argv[1];
        const std::vector<std::string> args(argv + 2, argv + argc);
        if (command == "eval") return actlab::cli::runEval(args, std::cout, std::cerr);
        if (command == "train") return actlab::cli::runTrain(args, std::cout, std::cerr);
        if (command == "sweep") return actlab::cli::runSweep(args, std::cout, std::cerr);
        if (command == "propagate") return actlab::cli::runPropagate(args, std::cout, std::cerr);
        if (command == "inspect") return actlab::cli::runInspect(args, std::cout, std::cerr);
        if (command == "speed") return actlab::cli::runSpeed(args, std::cout, std::cerr);
        if (command == "export") return actlab::cli::runExport(args, std::cout, std::cerr);
        if (command == "help") return help(args);
    }

    // The GUI's options are checked before the QApplication too: --help, --version and bad
    // values answer without a display, and never after a window has appeared.
    actlab::cli::GuiOptions options;
    if (const int status = actlab::cli::parseGuiOptions(argc, argv, options, std::cout, std::cerr);
        status >= 0)
        return status;

    QApplication app(argc, argv);
    QApplication::setApplicationName("Activation Lab");
    QApplication::setApplicationVersion(ACTLAB_VERSION);
    actlab::ui::LanguageManager::setupFonts();
    actlab::ui::LanguageManager::setupNumberFormat();
    actlab::ui::installAccessibility();  // before any widget exists
    actlab::ui::MainWindow window;
    if (const QString problem = actlab::cli::applyGuiOptions(options, window); !problem.isEmpty()) {
        std::cerr << "activation-lab: " << problem.toStdString() << "\n";
        return 2;
    }
    if (const QString problem = actlab::cli::startGui(options, window); !problem.isEmpty()) {
        std::cerr << "activation-lab: " << problem.toStdString() << "\n";
        return 1;
    }
    return QApplication::exec();
}
