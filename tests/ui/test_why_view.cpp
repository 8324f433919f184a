// The network page's Why view, as a user sees it: it opens from a session or its button, its
// plots hold the training set's operating points and the network's linear regions as the core
// computes them, they change while the network trains, and a click on a layer's plot opens the
// explorer on that activation.

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLabel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QComboBox>
#include <QTest>
#include <memory>

#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "explorer/explorer_page.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_state.h"
#include "explorer/network_z_overlay.h"
#include "inspect/operating_points.h"
#include "inspect/input_gradient.h"
#include "inspect/region_map.h"
#include "network/boundary_plot.h"
#include "network/network_diagram.h"
#include "network/why_compare.h"
#include "network/why_hidden_space.h"
#include "network/why_ledger.h"
#include "network/why_operating_points.h"
#include "network/why_regions.h"
#include "network/why_view.h"
#include "network_test_support.h"

namespace actlab::ui {
namespace {

using test::layer;
using test::waitForPause;
using test::waitForSnapshot;
using test::waitUntil;

class WhyViewTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        window->resize(1600, 1000);
        window->show();
        window->pages()->setCurrentWidget(window->networkPage());
        page = window->networkPage();
    }

    /// Applies `s` and waits for its first frame.
    void open(const nn::Session& s) {
        ASSERT_EQ(page->applySession(s), "");
        ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& snap) {
            return !snap.networks.empty() && snap.networks[0].epoch == 0;
        }));
    }

    void train(int epochs) {
        const int target = frame().epoch + epochs;
        page->trainEpochs(epochs);
        ASSERT_TRUE(waitForPause(page, target));
        QCoreApplication::processEvents();
    }

    const NetworkFrame& frame() const { return page->latestSnapshot()->networks[0]; }

    nn::FeatureTable trainFeatures() const {
        return nn::computeFeatures(frame().network.spec().features, page->data().train);
    }

    /// A forward pass of `net` over every point of `table` in one batch.
    static nn::Workspace forwardPass(const nn::Mlp& net, const nn::FeatureTable& table) {
        nn::Workspace ws;
        net.prepare(ws, table.points);
        net.loadInputs(table, 0, ws);
        net.forward(ws, false);
        return ws;
    }

    /// The bar heights (% of pairs) of a layer's histogram.
    static std::vector<double> bars(const OperatingPointsPlot* plot) {
        std::vector<double> v;
        for (auto it = plot->nowBars()->data()->constBegin();
             it != plot->nowBars()->data()->constEnd(); ++it)
            v.push_back(it->value);
        return v;
    }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    NetworkPage* page = nullptr;
};

nn::Session sigmoidSession() {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(6, "sigmoid"), layer(4, "sigmoid")};
    s.view.panel = "operating_points";
    return s;
}

