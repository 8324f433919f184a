// GUI tests of the activation explorer: they drive the main window through its widgets and check
// what the user sees: the plotted data, the messages, the files written.

#include <gtest/gtest.h>

#include <QAction>
#include <QClipboard>
#include <QDialog>
#include <QFontInfo>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QStyleOptionSlider>
#include <QSvgRenderer>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QWheelEvent>
#include <sstream>

#include "classroom/main_window.h"
#include "sweeps/sweep_page.h"
#include "common/activation_chooser.h"
#include "common/app_settings.h"
#include "common/number_entry.h"
#include "common/parameter_panel.h"
#include "common/parameter_slider.h"
#include "common/plot_export.h"
#include "common/qt_text.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "explorer/small_multiples_view.h"
#include "explorer/teaching_panel.h"
#include "network/network_page.h"
#include "ui_test_support.h"

namespace actlab::ui {
namespace {

using test::expectGraphShowsSamples;
using test::flush;
using test::points;
using test::valueAt;

class ExplorerTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        window->resize(1400, 900);
        window->show();
        page = window->explorerPage();
        state = page->state();
        plot = page->plot();
        flush();
    }

    /// The core's samples of the current activation on the current x range.
    Curve coreCurve() const {
        return sampleCurve(state->call(), state->xMin(), state->xMax(),
                           ExplorerState::kSampleCount);
    }

    /// Clicks the chooser's entry for `id`, as a user does.
    void clickActivation(const QString& id) {
        QTreeWidget* tree = page->chooser()->tree();
        QTreeWidgetItem* item = nullptr;
        for (QTreeWidgetItemIterator it(tree); *it; ++it)
            if ((*it)->data(0, Qt::UserRole).toString() == id) item = *it;
        ASSERT_NE(item, nullptr) << id.toStdString();
        tree->scrollToItem(item);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {},
                          tree->visualItemRect(item).center());
        flush();
    }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    ExplorerPage* page = nullptr;
    ExplorerState* state = nullptr;
    CurvePlot* plot = nullptr;
};

// --- every registry row -----------------------------------------------------------------------

class EveryActivation : public ExplorerTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(EveryActivation, SelectingItPlotsTheCoresValues) {
    const ActivationSpec& spec = activation(GetParam());
    const QString id = qs(spec.id);
    if (state->spec().id == spec.id) clickActivation(qs(activations().back().id));
    state->setShowD2f(true);
    clickActivation(id);
    ASSERT_EQ(&state->spec(), &spec);
    EXPECT_EQ(page->chooser()->currentActivation(), id);
    EXPECT_EQ(page->teachingPanel()->nameLabel()->text(), qs(spec.name.en));
    EXPECT_EQ(page->parameterPanel()->count(), static_cast<int>(spec.params.size()));

    const Curve core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "f");
    expectGraphShowsSamples(plot->dfGraph(), core.x, core.df, "f'");
    expectGraphShowsSamples(plot->d2fGraph(), core.x, core.d2f, "f''");
    // And against the scalar kernels, an independent path through the core.
    const test::Points f = points(plot->fGraph());
    for (std::size_t k = 0; k < f.size(); k += 37)
        EXPECT_TRUE(test::close(f.y[k], spec.f(f.x[k], spec.defaults())))
            << "x = " << f.x[k] << ": " << f.y[k] << " vs " << spec.f(f.x[k], spec.defaults());
    EXPECT_TRUE(plot->fGraph()->visible());
    EXPECT_TRUE(plot->message().isEmpty());
}

INSTANTIATE_TEST_SUITE_P(Registry, EveryActivation, ::testing::ValuesIn([] {
                             std::vector<std::string> ids;
                             for (const ActivationSpec& s : activations()) ids.emplace_back(s.id);
                             return ids;
                         }()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             return test::camelName(info.param);
                         });

// --- parameters -------------------------------------------------------------------------------

TEST_F(ExplorerTest, DraggingTheSliderRedrawsDuringTheDrag) {
    clickActivation("leaky_relu");
    ParameterSlider* slope = page->parameterPanel()->slider(QStringLiteral("negative_slope"));
    ASSERT_NE(slope, nullptr);
    QSlider* slider = slope->slider();
    plot->setLiveQuality(CurvePlot::LiveQuality::Fast);
    slider->setSliderDown(true);  // the handle is held
    EXPECT_TRUE(plot->liveUpdate());
    EXPECT_TRUE(plot->antialiasingDropped());
    for (double a : {0.2, 0.5, 0.75}) {
        slider->setSliderPosition(slope->tickFor(a));
        flush();
        SCOPED_TRACE(a);
        EXPECT_EQ(state->params()[0], a);
        EXPECT_EQ(slope->spinBox()->value(), a);
        EXPECT_EQ(valueAt(plot->fGraph(), -6.0), -6.0 * a);
        EXPECT_EQ(valueAt(plot->dfGraph(), -6.0), a);
    }
    slider->setSliderDown(false);
    EXPECT_FALSE(plot->liveUpdate());
    EXPECT_FALSE(plot->antialiasingDropped());  // antialiasing returns on release
    const Curve core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "f after the drag");
}

