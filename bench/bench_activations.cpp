// Throughput of every activation's batch kernels (f, and f with f′ fused), double and float.
// Teaching claims about cost, such as "exact GELU is several times slower than ReLU", come from
// these figures.

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "activations/registry.h"

namespace {

template <class T>
std::vector<T> inputs(std::size_t n) {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 3.0);
    std::vector<T> xs(n);
    for (T& x : xs) x = static_cast<T>(normal(rng));
    return xs;
}

template <class T>
void batchF(benchmark::State& state, const actlab::ActivationSpec* spec) {
    const std::vector<T> xs = inputs<T>(4096);
    std::vector<T> ys(xs.size());
    const actlab::KernelSet<T>& k = [&]() -> const actlab::KernelSet<T>& {
        if constexpr (sizeof(T) == 4)
            return spec->k32;
        else
            return spec->k64;
    }();
    for (auto _ : state) {
        k.batchF(xs, ys, spec->defaults());
        benchmark::DoNotOptimize(ys.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(xs.size()));
}

void batchFDf(benchmark::State& state, const actlab::ActivationSpec* spec) {
    const std::vector<double> xs = inputs<double>(4096);
    std::vector<double> ys(xs.size()), dys(xs.size());
    for (auto _ : state) {
        spec->k64.batchFDf(xs, ys, dys, spec->defaults());
        benchmark::DoNotOptimize(ys.data());
        benchmark::DoNotOptimize(dys.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(xs.size()));
}

/// What network training runs per layer: the row's trainFDf (its vectorised kernel where it has
/// one, else the batch kernel), f and f′ of 4096 doubles. ns per element = 1e9 / items per second;
/// scripts/torch-kernel-times.py measures PyTorch's float64 f + f′ the same way, on one thread.
void networkFDf(benchmark::State& state, const actlab::ActivationSpec* spec) {
    const std::vector<double> xs = inputs<double>(4096);
    std::vector<double> ys(xs.size()), dys(xs.size());
    for (auto _ : state) {
        spec->trainFDf(xs, ys, dys, spec->defaults());
        benchmark::DoNotOptimize(ys.data());
        benchmark::DoNotOptimize(dys.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(xs.size()));
}

const bool registered = [] {
    for (const actlab::ActivationSpec& spec : actlab::activations()) {
        const std::string id(spec.id);
        benchmark::RegisterBenchmark(("f64/f/" + id).c_str(), batchF<double>, &spec);
        benchmark::RegisterBenchmark(("f64/f+df/" + id).c_str(), batchFDf, &spec);
        benchmark::RegisterBenchmark(("f32/f/" + id).c_str(), batchF<float>, &spec);
        benchmark::RegisterBenchmark(("network/f+df/" + id).c_str(), networkFDf, &spec);
    }
    return true;
}();

}  // namespace

BENCHMARK_MAIN();
