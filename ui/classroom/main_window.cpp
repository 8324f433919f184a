#include "classroom/main_window.h"

#include <QLayout>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

#include "classroom/classroom_actions.h"
#include "classroom/crash_recovery.h"
#include "classroom/keyboard_focus.h"
#include "classroom/language_manager.h"
#include "classroom/lesson_banner.h"
#include "classroom/lesson_catalog.h"
#include "classroom/page_links.h"
#include "classroom/presentation_mode.h"
#include "classroom/session_controller.h"
#include "classroom/shortcuts_dialog.h"
#include "classroom/speed_dialog.h"
#include "common/app_settings.h"
#include "common/eliding_status_bar.h"
#include "common/accessibility.h"
#include "common/appearance.h"
#include "common/heap_memory.h"
#include "common/qt_text.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "explorer/teaching_panel.h"
#include "network/network_page.h"
#include "network/network_settings.h"
#include "sweeps/sweep_page.h"

namespace actlab::ui {

namespace {

constexpr double kMinUiPointSize = 12;

/// Theme ids in menu order.
const char* const kThemeIds[] = {"system", "light", "contrast", "dark"};

}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(new AppSettings, parent) {}

MainWindow::MainWindow(AppSettings* settings, QWidget* parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_lessons(new LessonCatalog),
      m_state(new ExplorerState(this)),
      m_pages(new QTabWidget(this)),
      m_explorer(new ExplorerPage(m_state, m_pages)),
      m_network(new NetworkPage(m_pages)),
      m_sweeps(new SweepPage(m_pages)),
      m_banner(new LessonBanner(this)) {
    m_settings->setParent(this);
    setObjectName("mainWindow");
    // The window never grows beyond the screen to fit its contents (a larger presentation scale,
    // a longer translation): the pages give way instead (drawers, rows that wrap, views that
    // scroll). Qt would otherwise resize a full-screen window to the contents' minimum and drop
    // it out of full screen. A plain window can still be made no smaller than this.
    layout()->setSizeConstraint(QLayout::SetNoConstraint);
    setMinimumSize(640, 480);
    setStatusBar(new ElidingStatusBar(this));  // a long message elided, whole in the tooltip
    installAccessibility();  // plots are charts and the diagram a canvas for screen readers

    Appearance& appearance = Appearance::instance();
    appearance.captureSystemPalette();
    QFont base = font();
    if (base.pointSizeF() < kMinUiPointSize) base.setPointSizeF(kMinUiPointSize);
    setFont(base);
    QToolTip::setFont(base);  // tooltips are windows of their own and read the global font
    setStyleSheet(appearance.mainStyleSheet());
    connect(&appearance, &Appearance::changed, this,
            [this] { setStyleSheet(Appearance::instance().mainStyleSheet()); });

    m_pages->setDocumentMode(true);
    m_pages->setFocusPolicy(Qt::NoFocus);  // its tab bar takes the focus, not the pane
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* bannerRow = new QVBoxLayout;
    bannerRow->setContentsMargins(10, 8, 10, 2);
    bannerRow->addWidget(m_banner);
    layout->addLayout(bannerRow);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    addPage(m_explorer, QString());
    addPage(m_network, QString());
    addPage(m_sweeps, QString());
    // Space, ".", the plain-letter shortcuts and Esc work whatever has the focus.
    qApp->installEventFilter(new KeyboardFocus(this));

    m_session = new SessionController(
        {this, m_pages, m_explorer, m_network, m_state, m_settings, m_sweeps}, this);
    linkPages({m_pages, m_state, m_explorer, m_network, m_sweeps, m_session, statusBar()});
    m_presentation = new PresentationMode(this, m_settings);
    m_recovery = new CrashRecovery(m_settings, this, [this] { return autosave(); }, this);
    connect(m_recovery, &CrashRecovery::autosaveFailed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    m_classroom = new ClassroomActions(
        {this, m_pages, m_explorer, m_network, m_banner, m_lessons.get(), m_session});
    createMenus();
    retranslate();

    connect(m_explorer, &ExplorerPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_settings, &AppSettings::pngScaleChanged, m_explorer, &ExplorerPage::setPngScale);
    connect(m_network, &NetworkPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_settings, &AppSettings::pngScaleChanged, m_network, &NetworkPage::setPngScale);
    connect(m_session, &SessionController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_session, &SessionController::documentChanged, this, &MainWindow::updateTitle);
    connect(m_session, &SessionController::sessionApplied, this,
            [this](const nn::Session& session, bool) {
                m_banner->setSession(session);
                m_showBanner->setEnabled(m_banner->hasText());
                updateTitle();
            });
    connect(m_banner, &LessonBanner::dismissed, this, [this] { m_showBanner->setEnabled(true); });
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int) { showPageHint(); });
    readSettings();
    showPageHint();
    keepReleasingFreedMemory(this, 10'000);
}

MainWindow::~MainWindow() = default;

int MainWindow::addPage(QWidget* page, const QString& title) {
    return m_pages->addTab(page, title);
}

QAction* MainWindow::addMenuAction(QMenu* menu, const char* slotName, void (MainWindow::*slot)()) {
    QAction* a = menu->addAction(QString());
    a->setObjectName(QString::fromLatin1(slotName));
    connect(a, &QAction::triggered, this, slot);
    return a;
}

QMenu* MainWindow::addMenu(QMenu* parent) {
    QMenu* m = parent ? parent->addMenu(QString()) : menuBar()->addMenu(QString());
    // Menus are separate windows and do not inherit the window's font: give them the large one.
    m->setFont(font());
    connect(&Appearance::instance(), &Appearance::changed, m, [this, m] { m->setFont(font()); });
    return m;
}

void MainWindow::createMenus() {
    ExplorerPage* page = m_explorer;
    NetworkPage* net = m_network;

    // File: the session document, then exports of every view.
    m_menus.file = addMenu();
    m_actions.newSession = addMenuAction(m_menus.file, "newSession", &MainWindow::newSession);
    m_actions.newSession->setShortcut(QKeySequence::New);
    m_actions.open = addMenuAction(m_menus.file, "open", &MainWindow::open);
    m_actions.open->setShortcut(QKeySequence::Open);
    m_menus.recent = addMenu(m_menus.file);
    connect(m_menus.recent, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    m_actions.save = addMenuAction(m_menus.file, "save", &MainWindow::save);
    m_actions.save->setShortcut(QKeySequence::Save);
    m_actions.saveAs = addMenuAction(m_menus.file, "saveAs", &MainWindow::saveAs);
    m_actions.saveAs->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_menus.file->addSeparator();
    m_menus.exportMenu = addMenu(m_menus.file);
    m_menus.exportMenu->addAction(page->exportPlotAction());
    m_menus.exportMenu->addAction(page->exportCsvAction());
    m_menus.exportMenu->addSeparator();
    m_menus.exportMenu->addAction(net->exportBoundaryAction());
    m_menus.exportMenu->addAction(net->exportLossAction());
    m_menus.exportMenu->addAction(net->exportViewAction());
    m_menus.exportMenu->addAction(net->exportCsvAction());
    m_menus.exportMenu->addSeparator();
    m_menus.exportMenu->addAction(net->exportPytorchAction());
    m_menus.exportMenu->addAction(net->exportNotebookAction());
    m_menus.exportMenu->addSeparator();
    m_menus.pngScale = addMenu(m_menus.exportMenu);
    m_pngScales = new QActionGroup(this);
    for (int s = 1; s <= 4; ++s) {
        QAction* a = m_menus.pngScale->addAction(QStringLiteral("%1×").arg(s));
        a->setCheckable(true);
        a->setData(s);
        m_pngScales->addAction(a);
        connect(a, &QAction::triggered, this, [this, s] { m_settings->setPngScale(s); });
    }
    m_menus.file->addAction(net->importCsvAction());
    m_menus.file->addSeparator();
    m_actions.quit = addMenuAction(m_menus.file, "quit", &MainWindow::quit);
    m_actions.quit->setShortcut(QKeySequence::Quit);
    m_actions.quit->setMenuRole(QAction::QuitRole);

    m_menus.edit = addMenu();
    m_menus.edit->addAction(page->copyImageAction());
    m_actions.copyCode = m_menus.edit->addAction(QString());
    connect(m_actions.copyCode, &QAction::triggered, page->teachingPanel(),
            &TeachingPanel::copySnippet);
    m_menus.edit->addSeparator();
    m_menus.edit->addAction(page->findAction());

    m_menus.view = addMenu();
    page->showFAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    page->showDfAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    page->showD2fAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_menus.view->addAction(page->showFAction());
    m_menus.view->addAction(page->showDfAction());
    m_menus.view->addAction(page->showD2fAction());
    m_menus.view->addSeparator();
    m_menus.view->addAction(page->vanishingZoneAction());
    m_menus.view->addAction(page->deadZoneAction());
    m_menus.view->addSeparator();
    page->allActivationsAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_menus.view->addAction(page->allActivationsAction());
    m_menus.view->addSeparator();
    m_menus.view->addAction(page->zoomInAction());
    m_menus.view->addAction(page->zoomOutAction());
    m_menus.view->addAction(page->resetViewAction());
    m_menus.view->addSeparator();
    m_menus.view->addAction(m_classroom->plotOnlyAction());
    m_menus.view->addAction(m_classroom->legendsAction());
    m_menus.view->addSeparator();
    m_menus.view->addAction(m_presentation->toggleAction());
    m_menus.view->addAction(m_presentation->largerAction());
    m_menus.view->addAction(m_presentation->smallerAction());
    m_menus.view->addAction(m_presentation->resetAction());
    m_menus.theme = addMenu(m_menus.view);
    m_themes = new QActionGroup(this);
    for (const char* id : kThemeIds) {
        QAction* a = m_menus.theme->addAction(QString());
        a->setCheckable(true);
        a->setData(QString::fromLatin1(id));
        m_themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, id] { setTheme(QString::fromLatin1(id)); });
    }
    m_menus.language = addMenu(m_menus.view);
    m_languages = new QActionGroup(this);
    for (const QString& code : LanguageManager::languages()) {
        // Each language in its own words: readable whichever language is shown.
        QAction* a = m_menus.language->addAction(LanguageManager::nativeName(code));
        a->setCheckable(true);
        a->setData(code);
        m_languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
    }

    m_menus.curves = addMenu();
    m_menus.curves->addAction(page->pinAction());
    m_menus.curves->addAction(page->clearPinsAction());
    m_menus.curves->addSeparator();
    page->compareMenu()->setFont(font());
    m_menus.curves->addMenu(page->compareMenu());
    m_menus.curves->addAction(page->clearCompareAction());

    m_menus.network = addMenu();
    m_menus.network->addAction(net->playAction());
    m_menus.network->addAction(net->stepAction());
    m_menus.network->addAction(net->resetAction());
    m_menus.network->addSeparator();
    m_menus.network->addAction(net->undoAction());
    m_menus.network->addAction(net->redoAction());
    m_menus.network->addSeparator();
    m_menus.network->addAction(net->compareClassicAction());
    m_menus.network->addSeparator();
    for (QAction* a : net->structureActions()) m_menus.network->addAction(a);

    m_menus.lessons = addMenu();
    connect(m_menus.lessons, &QMenu::aboutToShow, this, &MainWindow::fillLessonsMenu);
    m_showBanner = new QAction(this);
    m_showBanner->setEnabled(false);
    connect(m_showBanner, &QAction::triggered, this, [this] {
        m_banner->show();
        m_showBanner->setEnabled(false);
    });
    m_openLessonFolder = new QAction(this);
    connect(m_openLessonFolder, &QAction::triggered, this, [] {
        const QString dir = LessonCatalog::userLessonDir();
        QDir().mkpath(dir);
        QDesktopServices::openUrl(QUrl::fromLocalFile(dir));
    });
    fillLessonsMenu();

    m_menus.tools = addMenu();
    m_actions.speed = addMenuAction(m_menus.tools, "speed", &MainWindow::showSpeed);

    m_menus.help = addMenu();
    m_actions.shortcuts = addMenuAction(m_menus.help, "shortcuts", &MainWindow::showShortcuts);
    m_actions.shortcuts->setShortcut(QKeySequence::HelpContents);
    m_actions.about = addMenuAction(m_menus.help, "about", &MainWindow::showAbout);
    m_actions.about->setMenuRole(QAction::AboutRole);
    m_actions.aboutQt = m_menus.help->addAction(QString(), qApp, &QApplication::aboutQt);
    m_actions.aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::fillLessonsMenu() {
    QMenu* menu = m_menus.lessons;
    menu->clear();
    const QString lang = language();
    int n = 0;
    for (const Lesson& lesson : m_lessons->lessons()) {
        if (!lesson.ok()) {
            // A broken file of the user's is listed, not hidden: the tooltip says what is wrong.
            QAction* a = menu->addAction(tr("%1 (cannot be read)").arg(lesson.fileName));
            a->setEnabled(false);
            a->setToolTip(lesson.error);
            continue;
        }
        ++n;
        QString title = LessonCatalog::title(lesson.session, lang);
        if (title.isEmpty()) title = lesson.fileName;
        QAction* a = menu->addAction(tr("%1. %2").arg(n).arg(title));
        if (n <= 9) a->setShortcut(QKeySequence(Qt::ALT | Qt::SHIFT | (Qt::Key_0 + n)));
        a->setData(lesson.path);
        const QString description = LessonCatalog::description(lesson.session, lang);
        a->setToolTip(description);
        a->setStatusTip(description.left(160));
        connect(a, &QAction::triggered, this, [this, path = lesson.path] {
            if (const Lesson* l = m_lessons->byPath(path)) m_session->applyLessonInteractive(*l);
        });
    }
    menu->setToolTipsVisible(true);
    menu->addSeparator();
    menu->addAction(m_classroom->nextLessonAction());
    menu->addAction(m_classroom->previousLessonAction());
    menu->addSeparator();
    menu->addAction(m_showBanner);
    menu->addAction(m_openLessonFolder);
}

void MainWindow::fillRecentMenu() {
    QMenu* menu = m_menus.recent;
    menu->clear();
    const QStringList files = m_settings->recentFiles();
    for (int i = 0; i < files.size(); ++i) {
        const QString& path = files[i];
        QAction* a = menu->addAction(
            tr("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName().replace('&', "&&")));
        a->setToolTip(QDir::toNativeSeparators(path));
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setEnabled(QFileInfo::exists(path));
        connect(a, &QAction::triggered, this, [this, path] { m_session->openInteractive(path); });
    }
    if (files.isEmpty()) menu->addAction(tr("No recent files"))->setEnabled(false);
    menu->addSeparator();
    QAction* clear = menu->addAction(tr("Clear Recent Files"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] { m_settings->clearRecentFiles(); });
}

void MainWindow::retranslate() {
    m_classroom->retranslate();
    m_pages->setTabText(m_pages->indexOf(m_explorer), tr("Activation Explorer"));
    m_pages->setTabText(m_pages->indexOf(m_network), tr("Network"));
    m_pages->setTabText(m_pages->indexOf(m_sweeps), tr("Sweeps"));
    m_pages->setTabToolTip(m_pages->indexOf(m_explorer),
                           tr("Each activation function with its derivatives and parameters"));
    m_pages->setTabToolTip(m_pages->indexOf(m_network),
                           tr("Train a small network on 2D data and compare activations"));

    m_menus.file->setTitle(tr("&File"));
    m_actions.newSession->setText(tr("&New Session"));
    m_actions.newSession->setToolTip(tr("Start again from the default experiment (Ctrl+N)"));
    m_actions.open->setText(tr("&Open Session…"));
    m_actions.open->setToolTip(tr("Open a saved session (.actlab.json) (Ctrl+O)"));
    m_menus.recent->setTitle(tr("Open &Recent"));
    m_actions.save->setText(tr("&Save Session"));
    m_actions.save->setToolTip(tr("Save the data, the network and its weights (Ctrl+S)"));
    m_actions.saveAs->setText(tr("Save Session &As…"));
    m_actions.saveAs->setToolTip(tr("Save the session to a new file (Ctrl+Shift+S)"));
    m_menus.exportMenu->setTitle(tr("&Export"));
    m_menus.pngScale->setTitle(tr("PNG Export Scale"));
    m_actions.quit->setText(tr("&Quit"));
    m_actions.quit->setToolTip(tr("Close Activation Lab (Ctrl+Q)"));

    m_menus.edit->setTitle(tr("&Edit"));
    m_actions.copyCode->setText(tr("Copy PyTorch Code"));
    m_actions.copyCode->setToolTip(tr("Copy the PyTorch code of the current activation"));

    m_menus.view->setTitle(tr("&View"));
    m_menus.theme->setTitle(tr("&Theme"));
    const QStringList themeNames{tr("Follow the System"), tr("Light"),
                                 tr("High Contrast (Projector)"), tr("Dark")};
    for (int i = 0; i < m_themes->actions().size(); ++i)
        m_themes->actions()[i]->setText(themeNames[i]);
    m_menus.language->setTitle(tr("&Language"));
    m_presentation->retranslate();

    m_menus.curves->setTitle(tr("&Curves"));
    m_menus.network->setTitle(tr("&Network"));
    m_menus.lessons->setTitle(tr("&Lessons"));
    m_showBanner->setText(tr("Show the Lesson's Explanation"));
    m_showBanner->setToolTip(tr("Show the explanation above the pages again"));
    m_openLessonFolder->setText(tr("Open My Lessons Folder"));
    m_openLessonFolder->setToolTip(
        tr("Session files placed here appear in this menu (%1)")
            .arg(QDir::toNativeSeparators(LessonCatalog::userLessonDir())));
    fillLessonsMenu();

    m_menus.tools->setTitle(tr("&Tools"));
    m_actions.speed->setText(tr("&Measure Activation Speed…"));
    m_actions.speed->setToolTip(
        tr("Time every activation on this computer, relative to ReLU (is GELU faster?)"));

    m_menus.help->setTitle(tr("&Help"));
    m_actions.shortcuts->setText(tr("&Keyboard Shortcuts"));
    m_actions.shortcuts->setToolTip(tr("Every keyboard shortcut of the window (F1)"));
    m_actions.about->setText(tr("&About Activation Lab"));
    m_actions.aboutQt->setText(tr("About &Qt"));
    updateTitle();
    showPageHint();
}

void MainWindow::showPageHint() {
    if (m_pages->currentWidget() == m_network)
        statusBar()->showMessage(tr("Space trains or pauses. Click the output plot to add "
                                    "points; point at a neuron to see its output large."));
    else if (m_pages->currentWidget() == m_sweeps)
        statusBar()->showMessage(tr("A sweep trains the network page's experiment; click a dot "
                                    "or a cell to open that run there."));
    else
        statusBar()->showMessage(tr("Choose an activation on the left; drag its parameters and "
                                    "watch f, f\u2032 and f\u2033 follow."));
}

void MainWindow::updateTitle() {
    // "[*]" is where Qt shows the modified marker.
    setWindowTitle(tr("%1[*] \u2014 Activation Lab").arg(m_session->displayName()));
    setWindowModified(m_session->isModified());
}

QString MainWindow::openSession(const QString& path) {
    return m_session->openFile(path);
}

QString MainWindow::openLesson(int number) {
    const Lesson* lesson = m_lessons->number(number);
    if (!lesson)
        return tr("There is no lesson %1; the lessons are numbered 1 to %2.")
            .arg(number)
            .arg(m_lessons->usable().size());
    return m_session->applyLesson(*lesson);
}

bool MainWindow::setLanguage(const QString& code) {
    const QString lang = LanguageManager::normalise(code);
    if (lang.isEmpty()) return false;
    if (lang != LanguageManager::current()) LanguageManager::install(lang);
    m_settings->setLanguage(lang);
    m_explorer->setLanguage(lang);
    m_network->setLanguage(lang);
    m_banner->setLanguage(lang);
    for (QAction* a : m_languages->actions()) a->setChecked(a->data().toString() == lang);
    retranslate();
    return true;
}

QString MainWindow::language() const {
    return LanguageManager::current();
}

bool MainWindow::setTheme(const QString& id) {
    Appearance::Theme theme;
    if (!Appearance::themeFromId(id, &theme)) return false;
    Appearance::instance().setTheme(theme);
    m_settings->setTheme(id);
    for (QAction* a : m_themes->actions()) a->setChecked(a->data().toString() == id);
    return true;
}

void MainWindow::newSession() {
    m_session->newSession();
    m_banner->clear();
    m_showBanner->setEnabled(false);
}

void MainWindow::open() {
    m_session->open();
}

void MainWindow::save() {
    m_session->save();
}

void MainWindow::saveAs() {
    m_session->saveAs();
}

void MainWindow::quit() {
    close();
}

void MainWindow::readSettings() {
    const QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        QSize size(1600, 1000);
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            size = size.boundedTo(screen->availableGeometry().size());
        resize(size);
    }
    restoreState(m_settings->windowState());
    if (!setTheme(m_settings->theme())) setTheme(QStringLiteral("system"));
    m_presentation->restoreSettings();
    m_explorer->restoreSettings(*m_settings);
    m_explorer->setPngScale(m_settings->pngScale());
    // After an unclean exit the user decides whether the autosaved state comes back.
    m_network->restoreSettings(*m_settings, m_recovery->beginRun());
    m_network->setPngScale(m_settings->pngScale());
    for (QAction* a : m_pngScales->actions())
        a->setChecked(a->data().toInt() == m_settings->pngScale());
    if (!setLanguage(m_settings->language())) setLanguage(QStringLiteral("en"));
    m_session->restoreSettings();
    if (m_settings->currentPage() == QLatin1String("network")) m_pages->setCurrentWidget(m_network);
    // The explanation of the lesson shown last comes back with it, unless it had been closed.
    const nn::Session shown = m_network->session();
    m_banner->setSession(shown);
    if (!m_settings->lessonBannerShown()) m_banner->hide();
    m_showBanner->setEnabled(m_banner->hasText() && m_banner->isHidden());
    updateTitle();
}

void MainWindow::writeSettings() {
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setCurrentPage(m_pages->currentWidget() == m_network ? QStringLiteral("network")
                                                                     : QStringLiteral("explorer"));
    m_explorer->saveSettings(*m_settings);
    if (const QString error = m_network->saveSettings(*m_settings); !error.isEmpty())
        qWarning("%s", qPrintable(error));
    m_session->writeSettings(!m_banner->isHidden());
    if (const QString error = m_recovery->endRun(); !error.isEmpty())  // writes the settings
        qWarning("%s", qPrintable(error));
}

QString MainWindow::autosave() {
    const QString error =
        writeNetworkState(*m_network, m_settings->stateFilePath(), &m_autosaved);
    // Where the work came from, so that a restored state knows its file or lesson.
    m_session->writeSettings(!m_banner->isHidden());
    const QString settingsError = m_settings->sync();
    return error.isEmpty() ? settingsError : error;
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Unsaved changes are asked about first; cancelling keeps the window and its state.
    if (!m_session->maybeSave()) {
        event->ignore();
        return;
    }
    writeSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::showShortcuts() {
    ShortcutsDialog dialog(this, menuBar(), actions());
    dialog.exec();
}

void MainWindow::showSpeed() {
    auto* dialog = new SpeedDialog(language(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->measure();
}

void MainWindow::showAbout() {
    const QString version = QCoreApplication::applicationVersion();
    QMessageBox::about(
        this, tr("About Activation Lab"),
        tr("<h3>Activation Lab %1</h3>"
           "<p>Explore and teach the activation functions of neural networks: f, f\u2032 and "
           "f\u2033, their parameters, and how each one shapes what a small network learns.</p>"
           "<p>Activation Lab is free software under the GNU General Public License, "
           "version 3 or later.</p>"
           "<p>It is built with Qt %2 (GNU LGPL version 3) and QCustomPlot "
           "(GNU GPL version 3), and uses the JSON library of Niels Lohmann (MIT).</p>")
            .arg(version.isEmpty() ? QStringLiteral("") : version, QString::fromLatin1(qVersion())));
}

}  // namespace actlab::ui