TEST_F(ExplorerTest, MouseDragOnTheHandleMovesTheCurve) {
    clickActivation("elu");
    ParameterSlider* alpha = page->parameterPanel()->slider(QStringLiteral("alpha"));
    ASSERT_NE(alpha, nullptr);
    QSlider* slider = alpha->slider();
    QStyleOptionSlider opt;
    opt.initFrom(slider);
    opt.orientation = slider->orientation();
    opt.minimum = slider->minimum();
    opt.maximum = slider->maximum();
    opt.sliderPosition = slider->sliderPosition();
    opt.sliderValue = slider->value();
    opt.subControls = QStyle::SC_SliderHandle;
    const QPoint handle =
        slider->style()
            ->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider)
            .center();
    const auto send = [&](QEvent::Type type, QPoint pos, Qt::MouseButtons buttons) {
        QMouseEvent event(type, QPointF(pos), slider->mapToGlobal(QPointF(pos)), Qt::LeftButton,
                          buttons, Qt::NoModifier);
        QApplication::sendEvent(slider, &event);
    };
    send(QEvent::MouseButtonPress, handle, Qt::LeftButton);
    std::vector<double> seen;
    for (int dx = 20; dx <= 100; dx += 20) {
        send(QEvent::MouseMove, handle + QPoint(dx, 0), Qt::LeftButton);
        flush();
        seen.push_back(valueAt(plot->fGraph(), -6.0));
    }
    send(QEvent::MouseButtonRelease, handle + QPoint(100, 0), Qt::NoButton);
    // Every move redrew the curve: ELU(−6) = α·(e^−6 − 1) grows in magnitude with α.
    ASSERT_EQ(seen.size(), 5u);
    for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_LT(seen[i], seen[i - 1]);
    EXPECT_GT(state->params()[0], 1.0);
    EXPECT_EQ(valueAt(plot->fGraph(), -6.0), state->params()[0] * std::expm1(-6.0));
}

TEST_F(ExplorerTest, SpinBoxAndResetButtonChangeTheCurve) {
    clickActivation("elu");
    ParameterSlider* alpha = page->parameterPanel()->slider(0);
    alpha->spinBox()->setValue(2.0);
    flush();
    EXPECT_EQ(state->params()[0], 2.0);
    EXPECT_EQ(valueAt(plot->fGraph(), -6.0), 2.0 * std::expm1(-6.0));
    QTest::mouseClick(alpha->resetButton(), Qt::LeftButton);
    flush();
    EXPECT_EQ(state->params()[0], 1.0);
    EXPECT_EQ(alpha->spinBox()->value(), 1.0);
    EXPECT_EQ(valueAt(plot->fGraph(), -6.0), std::expm1(-6.0));
}

TEST_F(ExplorerTest, RejectedParametersShowAClearMessage) {
    clickActivation("hardtanh");
    ParameterSlider* minVal = page->parameterPanel()->slider(QStringLiteral("min_val"));
    ASSERT_NE(minVal, nullptr);
    minVal->spinBox()->setValue(2.0);  // min_val ≥ max_val = 1
    flush();
    EXPECT_FALSE(state->isValid());
    const QString why = qs(checkParams(state->spec(), state->params()));
    ASSERT_FALSE(why.isEmpty());
    EXPECT_TRUE(page->parameterPanel()->errorText().contains(why));
    EXPECT_TRUE(plot->message().contains(why));
    EXPECT_FALSE(plot->fGraph()->visible());
    EXPECT_EQ(plot->fGraph()->dataCount(), 0);
    EXPECT_EQ(plot->legend->itemCount(), 0);
    // Nothing else breaks: pinning, exporting and the readout refuse politely.
    page->pinAction()->trigger();
    EXPECT_TRUE(state->pinned().empty());
    EXPECT_FALSE(page->exportCsv(dir.filePath("bad.csv")).isEmpty());
    EXPECT_FALSE(QFile::exists(dir.filePath("bad.csv")));
    plot->showCrosshairAt(0.5);
    EXPECT_TRUE(plot->readoutHtml().isEmpty());
    EXPECT_TRUE(page->exportPlot(dir.filePath("bad.png"), PlotExport::Format::Png).isEmpty());

    minVal->spinBox()->setValue(-1.0);
    flush();
    EXPECT_TRUE(state->isValid());
    EXPECT_TRUE(page->parameterPanel()->errorText().isEmpty());
    EXPECT_TRUE(plot->message().isEmpty());
    const Curve core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "f restored");
}

