// Formula activations as registry rows (core/activations/formula_activation.h): the row's
// evaluation against its program and against finite differences, the rows that duplicate
// built-ins against those built-ins, and a network with formula layers against the same network
// with the built-in layers.

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "activations/activation_call.h"
#include "activations/curve.h"
#include "activations/formula_activation.h"
#include "activations/formula_gallery.h"
#include "activations/registry.h"
#include "formula/formula.h"
#include "formula_reference.h"
#include "golden_data.h"
#include "nn/layer_activation.h"
#include "nn/session.h"
#include "theory/gaussian_expectation.h"

namespace actlab::test {
namespace {

ActivationRef row(const std::string& text, const std::string& name = {}) {
    const FormulaActivationResult r = makeFormulaActivation(text, name);
    EXPECT_TRUE(r.ok()) << text << ": " << r.error;
    return r.row;
}

TEST(FormulaActivation, RowHasOneSliderParameterPerFormulaParameter) {
    const ActivationRef r = row("x*sigmoid(b*x) + c", "Swish-β");
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->isFormula());
    EXPECT_FALSE(r->hasFloat32());
    EXPECT_EQ(r->id, kFormulaActivationId);
    EXPECT_EQ(r->name.en, "Swish-β");
    ASSERT_EQ(r->params.size(), 2u);
    EXPECT_EQ(r->params[0].id, "b");
    EXPECT_EQ(r->params[1].id, "c");
    for (const ParamSpec& p : r->params) {
        EXPECT_EQ(p.defaultValue, 1.0);
        EXPECT_EQ(p.min, -5.0);
        EXPECT_EQ(p.max, 5.0);
        EXPECT_FALSE(p.learnable);
    }
    EXPECT_EQ(r->paramIndex("c"), 1);
    EXPECT_EQ(r->learnableIndex(), -1);
    EXPECT_EQ(formulaText(*r), "x*sigmoid(b*x) + c");
    EXPECT_EQ(formulaGivenName(*r), "Swish-β");
    EXPECT_EQ(formulaGivenName(*row("x*sigmoid(b*x) + c")), "");
}

TEST(FormulaGallery, EightEntriesThatCompileWithTheirValuesAndSentencesInBothLanguages) {
    const auto gallery = formulaGallery();
    ASSERT_EQ(gallery.size(), 8u);
    std::vector<std::string> texts;
    for (const FormulaGalleryEntry& e : gallery) {
        SCOPED_TRACE(std::string(e.id));
        EXPECT_EQ(findGalleryEntry(e.id), &e);
        const ActivationCall call = galleryCall(e);
        ASSERT_TRUE(call.spec && call.spec->isFormula());
        EXPECT_EQ(std::string(call.spec->name.en), std::string(e.name));
        EXPECT_GT(e.summary.en.size(), 40u);
        EXPECT_GT(e.summary.zh.size(), 30u);
        EXPECT_FALSE(e.title.zh.empty());
        for (const GalleryParam& p : e.params) {
            if (p.name.empty()) continue;
            const int i = call.spec->paramIndex(p.name);
            ASSERT_GE(i, 0) << p.name;
            EXPECT_EQ(call.params[std::size_t(i)], p.value);
        }
        EXPECT_TRUE(checkParams(*call.spec, call.params).empty());
        texts.emplace_back(e.formula);
    }
    // The accuracy tables cover exactly the gallery's formulas (test_formula_reference).
    EXPECT_EQ(texts, test::galleryFormulas());
    EXPECT_EQ(findGalleryEntry("nope"), nullptr);
    // Smooth step is sigmoid(5x): at x = 0.2, σ(1).
    const ActivationCall smooth = galleryCall(*findGalleryEntry("smooth_step"));
    EXPECT_NEAR(smooth.spec->f(0.2, smooth.params), 1 / (1 + std::exp(-1.0)), 1e-15);
}

TEST(FormulaActivation, BadFormulasGiveTheCompilersMessage) {
    const FormulaActivationResult r = makeFormulaActivation("x*sigmoid(b*x");
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.error.find("column"), std::string::npos) << r.error;
    EXPECT_GT(r.errorColumn, 0);
    const FormulaActivationResult many = makeFormulaActivation("a+b+c+d+e1+f+g+h+i*x");
    EXPECT_FALSE(many.ok());
    EXPECT_NE(many.error.find("at most 8 parameters"), std::string::npos) << many.error;
    const FormulaActivationResult unknown = lookupActivation("wobble");
    EXPECT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error.find("valid: "), std::string::npos);
    EXPECT_NE(unknown.error.find("formula"), std::string::npos);
}