TEST_F(WhyViewTest, OperatingPointsHoldTheTrainingSetsHistogramAndFollowTraining) {
    open(sigmoidSession());
    EXPECT_EQ(page->currentView(), NetworkPage::View::Why);
    WhyView* why = page->whyView();
    ASSERT_EQ(why->tab(), WhyView::Tab::OperatingPoints);
    OperatingPointsPanel* panel = why->operatingPoints();
    ASSERT_EQ(panel->plotCount(), 2);

    train(30);
    EXPECT_EQ(why->epoch(), 30);
    // The bars are the histogram of the core's pre-activations of the network shown, and with
    // the values outside the window they count every (unit, example) pair.
    inspect::OperatingPoints points;
    const nn::FeatureTable table = trainFeatures();
    points.compute(frame().network, table);
    for (int l = 0; l < 2; ++l) {
        const OperatingPointsPlot* plot = panel->plot(l);
        const std::vector<double> shown = bars(plot);
        ASSERT_EQ(shown.size(), 60u);
        const double lo = plot->xAxis->range().lower, hi = plot->xAxis->range().upper;
        std::vector<double> edges;
        inspect::uniformEdges(lo, hi, 60, edges);
        inspect::Histogram h;
        ASSERT_TRUE(inspect::histogram(points.preactivations(l), edges, h));
        const int units = frame().network.layers()[std::size_t(l)].out;
        EXPECT_EQ(h.total(), std::int64_t(table.points) * units);
        double sum = 0;
        for (std::size_t b = 0; b < shown.size(); ++b) {
            EXPECT_NEAR(shown[b], 100.0 * h.share(b), 1e-9) << "layer " << l << " bin " << b;
            sum += shown[b];
        }
        EXPECT_NEAR(sum + 100.0 * double(h.below + h.above + h.nonFinite) / double(h.total()), 100,
                    1e-9);
        // The title prints the zone shares of the same values.
        const inspect::ZoneShares z = inspect::zoneShares(points.slopes(l), panel->kEpsilon);
        EXPECT_EQ(panel->shares()[std::size_t(l)].pairs, z.pairs);
        EXPECT_EQ(panel->shares()[std::size_t(l)].vanishing, z.vanishing);
        EXPECT_TRUE(plot->titleText().contains(QString::number(l + 1)));
        // Sigmoid's f′ is never 0 and never below ε = 0.01 inside |z| < 4.6: no dead zone
        // shaded; the vanishing zones lie in the tails.
        EXPECT_TRUE(plot->deadZones().empty());
        for (const auto& [from, to] : plot->vanishingZones())
            EXPECT_TRUE(to <= -4.5 || from >= 4.5) << from << " " << to;
        // f and f′ are drawn: sigmoid's f′ peaks at 0.25.
        double top = 0;
        const auto& df = *plot->dfGraph()->data();
        for (auto it = df.constBegin(); it != df.constEnd(); ++it) top = std::max(top, it->value);
        EXPECT_NEAR(top, 0.25, 1e-3);
    }
    // Then and now: the start's histogram is drawn, and differs from now after training.
    const std::vector<double> now = bars(panel->plot(0));
    std::vector<double> then;
    for (auto it = panel->plot(0)->thenGraph()->data()->constBegin();
         it != panel->plot(0)->thenGraph()->data()->constEnd(); ++it)
        then.push_back(it->value);
    ASSERT_EQ(then.size(), now.size());
    EXPECT_NE(then, now);
    // The shares over epochs have a point for each frame shown, the last at epoch 30.
    const QCPGraph* vanishing = panel->sharesChart()->graph(0);
    ASSERT_GE(vanishing->data()->size(), 2);
    EXPECT_EQ((vanishing->data()->constEnd() - 1)->key, 30);
    // Unticking "then and now" removes the start's histogram.
    panel->thenToggle()->setChecked(false);
    EXPECT_TRUE(panel->plot(0)->thenGraph()->data()->isEmpty());
}

TEST_F(WhyViewTest, ReLUAtAHighLearningRateShowsMassInTheDeadZone) {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(8, "relu"), layer(8, "relu")};
    s.init = nn::InitKind::He;
    s.training.learningRate = 1;
    s.view.panel = "operating_points";
    open(s);
    train(40);
    const OperatingPointsPanel* panel = page->whyView()->operatingPoints();
    const OperatingPointsPlot* plot = panel->plot(0);
    // ReLU's dead zone is z ≤ 0 exactly, from the left edge to the kink at 0.
    ASSERT_EQ(plot->deadZones().size(), 1u);
    EXPECT_EQ(plot->deadZones().front().second, 0.0);
    EXPECT_GT(panel->shares()[0].deadShare(), 0.3);
}