TEST_F(ExplorerTest, DivisionByZeroParametersAreRejected) {
    for (const auto& [id, param] : {std::pair{"celu", "alpha"}, std::pair{"softplus", "beta"}}) {
        SCOPED_TRACE(id);
        clickActivation(id);
        page->parameterPanel()->slider(QString::fromLatin1(param))->spinBox()->setValue(0.0);
        flush();
        EXPECT_FALSE(state->isValid());
        EXPECT_FALSE(plot->message().isEmpty());
        EXPECT_EQ(plot->fGraph()->dataCount(), 0);
    }
}

// --- overlays ---------------------------------------------------------------------------------

TEST_F(ExplorerTest, PinningAddsAReferenceGraphThatKeepsItsParameters) {
    clickActivation("leaky_relu");
    page->setParameter("negative_slope", 0.1);
    flush();
    const int before = plot->graphCount();
    page->pinAction()->trigger();
    flush();
    ASSERT_EQ(plot->pinnedGraphs().size(), 2);  // f and f′ are shown
    EXPECT_EQ(plot->graphCount(), before + 2);
    page->setParameter("negative_slope", 0.3);
    flush();
    EXPECT_EQ(valueAt(plot->pinnedGraphs()[0], -6.0), -6.0 * 0.1);  // pinned f at slope 0.1
    EXPECT_EQ(valueAt(plot->pinnedGraphs()[1], -6.0), 0.1);         // pinned f′
    EXPECT_EQ(valueAt(plot->fGraph(), -6.0), -6.0 * 0.3);
    EXPECT_GE(plot->legend->itemCount(), 4);
    page->clearPinsAction()->trigger();
    flush();
    EXPECT_TRUE(plot->pinnedGraphs().isEmpty());
    EXPECT_EQ(plot->graphCount(), before);
}

TEST_F(ExplorerTest, RedrawingOnlyTheCurrentCurvesShowsWhatAFullReplotShows) {
    clickActivation("leaky_relu");
    page->pinAction()->trigger();
    flush();
    ASSERT_TRUE(plot->layered());  // overlays shown: the current curves have their own buffer
    page->setParameter("negative_slope", 0.3);  // grows the y axis: a full replot
    flush();
    QSignalSpy fullReplots(plot, &QCustomPlot::afterReplot);
    page->setParameter("negative_slope", 0.2);  // within the view: the current layer alone
    flush();
    EXPECT_EQ(fullReplots.count(), 0);
    const QImage partial = plot->grab().toImage();
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QImage full = plot->grab().toImage();
    EXPECT_TRUE(partial == full) << "the partial redraw left stale pixels";
    EXPECT_TRUE(plot->title().contains("0.2"));
    page->clearPinsAction()->trigger();
    flush();
    EXPECT_FALSE(plot->layered());
}

TEST_F(ExplorerTest, CompareModeOverlaysOtherActivations) {
    clickActivation("gelu");
    QAction* sigmoid = nullptr;
    for (QAction* a : page->compareMenu()->actions())
        if (a->data().toString() == QLatin1String("sigmoid")) sigmoid = a;
    ASSERT_NE(sigmoid, nullptr);
    sigmoid->trigger();
    state->setCompared("tanh", true);
    flush();
    ASSERT_EQ(plot->compareGraphs().size(), 4);  // f and f′ of each
    const Curve sig = sampleCurve({&activation("sigmoid"), {}}, -6, 6, ExplorerState::kSampleCount);
    expectGraphShowsSamples(plot->compareGraphs()[0], sig.x, sig.f, "sigmoid f");
    expectGraphShowsSamples(plot->compareGraphs()[1], sig.x, sig.df, "sigmoid f'");
    EXPECT_TRUE(plot->title().contains("Sigmoid"));
    EXPECT_TRUE(plot->title().contains("Tanh"));
    EXPECT_NE(plot->fGraph()->pen().color(), plot->compareGraphs()[0]->pen().color());
    page->clearCompareAction()->trigger();
    flush();
    EXPECT_TRUE(plot->compareGraphs().isEmpty());
    EXPECT_FALSE(sigmoid->isChecked());
}

