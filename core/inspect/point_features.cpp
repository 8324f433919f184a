#include "point_features.h"

#include <algorithm>

#include "nn/grid.h"

namespace actlab::inspect {

void fillFeatures(std::span<const nn::Feature> features, std::span<const double> xs,
                  std::span<const double> ys, nn::FeatureTable& table) {
    const std::size_t points = xs.size();
    table.features = static_cast<int>(features.size());
    table.points = static_cast<int>(points);
    table.v.resize(features.size() * points);  // keeps its capacity: no allocation once grown
    for (std::size_t f = 0; f < features.size(); ++f) {
        double* row = table.v.data() + f * points;
        for (std::size_t p = 0; p < points; ++p)
            row[p] = nn::featureValue(features[f], xs[p], ys[p]);
    }
}

const nn::FeatureTable& GridFeatures::get(std::span<const nn::Feature> features, int n) {
    if (n == m_n && std::ranges::equal(features, m_features)) return m_table;
    const std::size_t cells = std::size_t(n) * std::size_t(n);
    m_xs.resize(cells);
    m_ys.resize(cells);
    for (int cell = 0; cell < n * n; ++cell) {
        m_xs[std::size_t(cell)] = gridCellX(cell, n);
        m_ys[std::size_t(cell)] = gridCellY(cell, n);
    }
    fillFeatures(features, m_xs, m_ys, m_table);
    m_features.assign(features.begin(), features.end());
    m_n = n;
    return m_table;
}

double gridCellX(int cell, int n) {
    return nn::gridCoordinate(cell / n, n);
}
double gridCellY(int cell, int n) {
    return nn::gridCoordinate(n - 1 - cell % n, n);
}

}  // namespace actlab::inspect
