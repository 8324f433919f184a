#include "explorer/curve_decimation.h"

#include <cmath>
#include <cstddef>
#include <limits>
#include <utility>

namespace actlab::ui {

void minMaxDecimate(std::span<const double> y, int buckets, std::vector<int>& indices) {
    indices.clear();
    const int n = static_cast<int>(y.size());
    if (n == 0) return;
    if (buckets < 1 || 2 * buckets >= n) {
        indices.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) indices.push_back(i);
        return;
    }
    indices.reserve(static_cast<std::size_t>(2 * buckets + 2));
    const auto push = [&](int i) {
        if (indices.empty() || indices.back() < i) indices.push_back(i);
    };
    push(0);
    for (int b = 0; b < buckets; ++b) {
        // Bucket b covers [begin, end); the split is exact, so every index is in one bucket.
        const int begin = static_cast<int>(static_cast<long long>(b) * n / buckets);
        const int end = static_cast<int>(static_cast<long long>(b + 1) * n / buckets);
        int lo = -1, hi = -1, nan = -1;
        for (int i = begin; i < end; ++i) {
            const double v = y[static_cast<std::size_t>(i)];
            if (std::isnan(v)) {
                if (nan < 0) nan = i;
                continue;
            }
            if (lo < 0 || v < y[static_cast<std::size_t>(lo)]) lo = i;
            if (hi < 0 || v > y[static_cast<std::size_t>(hi)]) hi = i;
        }
        int picks[3] = {lo, hi, nan};
        // Emit in index order so the polyline runs left to right.
        for (int a = 0; a < 3; ++a)
            for (int c = a + 1; c < 3; ++c)
                if (picks[c] >= 0 && (picks[a] < 0 || picks[c] < picks[a]))
                    std::swap(picks[a], picks[c]);
        for (int p : picks)
            if (p >= 0) push(p);
    }
    push(n - 1);
}

QVector<QCPGraphData> graphPoints(std::span<const double> x, std::span<const double> y,
                                  int buckets, std::vector<int>& scratch) {
    const auto clean = [](double v) {
        return std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
    };
    QVector<QCPGraphData> points;
    if (buckets > 0) {
        minMaxDecimate(y, buckets, scratch);
        points.resize(static_cast<qsizetype>(scratch.size()));
        for (std::size_t k = 0; k < scratch.size(); ++k) {
            const auto i = static_cast<std::size_t>(scratch[k]);
            points[static_cast<qsizetype>(k)] = QCPGraphData(x[i], clean(y[i]));
        }
    } else {
        points.resize(static_cast<qsizetype>(y.size()));
        for (std::size_t i = 0; i < y.size(); ++i)
            points[static_cast<qsizetype>(i)] = QCPGraphData(x[i], clean(y[i]));
    }
    return points;
}

}  // namespace actlab::ui
