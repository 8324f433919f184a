// Sampled curves, gradient zones and the curve CSV.

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "activations/curve.h"
#include "activations/registry.h"

namespace actlab::test {
namespace {

ActivationCall callOf(std::string_view id) {
    const ActivationSpec& s = activation(id);
    return {&s, s.defaults()};
}

TEST(Curve, LinspaceIncludesBothEnds) {
    const std::vector<double> xs = linspace(-6, 6, 4001);
    ASSERT_EQ(xs.size(), 4001u);
    EXPECT_EQ(xs.front(), -6);
    EXPECT_EQ(xs[2000], 0);
    EXPECT_EQ(xs.back(), 6);
    EXPECT_EQ(linspace(2, 5, 1), std::vector<double>{2});
}

TEST(Curve, SamplesMatchTheScalarKernels) {
    const ActivationCall call = callOf("gelu");
    const Curve c = sampleCurve(call, -6, 6, 101);
    for (std::size_t i = 0; i < c.size(); ++i) {
        EXPECT_EQ(c.f[i], call.spec->f(c.x[i], call.params));
        EXPECT_EQ(c.df[i], call.spec->df(c.x[i], call.params));
        EXPECT_EQ(c.d2f[i], call.spec->d2f(c.x[i], call.params));
    }
}

TEST(Curve, DeadZoneOfReluIsTheNegativeHalfLine) {
    const Curve c = sampleCurve(callOf("relu"), -6, 6, 1201);
    const std::vector<Interval> dead = gradientZones(c, 0.0);
    ASSERT_EQ(dead.size(), 1u);
    EXPECT_EQ(dead[0].lo, -6);
    EXPECT_EQ(dead[0].hi, 0);  // ReLU′(0) = 0
}

TEST(Curve, SigmoidVanishesOnBothTails) {
    const Curve c = sampleCurve(callOf("sigmoid"), -10, 10, 2001);
    const std::vector<Interval> zones = gradientZones(c, 0.01);
    ASSERT_EQ(zones.size(), 2u);
    // σ′(x) = 0.01 at |x| = ln((1 + √0.96)/(1 − √0.96)) ≈ 4.5849
    EXPECT_NEAR(zones[0].hi, -4.5849, 0.011);
    EXPECT_NEAR(zones[1].lo, 4.5849, 0.011);
    EXPECT_TRUE(gradientZones(c, 0.0).empty());  // never exactly zero
}

TEST(Curve, CsvHasTheEvalColumns) {
    std::ostringstream out;
    writeCurveCsv(out, callOf("leaky_relu"), sampleCurve(callOf("leaky_relu"), -1, 1, 3));
    EXPECT_EQ(out.str(),
              "activation,params,x,f,df,d2f\n"
              "LeakyReLU,negative_slope=0.01,-1,-0.01,0.01,0\n"
              "LeakyReLU,negative_slope=0.01,0,0,0.01,0\n"
              "LeakyReLU,negative_slope=0.01,1,1,1,0\n");
}

}  // namespace
}  // namespace actlab::test
