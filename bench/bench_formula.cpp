// Formula activations: f + f′ over arrays against the built-in kernels (the target is 30 % of
// SiLU's batch throughput for x*sigmoid(b*x)), the cost of compiling a formula, and of a whole
// keystroke in the formula box (compile, derivative formulas, three curves).
//
//   bench_formula --benchmark_repetitions=5 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "activations/registry.h"
#include "formula/formula.h"
#include "formula/formula_display.h"

namespace {

constexpr std::size_t kN = 4096;

std::vector<double> inputs() {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> normal(0.0, 3.0);
    std::vector<double> xs(kN);
    for (double& x : xs) x = normal(rng);
    return xs;
}

/// The built-in's double batch kernel (k64.batchFDf), the reference of the throughput target.
void builtinFDf(benchmark::State& state, const char* id) {
    const actlab::ActivationSpec& spec = actlab::activation(id);
    const std::vector<double> xs = inputs();
    std::vector<double> y(kN), dy(kN);
    for (auto _ : state) {
        spec.k64.batchFDf(xs, y, dy, spec.defaults());
        benchmark::DoNotOptimize(y.data());
        benchmark::DoNotOptimize(dy.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(kN));
}

void formulaEval(benchmark::State& state, const char* text, int order) {
    const actlab::FormulaCompileResult r = actlab::compileFormula(text);
    if (!r.ok()) {
        state.SkipWithError(r.error.c_str());
        return;
    }
    const std::vector<double> xs = inputs();
    const std::vector<double> params = {1.0};
    std::vector<double> y(kN), dy(kN), d2y(kN);
    for (auto _ : state) {
        if (order == 0)
            r.program->evalF(xs, y, params);
        else if (order == 1)
            r.program->evalFDf(xs, y, dy, params);
        else
            r.program->evalFDfD2f(xs, y, dy, d2y, params);
        benchmark::DoNotOptimize(y.data());
        benchmark::DoNotOptimize(dy.data());
    }
    state.SetItemsProcessed(state.iterations() * static_cast<long>(kN));
}

void compile(benchmark::State& state, const char* text) {
    for (auto _ : state) {
        actlab::FormulaCompileResult r = actlab::compileFormula(text);
        benchmark::DoNotOptimize(r.program.get());
    }
}

/// What one keystroke in a formula box costs before painting: compile, the derivative formulas,
/// and f, f′, f″ on a 2001-point plot grid.
void keystroke(benchmark::State& state, const char* text) {
    std::vector<double> xs(2001), y(xs.size()), dy(xs.size()), d2y(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -6 + 12 * static_cast<double>(i) / 2000;
    for (auto _ : state) {
        const actlab::FormulaCompileResult r = actlab::compileFormula(text);
        const actlab::FormulaDisplay d = actlab::formulaDisplay(*r.program);
        r.program->evalFDfD2f(xs, y, dy, d2y, r.program->defaultParams());
        benchmark::DoNotOptimize(d.d2f.data());
        benchmark::DoNotOptimize(d2y.data());
    }
}

BENCHMARK_CAPTURE(builtinFDf, silu, "silu");
BENCHMARK_CAPTURE(formulaEval, swish_fdf, "x*sigmoid(b*x)", 1);
BENCHMARK_CAPTURE(formulaEval, swish_f, "x*sigmoid(b*x)", 0);
BENCHMARK_CAPTURE(formulaEval, swish_fdfd2f, "x*sigmoid(b*x)", 2);
BENCHMARK_CAPTURE(builtinFDf, relu, "relu");
BENCHMARK_CAPTURE(formulaEval, relu_fdf, "max(0,x)", 1);
BENCHMARK_CAPTURE(builtinFDf, mish, "mish");
BENCHMARK_CAPTURE(formulaEval, mish_fdf, "x*tanh(softplus(x))", 1);
BENCHMARK_CAPTURE(builtinFDf, gelu, "gelu");
BENCHMARK_CAPTURE(formulaEval, gelu_fdf, "x*(1+erf(x/sqrt(2)))/2", 1);
BENCHMARK_CAPTURE(compile, swish, "x*sigmoid(b*x)");
BENCHMARK_CAPTURE(compile, gelu_tanh, "0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3)))");
BENCHMARK_CAPTURE(keystroke, swish, "x*sigmoid(b*x)");
BENCHMARK_CAPTURE(keystroke, mish, "x*tanh(softplus(x))");

}  // namespace

BENCHMARK_MAIN();
