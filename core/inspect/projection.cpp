#include "projection.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace actlab::inspect {

namespace {

/// Means of the rows of `values` (unit-major, width × points) into `mean`.
void rowMeans(std::span<const double> values, int width, int points, std::vector<double>& mean) {
    mean.assign(std::size_t(width), 0.0);
    for (std::size_t u = 0; u < std::size_t(width); ++u) {
        const double* row = values.data() + u * std::size_t(points);
        double s = 0;
        for (int p = 0; p < points; ++p) s += row[p];
        mean[u] = points ? s / points : 0.0;
    }
}

/// Σ_p (x_p − mx)(y_p − my) / points.
double covariance(const double* x, double mx, const double* y, double my, int points) {
    double s = 0;
    for (int p = 0; p < points; ++p) s += (x[p] - mx) * (y[p] - my);
    return points ? s / points : 0.0;
}

/// Eigen-decomposition of the symmetric n×n matrix `a` (destroyed: its diagonal ends as the
/// eigenvalues) by cyclic Jacobi rotations; `v` receives the eigenvectors as columns.
void jacobi(std::vector<double>& a, std::vector<double>& v, std::size_t n) {
    v.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) v[i * n + i] = 1;
    double total = 0;
    for (double x : a) total += x * x;
    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) off += a[p * n + q] * a[p * n + q];
        // Off-diagonal mass below double precision of the whole: the diagonal is converged.
        if (off <= 1e-34 * total || off == 0) return;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) {
                const double apq = a[p * n + q];
                if (apq == 0) continue;
                // The rotation that zeroes a_pq (Numerical Recipes' form, with the smaller
                // angle, so that it converges quadratically and never overflows).
                const double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                const double t = std::fabs(theta) > 1e150
                                     ? 0.5 / theta
                                     : std::copysign(1.0, theta) /
                                           (std::fabs(theta) + std::sqrt(theta * theta + 1));
                const double c = 1 / std::sqrt(t * t + 1), s = t * c;
                a[p * n + p] -= t * apq;
                a[q * n + q] += t * apq;
                a[p * n + q] = a[q * n + p] = 0;
                for (std::size_t r = 0; r < n; ++r) {
                    if (r != p && r != q) {
                        const double arp = a[r * n + p], arq = a[r * n + q];
                        a[r * n + p] = a[p * n + r] = c * arp - s * arq;
                        a[r * n + q] = a[q * n + r] = s * arp + c * arq;
                    }
                    const double vrp = v[r * n + p], vrq = v[r * n + q];
                    v[r * n + p] = c * vrp - s * vrq;
                    v[r * n + q] = s * vrp + c * vrq;
                }
            }
    }
}

}  // namespace

std::array<double, 2> Projection::explained() const {
    if (!(totalVariance > 0)) return {0.0, 0.0};
    return {variance[0] / totalVariance, variance[1] / totalVariance};
}

void directProjection(int width, Projection& out) {
    const std::size_t n = std::size_t(width);
    out.kind = ProjectionKind::Direct;
    out.width = width;
    out.unitA = 0;
    out.unitB = width > 1 ? 1 : -1;
    out.axes.assign(2 * n, 0.0);
    out.axes[0] = 1;
    if (width > 1) out.axes[n + 1] = 1;
    out.centre.assign(n, 0.0);
    out.anchor.assign(n, 0.0);
    out.variance = {0.0, 0.0};
    out.totalVariance = 0;
}

void unitProjection(std::span<const double> values, int width, int points, int unitA, int unitB,
                    Projection& out) {
    const std::size_t n = std::size_t(width);
    out.kind = ProjectionKind::Units;
    out.width = width;
    out.unitA = unitA;
    out.unitB = unitB;
    out.axes.assign(2 * n, 0.0);
    out.axes[std::size_t(unitA)] = 1;
    out.axes[n + std::size_t(unitB)] = 1;
    out.centre.assign(n, 0.0);
    rowMeans(values, width, points, out.anchor);
    out.totalVariance = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const double* row = values.data() + u * std::size_t(points);
        const double var = covariance(row, out.anchor[u], row, out.anchor[u], points);
        out.totalVariance += var;
        if (int(u) == unitA) out.variance[0] = var;
        if (int(u) == unitB) out.variance[1] = var;
    }
}

