// Layouts that never clip: every page and its main views rendered at 1280×800, 1366×768,
// 1600×900 and 1920×1080, at scales 1, 1.5 and 2, in English and Chinese. A view fails when
//   - a visible text is cut: a label, button, check box or combo box narrower than its text, or a
//     wrapped label shorter than its lines (an elided text must carry the whole text in its
//     tooltip);
//   - a widget lies outside the window (or outside the viewport of the scroll area it is in,
//     horizontally: nothing may need a sideways scroll);
//   - two sibling widgets of one layout overlap.
// ctest runs one entry per screen size, each with an offscreen screen of that size
// (tests/ui/screens/*.json), so that the window also has to stay within the screen.
// ACTLAB_LAYOUT_SHOTS=DIR saves a picture of every view checked; ACTLAB_LAYOUT_DEBUG=1 prints the
// widgets whose minimum size is large (what makes a page too wide or too tall).

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFontMetrics>
#include <QLabel>
#include <QLayout>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolButton>
#include <functional>
#include <memory>
#include <sstream>

#include "classroom/language_manager.h"
#include "classroom/main_window.h"
#include "classroom/presentation_mode.h"
#include "common/app_settings.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "network/metrics_board.h"
#include "network/network_page.h"
#include "network/session_edits.h"
#include "network_test_support.h"
#include "qcustomplot.h"

