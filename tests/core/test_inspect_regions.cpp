// Linear regions (core/inspect/linear_pieces.h, region_map.h): which registry rows are piecewise
// linear, the region count of lines in general position (1 + n + C(n, 2)), activation patterns
// against an independent scalar pass, the left-piece convention at a kink, and smooth networks.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <numbers>
#include <set>

#include "inspect/region_map.h"
#include "inspect_fixtures.h"
#include "nn/grid.h"

namespace actlab::test {
namespace {

using inspect::RegionMap;
using inspect::RegionResult;

TEST(LinearPieces, RegistryRowsWithTheirDefaults) {
    const std::set<std::string> expected = {"relu",        "leaky_relu", "prelu",      "hardtanh",
                                            "hardsigmoid", "relu6",      "softshrink", "hardshrink",
                                            "threshold",   "rrelu",      "identity"};
    for (const ActivationSpec& spec : activations())
        EXPECT_EQ(inspect::isPiecewiseLinear(spec, spec.defaults()),
                  expected.count(std::string(spec.id)) == 1)
            << spec.id;
}

TEST(LinearPieces, BreakpointsAndTheLeftPieceAtAKink) {
    const auto pieces = [](const char* id, ParamValues p) {
        return inspect::linearPieces(activation(id), p).value_or(inspect::LinearPieces{-1, {}});
    };
    const inspect::LinearPieces relu = pieces("relu", {});
    ASSERT_EQ(relu.count, 1);
    EXPECT_EQ(relu.at[0], 0.0);
    EXPECT_EQ(relu.pieceOf(-1e-300), 0);
    EXPECT_EQ(relu.pieceOf(0.0), 0);  // at the kink: the left piece
    EXPECT_EQ(relu.pieceOf(1e-300), 1);
    const inspect::LinearPieces ht = pieces("hardtanh", {-2, 0.5});
    ASSERT_EQ(ht.count, 2);
    EXPECT_EQ(ht.at[0], -2.0);
    EXPECT_EQ(ht.at[1], 0.5);
    EXPECT_EQ(ht.pieceOf(-2.0), 0);
    EXPECT_EQ(ht.pieceOf(0.5), 1);
    EXPECT_EQ(ht.pieceOf(0.6), 2);
    EXPECT_EQ(pieces("identity", {}).count, 0);
    EXPECT_EQ(pieces("hardsigmoid", {}).count, 2);
    EXPECT_EQ(pieces("threshold", {1, -1}).count, 1);
    // A kink that changes nothing is no breakpoint: slope 1 is the identity, and so is λ = 0.
    EXPECT_EQ(pieces("leaky_relu", {1.0}).count, 0);
    EXPECT_EQ(pieces("hardshrink", {0.0}).count, 0);
    EXPECT_EQ(pieces("softshrink", {0.0}).count, 0);
    // The parameters decide: ELU with α = 0 is ReLU.
    EXPECT_EQ(pieces("elu", {0.0}).count, 1);
    EXPECT_FALSE(inspect::isPiecewiseLinear(activation("elu"), {1.0}));
    EXPECT_FALSE(inspect::isPiecewiseLinear(activation("hardswish"), {}));
}

/// A 2 → n → 1 ReLU network whose units are the lines tangent to the circle of radius r at the
/// angles kπ/n + 0.1: no two parallel (the angles differ by less than π), no three through one
/// point (a point outside a circle has two tangents), every crossing within r / sin(π/2n).
nn::Mlp tangentLines(int lines, double r) {
    nn::NetworkSpec spec;
    spec.hidden = {{lines, "relu", {}, nn::PReluMode::PerLayer}};
    nn::Mlp net(spec);
    nn::LayerParams& h = net.layers()[0];
    for (int k = 0; k < lines; ++k) {
        const double theta = k * std::numbers::pi / lines + 0.1;
        h.w[std::size_t(2 * k)] = std::cos(theta);
        h.w[std::size_t(2 * k + 1)] = std::sin(theta);
        h.b[std::size_t(k)] = -r;
        net.layers()[1].w[std::size_t(k)] = 0.3 * (k + 1);
    }
    return net;
}

TEST(RegionMap, LinesInGeneralPositionMakeOnePlusNPlusNChooseTwoRegions) {
    RegionMap map;  // reused across networks of different widths
    const int n = 500;
    std::vector<int> region(std::size_t(n * n));
    for (int lines = 1; lines <= 6; ++lines) {
        const double r = 1.5;
        ASSERT_LT(r / std::sin(std::numbers::pi / (2 * lines)), 6.0);  // crossings on the grid
        const RegionResult result = map.compute(tangentLines(lines, r), n, region);
        ASSERT_TRUE(result.piecewiseLinear);
        EXPECT_EQ(result.regions, 1 + lines + lines * (lines - 1) / 2) << lines << " lines";
        // Ids in order of first appearance.
        int seen = -1;
        for (int id : region) {
            ASSERT_LE(id, seen + 1);
            seen = std::max(seen, id);
        }
        EXPECT_EQ(seen + 1, result.regions);
        EXPECT_EQ(map.unitCount(), lines);
    }
}

TEST(RegionMap, PatternsMatchAnIndependentPass) {
    nn::NetworkSpec spec;
    spec.features = {nn::Feature::X, nn::Feature::Y, nn::Feature::SinX};
    spec.hidden = {{5, "hardtanh", activation("hardtanh").defaults(), nn::PReluMode::PerLayer},
                   {4, "leaky_relu", activation("leaky_relu").defaults(), nn::PReluMode::PerLayer},
                   {3, "prelu", activation("prelu").defaults(), nn::PReluMode::PerNeuron}};
    nn::Mlp net(spec);
    net.initialise(nn::InitKind::Xavier, 21);
    nn::Rng rng(4);
    for (nn::LayerParams& l : net.layers())
        for (double& b : l.b) b = rng.uniform(-0.3, 0.3);
    for (double& w : net.layers()[0].w) w *= 0.3;  // keep hardtanh's middle piece in view
    const int n = 120;
    std::vector<int> region(std::size_t(n * n));
    RegionMap map;
    const RegionResult result = map.compute(net, n, region);
    ASSERT_TRUE(result.piecewiseLinear);
    std::map<std::vector<int>, int> idOf;
    std::set<int> piecesSeen;
    for (int cell = 0; cell < n * n; ++cell) {
        const double x = nn::gridCoordinate(cell / n, n),
                     y = nn::gridCoordinate(n - 1 - cell % n, n);
        const ScalarPass ref = scalarForward(net, x, y);
        std::vector<int> pattern;
        for (int l = 0; l < 3; ++l)
            for (int j = 0; j < net.layers()[std::size_t(l)].out; ++j) {
                const std::vector<double> kinks = net.activationOf(l)->kinks(net.paramsOf(l, j));
                const double z = ref.z[std::size_t(l) + 1][std::size_t(j)];
                pattern.push_back(int(
                    std::count_if(kinks.begin(), kinks.end(), [z](double k) { return k < z; })));
                piecesSeen.insert(pattern.back() + 10 * l);
            }
        const auto [it, fresh] = idOf.emplace(pattern, region[std::size_t(cell)]);
        ASSERT_EQ(it->second, region[std::size_t(cell)]) << "cell " << cell;
        const std::span<const std::uint8_t> stored = map.pattern(region[std::size_t(cell)]);
        ASSERT_TRUE(std::equal(stored.begin(), stored.end(), pattern.begin(), pattern.end()));
    }
    EXPECT_EQ(int(idOf.size()), result.regions);  // one region per pattern and back
    EXPECT_TRUE(piecesSeen.count(0) && piecesSeen.count(1) &&
                piecesSeen.count(2));  // hardtanh's three
    EXPECT_GT(result.regions, 10);
}

TEST(RegionMap, AUnitExactlyAtItsKinkIsOnTheLeftPiece) {
    nn::NetworkSpec spec;
    spec.hidden = {{1, "relu", {}, nn::PReluMode::PerLayer}};
    nn::Mlp net(spec);
    net.layers()[0].w = {1, 0};  // z = x, 0 on the middle column of a 5×5 grid
    net.layers()[1].w = {1};
    std::vector<int> region(25, -1);
    const RegionResult result = RegionMap().compute(net, 5, region);
    ASSERT_EQ(result.regions, 2);
    for (int i = 0; i < 5; ++i)
        for (int j = 0; j < 5; ++j) EXPECT_EQ(region[std::size_t(i * 5 + j)], i <= 2 ? 0 : 1) << i;
}

TEST(RegionMap, AffineNetworksHaveOneRegion) {
    std::vector<int> region(100, -1);
    RegionMap map;
    nn::NetworkSpec none;
    EXPECT_EQ(map.compute(nn::Mlp(none), 10, region).regions, 1);
    EXPECT_EQ(map.compute(makeNet("identity", {4, 4}), 10, region).regions, 1);
    nn::Mlp leaky = makeNet("leaky_relu", {4});
    leaky.setActivationParams(0, {1.0, 0});
    EXPECT_EQ(map.compute(leaky, 10, region).regions, 1);
    EXPECT_EQ(std::count(region.begin(), region.end(), 0), 100);
    // The same weights with slope 0.5 cut the plane (the cached pieces follow the parameters).
    leaky.setActivationParams(0, {0.5, 0});
    EXPECT_GT(map.compute(leaky, 10, region).regions, 1);
}

TEST(RegionMap, SmoothNetworksHaveNoRegions) {
    std::vector<int> region(64, -7);
    RegionMap map;
    RegionResult r = map.compute(makeNet("tanh", {3}), 8, region);
    EXPECT_FALSE(r.piecewiseLinear);
    EXPECT_EQ(r.smoothLayer, 0);
    nn::NetworkSpec mixed;
    mixed.hidden = {{3, "relu", {}, nn::PReluMode::PerLayer},
                    {2, "gelu", activation("gelu").defaults(), nn::PReluMode::PerLayer}};
    r = map.compute(nn::Mlp(mixed), 8, region);
    EXPECT_FALSE(r.piecewiseLinear);
    EXPECT_EQ(r.smoothLayer, 1);
    EXPECT_EQ(r.smoothUnit, 0);
    EXPECT_EQ(std::count(region.begin(), region.end(), -7), 64);  // nothing written
    EXPECT_EQ(inspect::piecewiseLinearity(nn::Mlp(mixed)).smoothLayer, 1);
    EXPECT_TRUE(inspect::piecewiseLinearity(makeNet("relu6", {3, 3})).piecewiseLinear);
    // ELU becomes piecewise linear at α = 0.
    nn::Mlp elu = makeNet("elu", {4});
    EXPECT_FALSE(map.compute(elu, 8, region).piecewiseLinear);
    elu.setActivationParams(0, {0.0, 0});
    EXPECT_TRUE(map.compute(elu, 8, region).piecewiseLinear);
}

}  // namespace
}  // namespace actlab::test