TEST_F(WhyViewTest, ClickingALayerOpensTheExplorerOnItsActivation) {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(4, "tanh"), layer(4, "leaky_relu")};
    s.network.hidden[1].params[0] = 0.2;
    s.view.panel = "operating_points";
    open(s);
    OperatingPointsPlot* plot = page->whyView()->operatingPoints()->plot(1);
    ASSERT_TRUE(plot->isVisible());
    QTest::mouseClick(plot, Qt::LeftButton, {}, plot->rect().center());
    EXPECT_EQ(window->pages()->currentWidget(), static_cast<QWidget*>(window->explorerPage()));
    EXPECT_EQ(window->explorerState()->spec().id, "leaky_relu");
    EXPECT_EQ(window->explorerState()->params()[0], 0.2);
    // The explorer's plot draws the layer's z: the histogram over its x range of the core's
    // pre-activations of that layer, with a caption.
    inspect::OperatingPoints points;
    points.compute(frame().network, trainFeatures());
    const std::span<const double> z = points.preactivations(1);
    ExplorerState* state = window->explorerState();
    ASSERT_TRUE(state->networkZShown());
    EXPECT_EQ(state->networkZ().values.size(), z.size());
    const NetworkZOverlay& overlay = window->explorerPage()->plot()->networkZ();
    ASSERT_TRUE(overlay.bars()->visible());
    std::vector<double> edges;
    inspect::uniformEdges(state->xMin(), state->xMax(), NetworkZOverlay::kBins, edges);
    inspect::Histogram h;
    ASSERT_TRUE(inspect::histogram(z, edges, h));
    ASSERT_EQ(overlay.bars()->data()->size(), NetworkZOverlay::kBins);
    double inside = 0;
    for (int b = 0; b < NetworkZOverlay::kBins; ++b) {
        EXPECT_NEAR(overlay.bars()->data()->at(b)->value, 100.0 * h.share(std::size_t(b)), 1e-9);
        inside += h.share(std::size_t(b));
    }
    EXPECT_NEAR(overlay.shareInRange(), inside, 1e-12);
    EXPECT_TRUE(overlay.caption()->text().contains("hidden layer 2, epoch 0"));
    // Zooming out keeps the bars on the data; unticking the overlay hides it.
    state->setXRange(-20, 20);
    EXPECT_NEAR(overlay.shareInRange(), 1.0, 1e-12);
    state->setNetworkZShown(false);
    EXPECT_FALSE(overlay.bars()->visible());
}

TEST_F(WhyViewTest, LinearRegionsOfAReluNetworkAreTheCoresAndTheirCountIsPlotted) {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(6, "relu"), layer(6, "relu")};
    s.view.panel = "linear_regions";
    open(s);
    WhyView* why = page->whyView();
    ASSERT_EQ(why->tab(), WhyView::Tab::Regions);
    RegionsPanel* panel = why->regions();
    train(20);
    ASSERT_TRUE(panel->result().piecewiseLinear);
    inspect::RegionMap map;
    std::vector<int> ids(100 * 100);
    const inspect::RegionResult r = map.compute(frame().network, 100, ids);
    EXPECT_EQ(panel->result().regions, r.regions);
    EXPECT_GT(r.regions, 6);
    EXPECT_EQ(panel->headline()->text(), QString("Linear regions: %1").arg(r.regions));
    // The map's cells are the regions' colour bands (cell i·n + j is key i, value n − 1 − j).
    QCPColorMapData* d = panel->map()->colorMap()->data();
    for (int cell : {0, 99, 4242, 5050, 9999})
        EXPECT_EQ(d->cell(cell / 100, 99 - cell % 100), ids[std::size_t(cell)] % 10) << cell;
    const QCPGraph* counts = panel->countChart()->graph(0);
    ASSERT_GE(counts->data()->size(), 2);
    EXPECT_EQ((counts->data()->constEnd() - 1)->value, r.regions);
    // The session remembers the tab.
    EXPECT_EQ(page->session().view.panel, "linear_regions");
}

