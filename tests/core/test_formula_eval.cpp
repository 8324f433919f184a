// The formula evaluator: stability in the tails, products with a factor that underflows, the
// kink convention, domain errors, the agreement of the three evaluation modes and of arrays
// with scalars, switching points, and the agreement with built-in activations.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <thread>

#include "activations/registry.h"
#include "formula/formula.h"
#include "golden_data.h"

namespace actlab::test {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

std::shared_ptr<const FormulaProgram> compiled(const std::string& text) {
    FormulaCompileResult r = compileFormula(text);
    EXPECT_TRUE(r.ok()) << text << ": " << r.error;
    return r.program;
}

struct Jet3 {
    double f, df, d2f;
};

Jet3 at(const FormulaProgram& p, double x, const std::vector<double>& params = {}) {
    double f = 0, df = 0, d2f = 0;
    p.evalFDfD2f({&x, 1}, {&f, 1}, {&df, 1}, {&d2f, 1}, params);
    return {f, df, d2f};
}

bool same(double a, double b) {  // bitwise, NaN equal to NaN
    return (std::isnan(a) && std::isnan(b)) ||
           std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}

TEST(FormulaEval, SwishIsFiniteAndCorrectInTheTails) {
    // x*sigmoid(b*x) and its quotient form x/(1+exp(-b*x)), whose textbook derivative is
    // inf/inf at x = -1000: both give the limits exactly.
    for (const char* text : {"x*sigmoid(b*x)", "x/(1+exp(-b*x))"}) {
        const auto p = compiled(text);
        const std::vector<double> b = {1.5};
        for (double x : {1e3, 1e300}) {
            const Jet3 j = at(*p, x, b);
            EXPECT_EQ(j.f, x) << text;
            EXPECT_EQ(j.df, 1) << text;
            EXPECT_EQ(j.d2f, 0) << text;
            const Jet3 n = at(*p, -x, b);
            EXPECT_EQ(n.f, 0) << text;
            EXPECT_EQ(n.df, 0) << text;
            EXPECT_EQ(n.d2f, 0) << text;
        }
        // At x = -30: f = x·σ(bx) ≈ -8.5876e-19 with f′ and f″ of the same size, to full
        // relative accuracy (values of the mpmath reference, rounded).
        const Jet3 j = at(*p, -30, b);
        EXPECT_NEAR(j.f / -8.587555741648181e-19, 1, 1e-14) << text;
        EXPECT_NEAR(j.df / -1.2595081754417332e-18, 1, 1e-14) << text;
        EXPECT_NEAR(j.d2f / -1.8463244844543587e-18, 1, 1e-14) << text;
    }
}

TEST(FormulaEval, AZeroFromUnderflowWinsOverAnOverflow) {
    // x^3·e^(−x²) at 1e300: x³ overflows, e^(−x²) underflows; the true value (and its
    // derivatives) is 0, not inf·0 = NaN.
    for (const char* text : {"x^3*exp(-x^2)", "exp(-x^2)*x^3", "x^2*erfc(x)", "x*log(x)"}) {
        const auto p = compiled(text);
        const double x = std::string(text) == "x*log(x)" ? 0.0 : 1e300;
        const Jet3 j = at(*p, x);
        EXPECT_EQ(j.f, 0) << text;
        if (x != 0) {
            EXPECT_EQ(j.df, 0) << text;
            EXPECT_EQ(j.d2f, 0) << text;
        }
    }
    // erf″ = −2v·erf′ and erf‴ = (4v² − 2)·erf′ meet inf·0 at v = 1e300.
    const Jet3 e = at(*compiled("erf(x)"), 1e300);
    EXPECT_EQ(e.f, 1);
    EXPECT_EQ(e.df, 0);
    EXPECT_EQ(e.d2f, 0);
    const Jet3 g = at(*compiled("exp(-x^2)"), -1e300);
    EXPECT_EQ(g.f, 0);
    EXPECT_EQ(g.df, 0);
    EXPECT_EQ(g.d2f, 0);
}

TEST(FormulaEval, KinksFollowPyTorch) {
    // ReLU′(0) = 0, from either spelling, and at −0.
    for (const char* relu : {"max(0,x)", "max(x,0)"}) {
        for (double x : {0.0, -0.0}) {
            const Jet3 j = at(*compiled(relu), x);
            EXPECT_EQ(j.f, 0) << relu;
            EXPECT_FALSE(std::signbit(j.f)) << relu;
            EXPECT_EQ(j.df, 0) << relu;
            EXPECT_EQ(j.d2f, 0) << relu;
        }
    }
    EXPECT_EQ(at(*compiled("abs(x)"), 0).df, 0);                  // torch: sign(0) = 0
    EXPECT_EQ(at(*compiled("sqrt(x^2)"), 0).df, 0);               // the same function, rewritten
    EXPECT_EQ(at(*compiled("max(a*x, x)"), 0, {0.01}).df, 0.01);  // LeakyReLU′(0) = slope
    const auto hardtanh = compiled("min(max(x, -1), 1)");
    EXPECT_EQ(at(*hardtanh, 1).df, 0);  // Hardtanh′ = 0 at both bounds
    EXPECT_EQ(at(*hardtanh, -1).df, 0);
    EXPECT_EQ(at(*hardtanh, 0.5).df, 1);
    const auto relu6 = compiled("min(max(0, x), 6)");
    EXPECT_EQ(at(*relu6, 0).df, 0);
    EXPECT_EQ(at(*relu6, 6).df, 0);
    // where() takes the derivatives of the branch it selects: ELU′(0) = α.
    const Jet3 elu = at(*compiled("where(x > 0, x, a*expm1(x))"), 0, {1.5});
    EXPECT_EQ(elu.f, 0);
    EXPECT_EQ(elu.df, 1.5);
    EXPECT_EQ(elu.d2f, 1.5);
    EXPECT_EQ(at(*compiled("where(x >= 0, x, a*expm1(x))"), 0, {1.5}).df, 1);
    // The step: 1 from 0 on (or the value given), derivative 0 everywhere.
    for (double x : {-1.0, -0.0, 0.0, 1e-300, 2.0}) {
        const Jet3 s = at(*compiled("step(x)"), x);
        EXPECT_EQ(s.f, x >= 0 ? 1 : 0) << x;
        EXPECT_EQ(s.df, 0);
        EXPECT_EQ(s.d2f, 0);
    }
    EXPECT_EQ(at(*compiled("heaviside(x, 0.5)"), 0).f, 0.5);
    EXPECT_EQ(at(*compiled("sign(x)"), 0).f, 0);
}

TEST(FormulaEval, DomainErrorsAreNaNNotCrashes) {
    for (const char* text : {"log(x)", "sqrt(x)", "log1p(x - 1)", "x^(1/3)", "x^x"}) {
        const Jet3 j = at(*compiled(text), -8);
        EXPECT_TRUE(std::isnan(j.f) && std::isnan(j.df) && std::isnan(j.d2f)) << text;
    }
    EXPECT_EQ(at(*compiled("log(x)"), 0).f, -kInf);
    EXPECT_EQ(at(*compiled("1/x"), 0).f, kInf);
    EXPECT_TRUE(std::isnan(at(*compiled("x/x"), 0).f));
    EXPECT_EQ(at(*compiled("x^(1/3)"), 8).f, 2);
    // Nothing here may crash or throw.
    for (const char* text : {"0/0", "exp(1e308*x)", "x^1e308", "tan(pi/2 + 0*x)", "1/(x - x)",
                             "acos", "log(log(log(x)))", "sqrt(sqrt(-x))^0.5"}) {
        const FormulaCompileResult r = compileFormula(text);
        if (!r.ok()) continue;
        for (double x : {-kInf, -1e300, -1.0, -0.0, 0.0, 1.0, 1e300, kInf, std::nan("")})
            (void)at(*r.program, x);
    }
}

TEST(FormulaEval, NaNInputGivesNaNEverywhere) {
    for (const char* text : {"x*sigmoid(b*x)", "max(0,x)", "step(x)", "where(x > 0, 1, 2)",
                             "abs(x)", "min(x, 1)", "sign(x)", "x^2", "2^x", "sqrt(x^2 + 1)"}) {
        const Jet3 j = at(*compiled(text), std::nan(""));
        EXPECT_TRUE(std::isnan(j.f) && std::isnan(j.df) && std::isnan(j.d2f)) << text;
    }
    const Jet3 inf = at(*compiled("max(0,x)"), kInf);
    EXPECT_EQ(inf.f, kInf);
    EXPECT_EQ(inf.df, 1);
}

TEST(FormulaEval, EveryFunctionComputesWhatItsNameSays) {
    const struct {
        const char* text;
        double (*expected)(double);
    } cases[] = {
        {"exp(x)", [](double x) { return std::exp(x); }},
        {"expm1(x)", [](double x) { return std::expm1(x); }},
        {"log(x)", [](double x) { return std::log(x); }},
        {"log1p(x)", [](double x) { return std::log1p(x); }},
        {"sqrt(x)", [](double x) { return std::sqrt(x); }},
        {"abs(x)", [](double x) { return std::fabs(x); }},
        {"sin(x)", [](double x) { return std::sin(x); }},
        {"cos(x)", [](double x) { return std::cos(x); }},
        {"tan(x)", [](double x) { return std::tan(x); }},
        {"tanh(x)", [](double x) { return std::tanh(x); }},
        {"sinh(x)", [](double x) { return std::sinh(x); }},
        {"cosh(x)", [](double x) { return std::cosh(x); }},
        {"atan(x)", [](double x) { return std::atan(x); }},
        {"erf(x)", [](double x) { return std::erf(x); }},
        {"erfc(x)", [](double x) { return std::erfc(x); }},
        {"sigmoid(x)", [](double x) { return 1 / (1 + std::exp(-x)); }},
        {"softplus(x)", [](double x) { return std::log1p(std::exp(x)); }},
        {"sign(x)", [](double x) { return x > 0 ? 1.0 : -1.0; }},
        {"min(x, 0.5)", [](double x) { return std::min(x, 0.5); }},
        {"max(x, 0.5)", [](double x) { return std::max(x, 0.5); }},
        {"heaviside(x - 1)", [](double x) { return x >= 1 ? 1.0 : 0.0; }},
        {"step(x - 1)", [](double x) { return x >= 1 ? 1.0 : 0.0; }},
        {"where(x <= 1, 2*x, x^2)", [](double x) { return x <= 1 ? 2 * x : x * x; }},
        {"where(x < 1, 2*x, 3)", [](double x) { return x < 1 ? 2 * x : 3.0; }},
        {"where(x >= 1, pi, e)",
         [](double x) { return x >= 1 ? std::numbers::pi : std::numbers::e; }},
    };
    for (const auto& c : cases) {
        const auto p = compiled(c.text);
        for (double x : {0.25, 0.5, 1.0, 1.5, 3.0}) {
            const double want = c.expected(x), got = p->f(x);
            EXPECT_LE(ulpDistance(got, want), 4)
                << c.text << " at " << x << ": " << got << " vs " << want;
        }
    }
}

TEST(FormulaEval, ModesArraysAndScalarsAgreeBitForBit) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(0.0, 4.0);
    std::vector<double> xs(1000);  // several chunks and a partial one
    for (double& x : xs) x = normal(rng);
    xs[0] = 0;
    xs[1] = -0.0;
    xs[2] = 1e300;
    for (const char* text :
         {"x*sigmoid(b*x)", "max(0,x)", "(x + sqrt(x^2 + b))/2", "x + sin(b*x)^2/b",
          "where(x > b, x^2, erfc(x))", "x^3/(1 + x^2)", "tanh(softplus(x))*x"}) {
        const auto p = compiled(text);
        const std::vector<double> b = {0.75};
        const std::size_t n = xs.size();
        std::vector<double> y0(n), y1(n), dy1(n), y2(n), dy2(n), d2y2(n);
        p->evalF(xs, y0, b);
        p->evalFDf(xs, y1, dy1, b);
        p->evalFDfD2f(xs, y2, dy2, d2y2, b);
        for (std::size_t i = 0; i < n; ++i) {
            ASSERT_TRUE(same(y0[i], y1[i]) && same(y1[i], y2[i])) << text << " at " << xs[i];
            ASSERT_TRUE(same(dy1[i], dy2[i])) << text << " at " << xs[i];
            ASSERT_TRUE(same(p->f(xs[i], b), y0[i]) && same(p->df(xs[i], b), dy1[i]) &&
                        same(p->d2f(xs[i], b), d2y2[i]))
                << text << " at " << xs[i];
        }
        // In place: y may be x.
        std::vector<double> inPlace = xs;
        p->evalF(inPlace, inPlace, b);
        for (std::size_t i = 0; i < n; ++i) ASSERT_TRUE(same(inPlace[i], y0[i])) << text;
        // Spans of different lengths: the shortest decides, nothing beyond is touched.
        std::vector<double> shortY(10, -7.0);
        p->evalFDf(xs, shortY, std::span<double>(dy1).first(5), b);
        EXPECT_TRUE(same(shortY[4], y0[4]));
        EXPECT_EQ(shortY[5], -7.0);
    }
}

