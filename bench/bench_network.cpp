// Mini-network throughput: training examples per second and output-grid time for the
// TensorFlow Playground default ([2,4,2,1] tanh, circle, batch 10), a 6×8 ReLU network, and
// [2,8,8,1] networks with formula activations against the built-ins they duplicate.
// Anchors (Playground's nn.ts under node 20 on this kind of machine): 1.62 M and 0.177 M
// examples/s; 100×100 grid 3.47 ms and 26.2 ms; 256×256 grid 30.7 ms and 162 ms.

#include <benchmark/benchmark.h>

#include "nn/grid.h"
#include "nn/session.h"

namespace {

using namespace actlab::nn;

Session playgroundSession(const std::string& act, int layers, int width) {
    Session s;
    s.seed = 12345;
    s.generator.kind = DatasetKind::Circle;
    for (int l = 0; l < layers; ++l)
        s.network.hidden.push_back({width, act, {}, PReluMode::PerLayer});
    s.init = InitKind::Playground;
    s.training.mode = TrainingMode::Playground;
    s.training.learningRate = 0.03;
    s.training.batchSize = 10;
    return s;
}

/// [2,8,8,1] on the circle with a formula in both hidden layers (activation "formula").
Session formulaSession(const std::string& formula) {
    Session s = playgroundSession("formula", 2, 8);
    for (LayerSpec& l : s.network.hidden) l.formula = formula;
    return s;
}

Session defaultSession() {
    Session s = playgroundSession("tanh", 0, 0);
    s.network.hidden = {{4, "tanh", {}, PReluMode::PerLayer}, {2, "tanh", {}, PReluMode::PerLayer}};
    return s;
}

/// One epoch per iteration. Items are training examples. `evaluation` is what happens after each
/// epoch: nothing (training throughput), the train and test losses (as Playground's oneStep), or
/// the losses and the per-layer health statistics.
void trainEpochs(benchmark::State& state, Session s, Evaluation evaluation) {
    Trainer t = makeTrainer(s);
    for (auto _ : state) {
        t.step(evaluation);
        if (t.diverged()) t.reset();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(t.data().train.size()));
}

void grid(benchmark::State& state, Session s) {
    const int n = static_cast<int>(state.range(0));
    const Mlp net = sessionNetwork(s);
    GridEvaluator eval;
    std::vector<double> out(std::size_t(n) * std::size_t(n));
    for (auto _ : state) {
        eval.outputGrid(net, n, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations() * n * n);
}

BENCHMARK_CAPTURE(trainEpochs, default_2_4_2_1_tanh/train_only, defaultSession(), Evaluation::None)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, default_2_4_2_1_tanh/with_loss, defaultSession(), Evaluation::Loss)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, default_2_4_2_1_tanh/with_all_metrics, defaultSession(),
                  Evaluation::Full)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, relu_6x8/train_only, playgroundSession("relu", 6, 8), Evaluation::None)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, relu_6x8/with_loss, playgroundSession("relu", 6, 8), Evaluation::Loss)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, relu_6x8/with_all_metrics, playgroundSession("relu", 6, 8),
                  Evaluation::Full)
    ->Unit(benchmark::kMicrosecond);
// A formula activation against the built-in it duplicates: the formula's program evaluates each
// layer's whole buffer in one call, the built-in its vectorised kernel.
BENCHMARK_CAPTURE(trainEpochs, relu_2_8_8_1/train_only, playgroundSession("relu", 2, 8),
                  Evaluation::None)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, formula_relu_2_8_8_1/train_only, formulaSession("max(0,x)"),
                  Evaluation::None)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, silu_2_8_8_1/train_only, playgroundSession("silu", 2, 8),
                  Evaluation::None)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(trainEpochs, formula_silu_2_8_8_1/train_only, formulaSession("x*sigmoid(x)"),
                  Evaluation::None)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(grid, default_2_4_2_1_tanh, defaultSession())->Arg(100)->Arg(256)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(grid, relu_6x8, playgroundSession("relu", 6, 8))->Arg(100)->Arg(256)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
