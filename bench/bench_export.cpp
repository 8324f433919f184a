// The PyTorch export's generator: how long writing a script or a notebook takes, for the default
// session (250 + 250 points inline, [2,4,2,1] tanh) and the largest the app allows to be typical
// (8 hidden layers of 32, 5000 points in a CSV). A dialog runs it on the GUI thread.

#include <benchmark/benchmark.h>

#include "activations/registry.h"
#include "export/pytorch_export.h"

namespace {

using namespace actlab;

nn::Session defaultSession() {
    nn::Session s;
    const ParamValues tanh = activation("tanh").defaults();
    s.network.hidden = {{4, "tanh", tanh, nn::PReluMode::PerLayer},
                        {2, "tanh", tanh, nn::PReluMode::PerLayer}};
    return s;
}

nn::Session largeSession() {
    nn::Session s;
    s.generator.numPoints = 5000;
    for (int l = 0; l < nn::kMaxHiddenLayers; ++l)
        s.network.hidden.push_back(
            {nn::kMaxNeurons, "relu", activation("relu").defaults(), nn::PReluMode::PerLayer});
    s.init = nn::InitKind::He;
    return s;
}

void script(benchmark::State& state, const nn::Session& session, bool notebook) {
    pytorch::PytorchExportOptions options;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const pytorch::PytorchExport e = notebook ? pytorch::jupyterNotebook(session, options)
                                                  : pytorch::pytorchScript(session, options);
        bytes = e.text.size() + e.dataCsv.size();
        benchmark::DoNotOptimize(bytes);
    }
    state.counters["bytes"] = double(bytes);
}

BENCHMARK_CAPTURE(script, default_script, defaultSession(), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(script, default_notebook, defaultSession(), true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(script, large_script, largeSession(), false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(script, large_notebook, largeSession(), true)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
