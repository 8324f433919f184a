// The classroom features of the main window: sessions (save, open, recent files, a bad file,
// unsaved changes), the Lessons menu and its explanation, presentation mode, themes, the state
// restored on the next start, and help.

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QTimer>
#include <memory>

#include "activations/registry.h"
#include "classroom/lesson_banner.h"
#include "classroom/language_manager.h"
#include "classroom/lesson_catalog.h"
#include "classroom/main_window.h"
#include "classroom/presentation_mode.h"
#include "classroom/session_controller.h"
#include "classroom/shortcuts_dialog.h"
#include "classroom/speed_dialog.h"
#include "common/app_settings.h"
#include "common/appearance.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "network/health_view.h"
#include "network/loss_chart.h"
#include "network/network_page.h"
#include "nn/session.h"
#include "../file_size_limit.h"
#include "ui_test_support.h"

namespace actlab::ui {
namespace {

using test::flush;

class ClassroomTest : public ::testing::Test {
protected:
    void SetUp() override { open(); }
    void TearDown() override {
        // Leave the process-wide appearance as the next test expects it.
        Appearance::instance().setTheme(Appearance::Theme::Light);
        Appearance::instance().setScale(1.0);
    }

    void open() {
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        window->resize(1400, 900);
        window->show();
        flush();
        session = window->sessionController();
        network = window->networkPage();
    }
    /// Closes the window (answering `answer` if asked about unsaved changes) and opens the
    /// application again on the same settings.
    void restart() {
        window->close();
        window.reset();
        open();
    }
    QString path(const QString& name) const { return dir.filePath(name); }
    static QString readAll(const QString& file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    }
    /// The triggered action of the Lessons menu whose text contains `text`.
    QAction* lessonAction(const QString& text) const {
        QMenu* menu = window->lessonsMenu();
        emit menu->aboutToShow();
        for (QAction* a : menu->actions())
            if (a->text().contains(text)) return a;
        return nullptr;
    }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    SessionController* session = nullptr;
    NetworkPage* network = nullptr;
};

// --- sessions -----------------------------------------------------------------------------------

TEST_F(ClassroomTest, SaveAndOpenRoundTripTheExperimentAndTrackChanges) {
    EXPECT_FALSE(session->isModified());
    network->addPoint(1.5, -2.0, true);
    flush();
    EXPECT_TRUE(session->isModified());
    EXPECT_TRUE(window->isWindowModified());

    const QString file = path("mine.actlab.json");
    ASSERT_EQ(session->saveTo(file), "");
    EXPECT_FALSE(session->isModified());
    EXPECT_FALSE(window->isWindowModified());
    EXPECT_TRUE(window->windowTitle().contains("mine.actlab.json"));
    const nn::SessionLoad saved = nn::parseSession(readAll(file).toStdString());
    ASSERT_TRUE(saved.ok()) << saved.error;
    ASSERT_TRUE(saved.session.points.has_value());
    EXPECT_EQ(saved.session.points->train.size() + saved.session.points->test.size(),
              network->session().points->train.size() + network->session().points->test.size());
    // QSaveFile leaves no temporary file behind.
    EXPECT_EQ(QDir(dir.path()).entryList({"mine*"}, QDir::Files).size(), 1);

    const nn::Session before = network->session();
    ASSERT_EQ(window->openLesson(1), "");
    EXPECT_NE(network->session(), before);
    ASSERT_EQ(window->openSession(file), "");
    EXPECT_EQ(network->session().points, before.points);
    EXPECT_EQ(session->filePath(), QFileInfo(file).absoluteFilePath());
    EXPECT_FALSE(session->isModified());
    ASSERT_FALSE(window->settings()->recentFiles().isEmpty());
    EXPECT_EQ(window->settings()->recentFiles().front(), QFileInfo(file).absoluteFilePath());
    emit window->recentMenu()->aboutToShow();
    EXPECT_TRUE(window->recentMenu()->actions().front()->text().contains("mine.actlab.json"));
}

/// A lesson with 99 neurons in its first layer (at most 32 are allowed).
QByteArray tooManyNeurons() {
    QFile f(QStringLiteral(ACTLAB_LESSONS_DIR "/03-zero-centred-tanh.actlab.json"));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QByteArray text = f.readAll();
    const qsizetype at = text.indexOf("\"neurons\": ");
    return at < 0 ? QByteArray() : text.replace(at, 12, "\"neurons\": 99");
}

TEST_F(ClassroomTest, ABadFileIsNamedAndChangesNothing) {
    const nn::Session before = network->session();
    struct Case {
        const char* name;
        QByteArray text;
        const char* mentions;
    };
    for (const Case& c : {Case{"garbage.actlab.json", "{ not json", "JSON"},
                          Case{"wrong.actlab.json", tooManyNeurons(), "neurons"}}) {
        QFile f(path(c.name));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(c.text);
        f.close();
        const QString error = window->openSession(path(c.name));
        EXPECT_TRUE(error.contains(c.mentions, Qt::CaseInsensitive)) << error.toStdString();
    }
    EXPECT_FALSE(window->openSession(path("missing.actlab.json")).isEmpty());
    EXPECT_EQ(network->session(), before);
    EXPECT_TRUE(session->filePath().isEmpty());

    // Through the menu, the same problem is shown in a dialog that names the file.
    QString shown;
    QTimer::singleShot(0, [&] {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible()) {
                shown = box->text();
                box->accept();
            }
    });
    session->openInteractive(path("garbage.actlab.json"));
    EXPECT_TRUE(shown.contains("garbage.actlab.json")) << shown.toStdString();
    EXPECT_TRUE(shown.contains("not changed")) << shown.toStdString();
    EXPECT_EQ(network->session(), before);
}

TEST_F(ClassroomTest, AFailedSaveReportsAndKeepsTheDocument) {
    network->addPoint(0.5, 0.5, false);
    flush();
    const QString impossible = path("no-such-folder/x.actlab.json");
    const QString error = session->saveTo(impossible);
    EXPECT_TRUE(error.contains("x.actlab.json")) << error.toStdString();
    EXPECT_FALSE(QFile::exists(impossible));
    EXPECT_TRUE(session->isModified());
    EXPECT_TRUE(session->filePath().isEmpty());

    // A good save, then a failed one over a folder: the earlier file is as it was.
    const QString file = path("kept.actlab.json");
    ASSERT_EQ(session->saveTo(file), "");
    const QString text = readAll(file);
    QDir(dir.path()).mkdir("folder.actlab.json");
    EXPECT_FALSE(session->saveTo(path("folder.actlab.json")).isEmpty());
    EXPECT_EQ(readAll(file), text);
}

TEST_F(ClassroomTest, ASaveThatFailsMidwayLeavesTheOldFileIntact) {
    network->addPoint(-1, 1, false);  // edited data is saved point by point
    flush();
    const QString file = path("class.actlab.json");
    ASSERT_EQ(session->saveTo(file), "");
    const QString before = readAll(file);
    ASSERT_GT(before.size(), 2000);  // the points make it long enough to cut
    network->addPoint(1, 1, true);
    flush();
    // The file-size limit makes the write fail with EFBIG after 1,000 bytes: a disk that fills
    // up during the save.
    QString error;
    actlab::test::withFileSizeLimit(1000, [&] { error = session->saveTo(file); });
    EXPECT_FALSE(error.isEmpty());
    EXPECT_EQ(readAll(file), before);
    EXPECT_TRUE(session->isModified());
    EXPECT_EQ(QDir(dir.path()).entryList({"class*"}, QDir::Files).size(), 1);  // no leftovers
}

TEST_F(ClassroomTest, UnsavedChangesAreAskedAboutOnClose) {
    QStringList asked;
    QMessageBox::StandardButton answer = QMessageBox::Cancel;
    session->setPrompt([&](const QString& name) {
        asked << name;
        return answer;
    });
    EXPECT_TRUE(window->close());  // nothing changed: no question
    EXPECT_TRUE(asked.isEmpty());
    window->show();
    network->addPoint(-1, 1, true);
    flush();
    EXPECT_FALSE(window->close());  // cancelled: the window stays, with the change
    ASSERT_EQ(asked.size(), 1);
    EXPECT_EQ(asked.front(), session->displayName());
    EXPECT_TRUE(window->isVisible());
    EXPECT_TRUE(session->isModified());

    // Save: without a file, Save As asks for a name; with one it writes it.
    ASSERT_EQ(session->saveTo(path("s.actlab.json")), "");
    network->addPoint(-2, 1, true);
    flush();
    answer = QMessageBox::Save;
    EXPECT_TRUE(window->close());
    const nn::SessionLoad saved = nn::loadSessionFile(path("s.actlab.json").toStdString());
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved.session.points, network->session().points);
}

