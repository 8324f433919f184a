// The hidden space (core/inspect/hidden_space.h, projection.h): stage coordinates equal the
// network's forward pass, the grid lines lie where documented, the boundary line is the output's
// zero level, and the projections are what they claim (PCA against its eigen equation and a
// closed-form ellipse).

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "inspect/projection.h"
#include "inspect_fixtures.h"

namespace actlab::test {
namespace {

using inspect::StageEvaluator;

/// The activations of every layer from one forward pass over all points at once.
nn::Workspace forwardAll(const nn::Mlp& net, const nn::FeatureTable& table) {
    nn::Workspace ws;
    net.prepare(ws, table.points);
    net.loadInputs(table, 0, ws);
    net.forward(ws, false);
    return ws;
}

TEST(HiddenSpace, StageCoordinatesEqualAForwardPass) {
    for (const char* act : {"tanh", "relu", "gelu", "prelu"}) {
        const nn::Mlp net = makeNet(act, {5, 7, 3}, nn::OutputKind::TanhSquare, 1,
                                    {nn::Feature::X, nn::Feature::Y, nn::Feature::SinY}, 4,
                                    nn::PReluMode::PerNeuron);
        const std::vector<nn::Point> points = makePoints(1100, 2);  // three chunks
        const nn::FeatureTable table = featuresOf(net, points);
        const nn::Workspace ws = forwardAll(net, table);
        StageEvaluator eval;
        ASSERT_EQ(inspect::stageCount(net), 4);
        for (int stage = 0; stage < 4; ++stage) {
            const std::size_t width = std::size_t(inspect::stageWidth(net, stage));
            EXPECT_EQ(width,
                      std::size_t(stage == 0 ? 3 : net.layers()[std::size_t(stage) - 1].out));
            std::vector<double> out(width * points.size(), -999);
            eval.activations(net, table, stage, out);
            for (std::size_t u = 0; u < width; ++u)
                for (std::size_t p = 0; p < points.size(); ++p) {
                    // The same pass, chunked differently: bit for bit.
                    ASSERT_EQ(out[u * points.size() + p],
                              ws.a[std::size_t(stage)][u * std::size_t(ws.stride) + p])
                        << act << " stage " << stage;
                }
            // And the registry's scalar kernels, independently.
            for (std::size_t p = 0; p < points.size(); p += 37) {
                const ScalarPass ref = scalarForward(net, points[p].x, points[p].y);
                for (std::size_t u = 0; u < width; ++u)
                    EXPECT_NEAR(out[u * points.size() + p], ref.a[std::size_t(stage)][u],
                                1e-12 * std::max(1.0, std::fabs(ref.a[std::size_t(stage)][u])))
                        << act << " stage " << stage << " unit " << u;
            }
        }
    }
}

TEST(HiddenSpace, GridLinesLieOnTheDocumentedLines) {
    const inspect::GridLines lines{5, 9};
    ASSERT_EQ(lines.pointCount(), 90);
    for (int p = 0; p < lines.pointCount(); ++p) {
        const int line = p / 9, s = p % 9;
        const double c = -6 + 12.0 * (line % 5) / 4, t = -6 + 12.0 * s / 8;
        EXPECT_DOUBLE_EQ(lines.x(p), line < 5 ? c : t) << p;
        EXPECT_DOUBLE_EQ(lines.y(p), line < 5 ? t : c) << p;
    }
    EXPECT_EQ(lines.x(0), -6.0);
    EXPECT_EQ(lines.y(8), 6.0);
    // Pushed through the network: the same as mapping the coordinates themselves.
    const nn::Mlp net = makeNet("softplus", {4, 3}, nn::OutputKind::TanhSquare, 1,
                                {nn::Feature::X, nn::Feature::Y, nn::Feature::XSquared});
    StageEvaluator eval, other;
    std::vector<double> xs, ys;
    for (int p = 0; p < lines.pointCount(); ++p) {
        xs.push_back(lines.x(p));
        ys.push_back(lines.y(p));
    }
    for (int stage = 0; stage < 3; ++stage) {
        const std::size_t n = std::size_t(inspect::stageWidth(net, stage)) * 90;
        std::vector<double> a(n), b(n);
        eval.gridLines(net, lines, stage, a);
        other.activationsAt(net, xs, ys, stage, b);
        EXPECT_EQ(a, b) << stage;
    }
}

TEST(HiddenSpace, BoundaryLineIsTheOutputsZeroLevel) {
    const std::vector<nn::Point> points = makePoints(300, 2);
    for (const nn::OutputKind kind :
         {nn::OutputKind::TanhSquare, nn::OutputKind::SigmoidBce, nn::OutputKind::LinearSquare}) {
        for (const std::vector<int>& widths : {std::vector<int>{}, std::vector<int>{4, 3}}) {
            const nn::Mlp net = makeNet("tanh", widths, kind);
            const nn::FeatureTable table = featuresOf(net, points);
            const int last = inspect::stageCount(net) - 1;
            const std::size_t width = std::size_t(inspect::stageWidth(net, last));
            std::vector<double> h(width * points.size());
            StageEvaluator().activations(net, table, last, h);
            std::vector<inspect::BoundaryLine> lines;
            inspect::decisionBoundary(net, lines);
            ASSERT_EQ(lines.size(), 1u);
            const nn::Workspace ws = forwardAll(net, table);
            for (std::size_t p = 0; p < points.size(); ++p) {
                double v = lines[0].b - lines[0].threshold;
                for (std::size_t u = 0; u < width; ++u)
                    v += lines[0].w[u] * h[u * points.size() + p];
                // w·h + b is the output's pre-activation, and its sign the predicted class.
                EXPECT_TRUE(close(v, ws.z.back()[p], 1e-12, 1e-12));
                const double predicted =
                    nn::predictedLabel(kind, ws.a.back(), p, std::size_t(ws.stride));
                if (std::fabs(v) > 1e-9) {
                    EXPECT_EQ(v > 0 ? 1.0 : -1.0, predicted);
                }
            }
        }
    }
}

TEST(HiddenSpace, SoftmaxBordersArePairwiseLogitDifferences) {
    const nn::Mlp net = makeNet("relu", {6, 5}, nn::OutputKind::SoftmaxCe, 4);
    std::vector<inspect::BoundaryLine> lines;
    inspect::decisionBoundary(net, lines);
    ASSERT_EQ(lines.size(), 6u);
    const std::vector<nn::Point> points = makePoints(200, 4);
    const nn::FeatureTable table = featuresOf(net, points);
    std::vector<double> h(5 * points.size());
    StageEvaluator().activations(net, table, 2, h);
    const nn::Workspace ws = forwardAll(net, table);
    const std::size_t stride = std::size_t(ws.stride);
    std::size_t k = 0;
    for (int a = 0; a < 4; ++a)
        for (int b = a + 1; b < 4; ++b, ++k) {
            EXPECT_EQ(lines[k].classA, a);
            EXPECT_EQ(lines[k].classB, b);
            for (std::size_t p = 0; p < points.size(); ++p) {
                double v = lines[k].b;
                for (std::size_t u = 0; u < 5; ++u) v += lines[k].w[u] * h[u * points.size() + p];
                const double diff = ws.z.back()[std::size_t(a) * stride + p] -
                                    ws.z.back()[std::size_t(b) * stride + p];
                EXPECT_NEAR(v, diff, 1e-12 * (1 + std::fabs(diff)));
            }
        }
}

TEST(Projection, PcaFindsTheAxesOfAnEllipse) {
    // Points 3·cos t·u₁ + sin t·u₂ + m in 3-D, t uniform over a period: variances 4.5 and 0.5.
    const double u1[3] = {0.6, -0.8, 0}, u2[3] = {0, 0, -1}, m[3] = {1, 2, 3};
    const int n = 360;
    std::vector<double> v(3 * n);
    for (int p = 0; p < n; ++p) {
        const double t = 2 * std::numbers::pi * p / n;
        for (int u = 0; u < 3; ++u)
            v[std::size_t(u * n + p)] = m[u] + 3 * std::cos(t) * u1[u] + std::sin(t) * u2[u];
    }
    inspect::Projection proj;
    inspect::PcaProjector pca;
    pca.fit(v, 3, n, proj);
    EXPECT_EQ(proj.kind, inspect::ProjectionKind::Pca);
    EXPECT_NEAR(proj.variance[0], 4.5, 1e-12);
    EXPECT_NEAR(proj.variance[1], 0.5, 1e-12);
    EXPECT_NEAR(proj.explained()[0], 0.9, 1e-12);
    EXPECT_NEAR(proj.explained()[1], 0.1, 1e-12);
    // Sign convention: the largest component positive, so the axes are −u₁ and −u₂.
    EXPECT_NEAR(proj.axes[0], -0.6, 1e-12);
    EXPECT_NEAR(proj.axes[1], 0.8, 1e-12);
    EXPECT_NEAR(proj.axes[2], 0, 1e-12);
    EXPECT_NEAR(proj.axes[5], 1, 1e-12);
    for (int u = 0; u < 3; ++u) EXPECT_NEAR(proj.centre[std::size_t(u)], m[u], 1e-12);
    // The projected points are the ellipse (−3 cos t, −sin t).
    std::vector<double> out(2 * n);
    inspect::project(proj, v, n, out);
    for (int p = 0; p < n; ++p) {
        const double t = 2 * std::numbers::pi * p / n;
        EXPECT_NEAR(out[std::size_t(p)], -3 * std::cos(t), 1e-12);
        EXPECT_NEAR(out[std::size_t(n + p)], -std::sin(t), 1e-12);
    }
}

TEST(Projection, PcaAxesSolveTheEigenEquation) {
    const nn::Mlp net = makeNet("tanh", {8, 8});
    const std::vector<nn::Point> points = makePoints(500, 2);
    std::vector<double> h(8 * 500);
    StageEvaluator().activations(net, featuresOf(net, points), 2, h);
    inspect::Projection proj, again;
    inspect::PcaProjector pca;
    pca.fit(h, 8, 500, proj);
    // The covariance, independently.
    double cov[8][8] = {}, mean[8] = {}, trace = 0;
    for (int u = 0; u < 8; ++u) {
        for (int p = 0; p < 500; ++p) mean[u] += h[std::size_t(u * 500 + p)] / 500;
    }
    for (int u = 0; u < 8; ++u)
        for (int v = 0; v < 8; ++v)
            for (int p = 0; p < 500; ++p)
                cov[u][v] += (h[std::size_t(u * 500 + p)] - mean[u]) *
                             (h[std::size_t(v * 500 + p)] - mean[v]) / 500;
    for (int u = 0; u < 8; ++u) trace += cov[u][u];
    EXPECT_NEAR(proj.totalVariance, trace, 1e-12 * trace);
    double sum = 0;
    for (double e : pca.eigenvalues()) sum += e;
    EXPECT_NEAR(sum, trace, 1e-12 * trace);
    for (std::size_t k = 1; k < 8; ++k) EXPECT_GE(pca.eigenvalues()[k - 1], pca.eigenvalues()[k]);
    for (int r = 0; r < 2; ++r) {
        const double* a = proj.axes.data() + 8 * r;
        double length = 0, largest = 0;
        for (int u = 0; u < 8; ++u) {
            length += a[u] * a[u];
            if (std::fabs(a[u]) > std::fabs(largest)) largest = a[u];
            double cv = 0;
            for (int v = 0; v < 8; ++v) cv += cov[u][v] * a[v];
            EXPECT_NEAR(cv, proj.variance[std::size_t(r)] * a[u], 1e-12);
        }
        EXPECT_NEAR(length, 1, 1e-12);
        EXPECT_GT(largest, 0);  // the sign convention
    }
    double dot = 0;
    for (int u = 0; u < 8; ++u) dot += proj.axes[std::size_t(u)] * proj.axes[std::size_t(8 + u)];
    EXPECT_NEAR(dot, 0, 1e-12);
    // Deterministic, and the same for the mirrored cloud (the covariance does not change).
    pca.fit(h, 8, 500, again);
    EXPECT_EQ(again.axes, proj.axes);
    for (double& x : h) x = -x;
    pca.fit(h, 8, 500, again);
    for (std::size_t k = 0; k < 16; ++k) EXPECT_NEAR(again.axes[k], proj.axes[k], 1e-12);
}

/// a·p + c at the projection of h, against w·h + b: equal for h on the drawn plane.
void expectLineMatchesOnThePlane(const inspect::Projection& proj,
                                 const inspect::BoundaryLine& line) {
    const inspect::ProjectedLine pl = inspect::projectBoundary(line, proj);
    ASSERT_TRUE(pl.exists);
    const std::size_t n = std::size_t(proj.width);
    nn::Rng rng(3);
    for (int trial = 0; trial < 20; ++trial) {
        const double q[2] = {rng.uniform(-3, 3), rng.uniform(-3, 3)};
        std::vector<double> h(n);
        for (std::size_t u = 0; u < n; ++u)
            h[u] = proj.anchor[u] + q[0] * proj.axes[u] + q[1] * proj.axes[n + u];
        std::vector<double> p(2);
        inspect::project(proj, h, 1, p);
        double wh = line.b - line.threshold;
        for (std::size_t u = 0; u < n; ++u) wh += line.w[u] * h[u];
        EXPECT_NEAR(pl.a * p[0] + pl.b * p[1] + pl.c, wh, 1e-12 * (1 + std::fabs(wh)));
    }
}

TEST(Projection, BoundaryIsTheSliceThroughTheDrawnPlane) {
    const std::vector<nn::Point> points = makePoints(400, 2);
    // Width 2: direct, and the line is the boundary itself.
    {
        const nn::Mlp net = makeNet("tanh", {5, 2});
        std::vector<inspect::BoundaryLine> lines;
        inspect::decisionBoundary(net, lines);
        inspect::Projection proj;
        inspect::directProjection(2, proj);
        const inspect::ProjectedLine pl = inspect::projectBoundary(lines[0], proj);
        EXPECT_TRUE(pl.exact);
        EXPECT_EQ(pl.a, lines[0].w[0]);
        EXPECT_EQ(pl.b, lines[0].w[1]);
        EXPECT_EQ(pl.c, lines[0].b);
        expectLineMatchesOnThePlane(proj, lines[0]);
    }
    // Width 6: two chosen units, and PCA.
    const nn::Mlp net = makeNet("relu", {6, 6});
    std::vector<double> h(6 * 400);
    StageEvaluator().activations(net, featuresOf(net, points), 2, h);
    std::vector<inspect::BoundaryLine> lines;
    inspect::decisionBoundary(net, lines);
    inspect::Projection units, pcaProj;
    inspect::unitProjection(h, 6, 400, 4, 1, units);
    EXPECT_EQ(units.kind, inspect::ProjectionKind::Units);
    EXPECT_EQ(units.axes[4], 1.0);
    EXPECT_EQ(units.axes[6 + 1], 1.0);
    expectLineMatchesOnThePlane(units, lines[0]);
    EXPECT_FALSE(inspect::projectBoundary(lines[0], units).exact);
    inspect::PcaProjector().fit(h, 6, 400, pcaProj);
    expectLineMatchesOnThePlane(pcaProj, lines[0]);
    // A boundary parallel to the plane has no line.
    inspect::BoundaryLine parallel{{0, 0, 1, 0, 0, 0}, 0.5, 0, 1, 0};
    EXPECT_FALSE(inspect::projectBoundary(parallel, units).exists);
}

}  // namespace
}  // namespace actlab::test
