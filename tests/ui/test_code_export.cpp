// File ▸ Export ▸ PyTorch Script… / Jupyter Notebook… on the network page: the dialog exports
// the page's session, from the initial weights by default (replaying the training) or from the
// trained weights, writes the code and its data file whole or not at all, and says why not.

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <memory>

#include "../file_size_limit.h"
#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "export/pytorch_export.h"
#include "network/code_export_dialog.h"
#include "network/network_page.h"
#include "network_test_support.h"
#include "nn/session.h"

namespace actlab::ui {
namespace {

QString readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

std::string scriptOf(const nn::Session& s, pytorch::StartWeights from, int epochs = 100) {
    pytorch::PytorchExportOptions o;
    o.weights = from;
    o.epochs = epochs;
    o.dataFileName = "activation-lab_data.csv";
    return pytorch::pytorchScript(s, o).text;
}

class CodeExportTest : public ::testing::Test {
protected:
    void SetUp() override {
        page = std::make_unique<NetworkPage>();
        page->resize(1300, 850);
        page->show();
        ASSERT_EQ(page->applySession(test::smallSession()), "");
        ASSERT_TRUE(test::waitForSnapshot(page.get(), [](const TrainingSnapshot&) { return true; }));
    }
    void train(int epochs) {
        page->trainEpochs(epochs);
        ASSERT_TRUE(test::waitForPause(page.get(), epochs));
    }
    QTemporaryDir dir;
    std::unique_ptr<NetworkPage> page;
};

TEST_F(CodeExportTest, TheDefaultReplaysTheTrainingFromTheInitialWeights) {
    const std::string untrained = scriptOf(page->session(), pytorch::StartWeights::Initial);
    train(25);
    CodeExportDialog* dialog = page->openCodeExport(false);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->format(), CodeExportDialog::Format::Script);
    EXPECT_EQ(dialog->startWeights(), pytorch::StartWeights::Initial);
    EXPECT_EQ(dialog->epochs(), 100);
    // The preview is the code that will be saved.
    const auto* preview = dialog->findChild<QPlainTextEdit*>();
    ASSERT_NE(preview, nullptr);
    EXPECT_TRUE(preview->toPlainText().contains(QStringLiteral("nn.Sequential(")));

    const QString path = dir.filePath(QStringLiteral("xor.py"));
    ASSERT_EQ(dialog->saveTo(path), "");
    const QString saved = readAll(path);
    EXPECT_EQ(saved, preview->toPlainText());
    // Trained for 25 epochs, the initial-weights export is the untrained session's code: it
    // starts where the training started and replays it (only the header says more).
    const auto code = [](const std::string& text) { return text.substr(text.find("\nimport ")); };
    EXPECT_EQ(code(saved.toStdString()), code(untrained));
    EXPECT_TRUE(saved.contains(QStringLiteral("not the weights stored after 25 epochs")));
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("xor_data.csv"))))
        << "200 points are written into the code";
    dialog->close();
}

TEST_F(CodeExportTest, CurrentWeightsStartFromTheTrainedNetworkAndAreOfferedOnlyOnceTrained) {
    {
        CodeExportDialog* fresh = page->openCodeExport(false);
        const auto radios = fresh->findChildren<QRadioButton*>();
        int disabled = 0;
        for (const QRadioButton* r : radios) disabled += r->isEnabled() ? 0 : 1;
        EXPECT_EQ(disabled, 1) << "the current weights are the initial ones before training";
        fresh->setStartWeights(pytorch::StartWeights::Current);
        EXPECT_EQ(fresh->startWeights(), pytorch::StartWeights::Initial);
        fresh->close();
    }
    train(30);
    CodeExportDialog* dialog = page->openCodeExport(false);
    dialog->setStartWeights(pytorch::StartWeights::Current);
    dialog->setEpochs(7);
    ASSERT_EQ(dialog->startWeights(), pytorch::StartWeights::Current);
    const QString path = dir.filePath(QStringLiteral("go-on.py"));
    ASSERT_EQ(dialog->saveTo(path), "");
    const std::string saved = readAll(path).toStdString();
    // The trained session as File ▸ Save writes it, read back as the command line reads it.
    const nn::SessionLoad reread = nn::parseSession(nn::serializeSession(page->trainedSession()));
    ASSERT_TRUE(reread.ok()) << reread.error;
    EXPECT_EQ(saved, scriptOf(reread.session, pytorch::StartWeights::Current, 7));
    EXPECT_NE(saved, scriptOf(reread.session, pytorch::StartWeights::Initial, 7))
        << "the trained weights differ from the initial ones";
    EXPECT_NE(saved.find("EPOCHS = 7"), std::string::npos);
    dialog->close();
}

