// GUI tests of the network page on the offscreen platform: they drive the page through its
// widgets and its public API and check what it shows (the heatmap's data, the epoch counter, the
// points, the banner) and what it trains (the networks in the published snapshots).

#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSet>
#include <QLabel>
#include <QSlider>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <cmath>
#include <filesystem>
#include <memory>

#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "common/parameter_panel.h"
#include "common/parameter_slider.h"
#include "common/text_line.h"
#include "explorer/explorer_state.h"
#include "network/boundary_items.h"
#include "network/boundary_plot.h"
#include "network/compare_view.h"
#include "network/dataset_panel.h"
#include "network/health_view.h"
#include "network/layer_controls.h"
#include "network/loss_chart.h"
#include "network/network_diagram.h"
#include "network/network_page.h"
#include "nn/session_state.h"
#include "network/output_panel.h"
#include "network/training_bar.h"
#include "network_test_support.h"
#include "nn/grid.h"

namespace actlab::ui {
namespace {

using test::layer;
using test::sameWeights;
using test::waitForPause;
using test::waitForSnapshot;
using test::waitUntil;

class NetworkPageTest : public ::testing::Test {
protected:
    void SetUp() override {
        window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
        window->resize(1600, 1000);
        window->show();
        window->pages()->setCurrentWidget(window->networkPage());
        page = window->networkPage();
        ASSERT_EQ(page->applySession(test::smallSession()), "");
        ASSERT_TRUE(waitForEpochZero());
    }

    bool waitForEpochZero() {
        return waitForSnapshot(page, [](const TrainingSnapshot& s) {
            return !s.networks.empty() && s.networks[0].epoch == 0;
        });
    }

    /// The heatmap's cells as the plot holds them.
    std::vector<double> heatmap() const {
        QCPColorMapData* d = page->outputPanel()->boundary()->colorMap()->data();
        std::vector<double> v;
        for (int i = 0; i < d->keySize(); ++i)
            for (int j = 0; j < d->valueSize(); ++j) v.push_back(d->cell(i, j));
        return v;
    }

    const NetworkFrame& frame(int k = 0) const {
        return page->latestSnapshot()->networks[std::size_t(k)];
    }

    QTemporaryDir dir;
    std::unique_ptr<MainWindow> window;
    NetworkPage* page = nullptr;
};

// --- training ----------------------------------------------------------------------------------

TEST_F(NetworkPageTest, PlayingForEpochsLowersTheLossAndChangesTheHeatmap) {
    const double loss0 = frame().metrics.trainLoss;
    const std::vector<double> map0 = heatmap();
    ASSERT_EQ(map0.size(), 100u * 100u);
    page->setEpochsPerFrame(10);
    QTest::mouseClick(page->trainingBar()->playButton(), Qt::LeftButton);
    EXPECT_TRUE(page->isPlaying());
    ASSERT_TRUE(
        waitForSnapshot(page, [](const TrainingSnapshot& s) { return s.networks[0].epoch >= 60; }));
    QTest::mouseClick(page->trainingBar()->playButton(), Qt::LeftButton);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) { return !s.playing; }));
    EXPECT_LT(frame().metrics.trainLoss, loss0 * 0.7);
    const std::vector<double> map1 = heatmap();
    // The heatmap shows the snapshot's grid, and it has changed.
    EXPECT_NE(map1, map0);
    const NetworkFrame& f = frame();
    QCPColorMapData* d = page->outputPanel()->boundary()->colorMap()->data();
    EXPECT_EQ(d->cell(0, 99), f.outputGrid[0]);              // x = −6, y = +6
    EXPECT_EQ(d->cell(99, 0), f.outputGrid[99 * 100 + 99]);  // x = +6, y = −6
    // The counter and the loss chart follow.
    EXPECT_EQ(page->trainingBar()->epochLabel()->text(), TrainingBar::epochText(f.epoch));
    // The chart's samples lie on a grid of powers of two (4 here, for frames of up to 10
    // epochs); its last one is at most one step behind the counter.
    const int lastSample = page->outputPanel()->lossChart()->samples(0).back().epoch;
    EXPECT_LE(lastSample, f.epoch);
    EXPECT_GT(lastSample, f.epoch - 4);
}

