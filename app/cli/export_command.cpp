#include "export_command.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontInfo>
#include <QTemporaryDir>
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>

#include "activations/activation_call.h"
#include "classroom/figure_export.h"
#include "classroom/language_manager.h"
#include "cli/arg_reader.h"
#include "cli/code_export_command.h"
#include "common/appearance.h"
#include "common/qt_text.h"
#include "nn/session.h"
#include "nn/session_limits.h"
#include "util/atomic_file.h"
#include "util/file_read.h"
#include "util/message_text.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

using ui::FigureExport;

constexpr long long kMaxEpochs = 1'000'000;
constexpr long long kDefaultEpochs = 100;
/// Fonts and lines for projection: half as large again as on a desktop screen.
constexpr double kDefaultScale = 1.5;
/// Training this many network-epochs or more reports its progress on stderr, every 10 %.
constexpr long long kProgressWork = 1000;

struct ExportRequest {
    std::string activation, session, out;
    KeywordArgs params;
    long long epochs = -1;  // default kDefaultEpochs
    int width = FigureExport::kDefaultSize.width();
    int height = FigureExport::kDefaultSize.height();
    double scale = kDefaultScale;
    QString lang = QStringLiteral("en");
    ui::Appearance::Theme theme = ui::Appearance::Theme::Light;
    ui::PlotExport::Format format = ui::PlotExport::Format::Png;
    bool derivatives = false;
    bool help = false;
    // The PyTorch exports (code_export_command.h), which need no Qt.
    std::string pytorch, notebook;
    bool fromCurrentWeights = false;
    bool langGiven = false, figureOptionGiven = false;  // --lang; --size, --scale or --theme
};

/// "1600x1000" within the figure's limits.
bool parseSize(const std::string& text, ExportRequest& req) {
    const std::size_t x = text.find_first_of("xX");
    if (x == std::string::npos) return false;
    const std::optional<long long> w = parseCount(text.substr(0, x), FigureExport::kMaxSide);
    const std::optional<long long> h = parseCount(text.substr(x + 1), FigureExport::kMaxSide);
    if (!w || !h || *w < FigureExport::kMinSide || *h < FigureExport::kMinSide) return false;
    req.width = int(*w);
    req.height = int(*h);
    return true;
}

