#include "contour.h"

#include <cmath>

#include "grid.h"

namespace actlab::nn {

namespace {

/// Where the edge from value a to value b crosses `level`, as a fraction of the edge.
double crossing(double a, double b, double level) {
    const double d = b - a;
    return d == 0 ? 0.5 : (level - a) / d;
}

/// Marching squares over one grid, appending to `out` (not cleared).
void march(std::span<const double> grid, int n, double level, std::vector<ContourSegment>& out) {
    const auto at = [&](int i, int j) {
        return grid[std::size_t(i) * std::size_t(n) + std::size_t(j)];
    };
    // Column j of the grid is at height y_j = gridCoordinate(n − 1 − j): it falls with j.
    std::vector<double> xs(static_cast<std::size_t>(n)), ys(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) {
        xs[std::size_t(k)] = gridCoordinate(k, n);
        ys[std::size_t(k)] = gridCoordinate(n - 1 - k, n);
    }
    for (int i = 0; i + 1 < n; ++i) {
        const double x0 = xs[std::size_t(i)], x1 = xs[std::size_t(i) + 1];
        for (int j = 0; j + 1 < n; ++j) {
            const double y0 = ys[std::size_t(j)], y1 = ys[std::size_t(j) + 1];
            // Corners counter-clockwise from (x0, y0): a = (i, j), b = (i+1, j), c = (i+1, j+1),
            // d = (i, j+1).
            const double a = at(i, j), b = at(i + 1, j), c = at(i + 1, j + 1), d = at(i, j + 1);
            if (!std::isfinite(a) || !std::isfinite(b) || !std::isfinite(c) || !std::isfinite(d))
                continue;
            const int mask = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) |
                             (d > level ? 8 : 0);
            if (mask == 0 || mask == 15) continue;
            // The crossing on each edge: ab (bottom at y0), bc (right at x1), cd (top at y1),
            // da (left at x0).
            const auto ab = [&] { return std::pair{x0 + (x1 - x0) * crossing(a, b, level), y0}; };
            const auto bc = [&] { return std::pair{x1, y0 + (y1 - y0) * crossing(b, c, level)}; };
            const auto cd = [&] { return std::pair{x1 + (x0 - x1) * crossing(c, d, level), y1}; };
            const auto da = [&] { return std::pair{x0, y1 + (y0 - y1) * crossing(d, a, level)}; };
            const auto emit = [&](std::pair<double, double> p, std::pair<double, double> q) {
                out.push_back({p.first, p.second, q.first, q.second});
            };
            switch (mask) {
                case 1:
                case 14:
                    emit(da(), ab());
                    break;
                case 2:
                case 13:
                    emit(ab(), bc());
                    break;
                case 3:
                case 12:
                    emit(da(), bc());
                    break;
                case 4:
                case 11:
                    emit(bc(), cd());
                    break;
                case 6:
                case 9:
                    emit(ab(), cd());
                    break;
                case 7:
                case 8:
                    emit(da(), cd());
                    break;
                case 5:
                case 10: {
                    // Saddle: a and c are on one side, b and d on the other. The mean of the
                    // corners decides whether the middle of the cell joins a–c or b–d.
                    const bool centreAbove = (a + b + c + d) / 4 > level;
                    const bool acAbove = mask == 5;
                    if (centreAbove == acAbove) {  // a and c are connected through the middle
                        emit(ab(), bc());
                        emit(cd(), da());
                    } else {
                        emit(da(), ab());
                        emit(bc(), cd());
                    }
                    break;
                }
                default:
                    break;
            }
        }
    }
}

}  // namespace

void contourSegments(std::span<const double> grid, int n, double level,
                     std::vector<ContourSegment>& out) {
    out.clear();
    march(grid, n, level, out);
}

void classBorderSegments(std::span<const double> grid, int n, int classes,
                         std::vector<ContourSegment>& out) {
    out.clear();
    std::vector<double> indicator(grid.size());
    for (int k = 0; k < classes; ++k) {
        for (std::size_t p = 0; p < grid.size(); ++p)
            indicator[p] = std::isfinite(grid[p]) ? (grid[p] == k ? 1.0 : 0.0) : grid[p];
        march(indicator, n, 0.5, out);
    }
}

}  // namespace actlab::nn