void PcaProjector::fit(std::span<const double> values, int width, int points, Projection& out) {
    const std::size_t n = std::size_t(width);
    rowMeans(values, width, points, m_mean);
    m_cov.resize(n * n);
    double trace = 0;
    for (std::size_t u = 0; u < n; ++u) {
        const double* x = values.data() + u * std::size_t(points);
        for (std::size_t v = u; v < n; ++v) {
            const double* y = values.data() + v * std::size_t(points);
            m_cov[u * n + v] = m_cov[v * n + u] = covariance(x, m_mean[u], y, m_mean[v], points);
        }
        trace += m_cov[u * n + u];
    }
    out.kind = ProjectionKind::Pca;
    out.width = width;
    out.unitA = out.unitB = -1;
    out.centre = m_mean;
    out.anchor = m_mean;
    out.axes.assign(2 * n, 0.0);
    out.totalVariance = trace;
    m_sortedValues.resize(n);
    if (!std::isfinite(trace)) {  // a diverged network: unit axes, no variances to report
        out.axes[0] = 1;
        if (n > 1) out.axes[n + 1] = 1;
        out.variance = {NAN, NAN};
        std::fill(m_sortedValues.begin(), m_sortedValues.end(), NAN);
        return;
    }
    jacobi(m_cov, m_vectors, n);
    m_order.resize(n);
    std::iota(m_order.begin(), m_order.end(), 0);
    std::stable_sort(m_order.begin(), m_order.end(), [&](int i, int j) {
        return m_cov[std::size_t(i) * n + std::size_t(i)] >
               m_cov[std::size_t(j) * n + std::size_t(j)];
    });
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t col = std::size_t(m_order[k]);
        // Rounding can leave a zero eigenvalue slightly negative; a variance is ≥ 0.
        m_sortedValues[k] = std::max(0.0, m_cov[col * n + col]);
    }
    for (std::size_t r = 0; r < std::min<std::size_t>(2, n); ++r) {
        const std::size_t col = std::size_t(m_order[r]);
        std::size_t largest = 0;
        for (std::size_t u = 1; u < n; ++u)
            if (std::fabs(m_vectors[u * n + col]) > std::fabs(m_vectors[largest * n + col]))
                largest = u;
        const double sign = m_vectors[largest * n + col] < 0 ? -1.0 : 1.0;
        for (std::size_t u = 0; u < n; ++u) out.axes[r * n + u] = sign * m_vectors[u * n + col];
        out.variance[r] = m_sortedValues[r];
    }
    if (n == 1) out.variance[1] = 0;
}

void project(const Projection& projection, std::span<const double> values, int count,
             std::span<double> out) {
    const std::size_t n = std::size_t(projection.width), m = std::size_t(count);
    for (std::size_t r = 0; r < 2; ++r) {
        double* dst = out.data() + r * m;
        std::fill(dst, dst + m, 0.0);
        for (std::size_t u = 0; u < n; ++u) {
            const double a = projection.axes[r * n + u];
            if (a == 0) continue;  // the direct and unit projections touch two rows only
            const double c = projection.centre[u];
            const double* row = values.data() + u * m;
            for (std::size_t p = 0; p < m; ++p) dst[p] += a * (row[p] - c);
        }
    }
}

ProjectedLine projectBoundary(const BoundaryLine& line, const Projection& projection) {
    const std::size_t n = std::size_t(projection.width);
    const double* a0 = projection.axes.data();
    const double* a1 = a0 + n;
    ProjectedLine out;
    // A·w, the normal of the line in the plane; w·m + b − threshold at the anchor; A(m − c).
    double wm = 0, am0 = 0, am1 = 0;
    for (std::size_t u = 0; u < n; ++u) {
        out.a += a0[u] * line.w[u];
        out.b += a1[u] * line.w[u];
        const double m = projection.anchor[u];
        wm += line.w[u] * m;
        am0 += a0[u] * (m - projection.centre[u]);
        am1 += a1[u] * (m - projection.centre[u]);
    }
    out.c = wm + line.b - line.threshold - (out.a * am0 + out.b * am1);
    out.exists = out.a != 0 || out.b != 0;
    out.exact = projection.kind == ProjectionKind::Direct;
    return out;
}

}  // namespace actlab::inspect