TEST_F(NetworkPageTest, StepAdvancesTheEpochByExactlyOne) {
    for (int expected = 1; expected <= 3; ++expected) {
        QTest::mouseClick(page->trainingBar()->stepButton(), Qt::LeftButton);
        ASSERT_TRUE(waitForSnapshot(
            page, [&](const TrainingSnapshot& s) { return s.networks[0].epoch >= expected; }));
        EXPECT_EQ(frame().epoch, expected);
        EXPECT_FALSE(page->isPlaying());
    }
    EXPECT_EQ(page->trainingBar()->epochLabel()->text(), "000,003");
}

TEST_F(NetworkPageTest, ResetRestoresTheInitialWeights) {
    const nn::Mlp initial = frame().network;
    page->trainEpochs(25);
    ASSERT_TRUE(waitForPause(page, 25));
    EXPECT_FALSE(frame().network == initial);
    QTest::mouseClick(page->trainingBar()->resetButton(), Qt::LeftButton);
    ASSERT_TRUE(
        waitForSnapshot(page, [](const TrainingSnapshot& s) { return s.networks[0].epoch == 0; }));
    EXPECT_TRUE(frame().network == initial);
    EXPECT_EQ(page->outputPanel()->lossChart()->samples(0).size(), 1u);  // the chart starts over
}

TEST_F(NetworkPageTest, DivergenceAutoPausesWithAMessageAndPlayResumesAtALowerRate) {
    ASSERT_EQ(page->applySession(test::divergingSession()), "");
    ASSERT_TRUE(waitForEpochZero());
    page->setPlaying(true);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return !s.playing && s.networks[0].divergedAt > 0;
    }));
    EXPECT_FALSE(page->isPlaying());
    EXPECT_TRUE(page->bannerLabel()->isVisible());
    EXPECT_TRUE(page->bannerLabel()->text().contains("lower learning rate"));
    EXPECT_TRUE(page->bannerLabel()->text().contains(QString::number(frame().divergedAt)));
    EXPECT_TRUE(frame().network.finite());  // the last good state is shown
    for (double v : heatmap()) ASSERT_TRUE(std::isfinite(v));
    const int stoppedAt = frame().epoch;
    page->setLearningRate(0.0005);
    page->trainEpochs(5);
    ASSERT_TRUE(waitForPause(page, stoppedAt + 5));
    EXPECT_FALSE(page->bannerLabel()->isVisible());
}

TEST_F(NetworkPageTest, SpaceTogglesPlayOnlyWhileThePageIsShown) {
    QTest::keyClick(window.get(), Qt::Key_Space);
    EXPECT_TRUE(page->isPlaying());
    QTest::keyClick(window.get(), Qt::Key_Space);
    EXPECT_FALSE(page->isPlaying());
    window->pages()->setCurrentIndex(0);  // the explorer
    EXPECT_FALSE(page->playAction()->isEnabled());
    window->pages()->setCurrentWidget(page);
    EXPECT_TRUE(page->playAction()->isEnabled());
}

TEST_F(NetworkPageTest, SpaceAndDotWorkAfterATextFieldIsLeftWithEnterOrEsc) {
    // A text field of the page: the first visible spin box (points, noise, a rate…).
    QAbstractSpinBox* field = nullptr;
    for (QAbstractSpinBox* box : page->findChildren<QAbstractSpinBox*>())
        if (box->isVisible() && box->isEnabled()) {
            field = box;
            break;
        }
    ASSERT_NE(field, nullptr);
    field->setFocus(Qt::MouseFocusReason);
    QCoreApplication::processEvents();
    ASSERT_EQ(QApplication::focusWidget(), field);
    // While it is being edited the field keeps Space: no training starts.
    QTest::keyClick(field, Qt::Key_Space);
    EXPECT_FALSE(page->isPlaying());
    // Enter ends the edit: Space plays and pauses again, with the focus still in the field.
    QTest::keyClick(field, Qt::Key_Return);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_TRUE(page->isPlaying());
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) { return s.playing; }));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    EXPECT_FALSE(page->isPlaying());
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) { return !s.playing; }));
    const int epoch = page->latestSnapshot()->networks.front().epoch;
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Period);  // "." steps one epoch
    ASSERT_TRUE(waitForPause(page, epoch + 1));
    EXPECT_EQ(page->epoch(), epoch + 1);

    // Typing starts a new edit; Esc ends it and gives the focus back to the page.
    field->setFocus(Qt::MouseFocusReason);
    QTest::keyClick(field, Qt::Key_1);
    QTest::keyClick(field, Qt::Key_Space);
    EXPECT_FALSE(page->isPlaying());
    QTest::keyClick(field, Qt::Key_Escape);
    EXPECT_NE(QApplication::focusWidget(), field);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget()
                                                : static_cast<QWidget*>(window.get()),
                    Qt::Key_Space);
    EXPECT_TRUE(page->isPlaying());
    page->setPlaying(false);
}