TEST(FormulaEval, ParametersChangeTheValue) {
    const auto p = compiled("x*sigmoid(b*x)");
    EXPECT_NE(p->f(1.0, std::vector<double>{1.0}), p->f(1.0, std::vector<double>{2.0}));
    EXPECT_EQ(p->f(1.0), p->f(1.0, std::vector<double>{1.0}));       // missing: 1
    EXPECT_EQ(p->f(1.0, std::vector<double>{1.0, 9.0}), p->f(1.0));  // extra: ignored
    EXPECT_EQ(p->defaultParams(), std::vector<double>{1.0});
}

TEST(FormulaEval, CommonSubexpressionsAreComputedOnce) {
    // x, sin(x), the product: three instructions for sin(x)*sin(x).
    EXPECT_EQ(compiled("sin(x)*sin(x)")->bodyLength(), 3u);
    EXPECT_EQ(compiled("sin(x)*sin(x)")->f(0.5), std::sin(0.5) * std::sin(0.5));
    // x*sigmoid(b*x): x, b*x, sigmoid, the product; b alone in the prologue.
    const auto swish = compiled("x*sigmoid(b*x)");
    EXPECT_EQ(swish->bodyLength(), 4u);
    EXPECT_EQ(swish->prologueLength(), 1u);
}

