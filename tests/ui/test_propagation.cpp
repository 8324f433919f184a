// The explorer's signal-propagation view: what it shows for the explorer's activation (the phase
// diagram, the maps, the depth curves, the simulated network and the mean map) and how it answers
// the sliders, the init presets, a click on the diagram and a new activation or parameter.

#include <gtest/gtest.h>

#include <QComboBox>
#include <QLabel>
#include <QMouseEvent>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <memory>

#include "activations/activation_call.h"
#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "explorer/propagation_plots.h"
#include "explorer/propagation_view.h"
#include "network_test_support.h"
#include "qcustomplot.h"
#include "theory/mean_field.h"

namespace actlab::ui {
namespace {

class PropagationTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        window->resize(1400, 900);
        window->show();
        page = window->explorerPage();
        view = page->propagationView();
    }
    /// Shows `id` in the view at (σ_w², σ_b²) and waits until everything is computed.
    void show(const char* id, double w, double b) {
        ASSERT_TRUE(page->selectActivation(QString::fromLatin1(id)));
        page->showPropagation(true);
        view->setVariances({w, b});
        waitUpToDate();
    }
    void waitUpToDate() { ASSERT_TRUE(test::waitUntil([&] { return view->isUpToDate(); })); }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    ExplorerPage* page = nullptr;
    PropagationView* view = nullptr;
};

TEST_F(PropagationTest, ReluAtHeIsCriticalAndTheDiagramHalvesChiAtHalfTheVariance) {
    show("relu", 1.0, 0.0);
    auto* preset = view->findChild<QComboBox*>();
    ASSERT_NE(preset, nullptr);
    const int he = preset->findText(QStringLiteral("He (2, 0)"));
    ASSERT_GT(he, 0);
    preset->setCurrentIndex(he);
    emit preset->activated(he);
    waitUpToDate();
    EXPECT_EQ(view->variances().sigmaW2, 2.0);
    EXPECT_EQ(view->variances().sigmaB2, 0.0);
    EXPECT_NEAR(view->figures().analysis.chi1, 1.0, 1e-9);
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("critical"))) << view->summaryText().toStdString();
    // ReLU: χ₁ = σ_w²/2 whatever σ_b² (below the critical slope): log₂ χ₁ at the cell centres.
    for (double b : {0.0525, 0.2475, 0.4475})
        for (double w : {0.98, 1.5, 3.02})
            EXPECT_NEAR(view->plots()->phaseValueAt(w, b), std::clamp(std::log2(w / 2), -2.0, 2.0),
                        1e-6)
                << w << ", " << b;
    EXPECT_TRUE(page->propagationAction()->isChecked());
    EXPECT_FALSE(page->allActivationsShown());
}

TEST_F(PropagationTest, TheSimulationIsDrawnOverTheTheoryAndFollowsTheDepth) {
    show("tanh", 1.5, 0.05);
    ASSERT_TRUE(view->isSimulating());
    EXPECT_EQ(view->plots()->simulatedPoints(), 51);
    const auto& theory = view->figures().depth.q;
    const auto& simulated = view->simulation().q;
    ASSERT_EQ(simulated.size(), theory.size());
    // One network of width 512 scatters by about 7 % per layer around the theory
    // (tests/core/test_theory_simulation.cpp); over the 50 layers it follows it to a few %.
    double ratio = 0;
    for (std::size_t l = 0; l < theory.size(); ++l) {
        EXPECT_NEAR(simulated[l], theory[l], 0.25 * theory[l]) << "layer " << l;
        ratio += simulated[l] / theory[l] / double(theory.size());
    }
    EXPECT_NEAR(ratio, 1.0, 0.05);
    // The theory curve holds the plotted values.
    QCPGraph* q = view->plots()->depth()->graph(0);
    ASSERT_EQ(q->dataCount(), 51);
    EXPECT_DOUBLE_EQ(q->data()->at(20)->value, theory[20]);

    view->setDepth(20);
    waitUpToDate();
    EXPECT_EQ(view->plots()->depth()->graph(0)->dataCount(), 21);
    EXPECT_EQ(view->plots()->simulatedPoints(), 21);
    view->setSimulating(false);
    EXPECT_EQ(view->plots()->simulatedPoints(), 0);
}