// --- data --------------------------------------------------------------------------------------

TEST_F(NetworkPageTest, ClicksAddPointsOfTheRightClassAtTheRightPlace) {
    BoundaryPlot* plot = page->outputPanel()->boundary();
    const auto count = page->data().train.size();
    const auto clickAt = [&](double x, double y, Qt::MouseButton button,
                             Qt::KeyboardModifiers mods) {
        QTest::mouseClick(plot, button, mods, plot->pixelFor(x, y).toPoint());
    };
    const double pixel = 12.0 / plot->axisRect()->width();  // one pixel in domain units
    clickAt(2, -3, Qt::LeftButton, {});
    ASSERT_EQ(page->data().train.size(), count + 1);
    EXPECT_NEAR(page->data().train.back().x, 2, pixel);
    EXPECT_NEAR(page->data().train.back().y, -3, pixel);
    EXPECT_EQ(page->data().train.back().label, 1);  // class A: blue, +1
    clickAt(-4.5, 1.5, Qt::RightButton, {});
    EXPECT_NEAR(page->data().train.back().x, -4.5, pixel);
    EXPECT_NEAR(page->data().train.back().y, 1.5, pixel);
    EXPECT_EQ(page->data().train.back().label, -1);  // class B: orange, −1
    clickAt(0.5, 0.5, Qt::LeftButton, Qt::ShiftModifier);
    EXPECT_EQ(page->data().train.back().label, -1);
    EXPECT_EQ(page->data().train.size(), count + 3);
    // The session now holds the points, and the trainers get them.
    ASSERT_TRUE(page->session().points.has_value());
    EXPECT_EQ(page->session().points->train.size(), count + 3);
    page->stepEpoch();
    ASSERT_TRUE(waitForPause(page, 1));

    // Erase mode removes the nearest point; undo brings it back.
    page->datasetPanel()->eraseButton()->click();
    EXPECT_TRUE(plot->eraseMode());
    clickAt(-4.5, 1.5, Qt::LeftButton, {});
    EXPECT_EQ(page->data().train.size(), count + 2);
    page->undoStack()->undo();
    EXPECT_EQ(page->data().train.size(), count + 3);
    EXPECT_EQ(page->data().train.back().label, -1);
}

TEST_F(NetworkPageTest, MultiClassClicksUseTheChosenClass) {
    nn::Session s = test::smallSession();
    s.generator.kind = nn::DatasetKind::Blobs;
    s.generator.classes = 4;
    EXPECT_TRUE(page->applySession(s).contains("two classes"));  // a tanh output does not fit
    s.network.output = nn::OutputKind::SoftmaxCe;
    s.network.outputs = 4;
    ASSERT_EQ(page->applySession(s), "");
    EXPECT_EQ(page->session().network.output, nn::OutputKind::SoftmaxCe);
    EXPECT_EQ(page->session().network.outputs, 4);
    page->datasetPanel()->setBrushClass(2);
    page->addPoint(1, 1, false);
    EXPECT_EQ(page->data().train.back().label, 2);
    page->addPoint(1, 1, true);
    EXPECT_EQ(page->data().train.back().label, 3);
}

TEST_F(NetworkPageTest, RegenerateAndClearAreUndoable) {
    const nn::Dataset before = page->data();
    page->datasetPanel()->regenerateButton()->click();
    EXPECT_NE(page->data(), before);
    page->clearPoints();
    EXPECT_TRUE(page->data().train.empty());
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) { return !s.hasTrainingSet; }));
    EXPECT_TRUE(page->bannerLabel()->text().contains("no training points"));
    EXPECT_FALSE(page->trainingBar()->stepButton()->isEnabled());
    page->undoStack()->undo();
    page->undoStack()->undo();
    EXPECT_EQ(page->data(), before);
    EXPECT_FALSE(page->session().points.has_value());
}

TEST_F(NetworkPageTest, DatasetChoicesRestartWithTheRightOutput) {
    page->datasetPanel()->kindButton(nn::DatasetKind::MultiSpiral)->click();
    EXPECT_EQ(page->session().generator.kind, nn::DatasetKind::MultiSpiral);
    EXPECT_EQ(page->session().network.output, nn::OutputKind::SoftmaxCe);
    EXPECT_EQ(page->data().numClasses, 3);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.networks[0].network.spec().output == nn::OutputKind::SoftmaxCe;
    }));
    page->datasetPanel()->kindButton(nn::DatasetKind::Plane)->click();
    EXPECT_EQ(page->session().network.output, nn::OutputKind::LinearSquare);
    EXPECT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.networks[0].network.spec().output == nn::OutputKind::LinearSquare;
    }));
    page->datasetPanel()->noiseSlider()->setValue(25);
    EXPECT_EQ(page->session().generator.noisePercent, 25);
}

