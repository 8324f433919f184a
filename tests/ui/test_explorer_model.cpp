// Tests of the explorer's non-visual parts: the state model, the typed settings, the display
// decimation and the slider's value mapping.

#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <cmath>

#include "activations/activation_call.h"
#include "activations/curve.h"
#include "activations/registry.h"
#include "common/app_settings.h"
#include "common/parameter_slider.h"
#include "explorer/curve_decimation.h"
#include "explorer/explorer_state.h"
#include "ui_test_support.h"

namespace actlab::ui {
namespace {

// --- ExplorerState ---------------------------------------------------------------------------

TEST(ExplorerState, StartsAtTheFirstRegistryRowWithItsDefaults) {
    ExplorerState state;
    EXPECT_EQ(&state.spec(), &activations().front());
    EXPECT_EQ(state.params(), activations().front().defaults());
    EXPECT_TRUE(state.isValid());
    EXPECT_EQ(state.xMin(), -6.0);
    EXPECT_EQ(state.xMax(), 6.0);
    EXPECT_TRUE(state.showF());
    EXPECT_TRUE(state.showDf());
    EXPECT_FALSE(state.showD2f());
}

TEST(ExplorerState, UnknownActivationIsRefusedWithoutChange) {
    ExplorerState state;
    QSignalSpy changed(&state, &ExplorerState::activationChanged);
    EXPECT_FALSE(state.setActivation("no_such_activation"));
    EXPECT_FALSE(state.setActivation(""));
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(&state.spec(), &activations().front());
}

TEST(ExplorerState, ParametersAreRememberedPerActivationById) {
    ExplorerState state;
    ASSERT_TRUE(state.setActivation("leaky_relu"));
    state.setParam(0, 0.2);
    ASSERT_TRUE(state.setActivation("elu"));
    EXPECT_EQ(state.params()[0], 1.0);  // ELU's default
    state.setParam(0, 2.5);
    ASSERT_TRUE(state.setActivation("leaky_relu"));
    EXPECT_EQ(state.params()[0], 0.2);
    EXPECT_EQ(state.paramsFor(activation("elu"))[0], 2.5);
    EXPECT_EQ(state.rememberedParams().at("elu")[0], 2.5);
}

TEST(ExplorerState, RejectedParametersAreKeptAndExplained) {
    ExplorerState state;
    ASSERT_TRUE(state.setActivation("hardtanh"));
    state.setParam(0, 2.0);  // min_val 2 ≥ max_val 1
    EXPECT_FALSE(state.isValid());
    EXPECT_EQ(state.params()[0], 2.0);
    const std::string expected = checkParams(activation("hardtanh"), state.params());
    ASSERT_FALSE(expected.empty());
    EXPECT_EQ(state.paramError().toStdString(), expected);
    state.setParam(0, -1.0);
    EXPECT_TRUE(state.isValid());
    EXPECT_TRUE(state.paramError().isEmpty());
}

TEST(ExplorerState, NonFiniteParameterIsRejectedNotCrashing) {
    ExplorerState state;
    ASSERT_TRUE(state.setActivation("elu"));
    state.setParam(0, std::nan(""));
    EXPECT_FALSE(state.isValid());
    EXPECT_TRUE(state.paramError().contains("finite"));
}

TEST(ExplorerState, ParameterIndexOutOfRangeIsIgnored) {
    ExplorerState state;
    ASSERT_TRUE(state.setActivation("relu"));
    QSignalSpy changed(&state, &ExplorerState::paramsChanged);
    state.setParam(0, 3.0);
    state.setParam(-1, 3.0);
    EXPECT_EQ(changed.count(), 0);
}

TEST(ExplorerState, XRangeIsValidated) {
    ExplorerState state;
    EXPECT_FALSE(state.setXRange(2, 1));
    EXPECT_FALSE(state.setXRange(1, 1));
    EXPECT_FALSE(state.setXRange(std::nan(""), 1));
    EXPECT_FALSE(state.setXRange(-INFINITY, 1));
    EXPECT_FALSE(state.setXRange(-2e6, 1));
    EXPECT_FALSE(ExplorerState::xRangeError(3, 2).isEmpty());
    EXPECT_EQ(state.xMin(), -6.0);
    QSignalSpy changed(&state, &ExplorerState::xRangeChanged);
    EXPECT_TRUE(state.setXRange(-2, 3));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(state.xMin(), -2.0);
    EXPECT_EQ(state.xMax(), 3.0);
}

TEST(ExplorerState, PinningKeepsParametersAndRefusesDuplicatesAndInvalid) {
    ExplorerState state;
    ASSERT_TRUE(state.setActivation("leaky_relu"));
    state.setParam(0, 0.2);
    EXPECT_TRUE(state.pinCurrent());
    EXPECT_FALSE(state.pinCurrent());  // the same curve again
    state.setParam(0, 0.3);
    EXPECT_TRUE(state.pinCurrent());
    ASSERT_EQ(state.pinned().size(), 2u);
    EXPECT_EQ(state.pinned()[0].params[0], 0.2);
    EXPECT_EQ(state.pinned()[1].params[0], 0.3);
    ASSERT_TRUE(state.setActivation("hardtanh"));
    state.setParam(0, 5.0);
    EXPECT_FALSE(state.pinCurrent());
    state.removePinned(0);
    ASSERT_EQ(state.pinned().size(), 1u);
    EXPECT_EQ(state.pinned()[0].params[0], 0.3);
    state.clearPinned();
    EXPECT_TRUE(state.pinned().empty());
}

TEST(ExplorerState, CompareSetHoldsKnownIdsInOrder) {
    ExplorerState state;
    ASSERT_TRUE(state.setActivation("gelu"));
    EXPECT_FALSE(state.compareMode());
    state.setCompared("tanh", true);
    state.setCompared("sigmoid", true);
    state.setCompared("bogus", true);
    EXPECT_EQ(state.compared(), (QStringList{"tanh", "sigmoid"}));
    EXPECT_TRUE(state.compareMode());
    state.setCompared("tanh", false);
    state.setCompared("sigmoid", false);
    state.setCompared("gelu", true);  // only the current activation: nothing to compare
    EXPECT_FALSE(state.compareMode());
}

TEST(ExplorerState, ChoosingAComparedActivationSwapsItWithTheCurrentOneAndDropsNothing) {
    ExplorerState state;
    ASSERT_TRUE(state.setActivation("gelu"));
    state.setCompared("sigmoid", true);
    state.setCompared("tanh", true);
    state.setCompared("relu", true);
    int changes = 0;
    QObject::connect(&state, &ExplorerState::comparedChanged, [&] { ++changes; });
    ASSERT_TRUE(state.setActivation("tanh"));
    EXPECT_EQ(state.spec().id, "tanh");
    // GELU takes Tanh's place: the four curves shown are the same four.
    EXPECT_EQ(state.compared(), (QStringList{"sigmoid", "gelu", "relu"}));
    EXPECT_EQ(changes, 1);
    // An activation outside the comparison leaves it as it is.
    ASSERT_TRUE(state.setActivation("elu"));
    EXPECT_EQ(state.compared(), (QStringList{"sigmoid", "gelu", "relu"}));
    EXPECT_EQ(changes, 1);
}

// --- AppSettings -----------------------------------------------------------------------------

TEST(AppSettings, RoundTripsEverythingByIdAndKeyword) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.ini");
    {
        AppSettings s(path);
        s.setLastActivationId("elu");
        s.setParamValues(activation("hardtanh"), {-2.5, 3.0});
        s.setXRange(-3, 4);
        s.setShowD2f(true);
        s.setVanishingZoneShown(true);
        s.setZoneEpsilon(0.05);
        s.setDeadZoneShown(true);
        s.setLanguage("zh_CN");
        s.setPngScale(3);
        s.setWindowGeometry("geometry");
        s.sync();
    }
    AppSettings s(path);
    EXPECT_EQ(s.lastActivationId(), "elu");
    const auto values = s.paramValues(activation("hardtanh"));
    ASSERT_TRUE(values.has_value());
    EXPECT_EQ((*values)[0], -2.5);
    EXPECT_EQ((*values)[1], 3.0);
    EXPECT_FALSE(s.paramValues(activation("elu")).has_value());
    EXPECT_EQ(s.xMin(), -3.0);
    EXPECT_EQ(s.xMax(), 4.0);
    EXPECT_TRUE(s.showD2f());
    EXPECT_TRUE(s.vanishingZoneShown());
    EXPECT_EQ(s.zoneEpsilon(), 0.05);
    EXPECT_TRUE(s.deadZoneShown());
    EXPECT_EQ(s.language(), "zh_CN");
    EXPECT_EQ(s.pngScale(), 3);
    EXPECT_EQ(s.windowGeometry(), QByteArray("geometry"));

