// Analytic derivatives against central differences, special values and the batch kernels, for
// every registry row and a spread of parameter values.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "registry_params.h"

namespace actlab::test {
namespace {

class EveryActivation : public ::testing::TestWithParam<std::string> {
protected:
    const ActivationSpec& spec() const { return activation(GetParam()); }
};

/// Points of [−7.9, 7.9] at least `margin` away from every kink of `p`.
std::vector<double> smoothPoints(const ActivationSpec& spec, const ParamValues& p, double margin) {
    std::vector<double> xs;
    const std::vector<double> kinks = spec.kinks(p);
    for (double x = -7.9; x <= 7.9; x += 0.0731) {
        bool nearKink = false;
        for (double k : kinks) nearKink = nearKink || std::fabs(x - k) < margin;
        if (!nearKink) xs.push_back(x);
    }
    return xs;
}

/// Central difference of g at x with step h.
template <class G>
double centralDifference(G g, double x, double h) {
    return (g(x + h) - g(x - h)) / (2 * h);
}

TEST_P(EveryActivation, FirstDerivativeMatchesCentralDifferences) {
    for (const ParamValues& p : parameterSamples(spec())) {
        for (double x : smoothPoints(spec(), p, 1e-3)) {
            const double h = 1e-6 * std::max(1.0, std::fabs(x));
            const double fd = centralDifference([&](double v) { return spec().f(v, p); }, x, h);
            const double df = spec().df(x, p);
            EXPECT_NEAR(df, fd, 1e-6 * (1 + std::fabs(df)))
                << spec().id << " at x = " << x << ", p = {" << p[0] << ", " << p[1] << "}";
        }
    }
}

TEST_P(EveryActivation, SecondDerivativeMatchesCentralDifferences) {
    for (const ParamValues& p : parameterSamples(spec())) {
        for (double x : smoothPoints(spec(), p, 1e-3)) {
            const double h = 1e-6 * std::max(1.0, std::fabs(x));
            const double fd = centralDifference([&](double v) { return spec().df(v, p); }, x, h);
            const double d2f = spec().d2f(x, p);
            EXPECT_NEAR(d2f, fd, 1e-6 * (1 + std::fabs(d2f)))
                << spec().id << " at x = " << x << ", p = {" << p[0] << ", " << p[1] << "}";
        }
    }
}

TEST_P(EveryActivation, NaNGivesNaNAndInfinitiesGiveLimits) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (const ParamValues& p : parameterSamples(spec())) {
        EXPECT_TRUE(std::isnan(spec().f(nan, p))) << spec().id;
        EXPECT_TRUE(std::isnan(spec().df(nan, p))) << spec().id;
        EXPECT_TRUE(std::isnan(spec().d2f(nan, p))) << spec().id;
        EXPECT_TRUE(std::isnan(spec().f(static_cast<float>(nan), p))) << spec().id;
        for (double x : {-inf, inf}) {
            // f may be ±inf at ±inf, but never NaN; the derivatives are finite limits.
            EXPECT_FALSE(std::isnan(spec().f(x, p))) << spec().id << " at " << x;
            EXPECT_TRUE(std::isfinite(spec().df(x, p))) << spec().id << " at " << x;
            EXPECT_TRUE(std::isfinite(spec().d2f(x, p))) << spec().id << " at " << x;
            EXPECT_FALSE(std::isnan(spec().f(static_cast<float>(x), p))) << spec().id;
        }
    }
}

TEST_P(EveryActivation, BatchKernelsAgreeWithScalarKernelsBitForBit) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> wide(-60, 60);
    std::vector<double> xs(1000);
    for (double& x : xs) x = wide(rng);
    std::vector<float> xf(xs.begin(), xs.end());
    for (const ParamValues& p : parameterSamples(spec())) {
        std::vector<double> y(xs.size()), dy(xs.size()), y2(xs.size()), dy2(xs.size());
        spec().k64.batchF(xs, y, p);
        spec().k64.batchDf(xs, dy, p);
        spec().k64.batchFDf(xs, y2, dy2, p);
        std::vector<double> d2y(xs.size());
        spec().k64.batchD2f(xs, d2y, p);
        std::vector<float> yf(xs.size()), dyf(xs.size());
        spec().k32.batchFDf(xf, yf, dyf, p);
        for (std::size_t i = 0; i < xs.size(); ++i) {
            ASSERT_EQ(y[i], spec().f(xs[i], p)) << spec().id << " x = " << xs[i];
            ASSERT_EQ(dy[i], spec().df(xs[i], p)) << spec().id << " x = " << xs[i];
            ASSERT_EQ(y2[i], y[i]) << spec().id << " x = " << xs[i];
            ASSERT_EQ(dy2[i], dy[i]) << spec().id << " x = " << xs[i];
            ASSERT_EQ(d2y[i], spec().d2f(xs[i], p)) << spec().id << " x = " << xs[i];
            ASSERT_EQ(yf[i], spec().f(xf[i], p)) << spec().id << " x = " << xf[i];
            ASSERT_EQ(dyf[i], spec().df(xf[i], p)) << spec().id << " x = " << xf[i];
        }
    }
}

TEST_P(EveryActivation, FloatKernelsRoundTheDoubleResult) {
    // Float results come from double arithmetic rounded once, so they are within one float ulp
    // of the double result at float inputs with float-rounded parameters.
    for (const ParamValues& p : parameterSamples(spec())) {
        ParamValues pf = p;
        for (double& v : pf) v = static_cast<float>(v);
        for (double x : smoothPoints(spec(), pf, 0.0)) {
            const float xf = static_cast<float>(x);
            const double ref = spec().f(static_cast<double>(xf), pf);
            const float got = spec().f(xf, p);
            EXPECT_LE(std::fabs(got - ref), std::fabs(ref) * 1.2e-7 + 1e-38)
                << spec().id << " at " << xf << ", p = {" << p[0] << ", " << p[1] << "}: " << got
                << " vs " << ref;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Registry, EveryActivation, ::testing::ValuesIn(allIds()), idTestName);

}  // namespace
}  // namespace actlab::test