TEST_F(ExplorerTest, ClickingAThumbnailSelectsThatActivation) {
    page->allActivationsAction()->trigger();
    flush();
    ASSERT_TRUE(page->allActivationsShown());
    EXPECT_EQ(page->smallMultiples()->count(), static_cast<int>(activations().size()));
    ActivationThumbnail* tanh = page->smallMultiples()->thumbnail("tanh");
    ASSERT_NE(tanh, nullptr);
    QTest::mouseClick(tanh, Qt::LeftButton);
    flush();
    EXPECT_EQ(state->spec().id, "tanh");
    EXPECT_EQ(page->chooser()->currentActivation(), "tanh");
    EXPECT_FALSE(page->allActivationsShown());
    EXPECT_TRUE(tanh->isCurrent());
    const Curve core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "tanh f");
}

// --- chooser ----------------------------------------------------------------------------------

TEST_F(ExplorerTest, TypingReluLeavesOnlyTheReluFamily) {
    QTest::keyClicks(page->chooser()->filterEdit(), "relu");
    const QStringList visible = page->chooser()->visibleActivations();
    EXPECT_EQ(visible, (QStringList{"relu", "leaky_relu", "prelu", "relu6", "rrelu"}));
    for (const QString& id : visible) EXPECT_TRUE(id.contains("relu"));
    page->chooser()->filterEdit()->clear();
    EXPECT_EQ(page->chooser()->visibleActivations().size(),
              static_cast<qsizetype>(activations().size()));
}

TEST_F(ExplorerTest, UpAndDownChangeTheActivationAndTheCurvesFollow) {
    clickActivation("sigmoid");
    QTreeWidget* tree = page->chooser()->tree();
    tree->setFocus();
    QTest::keyClick(tree, Qt::Key_Down);
    flush();
    EXPECT_EQ(state->spec().id, "tanh");
    Curve core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "tanh");

    clickActivation("gelu");  // the last classic: Down skips the group heading
    QTest::keyClick(tree, Qt::Key_Down);
    flush();
    EXPECT_EQ(state->spec().group, Group::Smooth);
    EXPECT_EQ(&state->spec(),
              &*std::find_if(activations().begin(), activations().end(),
                             [](const ActivationSpec& s) { return s.group == Group::Smooth; }));
    QTest::keyClick(tree, Qt::Key_Up);
    flush();
    EXPECT_EQ(state->spec().id, "gelu");

    // In the filter field too, among the matches.
    QTest::keyClicks(page->chooser()->filterEdit(), "relu");
    QTest::keyClick(page->chooser()->filterEdit(), Qt::Key_Down);
    flush();
    EXPECT_EQ(state->spec().id, "relu");
    QTest::keyClick(page->chooser()->filterEdit(), Qt::Key_Down);
    flush();
    EXPECT_EQ(state->spec().id, "leaky_relu");
    core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "leaky_relu");
}

// --- plot -------------------------------------------------------------------------------------

TEST_F(ExplorerTest, SecondDerivativeToggleShowsFDoublePrime) {
    clickActivation("gelu");
    EXPECT_FALSE(plot->d2fGraph()->visible());
    const int legendBefore = plot->legend->itemCount();
    page->showD2fAction()->trigger();
    flush();
    EXPECT_TRUE(state->showD2f());
    EXPECT_TRUE(plot->d2fGraph()->visible());
    EXPECT_EQ(plot->legend->itemCount(), legendBefore + 1);
    const Curve core = coreCurve();
    expectGraphShowsSamples(plot->d2fGraph(), core.x, core.d2f, "f''");
}

TEST_F(ExplorerTest, CrosshairReadoutShowsExactKernelValues) {
    clickActivation("gelu");
    state->setShowD2f(true);
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const int px = static_cast<int>(plot->xAxis->coordToPixel(1.3));
    const int py = static_cast<int>(plot->yAxis->coordToPixel(1.0));
    QTest::mouseMove(plot, QPoint(px, py));
    flush();
    const double x = plot->xAxis->pixelToCoord(px);
    const ActivationSpec& gelu = activation("gelu");
    const CurvePlot::Readout r = plot->readoutAt(x);
    EXPECT_EQ(r.f, gelu.f(x, {}));
    EXPECT_EQ(r.df, gelu.df(x, {}));
    EXPECT_EQ(r.d2f, gelu.d2f(x, {}));
    const QString text = page->readoutLabel()->text();
    for (double v : {x, r.f, r.df, r.d2f})
        EXPECT_TRUE(text.contains(CurvePlot::formatNumber(v))) << text.toStdString();
    // The same point through the API.
    plot->showCrosshairAt(-2.5);
    EXPECT_TRUE(plot->readoutHtml().contains(CurvePlot::formatNumber(gelu.df(-2.5, {}))));
}

