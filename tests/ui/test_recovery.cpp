// Nothing lost when the application does not close properly: the autosave keeps the trained
// state in the state file (never inside the settings), a start after an unclean exit asks whether
// to restore it, declining keeps the file aside, and a clean exit restores without asking.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStatusBar>
#include <QTemporaryDir>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>

#include "classroom/crash_recovery.h"
#include "classroom/main_window.h"
#include "classroom/session_controller.h"
#include "common/app_settings.h"
#include "network/network_page.h"
#include "../file_size_limit.h"
#include "network_test_support.h"
#include "nn/session.h"

namespace actlab::ui {
namespace {

class RecoveryTest : public ::testing::Test {
protected:
    void SetUp() override {
        CrashRecovery::setDefaultPrompt([this](const QDateTime&) {
            ++asked;
            return answer;
        });
        open();
    }
    void TearDown() override {
        window.reset();
        CrashRecovery::setDefaultPrompt([](const QDateTime&) { return true; });
    }

    void open() {
        window = std::make_unique<MainWindow>(new AppSettings(settingsPath()));
        window->resize(1400, 900);
        window->show();
        page = window->networkPage();
        ASSERT_TRUE(test::waitForSnapshot(page, [](const TrainingSnapshot&) { return true; }));
    }
    QString settingsPath() const { return dir.filePath("settings.ini"); }
    QString statePath() const { return AppSettings(settingsPath()).stateFilePath(); }

    /// Work worth keeping: an edited session trained for `epochs` epochs.
    void makeWork(int epochs) {
        ASSERT_EQ(page->applySession(test::smallSession()), "");
        page->addPoint(1.5, -2.5, true);
        page->trainEpochs(epochs);
        ASSERT_TRUE(test::waitForPause(page, epochs));
    }
    /// The state file once the autosave timer has written the trained epoch `epoch`.
    bool waitForAutosave(int epoch) {
        return test::waitUntil([&] {
            const nn::SessionLoad load = nn::loadSessionFile(statePath().toStdString());
            return load.ok() && load.session.epoch == epoch;
        });
    }
    /// What a crash or kill -9 leaves: the window is gone without its closing steps.
    void crashAndStartAgain() {
        window.reset();
        open();
    }
    /// The point makeWork added is in the data.
    bool hasAddedPoint() const {
        const nn::Dataset& d = page->data();
        for (const auto* set : {&d.train, &d.test})
            for (const nn::Point& p : *set)
                if (p.x == 1.5 && p.y == -2.5) return true;
        return false;
    }
    int shownEpoch() const { return page->latestSnapshot()->networks.at(0).epoch; }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    NetworkPage* page = nullptr;
    int asked = 0;
    bool answer = true;
};

TEST_F(RecoveryTest, TheAutosaveKeepsTrainedWorkThroughACrash) {
    window->crashRecovery()->setInterval(100);
    makeWork(30);
    ASSERT_TRUE(waitForAutosave(30));
    // The settings hold where the state is, never the session itself.
    QFile settingsFile(settingsPath());
    ASSERT_TRUE(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray settingsText = settingsFile.readAll();
    EXPECT_TRUE(settingsText.contains("running=true")) << settingsText.toStdString();
    EXPECT_FALSE(settingsText.contains("layers")) << settingsText.toStdString();
    EXPECT_LT(settingsText.size(), 4000);
    crashAndStartAgain();
    EXPECT_EQ(asked, 1);
    ASSERT_TRUE(test::waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return !s.networks.empty() && s.networks[0].epoch == 30;
    }));
    // A copy stays aside, should the restored state be replaced before it is saved.
    const nn::SessionLoad copy =
        nn::loadSessionFile(window->crashRecovery()->setAsidePath().toStdString());
    ASSERT_TRUE(copy.ok()) << copy.error;
    EXPECT_EQ(copy.session.epoch, 30);
    EXPECT_TRUE(hasAddedPoint());
    EXPECT_TRUE(window->sessionController()->isModified());
    // Training goes on from the restored weights.
    page->trainEpochs(2);
    ASSERT_TRUE(test::waitForPause(page, 32));
    EXPECT_EQ(shownEpoch(), 32);
}

TEST_F(RecoveryTest, DecliningTheRestoreStartsAfreshAndKeepsTheFileAside) {
    window->crashRecovery()->setInterval(100);
    makeWork(12);
    ASSERT_TRUE(waitForAutosave(12));
    answer = false;
    crashAndStartAgain();
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(shownEpoch(), 0);
    EXPECT_FALSE(hasAddedPoint());
    // Nothing is deleted: the declined state is kept aside, beside the settings.
    const QString aside = window->crashRecovery()->setAsidePath();
    ASSERT_FALSE(aside.isEmpty());
    const nn::SessionLoad load = nn::loadSessionFile(aside.toStdString());
    ASSERT_TRUE(load.ok()) << load.error;
    EXPECT_EQ(load.session.epoch, 12);
    EXPECT_FALSE(QFileInfo::exists(statePath()));
}

TEST_F(RecoveryTest, ACleanExitRestoresTheTrainedStateWithoutAsking) {
    makeWork(7);
    window->close();
    EXPECT_FALSE(AppSettings(settingsPath()).running());
    window.reset();
    open();
    EXPECT_EQ(asked, 0);
    ASSERT_TRUE(test::waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return !s.networks.empty() && s.networks[0].epoch == 7;
    }));
}

