#include "operating_points.h"

#include <algorithm>
#include <cmath>

#include "point_features.h"

namespace actlab::inspect {

void OperatingPoints::compute(const nn::Mlp& net, const nn::FeatureTable& points) {
    const std::size_t hidden = net.spec().hidden.size();
    const std::size_t n = std::size_t(points.points);
    m_points = points.points;
    m_units.resize(hidden);
    m_z.resize(hidden);
    m_slope.resize(hidden);
    for (std::size_t l = 0; l < hidden; ++l) {
        m_units[l] = net.layers()[l].out;
        m_z[l].resize(std::size_t(m_units[l]) * n);
        m_slope[l].resize(std::size_t(m_units[l]) * n);
    }
    m_pass.run(net, points, true, [&](const nn::Workspace& ws, int start, int from) {
        // f′ as training computes it
        const std::size_t stride = std::size_t(ws.stride), count = std::size_t(ws.batch - from);
        for (std::size_t l = 0; l < hidden; ++l)
            for (std::size_t u = 0; u < std::size_t(m_units[l]); ++u) {
                const auto src = static_cast<long>(u * stride + std::size_t(from));
                const auto dst = static_cast<long>(u * n + std::size_t(start + from));
                std::copy_n(ws.z[l + 1].begin() + src, count, m_z[l].begin() + dst);
                std::copy_n(ws.d[l + 1].begin() + src, count, m_slope[l].begin() + dst);
            }
    });
}

std::span<const double> OperatingPoints::preactivations(int layer) const {
    return m_z[std::size_t(layer)];
}

std::span<const double> OperatingPoints::slopes(int layer) const {
    return m_slope[std::size_t(layer)];
}

std::int64_t Histogram::total() const {
    std::int64_t t = below + above + nonFinite;
    for (std::int64_t c : counts) t += c;
    return t;
}

double Histogram::share(std::size_t bin) const {
    const std::int64_t t = total();
    return t ? double(counts[bin]) / double(t) : 0.0;
}

bool histogram(std::span<const double> values, std::span<const double> edges, Histogram& out) {
    out.counts.clear();
    out.below = out.above = out.nonFinite = 0;
    if (edges.size() < 2) return false;
    for (std::size_t k = 0; k < edges.size(); ++k)
        if (!std::isfinite(edges[k]) || (k > 0 && !(edges[k] > edges[k - 1]))) return false;
    out.counts.assign(edges.size() - 1, 0);
    const double lo = edges.front(), hi = edges.back();
    for (double v : values) {
        if (std::isnan(v)) {
            ++out.nonFinite;
        } else if (v < lo) {
            ++out.below;
        } else if (v > hi) {
            ++out.above;
        } else {
            // The first edge above v closes v's bin; v == hi belongs to the last bin.
            const auto it = std::upper_bound(edges.begin(), edges.end(), v);
            const std::size_t bin =
                it == edges.end() ? out.counts.size() - 1 : std::size_t(it - edges.begin()) - 1;
            ++out.counts[bin];
        }
    }
    return true;
}

void uniformEdges(double lo, double hi, int bins, std::vector<double>& edges) {
    edges.resize(std::size_t(bins) + 1);
    for (int k = 0; k <= bins; ++k) {
        const double t = double(k) / bins;
        edges[std::size_t(k)] = k == bins ? hi : lo + (hi - lo) * t;  // exact end points
    }
}

ZoneShares zoneShares(std::span<const double> slopes, double epsilon) {
    ZoneShares z;
    z.pairs = static_cast<std::int64_t>(slopes.size());
    for (double d : slopes) {
        z.dead += d == 0;
        z.vanishing += std::fabs(d) < epsilon;  // false for NaN
    }
    return z;
}

}  // namespace actlab::inspect
