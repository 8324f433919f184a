// Signal-propagation theory (core/theory): what the explorer's view recomputes when a slider
// moves, the χ₁ phase diagram, the simulated wide network, and the expectations they are made
// of. Targets: a slider update ≤ 16 ms at p99; a 100×100 phase diagram on screen within 1 s
// (the view splits its rows over 2 threads, so single-thread time here ≤ 2 s); 50 layers of
// width 512 simulated in tens of milliseconds.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

#include "activations/activation_call.h"
#include "theory/mean_field.h"
#include "theory/phase_diagram.h"
#include "theory/propagation_figures.h"
#include "theory/wide_network.h"

namespace {

using namespace actlab;
using namespace actlab::theory;

ActivationCall call(const char* id) {
    return resolveActivation(id, {}).call;
}

/// What the view computes for one slider position (propagationFigures): q*, χ₁, c*, the depth
/// scales, the length map at 101 points up to 3·max(q*, 1), the correlation map at 41 points over
/// [−1, 1], the depth curves over 50 layers, and the mean map where the activation is not odd.
double sliderUpdate(MeanField& f, Variances v) {
    const PropagationFigures p = propagationFigures(f, v, 50, true);
    return p.analysis.chi1 + p.lengthMap.back() + p.correlationMap.front() + p.depth.c.back() +
           p.depth.gradRatio.back() + (p.meanShown ? p.meanCurves.mean.back() : 0.0);
}

// Each iteration moves σ_w² a slider step, as dragging does; median and p99 of the iterations
// are reported as counters (milliseconds).
void BM_SliderUpdate(benchmark::State& state, const char* id, double sigmaB2, bool interactive) {
    MeanField f(call(id), interactive ? interactiveRules() : RuleSettings{});
    std::vector<double> ms;
    int step = 0;
    for (auto _ : state) {
        const double sw = 0.5 + 0.01 * (step++ % 300);
        const auto t0 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(sliderUpdate(f, {sw, sigmaB2}));
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::sort(ms.begin(), ms.end());
    state.counters["median_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
}
BENCHMARK_CAPTURE(BM_SliderUpdate, tanh, "tanh", 0.05, false)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, tanh_interactive, "tanh", 0.05, true)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, relu, "relu", 0.05, false)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, relu_interactive, "relu", 0.05, true)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, selu, "selu", 0.05, false)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, selu_interactive, "selu", 0.05, true)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, gelu, "gelu", 0.05, false)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, gelu_interactive, "gelu", 0.05, true)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, hardtanh, "hardtanh", 0.05, false)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);
BENCHMARK_CAPTURE(BM_SliderUpdate, hardtanh_interactive, "hardtanh", 0.05, true)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2);

// χ₁ on a 100×100 grid, σ_w² ∈ (0, 4], σ_b² ∈ [0, 1] (each point solves q* from q₀ = 1), on
// one thread and with the rows split over two (as the view does).
void BM_PhaseDiagram(benchmark::State& state, const char* id, bool interactive, int threads) {
    const ActivationCall c = call(id);
    std::vector<double> sw(100), sb(100), grid(10000);
    for (int i = 0; i < 100; ++i) {
        sw[std::size_t(i)] = 4.0 * (i + 1) / 100;
        sb[std::size_t(i)] = i / 99.0;
    }
    const RuleSettings rules = interactive ? interactiveRules() : RuleSettings{};
    for (auto _ : state) {
        if (threads == 1) {
            chi1Rows(c, sw, sb, 0, 100, grid, rules);
        } else {
            std::thread other([&] { chi1Rows(c, sw, sb, 50, 100, grid, rules); });
            chi1Rows(c, sw, sb, 0, 50, grid, rules);
            other.join();
        }
        benchmark::DoNotOptimize(grid.data());
    }
    state.SetItemsProcessed(state.iterations() * 10000);
}
BENCHMARK_CAPTURE(BM_PhaseDiagram, tanh, "tanh", false, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PhaseDiagram, tanh_2threads, "tanh", false, 2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_PhaseDiagram, relu, "relu", false, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PhaseDiagram, selu, "selu", false, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PhaseDiagram, gelu, "gelu", false, 1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PhaseDiagram, gelu_interactive, "gelu", true, 1)
    ->Unit(benchmark::kMillisecond);

// Width 512, depth 50, one pair of inputs, forward and backward.
void BM_Simulation(benchmark::State& state, const char* id, bool gradients) {
    SimulationSettings s;
    s.variances = {1.5, 0.05};
    s.width = 512;
    s.depth = 50;
    s.pairs = 1;
    s.gradients = gradients;
    const ActivationCall c = call(id);
    for (auto _ : state) benchmark::DoNotOptimize(simulateWideNetwork(c, s).q.back());
}
BENCHMARK_CAPTURE(BM_Simulation, tanh_forward, "tanh", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Simulation, tanh_forward_backward, "tanh", true)
    ->Unit(benchmark::kMillisecond);

// The building blocks: one V(q) and one correlated expectation.
void BM_MeanSquare(benchmark::State& state, const char* id) {
    ActivationExpectations e(call(id));
    double q = 0.7;
    for (auto _ : state) {
        benchmark::DoNotOptimize(e.meanSquare(q));
        q = q < 3 ? q * 1.01 : 0.7;
    }
    state.counters["nodes"] = double(e.lastEvaluations());
}
BENCHMARK_CAPTURE(BM_MeanSquare, tanh, "tanh")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_MeanSquare, relu, "relu")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_MeanSquare, gelu, "gelu")->Unit(benchmark::kMicrosecond);

void BM_Cross(benchmark::State& state, const char* id, double c) {
    ActivationExpectations e(call(id));
    for (auto _ : state) benchmark::DoNotOptimize(e.cross(1.0, c));
    state.counters["evaluations"] = double(e.lastEvaluations());
}
BENCHMARK_CAPTURE(BM_Cross, tanh_0_5, "tanh", 0.5)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Cross, tanh_0_99, "tanh", 0.99)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Cross, relu_0_5, "relu", 0.5)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Cross, selu_0_5, "selu", 0.5)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
