#include "gui_options.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QTabWidget>
#include <QTimer>
#include <optional>
#include <ostream>

#include "activations/activation_call.h"
#include "classroom/language_manager.h"
#include "classroom/lesson_catalog.h"
#include "classroom/main_window.h"
#include "classroom/presentation_mode.h"
#include "classroom/session_controller.h"
#include "cli/arg_reader.h"
#include "common/appearance.h"
#include "common/heap_memory.h"
#include "common/qt_text.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "network/network_page.h"
#include "nn/session.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

/// Options that QGuiApplication and QApplication read themselves (and remove from argv). They
/// are passed over here, since our parser would take "-platform" for the short options -p -l …
const QStringList kQtValueOptions = {QStringLiteral("-platform"),
                                     QStringLiteral("-platformpluginpath"),
                                     QStringLiteral("-platformtheme"),
                                     QStringLiteral("-plugin"),
                                     QStringLiteral("-qwindowgeometry"),
                                     QStringLiteral("-qwindowicon"),
                                     QStringLiteral("-qwindowtitle"),
                                     QStringLiteral("-session"),
                                     QStringLiteral("-style"),
                                     QStringLiteral("-stylesheet"),
                                     QStringLiteral("-display"),
                                     QStringLiteral("-geometry"),
                                     QStringLiteral("-name"),
                                     QStringLiteral("-title"),
                                     QStringLiteral("-visual"),
                                     QStringLiteral("-qmljsdebugger")};
const QStringList kQtFlags = {QStringLiteral("-reverse"), QStringLiteral("-widgetcount"),
                              QStringLiteral("-nograb"), QStringLiteral("-dograb"),
                              QStringLiteral("-sync")};

const QString kActivation = QStringLiteral("activation");
const QString kParam = QStringLiteral("param");
const QString kSession = QStringLiteral("session");
const QString kLesson = QStringLiteral("lesson");
const QString kLang = QStringLiteral("lang");
const QString kTheme = QStringLiteral("theme");
const QString kPresentation = QStringLiteral("presentation");
const QString kPlay = QStringLiteral("play");
const QString kHeartbeat = QStringLiteral("heartbeat");

void addOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(QStringLiteral(
        "Explore and teach the activation functions of neural networks. Without a subcommand, "
        "opens the window in the state the options describe."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("A session file to open, like --session."),
                                 QStringLiteral("[FILE]"));
    parser.addOptions({
        {kActivation,
         QStringLiteral("Show activation ID in the explorer: a registry id (leaky_relu) or a "
                        "PyTorch class name (LeakyReLU)."),
         QStringLiteral("ID")},
        {kParam,
         QStringLiteral("Set a parameter of the explorer's activation by its PyTorch keyword "
                        "(negative_slope=0.2). Repeat for several."),
         QStringLiteral("NAME=VALUE")},
        {kSession, QStringLiteral("Open a session file (.actlab.json)."), QStringLiteral("FILE")},
        {kLesson, QStringLiteral("Open lesson N of the Lessons menu (1 is the first)."),
         QStringLiteral("N")},
        {kLang, QStringLiteral("The language of the interface: en or zh_CN."),
         QStringLiteral("LANG")},
        {kTheme,
         QStringLiteral("The colours: system, light, contrast (high-contrast light, for "
                        "projectors) or dark."),
         QStringLiteral("THEME")},
        {kPresentation,
         QStringLiteral("Start in presentation mode: full screen, larger type and lines.")},
        {kPlay, QStringLiteral("Start training the mini-network at once.")},
        {kHeartbeat,
         QStringLiteral("Rewrite FILE every second with \"<unix-seconds> <epoch> <heap-bytes>\" "
                        "from the window's event loop (a file that stops changing means a "
                        "blocked window; heap-bytes is the memory allocated and not freed; "
                        "scripts/soak.sh reads it)."),
         QStringLiteral("FILE")},
    });
}

std::string subcommandsHelp() {
    return "Subcommands (headless: they open no window and need no display):\n"
           "  eval       evaluate an activation and its derivatives at given points\n"
           "  train      train a session and log every epoch as CSV\n"
           "  sweep      train a session over a range of settings and seeds, as CSV\n"
           "  propagate  mean-field signal propagation: q*, chi1, phase, critical line\n"
           "  inspect    a session's hidden-layer activations, linear regions or\n"
           "             pre-activations, as CSV\n"
           "  speed      time the activations on this computer\n"
           "  export     render a curve or decision-boundary figure as PNG, SVG or PDF\n"
           "  help       this text; `activation-lab help SUBCOMMAND` shows a subcommand's usage\n"
           "Run `activation-lab SUBCOMMAND --help` for its options.\n";
}

