// Contour lines of grids: the decision threshold of binary networks and the class borders of
// multi-class ones, checked on grids whose exact contour is known.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <vector>

#include "nn/contour.h"
#include "nn/grid.h"

namespace actlab::test {
namespace {

/// A grid in GridEvaluator's layout filled with f(x, y).
template <class F>
std::vector<double> gridOf(int n, F f) {
    std::vector<double> g(std::size_t(n) * std::size_t(n));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            g[std::size_t(i * n + j)] =
                f(nn::gridCoordinate(i, n), nn::gridCoordinate(n - 1 - j, n));
    return g;
}

TEST(Contour, VerticalLineOfALinearFunctionIsExact) {
    const int n = 25;
    const auto g = gridOf(n, [](double x, double) { return x - 1.3; });
    std::vector<nn::ContourSegment> segs;
    nn::contourSegments(g, n, 0.0, segs);
    ASSERT_EQ(segs.size(), std::size_t(n - 1));  // one per row of cells
    double yMin = 1e9, yMax = -1e9;
    for (const auto& s : segs) {
        EXPECT_NEAR(s.x0, 1.3, 1e-12);
        EXPECT_NEAR(s.x1, 1.3, 1e-12);
        yMin = std::min({yMin, s.y0, s.y1});
        yMax = std::max({yMax, s.y0, s.y1});
    }
    EXPECT_DOUBLE_EQ(yMin, -nn::kDomain);
    EXPECT_DOUBLE_EQ(yMax, nn::kDomain);
}

TEST(Contour, CircleSegmentsLieOnTheCircleAndCloseUp) {
    const int n = 60;
    const auto g = gridOf(n, [](double x, double y) { return std::hypot(x, y); });
    std::vector<nn::ContourSegment> segs;
    nn::contourSegments(g, n, 3.0, segs);
    ASSERT_GT(segs.size(), 40u);
    // Every end point is on the circle up to the interpolation error of a cell (0.2 wide).
    for (const auto& s : segs) {
        EXPECT_NEAR(std::hypot(s.x0, s.y0), 3.0, 0.02);
        EXPECT_NEAR(std::hypot(s.x1, s.y1), 3.0, 0.02);
    }
    // A closed curve: every end point is shared by exactly two segments.
    std::map<std::pair<long, long>, int> ends;
    const auto key = [](double x, double y) {
        return std::pair{std::lround(x * 1e9), std::lround(y * 1e9)};
    };
    for (const auto& s : segs) {
        ++ends[key(s.x0, s.y0)];
        ++ends[key(s.x1, s.y1)];
    }
    for (const auto& [p, count] : ends) EXPECT_EQ(count, 2);
}

TEST(Contour, FlatNonFiniteAndConstantGridsGiveNothing) {
    const int n = 10;
    std::vector<nn::ContourSegment> segs{{1, 2, 3, 4}};
    nn::contourSegments(gridOf(n, [](double, double) { return 0.7; }), n, 0.0, segs);
    EXPECT_TRUE(segs.empty());  // cleared, and no crossing
    auto g = gridOf(n, [](double x, double) { return x; });
    for (double& v : g) v = NAN;
    nn::contourSegments(g, n, 0.0, segs);
    EXPECT_TRUE(segs.empty());
}

TEST(Contour, SaddleCellsGiveTwoSegments) {
    // x·y changes sign across both axes; the cell at the origin is a saddle.
    const int n = 2;
    const std::vector<double> g = {1, -1, -1, 1};  // (x0,y1)=1 (x0,y0)=−1 (x1,y1)=−1 (x1,y0)=1
    std::vector<nn::ContourSegment> segs;
    nn::contourSegments(g, n, 0.0, segs);
    EXPECT_EQ(segs.size(), 2u);
}

TEST(Contour, ClassBordersSeparateThreeBands) {
    const int n = 31;
    // Classes by x: 0 left of −2, 1 in the middle, 2 right of 2.
    const auto g = gridOf(n, [](double x, double) { return x < -2 ? 0.0 : x < 2 ? 1.0 : 2.0; });
    std::vector<nn::ContourSegment> segs;
    nn::classBorderSegments(g, n, 3, segs);
    ASSERT_FALSE(segs.empty());
    int left = 0, right = 0;
    for (const auto& s : segs) {
        const double x = (s.x0 + s.x1) / 2;
        EXPECT_TRUE(std::fabs(x + 2) < 0.45 || std::fabs(x - 2) < 0.45) << x;
        (x < 0 ? left : right)++;
    }
    // Each border is drawn once for each of its two classes.
    EXPECT_EQ(left, 2 * (n - 1));
    EXPECT_EQ(right, 2 * (n - 1));
}

}  // namespace
}  // namespace actlab::test