namespace actlab::ui {
namespace {

struct Config {
    int width, height;
    double scale;
    const char* lang;
};

std::string name(const Config& c);
void PrintTo(const Config& c, std::ostream* os) { *os << name(c); }

std::string name(const Config& c) {
    std::ostringstream s;
    s << c.width << 'x' << c.height << "_scale" << (c.scale == 1.5 ? std::string("1_5")
                                                                     : std::to_string(int(c.scale)))
      << '_' << c.lang;
    return s.str();
}

/// True when `w` is visible and has a size.
bool shown(const QWidget* w) { return w->isVisible() && w->width() > 0 && w->height() > 0; }

/// The nearest scroll area whose viewport holds `w`, or null.
const QAbstractScrollArea* scrollAreaOf(const QWidget* w) {
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (auto* area = qobject_cast<const QAbstractScrollArea*>(p)) return area;
    return nullptr;
}

bool insideScrollContents(const QWidget* w) {
    const QAbstractScrollArea* area = scrollAreaOf(w);
    return area && area->viewport()->isAncestorOf(w);
}

/// Widgets whose insides belong to Qt or to a plot (not our layout).
bool internal(const QWidget* w) {
    for (const QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (qobject_cast<const QCustomPlot*>(p) || qobject_cast<const QComboBox*>(p) ||
            qobject_cast<const QAbstractSpinBox*>(p) || qobject_cast<const QTabBar*>(p) ||
            qobject_cast<const QMenuBar*>(p) || qobject_cast<const QScrollBar*>(p))
            return true;
    return qobject_cast<const QScrollBar*>(w) || w->inherits("QFocusFrame") ||
           w->inherits("QSizeGrip") || w->inherits("QRubberBand") || w->isWindow();
}

QString plainText(const QLabel* label) {
    if (label->textFormat() == Qt::PlainText ||
        (label->textFormat() == Qt::AutoText && !Qt::mightBeRichText(label->text())))
        return label->text();
    QTextDocument doc;
    doc.setHtml(label->text());
    return doc.toPlainText();
}

class LayoutChecker {
public:
    LayoutChecker(QWidget* window, std::string view) : m_window(window), m_view(std::move(view)) {}

    std::vector<std::string> run() {
        checkTree(m_window);
        return m_problems;
    }

private:
    void problem(const QWidget* w, const std::string& what) {
        std::ostringstream s;
        s << m_view << ": " << w->metaObject()->className() << " '"
          << w->objectName().toStdString() << "'";
        if (auto* l = qobject_cast<const QLabel*>(w))
            s << " \"" << plainText(l).left(60).toStdString() << '"';
        else if (auto* b = qobject_cast<const QAbstractButton*>(w))
            s << " \"" << b->text().left(60).toStdString() << '"';
        s << " " << what;
        m_problems.push_back(s.str());
    }

    void checkTree(QWidget* w) {
        for (QObject* o : w->children()) {
            auto* child = qobject_cast<QWidget*>(o);
            if (!child || !shown(child) || internal(child)) continue;
            checkWidget(child);
            checkTree(child);
        }
        checkSiblings(w);
    }

    void checkWidget(QWidget* w) {
        const QRect inWindow(w->mapTo(m_window, QPoint(0, 0)), w->size());
        if (insideScrollContents(w)) {
            // Inside a scroll area: vertical scrolling is fine, sideways is not.
            const QWidget* viewport = scrollAreaOf(w)->viewport();
            const QRect inViewport(w->mapTo(viewport, QPoint(0, 0)), w->size());
            if (inViewport.right() > viewport->width() + 1 && !scrollAreaOf(w)->inherits("QAbstractItemView"))
                problem(w, "runs past the right edge of its scroll area (" +
                               std::to_string(inViewport.right() - viewport->width()) + " px)");
        } else if (!m_window->rect().adjusted(-1, -1, 1, 1).contains(inWindow)) {
            problem(w, "lies outside the window");
        }
        checkText(w);
    }

    void checkText(QWidget* w) {
        if (auto* plot = qobject_cast<QCustomPlot*>(w)) {
            checkTickLabels(plot);
            return;
        }
        const QString tip = w->toolTip();
        if (auto* label = qobject_cast<QLabel*>(w)) {
            const QString text = plainText(label);
            if (text.trimmed().isEmpty() || !label->pixmap().isNull()) return;
            const QRect r = label->contentsRect().adjusted(label->margin(), label->margin(),
                                                           -label->margin(), -label->margin());
            if (label->wordWrap()) {
                if (label->heightForWidth(label->width()) > label->height() + 2)
                    problem(label, "is cut at the bottom (needs " +
                                       std::to_string(label->heightForWidth(label->width())) +
                                       " px, has " + std::to_string(label->height()) + ")");
            } else {
                const QFontMetrics fm(label->font());
                int widest = 0;
                for (const QString& line : text.split(QLatin1Char('\n')))
                    widest = std::max(widest, fm.horizontalAdvance(line));
                if (widest > r.width() + 2 && !tip.contains(text))
                    problem(label, "is cut (text " + std::to_string(widest) + " px, room " +
                                       std::to_string(r.width()) + ")");
            }
            if (text.contains(QChar(0x2026)) && text.length() > 1 && tip.isEmpty() &&
                !text.endsWith(QStringLiteral("\u2026")))
                problem(label, "is elided without a tooltip");
            return;
        }
        if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            if (button->text().isEmpty()) return;
            const QString text = button->text().remove(QLatin1Char('&'));
            // A check box or radio button needs its indicator too (its size hint); a push or
            // tool button needs its text (and icon) inside its frame.
            const bool indicator = qobject_cast<QCheckBox*>(w) || qobject_cast<QRadioButton*>(w);
            const int iconWidth =
                button->icon().isNull() ? 0 : button->iconSize().width() + 4;
            const int need = indicator ? button->sizeHint().width()
                                       : button->fontMetrics().horizontalAdvance(text) + iconWidth + 6;
            const bool elidedWithTip = text.contains(QChar(0x2026)) && !tip.isEmpty();
            if (need > button->width() + 2 && !elidedWithTip && !tip.contains(text))
                problem(button, "is cut (needs " + std::to_string(need) + " px, has " +
                                    std::to_string(button->width()) + ")");
            return;
        }
        if (auto* bar = qobject_cast<QStatusBar*>(w)) {  // the message is painted, not a label
            const QString message = bar->currentMessage();
            if (bar->fontMetrics().horizontalAdvance(message) > bar->width() - 12 &&
                !bar->toolTip().contains(message))
                problem(bar, "cuts its message \"" + message.left(40).toStdString() + "\"");
            return;
        }
        if (auto* board = qobject_cast<MetricsBoard*>(w)) {  // numbers painted, not labels
            if (board->requiredWidth() > board->width() + 2)
                problem(board, "cuts its numbers (needs " + std::to_string(board->requiredWidth()) +
                                   " px, has " + std::to_string(board->width()) + ")");
            return;
        }
        if (auto* combo = qobject_cast<QComboBox*>(w)) {
            const QString text = combo->currentText();
            if (text.isEmpty()) return;
            QStyleOptionComboBox option;
            option.initFrom(combo);
            const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                               QStyle::SC_ComboBoxEditField, combo);
            const int need = combo->fontMetrics().horizontalAdvance(text);
            if (need > field.width() + 2 && !combo->toolTip().contains(text))
                problem(combo, "shows \"" + text.toStdString() + "\" cut without a tooltip");
        }
    }

