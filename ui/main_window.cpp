#include "main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolTip>

#include "app_settings.h"
#include "explorer_page.h"
#include "explorer_state.h"
#include "network_page.h"
#include "teaching_panel.h"

namespace actlab::ui {

namespace {

/// Sizes and colours chosen to be read from the back of a classroom.
const char* const kStyleSheet = R"(
* { font-size: 12pt; }
QLabel#sectionTitle { color: #5A6370; font-weight: 600; font-size: 11.5pt; }
QLabel#activationName { color: #1F2933; font-size: 21pt; font-weight: 700; }
QLabel#torchName { color: #46505C; background: #EEF1F4; border-radius: 4px; padding: 2px 8px; }
QLabel#formula { color: #1F2933; background: #F6F8FA; border: 1px solid #E1E5EA;
                 border-radius: 6px; padding: 10px 12px; font-family: "DejaVu Serif";
                 font-size: 16pt; }
QLabel#range { font-size: 14pt; }
QLabel#teaching { color: #26313D; }
QLabel#snippet { background: #F6F8FA; border: 1px solid #E1E5EA; border-radius: 6px;
                 padding: 8px 10px; font-family: "DejaVu Sans Mono"; font-size: 11.5pt; }
QLabel#errorMessage { color: #8A1C1C; background: #FDECEA; border: 1px solid #D96C5F;
                      border-radius: 6px; padding: 8px 10px; }
QLabel#hint { color: #5A6370; }
QLabel#readout { font-size: 13pt; }
QLabel#parameterLabel { font-weight: 600; }
QLabel#parameterKeyword { color: #6B7480; }
QTreeWidget#activationTree { font-size: 13pt; }
QTreeWidget#activationTree::item { padding: 1px 2px; }
QTreeWidget#activationTree::item:selected { background: #0072B2; color: white; }
QToolBar#explorerToolBar { spacing: 4px; border: none; }
QToolBar#explorerToolBar QToolButton { padding: 4px 8px; }
QToolBar#explorerToolBar QToolButton#compareButton::menu-indicator { image: none; width: 0px; }
QToolBar#explorerToolBar QToolButton:checked { background: #DCEBF7; border: 1px solid #7FB3DA;
                                               border-radius: 4px; }
QSlider:horizontal { min-height: 30px; }
QSlider::groove:horizontal { height: 6px; background: #D5DBE3; border-radius: 3px; }
QSlider::sub-page:horizontal { height: 6px; background: #0072B2; border-radius: 3px; }
QSlider::handle:horizontal { background: white; border: 2px solid #0072B2; width: 18px;
                             margin: -8px 0; border-radius: 11px; }
QSlider::handle:horizontal:hover { background: #DCEBF7; }
QTabWidget::pane { border: none; }
QCheckBox::indicator { width: 18px; height: 18px; }
)";

constexpr double kMinUiPointSize = 12;

}  // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(new AppSettings, parent) {}

MainWindow::MainWindow(AppSettings* settings, QWidget* parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_state(new ExplorerState(this)),
      m_pages(new QTabWidget(this)),
      m_explorer(new ExplorerPage(m_state, m_pages)),
      m_network(new NetworkPage(m_state, m_pages)) {
    m_settings->setParent(this);
    setWindowTitle(tr("Activation Lab"));
    setObjectName("mainWindow");

    QFont base = font();
    if (base.pointSizeF() < kMinUiPointSize) base.setPointSizeF(kMinUiPointSize);
    setFont(base);
    QToolTip::setFont(base);  // tooltips are windows of their own and read the global font
    setStyleSheet(QString::fromUtf8(kStyleSheet));

    m_pages->setDocumentMode(true);
    m_pages->setTabBarAutoHide(true);  // one page needs no tab bar; a second page shows it
    setCentralWidget(m_pages);
    addPage(m_explorer, tr("Activation Explorer"));
    addPage(m_network, tr("Network"));

    createMenus();
    connect(m_explorer, &ExplorerPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_settings, &AppSettings::pngScaleChanged, m_explorer, &ExplorerPage::setPngScale);
    connect(m_network, &NetworkPage::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_settings, &AppSettings::pngScaleChanged, m_network, &NetworkPage::setPngScale);
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_pages->widget(index) == m_network)
            statusBar()->showMessage(
                tr("Space trains or pauses. Click the output plot to add "
                   "points; point at a neuron to see its output large."));
        else
            statusBar()->clearMessage();
    });
    readSettings();
    statusBar()->showMessage(
        tr("Choose an activation on the left; drag its parameters and "
           "watch f, f\u2032 and f\u2033 follow."));
}