TEST_F(NetworkPageTest, CsvRoundTripAndAClearMessageForBadFiles) {
    const QString path = dir.filePath("points.csv");
    ASSERT_EQ(page->exportCsv(path), "");
    {
        // C-locale numbers whatever the system's (de_DE.test_network_page runs this under the
        // German locale): every row has the header's number of fields, none a decimal comma.
        QFile exported(path);
        ASSERT_TRUE(exported.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = exported.readAll().trimmed().split('\n');
        ASSERT_GT(lines.size(), 10);
        const qsizetype fields = lines.front().count(',');
        for (const QByteArray& line : lines) EXPECT_EQ(line.count(','), fields) << line.data();
    }
    const nn::Dataset before = page->data();
    page->regenerateData();
    ASSERT_EQ(page->importCsv(path), "");
    EXPECT_EQ(page->data().train, before.train);
    EXPECT_EQ(page->data().test, before.test);

    const QString bad = dir.filePath("bad.csv");
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("x,y,label\n1,2,1\n3,oops,1\n");
    f.close();
    const nn::Dataset kept = page->data();
    const QString error = page->importCsv(bad);
    EXPECT_TRUE(error.contains("line 3")) << error.toStdString();
    EXPECT_EQ(page->data(), kept);
    EXPECT_FALSE(page->importCsv(dir.filePath("missing.csv")).isEmpty());
}

// --- layers and the explorer --------------------------------------------------------------------

TEST_F(NetworkPageTest, ChangingALayersActivationChangesTheNetworks) {
    LayerControls* controls = page->layerControls();
    controls->setApplyToAll(false);
    page->selectLayer(1);
    QComboBox* box = controls->activationBox();
    const int relu = box->findData("relu");
    ASSERT_GE(relu, 0);
    box->setCurrentIndex(relu);
    emit box->activated(relu);
    EXPECT_EQ(page->session().network.hidden[1].activation, "relu");
    EXPECT_EQ(page->session().network.hidden[0].activation, "tanh");
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.networks[0].network.activationOf(1)->id == "relu";
    }));
    EXPECT_EQ(frame().network.activationOf(0)->id, "tanh");
    EXPECT_EQ(page->diagram()->layerChip(1)->text(), "ReLU");
    // With "same for every layer", one choice changes them all.
    controls->setApplyToAll(true);
    ASSERT_TRUE(page->setLayerActivation(-1, "gelu"));
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.networks[0].network.activationOf(0)->id == "gelu" &&
               s.networks[0].network.activationOf(1)->id == "gelu";
    }));
}

TEST_F(NetworkPageTest, ALayersSliderChangesTheRunningNetworkAndTheExplorer) {
    ASSERT_TRUE(page->setLayerActivation(-1, "elu"));
    page->selectLayer(0);
    ExplorerState* explorer = window->explorerState();
    EXPECT_EQ(explorer->spec().id, "elu");
    page->setEpochsPerFrame(2);
    page->setPlaying(true);
    ParameterSlider* alpha = page->layerControls()->parameters()->slider("alpha");
    ASSERT_NE(alpha, nullptr);
    QSlider* s = alpha->slider();
    s->setSliderDown(true);
    s->setSliderPosition(alpha->tickFor(2.0));
    s->setSliderDown(false);
    EXPECT_DOUBLE_EQ(page->session().network.hidden[0].params[0], 2.0);
    EXPECT_DOUBLE_EQ(page->session().network.hidden[1].params[0], 2.0);  // same for every layer
    EXPECT_DOUBLE_EQ(explorer->params()[0], 2.0);  // the explorer shows the same function
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.playing && s.networks[0].network.spec().hidden[0].params[0] == 2.0;
    }));
    // And the other way: the explorer's slider reaches the running network.
    explorer->setParam(0, 0.4);
    EXPECT_DOUBLE_EQ(page->session().network.hidden[0].params[0], 0.4);
    EXPECT_DOUBLE_EQ(page->layerControls()->parameters()->slider(0)->value(), 0.4);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.networks[0].network.spec().hidden[1].params[0] == 0.4;
    }));
    page->setPlaying(false);
    // A rejected value is shown with a message and not applied.
    EXPECT_FALSE(page->setLayerParameter(0, "alpha", std::nan("")));
    EXPECT_DOUBLE_EQ(page->session().network.hidden[0].params[0], 0.4);
}

