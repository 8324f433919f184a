// GUI tests of the Chinese translation: the compiled translation is built in, installing it
// turns the real widgets of the main window Chinese with no restart, and English comes back.
// The completeness of the .ts itself is the test translations_complete
// (scripts/translations.py check).

#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QFile>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QTreeWidget>
#include <QXmlStreamReader>
#include <memory>

#include "classroom/language_manager.h"
#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "explorer/explorer_page.h"
#include "network/network_page.h"
#include "ui_test_support.h"

namespace actlab::ui {
namespace {

using test::flush;

/// The messages of the committed .ts whose Chinese differs from the English: source → Chinese.
QHash<QString, QString> translatedMessages() {
    QHash<QString, QString> out;
    QFile file(QStringLiteral(ACTLAB_TS_FILE));
    if (!file.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") ||
                   xml.name() == QLatin1String("numerusform")) {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!text.isEmpty() && text != source) out.insert(source, text);
        }
    }
    return out;
}

/// Every text of `root` a user can see: widget texts, tooltips, menu entries, tab titles, combo
/// box items, plot axis labels and legend entries.
QStringList visibleTexts(QWidget* root) {
    QStringList out;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : widgets) {
        out << w->toolTip();
        if (auto* label = qobject_cast<QLabel*>(w)) out << label->text();
        if (auto* button = qobject_cast<QAbstractButton*>(w)) out << button->text();
        if (auto* box = qobject_cast<QGroupBox*>(w)) out << box->title();
        if (auto* edit = qobject_cast<QLineEdit*>(w)) out << edit->placeholderText();
        if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i) out << combo->itemText(i);
        if (auto* tabs = qobject_cast<QTabWidget*>(w))
            for (int i = 0; i < tabs->count(); ++i) out << tabs->tabText(i) << tabs->tabToolTip(i);
        if (auto* tree = qobject_cast<QTreeWidget*>(w))
            for (int i = 0; i < tree->topLevelItemCount(); ++i)
                out << tree->topLevelItem(i)->text(0);
        if (auto* menu = qobject_cast<QMenu*>(w)) out << menu->title();
        if (auto* plot = qobject_cast<QCustomPlot*>(w)) {
            for (QCPAxisRect* rect : plot->axisRects())
                for (QCPAxis* axis : rect->axes()) out << axis->label();
            for (int i = 0; i < plot->plottableCount(); ++i) out << plot->plottable(i)->name();
        }
    }
    for (QAction* action : root->findChildren<QAction*>())
        out << action->text() << action->toolTip() << action->statusTip();
    // Rich text (a hint in a coloured <span>) counts by its plain text too.
    const QStringList texts = out;
    for (const QString& text : texts)
        if (Qt::mightBeRichText(text)) out << QTextDocumentFragment::fromHtml(text).toPlainText();
    out.removeAll(QString());
    return out;
}

/// The top-level menus' titles, as the menu bar shows them.
QStringList menuTitles(QMainWindow* window) {
    QStringList titles;
    for (QAction* action : window->menuBar()->actions()) titles << action->text();
    return titles;
}

QLabel* labelWithText(QWidget* root, const QString& text) {
    for (QLabel* label : root->findChildren<QLabel*>())
        if (label->text() == text) return label;
    return nullptr;
}

class TranslationTest : public ::testing::Test {
protected:
    void SetUp() override {
        LanguageManager::install(QStringLiteral("en"));
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        window->resize(1400, 900);
        window->show();
        flush();
    }
    void TearDown() override {
        window.reset();
        LanguageManager::install(QStringLiteral("en"));
    }

    /// Installs `lang` the way the Language menu does underneath, then lets the posted
    /// LanguageChange events arrive.
    static void install(const char* lang) {
        ASSERT_TRUE(LanguageManager::install(QString::fromLatin1(lang))) << lang;
        flush();
    }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
};

TEST(Translations, ChineseIsBuiltIntoTheProgram) {
    ASSERT_TRUE(LanguageManager::install(QStringLiteral("zh_CN")));
    // Built in (ui/CMakeLists.txt), not read from disk: the static library's resource is
    // registered in every program that links actlab_ui.
    EXPECT_TRUE(QFile::exists(QStringLiteral(":/i18n/activation_lab_zh_CN.qm")));
    EXPECT_EQ(QCoreApplication::translate("actlab::ui::MainWindow", "&File"),
              QStringLiteral("文件(&F)"));
    EXPECT_EQ(QCoreApplication::translate("actlab::ui::TrainingBar", "Learning rate"),
              QStringLiteral("学习率"));
    EXPECT_EQ(LanguageManager::current(), QStringLiteral("zh_CN"));
    ASSERT_TRUE(LanguageManager::install(QStringLiteral("en")));
    EXPECT_EQ(QCoreApplication::translate("actlab::ui::MainWindow", "&File"),
              QStringLiteral("&File"));
}