TEST_F(PropagationTest, TheMeanMapShowsSelusAttractingFixedPointAndIsLeftOutForOddActivations) {
    show("selu", 1.0, 0.0);
    const auto& f = view->figures();
    ASSERT_TRUE(f.meanShown);
    ASSERT_TRUE(f.meanFixed.found);
    EXPECT_NEAR(f.meanFixed.point.mean, 0.0, 1e-6);
    EXPECT_NEAR(f.meanFixed.point.variance, 1.0, 1e-6);
    EXPECT_TRUE(f.meanFixed.attracting());
    EXPECT_FALSE(view->plots()->meanMap()->isHidden());
    EXPECT_TRUE(view->plots()->meanNote()->isHidden());
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("attracting")));
    // The curves from (1, 2) approach it.
    const auto& mu = f.meanCurves.mean;
    EXPECT_LT(std::abs(mu.back()), 0.1 * std::abs(mu.front()));

    show("tanh", 1.0, 0.0);
    EXPECT_FALSE(view->figures().meanShown);
    EXPECT_TRUE(view->plots()->meanMap()->isHidden());
    EXPECT_FALSE(view->plots()->meanNote()->isHidden());
}

TEST_F(PropagationTest, AClickOnTheDiagramChoosesThatPoint) {
    show("tanh", 1.0, 0.0);
    QCustomPlot* phase = view->plots()->phase();
    phase->replot(QCustomPlot::rpImmediateRefresh);
    const QPoint at(int(phase->xAxis->coordToPixel(2.5)), int(phase->yAxis->coordToPixel(0.25)));
    QTest::mouseClick(phase, Qt::LeftButton, Qt::NoModifier, at);
    waitUpToDate();
    EXPECT_NEAR(view->variances().sigmaW2, 2.5, 0.04);  // a pixel is about 0.016
    EXPECT_NEAR(view->variances().sigmaB2, 0.25, 0.006);
    EXPECT_EQ(view->figures().analysis.phase, theory::Phase::Chaotic);
}

TEST_F(PropagationTest, AParameterOfTheActivationRecomputesEverything) {
    show("leaky_relu", 2.0, 0.0);
    EXPECT_NEAR(view->figures().analysis.chi1, 2.0 * (1 + 0.01 * 0.01) / 2, 1e-9);
    ASSERT_TRUE(page->setParameter(QStringLiteral("negative_slope"), 0.5));
    EXPECT_FALSE(view->isUpToDate());
    waitUpToDate();
    EXPECT_NEAR(view->figures().analysis.chi1, 1.25, 1e-9);
    EXPECT_NEAR(view->plots()->phaseValueAt(1.02, 0.0025), std::log2(1.02 * 1.25 / 2), 1e-6);
}

TEST_F(PropagationTest, ADragUsesTheLivePlotsRulesAndTheReleaseTheFullOnes) {
    show("tanh", 1.0, 0.05);
    QSlider* w = nullptr;
    for (QSlider* s : view->findChildren<QSlider*>())
        if (s->accessibleName().contains(QStringLiteral("Weight"))) w = s;
    ASSERT_NE(w, nullptr);
    w->setSliderDown(true);  // pressed
    w->setValue(w->value() + 50);  // σ_w² + 0.5
    waitUpToDate();
    const theory::Variances v = view->variances();
    EXPECT_NEAR(v.sigmaW2, 1.5, 1e-12);
    theory::MeanField exact(resolveActivation("tanh", {}).call);
    const double chi1 = exact.analyse(v).chi1;
    EXPECT_NEAR(view->figures().analysis.chi1, chi1, 1e-7 * chi1) << "live rules: 1e-8 relative";
    w->setSliderDown(false);  // released: computed again with the full rules
    waitUpToDate();
    EXPECT_EQ(view->figures().analysis.chi1, chi1);
}

TEST_F(PropagationTest, AboveTheCriticalSlopeReluHasNoFixedLengthAndSaysSo) {
    show("relu", 3.0, 0.0);
    EXPECT_TRUE(std::isinf(view->figures().analysis.qStar));
    EXPECT_TRUE(view->summaryText().contains(QStringLiteral("grows without bound")))
        << view->summaryText().toStdString();
    const auto& q = view->figures().depth.q;
    EXPECT_GT(q.back(), 1e6 * q.front()) << "q_l grows by 1.5 per layer";
}

}  // namespace
}  // namespace actlab::ui
