// What robustness costs: the limits scan that every session, run and JSON file gets before it is
// parsed (nesting, values, overflow), against the parse itself, on the session of an 8×32
// network with its weights; and the atomic writer (a temporary file, flushed to the disk, then
// renamed), whose cost is mostly the disk's.

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "nn/session.h"
#include "util/atomic_file.h"
#include "util/json_guard.h"

namespace {

using namespace actlab;
using namespace actlab::nn;

/// The saved session of an 8×32 tanh network, weights included (about 240 KB).
std::string largeSessionText() {
    Session s;
    s.seed = 12345;
    s.generator.kind = DatasetKind::Spiral;
    for (int l = 0; l < 8; ++l) s.network.hidden.push_back({32, "tanh", {}, PReluMode::PerLayer});
    s.init = InitKind::Xavier;
    return serializeSession(withTrainedWeights(s, makeTrainer(s)));
}

void limitsScan(benchmark::State& state) {
    const std::string text = largeSessionText();
    for (auto _ : state) benchmark::DoNotOptimize(checkJsonText(text));
    state.SetBytesProcessed(state.iterations() * static_cast<long>(text.size()));
    state.counters["bytes"] = static_cast<double>(text.size());
}

void parse(benchmark::State& state) {
    const std::string text = largeSessionText();
    for (auto _ : state) benchmark::DoNotOptimize(parseSession(text).ok());
    state.SetBytesProcessed(state.iterations() * static_cast<long>(text.size()));
}

void atomicWrite(benchmark::State& state) {
    const std::string text(static_cast<std::size_t>(state.range(0)), 'x');
    char dir[] = "/tmp/actlab-bench-XXXXXX";
    if (!mkdtemp(dir)) {
        state.SkipWithError("no temporary folder");
        return;
    }
    const std::string path = std::string(dir) + "/out.json";
    for (auto _ : state) {
        const std::string error = writeFileAtomically(path, text);
        if (!error.empty()) state.SkipWithError(error.c_str());
    }
    state.SetBytesProcessed(state.iterations() * state.range(0));
    unlink(path.c_str());
    rmdir(dir);
}

BENCHMARK(limitsScan)->Unit(benchmark::kMicrosecond);
BENCHMARK(parse)->Unit(benchmark::kMicrosecond);
BENCHMARK(atomicWrite)->Arg(11'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