int MainWindow::addPage(QWidget* page, const QString& title) {
    return m_pages->addTab(page, title);
}

void MainWindow::createMenus() {
    // Menus are separate windows and do not inherit the window's font: give them the large one.
    const auto menu = [this](const QString& title) {
        QMenu* m = menuBar()->addMenu(title);
        m->setFont(font());
        return m;
    };
    ExplorerPage* page = m_explorer;

    QMenu* file = menu(tr("&File"));
    file->addAction(page->exportPlotAction());
    QMenu* scale = file->addMenu(tr("PNG Export Scale"));
    scale->setFont(font());
    m_pngScales = new QActionGroup(this);
    for (int s = 1; s <= 4; ++s) {
        QAction* a = scale->addAction(tr("%1×").arg(s));
        a->setCheckable(true);
        a->setData(s);
        m_pngScales->addAction(a);
        connect(a, &QAction::triggered, this, [this, s] { m_settings->setPngScale(s); });
    }
    file->addAction(page->exportCsvAction());
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menu(tr("&Edit"));
    edit->addAction(page->copyImageAction());
    QAction* copyCode = edit->addAction(tr("Copy PyTorch Code"));
    connect(copyCode, &QAction::triggered, page->teachingPanel(), &TeachingPanel::copySnippet);
    edit->addSeparator();
    edit->addAction(page->findAction());

    QMenu* view = menu(tr("&View"));
    page->showFAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    page->showDfAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    page->showD2fAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    view->addAction(page->showFAction());
    view->addAction(page->showDfAction());
    view->addAction(page->showD2fAction());
    view->addSeparator();
    view->addAction(page->vanishingZoneAction());
    view->addAction(page->deadZoneAction());
    view->addSeparator();
    page->allActivationsAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    view->addAction(page->allActivationsAction());
    view->addSeparator();
    view->addAction(page->zoomInAction());
    view->addAction(page->zoomOutAction());
    view->addAction(page->resetViewAction());
    view->addSeparator();
    QAction* fullScreen = view->addAction(tr("Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this,
            [this](bool on) { on ? showFullScreen() : showNormal(); });
    QMenu* language = view->addMenu(tr("Language of the Notes"));
    language->setFont(font());
    m_languages = new QActionGroup(this);
    for (const auto& [code, name] :
         {std::pair{QStringLiteral("en"), QStringLiteral("English")},
          std::pair{QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")}}) {
        QAction* a = language->addAction(name);
        a->setCheckable(true);
        a->setData(code);
        m_languages->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }

    QMenu* curves = menu(tr("&Curves"));
    curves->addAction(page->pinAction());
    curves->addAction(page->clearPinsAction());
    curves->addSeparator();
    page->compareMenu()->setFont(font());
    curves->addMenu(page->compareMenu());
    curves->addAction(page->clearCompareAction());

    QMenu* network = menu(tr("&Network"));
    NetworkPage* net = m_network;
    network->addAction(net->playAction());
    network->addAction(net->stepAction());
    network->addAction(net->resetAction());
    network->addSeparator();
    network->addAction(net->undoAction());
    network->addAction(net->redoAction());
    network->addSeparator();
    network->addAction(net->importCsvAction());
    network->addAction(net->exportCsvAction());
    network->addAction(net->exportBoundaryAction());
    network->addAction(net->exportLossAction());
    network->addSeparator();
    network->addAction(net->compareClassicAction());

    QMenu* help = menu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Activation Lab"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::setLanguage(const QString& lang) {
    m_settings->setLanguage(lang);
    m_explorer->setLanguage(lang);
    m_network->setLanguage(lang);
    for (QAction* a : m_languages->actions()) a->setChecked(a->data().toString() == lang);
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
    m_explorer->restoreSettings(*m_settings);
    m_explorer->setPngScale(m_settings->pngScale());
    m_network->restoreSettings(*m_settings);
    m_network->setPngScale(m_settings->pngScale());
    for (QAction* a : m_pngScales->actions())
        a->setChecked(a->data().toInt() == m_settings->pngScale());
    setLanguage(m_settings->language());
}

void MainWindow::writeSettings() {
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_explorer->saveSettings(*m_settings);
    m_network->saveSettings(*m_settings);
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    writeSettings();
    event->accept();
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About Activation Lab"),
                       tr("<h3>Activation Lab</h3><p>Explore and teach the activation functions "
                          "of neural networks: f, f\u2032 and f\u2033, their parameters, "
                          "and what each one is good and bad at.</p>"));
}

}  // namespace actlab::ui