TEST_F(ClassroomTest, TheLastDocumentComesBackOnTheNextStart) {
    const QString file = path("restored.actlab.json");
    network->addPoint(2, 2, false);
    ASSERT_EQ(session->saveTo(file), "");
    const nn::Session saved = network->session();
    restart();
    EXPECT_EQ(session->filePath(), QFileInfo(file).absoluteFilePath());
    EXPECT_EQ(network->session().points, saved.points);
    EXPECT_FALSE(session->isModified());

    // Unsaved changes come back as unsaved.
    network->addPoint(-3, -3, true);
    flush();
    const nn::Session changed = network->session();
    restart();
    EXPECT_EQ(network->session().points, changed.points);
    EXPECT_TRUE(session->isModified());
}

// --- lessons ------------------------------------------------------------------------------------

TEST_F(ClassroomTest, TheLessonsMenuOffersEveryLessonInOneClick) {
    const LessonCatalog& catalog = window->lessons();
    ASSERT_GE(catalog.usable().size(), 6u);
    QMenu* menu = window->lessonsMenu();
    emit menu->aboutToShow();
    int offered = 0;
    for (QAction* a : menu->actions())
        if (a->data().toString().endsWith(".actlab.json")) ++offered;
    EXPECT_EQ(offered, int(catalog.usable().size()));

    QAction* dying = lessonAction("Dying ReLU");
    ASSERT_NE(dying, nullptr);
    dying->trigger();
    flush();
    const Lesson* lesson = catalog.byPath(dying->data().toString());
    ASSERT_NE(lesson, nullptr);
    EXPECT_EQ(network->session().compare, lesson->session.compare);
    EXPECT_EQ(window->pages()->currentWidget(), network);
    LessonBanner* banner = window->lessonBanner();
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->titleLabel()->text().contains("Dying ReLU"));
    EXPECT_TRUE(window->windowTitle().contains("Dying ReLU"));
    EXPECT_FALSE(session->isModified());

    // In Chinese, the banner, the window title and the menu follow without a restart.
    ASSERT_TRUE(window->setLanguage("zh_CN"));
    flush();
    const QString zhTitle = QString::fromStdString(lesson->session.titleZh);
    EXPECT_EQ(banner->titleLabel()->text(), zhTitle);
    EXPECT_EQ(banner->textLabel()->text(), QString::fromStdString(lesson->session.descriptionZh));
    EXPECT_TRUE(window->windowTitle().contains(zhTitle));
    EXPECT_NE(lessonAction(zhTitle), nullptr);
    ASSERT_TRUE(window->setLanguage("en"));

    // Closed, the explanation is one menu click away.
    banner->closeButton()->click();
    EXPECT_FALSE(banner->isVisible());
    QAction* show = lessonAction("Explanation");
    ASSERT_NE(show, nullptr);
    EXPECT_TRUE(show->isEnabled());
    show->trigger();
    EXPECT_TRUE(banner->isVisible());

    EXPECT_FALSE(window->openLesson(99).isEmpty());
    EXPECT_FALSE(window->openLesson(0).isEmpty());
}