std::string parse(const std::vector<std::string>& args, ExportRequest& req) {
    ArgReader reader(args);
    std::string value;
    bool epochsGiven = false;
    while (reader.more() && reader.error().empty()) {
        if (reader.single("--activation", &value)) {
            req.activation = value;
        } else if (reader.option("--param", true, &value)) {
            const std::size_t eq = value.find('=');
            if (eq == std::string::npos || eq == 0)
                return "--param expects NAME=VALUE, got '" + printable(value, 40) + "'";
            req.params.emplace_back(value.substr(0, eq), value.substr(eq + 1));
        } else if (reader.option("--derivatives", false)) {
            req.derivatives = true;
        } else if (reader.file("--session", &value)) {
            req.session = value;
        } else if (reader.single("--epochs", &value)) {
            const std::optional<long long> n = parseCount(value, kMaxEpochs);
            if (!n)
                return "--epochs: expected a whole number from 0 to " + std::to_string(kMaxEpochs) +
                       ", got '" + printable(value, 40) + "'";
            req.epochs = *n;
            epochsGiven = true;
        } else if (reader.file("--out", &value)) {
            req.out = value;
        } else if (reader.single("--size", &value)) {
            req.figureOptionGiven = true;
            if (!parseSize(value, req))
                return "--size: expected WIDTHxHEIGHT with each side from " +
                       std::to_string(FigureExport::kMinSide) + " to " +
                       std::to_string(FigureExport::kMaxSide) + " pixels (like 1600x1000), got '" +
                       printable(value, 40) + "'";
        } else if (reader.single("--scale", &value)) {
            req.figureOptionGiven = true;
            const std::optional<double> s = parseNumber(value);
            if (!s || !(*s >= ui::Appearance::kMinScale && *s <= ui::Appearance::kMaxScale))
                return "--scale: expected a number from " +
                       formatShortest(ui::Appearance::kMinScale) + " to " +
                       formatShortest(ui::Appearance::kMaxScale) + ", got '" +
                       printable(value, 40) + "'";
            req.scale = *s;
        } else if (reader.single("--lang", &value)) {
            req.langGiven = true;
            req.lang = ui::LanguageManager::normalise(ui::qs(value));
            if (req.lang.isEmpty())
                return "--lang: unknown language '" + printable(value, 40) + "'; valid: en, zh_CN";
        } else if (reader.single("--theme", &value)) {
            req.figureOptionGiven = true;
            // "system" means the desktop's colours, which a headless export does not have.
            if (value == "system" || !ui::Appearance::themeFromId(ui::qs(value), &req.theme))
                return "--theme: unknown theme '" + printable(value, 40) +
                       "'; valid: light, contrast, dark";
        } else if (reader.file("--pytorch", &value)) {
            req.pytorch = value;
        } else if (reader.file("--notebook", &value)) {
            req.notebook = value;
        } else if (reader.option("--from-current-weights", false)) {
            req.fromCurrentWeights = true;
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            req.help = true;
        } else if (reader.error().empty()) {
            return "unknown argument '" + printable(reader.unknown(), 40) +
                   "'; valid: --activation, --param, --derivatives, --session, --epochs, --out, "
                   "--size, --scale, --lang, --theme, --pytorch, --notebook, "
                   "--from-current-weights, --help";
        }
    }
    if (!reader.error().empty()) return reader.error();
    if (req.help) return "";
    if (!req.pytorch.empty() || !req.notebook.empty()) {
        if (!req.pytorch.empty() && !req.notebook.empty())
            return "give one of --pytorch FILE.py and --notebook FILE.ipynb, not both";
        if (req.session.empty())
            return "--pytorch and --notebook export a session: give --session FILE";
        if (!req.activation.empty() || !req.params.empty() || req.derivatives)
            return "--activation, --param and --derivatives make figures, not PyTorch exports";
        if (!req.out.empty() || req.figureOptionGiven)
            return "--out, --size, --scale and --theme make figures; --pytorch and --notebook "
                   "name their own file";
        if (req.langGiven && req.notebook.empty())
            return "--lang goes with --notebook (the script is in English)";
        if (samePath(req.pytorch.empty() ? req.notebook : req.pytorch, req.session))
            return std::string(req.pytorch.empty() ? "--notebook" : "--pytorch") +
                   " would overwrite the session '" + printablePath(req.session) + "'";
        return "";
    }
    if (req.fromCurrentWeights) return "--from-current-weights goes with --pytorch or --notebook";
    if (req.activation.empty() == req.session.empty())
        return "give one of --activation ID (a curve figure) and --session FILE (a decision "
               "boundary figure)";
    if (!req.session.empty() && (!req.params.empty() || req.derivatives))
        return "--param and --derivatives go with --activation, not --session";
    if (!req.activation.empty() && epochsGiven) return "--epochs goes with --session";
    if (req.out.empty()) return "missing --out FILE.png, FILE.svg or FILE.pdf";
    if (!ui::PlotExport::formatFromPath(ui::qs(req.out), &req.format)) {
        const std::string suffix = QFileInfo(ui::qs(req.out)).suffix().toStdString();
        return "--out: unsupported file type " +
               (suffix.empty() ? std::string("(no extension)")
                               : "'." + printable(suffix, 20) + "'") +
               "; use .png, .svg or .pdf";
    }
    if (!req.session.empty() && samePath(req.out, req.session))
        return "--out would overwrite the session '" + printablePath(req.session) + "'";
    return "";
}

/// The networks a session trains: itself, or one per activation of its compare set.
struct Member {
    std::string activation;  // the compare member's label, or "" for the session's own network
    nn::Session session;
    std::unique_ptr<nn::Trainer> trainer;
    int divergedAt = 0;
};

/// Trains every member `epochs` epochs, in step, with progress on `err` for long runs.
void train(std::vector<Member>& members, long long epochs, std::ostream& err) {
    const bool report = epochs * static_cast<long long>(members.size()) >= kProgressWork;
    int reported = 0;
    for (long long e = 1; e <= epochs; ++e) {
        for (Member& m : members) {
            if (m.divergedAt > 0) continue;
            // Losses are enough to see divergence; the per-layer statistics only at the end.
            m.trainer->step(e == epochs ? nn::Evaluation::Full : nn::Evaluation::Loss);
            if (m.trainer->diverged()) {
                m.divergedAt = int(e);
                // The trainer's message names the epoch and suggests a lower learning rate.
                err << "activation-lab export: "
                    << (m.activation.empty() ? "" : m.activation + ": ") << m.trainer->divergence()
                    << "\n";
            }
        }
        const int tenths = int(e * 10 / epochs);
        if (report && tenths > reported) {
            reported = tenths;
            err << "activation-lab export: training " << tenths * 10 << "% (epoch " << e << " of "
                << epochs << ")\n";
        }
    }
}

