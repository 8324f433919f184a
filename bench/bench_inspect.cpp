// The "why" views per frame (core/inspect) for the 6×8 ReLU network of their speed budget on
// 500 points (the Playground default circle set: 250 train, 250 test) and a 100×100 grid: the
// linear-region map, the hidden-space view (the last hidden layer of every point, 21 + 21 grid
// lines of 101 samples, PCA, boundary), the two together (the budget: 3 ms per frame), compare mode
// with eight networks, and the other views. Every benchmark reuses its evaluators as a view does,
// so the steady state allocates nothing.

#include <benchmark/benchmark.h>

#include <memory>

#include "activations/registry.h"
#include "inspect/chain_ledger.h"
#include "inspect/input_gradient.h"
#include "inspect/operating_points.h"
#include "inspect/projection.h"
#include "inspect/region_map.h"
#include "nn/session.h"

namespace {

using namespace actlab;
using namespace actlab::nn;

Session session(const std::string& act) {
    Session s;
    s.seed = 12345;
    s.generator.kind = DatasetKind::Circle;  // 500 points
    for (int l = 0; l < 6; ++l)
        s.network.hidden.push_back({8, act, activation(act).defaults(), PReluMode::PerLayer});
    s.init = InitKind::He;
    s.training.learningRate = 0.03;
    return s;
}

/// The network after a few epochs (so that units sit on both sides of their kinks) and the
/// features of all 500 points.
struct Frame {
    Trainer trainer;
    FeatureTable points;
    explicit Frame(const std::string& act) : trainer(makeTrainer(session(act))) {
        trainer.run(20);
        std::vector<double> xs, ys;
        for (const auto* set : {&trainer.data().train, &trainer.data().test})
            for (const Point& p : *set) {
                xs.push_back(p.x);
                ys.push_back(p.y);
            }
        points = computeFeatures(trainer.network().spec().features, xs, ys);
    }
};

constexpr int kGrid = 100;

/// The hidden-space view's work for one frame.
struct HiddenSpaceView {
    inspect::StageEvaluator stages;
    inspect::PcaProjector pca;
    inspect::Projection projection;
    inspect::GridLines lines{21, 101};
    std::vector<double> points, pointsXY, gridLines, gridLinesXY;
    std::vector<inspect::BoundaryLine> boundary;
    inspect::ProjectedLine line;

