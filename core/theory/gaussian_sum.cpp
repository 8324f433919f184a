#include "gaussian_sum.h"

#include <array>

#include "activations/fast_exp.h"
#include "util/portability.h"

namespace actlab::theory {

// Eight partial sums in a fixed order: the compiler can keep them in vector registers without
// reassociating anything, so every clone (util/portability.h) adds in the same order.
ACTLAB_CLONES double gaussianSum(std::span<const double> x, std::span<const double> a,
                                 double mean, double invSd) {
    constexpr std::size_t kLanes = 8;
    const std::size_t n = x.size();
    const double* __restrict xs = x.data();
    const double* __restrict as = a.data();
    std::array<double, kLanes> acc{};
    std::size_t i = 0;
    for (; i + kLanes <= n; i += kLanes)
        for (std::size_t k = 0; k < kLanes; ++k) {
            const double z = (xs[i + k] - mean) * invSd;
            acc[k] += as[i + k] * fast::expBranchFree(-0.5 * z * z);
        }
    for (std::size_t k = 0; i < n; ++i, ++k) {
        const double z = (xs[i] - mean) * invSd;
        acc[k] += as[i] * fast::expBranchFree(-0.5 * z * z);
    }
    double sum = 0;
    for (double v : acc) sum += v;
    return sum;
}

ACTLAB_CLONES void applyDensity(std::span<const double> z, std::span<double> w) {
    const std::size_t n = z.size();
    const double* __restrict zs = z.data();
    double* __restrict ws = w.data();
    for (std::size_t i = 0; i < n; ++i) ws[i] *= fast::expBranchFree(-0.5 * zs[i] * zs[i]);
}

}  // namespace actlab::theory