/// The heartbeat line, written whole (QSaveFile renames a complete file into place), so a
/// reader never sees half a line.
bool writeHeartbeat(const QString& path, int epoch, QString* error) {
    QSaveFile file(path);
    const QByteArray line = QByteArray::number(QDateTime::currentSecsSinceEpoch()) + ' ' +
                            QByteArray::number(epoch) + ' ' +
                            QByteArray::number(qlonglong(ui::heapInUse())) + '\n';
    if (file.open(QIODevice::WriteOnly) && file.write(line) == line.size() && file.commit())
        return true;
    if (error) *error = file.errorString();
    return false;
}

std::string text(const QString& s) {
    return s.toStdString();
}

}  // namespace

std::string mainHelp() {
    QCommandLineParser parser;
    addOptions(parser);
    // Parsed before any QCoreApplication exists, the parser does not know the program's name.
    QString help = parser.helpText();
    help.replace(QStringLiteral("<executable_name>"), QStringLiteral("activation-lab"));
    return text(help) + "\n" + subcommandsHelp();
}

int parseGuiOptions(int argc, char** argv, GuiOptions& o, std::ostream& out, std::ostream& err) {
    QStringList args{QStringLiteral("activation-lab")};
    // Arguments that are not valid UTF-8 (a file name of other bytes) lose bytes as QStrings:
    // each is kept as given, by the text it decodes to.
    QHash<QString, std::string> rawBytes;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.toLocal8Bit() != QByteArray(argv[i])) rawBytes.insert(arg, argv[i]);
        const QString name = arg.section(QLatin1Char('='), 0, 0);
        if (kQtFlags.contains(arg)) continue;
        if (kQtValueOptions.contains(name)) {
            if (name == arg) ++i;  // "-platform offscreen" rather than "-platform=offscreen"
            continue;
        }
        args << arg;
    }
    QCommandLineParser parser;
    addOptions(parser);
    const auto fail = [&err](const std::string& problem) {
        err << "activation-lab: " << problem << "\n";
        return 2;
    };
    if (!parser.parse(args)) return fail(text(parser.errorText()) + " (see activation-lab --help)");
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        out << mainHelp();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out << "activation-lab " << ACTLAB_VERSION << "\n";
        return 0;
    }

    // The session: --session FILE or a file on its own (how the desktop opens a session).
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) return fail("more than one file to open: " + text(files.join(", ")));
    if (!files.isEmpty()) {
        const QString& file = files.front();
        if (parser.isSet(kSession))
            return fail("give the session with --session or on its own, not both");
        if (!QFileInfo::exists(file) && !file.contains(QLatin1Char('.')) &&
            !file.contains(QLatin1Char('/')))
            return fail("'" + text(file) +
                        "' is neither a session file nor a subcommand (eval, train, sweep, "
                        "propagate, inspect, speed, export, help)");
        o.session = file;
    }
    if (parser.isSet(kSession)) o.session = parser.value(kSession);
    if (parser.isSet(kLesson)) {
        if (!o.session.isEmpty()) return fail("give --session or --lesson, not both");
        const std::optional<long long> n = parseCount(text(parser.value(kLesson)), 1000);
        if (!n || *n < 1)
            return fail("--lesson: expected a lesson number (1 is the first), got '" +
                        text(parser.value(kLesson)) + "'");
        o.lesson = int(*n);
    }
    if (!o.session.isEmpty()) {
        if (auto raw = rawBytes.find(o.session); raw != rawBytes.end())
            o.sessionBytes = raw.value();
        else if (auto rawOption = rawBytes.find(QStringLiteral("--session=") + o.session);
                 rawOption != rawBytes.end())
            o.sessionBytes = rawOption.value().substr(std::string("--session=").size());
        // Checked here too, so that a bad file is reported without a display.
        const nn::SessionLoad loaded =
            nn::loadSessionFile(o.sessionBytes.empty() ? text(o.session) : o.sessionBytes);
        if (!loaded.ok()) return fail(loaded.error);  // the message names the file
    }

    // The activation and its parameters. With --activation they are checked against it here;
    // without, against the explorer's current activation once the window exists.
    std::vector<std::pair<std::string, std::string>> params;
    for (const QString& p : parser.values(kParam)) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0) return fail("--param expects NAME=VALUE, got '" + text(p) + "'");
        params.emplace_back(text(p.left(eq)), text(p.mid(eq + 1)));
    }
    if (parser.isSet(kActivation)) {
        const ResolvedCall resolved = resolveActivation(text(parser.value(kActivation)), params);
        if (!resolved.ok()) return fail(resolved.error);
        const ActivationSpec& spec = *resolved.call.spec;
        o.activation = ui::qs(spec.id);
        for (const auto& [key, value] : params) {
            if (key == spec.torchVariantKey) continue;  // approximate=tanh chose the row
            const int index = spec.paramIndex(key);
            o.params.emplace_back(ui::qs(key), resolved.call.params[std::size_t(index)]);
        }
    } else {
        for (const auto& [key, value] : params) {
            const std::optional<double> v = parseNumber(value);
            if (!v) return fail("--param " + key + ": '" + value + "' is not a number");
            o.params.emplace_back(ui::qs(key), *v);
        }
    }

    if (parser.isSet(kLang)) {
        o.lang = ui::LanguageManager::normalise(parser.value(kLang));
        if (o.lang.isEmpty())
            return fail("--lang: unknown language '" + text(parser.value(kLang)) +
                        "'; valid: en, zh_CN");
    }
    if (parser.isSet(kTheme)) {
        ui::Appearance::Theme theme;
        o.theme = parser.value(kTheme);
        if (!ui::Appearance::themeFromId(o.theme, &theme))
            return fail("--theme: unknown theme '" + text(o.theme) +
                        "'; valid: system, light, contrast, dark");
    }
    o.presentation = parser.isSet(kPresentation);
    o.play = parser.isSet(kPlay);
    if (parser.isSet(kHeartbeat)) {
        o.heartbeat = parser.value(kHeartbeat);
        // The first beat, before the window exists: it shows at once that the file is writable.
        QString why;
        if (!writeHeartbeat(o.heartbeat, 0, &why))
            return fail("--heartbeat: cannot write '" + text(o.heartbeat) + "': " + text(why));
    }
    return -1;
}

