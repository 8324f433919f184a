#pragma once

#include <QMainWindow>

class QActionGroup;
class QTabWidget;

namespace actlab::ui {

class AppSettings;
class ExplorerPage;
class ExplorerState;
class NetworkPage;

/// The application window. It composes the pages, menus and status bar, and restores its
/// geometry and the explorer's state from AppSettings; the pages do the work.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    /// A window with the application's usual settings.
    explicit MainWindow(QWidget* parent = nullptr);
    /// A window that reads and writes `settings` (it takes ownership).
    explicit MainWindow(AppSettings* settings, QWidget* parent = nullptr);

    /// Adds a page as a tab after the existing ones; returns its index.
    int addPage(QWidget* page, const QString& title);
    QTabWidget* pages() const { return m_pages; }
    /// The activation explorer, the first page.
    ExplorerPage* explorerPage() const { return m_explorer; }
    /// The mini-network page, the second page.
    NetworkPage* networkPage() const { return m_network; }
    /// The state of the explorer, to share "the same function" with other pages.
    ExplorerState* explorerState() const { return m_state; }
    AppSettings* settings() const { return m_settings; }

    /// Shows registry texts in `lang` ("en", "zh_CN") and remembers the choice.
    void setLanguage(const QString& lang);
    /// Writes geometry and explorer state to the settings (also done on close).
    void writeSettings();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void readSettings();
    void showAbout();

    AppSettings* m_settings;
    ExplorerState* m_state;
    QTabWidget* m_pages;
    ExplorerPage* m_explorer;
    NetworkPage* m_network;
    QActionGroup* m_languages = nullptr;
    QActionGroup* m_pngScales = nullptr;
};

}  // namespace actlab::ui