/// Qt's warnings about the headless environment (no XDG_RUNTIME_DIR and the like) would bury the
/// command's own messages: only its errors are passed on.
void qtMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    if (type == QtCriticalMsg || type == QtFatalMsg)
        std::cerr << "activation-lab export: " << message.toStdString() << std::endl;
}

/// Reads a session file: 1 when it cannot be read, 2 when it is not a valid session.
int readSession(const std::string& path, nn::Session& session, std::ostream& err) {
    const FileBytes text = readFileBytes(path, nn::kMaxSessionFileBytes);
    if (!text.ok()) {
        err << "activation-lab export: cannot read the session '" << printablePath(path)
            << "': " << text.reason << "\n";
        return 1;
    }
    nn::SessionLoad loaded = nn::parseSession(text.text);
    if (!loaded.ok()) {
        err << "activation-lab export: " << printablePath(path) << ": " << loaded.error << "\n";
        return 2;
    }
    session = std::move(loaded.session);
    return 0;
}

/// Where the figure is drawn: the output itself, or, when its name is not UTF-8 (which a QString
/// cannot hold), a file in a private temporary folder that is then copied to the exact name
/// through the core's writer.
struct FigureTarget {
    QString drawTo;
    std::unique_ptr<QTemporaryDir> folder;
    bool copy = false;
};

FigureTarget figureTarget(const std::string& out) {
    FigureTarget t;
    const QByteArray bytes = QByteArray::fromStdString(out);
    if (QFile::encodeName(QFile::decodeName(bytes)) == bytes) {
        t.drawTo = QFile::decodeName(bytes);
        return t;
    }
    t.folder = std::make_unique<QTemporaryDir>();
    t.drawTo = t.folder->filePath(QStringLiteral("figure.") +
                                  QFileInfo(QFile::decodeName(bytes)).suffix());
    t.copy = true;
    return t;
}

/// Copies the drawn figure to its exact name; "" or the message.
std::string copyFigure(const FigureTarget& t, const std::string& out) {
    if (!t.copy) return "";
    const FileBytes drawn =
        readFileBytes(QFile::encodeName(t.drawTo).toStdString(), std::uintmax_t(1) << 31);
    if (!drawn.ok()) return drawn.error;
    return writeFileAtomically(out, drawn.text);
}

}  // namespace

std::string exportUsage() {
    return "usage: activation-lab export --activation ID [--param NAME=VALUE ...] [--derivatives]\n"
           "                             --out FILE.(png|svg|pdf) [options]\n"
           "       activation-lab export --session FILE.actlab.json [--epochs N]\n"
           "                             --out FILE.(png|svg|pdf) [options]\n"
           "       activation-lab export --session FILE.actlab.json --pytorch OUT.py [--epochs N]\n"
           "                             [--from-current-weights]\n"
           "       activation-lab export --session FILE.actlab.json --notebook OUT.ipynb\n"
           "                             [--epochs N] [--from-current-weights] [--lang L]\n"
           "\n"
           "Renders a figure for slides, headless (no display needed), or writes the session as\n"
           "PyTorch code.\n"
           "  --activation   the explorer's plot of f (with --derivatives also f' and f''),\n"
           "                 titled with the activation's name and parameters; ID and NAME as\n"
           "                 for `eval` (leaky_relu or LeakyReLU, negative_slope=0.2)\n"
           "  --session      trains the session N epochs (default 100) and draws its decision\n"
           "                 boundary with the epoch, losses and accuracy; a compare set gives\n"
           "                 one map per activation; long runs report their progress on\n"
           "                 stderr\n"
           "  --pytorch      a standalone Python script (needs only torch) that trains the\n"
           "                 session's network exactly as the app does, N epochs (default 100),\n"
           "                 and prints the CSV of `train`; more than 1000 points go to\n"
           "                 OUT_data.csv next to it\n"
           "  --notebook     the same code as a Jupyter notebook, with explanations in --lang\n"
           "                 and a loss curve and decision-boundary plot\n"
           "  --from-current-weights  start from the weights stored in the session; by default\n"
           "                 the export starts from the initial weights (the seed's\n"
           "                 initialisation when the stored weights were trained, epoch > 0)\n"
           "options (--lang also for --notebook):\n"
           "  --size WxH     the page in pixels (default 1600x1000; each side 200 to 8000)\n"
           "  --scale S      fonts and line widths times S, 0.8 to 2.5 (default 1.5, for a\n"
           "                 projector); the figure keeps its proportions at any --size\n"
           "  --lang L       en or zh_CN: the language of names and captions, or of the\n"
           "                 notebook's explanations (default en)\n"
           "  --theme T      light, contrast (high-contrast light) or dark (default light)\n"
           "\n"
           "Exits 2 on bad input and 1 when a file cannot be read or written; a failed export\n"
           "leaves no file behind.\n";
}

int runExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ExportRequest req;
    if (std::string problem = parse(args, req); !problem.empty()) {
        err << "activation-lab export: " << problem << "\n";
        return 2;
    }
    if (req.help) {
        out << exportUsage();
        return 0;
    }
    if (!req.pytorch.empty() || !req.notebook.empty()) {
        CodeExportRequest code;
        code.session = req.session;
        code.output = req.notebook.empty() ? req.pytorch : req.notebook;
        code.notebook = !req.notebook.empty();
        code.epochs = req.epochs;
        code.fromCurrentWeights = req.fromCurrentWeights;
        code.lang = req.lang.toStdString();
        return runCodeExport(code, out, err);
    }

    // Everything that can be checked without Qt's GUI is checked before any work.
    ActivationCall call;
    nn::Session session;
    if (!req.activation.empty()) {
        const ResolvedCall resolved = resolveActivation(req.activation, req.params);
        if (!resolved.ok()) {
            err << "activation-lab export: " << resolved.error << "\n";
            return 2;
        }
        call = resolved.call;
    } else if (const int code = readSession(req.session, session, err); code != 0) {
        return code;
    }
    if (const std::string problem = outputPathProblem(req.out); !problem.empty()) {
        err << "activation-lab export: " << problem << "\n";
        return 1;
    }
    ignoreFileSizeSignal();  // a file-size limit fails the write ("File too large") instead

    // Training needs no Qt either: the core's trainer, as `train` runs it.
    std::vector<Member> members;
    const long long epochs = req.epochs < 0 ? kDefaultEpochs : req.epochs;
    if (!req.session.empty()) {
        std::vector<nn::CompareMember> ids = session.compare;
        if (ids.empty()) ids.emplace_back("");
        for (const nn::CompareMember& id : ids) {
            Member m{nn::memberLabel(id),
                     id.activation.empty() ? session : nn::compareMember(session, id), nullptr, 0};
            m.trainer = std::make_unique<nn::Trainer>(nn::makeTrainer(m.session));
            members.push_back(std::move(m));
        }
        train(members, epochs, err);
    }

    // Widgets need a QApplication; the offscreen platform draws without a display. Its own
    // arguments are not the user's, so that Qt reads none of the export's options.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(qtMessages);
    int argc = 1;
    char name[] = "activation-lab";
    char* argv[] = {name, nullptr};
    QApplication app(argc, argv);
    ui::LanguageManager::setupFonts();
    ui::LanguageManager::setupNumberFormat();
    // SVG files name their fonts: put the family the text is drawn with (as in the window) first,
    // rather than Qt's alias "Sans Serif", which SVG viewers do not know.
    QFont font = QApplication::font();
    QStringList families = font.families();
    families.prepend(QFontInfo(font).family());
    families.removeDuplicates();
    font.setFamilies(families);
    QApplication::setFont(font);
    if (req.lang != QLatin1String("en")) ui::LanguageManager::install(req.lang);
    ui::Appearance::instance().setTheme(req.theme);
    ui::Appearance::instance().setScale(req.scale);

    FigureExport::Page page;
    page.size = QSize(req.width, req.height);
    page.lang = req.lang;
    page.format = req.format;
    QString problem;
    const FigureTarget target = figureTarget(req.out);
    if (!req.activation.empty()) {
        problem = FigureExport::saveCurveFigure(call, req.derivatives, target.drawTo, page);
    } else {
        std::vector<FigureExport::Network> networks;
        for (const Member& m : members) {
            FigureExport::Network n;
            n.name = FigureExport::activationsLabel(m.session.network, req.lang);
            n.network = &m.trainer->network();
            n.metrics = m.trainer->latest();
            n.divergedAt = m.divergedAt;
            networks.push_back(std::move(n));
        }
        const bool zh = req.lang == QLatin1String("zh_CN");
        const QString title =
            ui::qs(zh && !session.titleZh.empty() ? session.titleZh : session.title);
        problem = FigureExport::saveBoundaryFigure(
            title, int(epochs), members.front().trainer->data(), networks, target.drawTo, page);
    }
    if (!problem.isEmpty()) {
        err << "activation-lab export: " << oneLine(problem.toStdString()) << "\n";
        return 1;
    }
    if (const std::string e = copyFigure(target, req.out); !e.empty()) {
        err << "activation-lab export: " << e << "\n";
        return 1;
    }
    return 0;
}

}  // namespace actlab::cli