TEST_F(ClassroomTest, EveryLessonsBannerTakesAtMostAFifthOfTheWindow) {
    window->resize(1280, 800);
    flush();
    LessonBanner* banner = window->lessonBanner();
    for (const char* lang : {"en", "zh_CN"}) {
        ASSERT_TRUE(window->setLanguage(lang));
        for (int n = 1; n <= 7; ++n) {
            ASSERT_EQ(window->openLesson(n), "") << n;
            flush();
            ASSERT_TRUE(banner->isVisible()) << n;
            EXPECT_LE(banner->height(), window->height() / 5 + 2) << "lesson " << n << " " << lang;
            EXPECT_GT(banner->textLabel()->visibleRegion().boundingRect().height(), 0) << n;
        }
    }
    ASSERT_TRUE(window->setLanguage("en"));
}

TEST_F(ClassroomTest, LessonFourOpensOnSelusHealthCard) {
    window->resize(1600, 1000);
    flush();
    ASSERT_EQ(window->openLesson(4), "");
    flush();
    NetworkPage* network = window->networkPage();
    ASSERT_EQ(network->currentView(), NetworkPage::View::Health);
    HealthView* health = network->healthView();
    ASSERT_EQ(health->cardCount(), 3);
    HealthCard* selu = health->card(2);
    EXPECT_TRUE(selu->titleText().contains("SELU")) << selu->titleText().toStdString();
    // The whole card is in the viewport, scrolled as far towards it as the view goes.
    QWidget* viewport = health->scrollArea()->viewport();
    QScrollBar* bar = health->scrollArea()->verticalScrollBar();
    flush();
    const QRect inView(selu->mapTo(viewport, QPoint(0, 0)), selu->size());
    EXPECT_EQ(bar->value(), std::min(bar->maximum(), selu->mapTo(health->scrollArea()->widget(),
                                                                QPoint(0, 0)).y()));
    EXPECT_GE(inView.top(), 0);
    EXPECT_LE(inView.bottom(), viewport->height()) << "card " << inView.height() << " px, view "
                                                   << viewport->height();
}