TEST_F(RecoveryTest, ASecondWindowNeitherAsksNorAutosaves) {
    auto second = std::make_unique<MainWindow>(new AppSettings(settingsPath()));
    EXPECT_FALSE(second->crashRecovery()->ownsState());
    EXPECT_EQ(second->crashRecovery()->autosaveNow(), "");
    EXPECT_TRUE(window->crashRecovery()->ownsState());
    EXPECT_EQ(asked, 0);
}

TEST_F(RecoveryTest, AnAutosaveThatCannotBeWrittenSaysWhyAndKeepsTheOldFile) {
    makeWork(3);
    ASSERT_EQ(window->crashRecovery()->autosaveNow(), "");
    const QByteArray before = [&] {
        QFile f(statePath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    ASSERT_FALSE(before.isEmpty());
    page->trainEpochs(1);
    ASSERT_TRUE(test::waitForPause(page, 4));
    // The file-size limit makes the write fail with EFBIG after 1,000 bytes: a disk that fills
    // up during the autosave.
    QString error;
    actlab::test::withFileSizeLimit(1000, [&] { error = window->crashRecovery()->autosaveNow(); });
    EXPECT_TRUE(error.contains("last-session.actlab.json")) << error.toStdString();
    // The system's reason, in the system's language ("File too large", "Die Datei ist zu groß").
    EXPECT_TRUE(error.contains(QString::fromLocal8Bit(std::strerror(EFBIG))))
        << error.toStdString();
    // No temporary file is left beside it.
    EXPECT_EQ(QDir(QFileInfo(statePath()).absolutePath())
                  .entryList({"last-session*"}, QDir::Files | QDir::Hidden)
                  .size(),
              1);
    QFile f(statePath());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before);
}

// The settings file is written whole or not at all: a write that fails midway (a full disk) leaves
// the previous file, so the next start never falls back to defaults.
TEST(SettingsFile, AWriteThatFailsMidwayLeavesTheOldFile) {
    QTemporaryDir dir;
    const QString path = dir.filePath("settings.ini");
    {
        AppSettings settings(path);
        settings.setTheme(QStringLiteral("dark"));
        settings.sync();
    }
    QFile before(path);
    ASSERT_TRUE(before.open(QIODevice::ReadOnly));
    const QByteArray old = before.readAll();
    before.close();
    ASSERT_TRUE(old.contains("dark"));
    {
        AppSettings settings(path);
        settings.setExplorerLayout(QByteArray(2000, 'x'));  // a value the old file lacks
        // Fails: the new file would be longer than 200 bytes. The reason is given.
        QString error;
        actlab::test::withFileSizeLimit(200, [&] { error = settings.sync(); });
        EXPECT_FALSE(error.isEmpty());
        QFile after(path);
        ASSERT_TRUE(after.open(QIODevice::ReadOnly));
        EXPECT_EQ(after.readAll(), old);  // the previous file, whole
        EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1)
            << "a temporary file was left";
    }  // the destructor's own sync runs without the limit and writes everything
    EXPECT_EQ(AppSettings(path).theme(), QStringLiteral("dark"));
    EXPECT_EQ(AppSettings(path).explorerLayout(), QByteArray(2000, 'x'));
}

}  // namespace
}  // namespace actlab::ui