TEST(FormulaEval, LongAndDeepFormulasEvaluateCorrectly) {
    std::string sum = "x";
    while (sum.size() < 497) sum += "+x";
    EXPECT_EQ(compiled(sum)->f(3), 3.0 * 249);
    std::string nested = "x";
    for (int i = 0; i < 64; ++i) nested = "sin(" + nested + ")";
    double want = 0.7;
    for (int i = 0; i < 64; ++i) want = std::sin(want);
    EXPECT_LE(ulpDistance(compiled(nested)->f(0.7), want), 4);
}

TEST(FormulaEval, KinksAreTheSwitchingPoints) {
    const auto kinks = [](const char* text, std::vector<double> params = {}) {
        return compiled(text)->kinks(params, -10, 10);
    };
    EXPECT_EQ(kinks("max(0,x)"), std::vector<double>{0});
    EXPECT_EQ(kinks("min(max(x, -1), 1)"), (std::vector<double>{-1, 1}));
    EXPECT_EQ(kinks("where(x > a, x, 0)", {0.3}), std::vector<double>{0.3});
    EXPECT_EQ(kinks("abs(x - 2) + step(x + 1)"), (std::vector<double>{-1, 2}));
    const std::vector<double> root2 = kinks("max(x^2, 2)");
    ASSERT_EQ(root2.size(), 2u);
    EXPECT_NEAR(root2[0], -std::sqrt(2.0), 1e-15);
    EXPECT_NEAR(root2[1], std::sqrt(2.0), 1e-15);
    EXPECT_EQ(kinks("max(0, x - 20)"), std::vector<double>{});  // outside the range
    EXPECT_TRUE(kinks("x*sigmoid(x)").empty());
    EXPECT_TRUE(kinks("where(a > 0, x, 2*x)", {1}).empty());  // the condition does not vary with x
}