TEST(FormulaActivation, TheSameFormulaSharesOneRowWhileItIsHeld) {
    const ActivationRef a = row("sin(w*x)");
    const ActivationRef b = row("sin(w*x)");
    EXPECT_EQ(a.get(), b.get());
    EXPECT_NE(row("sin(w*x)", "Sine").get(), a.get());  // another name, another row
    // A call made from a raw pointer shares ownership: the row outlives the last named holder.
    const ActivationSpec* raw = a.get();
    ActivationCall call(raw, raw->defaults());
    EXPECT_EQ(call.spec.use_count(), a.use_count());
}

TEST(FormulaActivation, EveryEvaluationPathAgreesWithTheProgram) {
    const ActivationRef r = row("x*sigmoid(b*x)");
    ParamValues p = r->defaults();
    p[0] = 1.5;
    const std::vector<double> params = {1.5};
    std::vector<double> xs;
    for (int i = -600; i <= 600; ++i) xs.push_back(i * 0.0173);
    xs.insert(xs.end(), {-1e300, -1e3, 1e3, 1e300});
    const std::size_t n = xs.size();
    std::vector<double> f(n), df(n), d2f(n), f2(n), df2(n), d2f2(n), tf(n), tdf(n);
    r->batchFDf(xs, f, df, p);
    r->batchD2f(xs, d2f, p);
    r->batchF(xs, f2, p);
    r->batchDf(xs, df2, p);
    r->trainFDf(xs, tf, tdf, p);
    std::vector<float> xf(xs.begin(), xs.end()), ff(n), dff(n), d2ff(n);
    r->batchFDf(std::span<const float>(xf), ff, dff, p);
    r->batchD2f(std::span<const float>(xf), d2ff, p);
    for (std::size_t i = 0; i < n; ++i) {
        const double x = xs[i];
        const double ef = r->program->f(x, params), edf = r->program->df(x, params),
                     ed2f = r->program->d2f(x, params);
        EXPECT_TRUE(std::isfinite(ef) && std::isfinite(edf) && std::isfinite(ed2f)) << x;
        EXPECT_EQ(f[i], ef) << x;
        EXPECT_EQ(f2[i], ef) << x;
        EXPECT_EQ(tf[i], ef) << x;
        EXPECT_EQ(r->f(x, p), ef) << x;
        EXPECT_EQ(df[i], edf) << x;
        EXPECT_EQ(df2[i], edf) << x;
        EXPECT_EQ(tdf[i], edf) << x;
        EXPECT_EQ(r->df(x, p), edf) << x;
        EXPECT_EQ(d2f[i], ed2f) << x;
        EXPECT_EQ(r->d2f(x, p), ed2f) << x;
        // float: the double values at the float input, rounded.
        const double xd = double(xf[i]);
        EXPECT_EQ(ff[i], float(r->program->f(xd, params))) << x;
        EXPECT_EQ(dff[i], float(r->program->df(xd, params))) << x;
        EXPECT_EQ(d2ff[i], float(r->program->d2f(xd, params))) << x;
        EXPECT_EQ(r->f(xf[i], p), ff[i]) << x;
    }
}

/// The gallery of the formula language, with the values its parameters take here.
struct GalleryCase {
    const char* text;
    std::vector<double> params;
};

const std::vector<GalleryCase>& gallery() {
    static const std::vector<GalleryCase> cases = {
        {"sin(x)", {}},
        {"exp(-x^2)", {}},
        {"heaviside(x)", {}},
        {"(sqrt(x^2 + 1) - 1)/2 + x", {}},
        {"x*sigmoid(b*x)", {1.7}},
        {"(x + sqrt(x^2 + b))/2", {4}},
        {"x + sin(a*x)^2/a", {0.8}},
        {"sigmoid(k*x)", {3}},
        {"max(0, x) + 0.1*min(0, x)^2", {}},
        {"where(x < c, exp(x) - 1, x)", {0.5}},
        {"softplus(x)*tanh(x)", {}},
        {"log1p(abs(x)) * erf(x)", {}},
    };
    return cases;
}