TEST_F(ClassroomTest, PlotNumbersFollowTheInterfaceNotTheSystemLocale) {
    // As on a German system, before the application sets its number format.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    LanguageManager::setupNumberFormat();
    LossChart chart;
    chart.resize(400, 300);
    chart.setLogScale(true);
    chart.yAxis->setRange(1e-6, 10);
    chart.replot();
    const QVector<QString> labels = chart.yAxis->tickVectorLabels();
    ASSERT_FALSE(labels.isEmpty());
    for (const QString& label : labels) {
        // "1e-06", which the axis draws as 10⁻⁶; never "1E-06" or "1,5".
        EXPECT_FALSE(label.contains(QLatin1Char('E'))) << label.toStdString();
        EXPECT_FALSE(label.contains(QLatin1Char(','))) << label.toStdString();
    }
    EXPECT_EQ(QLocale().toString(0.5), "0.5");
    EXPECT_EQ(QLocale().toString(12345.5, 'f', 1), "12345.5");
}

TEST_F(ClassroomTest, ALessonFileDroppedInAFolderIsALessonAndABrokenOneIsNamed) {
    QDir(dir.path()).mkdir("lessons");
    QFile::copy(QStringLiteral(ACTLAB_LESSONS_DIR "/03-zero-centred-tanh.actlab.json"),
                path("lessons/90-my-own.actlab.json"));
    QFile broken(path("lessons/91-broken.actlab.json"));
    ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
    broken.write("{}");
    broken.close();
    const LessonCatalog catalog({QStringLiteral(ACTLAB_LESSONS_DIR), path("lessons")});
    ASSERT_EQ(catalog.lessons().size(), catalog.usable().size() + 1);
    EXPECT_EQ(catalog.usable().back()->fileName, "90-my-own.actlab.json");
    EXPECT_FALSE(catalog.lessons().back().ok());
    EXPECT_TRUE(catalog.lessons().back().error.contains("format"))
        << catalog.lessons().back().error.toStdString();
}

// --- presentation and themes --------------------------------------------------------------------

TEST_F(ClassroomTest, PresentationModeScalesTextAndLinesOfThePlots) {
    CurvePlot* plot = window->explorerPage()->plot();
    const double tick = plot->xAxis->tickLabelFont().pointSizeF();
    const double line = plot->graph(0)->pen().widthF();
    PresentationMode* mode = window->presentation();
    mode->toggleAction()->trigger();
    flush();
    EXPECT_TRUE(mode->isOn());
    EXPECT_TRUE(window->isFullScreen());
    EXPECT_GT(Appearance::instance().scale(), 1.0);
    const double scale = Appearance::instance().scale();
    EXPECT_NEAR(plot->xAxis->tickLabelFont().pointSizeF(), tick * scale, 0.01);
    EXPECT_NEAR(plot->graph(0)->pen().widthF(), line * scale, 0.01);

    mode->largerAction()->trigger();  // Ctrl+=
    flush();
    EXPECT_GT(Appearance::instance().scale(), scale);
    EXPECT_GT(plot->xAxis->tickLabelFont().pointSizeF(), tick * scale);
    EXPECT_EQ(window->settings()->presentationScale(), Appearance::instance().scale());
    mode->smallerAction()->trigger();  // Ctrl+-
    mode->smallerAction()->trigger();
    flush();
    EXPECT_LT(Appearance::instance().scale(), scale);

    mode->toggleAction()->trigger();
    flush();
    EXPECT_FALSE(mode->isOn());
    EXPECT_FALSE(window->isFullScreen());
    EXPECT_EQ(Appearance::instance().scale(), 1.0);
    EXPECT_NEAR(plot->xAxis->tickLabelFont().pointSizeF(), tick, 0.01);
}

