#include "mean_map.h"

#include <algorithm>
#include <cmath>

namespace actlab::theory {

MeanMapStep meanMap(ActivationExpectations& e, MeanVariance in, WeightStatistics w) {
    MeanMapStep s;
    const double m = in.mean * w.omega;
    const double v = in.variance * w.tau + w.sigmaB2;
    const Moments g = e.moments(m, v, Kernel::F);
    s.next.mean = g.mean;
    s.next.variance = g.square - g.mean * g.mean;
    // Chain rule through m = μω and v = ντ + σ_b².
    s.jacobian[0][0] = w.omega * g.dMean;
    s.jacobian[0][1] = w.tau * g.dVar;
    s.jacobian[1][0] = w.omega * (g.squareDMean - 2 * g.mean * g.dMean);
    s.jacobian[1][1] = w.tau * (g.squareDVar - 2 * g.mean * g.dVar);
    // Eigenvalues of a 2×2 matrix: λ = t/2 ± √(t²/4 − d).
    const double t = s.jacobian[0][0] + s.jacobian[1][1];
    const double d = s.jacobian[0][0] * s.jacobian[1][1] - s.jacobian[0][1] * s.jacobian[1][0];
    const double disc = 0.25 * t * t - d;
    s.spectralRadius = disc >= 0 ? std::fabs(0.5 * t) + std::sqrt(disc) : std::sqrt(d);
    return s;
}

MeanFixedPoint meanFixedPoint(ActivationExpectations& e, WeightStatistics w, MeanVariance start) {
    MeanFixedPoint r;
    MeanVariance p = start;
    for (int iter = 0; iter < 100; ++iter) {
        const MeanMapStep s = meanMap(e, p, w);
        const double f0 = s.next.mean - p.mean, f1 = s.next.variance - p.variance;
        if (!std::isfinite(f0) || !std::isfinite(f1)) return r;
        if (std::fabs(f0) <= 1e-15 * (1 + std::fabs(p.mean)) &&
            std::fabs(f1) <= 1e-15 * (1 + std::fabs(p.variance))) {
            r.found = true;
            r.point = p;
            r.step = s;
            return r;
        }
        // Newton on g(p) = map(p) − p: (J − I)·Δ = −g.
        const double a = s.jacobian[0][0] - 1, b = s.jacobian[0][1];
        const double c = s.jacobian[1][0], d = s.jacobian[1][1] - 1;
        const double det = a * d - b * c;
        MeanVariance next;
        if (std::fabs(det) > 1e-12) {
            next.mean = p.mean - (d * f0 - b * f1) / det;
            next.variance = p.variance - (-c * f0 + a * f1) / det;
        } else {
            next = s.next;  // a plain iteration step
        }
        if (!(next.variance > 0)) next.variance = 0.5 * p.variance;
        if (next.mean == p.mean && next.variance == p.variance) {
            r.found = true;
            r.point = p;
            r.step = s;
            return r;
        }
        p = next;
    }
    return r;
}

MeanCurves meanCurves(ActivationExpectations& e, WeightStatistics w, MeanVariance start,
                      int depth) {
    MeanCurves c;
    MeanVariance p = start;
    for (int l = 0; l <= depth; ++l) {
        c.mean.push_back(p.mean);
        c.variance.push_back(p.variance);
        if (l < depth) p = meanMap(e, p, w).next;
    }
    return c;
}

bool isOdd(const ActivationCall& call) {
    for (int i = 1; i <= 400; ++i) {
        const double x = i / 50.0;
        const double a = call.spec->f(x, call.params), b = call.spec->f(-x, call.params);
        if (!(std::fabs(a + b) <= 1e-14 * std::max(std::fabs(a), std::fabs(b)))) return false;
    }
    return call.spec->f(0.0, call.params) == 0;
}

}  // namespace actlab::theory
