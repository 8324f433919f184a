// Formula activations in the GUI: typing a formula in the explorer shows f, f′ and f″ and the
// derivative formulas; an error keeps the previous curve; the gallery, the parameters' sliders
// with editable defaults and ranges, the settings; and a network layer trained with a formula,
// saved and opened again.

#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <cmath>
#include <vector>

#include "activations/curve.h"
#include "activations/formula_activation.h"
#include "activations/formula_gallery.h"
#include "common/activation_chooser.h"
#include "common/app_settings.h"
#include "common/formula_editor.h"
#include "common/number_entry.h"
#include "common/parameter_panel.h"
#include "common/parameter_slider.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "explorer/formula_ranges.h"
#include "explorer/small_multiples_view.h"
#include "explorer/teaching_panel.h"
#include "formula/formula.h"
#include "network/compare_view.h"
#include "network/formula_dialog.h"
#include "network/layer_controls.h"
#include "network_test_support.h"
#include "nn/layer_activation.h"
#include "nn/session.h"
#include "ui_test_support.h"

namespace actlab::ui {
namespace {

class FormulaExplorerTest : public ::testing::Test {
protected:
    void SetUp() override {
        page.resize(1400, 900);
        page.show();
        page.state()->setShowD2f(true);
        test::flush();
    }
    /// The core's f, f′ and f″ of the current activation on the plot's samples.
    Curve expected() const {
        const ExplorerState& s = *page.state();
        return sampleCurve(s.call(), s.xMin(), s.xMax(), ExplorerState::kSampleCount);
    }
    ExplorerPage page;
};

TEST_F(FormulaExplorerTest, TypingAFormulaShowsItsThreeCurvesAndDerivativeFormulas) {
    ASSERT_EQ(page.typeFormula(QStringLiteral("x*sigmoid(b*x)")), "");
    test::flush();
    const ExplorerState& s = *page.state();
    ASSERT_TRUE(s.spec().isFormula());
    EXPECT_EQ(formulaText(s.spec()), "x*sigmoid(b*x)");
    // The plotted samples are the formula program's values, f″ included.
    const Curve c = expected();
    test::expectGraphShowsSamples(page.plot()->fGraph(), c.x, c.f, "f");
    test::expectGraphShowsSamples(page.plot()->dfGraph(), c.x, c.df, "f'");
    test::expectGraphShowsSamples(page.plot()->d2fGraph(), c.x, c.d2f, "f''");
    // x·σ(x) at x = 2 (b = 1): 2/(1 + e⁻²).
    EXPECT_NEAR(s.call().spec->f(2.0, s.params()), 2 / (1 + std::exp(-2.0)), 1e-15);
    // The derivative formulas are shown; b is the one slider, from −5 to 5 starting at 1.
    const QString d = page.formulaEditor()->derivativesText();
    EXPECT_TRUE(d.contains(QStringLiteral("f\u2032(x) = "))) << d.toStdString();
    EXPECT_TRUE(d.contains(QStringLiteral("sigmoid(b*x)"))) << d.toStdString();
    EXPECT_TRUE(d.contains(QStringLiteral("f\u2033(x) = "))) << d.toStdString();
    // The notes show them too, larger, under f and above the parameter's value.
    const QString notes = page.teachingPanel()->formulaLabel()->text();
    EXPECT_TRUE(notes.contains(QStringLiteral("sigmoid(b*x) + b*x*sigmoid(b*x)*(1 - sigmoid(b*x))")))
        << notes.toStdString();
    EXPECT_LT(notes.indexOf(QStringLiteral("\u2033")), notes.indexOf(QStringLiteral("<i>b</i> = 1")));
    ASSERT_EQ(page.parameterPanel()->count(), 1);
    const ParameterSlider* b = page.parameterPanel()->slider(0);
    EXPECT_EQ(b->spec().id, "b");
    EXPECT_EQ(b->value(), 1.0);
    EXPECT_EQ(b->spec().min, -5.0);
    EXPECT_EQ(b->spec().max, 5.0);
    // The chooser no longer marks a built-in as shown.
    EXPECT_EQ(page.chooser()->tree()->currentItem(), nullptr);
    // Choosing a built-in again works, and Enter in the field brings the formula back.
    ASSERT_TRUE(page.selectActivation(QStringLiteral("relu")));
    EXPECT_FALSE(page.state()->spec().isFormula());
    QTest::keyClick(page.formulaEditor()->edit(), Qt::Key_Return);
    EXPECT_EQ(formulaText(page.state()->spec()), "x*sigmoid(b*x)");
}

TEST_F(FormulaExplorerTest, AnErrorIsShownWithItsColumnAndThePreviousCurveStays) {
    ASSERT_EQ(page.typeFormula(QStringLiteral("tanh(a*x)")), "");
    test::flush();
    const Curve before = expected();
    QLineEdit* edit = page.formulaEditor()->edit();
    // Typed key by key: "tanh(a*x" is an error at every keystroke after the ')' was removed.
    edit->setFocus();
    edit->end(false);
    QTest::keyClick(edit, Qt::Key_Backspace);
    test::flush();
    const QString error = page.formulaEditor()->errorText();
    EXPECT_TRUE(error.contains(QStringLiteral("expected ')'"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("column 9"))) << error.toStdString();
    EXPECT_EQ(formulaText(page.state()->spec()), "tanh(a*x)");
    test::expectGraphShowsSamples(page.plot()->fGraph(), before.x, before.f, "kept f");
    // An unknown function lists the valid ones.
    const QString unknown = page.typeFormula(QStringLiteral("relu(x)"));
    EXPECT_TRUE(unknown.contains(QStringLiteral("unknown function"))) << unknown.toStdString();
    EXPECT_TRUE(unknown.contains(QStringLiteral("sigmoid"))) << unknown.toStdString();
    // Fixing it replaces the message by the curve.
    EXPECT_EQ(page.typeFormula(QStringLiteral("tanh(a*x)+x")), "");
    EXPECT_EQ(page.formulaEditor()->errorText(), "");
    EXPECT_EQ(formulaText(page.state()->spec()), "tanh(a*x)+x");
}

TEST_F(FormulaExplorerTest, TypingKeyByKeyKeepsWhatWasTypedAndTheCursor) {
    QLineEdit* edit = page.formulaEditor()->edit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("x + sin(a*x) "));
    EXPECT_EQ(edit->text(), QStringLiteral("x + sin(a*x) "));
    EXPECT_EQ(edit->cursorPosition(), edit->text().size());
    EXPECT_EQ(formulaText(page.state()->spec()), "x + sin(a*x)");
    // Typing in the middle keeps the cursor there.
    edit->setCursorPosition(4);
    QTest::keyClicks(edit, QStringLiteral("2*"));
    EXPECT_EQ(edit->text(), QStringLiteral("x + 2*sin(a*x) "));
    EXPECT_EQ(edit->cursorPosition(), 6);
    EXPECT_EQ(formulaText(page.state()->spec()), "x + 2*sin(a*x)");
}

TEST_F(FormulaExplorerTest, EditingKeepsTheValuesOfParametersWithTheSameName) {
    ASSERT_EQ(page.typeFormula(QStringLiteral("x*sigmoid(b*x)")), "");
    page.parameterPanel()->slider(0)->spinBox()->setValue(2.5);
    EXPECT_EQ(page.state()->params()[0], 2.5);
    ASSERT_EQ(page.typeFormula(QStringLiteral("x*sigmoid(b*x) + c")), "");
    ASSERT_EQ(page.parameterPanel()->count(), 2);
    EXPECT_EQ(page.state()->params()[0], 2.5);
    EXPECT_EQ(page.state()->params()[1], 1.0);
    EXPECT_EQ(page.parameterPanel()->slider(0)->value(), 2.5);
}

TEST_F(FormulaExplorerTest, ASliderDefaultAndRangeAreEditable) {
    ASSERT_EQ(page.typeFormula(QStringLiteral("sigmoid(k*x)")), "");
    test::flush();
    FormulaRanges* ranges = page.formulaRanges();
    ASSERT_TRUE(ranges->isVisible());
    ranges->field(0, 2)->setValue(50);  // to
    ranges->field(0, 1)->setValue(0);   // from
    ranges->field(0, 0)->setValue(10);  // default
    const ParameterSlider* k = page.parameterPanel()->slider(0);
    EXPECT_EQ(k->spec().min, 0.0);
    EXPECT_EQ(k->spec().max, 50.0);
    // The slider's far end is now 50, and reset returns to the new default.
    k->slider()->setValue(k->slider()->maximum());
    k->slider()->triggerAction(QAbstractSlider::SliderMove);
    page.parameterPanel()->slider(0)->resetButton()->click();
    EXPECT_EQ(page.state()->params()[0], 10.0);
    // A range with crossed ends is refused and the fields show the stored one again.
    ranges->field(0, 1)->setValue(80);
    EXPECT_EQ(page.parameterPanel()->slider(0)->spec().min, 0.0);
    EXPECT_EQ(ranges->field(0, 1)->value(), 0.0);
    // A built-in has no such fields.
    page.selectActivation(QStringLiteral("tanh"));
    EXPECT_FALSE(ranges->isVisible());
}

TEST_F(FormulaExplorerTest, AFormulaUndefinedOnTheWholeRangeSaysSoAndDomainErrorsLeaveGaps) {
    ASSERT_EQ(page.typeFormula(QStringLiteral("log(x - 10)")), "");
    test::flush();
    EXPECT_TRUE(page.plot()->message().contains(QStringLiteral("not a number anywhere")))
        << page.plot()->message().toStdString();
    // Moving the range over its domain draws it, with a gap (NaN) where x ≤ 10.
    ASSERT_TRUE(page.state()->setXRange(0, 20));
    test::flush();
    EXPECT_EQ(page.plot()->message(), "");
    EXPECT_TRUE(std::isnan(test::valueAt(page.plot()->fGraph(), 0.0)));
    const Curve c = expected();
    test::expectGraphShowsSamples(page.plot()->fGraph(), c.x, c.f, "log");
}

TEST_F(FormulaExplorerTest, AStepSaysWhyItCannotBeTrained) {
    ASSERT_EQ(page.typeFormula(QStringLiteral("step(x)")), "");
    EXPECT_TRUE(page.formulaEditor()->noteText().contains(QStringLiteral("cannot learn")));
    for (double x : {-2.0, -0.5, 0.5, 3.0}) EXPECT_EQ(page.state()->spec().df(x, {}), 0.0);
    ASSERT_EQ(page.typeFormula(QStringLiteral("sigmoid(k*x)")), "");
    EXPECT_FALSE(page.formulaEditor()->noteText().contains(QStringLiteral("cannot learn")));
}

TEST_F(FormulaExplorerTest, TheGalleryOffersEightExamplesInBothLanguages) {
    QMenu* menu = page.formulaEditor()->galleryMenu();
    ASSERT_EQ(menu->actions().size(), 8);
    for (QAction* a : menu->actions()) EXPECT_FALSE(a->toolTip().isEmpty());
    // Swish-β comes with b = 1.5, its name and its sentence.
    QAction* swish = nullptr;
    for (QAction* a : menu->actions())
        if (a->data().toString() == "swish_beta") swish = a;
    ASSERT_NE(swish, nullptr);
    swish->trigger();
    EXPECT_EQ(std::string(page.state()->spec().name.en), "Swish-β");
    EXPECT_EQ(page.state()->params()[0], 1.5);
    EXPECT_EQ(page.parameterPanel()->slider(0)->value(), 1.5);
    EXPECT_TRUE(page.formulaEditor()->noteText().contains(QStringLiteral("SiLU")));
    page.setLanguage(QStringLiteral("zh_CN"));
    EXPECT_TRUE(swish->toolTip().contains(QStringLiteral("函数族"))) << swish->toolTip().toStdString();
    EXPECT_TRUE(page.formulaEditor()->noteText().contains(QStringLiteral("函数族")));
    // Every entry shows a curve.
    for (QAction* a : menu->actions()) {
        a->trigger();
        test::flush();
        EXPECT_EQ(page.plot()->message(), "") << a->data().toString().toStdString();
        EXPECT_GE(test::points(page.plot()->fGraph()).size(), 200u);
    }
}

TEST_F(FormulaExplorerTest, TheFormulaIsACardOfTheGridAndCanBeComparedWithABuiltIn) {
    SmallMultiplesView* grid = page.smallMultiples();
    const int builtIns = grid->count();
    EXPECT_EQ(grid->formulaThumbnail(), nullptr);
    ASSERT_EQ(page.typeFormula(QStringLiteral("x + sin(a*x)^2/a")), "");
    ASSERT_NE(grid->formulaThumbnail(), nullptr);
    EXPECT_EQ(grid->count(), builtIns + 1);
    // Back on a built-in, the card brings the formula back.
    page.showAllActivations(true);
    ASSERT_TRUE(page.selectActivation(QStringLiteral("tanh")));
    grid->formulaThumbnail()->click();
    EXPECT_TRUE(page.state()->spec().isFormula());
    EXPECT_FALSE(page.allActivationsShown());
    // Compare With ▸ Your formula overlays it on a built-in: one colour more, its own samples.
    ASSERT_TRUE(page.selectActivation(QStringLiteral("tanh")));
    QAction* compareFormula = nullptr;
    for (QAction* a : page.compareMenu()->actions())
        if (a->data().toString() == QStringLiteral("formula")) compareFormula = a;
    ASSERT_NE(compareFormula, nullptr);
    EXPECT_TRUE(compareFormula->isVisible());
    EXPECT_TRUE(compareFormula->text().contains(QStringLiteral("Snake")));  // the gallery's name
    compareFormula->trigger();
    test::flush();
    ASSERT_FALSE(page.plot()->compareGraphs().isEmpty());
    const Curve snake = sampleCurve({page.state()->lastFormula(), page.state()->formulaParams(
                                                                       *page.state()->lastFormula())},
                                    page.state()->xMin(), page.state()->xMax(),
                                    ExplorerState::kSampleCount);
    test::expectGraphShowsSamples(page.plot()->compareGraphs().front(), snake.x, snake.f,
                                  "compared formula");
    EXPECT_TRUE(page.plot()->title().contains(QStringLiteral("Snake")))
        << page.plot()->title().toStdString();
}

TEST(FormulaSettings, TheFormulaItsNameAndValuesComeBackAfterARestart) {
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("settings.ini"));
    {
        ExplorerPage page;
        page.formulaEditor()->chooseGalleryEntry(QStringLiteral("snake"));
        page.state()->setParam(0, 2.25);
        AppSettings settings(ini);
        page.saveSettings(settings);
    }
    ExplorerPage page;
    AppSettings settings(ini);
    page.restoreSettings(settings);
    ASSERT_TRUE(page.state()->spec().isFormula());
    EXPECT_EQ(formulaText(page.state()->spec()), "x + sin(a*x)^2/a");
    EXPECT_EQ(std::string(page.state()->spec().name.en), "Snake");
    EXPECT_EQ(page.state()->params()[0], 2.25);
    EXPECT_EQ(page.formulaEditor()->text(), QStringLiteral("x + sin(a*x)^2/a"));
}

// --- the network page -----------------------------------------------------------------------

TEST(FormulaNetwork, ALayerTrainsWithAFormulaAndTheSavedSessionKeepsIt) {
    NetworkPage page;
    page.resize(1300, 850);
    page.show();
    ASSERT_EQ(page.applySession(test::smallSession()), "");
    LayerControls* controls = page.layerControls();
    ASSERT_TRUE(controls->applyToAll());
    // "Your formula…" is the last choice of the activation box; it opens the dialog.
    QComboBox* box = controls->activationBox();
    const int item = box->findData(QStringLiteral("formula"));
    ASSERT_GE(item, 0);
    box->setCurrentIndex(item);
    emit box->activated(item);
    FormulaDialog* dialog = controls->formulaDialog();
    ASSERT_NE(dialog, nullptr);
    QPushButton* ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_NE(dialog->editor()->typeFormula(QStringLiteral("x*sigmoid(b*x")), "");
    EXPECT_FALSE(ok->isEnabled());
    EXPECT_EQ(dialog->editor()->typeFormula(QStringLiteral("x*sigmoid(b*x)")), "");
    ASSERT_TRUE(ok->isEnabled());
    ok->click();
    EXPECT_EQ(controls->formulaDialog(), nullptr);
    for (const nn::LayerSpec& l : page.session().network.hidden) {
        EXPECT_EQ(l.activation, "formula");
        EXPECT_EQ(l.formula, "x*sigmoid(b*x)");
        EXPECT_EQ(l.name, "Swish-β");  // typed as in the gallery, it takes the gallery's name
    }
    EXPECT_EQ(box->currentText(), QStringLiteral("Formula: Swish-β"));
    // Its parameter is a slider beside the network: b = 1.5 in every layer.
    ASSERT_EQ(controls->parameters()->count(), 1);
    controls->parameters()->slider(0)->spinBox()->setValue(1.5);
    for (const nn::LayerSpec& l : page.session().network.hidden) EXPECT_EQ(l.params[0], 1.5);

    page.trainEpochs(20);
    ASSERT_TRUE(test::waitForPause(&page, 20));
    const TrainingSnapshot& snap = *page.latestSnapshot();
    ASSERT_FALSE(snap.networks.empty());
    EXPECT_TRUE(std::isfinite(snap.networks.front().metrics.trainLoss));
    // Saved and read back: the same formula, parameter and trained weights.
    const nn::Session saved = page.trainedSession();
    const nn::SessionLoad load = nn::parseSession(nn::serializeSession(saved));
    ASSERT_TRUE(load.ok()) << load.error;
    const nn::Session& back = load.session;
    ASSERT_EQ(back.network.hidden.size(), saved.network.hidden.size());
    for (const nn::LayerSpec& l : back.network.hidden) {
        EXPECT_EQ(l.formula, "x*sigmoid(b*x)");
        EXPECT_EQ(l.params[0], 1.5);
    }
    EXPECT_EQ(back.epoch, 20);
    ASSERT_TRUE(back.weights.has_value());
    NetworkPage reopened;
    ASSERT_EQ(reopened.applySession(back), "");
    EXPECT_EQ(reopened.session().network.hidden.front().formula, "x*sigmoid(b*x)");
    EXPECT_EQ(reopened.layerControls()->activationBox()->currentText(),
              QStringLiteral("Formula: Swish-β"));
    EXPECT_TRUE(reopened.layerControls()->parameters()->isEnabled());
}

TEST(FormulaNetwork, ANanFromTheFormulaStopsTrainingWithAMessageThatNamesIt) {
    NetworkPage page;
    page.resize(1300, 850);
    page.show();
    nn::Session s = test::smallSession();
    // sqrt of a negative pre-activation: NaN as soon as a unit's input drops below 0.
    ASSERT_TRUE(edits::setActivation(s, -1, *makeFormulaActivation("sqrt(x)", "Root").row,
                                     ParamValues{}));
    ASSERT_EQ(page.applySession(s), "");
    page.setPlaying(true);
    ASSERT_TRUE(test::waitForSnapshot(&page, [](const TrainingSnapshot& snap) {
        return !snap.playing && !snap.networks.empty() && snap.networks[0].divergedAt > 0;
    }));
    const QString banner = page.bannerLabel()->text();
    EXPECT_TRUE(banner.contains(QStringLiteral("formula activation Root of hidden layer 1")))
        << banner.toStdString();
    EXPECT_FALSE(banner.contains(QStringLiteral("lower learning rate"))) << banner.toStdString();
    EXPECT_TRUE(page.latestSnapshot()->networks[0].network.finite());
}

TEST(FormulaNetwork, CompareModeTrainsAFormulaBesideBuiltInsAndKeepsItWhenMoreAreTicked) {
    NetworkPage page;
    page.resize(1300, 850);
    page.show();
    ASSERT_EQ(page.applySession(test::smallSession()), "");
    // "Add a Formula…" in the compare menu: the comparison starts from the network's tanh.
    auto* add = page.compareView()->findChild<QAction*>(QStringLiteral("compareFormula"));
    ASSERT_NE(add, nullptr);
    add->trigger();
    auto* dialog = page.findChild<FormulaDialog*>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->editor()->typeFormula(QStringLiteral("sin(a*x)")), "");
    dialog->buttons()->button(QDialogButtonBox::Ok)->click();
    EXPECT_EQ(page.compared(), (QStringList{"tanh", "sin(a*x)"}));
    // Ticking a built-in keeps the formula member, its text and its parameters.
    emit page.compareView()->activationToggled(QStringLiteral("relu"), true);
    EXPECT_EQ(page.compared(), (QStringList{"tanh", "sin(a*x)", "relu"}));
    ASSERT_EQ(page.session().compare.size(), 3u);
    EXPECT_EQ(page.session().compare[1].formula, "sin(a*x)");
    page.trainEpochs(10);
    ASSERT_TRUE(test::waitForPause(&page, 10));
    const TrainingSnapshot& snap = *page.latestSnapshot();
    ASSERT_EQ(snap.networks.size(), 3u);
    for (const NetworkFrame& n : snap.networks) EXPECT_TRUE(std::isfinite(n.metrics.trainLoss));
    // Unticking a built-in still keeps it.
    emit page.compareView()->activationToggled(QStringLiteral("tanh"), false);
    EXPECT_EQ(page.compared(), (QStringList{"sin(a*x)", "relu"}));
}

}  // namespace
}  // namespace actlab::ui