TEST_F(ClassroomTest, ThemesRecolourThePlotsAndAreRemembered) {
    CurvePlot* plot = window->explorerPage()->plot();
    ASSERT_TRUE(window->setTheme("dark"));
    flush();
    EXPECT_LT(plot->grab().toImage().pixelColor(5, 5).lightnessF(), 0.3);
    EXPECT_LT(QApplication::palette().color(QPalette::Window).lightnessF(), 0.3);
    const QColor darkF = plot->graph(0)->pen().color();

    ASSERT_TRUE(window->setTheme("contrast"));
    flush();
    EXPECT_GT(QApplication::palette().color(QPalette::Window).lightnessF(), 0.9);
    EXPECT_NE(plot->graph(0)->pen().color(), darkF);
    EXPECT_FALSE(window->setTheme("purple"));

    ASSERT_TRUE(window->setTheme("dark"));
    restart();
    EXPECT_EQ(Appearance::instance().resolvedTheme(), Appearance::Theme::Dark);
}

TEST_F(ClassroomTest, TheSpeedDialogTimesEveryActivationAgainstReLU) {
    SpeedDialog dialog(QStringLiteral("en"));
    dialog.show();
    dialog.measure();
    EXPECT_TRUE(dialog.running());
    EXPECT_TRUE(QTest::qWaitFor([&] { return !dialog.running(); }, 30000));
    ASSERT_FALSE(dialog.running());
    ASSERT_EQ(dialog.table()->rowCount(), int(activations().size()));
    for (int r = 0; r < dialog.table()->rowCount(); ++r) {
        const QString id = dialog.table()->item(r, 0)->data(Qt::UserRole).toString();
        EXPECT_GT(dialog.nsPerElement(id.toStdString()), 0.0) << id.toStdString();
        EXPECT_TRUE(dialog.table()->item(r, 2)->text().endsWith(QStringLiteral("\u00D7")));
    }
    EXPECT_EQ(dialog.table()->item(0, 0)->data(Qt::UserRole).toString(), "sigmoid");
    // One answer: ReLU's row is the unit, and the headline gives GELU's row's ratio.
    QString reluRatio, geluRatio;
    for (int r = 0; r < dialog.table()->rowCount(); ++r) {
        const QString id = dialog.table()->item(r, 0)->data(Qt::UserRole).toString();
        if (id == "relu") reluRatio = dialog.table()->item(r, 2)->text();
        if (id == "gelu") geluRatio = dialog.table()->item(r, 2)->text();
    }
    EXPECT_EQ(reluRatio, QStringLiteral("1.0\u00D7"));
    const QString summary = dialog.findChild<QLabel*>("speedSummary")->text();
    EXPECT_TRUE(summary.contains("GELU"));
    const double gelu = dialog.nsPerElement("gelu"), relu = dialog.nsPerElement("relu");
    if (gelu > relu) {
        EXPECT_TRUE(summary.contains(geluRatio)) << summary.toStdString() << " vs " << geluRatio.toStdString();
    }
}

// --- help and controls --------------------------------------------------------------------------

TEST_F(ClassroomTest, TheShortcutListComesFromTheMenus) {
    ShortcutsDialog dialog(window.get(), window->menuBar(), window->actions());
    QStringList keys;
    for (int r = 0; r < dialog.table()->rowCount(); ++r) keys << dialog.table()->item(r, 0)->text();
    const QString all = keys.join('\n');
    for (const QKeySequence& k :
         {QKeySequence(QKeySequence::Save), QKeySequence(QKeySequence::Open),
          QKeySequence(Qt::Key_F11), QKeySequence(Qt::CTRL | Qt::Key_Equal),
          QKeySequence(Qt::Key_Space)})
        EXPECT_TRUE(all.contains(k.toString(QKeySequence::NativeText)))
            << k.toString().toStdString();
}

TEST_F(ClassroomTest, EveryVisibleControlHasATooltip) {
    for (QWidget* page : {static_cast<QWidget*>(window->explorerPage()),
                          static_cast<QWidget*>(network)}) {
        window->pages()->setCurrentWidget(page);
        flush();
        QStringList missing;
        for (QWidget* w : page->findChildren<QWidget*>()) {
            const bool control = qobject_cast<QAbstractButton*>(w) ||
                                 qobject_cast<QAbstractSlider*>(w) ||
                                 qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w);
            if (!control || !w->isVisibleTo(window.get())) continue;
            if (w->inherits("QScrollBar")) continue;
            if (w->toolTip().isEmpty() && (!w->parentWidget() || w->parentWidget()->toolTip().isEmpty()))
                missing << QStringLiteral("%1 %2 \"%3\"")
                               .arg(w->metaObject()->className(), w->objectName(),
                                    qobject_cast<QAbstractButton*>(w)
                                        ? qobject_cast<QAbstractButton*>(w)->text()
                                        : QString());
        }
        EXPECT_TRUE(missing.isEmpty()) << missing.join('\n').toStdString();
    }
}

}  // namespace
}  // namespace actlab::ui
