// Sweep throughput on this machine (2 cores). Targets (docs/sweeps.md):
// - 2 threads give ≥ 1.8× the runs per second of 1 thread (throughput/threads:N);
// - 10 learning rates × 20 seeds × 300 epochs of the default network (circle, [2,4,2,1] tanh,
//   epochs to a target test loss tracked) in ≤ 2 s (default_2_4_2_1_tanh);
// - the same with the 6×8 ReLU network on the spiral in ≤ 6 s (relu_6x8_spiral);
// - Cancel stops every worker within 50 ms, measured on the largest network the session format
//   allows (8 × 32 ReLU, 5000 points), where one epoch is longest (cancelLatency).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "nn/session.h"
#include "parallel/sweep_runner.h"

namespace {

using namespace actlab;
using nn::Session;

Session playgroundSession(const std::string& act, int layers, int width, nn::DatasetKind data) {
    Session s;
    s.seed = 12345;
    s.generator.kind = data;
    s.generator.seed = s.seed;
    for (int l = 0; l < layers; ++l)
        s.network.hidden.push_back({width, act, {}, nn::PReluMode::PerLayer});
    s.init = nn::InitKind::Playground;
    s.training.mode = nn::TrainingMode::Playground;
    s.training.learningRate = 0.03;
    s.training.batchSize = 10;
    return s;
}

/// TensorFlow Playground's default: circle, 500 points, [2, 4, 2, 1] tanh, batch 10.
Session defaultSession() {
    Session s = playgroundSession("tanh", 0, 0, nn::DatasetKind::Circle);
    s.network.hidden = {{4, "tanh", {}, nn::PReluMode::PerLayer},
                        {2, "tanh", {}, nn::PReluMode::PerLayer}};
    return s;
}

sweep::SweepPlan lrPlan(const Session& s, int seeds, int epochs) {
    sweep::SweepSettings settings;
    settings.vary = {{"lr", "0.001:1:10:log"}};
    settings.seeds = seeds;
    settings.epochs = epochs;
    settings.target = {sweep::TargetMetric::TestLoss, 0.05};
    sweep::PlanBuild b = sweep::makePlan(s, settings);
    if (!b.ok()) throw std::runtime_error(b.error);
    return b.plan;
}

/// One whole sweep per iteration, on `threads` threads; items are runs.
void runPlan(benchmark::State& state, const sweep::SweepPlan& plan, int threads) {
    int reached = 0, diverged = 0;
    for (auto _ : state) {
        const auto results = parallel::runSweep(plan, threads);
        reached = diverged = 0;
        for (const sweep::RunResult& r : *results) {
            reached += r.reachedTarget();
            diverged += r.diverged;
        }
    }
    state.SetItemsProcessed(state.iterations() * plan.runCount());
    state.counters["runs"] = plan.runCount();
    state.counters["reached"] = reached;
    state.counters["diverged"] = diverged;
}

/// Runs per second on 1 and 2 threads: their ratio is the parallel speed-up.
void throughput(benchmark::State& state) {
    static const sweep::SweepPlan plan = lrPlan(defaultSession(), 4, 100);
    runPlan(state, plan, static_cast<int>(state.range(0)));
}

void defaultNetwork(benchmark::State& state) {
    static const sweep::SweepPlan plan = lrPlan(defaultSession(), 20, 300);
    runPlan(state, plan, parallel::SweepRunner::defaultThreads());
}

void relu6x8Spiral(benchmark::State& state) {
    static const sweep::SweepPlan plan =
        lrPlan(playgroundSession("relu", 6, 8, nn::DatasetKind::Spiral), 20, 300);
    runPlan(state, plan, parallel::SweepRunner::defaultThreads());
}

/// From cancel() to every worker stopped, 0.1 … 0.43 s into a sweep of the largest network, with
/// batches of state.range(0) examples (a batch-1 epoch of it takes far longer than 50 ms: the
/// workers are asked between mini-batches).
void cancelLatency(benchmark::State& state) {
    Session s = playgroundSession("relu", nn::kMaxHiddenLayers, nn::kMaxNeurons,
                                  nn::DatasetKind::Spiral);
    s.generator.numPoints = 5000;
    s.generator.trainPercent = 90;
    s.training.mode = nn::TrainingMode::Standard;
    s.init = nn::InitKind::He;
    s.training.learningRate = 0.001;
    s.training.batchSize = static_cast<int>(state.range(0));
    const sweep::SweepPlan plan = lrPlan(s, 20, 1000);
    double worst = 0;
    int k = 0;
    for (auto _ : state) {
        parallel::SweepRunner runner;
        runner.start(plan, parallel::SweepRunner::defaultThreads());
        // A different moment each time (training, evaluating, starting a run).
        std::this_thread::sleep_for(std::chrono::milliseconds(100 + 37 * (k++ % 10)));
        const auto start = std::chrono::steady_clock::now();
        runner.cancel();
        runner.wait();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        worst = std::max(worst, seconds);
        state.SetIterationTime(seconds);
    }
    state.counters["worst_ms"] = worst * 1e3;
}

BENCHMARK(throughput)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(defaultNetwork)->Name("sweep_10lr_20seeds_300epochs/default_2_4_2_1_tanh")
    ->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(relu6x8Spiral)->Name("sweep_10lr_20seeds_300epochs/relu_6x8_spiral")
    ->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(cancelLatency)->ArgName("batch")->Arg(1)->Arg(10)->UseManualTime()->Iterations(10)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