TEST(FormulaEval, PiecewiseLinearAndSwitchingFlags) {
    for (const char* yes :
         {"max(0,x)", "min(max(x, -1), 1)", "2*x + 3", "x/a - b", "where(x > 0, x, 0.1*x)",
          "abs(x - 1)", "step(x)", "x^1", "-max(a*x, x)", "max(0, 2*(x - 1))"})
        EXPECT_TRUE(compiled(yes)->isPiecewiseLinear()) << yes;
    for (const char* no : {"x*sigmoid(x)", "a/x", "where(x^2 > 1, x, 0)", "x*x", "max(0,x)^2",
                           "max(0, x)*x", "sin(x)", "x^2"})
        EXPECT_FALSE(compiled(no)->isPiecewiseLinear()) << no;
    EXPECT_TRUE(compiled("max(0,x)")->hasSwitchingPoints());
    EXPECT_FALSE(compiled("x*sigmoid(x)")->hasSwitchingPoints());
    EXPECT_FALSE(compiled("where(a > 0, x, 2*x)")->hasSwitchingPoints());
    EXPECT_FALSE(compiled("2*a")->dependsOnX());
    EXPECT_EQ(at(*compiled("2*a"), 5, {3}).f, 6);
    EXPECT_EQ(at(*compiled("2*a"), 5, {3}).df, 0);
}