TEST_F(ExplorerTest, ZonesAreTheCoresGradientZones) {
    clickActivation("sigmoid");
    state->setVanishingZoneShown(true);
    state->setEpsilon(0.01);
    flush();
    const Curve core = coreCurve();
    const std::vector<Interval> expected = gradientZones(core, 0.01);
    ASSERT_EQ(expected.size(), 2u);  // both saturated tails
    ASSERT_EQ(plot->vanishingZones().size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(plot->vanishingZones()[i].lo, expected[i].lo);
        EXPECT_EQ(plot->vanishingZones()[i].hi, expected[i].hi);
    }
    int shaded = 0;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* rect = qobject_cast<QCPItemRect*>(plot->item(i)); rect && rect->visible())
            ++shaded;
    EXPECT_EQ(shaded, 2);

    clickActivation("relu");
    state->setVanishingZoneShown(false);
    state->setDeadZoneShown(true);
    flush();
    ASSERT_EQ(plot->deadZones().size(), 1u);
    EXPECT_EQ(plot->deadZones()[0].lo, -6.0);
    EXPECT_LE(plot->deadZones()[0].hi, 0.0);
    EXPECT_TRUE(plot->vanishingZones().empty());
}

TEST_F(ExplorerTest, OverlappingZonesAreShadedOnceInTheirLegendsColour) {
    // ReLU's dead zone (f′ = 0) lies inside its vanishing zone (|f′| < ε): each place is shaded
    // once, in one of the two legend colours, never in a mix that no legend explains.
    clickActivation("relu");
    state->setEpsilon(0.5);
    state->setVanishingZoneShown(true);
    state->setDeadZoneShown(true);
    flush();
    ASSERT_FALSE(plot->deadZones().empty());
    for (const Interval& d : plot->deadZones())
        for (const Interval& v : plot->vanishingZones())
            EXPECT_TRUE(v.hi <= d.lo || v.lo >= d.hi)
                << "vanishing [" << v.lo << ", " << v.hi << "] overlaps dead [" << d.lo << ", "
                << d.hi << "]";
}

TEST_F(ExplorerTest, WheelZoomResamplesAndResetViewRestores) {
    clickActivation("tanh");
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const QPointF centre = plot->axisRect()->rect().center();
    QWheelEvent wheel(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    flush();
    EXPECT_LT(state->xMax() - state->xMin(), 12.0);
    Curve core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "zoomed");
    EXPECT_EQ(page->xMinBox()->value(), std::round(state->xMin() * 100) / 100);

    page->resetViewAction()->trigger();
    flush();
    EXPECT_EQ(state->xMin(), -6.0);
    EXPECT_EQ(state->xMax(), 6.0);
    EXPECT_EQ(plot->xAxis->range().lower, -6.0);
}

TEST_F(ExplorerTest, XRangeIsEditableAndValidated) {
    clickActivation("softsign");
    page->xMinBox()->setValue(-2.0);
    page->xMaxBox()->setValue(3.0);
    flush();
    EXPECT_EQ(state->xMin(), -2.0);
    EXPECT_EQ(state->xMax(), 3.0);
    Curve core = coreCurve();
    expectGraphShowsSamples(plot->fGraph(), core.x, core.f, "[-2, 3]");
    page->xMinBox()->setValue(5.0);  // beyond the end: refused with a message
    flush();
    EXPECT_EQ(state->xMin(), -2.0);
    EXPECT_EQ(page->xMinBox()->value(), -2.0);
    EXPECT_FALSE(window->statusBar()->currentMessage().isEmpty());
}

// --- export -----------------------------------------------------------------------------------