    /// The tick labels of a plot's horizontal axes must not run together.
    void checkTickLabels(QCustomPlot* plot) {
        plot->replot(QCustomPlot::rpImmediateRefresh);  // as the next frame draws it
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes(QCPAxis::atBottom | QCPAxis::atTop)) {
                if (!axis->visible() || !axis->tickLabels() || axis->tickLabelRotation() != 0)
                    continue;
                const QFontMetrics fm(axis->tickLabelFont());
                const QVector<double> ticks = axis->tickVector();
                const QVector<QString> labels = axis->tickVectorLabels();
                double previousRight = -1e9;
                for (int k = 0; k < ticks.size() && k < labels.size(); ++k) {
                    if (!axis->range().contains(ticks[k])) continue;
                    const double centre = axis->coordToPixel(ticks[k]);
                    const double half = fm.horizontalAdvance(labels[k]) / 2.0;
                    if (centre - half < previousRight + 2)
                        problem(plot, "has tick labels that run together (\"" +
                                          labels[k].toStdString() + "\")");
                    previousRight = centre + half;
                }
            }
    }

    /// Two visible siblings managed by the same layout must not overlap, nor two buttons or
    /// labels a widget places itself (the network diagram's header).
    void checkSiblings(QWidget* parent) {
        if (qobject_cast<QStackedWidget*>(parent)) return;
        std::vector<QWidget*> managed;
        for (QObject* o : parent->children()) {
            auto* w = qobject_cast<QWidget*>(o);
            if (!w || !shown(w) || internal(w)) continue;
            const bool placed = !parent->layout() || !inLayout(parent->layout(), w);
            if (placed ? (qobject_cast<QAbstractButton*>(w) || qobject_cast<QLabel*>(w))
                       : true)
                managed.push_back(w);
        }
        for (std::size_t i = 0; i < managed.size(); ++i)
            for (std::size_t j = i + 1; j < managed.size(); ++j) {
                const QRect overlap = managed[i]->geometry() & managed[j]->geometry();
                if (overlap.width() > 1 && overlap.height() > 1)
                    problem(managed[i], "overlaps " + std::string(managed[j]->metaObject()->className()) +
                                            " '" + managed[j]->objectName().toStdString() + "'");
            }
    }

    static bool inLayout(QLayout* layout, QWidget* w) {
        if (layout->indexOf(w) >= 0) return true;
        for (int i = 0; i < layout->count(); ++i)
            if (QLayout* inner = layout->itemAt(i)->layout(); inner && inLayout(inner, w)) return true;
        return false;
    }

    QWidget* m_window;
    std::string m_view;
    std::vector<std::string> m_problems;
};

class LayoutTest : public ::testing::TestWithParam<Config> {
protected:
    static void SetUpTestSuite() { LanguageManager::setupFonts(); }

