#include "activation_spec.h"

#include <algorithm>
#include <array>
#include <vector>

#include "formula/formula.h"

namespace actlab {

namespace {

/// Elements per chunk where a formula's evaluation needs scratch outputs (f′ alone, a float
/// array): buffers on the stack, no allocation.
constexpr std::size_t kChunk = 256;

template <class T>
void floatThroughDouble(const ActivationSpec& spec, std::span<const T> x, T* y, T* dy, T* d2y,
                        const ParamValues& p) {
    std::array<double, kChunk> xd, yd, dyd, d2yd;
    for (std::size_t start = 0; start < x.size(); start += kChunk) {
        const std::size_t n = std::min(kChunk, x.size() - start);
        for (std::size_t i = 0; i < n; ++i) xd[i] = static_cast<double>(x[start + i]);
        const std::span<const double> xs(xd.data(), n);
        if (d2y)
            spec.program->evalFDfD2f(xs, {yd.data(), n}, {dyd.data(), n}, {d2yd.data(), n},
                                     {p.data(), spec.params.size()});
        else if (dy)
            spec.program->evalFDf(xs, {yd.data(), n}, {dyd.data(), n},
                                  {p.data(), spec.params.size()});
        else
            spec.program->evalF(xs, {yd.data(), n}, {p.data(), spec.params.size()});
        for (std::size_t i = 0; i < n; ++i) {
            if (y) y[start + i] = static_cast<T>(yd[i]);
            if (dy) dy[start + i] = static_cast<T>(dyd[i]);
            if (d2y) d2y[start + i] = static_cast<T>(d2yd[i]);
        }
    }
}

}  // namespace

double ActivationSpec::formulaAt(int order, double x, const ParamValues& p) const {
    const std::span<const double> values(p.data(), params.size());
    switch (order) {
        case 0:
            return program->f(x, values);
        case 1:
            return program->df(x, values);
        default:
            return program->d2f(x, values);
    }
}

void ActivationSpec::formulaBatch(std::span<const double> x, double* y, double* dy, double* d2y,
                                  const ParamValues& p) const {
    const std::span<const double> values(p.data(), params.size());
    const std::size_t n = x.size();
    // Straight into the outputs when they are the ones an evaluation order fills.
    if (y && dy && d2y) return program->evalFDfD2f(x, {y, n}, {dy, n}, {d2y, n}, values);
    if (y && dy && !d2y) return program->evalFDf(x, {y, n}, {dy, n}, values);
    if (y && !dy && !d2y) return program->evalF(x, {y, n}, values);
    floatThroughDouble<double>(*this, x, y, dy, d2y, p);
}

void ActivationSpec::batchF(std::span<const float> x, std::span<float> y,
                            const ParamValues& p) const {
    if (k32.batchF) return k32.batchF(x, y, p);
    floatThroughDouble<float>(*this, x, y.data(), nullptr, nullptr, p);
}

void ActivationSpec::batchDf(std::span<const float> x, std::span<float> dy,
                             const ParamValues& p) const {
    if (k32.batchDf) return k32.batchDf(x, dy, p);
    floatThroughDouble<float>(*this, x, nullptr, dy.data(), nullptr, p);
}

void ActivationSpec::batchFDf(std::span<const float> x, std::span<float> y, std::span<float> dy,
                              const ParamValues& p) const {
    if (k32.batchFDf) return k32.batchFDf(x, y, dy, p);
    floatThroughDouble<float>(*this, x, y.data(), dy.data(), nullptr, p);
}

void ActivationSpec::batchD2f(std::span<const float> x, std::span<float> d2y,
                              const ParamValues& p) const {
    if (k32.batchD2f) return k32.batchD2f(x, d2y, p);
    floatThroughDouble<float>(*this, x, nullptr, nullptr, d2y.data(), p);
}

std::vector<double> ActivationSpec::kinksIn(const ParamValues& p, double xMin, double xMax) const {
    if (program) return program->kinks({p.data(), params.size()}, xMin, xMax);
    std::vector<double> out = kinks ? kinks(p) : std::vector<double>{};
    std::erase_if(out, [&](double k) { return !(k >= xMin && k <= xMax); });
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace actlab
