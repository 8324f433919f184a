#pragma once
// The one place that knows the application's QSettings keys. Everything is typed; activations are
// stored by registry id and parameters by their PyTorch keyword, never by list index.

#include <QByteArray>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>
#include <memory>
#include <optional>

#include "activations/activation_spec.h"

namespace actlab::ui {

/// Typed, persistent application settings with change signals.
class AppSettings : public QObject {
    Q_OBJECT
public:
    /// Settings in the platform's usual place for this application.
    explicit AppSettings(QObject* parent = nullptr);
    /// Settings in an INI file (tests, portable installs).
    explicit AppSettings(const QString& iniPath, QObject* parent = nullptr);

    /// The main window's geometry and dock/toolbar state (QMainWindow::saveGeometry/saveState).
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    /// The explorer's splitter layout.
    QByteArray explorerLayout() const;
    void setExplorerLayout(const QByteArray& layout);

    /// The activation shown last, or empty.
    QString lastActivationId() const;
    void setLastActivationId(const QString& id);

    /// The explorer's formula activation (its text and given name), or empty. Its parameter
    /// values are stored as a row's, under the id "formula" (paramValues).
    QString formulaText() const;
    QString formulaName() const;
    void setFormula(const QString& text, const QString& name);

    /// The saved parameter values of `spec`, if any were saved. Parameters that are missing or
    /// unreadable take their defaults.
    std::optional<ParamValues> paramValues(const ActivationSpec& spec) const;
    /// Stores the values of `spec`'s parameters under its id and their PyTorch keywords.
    void setParamValues(const ActivationSpec& spec, const ParamValues& values);

    /// The x range; [−6, 6] when nothing valid is stored.
    double xMin() const;
    double xMax() const;
    void setXRange(double xMin, double xMax);

    /// Whether f″ is drawn.
    bool showD2f() const;
    void setShowD2f(bool on);
    /// Whether the vanishing-gradient zone is shaded.
    bool vanishingZoneShown() const;
    void setVanishingZoneShown(bool on);
    /// ε of the vanishing-gradient zone.
    double zoneEpsilon() const;
    void setZoneEpsilon(double epsilon);
    /// Whether the dead zone is shaded.
    bool deadZoneShown() const;
    void setDeadZoneShown(bool on);

    /// The language of registry texts ("en" or "zh_CN"). Until one is chosen it follows the
    /// application's locale: "zh_CN" for Chinese locales, else "en".
    QString language() const;
    /// Chooses the language; emits languageChanged when it changes.
    void setLanguage(const QString& language);

    /// The scale factor of PNG exports (1 to 4).
    int pngScale() const;
    /// Sets the PNG scale; values outside 1 to 4 are ignored.
    void setPngScale(int scale);

    /// The file that keeps the network page's whole state between runs, trained weights
    /// included, and that the autosave rewrites: beside the settings file, never inside it.
    QString stateFilePath() const;
    /// The network page's session as older versions kept it, inside the settings (JSON), or
    /// empty. Read once and then cleared: the state file replaces it.
    QString legacyNetworkSession() const;
    void clearLegacyNetworkSession();
    /// True from the start of a run until its clean exit: still true at the next start means
    /// that the application did not close properly (a crash, a kill, a power cut).
    bool running() const;
    void setRunning(bool running);
    /// The network page's training speed in epochs per frame (1 … 1000; 5 when unset).
    int epochsPerFrame() const;
    void setEpochsPerFrame(int epochs);
    /// The network page's view toggles: test points, discretized output, log-scale loss.
    bool showTestData() const;
    void setShowTestData(bool on);
    bool discretizeOutput() const;
    void setDiscretizeOutput(bool on);
    bool logLossScale() const;
    void setLogLossScale(bool on);
    /// The network page's main view: "network", "compare", "health" or "why".
    QString networkView() const;
    void setNetworkView(const QString& view);

    /// The colour theme: "system", "light", "contrast" or "dark" ("system" when unset).
    QString theme() const;
    void setTheme(const QString& theme);
    /// The scale of fonts and line widths in normal use and in presentation mode
    /// (Appearance::kMinScale … kMaxScale; 1 and kDefaultPresentationScale when unset).
    double normalScale() const;
    void setNormalScale(double scale);
    double presentationScale() const;
    /// The presentation scale until the user changes it: large enough for the back of a room,
    /// small enough that a 1280×800 projector still shows every panel.
    static constexpr double kDefaultPresentationScale = 1.25;
    void setPresentationScale(double scale);

    /// Session files opened or saved lately, newest first (at most kMaxRecentFiles).
    QStringList recentFiles() const;
    /// Puts `path` first in the recent files.
    void addRecentFile(const QString& path);
    void removeRecentFile(const QString& path);
    void clearRecentFiles();
    static constexpr int kMaxRecentFiles = 8;

    /// The document shown when the application was closed: the file it came from (a session
    /// file or a lesson), whether it was a lesson, whether it had unsaved changes, and whether
    /// its explanation was shown.
    QString documentPath() const;
    bool documentIsLesson() const;
    bool documentModified() const;
    bool lessonBannerShown() const;
    void setDocument(const QString& path, bool lesson, bool modified, bool bannerShown);
    /// The page shown last: "explorer" or "network".
    QString currentPage() const;
    void setCurrentPage(const QString& page);

    /// Writes pending changes to storage: the whole file is replaced atomically, or, if it
    /// cannot be written (a full disk), left exactly as it was. "" or the reason.
    QString sync();
    /// Writes pending changes (sync) and closes.
    ~AppSettings() override;

signals:
    /// The language or the PNG scale changed.
    void languageChanged(const QString& language);
    void pngScaleChanged(int scale);

private:
    /// The settings file.
    QString m_path;
    /// The settings file's text as last read or written: an unchanged sync writes nothing.
    QByteArray m_written;
    /// QSettings works on a private copy of it (in the temporary folder), never on the file
    /// itself: Qt 6.4 renames a half-written settings file into place when the disk fills up
    /// (QSaveFile::commit ignores a failed flush), and it writes whenever it likes. sync() checks
    /// the copy and puts it in place through the atomic writer.
    std::unique_ptr<QTemporaryFile> m_working;
    QSettings m_settings;
};

}  // namespace actlab::ui