TEST(Translations, TheCommittedFileHasChinese) {
    const QHash<QString, QString> messages = translatedMessages();
    ASSERT_GT(messages.size(), 100) << ACTLAB_TS_FILE;
    EXPECT_EQ(messages.value(QStringLiteral("&File")), QStringLiteral("文件(&F)"));
}

TEST_F(TranslationTest, MenusAndPagesTurnChineseAndBackWithoutRestart) {
    const QStringList english = menuTitles(window.get());
    ASSERT_FALSE(english.isEmpty());
    EXPECT_EQ(english.first(), QStringLiteral("&File"));
    QTabWidget* pages = window->pages();
    const int networkTab = pages->indexOf(window->networkPage());
    EXPECT_EQ(pages->tabText(networkTab), QStringLiteral("Network"));
    EXPECT_NE(labelWithText(window->networkPage(), QStringLiteral("DATA")), nullptr);

    install("zh_CN");
    const QStringList chinese = menuTitles(window.get());
    ASSERT_EQ(chinese.size(), english.size());
    EXPECT_EQ(chinese.first(), QStringLiteral("文件(&F)"));
    EXPECT_TRUE(chinese.contains(QStringLiteral("帮助(&H)"))) << chinese.join(' ').toStdString();
    for (int i = 0; i < english.size(); ++i)
        EXPECT_NE(chinese[i], english[i]) << "menu not translated: " << english[i].toStdString();
    EXPECT_EQ(pages->tabText(networkTab), QStringLiteral("网络"));
    EXPECT_EQ(pages->tabText(pages->indexOf(window->explorerPage())),
              QStringLiteral("激活函数探索"));
    // A label of the network page: the data panel's heading.
    EXPECT_NE(labelWithText(window->networkPage(), QStringLiteral("数据")), nullptr);
    EXPECT_EQ(labelWithText(window->networkPage(), QStringLiteral("DATA")), nullptr);

    install("en");
    EXPECT_EQ(menuTitles(window.get()), english);
    EXPECT_EQ(pages->tabText(networkTab), QStringLiteral("Network"));
    EXPECT_NE(labelWithText(window->networkPage(), QStringLiteral("DATA")), nullptr);
}

// Every text of the window that is one of the translated source strings must have turned
// Chinese: this catches widgets that do not retranslate on QEvent::LanguageChange, and messages
// that lupdate filed under a context tr() does not use at run time.
TEST_F(TranslationTest, NoTranslatedStringStaysEnglish) {
    const QHash<QString, QString> messages = translatedMessages();
    ASSERT_FALSE(messages.isEmpty());
    int checked = 0;
    for (const QString& text : visibleTexts(window.get()))
        if (messages.contains(text)) ++checked;
    EXPECT_GT(checked, 150) << "too few English texts found to compare; did the window change?";

    // Messages with arguments ("%1 training and %2 test points") match as patterns, when they
    // have enough words of their own not to match anything.
    QList<std::pair<QRegularExpression, QString>> patterns;
    static const QRegularExpression placeholder(QStringLiteral("%L?\\d+|%n"));
    static const QRegularExpression letters(QStringLiteral("[A-Za-z]{3,}"));
    for (auto it = messages.cbegin(); it != messages.cend(); ++it) {
        const QString& source = it.key();
        if (!source.contains(placeholder)) continue;
        QStringList parts = source.split(placeholder);
        if (!QString(parts.join(QString())).contains(letters)) continue;
        for (QString& part : parts) part = QRegularExpression::escape(part);
        patterns.append({QRegularExpression(QLatin1Char('^') + parts.join(QStringLiteral(".+")) +
                                            QLatin1Char('$')),
                         source});
    }

    install("zh_CN");
    QSet<QString> left;
    for (const QString& text : visibleTexts(window.get())) {
        if (messages.contains(text)) left.insert(text);
        for (const auto& [pattern, source] : patterns)
            if (pattern.match(text).hasMatch()) left.insert(source);
    }
    for (const QString& text : left)
        ADD_FAILURE() << "still English after switching to Chinese: \"" << text.toStdString()
                      << "\" (expected \"" << messages.value(text).toStdString() << "\")";
}

}  // namespace
}  // namespace actlab::ui
