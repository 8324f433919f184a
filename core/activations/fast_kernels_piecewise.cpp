// The piecewise-linear vectorised kernels: ReLU, LeakyReLU (and PReLU's shared slope), RReLU in
// evaluation mode, Hardtanh, ReLU6 and the identity. Selects only, no exponentials; one clone
// per instruction set as in fast_kernels.cpp.

#include <algorithm>
#include <cmath>

#include "fast_kernel_loops.h"
#include "fast_kernels.h"

namespace actlab::fast {

namespace {

/// max(0, x) + slope·min(0, x), with NaN kept and, for slope 0, 0 at −inf (the limit).
ACTLAB_INLINE double leaky(double x, double slope) {
    const double neg = slope == 0 ? 0.0 : x * slope;
    const double y = x > 0 ? x : neg;
    return x != x ? x : y;
}
ACTLAB_INLINE double leakyDerivative(double x, double slope) {
    const double d = x > 0 ? 1.0 : slope;
    return x != x ? x : d;
}

ACTLAB_CLONES void leakyFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                            const ParamValues& p) {
    const std::size_t n = x.size();
    const double slope = p[0];
    const double* __restrict xs = x.data();
    double* __restrict ys = y.data();
    double* __restrict ds = dy.data();
    for (std::size_t i = 0; i < n; ++i) {
        ys[i] = leaky(xs[i], slope);
        ds[i] = leakyDerivative(xs[i], slope);
    }
}

ACTLAB_CLONES void leakyF(std::span<const double> x, std::span<double> y, const ParamValues& p) {
    const std::size_t n = x.size();
    const double slope = p[0];
    const double* __restrict xs = x.data();
    double* __restrict ys = y.data();
    for (std::size_t i = 0; i < n; ++i) ys[i] = leaky(xs[i], slope);
}

void reluFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
             const ParamValues&) {
    leakyFDf(x, y, dy, {0.0, 0.0});
}
void reluF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    leakyF(x, y, {0.0, 0.0});
}

ACTLAB_CLONES void identityFDf(std::span<const double> x, std::span<double> y,
                               std::span<double> dy, const ParamValues&) {
    const std::size_t n = x.size();
    const double* __restrict xs = x.data();
    double* __restrict ys = y.data();
    double* __restrict ds = dy.data();
    for (std::size_t i = 0; i < n; ++i) {
        ys[i] = xs[i];
        ds[i] = xs[i] != xs[i] ? xs[i] : 1.0;
    }
}

void identityF(std::span<const double> x, std::span<double> y, const ParamValues&) {
    std::copy(x.begin(), x.end(), y.begin());
}

/// RReLU in evaluation mode: Leaky ReLU with the slope (lower + upper)/2, bound as the scalar
/// kernel binds it.
ACTLAB_INLINE double rreluSlope(const ParamValues& v) { return (v[0] + v[1]) / 2; }
ACTLAB_INLINE void leakyElement(double x, double slope, double& y, double& dy) {
    y = leaky(x, slope);
    dy = leakyDerivative(x, slope);
}

/// Hardtanh and ReLU6: x clamped to [lo, hi], f′ 1 strictly inside and 0 at and beyond the ends
/// (PyTorch's convention), NaN kept.
struct ClampBounds {
    double lo, hi;
};
ACTLAB_INLINE ClampBounds hardtanhBounds(const ParamValues& v) { return {v[0], v[1]}; }
ACTLAB_INLINE ClampBounds relu6Bounds(const ParamValues&) { return {0.0, 6.0}; }
ACTLAB_INLINE void clampElement(double x, ClampBounds b, double& y, double& dy) {
    const double c = x <= b.lo ? b.lo : (x >= b.hi ? b.hi : x);
    const double d = x <= b.lo || x >= b.hi ? 0.0 : 1.0;
    y = x != x ? x : c;
    dy = x != x ? x : d;
}

ACTLAB_FAST_KERNEL(rrelu, rreluSlope, leakyElement)
ACTLAB_FAST_KERNEL(hardtanh, hardtanhBounds, clampElement)
ACTLAB_FAST_KERNEL(relu6, relu6Bounds, clampElement)

}  // namespace

const Kernels kRelu{&reluFDf, &reluF};
const Kernels kLeaky{&leakyFDf, &leakyF};
const Kernels kRrelu{&rreluFDf, &rreluF};
const Kernels kHardtanh{&hardtanhFDf, &hardtanhF};
const Kernels kRelu6{&relu6FDf, &relu6F};
const Kernels kIdentity{&identityFDf, &identityF};

}  // namespace actlab::fast
