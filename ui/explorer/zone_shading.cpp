#include "explorer/zone_shading.h"

#include <algorithm>

#include "common/plot_style.h"

namespace actlab::ui {

namespace {

/// A zone's band: at the bottom of its layer, under the curves drawn on the same layer.
class ZoneRect : public QCPItemRect {
public:
    ZoneRect(QCustomPlot* plot, QCPLayer* target) : QCPItemRect(plot) { moveToLayer(target, true); }
};

/// The parts of `zones` outside every interval of `cut` (both sorted and disjoint).
std::vector<Interval> subtract(const std::vector<Interval>& zones, const std::vector<Interval>& cut) {
    std::vector<Interval> out;
    for (Interval z : zones) {
        for (const Interval& c : cut) {
            if (c.hi <= z.lo || c.lo >= z.hi) continue;
            if (c.lo > z.lo) out.push_back({z.lo, c.lo});
            z.lo = std::max(z.lo, c.hi);
            if (z.lo >= z.hi) break;
        }
        if (z.lo < z.hi) out.push_back(z);
    }
    return out;
}

}  // namespace

void ZoneShading::update(const Curve& curve, bool valid, bool vanishing, double epsilon,
                         bool dead) {
    m_vanishing.clear();
    m_dead.clear();
    if (valid && curve.size() > 1) {
        if (vanishing) m_vanishing = gradientZones(curve, epsilon);
        if (dead) m_dead = gradientZones(curve, 0.0);
    }
    // The dead zone lies inside the vanishing zone (f′ = 0 < ε): shade each place once, in the
    // colour its legend entry shows, never the mix of both.
    if (!m_dead.empty() && !m_vanishing.empty()) m_vanishing = subtract(m_vanishing, m_dead);
    const std::size_t needed = m_vanishing.size() + m_dead.size();
    while (static_cast<std::size_t>(m_items.size()) < needed) {
        auto* rect = new ZoneRect(m_plot, m_layer);
        rect->setPen(Qt::NoPen);
        rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->setSelectable(false);
        m_items << rect;
    }
    int k = 0;
    const auto place = [&](const std::vector<Interval>& zones, const QColor& color) {
        for (const Interval& z : zones) {
            QCPItemRect* rect = m_items[k++];
            rect->topLeft->setCoords(z.lo, 0);
            rect->bottomRight->setCoords(z.hi, 1);
            rect->setBrush(color);
            rect->setVisible(true);
        }
    };
    place(m_vanishing, style::kVanishingZone);
    place(m_dead, style::kDeadZone);
    for (; k < m_items.size(); ++k) m_items[k]->setVisible(false);
}

}  // namespace actlab::ui