TEST(FormulaActivation, DerivativesAgreeWithCentralDifferencesAwayFromKinks) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(-8, 8);
    for (const GalleryCase& c : gallery()) {
        const ActivationRef r = row(c.text);
        ASSERT_TRUE(r);
        ParamValues p = r->defaults();
        for (std::size_t i = 0; i < c.params.size(); ++i) p[i] = c.params[i];
        const std::vector<double> kinks = r->kinksIn(p, -9, 9);
        std::vector<double> xs;
        while (xs.size() < 400) {
            const double x = u(rng);
            bool nearKink = false;
            for (double k : kinks) nearKink = nearKink || std::fabs(x - k) < 1e-3;
            if (!nearKink) xs.push_back(x);
        }
        std::vector<double> f(xs.size()), df(xs.size()), d2f(xs.size());
        r->batchFDf(xs, f, df, p);
        r->batchD2f(xs, d2f, p);
        for (std::size_t i = 0; i < xs.size(); ++i) {
            const double x = xs[i], h = 1e-5;
            const double fd1 = (r->f(x + h, p) - r->f(x - h, p)) / (2 * h);
            const double fd2 = (r->df(x + h, p) - r->df(x - h, p)) / (2 * h);
            EXPECT_NEAR(df[i], fd1, 1e-6 * (1 + std::fabs(fd1))) << c.text << " at " << x;
            EXPECT_NEAR(d2f[i], fd2, 1e-6 * (1 + std::fabs(fd2))) << c.text << " at " << x;
        }
    }
}

TEST(FormulaActivation, KinksAreTheSwitchingPoints) {
    const ActivationRef r = row("max(0, x - c) + abs(x + 2)");
    ParamValues p = r->defaults();
    p[0] = 0.75;
    const std::vector<double> k = r->kinksIn(p, -10, 10);
    ASSERT_EQ(k.size(), 2u);
    EXPECT_NEAR(k[0], -2, 1e-12);
    EXPECT_NEAR(k[1], 0.75, 1e-12);
    EXPECT_TRUE(r->kinksIn(p, 1, 10).empty());
    EXPECT_TRUE(row("tanh(x)")->kinksIn(r->defaults(), -10, 10).empty());
    // A built-in row answers from its own list.
    EXPECT_EQ(activation("relu").kinksIn({}, -1, 1), std::vector<double>{0.0});
}