    // Parameters are stored under the activation id and the PyTorch keyword.
    QSettings raw(path, QSettings::IniFormat);
    EXPECT_EQ(raw.value("explorer/params/hardtanh/max_val").toDouble(), 3.0);
}

TEST(AppSettings, UnreadableValuesFallBackToDefaults) {
    QTemporaryDir dir;
    const QString path = dir.filePath("s.ini");
    {
        QSettings raw(path, QSettings::IniFormat);
        raw.setValue("explorer/xMin", "banana");
        raw.setValue("explorer/xMax", 2);
        raw.setValue("explorer/epsilon", -1);
        raw.setValue("explorer/params/elu/alpha", "nan");
        raw.setValue("export/pngScale", 99);
    }
    AppSettings s(path);
    EXPECT_EQ(s.xMin(), -6.0);
    EXPECT_EQ(s.xMax(), 6.0);
    EXPECT_EQ(s.zoneEpsilon(), 0.01);
    EXPECT_FALSE(s.paramValues(activation("elu")).has_value());
    EXPECT_EQ(s.pngScale(), 2);
    EXPECT_EQ(s.language(), "en");  // the test locale is not Chinese
}

TEST(AppSettings, LanguageChangeIsSignalled) {
    QTemporaryDir dir;
    AppSettings s(dir.filePath("s.ini"));
    QSignalSpy spy(&s, &AppSettings::languageChanged);
    s.setLanguage("zh_CN");
    s.setLanguage("zh_CN");
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toString(), "zh_CN");
}