TEST_F(NetworkPageTest, TheDiagramEditsLayersNeuronsAndFeatures) {
    NetworkDiagram* d = page->diagram();
    ASSERT_EQ(d->layerCount(), 2);
    d->addLayerButton()->click();
    EXPECT_EQ(page->session().network.hidden.size(), 3u);
    EXPECT_EQ(d->layerCount(), 3);
    d->addNeuronButton(0)->click();
    EXPECT_EQ(page->session().network.hidden[0].neurons, 5);
    d->removeNeuronButton(2)->click();
    EXPECT_EQ(page->session().network.hidden[2].neurons, 3);
    d->featureButton(nn::Feature::SinX)->click();
    EXPECT_EQ(page->session().network.features.size(), 3u);
    d->featureButton(nn::Feature::X)->click();
    d->featureButton(nn::Feature::Y)->click();
    page->trainEpochs(3);
    ASSERT_TRUE(waitForPause(page, 3));
    const std::size_t samples = page->outputPanel()->lossChart()->samples(0).size();
    d->featureButton(nn::Feature::SinX)->click();  // the last one stays, and training goes on
    EXPECT_EQ(page->session().network.features, std::vector<nn::Feature>{nn::Feature::SinX});
    EXPECT_TRUE(d->featureButton(nn::Feature::SinX)->isChecked());
    EXPECT_EQ(page->outputPanel()->lossChart()->samples(0).size(), samples);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.networks[0].network.inputs() == 1 && s.networks[0].network.layers().size() == 4;
    }));
    // Neuron thumbnails: one image per unit of the focused network.
    EXPECT_EQ(frame().unitGrids.size(),
              std::size_t(nn::GridEvaluator::unitCount(frame().network)) * 32 * 32);
}

TEST_F(NetworkPageTest, HoveringANeuronShowsItLargeInTheOutputPlot) {
    page->trainEpochs(5);
    ASSERT_TRUE(waitForPause(page, 5));
    NetworkDiagram* d = page->diagram();
    const QPoint at = d->nodeCenter(0, 1).toPoint();
    QTest::mouseMove(d, at);
    BoundaryPlot* plot = page->outputPanel()->boundary();
    ASSERT_TRUE(waitUntil([&] { return plot->showingUnit(); }, 5000));
    QTest::mouseMove(d, QPoint(2, d->height() - 2));
    EXPECT_FALSE(plot->showingUnit());
}

// --- compare mode ------------------------------------------------------------------------------

TEST_F(NetworkPageTest, CompareModeTrainsSeveralNetworksFromIdenticalWeights) {
    ASSERT_EQ(page->setCompare({"relu", "tanh", "sigmoid", "elu"}), "");
    EXPECT_EQ(page->currentView(), NetworkPage::View::Compare);
    CompareView* view = page->compareView();
    ASSERT_EQ(view->cellCount(), 4);
    ASSERT_TRUE(
        waitForSnapshot(page, [](const TrainingSnapshot& s) { return s.networks.size() == 4; }));
    for (int k = 1; k < 4; ++k) EXPECT_TRUE(sameWeights(frame(k).network, frame(0).network)) << k;
    page->trainEpochs(20);
    ASSERT_TRUE(waitForPause(page, 20));
    for (int k = 0; k < 4; ++k) {
        EXPECT_EQ(frame(k).epoch, 20);
        EXPECT_EQ(frame(k).network.activationOf(0)->id, page->session().compare[std::size_t(k)].activation);
        EXPECT_EQ(view->lossChart()->samples(k).back().epoch, 20);
        // Each cell's map shows its own network.
        QCPColorMapData* d = view->cell(k)->plot()->colorMap()->data();
        EXPECT_EQ(d->cell(0, 99), frame(k).outputGrid[0]);
    }
    EXPECT_FALSE(sameWeights(frame(0).network, frame(1).network));
    EXPECT_TRUE(view->cell(2)->titleLabel()->text().contains("Sigmoid"));
    EXPECT_TRUE(view->cell(2)->statsLabel()->text().contains("loss"));

    // A click opens a cell in the full view (without adding its samples to the charts again).
    const std::size_t samples = view->lossChart()->samples(0).size();
    QTest::mouseClick(view->cell(3)->plot(), Qt::LeftButton, {}, QPoint(40, 40));
    EXPECT_EQ(view->lossChart()->samples(0).size(), samples);
    EXPECT_EQ(page->outputPanel()->lossChart()->samples(0).size(), samples);
    EXPECT_EQ(page->focus(), 3);
    EXPECT_EQ(page->currentView(), NetworkPage::View::Network);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& s) {
        return s.focus == 3 && !s.networks[3].unitGrids.empty();
    }));
    EXPECT_EQ(page->diagram()->layerChip(0)->text(), "ELU");
    EXPECT_FALSE(page->layerControls()->activationBox()->isEnabled());
    EXPECT_EQ(page->outputPanel()->boundary()->colorMap()->data()->cell(0, 99),
              frame(3).outputGrid[0]);

    // Invalid sets are refused with a reason; an empty set ends compare mode.
    EXPECT_FALSE(page->setCompare({"relu"}).isEmpty());
    EXPECT_FALSE(page->setCompare({"relu", "nope"}).isEmpty());
    EXPECT_EQ(page->compared().size(), 4);
    ASSERT_EQ(page->setCompare({}), "");
    EXPECT_TRUE(page->session().compare.empty());
    EXPECT_TRUE(page->layerControls()->activationBox()->isEnabled());
}