/// Equal values, or both NaN (the golden files have NaN inputs).
bool same(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

TEST(FormulaActivation, MaxOfZeroAndXIsReluOnEveryGoldenRow) {
    const ActivationRef r = row("max(0, x)");
    int rows = 0;
    for (const GoldenSetting& g : goldenSettings(false)) {
        if (g.torchName != "ReLU") continue;
        for (const GoldenRow& gr : g.rows) {
            EXPECT_TRUE(same(r->f(gr.x, {}), activation("relu").f(gr.x, {}))) << gr.x;
            EXPECT_TRUE(same(r->f(gr.x, {}), gr.f)) << gr.x;
            EXPECT_TRUE(same(r->df(gr.x, {}), gr.df)) << gr.x;
            EXPECT_TRUE(same(r->df(gr.x, {}), activation("relu").df(gr.x, {}))) << gr.x;
            ++rows;
        }
    }
    EXPECT_GT(rows, 10);
}

TEST(FormulaActivation, XSigmoidXIsWithinFourUlpOfSilu) {
    const ActivationRef r = row("x*sigmoid(x)");
    const ActivationSpec& silu = activation("silu");
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> u(-30, 30);
    double worstF = 0, worstDf = 0;
    for (int i = 0; i < 20000; ++i) {
        const double x = u(rng);
        worstF = std::max(worstF, ulpDistance(r->f(x, {}), silu.f(x, {})));
        // f′ crosses 0 near x = −1.28, where a few ulp of its size-1 terms are many ulp of
        // the result: there the bound is absolute (1e-15, the accuracy target's floor).
        const double a = r->df(x, {}), b = silu.df(x, {});
        if (std::fabs(a - b) > 1e-15) worstDf = std::max(worstDf, ulpDistance(a, b));
    }
    EXPECT_LE(worstF, 4);
    EXPECT_LE(worstDf, 4);
}

TEST(FormulaActivation, CurvesAndGaussianExpectationsMatchTheBuiltInItDuplicates) {
    // The explorer's curves (double and float32) and the propagation views' expectations take a
    // formula row through the same calls as a built-in: max(0,x) must give ReLU's numbers.
    const ActivationCall formula(row("max(0, x)"), {});
    const ActivationCall relu(&activation("relu"), {});
    for (bool float32 : {false, true}) {
        Curve a, b;
        const std::vector<double> xs = linspace(-5, 5, 1001);
        evaluateCurve(formula, xs, a, float32);
        evaluateCurve(relu, xs, b, float32);
        EXPECT_EQ(a.f, b.f);
        EXPECT_EQ(a.df, b.df);
        EXPECT_EQ(a.d2f, b.d2f);
    }
    theory::ActivationExpectations ef(formula), er(relu);
    for (double var : {0.25, 1.0, 4.0}) {
        const theory::Moments mf = ef.moments(0.3, var), mr = er.moments(0.3, var);
        EXPECT_NEAR(mf.mean, mr.mean, 1e-14) << var;
        EXPECT_NEAR(mf.square, mr.square, 1e-14) << var;
        EXPECT_NEAR(ef.slopeSquare(var), er.slopeSquare(var), 1e-14) << var;
    }
}

nn::Session twoLayerSession(const std::string& a, const std::string& formula = {}) {
    nn::Session s;
    s.seed = 11;
    s.generator.kind = nn::DatasetKind::Xor;
    s.generator.numPoints = 200;
    s.generator.noisePercent = 5;
    s.generator.seed = 11;
    s.init = nn::InitKind::He;
    s.training.learningRate = 0.03;
    s.training.batchSize = 10;
    for (int neurons : {8, 8}) {
        nn::LayerSpec l;
        l.neurons = neurons;
        l.activation = a;
        l.formula = formula;
        l.params = nn::layerActivation(l).row->defaults();
        s.network.hidden.push_back(l);
    }
    return s;
}

std::vector<double> losses(const nn::Session& s, int epochs) {
    nn::Trainer t = nn::makeTrainer(s);
    t.run(epochs);
    EXPECT_FALSE(t.diverged()) << t.divergence();
    std::vector<double> out;
    for (const nn::EpochMetrics& m : t.history()) out.push_back(m.trainLoss);
    return out;
}

double worstRelative(const std::vector<double>& a, const std::vector<double>& b) {
    EXPECT_EQ(a.size(), b.size());
    double worst = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        worst = std::max(worst, std::fabs(a[i] - b[i]) / std::max(std::fabs(b[i]), 1e-300));
    return worst;
}

TEST(FormulaTraining, MaxOfZeroAndXTrainsAsRelu) {
    const nn::Session formula = twoLayerSession("formula", "max(0, x)");
    ASSERT_EQ(nn::validate(formula.network, 2), "");
    const std::vector<double> a = losses(formula, 100), b = losses(twoLayerSession("relu"), 100);
    ASSERT_EQ(a.size(), 101u);
    EXPECT_LE(worstRelative(a, b), 1e-12);
    EXPECT_LT(b.back(), b.front());  // it did train
}

TEST(FormulaTraining, XSigmoidXTrainsAsSilu) {
    const std::vector<double> a = losses(twoLayerSession("formula", "x*sigmoid(x)"), 100);
    const std::vector<double> b = losses(twoLayerSession("silu"), 100);
    // f and f′ differ from SiLU's kernels by a few ulp; over 100 epochs of SGD that stays far
    // below any difference a reader could see.
    EXPECT_LE(worstRelative(a, b), 1e-9);
    EXPECT_LT(b.back(), b.front());
}

TEST(FormulaTraining, ANanFromTheFormulaStopsTrainingAndNamesIt) {
    nn::Session s = twoLayerSession("formula", "log(x)");
    s.network.hidden[0].name = "Logarithm";
    nn::Trainer t = nn::makeTrainer(s);
    t.run(5);
    ASSERT_TRUE(t.diverged());
    EXPECT_NE(t.divergence().find("Logarithm (log(x))"), std::string::npos) << t.divergence();
    const nn::DivergenceCause& c = t.divergenceCause();
    ASSERT_TRUE(c.found());
    EXPECT_TRUE(std::isfinite(c.input));
    EXPECT_FALSE(std::isfinite(c.value));
    EXPECT_EQ(c.formula, "log(x)");
    // A built-in network's divergence keeps its message about the learning rate.
    nn::Session relu = twoLayerSession("relu");
    relu.training.learningRate = 1e200;
    nn::Trainer t2 = nn::makeTrainer(relu);
    t2.run(5);
    ASSERT_TRUE(t2.diverged());
    EXPECT_FALSE(t2.divergenceCause().found());
    EXPECT_NE(t2.divergence().find("learning rate"), std::string::npos) << t2.divergence();
}

TEST(FormulaTraining, LayerChecksNameTheField) {
    nn::LayerSpec l;
    l.activation = "formula";
    EXPECT_NE(nn::checkLayerActivation(l).find(".formula: missing"), std::string::npos);
    l.formula = "x*sigmoid(b*x";
    EXPECT_NE(nn::checkLayerActivation(l).find(".formula: expected"), std::string::npos)
        << nn::checkLayerActivation(l);
    l.formula = "x*sigmoid(b*x)";
    l.params = {1.5};
    EXPECT_EQ(nn::checkLayerActivation(l), "");
    l.params[0] = std::nan("");
    EXPECT_NE(nn::checkLayerActivation(l).find(".params: "), std::string::npos);
    l.activation = "tanh";
    l.params = activation("tanh").defaults();
    EXPECT_EQ(nn::layerActivationName(l), "Tanh");
    nn::setLayerActivation(l, *row("x*sigmoid(b*x)", "Swish-β"));
    EXPECT_EQ(l.activation, "formula");
    EXPECT_EQ(l.formula, "x*sigmoid(b*x)");
    EXPECT_EQ(nn::layerActivationName(l), "Swish-β");
}

}  // namespace
}  // namespace actlab::test