TEST_F(CodeExportTest, CompareModeExportsTheNetworkInFocusWithItsTrainedState) {
    nn::Session compare = test::smallSession();
    compare.compare = {nn::CompareMember("sigmoid"), nn::CompareMember("relu")};
    ASSERT_EQ(page->applySession(compare), "");
    train(20);
    CodeExportDialog* dialog = page->openCodeExport(false);
    const auto* note = dialog->findChild<QLabel*>(QStringLiteral("codeExportNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_FALSE(note->isHidden());
    EXPECT_TRUE(note->text().contains(QStringLiteral("Sigmoid"))) << note->text().toStdString();
    dialog->setStartWeights(pytorch::StartWeights::Current);
    ASSERT_EQ(dialog->startWeights(), pytorch::StartWeights::Current)
        << "the member in focus has been trained";
    const QString path = dir.filePath(QStringLiteral("sigmoid.py"));
    ASSERT_EQ(dialog->saveTo(path), "");
    const nn::Session trained = page->trainedSession();
    const std::string saved = readAll(path).toStdString();
    EXPECT_EQ(saved, scriptOf(nn::compareMember(trained, trained.compare[0]),
                              pytorch::StartWeights::Current));
    EXPECT_NE(saved.find("nn.Sigmoid()"), std::string::npos);
    EXPECT_EQ(saved.find("nn.ReLU()"), std::string::npos);
    dialog->close();
}

TEST_F(CodeExportTest, TheNotebookIsNbformat4InTheInterfacesLanguage) {
    page->setLanguage(QStringLiteral("zh_CN"));
    CodeExportDialog* dialog = page->openCodeExport(true);
    EXPECT_EQ(dialog->format(), CodeExportDialog::Format::Notebook);
    EXPECT_TRUE(dialog->suggestedFileName().endsWith(QStringLiteral(".ipynb")));
    const QString path = dir.filePath(QStringLiteral("lesson.ipynb"));
    ASSERT_EQ(dialog->saveTo(path), "");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(readAll(path).toUtf8(), &error);
    ASSERT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    EXPECT_EQ(doc.object().value(QStringLiteral("nbformat")).toInt(), 4);
    EXPECT_TRUE(readAll(path).contains(QStringLiteral("损失")))
        << "the explanations follow the interface's language";
    dialog->close();
}

TEST_F(CodeExportTest, ManyPointsGoToADataFileBesideTheCode) {
    nn::Session big = test::smallSession();
    big.generator.numPoints = 1500;
    ASSERT_EQ(page->applySession(big), "");
    CodeExportDialog* dialog = page->openCodeExport(false);
    const auto* summary = dialog->findChild<QLabel*>(QStringLiteral("codeExportSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().contains(QStringLiteral("activation-lab_data.csv")))
        << summary->text().toStdString();
    const QString path = dir.filePath(QStringLiteral("spiral.py"));
    ASSERT_EQ(dialog->saveTo(path), "");
    const QString csv = readAll(dir.filePath(QStringLiteral("spiral_data.csv")));
    EXPECT_TRUE(csv.startsWith(QStringLiteral("x,y,label,split")));
    EXPECT_EQ(csv.count(QLatin1Char('\n')), 1501) << "a header and one row per point";
    EXPECT_TRUE(readAll(path).contains(QStringLiteral("spiral_data.csv")));
    dialog->close();
}

TEST_F(CodeExportTest, AnExportThatCannotBeWrittenSaysWhyAndLeavesNoFile) {
    CodeExportDialog* dialog = page->openCodeExport(false);
    const QString missing = dir.filePath(QStringLiteral("no/such/folder/x.py"));
    const QString why = dialog->saveTo(missing);
    EXPECT_FALSE(why.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(missing));

    // A disk that fills up midway keeps the old file and leaves no temporary behind.
    const QString path = dir.filePath(QStringLiteral("old.py"));
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("print('old')\n");
    }
    QString full;
    actlab::test::withFileSizeLimit(2000, [&] { full = dialog->saveTo(path); });
    EXPECT_TRUE(full.contains(QStringLiteral("too large"), Qt::CaseInsensitive)) << full.toStdString();
    EXPECT_EQ(readAll(path), QStringLiteral("print('old')\n"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    dialog->close();
}

TEST(CodeExportMenu, FileExportOffersTheScriptAndTheNotebook) {
    QTemporaryDir dir;
    MainWindow window(new AppSettings(dir.filePath(QStringLiteral("settings.ini"))));
    QStringList texts;
    for (QAction* top : window.menuBar()->actions())
        if (QMenu* menu = top->menu())
            for (QAction* a : menu->actions())
                if (QMenu* sub = a->menu())
                    for (QAction* item : sub->actions()) texts << item->text();
    EXPECT_TRUE(texts.contains(QStringLiteral("&PyTorch Script\u2026"))) << texts.join(", ").toStdString();
    EXPECT_TRUE(texts.contains(QStringLiteral("&Jupyter Notebook\u2026")));
}

}  // namespace
}  // namespace actlab::ui