TEST_F(NetworkPageTest, TheHealthViewHasOneCardPerNetwork) {
    nn::Session s = test::smallSession();
    s.network.hidden.assign(5, layer(6, "sigmoid"));
    s.compare = {"sigmoid", "relu"};
    s.view.panel = "health";
    ASSERT_EQ(page->applySession(s), "");
    EXPECT_EQ(page->currentView(), NetworkPage::View::Health);
    page->trainEpochs(5);
    ASSERT_TRUE(waitForPause(page, 5));
    HealthView* health = page->healthView();
    ASSERT_EQ(health->cardCount(), 2);
    const auto& sigmoid = health->card(0)->gradientBars();
    ASSERT_EQ(sigmoid.size(), 6u);
    EXPECT_EQ(sigmoid.front()->data()->at(0)->value, frame(0).recentGradNorm.front());
    EXPECT_LT(sigmoid.front()->data()->at(0)->value, sigmoid.back()->data()->at(0)->value / 50);
}

// --- sessions ----------------------------------------------------------------------------------

TEST_F(NetworkPageTest, AnInvalidSessionChangesNothing) {
    const nn::Session before = page->session();
    nn::Session bad = test::smallSession();
    bad.network.hidden[0].activation = "swishy";
    EXPECT_TRUE(page->applySession(bad).contains("swishy"));
    bad = test::smallSession();
    bad.compare = {"relu", "relu"};
    EXPECT_FALSE(page->applySession(bad).isEmpty());
    bad = test::smallSession();
    bad.training.learningRate = -1;
    EXPECT_FALSE(page->applySession(bad).isEmpty());
    EXPECT_EQ(page->session(), before);
}

TEST_F(NetworkPageTest, ASavedTrainingReopensWhereItStoppedAndContinuesExactly) {
    nn::Session s = test::smallSession();
    s.training.mode = nn::TrainingMode::Standard;
    s.training.optimizer = nn::OptimizerKind::Adam;
    s.training.learningRate = 0.01;
    ASSERT_EQ(page->applySession(s), "");
    // An uninterrupted run of 15 epochs, for reference.
    page->trainEpochs(15);
    ASSERT_TRUE(waitForPause(page, 15));
    const nn::Mlp uninterrupted = frame().network;
    page->resetTraining();
    ASSERT_TRUE(waitForEpochZero());

    page->trainEpochs(10);
    ASSERT_TRUE(waitForPause(page, 10));
    const nn::Mlp at10 = frame().network;
    const nn::Session trained = page->trainedSession();
    ASSERT_TRUE(trained.weights.has_value());
    EXPECT_EQ(trained.epoch, 10);
    ASSERT_TRUE(trained.optimizerState.has_value());
    ASSERT_FALSE(trained.history.empty());
    EXPECT_EQ(trained.history.epochs.front(), 0);
    EXPECT_EQ(trained.history.epochs.back(), 10);
    // The page's own session stays the untrained experiment.
    EXPECT_FALSE(page->session().weights.has_value());

    const nn::SessionLoad load = nn::parseSession(nn::serializeSession(trained));
    ASSERT_TRUE(load.ok()) << load.error;
    ASSERT_EQ(page->applySession(nn::untrainedSession(load.session)), "");
    ASSERT_TRUE(waitForEpochZero());
    ASSERT_EQ(page->applySession(load.session), "");
    // Reopened: the same epoch, weights and loss chart as when it was saved.
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& snap) {
        return !snap.networks.empty() && snap.networks[0].epoch == 10;
    }));
    EXPECT_TRUE(sameWeights(frame().network, at10));
    const auto& chart = page->outputPanel()->lossChart()->samples(0);
    ASSERT_EQ(chart.size(), trained.history.size());
    EXPECT_EQ(chart.front().epoch, 0);
    EXPECT_EQ(chart.back().epoch, 10);
    // Training continues from there, exactly as if it had never stopped (Adam's moments kept).
    page->trainEpochs(5);
    ASSERT_TRUE(waitForPause(page, 15));
    EXPECT_TRUE(sameWeights(frame().network, uninterrupted));
    // Reset starts the run over from epoch 0 with the initial weights.
    page->resetTraining();
    ASSERT_TRUE(waitForEpochZero());
    EXPECT_TRUE(sameWeights(frame().network, nn::sessionNetwork(s)));
    EXPECT_EQ(page->outputPanel()->lossChart()->samples(0).size(), 1u);
}