namespace actlab::test {
namespace {

// A formula that spells out a built-in gets the built-in's properties (which a registry test
// computes exactly): the sampled estimates agree with the definitions.
TEST(FormulaProperties, MatchTheBuiltInTheyRewrite) {
    const std::pair<const char*, const char*> cases[] = {
        {"tanh(x)", "tanh"},           {"sigmoid(x)", "sigmoid"},
        {"max(x, 0)", "relu"},         {"x*sigmoid(x)", "silu"},
        {"softplus(x)", "softplus"},   {"x/(1 + abs(x))", "softsign"},
        {"max(0.01*x, x)", "leaky_relu"}, {"x - tanh(x)", "tanhshrink"},
    };
    for (const auto& [text, id] : cases) {
        const FormulaActivationResult r = makeFormulaActivation(text);
        ASSERT_TRUE(r.ok()) << text << ": " << r.error;
        const Properties& got = r.row->properties;
        const Properties& want = findActivation(id)->properties;
        EXPECT_EQ(got.monotonic, want.monotonic) << text;
        EXPECT_EQ(got.zeroCentred, want.zeroCentred) << text;
        EXPECT_EQ(got.boundedAbove, want.boundedAbove) << text;
        EXPECT_EQ(got.boundedBelow, want.boundedBelow) << text;
        EXPECT_EQ(got.saturating, want.saturating) << text;
    }
    // A decreasing formula is not monotonic in the sense of the docs (non-decreasing).
    EXPECT_FALSE(makeFormulaActivation("-x").row->properties.monotonic);
    EXPECT_TRUE(makeFormulaActivation("-x").row->properties.zeroCentred);
}

}  // namespace
}  // namespace actlab::test
