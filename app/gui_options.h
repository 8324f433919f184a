#pragma once
// The GUI's command line: `activation-lab [--activation ID] [--param NAME=VALUE]...
// [--session FILE | FILE | --lesson N] [--lang L] [--theme T] [--presentation] [--play]
// [--heartbeat FILE]`. It is parsed (QCommandLineParser) before the QApplication exists, so
// that --help, --version and bad values answer without a display; what needs the window (the
// lesson list, the current activation's parameters) is checked before the window is shown.

#include <QString>
#include <QStringList>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace actlab::ui {
class MainWindow;
}

namespace actlab::cli {

/// What the command line asks the GUI to show.
struct GuiOptions {
    QString activation;  ///< registry id, resolved from an id or torch class name
    std::vector<std::pair<QString, double>> params;  ///< by keyword, in the order given
    QString session;                                 ///< a session file to open
    /// The session file's name as given, when it is not valid UTF-8 (a QString cannot hold
    /// it): the file is then read by these bytes. Empty otherwise.
    std::string sessionBytes;
    int lesson = 0;                                  ///< 1-based, 0 for none
    QString lang;   ///< "en" or "zh_CN", empty for the remembered language
    QString theme;  ///< an Appearance theme id, empty for the remembered theme
    bool presentation = false;
    bool play = false;
    QString heartbeat;  ///< the file --heartbeat rewrites every second
};

/// Parses `argv` (Qt's own options such as -platform are left to QApplication). Returns -1 to
/// go on and start the GUI; otherwise the exit status, after printing --help or --version on
/// `out` (0) or one line naming the problem on `err` (2).
int parseGuiOptions(int argc, char** argv, GuiOptions& options, std::ostream& out,
                    std::ostream& err);

/// Brings a window that is not shown yet into the state `options` asks for. "" on success, or
/// the problem (a lesson number out of range, a parameter the activation does not have, a
/// session that does not open); the caller then exits without showing the window.
QString applyGuiOptions(const GuiOptions& options, ui::MainWindow& window);

/// Shows the window (full screen with --presentation), starts training with --play and the
/// heartbeat with --heartbeat. "" on success, or why the heartbeat file cannot be written.
QString startGui(const GuiOptions& options, ui::MainWindow& window);

/// The text of `activation-lab --help` and `activation-lab help`: the GUI's options, then the
/// subcommands.
std::string mainHelp();

}  // namespace actlab::cli