TEST_F(WhyViewTest, ASmoothNetworkShowsTheInputGradientInstead) {
    nn::Session s = test::smallSession();  // tanh
    s.view.panel = "linear_regions";
    open(s);
    train(10);
    RegionsPanel* panel = page->whyView()->regions();
    EXPECT_FALSE(panel->result().piecewiseLinear);
    EXPECT_EQ(panel->result().smoothLayer, 0);
    EXPECT_TRUE(panel->headline()->text().contains("smooth"));
    EXPECT_FALSE(panel->countChart()->isVisible());
    inspect::InputGradient g;
    std::vector<double> mag(100 * 100);
    g.magnitudeGrid(frame().network, 100, mag);
    QCPColorMapData* d = panel->map()->colorMap()->data();
    for (int cell : {0, 4242, 9999})
        EXPECT_DOUBLE_EQ(d->cell(cell / 100, 99 - cell % 100), mag[std::size_t(cell)]) << cell;
}

TEST_F(WhyViewTest, TheWhyButtonShowsTheViewAndATabSwitchUpdatesIt) {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(4, "relu")};
    open(s);
    train(5);
    page->showView(NetworkPage::View::Why);
    WhyView* why = page->whyView();
    why->setTab(WhyView::Tab::Regions);
    EXPECT_EQ(page->session().view.panel, "linear_regions");
    EXPECT_TRUE(why->regions()->result().piecewiseLinear);
    why->setTab(WhyView::Tab::OperatingPoints);
    EXPECT_EQ(page->session().view.panel, "operating_points");
    EXPECT_EQ(why->operatingPoints()->plotCount(), 1);
}

TEST_F(WhyViewTest, TheHiddenSpaceIsTheForwardPassAndEndsInAStraightBoundary) {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(2, "tanh"), layer(2, "tanh")};
    s.view.panel = "hidden_space";
    open(s);
    train(20);
    WhyView* why = page->whyView();
    ASSERT_EQ(why->tab(), WhyView::Tab::HiddenSpace);
    HiddenSpacePanel* panel = why->hiddenSpace();
    ASSERT_EQ(panel->stageCount(), 3);
    EXPECT_EQ(panel->stage(), 2);  // the last hidden layer by default

    // Stage k's points are a_k of a forward pass of the network shown, unit 0 across and
    // unit 1 up (a width-2 layer is drawn directly).
    const nn::Mlp& net = frame().network;
    const nn::FeatureTable table = trainFeatures();
    const nn::Workspace ws = forwardPass(net, table);
    for (int k = 1; k <= 2; ++k) {
        const StageDrawing& d = panel->drawing(k);
        ASSERT_EQ(int(d.px.size()), table.points);
        for (int p : {0, 17, table.points - 1}) {
            EXPECT_DOUBLE_EQ(d.px[std::size_t(p)], ws.a[std::size_t(k)][std::size_t(p)]);
            EXPECT_DOUBLE_EQ(d.py[std::size_t(p)],
                             ws.a[std::size_t(k)][std::size_t(ws.stride + p)]);
        }
    }
    // At the last stage the boundary is the line w·h + b = 0 of the output layer.
    ASSERT_TRUE(panel->boundaryLine()->visible());
    const nn::LayerParams& out = net.layers().back();
    for (QCPItemPosition* at : {panel->boundaryLine()->point1, panel->boundaryLine()->point2}) {
        const double z = out.w[0] * at->coords().x() + out.w[1] * at->coords().y() + out.b[0];
        EXPECT_NEAR(z, 0, 1e-9);
    }
    // The input stage has no straight line; the contour is carried instead.
    panel->setStage(0);
    EXPECT_FALSE(panel->boundaryLine()->visible());
    EXPECT_EQ(panel->drawing(0).px[5], page->data().train[5].x);

    // Playing runs through the stages and stops at the last one.
    panel->play();
    EXPECT_TRUE(panel->playing());
    EXPECT_TRUE(test::waitUntil([&] { return !panel->playing(); }, 20000));
    EXPECT_EQ(panel->stage(), 2);
}

