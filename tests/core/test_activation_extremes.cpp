// Extreme inputs and identities: every activation at ±0, subnormals, ±1e308, ±inf and NaN in
// double and float, and randomised checks of the identities each function must satisfy and of
// the registry's properties (monotonic, zero-centred, bounded, saturating), computed both ways.

#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <limits>
#include <random>

#include "registry_params.h"

namespace actlab::test {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const std::vector<double> kExtremes = {0.0,     -0.0,     4.9e-324, -4.9e-324, 1e-310, -1e-310,
                                       1e-300,  -1e-300,  1e-20,    -1e-20,    700.0,  -700.0,
                                       745.2,   -745.2,   1e300,    -1e300,    1e308,  -1e308,
                                       DBL_MAX, -DBL_MAX, kInf,     -kInf};

class Extremes : public ::testing::TestWithParam<std::string> {
protected:
    const ActivationSpec& spec() const { return activation(GetParam()); }
};

TEST_P(Extremes, NoNaNFromNonNaNInputsInDoubleAndFloat) {
    for (const ParamValues& p : parameterSamples(spec())) {
        for (double x : kExtremes) {
            const double f = spec().f(x, p), df = spec().df(x, p), d2f = spec().d2f(x, p);
            EXPECT_FALSE(std::isnan(f)) << spec().id << " f(" << x << ")";
            EXPECT_FALSE(std::isnan(df)) << spec().id << " f'(" << x << ")";
            EXPECT_FALSE(std::isnan(d2f)) << spec().id << " f''(" << x << ")";
            // Derivatives of finite inputs are finite, except where the true value overflows.
            if (std::isfinite(x)) {
                EXPECT_TRUE(std::isfinite(df)) << spec().id << " f'(" << x << ")";
            }
            const float xf = static_cast<float>(x);
            EXPECT_FALSE(std::isnan(spec().f(xf, p))) << spec().id << " float f(" << xf << ")";
            EXPECT_FALSE(std::isnan(spec().df(xf, p))) << spec().id << " float f'(" << xf << ")";
            EXPECT_FALSE(std::isnan(spec().d2f(xf, p))) << spec().id << " float f''(" << xf << ")";
        }
        EXPECT_TRUE(std::isnan(spec().f(kNaN, p)));
        EXPECT_TRUE(std::isnan(spec().df(kNaN, p)));
        EXPECT_TRUE(std::isnan(spec().f(static_cast<float>(kNaN), p)));
        EXPECT_TRUE(std::isnan(spec().df(static_cast<float>(kNaN), p)));
    }
}

// The growth bound |f(x)| ≤ slope·|x| + offset, by which the network bounds its outputs without
// evaluating them (Mlp::outputBound), holds for the scalar kernel and the network's vectorised
// ones, at the parameter samples and at values beyond the sliders, from 0 to the largest double.
TEST_P(Extremes, GrowthBoundHoldsForTheScalarAndTheNetworkKernels) {
    ASSERT_NE(spec().growth, nullptr) << "every built-in row bounds its growth";
    std::vector<ParamValues> samples = parameterSamples(spec());
    for (std::size_t i = 0; i < spec().params.size(); ++i)
        for (double v : {-2.5, -0.01, 0.02, 7.0, 1e6}) {
            ParamValues p = spec().defaults();
            p[i] = v;
            if (spec().validate(p).empty()) samples.push_back(p);
        }
    std::vector<double> xs;
    for (double x : kExtremes)
        if (std::isfinite(x)) xs.push_back(x);
    for (int i = -4000; i <= 4000; ++i) xs.push_back(0.01 * i);
    for (double m = 50; m < 1e300; m *= 3.7) xs.insert(xs.end(), {m, -m});
    std::vector<double> fast(xs.size()), fastF(xs.size()), fastDf(xs.size());
    for (const ParamValues& p : samples) {
        const LinearGrowth g = spec().growth(p);
        if (spec().fast.f) spec().fast.f(xs, fast, p);
        if (spec().fast.fdf) spec().fast.fdf(xs, fastF, fastDf, p);
        for (std::size_t k = 0; k < xs.size(); ++k) {
            const double grown = xs[k] == 0 ? 0.0 : g.slope * std::fabs(xs[k]);  // no ∞·0
            const double bound = (grown + g.offset) * (1 + 1e-12) + 1e-300;
            const auto within = [&](double y) { return std::fabs(y) <= bound; };
            EXPECT_TRUE(within(spec().f(xs[k], p)))
                << spec().id << " f(" << xs[k] << ") = " << spec().f(xs[k], p) << " > " << bound;
            if (spec().fast.f) {
                EXPECT_TRUE(within(fast[k])) << spec().id << " fast f(" << xs[k] << ")";
            }
            if (spec().fast.fdf) {
                EXPECT_TRUE(within(fastF[k])) << spec().id << " fast f+f′(" << xs[k] << ")";
            }
        }
    }
}

/// E[f(z)] for z ~ N(0, 1), by Simpson's rule on [−12, 12] (the tails beyond weigh < 1e-30).
double gaussianMean(const ActivationSpec& s, const ParamValues& p) {
    constexpr int n = 24000;  // even
    constexpr double a = -12, b = 12, h = (b - a) / n;
    double sum = 0;
    for (int i = 0; i <= n; ++i) {
        const double z = a + i * h;
        const double w = i == 0 || i == n ? 1 : i % 2 ? 4 : 2;
        sum += w * s.f(z, p) * std::exp(-0.5 * z * z);
    }
    return sum * h / 3 / std::sqrt(2 * M_PI);
}

/// True when f never decreases on a 0.01 grid over [−50, 50], except across a documented kink,
/// where PyTorch's definition may jump (Softplus's switch drops by 2e-9).
bool nonDecreasing(const ActivationSpec& s, const ParamValues& p) {
    const std::vector<double> kinks = s.kinks(p);
    double prevX = -50, prev = s.f(prevX, p);
    for (int i = 1; i <= 10000; ++i) {
        const double x = -50 + 0.01 * i, v = s.f(x, p);
        bool kinkBetween = false;
        for (double k : kinks) kinkBetween = kinkBetween || (k >= prevX && k <= x);
        if (!kinkBetween && v < prev) return false;
        prevX = x;
        prev = v;
    }
    return true;
}

// Each ticked property, computed from the kernels at the default parameters, must equal the
// tick, both ways (the definitions are in docs/activations.md).
TEST_P(Extremes, RegistryPropertiesAreExactlyTheComputedOnes) {
    const ActivationSpec& s = spec();
    const ParamValues p = s.defaults();
    const Properties& props = s.properties;
    // Bounded above/below: f has a finite supremum/infimum; f(±inf) is that limit.
    EXPECT_EQ(std::isfinite(s.f(kInf, p)), props.boundedAbove) << s.id << " f(+inf)";
    EXPECT_EQ(std::isfinite(s.f(-kInf, p)), props.boundedBelow) << s.id << " f(-inf)";
    // Saturating: f′(x) → 0 as x → +∞ and as x → −∞.
    const bool saturates = std::abs(s.df(1e6, p)) < 1e-9 && std::abs(s.df(-1e6, p)) < 1e-9;
    EXPECT_EQ(saturates, props.saturating)
        << s.id << " f'(1e6) = " << s.df(1e6, p) << ", f'(-1e6) = " << s.df(-1e6, p);
    // Zero-centred: E[f(z)] = 0 for z ~ N(0, 1), to within 0.01.
    const double mean = gaussianMean(s, p);
    EXPECT_EQ(std::abs(mean) < 0.01, props.zeroCentred) << s.id << " E[f(z)] = " << mean;
    // Monotonic: non-decreasing on ℝ.
    EXPECT_EQ(nonDecreasing(s, p), props.monotonic) << s.id;
}

INSTANTIATE_TEST_SUITE_P(Registry, Extremes, ::testing::ValuesIn(allIds()), idTestName);

/// x from log-uniform magnitudes in [1e-300, 1e300] and uniform [−40, 40], with random signs.
std::vector<double> randomXs(int n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<double> xs;
    for (int i = 0; i < n; ++i) {
        const double sign = u(rng) < 0.5 ? -1 : 1;
        xs.push_back(i % 2 ? sign * std::pow(10.0, -300 + 600 * u(rng)) : -40 + 80 * u(rng));
    }
    return xs;
}

TEST(Identities, SigmoidIsSymmetric) {
    const ActivationSpec& s = activation("sigmoid");
    for (double x : randomXs(20000, 1)) {
        // σ(−x) = 1 − σ(x): the sum is 1 to within an ulp of 1.
        EXPECT_NEAR(s.f(-x, {}) + s.f(x, {}), 1.0, 0x1p-52) << x;
        EXPECT_EQ(s.df(-x, {}), s.df(x, {})) << x;
    }
}

TEST(Identities, TanhAndTheOddFunctionsAreOdd) {
    for (const char* id : {"tanh", "softsign", "tanhshrink", "hardtanh", "softshrink",
                           "hardshrink", "identity"}) {
        const ActivationSpec& s = activation(id);
        for (double x : randomXs(5000, 2)) {
            EXPECT_EQ(s.f(-x, s.defaults()), -s.f(x, s.defaults())) << id << " " << x;
            EXPECT_EQ(s.df(-x, s.defaults()), s.df(x, s.defaults())) << id << " " << x;
        }
    }
}

TEST(Identities, SoftplusDifferenceIsX) {
    const ActivationSpec& s = activation("softplus");
    // PyTorch's switch to f = x above x·β > threshold breaks the identity by up to e⁻ᵗʰ/β
    // (2e-9 for threshold 20), so the mathematical function is tested with the switch out of
    // reach.
    for (double beta : {0.5, 1.0, 2.0, 7.25}) {
        const ParamValues p = {beta, 1e300};
        for (double x : randomXs(20000, 3)) {
            if (!std::isfinite(x * beta)) continue;
            // softplus(x) − softplus(−x) = x, up to the rounding of the larger term.
            const double d = s.f(x, p) - s.f(-x, p);
            EXPECT_NEAR(d, x, 4 * DBL_EPSILON * std::max(std::fabs(x), s.f(x, p)) + 1e-300)
                << "beta " << beta << " x " << x;
        }
    }
}

TEST(Identities, LogSigmoidIsTheLogOfSigmoid) {
    const ActivationSpec& ls = activation("logsigmoid");
    const ActivationSpec& sg = activation("sigmoid");
    // Each side is compared where it is well conditioned: log σ for x < 0 (σ small), σ = e^(log σ)
    // for x ≥ 0 (log σ small).
    for (double x : randomXs(20000, 4)) {
        if (x < -700) continue;  // σ underflows there, log σ does not
        if (x < 0) {
            EXPECT_NEAR(ls.f(x, {}), std::log(sg.f(x, {})), 4 * DBL_EPSILON * std::fabs(ls.f(x, {})))
                << x;
        } else {
            EXPECT_NEAR(std::exp(ls.f(x, {})), sg.f(x, {}), 4 * DBL_EPSILON) << x;
        }
    }
}

TEST(Identities, FloatKernelsAgreeWithDoubleKernelsToFloatPrecision) {
    for (const ActivationSpec& s : activations()) {
        ParamValues pf = s.defaults();
        for (double& v : pf) v = static_cast<float>(v);
        for (double x : randomXs(2000, 5)) {
            const float xf = static_cast<float>(x);
            if (!std::isfinite(xf)) continue;
            const double ref = s.f(static_cast<double>(xf), pf);
            const float got = s.f(xf, s.defaults());
            if (std::isinf(ref) || std::fabs(ref) > FLT_MAX) continue;
            EXPECT_LE(std::fabs(got - ref), std::fabs(ref) * 0x1p-23 + 0x1p-149) << s.id << " " << xf;
        }
    }
}

}  // namespace
}  // namespace actlab::test
