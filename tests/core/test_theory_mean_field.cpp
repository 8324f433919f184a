// Mean-field maps, fixed points, phases and the critical line against results known exactly:
// ReLU (χ₁ = σ_w²/2, He's factor 2), tanh (critical at σ_w² = 1 when σ_b² = 0), the identity,
// and SELU's self-normalising fixed point (Klambauer et al. 2017).

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "activations/activation_call.h"
#include "theory/mean_field.h"
#include "theory/mean_map.h"
#include "theory/phase_diagram.h"

namespace actlab::theory {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

ActivationCall call(const char* id, KeywordArgs args = {}) {
    const ResolvedCall r = resolveActivation(id, args);
    EXPECT_TRUE(r.ok()) << r.error;
    return r.call;
}

double rel(double a, double b) {
    return std::fabs(a - b) / std::max(std::fabs(b), 1e-300);
}

TEST(TheoryMeanField, ReluChiIsHalfTheWeightVariance) {
    MeanField f(call("relu"));
    for (double sw : {0.5, 1.0, 1.9, 2.0, 2.7})
        for (double sb : {0.0, 0.05, 0.4}) {
            const Analysis a = f.analyse({sw, sb});
            EXPECT_LT(rel(a.chi1, sw / 2), 1e-13) << sw << " " << sb;
            // q* = σ_b²/(1 − σ_w²/2) below the critical slope, and no fixed point above it.
            if (sw < 2 && sb > 0) {
                EXPECT_LT(rel(a.qStar, sb / (1 - sw / 2)), 1e-12);
            }
            if (sw < 2 && sb == 0) {
                EXPECT_EQ(a.qStar, 0.0);
            }
            if (sw > 2 || (sw == 2 && sb > 0)) {
                EXPECT_EQ(a.qStar, kInf);
            }
        }
    EXPECT_EQ(f.analyse({2.0, 0.0}).qStar, 1.0);  // every q is fixed: q_l stays at q₀
    EXPECT_EQ(f.analyse({2.0, 0.0}).phase, Phase::Critical);
    EXPECT_EQ(f.analyse({1.0, 0.1}).phase, Phase::Ordered);
    EXPECT_EQ(f.analyse({3.0, 0.1}).phase, Phase::Chaotic);
}

TEST(TheoryMeanField, ReluCriticalWeightVarianceIsTwo) {
    MeanField f(call("relu"));
    for (double sb : {0.0, 0.1, 1.0}) {
        const CriticalPoint p = f.criticalSigmaW2(sb);
        ASSERT_TRUE(p.found) << p.message;
        EXPECT_LT(rel(p.sigmaW2, 2.0), 1e-12) << sb;
    }
}

TEST(TheoryMeanField, TanhIsCriticalAtUnitWeightVarianceWithoutBias) {
    MeanField f(call("tanh"));
    const CriticalPoint p = f.criticalSigmaW2(0.0);
    ASSERT_TRUE(p.found) << p.message;
    EXPECT_LT(rel(p.sigmaW2, 1.0), 1e-12);
    // Below it the length dies out (q* = 0) with χ₁ = σ_w²·tanh′(0)² = σ_w².
    const Analysis a = f.analyse({0.7, 0.0});
    EXPECT_EQ(a.qStar, 0.0);
    EXPECT_LT(rel(a.chi1, 0.7), 1e-15);
    EXPECT_TRUE(std::isnan(a.cStar));
    // Above it q* > 0 and the network is chaotic.
    const Analysis b = f.analyse({1.5, 0.0});
    EXPECT_GT(b.qStar, 0.1);
    EXPECT_EQ(b.phase, Phase::Chaotic);
    EXPECT_LT(b.cStar, 1e-12);  // odd φ without bias: c* = 0
}

TEST(TheoryMeanField, IdentityIsLinear) {
    MeanField f(call("identity"));
    const Analysis a = f.analyse({0.6, 0.2});
    EXPECT_LT(rel(a.qStar, 0.2 / 0.4), 1e-13);
    EXPECT_LT(rel(a.chi1, 0.6), 1e-14);
    EXPECT_EQ(a.cStar, 1.0);
    EXPECT_LT(rel(a.lengthSlope, 0.6), 1e-10);
    EXPECT_LT(rel(a.depthQ, -1 / std::log(0.6)), 1e-10);
}

// In the chaotic phase c* is a fixed point of the correlation map below 1, attracting; in the
// ordered phase c* = 1 and ξ_c = −1/ln χ₁.
TEST(TheoryMeanField, CorrelationFixedPointIsAFixedPoint) {
    for (const auto& [id, sw] :
         {std::pair{"tanh", 4.0}, std::pair{"hardtanh", 4.0}, std::pair{"softsign", 6.0},
          std::pair{"sigmoid", 300.0}, std::pair{"hardsigmoid", 150.0}}) {
        MeanField f(call(id));
        const Variances chaotic{sw, 0.05};
        const Analysis a = f.analyse(chaotic);
        ASSERT_EQ(a.phase, Phase::Chaotic) << id;
        ASSERT_LT(a.cStar, 1.0) << id;
        EXPECT_NEAR(f.correlationMap(a.cStar, a.qStar, chaotic), a.cStar, 1e-12) << id;
        EXPECT_LT(a.chiC, 1.0) << id;
        const Variances ordered{0.5, 0.3};
        const Analysis b = f.analyse(ordered);
        ASSERT_EQ(b.phase, Phase::Ordered) << id;
        EXPECT_EQ(b.cStar, 1.0);
        EXPECT_LT(rel(b.depthC, -1 / std::log(b.chi1)), 1e-14) << id;
        // ξ_q from the slope of the length map at q*, here checked by differences.
        const double h = 1e-5 * b.qStar;
        const double slope =
            (f.lengthMap(b.qStar + h, ordered) - f.lengthMap(b.qStar - h, ordered)) / (2 * h);
        EXPECT_NEAR(b.lengthSlope, slope, 1e-7) << id;
        EXPECT_NEAR(f.lengthMap(b.qStar, ordered), b.qStar, 1e-13 * b.qStar) << id;
    }
}

TEST(TheoryMeanField, DepthCurvesIterateTheMaps) {
    MeanField f(call("tanh"));
    const Variances v{1.5, 0.05};
    const DepthCurves d = f.depthCurves(v, 30);
    ASSERT_EQ(d.q.size(), 31u);
    EXPECT_EQ(d.q[0], 1.0);
    EXPECT_EQ(d.c[0], 0.5);
    EXPECT_EQ(d.gradRatio[0], 1.0);
    double product = 1;
    for (std::size_t l = 0; l < 30; ++l) {
        EXPECT_DOUBLE_EQ(d.q[l + 1], f.lengthMap(d.q[l], v));
        EXPECT_DOUBLE_EQ(d.c[l + 1], f.correlationMap(d.c[l], d.q[l], v));
        product *= f.chi(d.q[l], v);
        EXPECT_DOUBLE_EQ(d.gradRatio[l + 1], product);
    }
    const Analysis a = f.analyse(v);
    EXPECT_NEAR(d.q[30], a.qStar, 1e-6);
    // Ordered: c_l rises towards c* = 1, slowly (ξ_c ≈ 16 layers).
    ASSERT_EQ(a.cStar, 1.0);
    for (std::size_t l = 0; l < 30; ++l) EXPECT_GT(d.c[l + 1], d.c[l]);
    EXPECT_GT(d.c[30], 0.9);
}

TEST(TheoryMeanField, UnboundedLengthGrowsWithDepth) {
    MeanField f(call("relu"));
    const DepthCurves d = f.depthCurves({3.0, 0.1}, 10);
    for (std::size_t l = 0; l < 10; ++l) EXPECT_GT(d.q[l + 1], 1.4 * d.q[l]);
    EXPECT_LT(rel(d.gradRatio[10], std::pow(1.5, 10)), 1e-12);
}

TEST(TheoryMeanField, ReportsWhereTheCriticalLineDoesNotCross) {
    // Hardsigmoid's slope is 1/6: χ₁ ≥ 1 needs σ_w² of order 100, but at a bias variance of
    // 1e6 the pre-activations sit in the flat parts and χ₁ stays below 1 up to σ_w² = 1e4.
    MeanField f(call("hardsigmoid"));
    const CriticalPoint p = f.criticalSigmaW2(1e6);
    EXPECT_FALSE(p.found);
    EXPECT_FALSE(p.message.empty());
    EXPECT_FALSE(f.criticalSigmaW2(-1.0).found);
}

// The grid helper gives the same χ₁ as single calls, row ranges filling their part only, and the
// critical line drawn over it has χ₁ = 1 on it.
TEST(TheoryPhaseDiagram, RowsAndCriticalLine) {
    const ActivationCall tanh = call("tanh");
    const std::vector<double> sw = {0.5, 1.0, 2.0, 3.0}, sb = {0.0, 0.1, 0.4};
    std::vector<double> grid(sw.size() * sb.size(), -1.0);
    chi1Rows(tanh, sw, sb, 1, 3, grid);
    MeanField f(tanh);
    for (std::size_t i = 0; i < sw.size(); ++i) {
        EXPECT_EQ(grid[i], -1.0);
        for (std::size_t j = 1; j < 3; ++j)
            EXPECT_EQ(grid[j * sw.size() + i], f.chi1({sw[i], sb[j]}));
    }
    const std::vector<CriticalPoint> line = criticalLine(tanh, sb);
    ASSERT_EQ(line.size(), 3u);
    for (std::size_t j = 0; j < 3; ++j) {
        ASSERT_TRUE(line[j].found);
        EXPECT_NEAR(f.chi1({line[j].sigmaW2, sb[j]}), 1.0, 1e-11);
    }
    EXPECT_GT(line[2].sigmaW2, line[1].sigmaW2);  // more bias needs more weight variance
    EXPECT_THROW(chi1Rows(tanh, sw, sb, 0, 4, grid), std::invalid_argument);
}

TEST(TheoryMeanMap, SeluFixedPointIsZeroOneAndAttracting) {
    ActivationExpectations e(call("selu"));
    const MeanFixedPoint p = meanFixedPoint(e, {0.0, 1.0, 0.0}, {0.3, 1.4});
    ASSERT_TRUE(p.found);
    EXPECT_NEAR(p.point.mean, 0.0, 1e-9);
    EXPECT_NEAR(p.point.variance, 1.0, 1e-9);
    EXPECT_TRUE(p.attracting());
    EXPECT_LT(p.step.spectralRadius, 0.8);
    // The map approaches it from elsewhere, too.
    const MeanCurves c = meanCurves(e, {0.0, 1.0, 0.0}, {0.0, 3.0}, 40);
    EXPECT_NEAR(c.variance.back(), 1.0, 1e-4);
}

TEST(TheoryMeanMap, JacobianMatchesFiniteDifferences) {
    for (const char* id : {"selu", "elu", "gelu", "sigmoid"}) {
        ActivationExpectations e(call(id));
        const WeightStatistics w{0.4, 1.3, 0.1};
        const MeanVariance at{0.2, 0.9};
        const MeanMapStep s = meanMap(e, at, w);
        const double h = 1e-6;
        const MeanMapStep mp = meanMap(e, {at.mean + h, at.variance}, w);
        const MeanMapStep mm = meanMap(e, {at.mean - h, at.variance}, w);
        const MeanMapStep vp = meanMap(e, {at.mean, at.variance + h}, w);
        const MeanMapStep vm = meanMap(e, {at.mean, at.variance - h}, w);
        EXPECT_NEAR(s.jacobian[0][0], (mp.next.mean - mm.next.mean) / (2 * h), 1e-7) << id;
        EXPECT_NEAR(s.jacobian[1][0], (mp.next.variance - mm.next.variance) / (2 * h), 1e-7) << id;
        EXPECT_NEAR(s.jacobian[0][1], (vp.next.mean - vm.next.mean) / (2 * h), 1e-7) << id;
        EXPECT_NEAR(s.jacobian[1][1], (vp.next.variance - vm.next.variance) / (2 * h), 1e-7) << id;
    }
}

TEST(TheoryMeanMap, OddActivationsAreRecognised) {
    EXPECT_TRUE(isOdd(call("tanh")));
    EXPECT_TRUE(isOdd(call("softsign")));
    EXPECT_TRUE(isOdd(call("hardtanh")));
    EXPECT_FALSE(isOdd(call("selu")));
    EXPECT_FALSE(isOdd(call("sigmoid")));
    EXPECT_FALSE(isOdd(call("gelu")));
    EXPECT_FALSE(isOdd(call("hardtanh", {{"min_val", "-2"}})));
}

}  // namespace
}  // namespace actlab::theory