    void SetUp() override {
        const Config c = GetParam();
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        QScreen* screen = QGuiApplication::primaryScreen();
        ASSERT_EQ(screen->geometry().size(), QSize(c.width, c.height))
            << "run with QT_QPA_PLATFORM=offscreen:configfile=tests/ui/screens/" << c.width << "x"
            << c.height << ".json (ctest does)";
        window->setGeometry(screen->availableGeometry());
        window->show();
        window->setLanguage(QString::fromLatin1(c.lang));
        window->presentation()->setScale(c.scale);
        settle();
    }
    void TearDown() override {
        window->presentation()->setScale(1.0);
        window.reset();
    }

    static void settle() {
        for (int i = 0; i < 8; ++i) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }

    void check(const std::string& view) {
        settle();
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        EXPECT_TRUE(screen.contains(window->frameGeometry()) || screen.contains(window->geometry()))
            << view << ": the window (" << window->width() << "×" << window->height()
            << ") outgrew the screen";
        if (const QByteArray dirName = qgetenv("ACTLAB_LAYOUT_SHOTS"); !dirName.isEmpty())
            window->grab().save(QDir(QString::fromLocal8Bit(dirName))
                                    .filePath(QString::fromStdString(name(GetParam()) + "_" + view +
                                                                     ".png")));
        for (const std::string& p : LayoutChecker(window.get(), view).run()) ADD_FAILURE() << p;
        if (qEnvironmentVariableIsSet("ACTLAB_LAYOUT_DEBUG")) dump(window.get(), 0);
    }
    static void dump(QWidget* w, int depth) {
        if (!w->isVisible()) return;
        const QSize m = w->minimumSizeHint().expandedTo(w->minimumSize());
        if (m.height() > 250 || m.width() > 500)
            std::printf("%*s%s '%s' min %dx%d size %dx%d\n", depth * 2, "", w->metaObject()->className(),
                        qPrintable(w->objectName()), m.width(), m.height(), w->width(), w->height());
        for (QObject* o : w->children())
            if (auto* c = qobject_cast<QWidget*>(o); c && !c->isWindow()) dump(c, depth + 1);
    }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
};

TEST_P(LayoutTest, ExplorerViews) {
    ExplorerPage* page = window->explorerPage();
    window->pages()->setCurrentWidget(page);
    page->selectActivation(QStringLiteral("leaky_relu"));
    page->state()->setShowD2f(true);
    page->state()->setVanishingZoneShown(true);
    page->state()->setDeadZoneShown(true);
    page->state()->pinCurrent();
    for (const char* id : {"sigmoid", "tanh", "gelu", "elu"}) page->state()->setCompared(id, true);
    check("explorer");
    page->showAllActivations(true);
    check("all_activations");
    page->showPropagation(true);
    check("propagation");
}

TEST_P(LayoutTest, NetworkViews) {
    NetworkPage* page = window->networkPage();
    window->pages()->setCurrentWidget(page);
    nn::Session s = edits::defaultSession();
    s.network.hidden = {test::layer(8, "prelu"), test::layer(8, "prelu"), test::layer(8, "prelu")};
    ASSERT_EQ(page->applySession(s), "");
    check("network");
    for (const std::string& id : edits::classicEight()) s.compare.push_back(id);
    ASSERT_EQ(page->applySession(s), "");
    page->trainEpochs(20);
    ASSERT_TRUE(test::waitForPause(page, 20));
    page->showView(NetworkPage::View::Compare);
    check("compare8");
    page->showView(NetworkPage::View::Health);
    check("health8");
}

std::vector<Config> matrix() {
    std::vector<Config> out;
    for (auto [w, h] : {std::pair{1280, 800}, {1366, 768}, {1600, 900}, {1920, 1080}})
        for (double scale : {1.0, 1.5, 2.0})
            for (const char* lang : {"en", "zh_CN"}) out.push_back({w, h, scale, lang});
    return out;
}

INSTANTIATE_TEST_SUITE_P(Matrix, LayoutTest, ::testing::ValuesIn(matrix()),
                         [](const ::testing::TestParamInfo<Config>& info) {
                             return name(info.param);
                         });

}  // namespace
}  // namespace actlab::ui