QString applyGuiOptions(const GuiOptions& o, ui::MainWindow& window) {
    if (!o.lang.isEmpty() && !window.setLanguage(o.lang))
        return QStringLiteral("--lang: unknown language '%1'").arg(o.lang);
    if (!o.theme.isEmpty() && !window.setTheme(o.theme))
        return QStringLiteral("--theme: unknown theme '%1'").arg(o.theme);
    if (o.lesson > 0) {
        const int count = int(window.lessons().usable().size());
        if (count == 0) return QStringLiteral("--lesson: no lessons were found");
        if (o.lesson > count)
            return QStringLiteral("--lesson: there is no lesson %1; valid: 1 to %2")
                .arg(o.lesson)
                .arg(count);
        if (const QString problem = window.openLesson(o.lesson); !problem.isEmpty())
            return QStringLiteral("--lesson %1: %2").arg(o.lesson).arg(problem);
    }
    if (!o.sessionBytes.empty()) {
        // A name Qt cannot hold: read by its bytes, and shown as an untitled document (Save asks
        // for a name) rather than not at all.
        const nn::SessionLoad loaded = nn::loadSessionFile(o.sessionBytes);
        if (!loaded.ok()) return QString::fromStdString(loaded.error);
        if (const QString problem = window.sessionController()->applyUntitled(loaded.session);
            !problem.isEmpty())
            return problem;
    } else if (!o.session.isEmpty()) {
        if (const QString problem = window.openSession(o.session); !problem.isEmpty())
            return problem.contains(o.session)
                       ? problem
                       : QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(o.session), problem);
    }

    ui::ExplorerPage* explorer = window.explorerPage();
    if (!o.activation.isEmpty()) {
        explorer->selectActivation(o.activation);
        // A session or lesson chooses its own page; otherwise show what was asked for.
        if (o.session.isEmpty() && o.lesson == 0) window.pages()->setCurrentWidget(explorer);
    }
    const ActivationSpec& spec = window.explorerState()->spec();
    for (const auto& [key, value] : o.params) {
        if (!explorer->setParameter(key, value)) {
            QStringList valid;
            for (const ParamSpec& p : spec.params) valid << ui::qs(p.id);
            return QStringLiteral("--param: %1 has no parameter '%2'; valid: %3")
                .arg(ui::qs(spec.id), key,
                     valid.isEmpty() ? QStringLiteral("none") : valid.join(QStringLiteral(", ")));
        }
    }
    if (!window.explorerState()->isValid())
        return QStringLiteral("--param: %1").arg(window.explorerState()->paramError());
    if (o.play) window.pages()->setCurrentWidget(window.networkPage());
    return {};
}

QString startGui(const GuiOptions& o, ui::MainWindow& window) {
    if (o.presentation)
        window.presentation()->setOn(true);  // shows the window, full screen
    else
        window.show();
    if (o.play) window.networkPage()->setPlaying(true);
    if (!o.heartbeat.isEmpty()) {
        // On the GUI thread: the beat stops when the event loop is blocked, which is the point.
        auto* timer = new QTimer(&window);
        const QString path = o.heartbeat;
        ui::NetworkPage* page = window.networkPage();
        QObject::connect(timer, &QTimer::timeout, &window,
                         [path, page] { writeHeartbeat(path, page->epoch(), nullptr); });
        timer->start(1000);
        QString why;
        if (!writeHeartbeat(path, page->epoch(), &why))
            return QStringLiteral("--heartbeat: cannot write '%1': %2").arg(path, why);
    }
    return {};
}

}  // namespace actlab::cli
