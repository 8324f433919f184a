// The Gaussian expectations of core/theory against closed forms: polynomial exactness of the
// reference rules, the arc-cosine kernel of ReLU, erf forms for Hardtanh and GELU, and the
// derivative formulas against finite differences.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "activations/activation_call.h"
#include "activations/registry.h"
#include "theory/gaussian_expectation.h"
#include "theory/gaussian_quadrature.h"

namespace actlab::theory {
namespace {

constexpr double kPi = std::numbers::pi;

ActivationCall call(const char* id, KeywordArgs args = {}) {
    const ResolvedCall r = resolveActivation(id, args);
    EXPECT_TRUE(r.ok()) << r.error;
    return r.call;
}

double rel(double a, double b) {
    return std::fabs(a - b) / std::max(std::fabs(b), 1e-300);
}

TEST(TheoryQuadrature, LegendreIsExactForPolynomials) {
    for (int n : {2, 5, 8, 12, 16, 32}) {
        const ReferenceRule r = legendreRule(n);
        for (int k = 0; k < 2 * n; ++k) {
            double sum = 0;
            for (std::size_t i = 0; i < r.t.size(); ++i) sum += r.w[i] * std::pow(r.t[i], k);
            const double exact = k % 2 ? 0.0 : 2.0 / (k + 1);
            EXPECT_NEAR(sum, exact, 1e-14) << "n=" << n << " k=" << k;
        }
    }
}

TEST(TheoryQuadrature, HermiteGivesTheNormalMoments) {
    const ReferenceRule r = hermiteRule20();
    ASSERT_EQ(r.t.size(), 20u);
    double doubleFactorial = 1;  // (k − 1)!!
    for (int k = 0; k < 40; k += 2) {
        double sum = 0;
        for (std::size_t i = 0; i < r.t.size(); ++i) sum += r.w[i] * std::pow(r.t[i], k);
        EXPECT_LT(rel(sum, doubleFactorial), 1e-13) << "k=" << k;
        doubleFactorial *= k + 1;
    }
}

TEST(TheoryQuadrature, RulesIntegrateMomentsAroundAnyBreakpoints) {
    GaussianRule rule;
    const std::vector<Breakpoint> bps = {{0.0, 0.1}, {1.0, 0.5}, {-2.5, 1e300}, {40.0, 0.1}};
    for (double mean : {0.0, 0.7, -3.0})
        for (double sd : {1e-3, 0.3, 1.0, 7.0, 1e3}) {
            rule.build(mean, sd, bps, 0.25);
            double m0 = 0, m1 = 0, m2 = 0;
            for (std::size_t i = 0; i < rule.size(); ++i) {
                const double z = rule.z()[i];
                EXPECT_NEAR(rule.x()[i], mean + sd * z, 1e-15 * (std::fabs(mean) + sd * 9));
                m0 += rule.w()[i];
                m1 += rule.w()[i] * z;
                m2 += rule.w()[i] * z * z;
            }
            EXPECT_NEAR(m0, 1.0, 2e-15) << mean << " " << sd;
            EXPECT_NEAR(m1, 0.0, 2e-15) << mean << " " << sd;
            EXPECT_NEAR(m2, 1.0, 2e-15) << mean << " " << sd;
        }
}

// E[ReLU(u₁)ReLU(u₂)] = q/(2π)·(√(1 − c²) + (π − arccos c)·c) (Cho and Saul 2009), and
// E[step(u₁)step(u₂)] = 1/4 + arcsin(c)/(2π).
TEST(TheoryQuadrature, ReluMatchesTheArcCosineKernel) {
    ActivationExpectations e(call("relu"));
    for (double q : {0.2, 1.0, 3.0})
        for (double c : {-1.0, -0.999, -0.6, -0.1, 0.0, 0.3, 0.5, 0.9, 0.99, 0.999999, 1.0}) {
            const double s = std::sqrt((1 - c) * (1 + c));
            // π − arccos c = arccos(−c), which keeps its digits as c → −1.
            const double kernel = q / (2 * kPi) * (s + std::acos(-c) * c);
            const double step = 0.25 + std::asin(c) / (2 * kPi);
            if (kernel > 0) {
                EXPECT_LT(rel(e.cross(q, c), kernel), 1e-12) << q << " " << c;
            } else {
                EXPECT_NEAR(e.cross(q, c), 0.0, 1e-15);
            }
            EXPECT_LT(rel(e.cross(q, c, Kernel::Df), step), 1e-12) << q << " " << c;
        }
    EXPECT_LT(rel(e.meanSquare(2.5), 1.25), 1e-14);
    EXPECT_LT(rel(e.slopeSquare(2.5), 0.5), 1e-14);
    // The limits q → 0⁺ (ReLU′(0) = 0 by convention, but half the mass is on the right) and
    // q → ∞ (the far slopes).
    EXPECT_EQ(e.slopeSquare(0.0), 0.5);
    EXPECT_EQ(e.slopeSquare(std::numeric_limits<double>::infinity()), 0.5);
    EXPECT_LT(rel(e.cross(0.0, 0.5, Kernel::Df), 0.25 + std::asin(0.5) / (2 * kPi)), 1e-15);
}

// Hardtanh with a = 1/√(2q): E[clamp(x)²] = q·(erf a − 2a·e^(−a²)/√π) + erfc a and
// E[clamp′(x)²] = erf a.
TEST(TheoryQuadrature, HardtanhMatchesErfForms) {
    ActivationExpectations e(call("hardtanh"));
    for (double q : {0.01, 0.3, 1.0, 4.0, 100.0}) {
        const double a = 1 / std::sqrt(2 * q);
        const double v =
            q * (std::erf(a) - 2 * a * std::exp(-a * a) / std::sqrt(kPi)) + std::erfc(a);
        EXPECT_LT(rel(e.meanSquare(q), v), 1e-13) << q;
        EXPECT_LT(rel(e.slopeSquare(q), std::erf(a)), 1e-13) << q;
    }
}

// GELU: by Stein's lemma E[x·Φ(x)] = q·E[φ(x)] = q/√(2π(1 + q)) for x ~ N(0, q).
TEST(TheoryQuadrature, GeluMeanMatchesClosedForm) {
    ActivationExpectations e(call("gelu"));
    for (double q : {0.05, 0.5, 1.0, 9.0, 400.0}) {
        const double exact = q / std::sqrt(2 * kPi * (1 + q));
        EXPECT_LT(rel(e.moments(0, q).mean, exact), 1e-13) << q;
    }
}

TEST(TheoryQuadrature, IdentityCrossMomentIsTheCovariance) {
    ActivationExpectations e(call("identity"));
    for (double c : {-0.99, -0.5, 0.2, 0.8, 0.9999})
        EXPECT_LT(rel(e.cross(2.0, c), 2.0 * c), 1e-13) << c;
}

// ∂/∂mean and ∂/∂var from the density against central differences, for smooth and kinked
// activations alike (Threshold jumps, so its derivative has a delta that f″ would miss).
TEST(TheoryQuadrature, DerivativesMatchFiniteDifferences) {
    for (const char* id : {"tanh", "selu", "relu", "threshold", "hardshrink", "softsign"}) {
        ActivationExpectations e(call(id));
        for (const auto& [m, v] :
             {std::pair{0.3, 0.8}, std::pair{-1.0, 2.0}, std::pair{0.0, 1.0}}) {
            const Moments at = e.moments(m, v);
            const double h = 1e-5;
            const Moments mp = e.moments(m + h, v), mm = e.moments(m - h, v);
            const Moments vp = e.moments(m, v + h), vm = e.moments(m, v - h);
            EXPECT_NEAR(at.dMean, (mp.mean - mm.mean) / (2 * h), 1e-8) << id;
            EXPECT_NEAR(at.dVar, (vp.mean - vm.mean) / (2 * h), 1e-8) << id;
            EXPECT_NEAR(at.squareDMean, (mp.square - mm.square) / (2 * h), 1e-8) << id;
            EXPECT_NEAR(at.squareDVar, (vp.square - vm.square) / (2 * h), 1e-8) << id;
        }
    }
}

// The correlated expectation is continuous into its special cases c = 0 and c = ±1. Near
// c = ±1 it moves like 1 − c for continuous φ and like √(1 − c) where φ jumps (Threshold,
// Hardshrink: the chance that u₁ and u₂ fall on opposite sides of the jump).
TEST(TheoryQuadrature, CrossMomentIsContinuousAtItsSpecialCases) {
    for (const ActivationSpec& spec : activations()) {
        ActivationExpectations e({&spec, spec.defaults()});
        for (double q : {0.5, 2.0}) {
            const double scale = e.meanSquare(q) + 1e-300;
            EXPECT_NEAR(e.cross(q, 1 - 1e-14), e.cross(q, 1.0), 1e-6 * scale) << spec.id;
            EXPECT_NEAR(e.cross(q, -1 + 1e-14), e.cross(q, -1.0), 1e-6 * scale) << spec.id;
            EXPECT_NEAR(e.cross(q, 1e-9), e.cross(q, 0.0), 1e-8 * scale) << spec.id;
        }
    }
}

}  // namespace
}  // namespace actlab::theory