TEST_F(NetworkPageTest, ATrainedComparisonKeepsEveryNetworkAcrossSaveAndOpen) {
    nn::Session s = test::smallSession();
    s.compare = {"relu", "tanh", "gelu"};
    ASSERT_EQ(page->applySession(s), "");
    page->trainEpochs(12);
    ASSERT_TRUE(waitForPause(page, 12));
    std::vector<nn::Mlp> before;
    for (const NetworkFrame& f : page->latestSnapshot()->networks) before.push_back(f.network);
    const nn::Session trained = page->trainedSession();
    ASSERT_EQ(trained.compareWeights.size(), 3u);
    for (const char* id : {"relu", "tanh", "gelu"}) {
        ASSERT_TRUE(trained.compareWeights.count(id)) << id;
        EXPECT_EQ(trained.compareWeights.at(id).epoch, 12);
        EXPECT_EQ(trained.compareWeights.at(id).history.epochs.back(), 12);
    }
    const nn::SessionLoad load = nn::parseSession(nn::serializeSession(trained));
    ASSERT_TRUE(load.ok()) << load.error;
    ASSERT_EQ(page->applySession(test::smallSession()), "");
    ASSERT_TRUE(waitForEpochZero());
    ASSERT_EQ(page->applySession(load.session), "");
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& snap) {
        return snap.networks.size() == 3 && snap.networks[0].epoch == 12;
    }));
    const auto& networks = page->latestSnapshot()->networks;
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(networks[k].epoch, 12) << k;
        EXPECT_TRUE(sameWeights(networks[k].network, before[k])) << k;
        EXPECT_EQ(page->outputPanel()->lossChart()->samples(int(k)).back().epoch, 12) << k;
    }
    // Saving again without training writes the same state.
    const nn::Session again = page->trainedSession();
    EXPECT_EQ(again.compareWeights.at("gelu").weights, trained.compareWeights.at("gelu").weights);
}

TEST_F(NetworkPageTest, ALessonsStopAtEpochPausesTrainingThereWithABanner) {
    nn::Session s = test::smallSession();
    s.stopAtEpoch = 23;
    ASSERT_EQ(page->applySession(s), "");
    page->setEpochsPerFrame(10);
    page->setPlaying(true);
    ASSERT_TRUE(waitForPause(page, 23));
    EXPECT_EQ(frame().epoch, 23);
    QCoreApplication::processEvents();
    auto* banner = page->findChild<QLabel*>("banner");
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisibleTo(page));
    EXPECT_TRUE(banner->text().contains("23")) << banner->text().toStdString();
    // Play goes on past it.
    page->setPlaying(true);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& snap) {
        return !snap.networks.empty() && snap.networks[0].epoch > 40;
    }));
    page->setPlaying(false);
    ASSERT_TRUE(waitForSnapshot(page, [](const TrainingSnapshot& snap) { return !snap.playing; }));
    EXPECT_FALSE(page->findChild<QLabel*>("banner")->isVisibleTo(page));
}