TEST_F(ExplorerTest, ExportsWriteValidFiles) {
    clickActivation("elu");
    page->setParameter("alpha", 1.5);
    state->setShowD2f(true);
    flush();

    const QString png = dir.filePath("plot.png");
    ASSERT_EQ(page->exportPlot(png, PlotExport::Format::Png, 2.0), QString());
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), plot->size() * 2);
    // Not blank: the plot's blue f curve is in the picture.
    bool blue = false;
    for (int y = 0; y < image.height() && !blue; y += 2)
        for (int x = 0; x < image.width() && !blue; x += 2)
            blue = image.pixelColor(x, y) == QColor(0x00, 0x72, 0xB2);
    EXPECT_TRUE(blue);

    const QString svg = dir.filePath("plot.svg");
    ASSERT_EQ(page->exportPlot(svg, PlotExport::Format::Svg), QString());
    QSvgRenderer renderer(svg);
    EXPECT_TRUE(renderer.isValid());
    EXPECT_EQ(renderer.viewBox(), QRect(QPoint(0, 0), plot->size()));
    QFile svgFile(svg);
    ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(svgFile.readAll().contains("<polyline"));  // the curves are vectors

    const QString pdf = dir.filePath("plot.pdf");
    ASSERT_EQ(page->exportPlot(pdf, PlotExport::Format::Pdf), QString());
    QFile pdfFile(pdf);
    ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
    EXPECT_TRUE(pdfFile.read(5).startsWith("%PDF"));
    EXPECT_GT(pdfFile.size(), 1000);

    const QString csv = dir.filePath("curve.csv");
    ASSERT_EQ(page->exportCsv(csv), QString());
    QFile csvFile(csv);
    ASSERT_TRUE(csvFile.open(QIODevice::ReadOnly));
    const QByteArray text = csvFile.readAll();
    const QList<QByteArray> lines = text.trimmed().split('\n');
    ASSERT_EQ(lines.size(), ExplorerState::kSampleCount + 1);
    EXPECT_EQ(lines.front(), "activation,params,x,f,df,d2f");
    EXPECT_TRUE(lines[1].startsWith("ELU,alpha=1.5,-6,"));
    // C-locale numbers whatever the system's (de_DE.test_explorer runs this under the German
    // locale): six fields on every row, so no decimal comma.
    for (const QByteArray& line : lines) EXPECT_EQ(line.count(','), 5) << line.data();
    // Exactly what `activation-lab eval --activation elu --param alpha=1.5 --range -6:6:4001`
    // writes: writeCurveCsv on the same samples.
    std::ostringstream expected;
    writeCurveCsv(expected, state->call(), sampleCurve(state->call(), -6, 6, 4001));
    EXPECT_EQ(text.toStdString(), expected.str());
}

TEST_F(ExplorerTest, ExportToAnUnwritablePlaceReportsAnError) {
    const QString nowhere = dir.filePath("missing/dir/plot");
    EXPECT_FALSE(page->exportPlot(nowhere + ".png", PlotExport::Format::Png).isEmpty());
    EXPECT_FALSE(page->exportCsv(nowhere + ".csv").isEmpty());
    EXPECT_FALSE(
        PlotExport::savePlot(plot, dir.filePath("p.png"), PlotExport::Format::Png, 9).isEmpty());
    PlotExport::Format format;
    EXPECT_FALSE(PlotExport::formatFromPath("plot.txt", &format));
    ASSERT_TRUE(PlotExport::formatFromPath("plot.SVG", &format));
    EXPECT_EQ(format, PlotExport::Format::Svg);
}

TEST_F(ExplorerTest, AnExportThatFailsLeavesThePreviousFileUntouched) {
    const QString path = dir.filePath("curve.csv");
    QFile old(path);
    ASSERT_TRUE(old.open(QIODevice::WriteOnly));
    old.write("the previous export\n");
    old.close();
    // A drawing that fails halfway: the half-written data never replaces the file.
    const QString error = PlotExport::saveFile(path, [](QIODevice& device) {
        device.write("half of a new ");
        return false;
    });
    EXPECT_TRUE(error.contains("curve.csv")) << error.toStdString();
    QFile check(path);
    ASSERT_TRUE(check.open(QIODevice::ReadOnly));
    EXPECT_EQ(check.readAll(), QByteArray("the previous export\n"));
    check.close();
    EXPECT_EQ(QDir(dir.path()).entryList({"curve*"}, QDir::Files | QDir::Hidden),
              QStringList{"curve.csv"});  // no temporary file left over
    // Every export goes this way: a PNG over the CSV's name replaces it whole.
    ASSERT_EQ(page->exportPlot(path, PlotExport::Format::Png), "");
    ASSERT_TRUE(check.open(QIODevice::ReadOnly));
    EXPECT_TRUE(check.readAll().startsWith("\x89PNG"));
}

TEST_F(ExplorerTest, TypedNumbersAreNeverTenTimesOffOnAGermanSystem) {
    clickActivation("elu");
    QDoubleSpinBox* box = page->parameterPanel()->slider("alpha")->spinBox();
    window->activateWindow();
    QApplication::setActiveWindow(window.get());
    const auto type = [&](const QString& text) {
        auto* edit = box->findChild<QLineEdit*>();
        box->setFocus();
        QCoreApplication::processEvents();
        edit->selectAll();
        QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
        QCoreApplication::processEvents();
        return box->value();
    };
    // German: ',' is the decimal separator, '.' the group separator; '.' still means a point.
    SystemSeparators::useForTesting(SystemSeparators{',', '.'});
    EXPECT_DOUBLE_EQ(type("0.3"), 0.3);
    EXPECT_DOUBLE_EQ(type("0,7"), 0.7);
    EXPECT_EQ(box->text(), "0.70");  // shown with '.', as the interface language writes it
    EXPECT_DOUBLE_EQ(page->state()->params()[0], 0.7);
    // English: "0,3" is refused (',' groups digits there), never read as 3.
    SystemSeparators::useForTesting(SystemSeparators{'.', ','});
    EXPECT_DOUBLE_EQ(type("1.5"), 1.5);
    EXPECT_DOUBLE_EQ(type("0,3"), 1.5);  // refused: the value before editing stays
    EXPECT_DOUBLE_EQ(page->state()->params()[0], 1.5);
    SystemSeparators::useForTesting(std::nullopt);
}

