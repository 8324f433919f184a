// Tab order follows the visual order on every page: the side panel on the left first, then the
// centre, then the panel on the right; within each, top to bottom, and left to right along a row.

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QSplitter>
#include <QTemporaryDir>
#include <memory>
#include <sstream>

#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "common/side_panels.h"
#include "explorer/explorer_page.h"
#include "network/network_page.h"
#include "network_test_support.h"

namespace actlab::ui {
namespace {

std::string describe(const QWidget* w) {
    std::ostringstream s;
    s << w->metaObject()->className();
    if (!w->objectName().isEmpty()) s << " '" << w->objectName().toStdString() << "'";
    if (auto* b = qobject_cast<const QAbstractButton*>(w); b && !b->text().isEmpty())
        s << " \"" << b->text().toStdString() << '"';
    else if (!w->accessibleName().isEmpty())
        s << " [" << w->accessibleName().toStdString() << ']';
    return s.str();
}

/// The widgets Tab reaches inside `page`, in the order Tab visits them.
std::vector<QWidget*> tabChain(QWidget* page) {
    std::vector<QWidget*> chain;
    QWidget* w = page;
    for (int guard = 0; guard < 5000; ++guard) {
        w = w->nextInFocusChain();
        if (w == page) break;
        if (!page->isAncestorOf(w) || !w->isVisible() || !w->isEnabled()) continue;
        if ((w->focusPolicy() & Qt::TabFocus) == 0 || w->focusProxy()) continue;
        chain.push_back(w);
    }
    return chain;
}

/// The part of the page that holds `w`, numbered as the eye reads them: what lies above the
/// panels, the docked panels and centre from the left, what lies below.
int regionOf(const QWidget* page, const QWidget* w) {
    const auto* sides = page->findChild<SidePanels*>();
    return SidePanels::pageRegionOf(page, sides, w);
}

/// Fails for every pair of widgets that Tab visits against the reading order of the page.
void expectVisualOrder(QWidget* page, const std::string& name) {
    ASSERT_NE(page->findChild<SidePanels*>(), nullptr);
    // The order is set once the layout has settled.
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
    const std::vector<QWidget*> chain = tabChain(page);
    ASSERT_GT(chain.size(), 5u) << name;
    for (std::size_t k = 1; k < chain.size(); ++k) {
        const QWidget* a = chain[k - 1];
        const QWidget* b = chain[k];
        const int ra = regionOf(page, a), rb = regionOf(page, b);
        if (ra < 0 || rb < 0) continue;  // in a closed drawer
        if (ra != rb) {
            EXPECT_LT(ra, rb) << name << ": Tab goes back to an earlier panel, from "
                              << describe(a) << " to " << describe(b);
            continue;
        }
        const QRect ga(a->mapTo(page, QPoint(0, 0)), a->size());
        const QRect gb(b->mapTo(page, QPoint(0, 0)), b->size());
        // b must not be above a (a new row starts below), nor left of it on the same row.
        const bool sameRow = gb.top() < ga.bottom() && ga.top() < gb.bottom();
        const bool ok = sameRow ? gb.left() >= ga.left() - 2 : gb.top() >= ga.top() - 2;
        EXPECT_TRUE(ok) << name << ": Tab goes from " << describe(a) << " at (" << ga.x() << ","
                        << ga.y() << ") back to " << describe(b) << " at (" << gb.x() << ","
                        << gb.y() << ")";
    }
}

class TabOrderTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        window->resize(1600, 1000);
        window->show();
    }
    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
};

TEST_F(TabOrderTest, TheExplorerIsVisitedInReadingOrder) {
    window->pages()->setCurrentWidget(window->explorerPage());
    window->explorerPage()->selectActivation(QStringLiteral("elu"));
    QCoreApplication::processEvents();
    expectVisualOrder(window->explorerPage(), "explorer");
}

TEST_F(TabOrderTest, ControlsMadeLaterJoinTheOrderWhereTheyAppear) {
    // A parameter's slider is made when its activation is chosen, long after the page.
    window->pages()->setCurrentWidget(window->explorerPage());
    window->explorerPage()->selectActivation(QStringLiteral("sigmoid"));
    QCoreApplication::processEvents();
    window->explorerPage()->selectActivation(QStringLiteral("softplus"));
    expectVisualOrder(window->explorerPage(), "explorer, softplus");
    NetworkPage* page = window->networkPage();
    window->pages()->setCurrentWidget(page);
    nn::Session s = test::smallSession();
    s.network.hidden.push_back(test::layer(6, "elu"));
    ASSERT_EQ(page->applySession(s), "");
    page->selectLayer(2);
    expectVisualOrder(page, "network, three layers");
}

TEST_F(TabOrderTest, TheNetworkPageIsVisitedInReadingOrder) {
    NetworkPage* page = window->networkPage();
    window->pages()->setCurrentWidget(page);
    ASSERT_EQ(page->applySession(test::smallSession()), "");
    QCoreApplication::processEvents();
    expectVisualOrder(page, "network");
}

}  // namespace
}  // namespace actlab::ui
