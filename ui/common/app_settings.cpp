#include "common/app_settings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <cmath>

#include "common/appearance.h"
#include "common/plot_export.h"
#include "common/qt_text.h"

namespace actlab::ui {

namespace {

// Every key, in one place.
constexpr char kGeometry[] = "window/geometry";
constexpr char kState[] = "window/state";
constexpr char kExplorerLayout[] = "explorer/layout";
constexpr char kActivation[] = "explorer/activation";
constexpr char kFormulaText[] = "explorer/formula";
constexpr char kFormulaName[] = "explorer/formulaName";
constexpr char kParamsGroup[] = "explorer/params";
constexpr char kXMin[] = "explorer/xMin";
constexpr char kXMax[] = "explorer/xMax";
constexpr char kShowD2f[] = "explorer/showD2f";
constexpr char kVanishingZone[] = "explorer/vanishingZone";
constexpr char kEpsilon[] = "explorer/epsilon";
constexpr char kDeadZone[] = "explorer/deadZone";
constexpr char kLanguage[] = "ui/language";
constexpr char kPngScale[] = "export/pngScale";
constexpr char kNetworkSession[] = "network/session";
constexpr char kEpochsPerFrame[] = "network/epochsPerFrame";
constexpr char kShowTestData[] = "network/showTestData";
constexpr char kDiscretize[] = "network/discretize";
constexpr char kLogLoss[] = "network/logLoss";
constexpr char kNetworkView[] = "network/view";
constexpr char kTheme[] = "ui/theme";
constexpr char kNormalScale[] = "ui/scale";
constexpr char kPresentationScale[] = "ui/presentationScale";
constexpr char kRecentFiles[] = "files/recent";
constexpr char kDocumentPath[] = "document/path";
constexpr char kDocumentLesson[] = "document/lesson";
constexpr char kDocumentModified[] = "document/modified";
constexpr char kLessonBanner[] = "document/bannerShown";
constexpr char kCurrentPage[] = "window/page";
constexpr char kRunning[] = "session/running";
constexpr char kStateFile[] = "last-session.actlab.json";

std::optional<double> readDouble(const QSettings& settings, const QString& key) {
    if (!settings.contains(key)) return std::nullopt;
    bool ok = false;
    const double v = settings.value(key).toDouble(&ok);
    if (!ok || !std::isfinite(v)) return std::nullopt;
    return v;
}

QString orDefault(const QString& value, const char* fallback) {
    return value.isEmpty() ? QString::fromLatin1(fallback) : value;
}

}  // namespace

namespace {

/// Where QSettings keeps this user's settings by default (INI text on Linux).
QString defaultSettingsPath() {
    return QSettings(QSettings::UserScope,
                     orDefault(QCoreApplication::organizationName(), "ActivationLab"),
                     orDefault(QCoreApplication::applicationName(), "Activation Lab"))
        .fileName();
}

/// The settings file's text, or nothing when there is none yet.
QByteArray readAllOf(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A private copy of the settings file's text for QSettings to work on (see m_working).
std::unique_ptr<QTemporaryFile> workingCopy(const QByteArray& text) {
    auto copy = std::make_unique<QTemporaryFile>(QDir::temp().filePath(
        QStringLiteral("activation-lab-settings-XXXXXX.ini")));
    copy->open();
    copy->write(text);
    copy->close();
    return copy;
}

}  // namespace

AppSettings::AppSettings(QObject* parent) : AppSettings(defaultSettingsPath(), parent) {}

AppSettings::AppSettings(const QString& iniPath, QObject* parent)
    : QObject(parent),
      m_path(iniPath),
      m_written(readAllOf(iniPath)),
      m_working(workingCopy(m_written)),
      m_settings(m_working->fileName(), QSettings::IniFormat) {}

AppSettings::~AppSettings() {
    sync();
}

QByteArray AppSettings::windowGeometry() const {
    return m_settings.value(kGeometry).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    m_settings.setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const {
    return m_settings.value(kState).toByteArray();
}
void AppSettings::setWindowState(const QByteArray& state) {
    m_settings.setValue(kState, state);
}

QByteArray AppSettings::explorerLayout() const {
    return m_settings.value(kExplorerLayout).toByteArray();
}
void AppSettings::setExplorerLayout(const QByteArray& layout) {
    m_settings.setValue(kExplorerLayout, layout);
}

QString AppSettings::lastActivationId() const {
    return m_settings.value(kActivation).toString();
}
void AppSettings::setLastActivationId(const QString& id) {
    m_settings.setValue(kActivation, id);
}

QString AppSettings::formulaText() const {
    return m_settings.value(kFormulaText).toString();
}
QString AppSettings::formulaName() const {
    return m_settings.value(kFormulaName).toString();
}
void AppSettings::setFormula(const QString& text, const QString& name) {
    m_settings.setValue(kFormulaText, text);
    m_settings.setValue(kFormulaName, name);
}

std::optional<ParamValues> AppSettings::paramValues(const ActivationSpec& spec) const {
    const QString group = QString("%1/%2/").arg(kParamsGroup, qs(spec.id));
    ParamValues values = spec.defaults();
    bool any = false;
    for (std::size_t i = 0; i < spec.params.size(); ++i) {
        if (const auto v = readDouble(m_settings, group + qs(spec.params[i].id))) {
            values[i] = *v;
            any = true;
        }
    }
    if (!any) return std::nullopt;
    return values;
}

void AppSettings::setParamValues(const ActivationSpec& spec, const ParamValues& values) {
    const QString group = QString("%1/%2/").arg(kParamsGroup, qs(spec.id));
    for (std::size_t i = 0; i < spec.params.size(); ++i)
        m_settings.setValue(group + qs(spec.params[i].id), values[i]);
}

double AppSettings::xMin() const {
    const auto lo = readDouble(m_settings, kXMin), hi = readDouble(m_settings, kXMax);
    return lo && hi && *lo < *hi ? *lo : -6.0;
}

double AppSettings::xMax() const {
    const auto lo = readDouble(m_settings, kXMin), hi = readDouble(m_settings, kXMax);
    return lo && hi && *lo < *hi ? *hi : 6.0;
}

void AppSettings::setXRange(double xMin, double xMax) {
    m_settings.setValue(kXMin, xMin);
    m_settings.setValue(kXMax, xMax);
}

bool AppSettings::showD2f() const {
    return m_settings.value(kShowD2f, false).toBool();
}
void AppSettings::setShowD2f(bool on) {
    m_settings.setValue(kShowD2f, on);
}

bool AppSettings::vanishingZoneShown() const {
    return m_settings.value(kVanishingZone, false).toBool();
}
void AppSettings::setVanishingZoneShown(bool on) {
    m_settings.setValue(kVanishingZone, on);
}

double AppSettings::zoneEpsilon() const {
    const auto v = readDouble(m_settings, kEpsilon);
    return v && *v > 0 ? *v : 0.01;
}
void AppSettings::setZoneEpsilon(double epsilon) {
    m_settings.setValue(kEpsilon, epsilon);
}

bool AppSettings::deadZoneShown() const {
    return m_settings.value(kDeadZone, false).toBool();
}
void AppSettings::setDeadZoneShown(bool on) {
    m_settings.setValue(kDeadZone, on);
}

QString AppSettings::language() const {
    const QString lang = m_settings.value(kLanguage).toString();
    if (!lang.isEmpty()) return lang;
    // Nothing chosen yet: follow the application's locale.
    return QLocale().name().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}

void AppSettings::setLanguage(const QString& language) {
    if (language == this->language()) return;
    m_settings.setValue(kLanguage, language);
    emit languageChanged(language);
}

int AppSettings::pngScale() const {
    const int scale = m_settings.value(kPngScale, 2).toInt();
    return scale >= 1 && scale <= 4 ? scale : 2;
}

void AppSettings::setPngScale(int scale) {
    if (scale < 1 || scale > 4 || scale == pngScale()) return;
    m_settings.setValue(kPngScale, scale);
    emit pngScaleChanged(scale);
}

QString AppSettings::stateFilePath() const {
    return QFileInfo(m_path).dir().filePath(QString::fromLatin1(kStateFile));
}
QString AppSettings::legacyNetworkSession() const {
    return m_settings.value(kNetworkSession).toString();
}
void AppSettings::clearLegacyNetworkSession() {
    m_settings.remove(kNetworkSession);
}

bool AppSettings::running() const {
    return m_settings.value(kRunning, false).toBool();
}
void AppSettings::setRunning(bool running) {
    m_settings.setValue(kRunning, running);
}

int AppSettings::epochsPerFrame() const {
    bool ok = false;
    const int v = m_settings.value(kEpochsPerFrame, 5).toInt(&ok);
    return ok && v >= 1 && v <= 1000 ? v : 5;
}
void AppSettings::setEpochsPerFrame(int epochs) {
    m_settings.setValue(kEpochsPerFrame, epochs);
}

bool AppSettings::showTestData() const {
    return m_settings.value(kShowTestData, false).toBool();
}
void AppSettings::setShowTestData(bool on) {
    m_settings.setValue(kShowTestData, on);
}

bool AppSettings::discretizeOutput() const {
    return m_settings.value(kDiscretize, false).toBool();
}
void AppSettings::setDiscretizeOutput(bool on) {
    m_settings.setValue(kDiscretize, on);
}

bool AppSettings::logLossScale() const {
    return m_settings.value(kLogLoss, false).toBool();
}
void AppSettings::setLogLossScale(bool on) {
    m_settings.setValue(kLogLoss, on);
}

QString AppSettings::networkView() const {
    const QString v = m_settings.value(kNetworkView).toString();
    return v == QLatin1String("compare") || v == QLatin1String("health") ||
                   v == QLatin1String("why")
               ? v
               : QStringLiteral("network");
}
void AppSettings::setNetworkView(const QString& view) {
    m_settings.setValue(kNetworkView, view);
}

QString AppSettings::theme() const {
    const QString t = m_settings.value(kTheme).toString();
    for (const char* id : {"system", "light", "contrast", "dark"})
        if (t == QLatin1String(id)) return t;
    return QStringLiteral("system");
}
void AppSettings::setTheme(const QString& theme) {
    m_settings.setValue(kTheme, theme);
}

namespace {
double readScale(const QSettings& settings, const char* key, double fallback) {
    const auto v = readDouble(settings, key);
    return v && *v >= Appearance::kMinScale && *v <= Appearance::kMaxScale ? *v : fallback;
}
}  // namespace

double AppSettings::normalScale() const {
    return readScale(m_settings, kNormalScale, 1.0);
}
void AppSettings::setNormalScale(double scale) {
    m_settings.setValue(kNormalScale, scale);
}
double AppSettings::presentationScale() const {
    return readScale(m_settings, kPresentationScale, kDefaultPresentationScale);
}
void AppSettings::setPresentationScale(double scale) {
    m_settings.setValue(kPresentationScale, scale);
}

QStringList AppSettings::recentFiles() const {
    QStringList files = m_settings.value(kRecentFiles).toStringList();
    files.removeAll(QString());
    files.removeDuplicates();
    return files.mid(0, kMaxRecentFiles);
}
void AppSettings::addRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    m_settings.setValue(kRecentFiles, files.mid(0, kMaxRecentFiles));
}
void AppSettings::removeRecentFile(const QString& path) {
    QStringList files = recentFiles();
    files.removeAll(path);
    m_settings.setValue(kRecentFiles, files);
}
void AppSettings::clearRecentFiles() {
    m_settings.remove(kRecentFiles);
}

QString AppSettings::documentPath() const {
    return m_settings.value(kDocumentPath).toString();
}
bool AppSettings::documentIsLesson() const {
    return m_settings.value(kDocumentLesson, false).toBool();
}
bool AppSettings::documentModified() const {
    return m_settings.value(kDocumentModified, false).toBool();
}
bool AppSettings::lessonBannerShown() const {
    return m_settings.value(kLessonBanner, false).toBool();
}
void AppSettings::setDocument(const QString& path, bool lesson, bool modified, bool bannerShown) {
    m_settings.setValue(kDocumentPath, path);
    m_settings.setValue(kDocumentLesson, lesson);
    m_settings.setValue(kDocumentModified, modified);
    m_settings.setValue(kLessonBanner, bannerShown);
}

QString AppSettings::currentPage() const {
    return m_settings.value(kCurrentPage).toString() == QLatin1String("network")
               ? QStringLiteral("network")
               : QStringLiteral("explorer");
}
void AppSettings::setCurrentPage(const QString& page) {
    m_settings.setValue(kCurrentPage, page);
}

namespace {

/// A settings value as text, to compare what was meant with what a file holds (the INI file
/// gives back "5" for the number 5).
QString valueText(const QVariant& v) {
    if (v.typeId() == QMetaType::QStringList || v.typeId() == QMetaType::QVariantList)
        return v.toStringList().join(QChar(0x1F));
    return QString::fromUtf8(v.toByteArray());
}

/// True when `text`, read as an INI file, holds every one of `values` and nothing else. It is
/// read back under a name of its own: QSettings objects on one file share what they read.
bool holdsExactly(const QByteArray& text, const QHash<QString, QVariant>& values) {
    QTemporaryFile readBack(
        QDir::temp().filePath(QStringLiteral("activation-lab-settings-check-XXXXXX.ini")));
    if (!readBack.open() || readBack.write(text) != text.size() || !readBack.flush()) return false;
    readBack.close();
    const QSettings check(readBack.fileName(), QSettings::IniFormat);
    if (check.allKeys().size() != values.size()) return false;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        if (valueText(check.value(it.key())) != valueText(it.value())) return false;
    return true;
}

}  // namespace

QString AppSettings::sync() {
    // What the settings hold now; QSettings reloads its file when it syncs.
    QHash<QString, QVariant> meant;
    for (const QString& key : m_settings.allKeys()) meant.insert(key, m_settings.value(key));
    m_settings.sync();
    // The copy must hold every value whole (a full temporary folder could have cut it short).
    const QByteArray text = readAllOf(m_working->fileName());
    const bool synced = m_settings.status() == QSettings::NoError;
    if (synced && text == m_written) return {};  // nothing changed since the last write
    const bool whole = synced && holdsExactly(text, meant);
    if (!whole) {
        // Nothing is lost in memory: the values go back, and the next sync tries again.
        for (auto it = meant.cbegin(); it != meant.cend(); ++it)
            m_settings.setValue(it.key(), it.value());
        return tr("Could not write the settings to %1").arg(QDir::toNativeSeparators(m_path));
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const QString error = PlotExport::saveFile(m_path, [&](QIODevice& device) {
        return device.write(text) == text.size();
    });
    if (error.isEmpty()) m_written = text;
    return error;
}

}  // namespace actlab::ui