TEST_F(ExplorerTest, CopiesPlotImageAndPyTorchCode) {
    page->copyImageAction()->trigger();
    const QImage image = QGuiApplication::clipboard()->image();
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), plot->size() * plot->devicePixelRatio());

    clickActivation("selu");
    QTest::mouseClick(page->teachingPanel()->copyButton(), Qt::LeftButton);
    // The registry's snippet, its comment on a line of its own.
    QString expected = qs(activation("selu").pytorch);
    expected.replace(QStringLiteral("  # "), QStringLiteral("\n# "));
    EXPECT_EQ(QGuiApplication::clipboard()->text(), expected);
}

TEST_F(ExplorerTest, FormulaAndSnippetShowTheParametersInUse) {
    clickActivation("leaky_relu");
    TeachingPanel* panel = page->teachingPanel();
    EXPECT_TRUE(panel->formulaLabel()->text().contains("0.01&middot;<i>x</i>"))
        << panel->formulaLabel()->text().toStdString();
    page->parameterPanel()->slider("negative_slope")->spinBox()->setValue(0.35);
    QCoreApplication::processEvents();
    EXPECT_TRUE(panel->formulaLabel()->text().contains("0.35&middot;<i>x</i>, if <i>x</i> ≤ 0"))
        << panel->formulaLabel()->text().toStdString();
    EXPECT_FALSE(panel->formulaLabel()->text().contains("α"));
    EXPECT_EQ(panel->snippetLabel()->text(), "nn.LeakyReLU(negative_slope=0.35)");
    QTest::mouseClick(panel->copyButton(), Qt::LeftButton);
    EXPECT_EQ(QGuiApplication::clipboard()->text(), "nn.LeakyReLU(negative_slope=0.35)");

    // Shown large, to project; the large formula follows the slider.
    QTest::mouseClick(panel->largeButton(), Qt::LeftButton);
    QDialog* dialog = panel->largeDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_TRUE(dialog->isVisible());
    auto* large = dialog->findChild<QLabel*>("largeFormula");
    ASSERT_NE(large, nullptr);
    EXPECT_TRUE(large->text().contains("0.35&middot;"));
    large->ensurePolished();
    EXPECT_GE(QFontInfo(large->font()).pixelSize(), 40);
    // Within a drag the texts follow at most every 150 ms, but the last value always shows.
    page->parameterPanel()->slider("negative_slope")->spinBox()->setValue(0.25);
    page->parameterPanel()->slider("negative_slope")->spinBox()->setValue(0.2);
    EXPECT_TRUE(QTest::qWaitFor([&] { return large->text().contains("0.2&middot;"); }, 2000))
        << large->text().toStdString();
    dialog->close();

    // A negative value is bracketed.
    clickActivation("elu");
    page->parameterPanel()->slider("alpha")->spinBox()->setValue(-0.5);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return panel->formulaLabel()->text().contains("(\u22120.5)&middot;(<i>e</i>"); },
        2000))
        << panel->formulaLabel()->text().toStdString();
    EXPECT_EQ(panel->snippetLabel()->text(), "nn.ELU(alpha=-0.5)");
    clickActivation("rrelu");
    EXPECT_TRUE(panel->formulaLabel()->text().contains("(0.125 + 0.3333)/2"))
        << panel->formulaLabel()->text().toStdString();
}

// --- teaching panel and language --------------------------------------------------------------

TEST_F(ExplorerTest, TeachingPanelShowsTheRegistryTexts) {
    clickActivation("tanh");
    const ActivationSpec& tanh = activation("tanh");
    TeachingPanel* panel = page->teachingPanel();
    EXPECT_EQ(panel->formulaLabel()->text(), qs(tanh.formulaHtml));  // no parameters
    EXPECT_EQ(panel->rangeLabel()->text(), qs(tanh.range.en));
    EXPECT_EQ(panel->snippetLabel()->text(), "nn.Tanh()\n# or torch.tanh(x)");
    EXPECT_TRUE(
        panel->teachingLabel()->text().contains(qs(tanh.teaching.en).left(40).toHtmlEscaped()));
    EXPECT_TRUE(panel->propertiesLabel()->text().contains("zero-centred"));
}