TEST_F(WhyViewTest, AWideLayerIsDrawnByPrincipalComponentsOrTwoUnits) {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(6, "relu"), layer(5, "relu")};
    s.view.panel = "hidden_space";
    open(s);
    train(5);
    HiddenSpacePanel* panel = page->whyView()->hiddenSpace();
    EXPECT_TRUE(panel->axesLabel()->text().contains("principal components"));
    panel->setUnits(2, 4);
    ASSERT_TRUE(test::waitUntil(
        [&] { return panel->axesLabel()->text().contains("units 3 and 5"); }, 5000));
    // Units 3 and 5 (0-based 2 and 4) of the last layer, from a forward pass.
    const nn::Mlp& net = frame().network;
    const nn::FeatureTable table = trainFeatures();
    const nn::Workspace ws = forwardPass(net, table);
    const StageDrawing& d = panel->drawing(2);
    for (int p : {0, 99}) {
        const double a = ws.a[2][std::size_t(2 * ws.stride + p)];
        const double b = ws.a[2][std::size_t(4 * ws.stride + p)];
        // The two units' values, centred at their mean (the projection's centre is 0 here).
        EXPECT_NEAR(d.px[std::size_t(p)] - d.px[0], a - ws.a[2][std::size_t(2 * ws.stride)], 1e-12);
        EXPECT_NEAR(d.py[std::size_t(p)] - d.py[0], b - ws.a[2][std::size_t(4 * ws.stride)], 1e-12);
    }
}

TEST_F(WhyViewTest, TheLedgerOfASixLayerSigmoidNetworkEqualsTheTrainersGradient) {
    nn::Session s = test::smallSession();
    s.network.hidden.assign(6, layer(4, "sigmoid"));
    s.view.panel = "ledger";
    open(s);
    train(5);
    WhyView* why = page->whyView();
    ASSERT_EQ(why->tab(), WhyView::Tab::Ledger);
    LedgerPanel* panel = why->ledger();
    panel->choose(3, 1, 2);
    const inspect::ChainLedger& l = panel->ledger();
    EXPECT_EQ(l.input, 1);
    EXPECT_EQ(l.unit, 2);
    ASSERT_EQ(l.layers.size(), 7u);
    // The final number is the trainer's gradient for that weight on that example.
    EXPECT_NE(l.gradient, 0);
    EXPECT_LE(std::fabs(l.gradient - panel->trainerGradient()), 1e-12 * std::fabs(l.gradient));
    // Bars: ‖δ‖ per layer from the output down; the bound multiplies by sigmoid's 0.25 a layer.
    ASSERT_EQ(panel->normBars()->data()->size(), 7);
    ASSERT_EQ(panel->boundGraph()->data()->size(), 7);
    const double top = panel->boundGraph()->data()->at(0)->value;
    for (int k = 0; k < 7; ++k) {
        const double norm = l.layers[std::size_t(k)].deltaNorm;
        EXPECT_DOUBLE_EQ(panel->normBars()->data()->at(k)->value, norm);
        EXPECT_NEAR(panel->boundGraph()->data()->at(k)->value / top, std::pow(0.25, k), 1e-9);
    }
    EXPECT_TRUE(panel->table()->text().contains("Hidden layer 6"));
    // A first-layer link of the network diagram chooses the weight.
    emit page->diagram()->linkClicked(0, 0, 3);
    EXPECT_EQ(panel->ledger().input, 0);
    EXPECT_EQ(panel->ledger().unit, 3);
    emit page->diagram()->linkClicked(1, 0, 1);  // a deeper weight: the ledger keeps its own
    EXPECT_EQ(panel->ledger().unit, 3);
    // A click on the map picks the nearest training point.
    const nn::Point& p = page->data().train[42];
    const QPointF at = panel->map()->pixelFor(p.x, p.y);
    QTest::mouseClick(panel->map(), Qt::LeftButton, {}, at.toPoint());
    EXPECT_EQ(panel->example(), 42);
}