TEST(FormulaEval, MaxZeroXReproducesReluExactlyOnEveryGoldenRow) {
    const auto p = compiled("max(0,x)");
    int rows = 0;
    for (const GoldenSetting& s : goldenSettings(false)) {
        if (s.torchName != "ReLU") continue;
        for (const GoldenRow& r : s.rows) {
            const Jet3 j = at(*p, r.x);
            ++rows;
            EXPECT_TRUE(same(j.f, r.f) || j.f == r.f) << r.x << ": " << j.f << " vs " << r.f;
            EXPECT_TRUE(same(j.df, r.df) || j.df == r.df) << r.x << ": " << j.df << " vs " << r.df;
        }
    }
    EXPECT_GT(rows, 1000);
}

TEST(FormulaEval, XSigmoidXStaysWithinFourUlpOfSilu) {
    const auto p = compiled("x*sigmoid(x)");
    const ActivationSpec& silu = activation("silu");
    std::vector<double> xs;
    for (const GoldenSetting& s : goldenSettings(false))
        if (s.torchName == "SiLU")
            for (const GoldenRow& r : s.rows) xs.push_back(r.x);
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> u(-40, 40);
    for (int i = 0; i < 20000; ++i) xs.push_back(u(rng));
    ASSERT_GT(xs.size(), 20000u);
    const double eps = std::ldexp(1.0, -53);
    double worstSubnormal = 0;
    for (double x : xs) {
        const double f = p->f(x), want = silu.f(x, {});
        // Below x = −708.4 SiLU is subnormal, and so is sigmoid(x) before the product: it
        // carries fewer than 53 bits there (the built-in scales e^x up first). The difference
        // is then bounded in absolute terms.
        if (std::fabs(want) < std::numeric_limits<double>::min() && want != 0) {
            worstSubnormal = std::max(worstSubnormal, std::fabs(f - want));
            continue;
        }
        ASSERT_TRUE(ulpDistance(f, want) <= 4 || (std::isnan(f) && std::isnan(want)))
            << x << ": " << f << " vs " << want;
        // f′ has a root near x = −1.28 where ulps lose meaning: there 4 ulp of 1 absolute.
        const double df = p->df(x), wantDf = silu.df(x, {});
        ASSERT_TRUE(ulpDistance(df, wantDf) <= 4 || std::fabs(df - wantDf) <= 4 * eps ||
                    (std::isnan(df) && std::isnan(wantDf)))
            << x << ": " << df << " vs " << wantDf;
    }
    EXPECT_LT(worstSubnormal, 1e-320);  // measured: 1.8e-321
}

TEST(FormulaEval, ThreadsShareOneProgram) {
    const auto p = compiled("x*tanh(softplus(b*x)) + where(x > 0, x, 0)");
    std::vector<double> xs(5000);
    for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -25 + 0.01 * static_cast<double>(i);
    const auto run = [&](double b) {
        std::vector<double> y(xs.size()), dy(xs.size());
        p->evalFDf(xs, y, dy, std::vector<double>{b});
        return std::make_pair(y, dy);
    };
    const auto single1 = run(1.0), single2 = run(2.0);
    std::pair<std::vector<double>, std::vector<double>> r1, r2;
    std::thread t1([&] {
        for (int i = 0; i < 20; ++i) r1 = run(1.0);
    });
    std::thread t2([&] {
        for (int i = 0; i < 20; ++i) r2 = run(2.0);
    });
    t1.join();
    t2.join();
    EXPECT_EQ(r1, single1);
    EXPECT_EQ(r2, single2);
}

}  // namespace
}  // namespace actlab::test