    void update(const Mlp& net, const FeatureTable& table) {
        const int stage = inspect::stageCount(net) - 1, width = inspect::stageWidth(net, stage);
        points.resize(std::size_t(width) * std::size_t(table.points));
        gridLines.resize(std::size_t(width) * std::size_t(lines.pointCount()));
        pointsXY.resize(2 * std::size_t(table.points));
        gridLinesXY.resize(2 * std::size_t(lines.pointCount()));
        stages.activations(net, table, stage, points);
        stages.gridLines(net, lines, stage, gridLines);
        pca.fit(points, width, table.points, projection);
        inspect::project(projection, points, table.points, pointsXY);
        inspect::project(projection, gridLines, lines.pointCount(), gridLinesXY);
        inspect::decisionBoundary(net, boundary);
        line = inspect::projectBoundary(boundary[0], projection);
    }
};

void regionMap(benchmark::State& state) {
    Frame f("relu");
    inspect::RegionMap map;
    std::vector<int> region(kGrid * kGrid);
    int regions = 0;
    for (auto _ : state) {
        regions = map.compute(f.trainer.network(), kGrid, region).regions;
        benchmark::DoNotOptimize(region.data());
    }
    state.counters["regions"] = regions;
}

void hiddenSpace(benchmark::State& state) {
    Frame f("relu");
    HiddenSpaceView view;
    for (auto _ : state) {
        view.update(f.trainer.network(), f.points);
        benchmark::DoNotOptimize(view.gridLinesXY.data());
    }
}

void regionsPlusHiddenSpace(benchmark::State& state) {
    Frame f("relu");
    inspect::RegionMap map;
    HiddenSpaceView view;
    std::vector<int> region(kGrid * kGrid);
    for (auto _ : state) {
        map.compute(f.trainer.network(), kGrid, region);
        view.update(f.trainer.network(), f.points);
        benchmark::DoNotOptimize(region.data());
        benchmark::DoNotOptimize(view.gridLinesXY.data());
    }
}

/// Compare mode: eight networks side by side, each with its last hidden layer's space in a small
/// panel, and the region count for those whose activations are piecewise linear (the smooth ones
/// show no count, and no gradient map in the grid).
/// A compare panel is small: fewer, coarser grid lines (11 + 11 × 41 samples).
constexpr inspect::GridLines kCompareLines{11, 41};

constexpr const char* kCompared[] = {"relu", "leaky_relu", "relu6", "hardtanh",
                                     "tanh", "sigmoid",    "elu",   "gelu"};

void compareEight(benchmark::State& state) {
    const auto& acts = kCompared;
    std::vector<std::unique_ptr<Frame>> frames;
    std::vector<inspect::RegionMap> maps(8);
    std::vector<HiddenSpaceView> views(8);
    for (HiddenSpaceView& v : views) v.lines = kCompareLines;
    for (const char* act : acts) frames.push_back(std::make_unique<Frame>(act));
    std::vector<int> region(kGrid * kGrid);
    for (auto _ : state) {
        for (std::size_t k = 0; k < frames.size(); ++k) {
            const Mlp& net = frames[k]->trainer.network();
            benchmark::DoNotOptimize(maps[k].compute(net, kGrid, region).regions);
            views[k].update(net, frames[k]->points);
            benchmark::DoNotOptimize(views[k].gridLinesXY.data());
        }
    }
}

/// One network of compareEight, by its index in kCompared.
void compareOne(benchmark::State& state) {
    const char* act = kCompared[state.range(0)];
    state.SetLabel(act);
    Frame f(act);
    inspect::RegionMap map;
    HiddenSpaceView view;
    view.lines = kCompareLines;
    std::vector<int> region(kGrid * kGrid);
    int regions = 0;
    for (auto _ : state) {
        regions = map.compute(f.trainer.network(), kGrid, region).regions;
        view.update(f.trainer.network(), f.points);
        benchmark::DoNotOptimize(view.gridLinesXY.data());
    }
    state.counters["regions"] = regions;
}

void operatingPoints(benchmark::State& state) {
    Frame f("relu");
    inspect::OperatingPoints op;
    inspect::Histogram h;
    std::vector<double> edges;
    inspect::uniformEdges(-6, 6, 60, edges);
    for (auto _ : state) {
        op.compute(f.trainer.network(), f.points);
        for (int l = 0; l < op.layerCount(); ++l) {
            inspect::histogram(op.preactivations(l), edges, h);
            benchmark::DoNotOptimize(inspect::zoneShares(op.slopes(l), 0.01));
        }
    }
}

void gradientMap(benchmark::State& state) {
    Frame f("tanh");
    inspect::InputGradient grad;
    std::vector<double> out(kGrid * kGrid);
    for (auto _ : state) {
        grad.magnitudeGrid(f.trainer.network(), kGrid, out);
        benchmark::DoNotOptimize(out.data());
    }
}

void ledger(benchmark::State& state) {
    Frame f("sigmoid");
    inspect::LedgerBuilder builder;
    inspect::ChainLedger out;
    const Point p = f.trainer.data().train[0];
    for (auto _ : state) {
        builder.build(f.trainer.network(), p, 0, 3, out);
        benchmark::DoNotOptimize(out.gradient);
    }
}

BENCHMARK(regionMap)->Unit(benchmark::kMicrosecond);
BENCHMARK(hiddenSpace)->Unit(benchmark::kMicrosecond);
BENCHMARK(regionsPlusHiddenSpace)->Unit(benchmark::kMicrosecond);
BENCHMARK(compareEight)->Unit(benchmark::kMicrosecond);
BENCHMARK(compareOne)->DenseRange(0, 7)->Unit(benchmark::kMicrosecond);
BENCHMARK(operatingPoints)->Unit(benchmark::kMicrosecond);
BENCHMARK(gradientMap)->Unit(benchmark::kMicrosecond);
BENCHMARK(ledger)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
