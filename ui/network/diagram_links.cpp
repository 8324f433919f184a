#include "network/diagram_links.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "common/plot_style.h"
#include "network/network_style.h"

namespace actlab::ui {

namespace {

double distanceToPolyline(const QPointF& p, const std::vector<QPointF>& line) {
    double best = 1e9;
    for (std::size_t k = 0; k + 1 < line.size(); ++k) {
        const QPointF a = line[k], b = line[k + 1];
        const QPointF ab = b - a;
        const double len2 = QPointF::dotProduct(ab, ab);
        const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0;
        const QPointF q = a + t * ab;
        best = std::min(best, std::hypot(p.x() - q.x(), p.y() - q.y()));
    }
    return best;
}

/// The cubic Bézier between two nodes, with horizontal tangents at both ends.
QPainterPath linkPath(const QPointF& a, const QPointF& b) {
    QPainterPath path(a);
    const double mid = (a.x() + b.x()) / 2;
    path.cubicTo(QPointF(mid, a.y()), QPointF(mid, b.y()), b);
    return path;
}

double linkWidth(double w) {
    return 0.6 + 5.4 * std::min(std::abs(w), 3.0) / 3.0;
}

}  // namespace

void DiagramLinks::layout(const std::vector<std::vector<QPointF>>& sources,
                          const std::vector<std::vector<QRectF>>& targets) {
    m_paths.assign(targets.size(), {});
    for (std::size_t l = 0; l < targets.size(); ++l) {
        const std::vector<QPointF>& from = sources[l];
        const std::vector<QRectF>& to = targets[l];
        auto& paths = m_paths[l];
        paths.resize(to.size() * from.size());
        for (std::size_t j = 0; j < to.size(); ++j)
            for (std::size_t i = 0; i < from.size(); ++i) {
                const QPointF b(to[j].left(), to[j].center().y());
                const QPainterPath path = linkPath(from[i], b);
                std::vector<QPointF>& pts = paths[j * from.size() + i];
                pts.clear();
                for (int t = 0; t <= 12; ++t) pts.push_back(path.pointAtPercent(t / 12.0));
            }
    }
}

void DiagramLinks::paint(QPainter& p, const nn::Mlp* network,
                         std::optional<LinkId> hovered) const {
    if (!network) {
        // Before the first frame: thin grey links show the wiring.
        p.setPen(QPen(style::colors().idleLink, 1));
        for (const auto& layer : m_paths)
            for (const auto& pts : layer) p.drawPolyline(pts.data(), int(pts.size()));
        return;
    }
    struct Link {
        double w;
        const std::vector<QPointF>* pts;
        bool hovered;
    };
    std::vector<Link> links;
    const auto layers = network->layers();
    for (std::size_t l = 0; l < m_paths.size() && l < layers.size(); ++l) {
        const nn::LayerParams& lp = layers[l];
        const auto& paths = m_paths[l];
        if (paths.size() != lp.w.size()) continue;
        for (int j = 0; j < lp.out; ++j)
            for (int i = 0; i < lp.in; ++i) {
                const std::size_t k = std::size_t(j) * std::size_t(lp.in) + std::size_t(i);
                const bool isHovered = hovered && *hovered == LinkId{int(l), i, j};
                links.push_back({lp.w[k], &paths[k], isHovered});
            }
    }
    // Strong links on top of weak ones.
    std::sort(links.begin(), links.end(),
              [](const Link& a, const Link& b) { return std::abs(a.w) < std::abs(b.w); });
    for (const Link& link : links) {
        const QPainterPath path = linkPath(link.pts->front(), link.pts->back());
        // Even a small weight keeps a hint of its sign's colour; its width shows how small.
        const double strength = 0.2 + 0.8 * std::min(std::abs(link.w), 1.0);
        const QColor color = netstyle::diverging(link.w < 0 ? -strength : strength);
        const double width = linkWidth(link.w);
        if (link.hovered) {
            p.setPen(QPen(style::colors().nodeBorder, width + 3, Qt::SolidLine, Qt::RoundCap));
            p.drawPath(path);
        }
        p.setPen(QPen(color, width, Qt::SolidLine, Qt::FlatCap));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    }
}

std::optional<LinkId> DiagramLinks::hitTest(const QPointF& pos, const nn::Mlp& network) const {
    std::optional<LinkId> hit;
    double best = 1e9;
    const auto layers = network.layers();
    for (std::size_t l = 0; l < m_paths.size() && l < layers.size(); ++l) {
        const nn::LayerParams& lp = layers[l];
        const auto& paths = m_paths[l];
        if (paths.size() != lp.w.size()) continue;
        for (int j = 0; j < lp.out; ++j)
            for (int i = 0; i < lp.in; ++i) {
                const std::size_t k = std::size_t(j) * std::size_t(lp.in) + std::size_t(i);
                const double d = distanceToPolyline(pos, paths[k]);
                if (d < std::max(4.0, linkWidth(lp.w[k]) / 2 + 2) && d < best) {
                    best = d;
                    hit = LinkId{int(l), i, j};
                }
            }
    }
    return hit;
}

}  // namespace actlab::ui
