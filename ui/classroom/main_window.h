#pragma once

#include <QMainWindow>
#include <memory>
#include <string>

class QActionGroup;
class QMenu;
class QTabWidget;

namespace actlab::ui {

class ClassroomActions;
class CrashRecovery;

class AppSettings;
class ExplorerPage;
class ExplorerState;
class LessonBanner;
class LessonCatalog;
class NetworkPage;
class PresentationMode;
class SessionController;
class SweepPage;

/// The application window. It composes the pages, menus and status bar, and restores its
/// geometry and the explorer's state from AppSettings; the pages do the work.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// A window with the application's usual settings.
    explicit MainWindow(QWidget* parent = nullptr);
    /// A window that reads and writes `settings` (it takes ownership).
    explicit MainWindow(AppSettings* settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Adds a page as a tab after the existing ones; returns its index.
    int addPage(QWidget* page, const QString& title);
    QTabWidget* pages() const { return m_pages; }
    /// The activation explorer, the first page.
    ExplorerPage* explorerPage() const { return m_explorer; }
    /// The mini-network page, the second page.
    NetworkPage* networkPage() const { return m_network; }
    /// The Sweeps page, the third page.
    SweepPage* sweepPage() const { return m_sweeps; }
    /// The state of the explorer, to share "the same function" with other pages.
    ExplorerState* explorerState() const { return m_state; }
    AppSettings* settings() const { return m_settings; }

    /// The open document: Save, Open, the recent files, the unsaved state.
    SessionController* sessionController() const { return m_session; }
    /// The autosave and the restore after an unclean exit.
    CrashRecovery* crashRecovery() const { return m_recovery; }
    /// The lessons of the Lessons menu.
    const LessonCatalog& lessons() const { return *m_lessons; }
    LessonBanner* lessonBanner() const { return m_banner; }
    PresentationMode* presentation() const { return m_presentation; }
    /// Lesson stepping, the legends switch and plot-only mode.
    ClassroomActions* classroomActions() const { return m_classroom; }

    /// Opens a session file without dialogs: "" on success, or the message naming the problem
    /// (nothing changed then). For the command line and tests.
    QString openSession(const QString& path);
    /// Shows lesson `number` (1-based, in the Lessons menu's order): "" or the problem.
    QString openLesson(int number);

    /// Switches the whole interface to `lang` ("en", "zh_CN"), with no restart, and remembers
    /// the choice. Unknown codes are ignored (returns false).
    bool setLanguage(const QString& lang);
    /// The language of the interface now.
    QString language() const;
    /// Theme by id: "system", "light", "contrast", "dark" (false for an unknown id).
    bool setTheme(const QString& id);
    /// Writes geometry and explorer state to the settings (also done on close).
    void writeSettings();

    /// The window's menus, for tests.
    QMenu* lessonsMenu() const { return m_menus.lessons; }
    QMenu* recentMenu() const { return m_menus.recent; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QAction* addMenuAction(QMenu* menu, const char* name, void (MainWindow::*slot)());
    QMenu* addMenu(QMenu* parent = nullptr);
    void createMenus();
    void fillLessonsMenu();
    void fillRecentMenu();
    void retranslate();
    void updateTitle();
    void showPageHint();
    void readSettings();
    /// Writes the state file when the work changed since the last write (the autosave).
    QString autosave();
    void newSession();
    void open();
    void save();
    void saveAs();
    void quit();
    void showShortcuts();
    void showSpeed();
    void showAbout();

    AppSettings* m_settings;
    std::unique_ptr<LessonCatalog> m_lessons;
    ExplorerState* m_state;
    QTabWidget* m_pages;
    ExplorerPage* m_explorer;
    NetworkPage* m_network;
    SweepPage* m_sweeps;
    LessonBanner* m_banner;
    SessionController* m_session = nullptr;
    PresentationMode* m_presentation = nullptr;
    ClassroomActions* m_classroom = nullptr;
    CrashRecovery* m_recovery = nullptr;
    std::string m_autosaved;  ///< the state text the autosave wrote last
    QActionGroup* m_languages = nullptr;
    QActionGroup* m_themes = nullptr;
    QActionGroup* m_pngScales = nullptr;
    QAction* m_showBanner = nullptr;
    QAction* m_openLessonFolder = nullptr;
    struct Menus {
        QMenu *file, *recent, *exportMenu, *pngScale, *edit, *view, *theme, *language, *curves,
            *network, *lessons, *tools, *help;
    } m_menus{};
    struct Actions {
        QAction *newSession, *open, *save, *saveAs, *quit, *copyCode, *speed, *shortcuts,
            *about, *aboutQt;
    } m_actions{};
};

}  // namespace actlab::ui