TEST_F(ExplorerTest, ChineseNotesComeFromTheRegistry) {
    clickActivation("relu");
    window->setLanguage("zh_CN");
    flush();
    const ActivationSpec& relu = activation("relu");
    EXPECT_EQ(page->teachingPanel()->nameLabel()->text(), qs(relu.name.zh));
    EXPECT_TRUE(
        page->teachingPanel()->teachingLabel()->text().contains(qs(relu.teaching.zh).left(10)));
    EXPECT_EQ(page->chooser()->tree()->currentItem()->text(0), qs(relu.name.zh));
    EXPECT_EQ(window->settings()->language(), "zh_CN");
    // No English words inside the formulas.
    for (const char* id : {"relu", "prelu", "rrelu", "softplus"}) {
        clickActivation(id);
        const QString formula = page->teachingPanel()->formulaLabel()->text();
        EXPECT_FALSE(formula.contains(QRegularExpression("\\b(if|is|eval)\\b")))
            << id << ": " << formula.toStdString();
        EXPECT_TRUE(formula.contains(QStringLiteral("当"))) << id;
    }
    clickActivation("relu");
    window->setLanguage("en");
    EXPECT_EQ(page->teachingPanel()->nameLabel()->text(), qs(relu.name.en));
    EXPECT_TRUE(page->teachingPanel()->formulaLabel()->text().contains(", if "));
}

// --- main window ------------------------------------------------------------------------------

TEST_F(ExplorerTest, ExplorerIsTheFirstPageAndMorePagesCanBeAdded) {
    ASSERT_EQ(window->pages()->count(), 3);
    EXPECT_EQ(window->pages()->widget(0), page);
    EXPECT_EQ(window->pages()->widget(1), window->networkPage());
    EXPECT_EQ(window->pages()->tabText(1), "Network");
    EXPECT_EQ(window->pages()->widget(2), window->sweepPage());
    EXPECT_EQ(window->pages()->tabText(2), "Sweeps");
    EXPECT_TRUE(window->pages()->tabBar()->isVisible());
    const int index = window->addPage(new QLabel("more"), "More");
    EXPECT_EQ(index, 3);
    EXPECT_EQ(window->pages()->tabText(3), "More");
}

TEST_F(ExplorerTest, MenusOfferStandardShortcuts) {
    QList<QKeySequence> shortcuts;
    for (QAction* menu : window->menuBar()->actions())
        for (QAction* a : menu->menu()->actions()) shortcuts << a->shortcuts();
    // ZoomIn and ZoomOut scale text and lines (presentation); FullScreen enters presentation.
    for (QKeySequence::StandardKey key :
         {QKeySequence::Quit, QKeySequence::Save, QKeySequence::Open, QKeySequence::New,
          QKeySequence::Find, QKeySequence::Copy, QKeySequence::ZoomIn, QKeySequence::ZoomOut,
          QKeySequence::FullScreen})
        if (!QKeySequence(key).isEmpty()) {  // FullScreen has no binding on some platforms
            EXPECT_TRUE(shortcuts.contains(QKeySequence(key)))
                << QKeySequence(key).toString().toStdString();
        }
    EXPECT_TRUE(shortcuts.contains(QKeySequence(Qt::Key_F11)));
    EXPECT_TRUE(shortcuts.contains(QKeySequence(Qt::CTRL | Qt::Key_Equal)));
    EXPECT_FALSE(window->statusBar()->currentMessage().isEmpty());
}

TEST_F(ExplorerTest, GeometryAndExplorerStateAreRestoredOnTheNextStart) {
    clickActivation("elu");
    page->setParameter("alpha", 2.5);
    state->setShowD2f(true);
    state->setXRange(-3, 4);
    window->resize(1111, 777);
    flush();
    window->close();
    window.reset();

    MainWindow again(new AppSettings(dir.filePath("settings.ini")));
    again.show();
    flush();
    EXPECT_EQ(again.size(), QSize(1111, 777));
    ExplorerState* restored = again.explorerState();
    EXPECT_EQ(restored->spec().id, "elu");
    EXPECT_EQ(restored->params()[0], 2.5);
    EXPECT_TRUE(restored->showD2f());
    EXPECT_EQ(restored->xMin(), -3.0);
    EXPECT_EQ(restored->xMax(), 4.0);
    EXPECT_EQ(again.explorerPage()->parameterPanel()->slider(0)->value(), 2.5);
    EXPECT_EQ(valueAt(again.explorerPage()->plot()->fGraph(), -3.0), 2.5 * std::expm1(-3.0));
}

}  // namespace
}  // namespace actlab::ui