// --- Decimation ------------------------------------------------------------------------------

TEST(MinMaxDecimate, KeepsEndsExtremesAndOrder) {
    std::vector<double> y(4001);
    for (std::size_t i = 0; i < y.size(); ++i) y[i] = std::sin(static_cast<double>(i) * 0.01);
    y[1234] = 50;   // a spike
    y[2345] = -50;  // and a dip
    std::vector<int> idx;
    minMaxDecimate(y, 500, idx);
    ASSERT_FALSE(idx.empty());
    EXPECT_EQ(idx.front(), 0);
    EXPECT_EQ(idx.back(), 4000);
    EXPECT_LE(idx.size(), 2u * 500 + 2);
    EXPECT_TRUE(std::is_sorted(idx.begin(), idx.end()));
    EXPECT_TRUE(std::adjacent_find(idx.begin(), idx.end()) == idx.end());
    EXPECT_NE(std::find(idx.begin(), idx.end(), 1234), idx.end());
    EXPECT_NE(std::find(idx.begin(), idx.end(), 2345), idx.end());
}

TEST(MinMaxDecimate, KeepsGapsAndSmallInputs) {
    std::vector<double> y(1000, 1.0);
    y[500] = std::nan("");
    std::vector<int> idx;
    minMaxDecimate(y, 50, idx);
    EXPECT_NE(std::find(idx.begin(), idx.end(), 500), idx.end());
    minMaxDecimate(y, 600, idx);  // more buckets than half the points: keep everything
    EXPECT_EQ(idx.size(), y.size());
    minMaxDecimate({}, 10, idx);
    EXPECT_TRUE(idx.empty());
}

// --- ParameterSlider -------------------------------------------------------------------------

TEST(ParameterSlider, MapsTheSpecRangeOntoTheSlider) {
    const ParamSpec& slope = activation("leaky_relu").params[0];  // [0, 1] step 0.01
    ParameterSlider s(slope, "en");
    EXPECT_EQ(s.decimals(), 2);
    EXPECT_EQ(s.slider()->minimum(), 0);
    EXPECT_EQ(s.slider()->maximum(), 100);
    EXPECT_EQ(s.tickFor(0.2), 20);
    EXPECT_EQ(s.valueAt(20), 0.2);
    EXPECT_EQ(s.value(), slope.defaultValue);
    EXPECT_EQ(s.slider()->value(), 1);
    const ParamSpec& lower = activation("rrelu").params[0];  // step 0.005
    EXPECT_EQ(ParameterSlider(lower, "en").decimals(), 3);
}

TEST(ParameterSlider, DefaultsAreNotRoundedToTheSpinBox) {
    const ParamSpec& upper = activation("rrelu").params[1];  // default 1/3
    ParameterSlider s(upper, "en");
    EXPECT_EQ(s.value(), 1.0 / 3.0);
}

TEST(ParameterSlider, EmitsWhileDraggingButNotOnProgrammaticSet) {
    ParameterSlider s(activation("elu").params[0], "en");
    QSignalSpy spy(&s, &ParameterSlider::valueChanged);
    s.setValue(2.0);
    EXPECT_EQ(spy.count(), 0);
    EXPECT_EQ(s.spinBox()->value(), 2.0);
    EXPECT_EQ(s.slider()->value(), s.tickFor(2.0));

    QSignalSpy pressed(&s, &ParameterSlider::dragStarted);
    s.slider()->setSliderDown(true);
    for (int tick : {10, 20, 30}) s.slider()->setSliderPosition(tick);
    EXPECT_EQ(pressed.count(), 1);
    ASSERT_EQ(spy.count(), 3);  // one value per move, before the release
    EXPECT_EQ(spy.at(2).at(0).toDouble(), s.valueAt(30));
    s.slider()->setSliderDown(false);
}

TEST(ParameterSlider, SpinBoxAcceptsValuesBeyondTheSliderRange) {
    ParameterSlider s(activation("elu").params[0], "en");  // slider [0, 3]
    QSignalSpy spy(&s, &ParameterSlider::valueChanged);
    s.spinBox()->setValue(7.5);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(s.value(), 7.5);
    EXPECT_EQ(s.slider()->value(), s.slider()->maximum());
    s.resetButton()->click();
    EXPECT_EQ(s.value(), 1.0);
    EXPECT_EQ(spy.count(), 2);
}

}  // namespace
}  // namespace actlab::ui