TEST_F(NetworkPageTest, EveryLessonOpens) {
    const std::filesystem::path lessons = std::filesystem::path(ACTLAB_LESSONS_DIR);
    int opened = 0;
    for (const auto& e : std::filesystem::directory_iterator(lessons)) {
        if (!e.path().string().ends_with(".actlab.json")) continue;
        const nn::SessionLoad load = nn::loadSessionFile(e.path().string());
        ASSERT_TRUE(load.ok()) << load.error;
        EXPECT_EQ(page->applySession(load.session), "") << e.path();
        EXPECT_EQ(page->session().compare, load.session.compare);
        ++opened;
    }
    EXPECT_GT(opened, 0);
    ASSERT_TRUE(waitForEpochZero());
}

TEST_F(NetworkPageTest, SettingsAreRestoredOnTheNextStart) {
    nn::Session s = test::smallSession();
    s.generator.kind = nn::DatasetKind::Moons;
    ASSERT_EQ(page->applySession(s), "");
    page->setEpochsPerFrame(50);
    page->outputPanel()->showTestBox()->setChecked(true);
    page->showView(NetworkPage::View::Health);
    page->addPoint(1, 2, false);
    window->close();
    window.reset();
    {
        AppSettings settings(dir.filePath("settings.ini"));
        const nn::SessionLoad load = nn::loadSessionFile(settings.stateFilePath().toStdString());
        ASSERT_TRUE(load.ok()) << load.error;
        EXPECT_EQ(edits::check(load.session), "");
    }
    window = std::make_unique<MainWindow>(new AppSettings(dir.filePath("settings.ini")));
    page = window->networkPage();
    // Edited points are saved as points (a session has a generator or points, not both).
    ASSERT_TRUE(page->session().points.has_value());
    EXPECT_EQ(page->data().train.size(), 101u);
    EXPECT_EQ(page->data().train.back(), (nn::Point{1, 2, 1}));
    EXPECT_EQ(page->epochsPerFrame(), 50);
    EXPECT_TRUE(page->outputPanel()->showTestBox()->isChecked());
    EXPECT_EQ(page->currentView(), NetworkPage::View::Health);
}

TEST_F(NetworkPageTest, ExportsTheFigures) {
    page->trainEpochs(3);
    ASSERT_TRUE(waitForPause(page, 3));
    for (auto [name, format] :
         {std::pair{"b.png", PlotExport::Format::Png}, std::pair{"b.svg", PlotExport::Format::Svg},
          std::pair{"b.pdf", PlotExport::Format::Pdf}}) {
        const QString path = dir.filePath(name);
        EXPECT_EQ(page->exportBoundary(path, format, 2), "");
        EXPECT_GT(QFile(path).size(), 1000) << name;
    }
    EXPECT_EQ(page->exportLossChart(dir.filePath("l.png"), PlotExport::Format::Png), "");
    EXPECT_FALSE(
        page->exportBoundary(dir.filePath("no/such/dir/b.png"), PlotExport::Format::Png).isEmpty());
}

TEST_F(NetworkPageTest, EveryViewExportsWhole) {
    page->trainEpochs(3);
    ASSERT_TRUE(waitForPause(page, 3));
    for (NetworkPage::View view :
         {NetworkPage::View::Network, NetworkPage::View::Compare, NetworkPage::View::Health}) {
        page->showView(view);
        QCoreApplication::processEvents();
        const QString png = dir.filePath(QStringLiteral("view%1.png").arg(int(view)));
        ASSERT_EQ(page->exportCurrentView(png, PlotExport::Format::Png, 2), "");
        const QImage image(png);
        ASSERT_FALSE(image.isNull());
        EXPECT_GT(image.width(), 400);
        // Drawn, not blank: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7) colours.insert(image.pixel(x, y));
        EXPECT_GT(colours.size(), 20) << int(view);
        const QString svg = dir.filePath(QStringLiteral("view%1.svg").arg(int(view)));
        ASSERT_EQ(page->exportCurrentView(svg, PlotExport::Format::Svg), "");
        QFile svgFile(svg);
        ASSERT_TRUE(svgFile.open(QIODevice::ReadOnly));
        EXPECT_TRUE(svgFile.readAll().contains("<svg"));
        const QString pdf = dir.filePath(QStringLiteral("view%1.pdf").arg(int(view)));
        ASSERT_EQ(page->exportCurrentView(pdf, PlotExport::Format::Pdf), "");
        QFile pdfFile(pdf);
        ASSERT_TRUE(pdfFile.open(QIODevice::ReadOnly));
        EXPECT_TRUE(pdfFile.read(5) == "%PDF-");
    }
}

}  // namespace
}  // namespace actlab::ui