TEST_F(WhyViewTest, SideBySideHasACardPerComparedNetworkWithItsLayersSpaceAndRegions) {
    nn::Session s = test::smallSession();
    s.network.hidden = {layer(6, "relu"), layer(4, "relu")};
    s.compare = {"relu", "tanh", "sigmoid"};
    s.view.panel = "side_by_side";
    open(s);
    WhyView* why = page->whyView();
    EXPECT_EQ(page->currentView(), NetworkPage::View::Why);
    ASSERT_TRUE(why->comparing());
    ASSERT_EQ(why->tab(), WhyView::Tab::SideBySide);
    WhyComparePanel* panel = why->sideBySide();
    ASSERT_EQ(panel->cardCount(), 3);

    const int target = page->latestSnapshot()->networks[0].epoch + 20;
    page->trainEpochs(20);
    ASSERT_TRUE(waitForPause(page, target));
    // The cards follow in turn; all of them show the last frame soon after it.
    ASSERT_TRUE(waitUntil([&] { return !panel->stale(); }, 10000));
    const nn::FeatureTable table = trainFeatures();
    for (int k = 0; k < 3; ++k) {
        SCOPED_TRACE(k);
        const nn::Mlp& net = page->latestSnapshot()->networks[std::size_t(k)].network;
        WhyCompareCard* card = panel->card(k);
        // The first and last hidden layers' bars are the histograms of this network's z.
        inspect::OperatingPoints points;
        points.compute(net, table);
        for (auto [plot, l] : {std::pair{card->firstLayer(), 0}, std::pair{card->lastLayer(), 1}}) {
            ASSERT_TRUE(plot->isVisible());
            const std::vector<double> shown = bars(plot);
            ASSERT_EQ(shown.size(), 60u);
            std::vector<double> edges;
            inspect::uniformEdges(plot->xAxis->range().lower, plot->xAxis->range().upper, 60,
                                  edges);
            inspect::Histogram h;
            ASSERT_TRUE(inspect::histogram(points.preactivations(l), edges, h));
            for (std::size_t b = 0; b < shown.size(); ++b)
                ASSERT_NEAR(shown[b], 100.0 * h.share(b), 1e-9) << "layer " << l << " bin " << b;
            EXPECT_TRUE(plot->titleText().startsWith(QStringLiteral("Layer %1 —").arg(l + 1)));
        }
        // The last hidden layer's space, with the output's straight boundary.
        HiddenSpacePanel* space = card->space();
        ASSERT_EQ(space->stageCount(), 3);
        EXPECT_EQ(space->stage(), 2);
        EXPECT_EQ(space->drawing(2).px.size(), page->data().train.size());
        EXPECT_TRUE(space->drawing(2).boundary.exists);
        // Regions: ReLU's are the core's count; tanh and sigmoid are smooth.
        inspect::RegionMap map;
        std::vector<int> ids(100 * 100);
        const inspect::RegionResult r = map.compute(net, 100, ids);
        EXPECT_EQ(card->piecewiseLinear(), k == 0);
        EXPECT_EQ(card->piecewiseLinear(), r.piecewiseLinear);
        if (k == 0) {
            EXPECT_GT(r.regions, 6);
            EXPECT_EQ(card->regions(), r.regions);
            EXPECT_TRUE(card->regionsLabel()->text().contains(QString::number(r.regions)));
        } else {
            EXPECT_TRUE(card->regionsLabel()->text().startsWith(QStringLiteral("Smooth")));
        }
    }
    EXPECT_EQ(page->session().view.panel, "side_by_side");

    // Without a comparison there is no side-by-side tab: the view falls back to the first tab.
    nn::Session single = sigmoidSession();
    single.view.panel = "side_by_side";
    open(single);
    EXPECT_FALSE(why->comparing());
    EXPECT_EQ(why->tab(), WhyView::Tab::OperatingPoints);
}

}  // namespace
}  // namespace actlab::ui
