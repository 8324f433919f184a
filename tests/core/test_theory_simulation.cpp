// The simulated wide network against the mean-field theory, and its determinism.

#include <gtest/gtest.h>

#include <cmath>

#include "activations/activation_call.h"
#include "theory/mean_field.h"
#include "theory/normal_sampler.h"
#include "theory/wide_network.h"

namespace actlab::theory {
namespace {

ActivationCall call(const char* id) {
    const ResolvedCall r = resolveActivation(id, {});
    EXPECT_TRUE(r.ok()) << r.error;
    return r.call;
}

TEST(TheorySimulation, NormalSamplerHasTheNormalMoments) {
    NormalSampler s(7);
    const int n = 1'000'000;
    double m1 = 0, m2 = 0, m4 = 0, beyond = 0;
    for (int i = 0; i < n; ++i) {
        const double z = s();
        m1 += z;
        m2 += z * z;
        m4 += z * z * z * z;
        beyond += std::fabs(z) > 3.5;  // the ziggurat's tail starts at 3.44
    }
    // Five standard errors of each estimate.
    EXPECT_NEAR(m1 / n, 0.0, 5 / std::sqrt(double(n)));
    EXPECT_NEAR(m2 / n, 1.0, 5 * std::sqrt(2.0 / n));
    EXPECT_NEAR(m4 / n, 3.0, 5 * std::sqrt(96.0 / n));
    EXPECT_NEAR(beyond / n, std::erfc(3.5 / std::sqrt(2.0)), 5 * std::sqrt(4.7e-4 / n));
}

TEST(TheorySimulation, IsDeterministicFromTheSeed) {
    SimulationSettings s;
    s.variances = {1.5, 0.05};
    s.width = 64;
    s.depth = 5;
    s.seed = 11;
    const SimulationResult a = simulateWideNetwork(call("tanh"), s);
    const SimulationResult b = simulateWideNetwork(call("tanh"), s);
    EXPECT_EQ(a.q, b.q);
    EXPECT_EQ(a.c, b.c);
    EXPECT_EQ(a.gradNorm2, b.gradNorm2);
    s.seed = 12;
    EXPECT_NE(simulateWideNetwork(call("tanh"), s).q, a.q);
    // The inputs have exactly the requested length and correlation.
    EXPECT_NEAR(a.q[0], 1.0, 1e-14);
    EXPECT_NEAR(a.c[0], 0.5, 1e-14);
    EXPECT_EQ(a.gradRatio[0], 1.0);
}

// At width 512 the measured q_l of tanh at (1.5, 0.05) is within 5 % of the theory over 20
// layers. One network's q_l fluctuates by about √(2/512)/√(1 − F′(q*)²) ≈ 7 % around the
// theory (each layer averages 512 squares, and the map forgets with slope 0.55), so the test
// averages 48 networks (fixed seeds): 1 % standard error.
TEST(TheorySimulation, TanhLengthFollowsTheTheoryAtWidth512) {
    const ActivationCall tanh = call("tanh");
    const Variances v{1.5, 0.05};
    MeanField field(tanh);
    const DepthCurves theory = field.depthCurves(v, 20);
    SimulationSettings s;
    s.variances = v;
    s.width = 512;
    s.depth = 20;
    s.pairs = 1;
    s.gradients = false;
    const int networks = 48;
    std::vector<double> q(21, 0.0), c(21, 0.0);
    for (int k = 0; k < networks; ++k) {
        s.seed = 1000 + std::uint64_t(k);
        const SimulationResult r = simulateWideNetwork(tanh, s);
        for (std::size_t l = 0; l <= 20; ++l) {
            q[l] += r.q[l] / networks;
            c[l] += r.c[l] / networks;
        }
    }
    for (std::size_t l = 0; l <= 20; ++l) {
        EXPECT_NEAR(q[l] / theory.q[l], 1.0, 0.05) << "layer " << l;
        EXPECT_NEAR(c[l], theory.c[l], 0.03) << "layer " << l;
    }
}

// Gradients: the measured ratio |δ₀|²/|δ_l|² follows ∏ χ, here for ReLU at He's σ_w² = 2,
// where it stays near 1, and at σ_w² = 1.2, where it shrinks like 0.6^l.
TEST(TheorySimulation, GradientRatioFollowsTheProductOfChi) {
    const ActivationCall relu = call("relu");
    MeanField field(relu);
    for (double sw : {2.0, 1.2}) {
        const Variances v{sw, 0.0};
        const DepthCurves theory = field.depthCurves(v, 10);
        SimulationSettings s;
        s.variances = v;
        s.width = 512;
        s.depth = 10;
        s.pairs = 4;
        double logErr = 0;
        const int networks = 6;
        for (int k = 0; k < networks; ++k) {
            s.seed = 50 + std::uint64_t(k);
            const SimulationResult r = simulateWideNetwork(relu, s);
            logErr += std::log(r.gradRatio[10] / theory.gradRatio[10]) / networks;
        }
        EXPECT_NEAR(logErr, 0.0, 0.1) << "sigma_w2 = " << sw;
    }
}

TEST(TheorySimulation, RejectsBadSettings) {
    SimulationSettings s;
    s.width = 1;
    EXPECT_THROW(simulateWideNetwork(call("relu"), s), std::invalid_argument);
    s = {};
    s.variances.sigmaW2 = -1;
    EXPECT_THROW(simulateWideNetwork(call("relu"), s), std::invalid_argument);
    s = {};
    s.c0 = 1.5;
    EXPECT_THROW(simulateWideNetwork(call("relu"), s), std::invalid_argument);
}

}  // namespace
}  // namespace actlab::theory
