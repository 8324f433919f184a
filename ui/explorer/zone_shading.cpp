#include "explorer/zone_shading.h"

#include "common/plot_style.h"

namespace actlab::ui {

namespace {

/// A zone's band: at the bottom of its layer, under the curves drawn on the same layer.
class ZoneRect : public QCPItemRect {
public:
    ZoneRect(QCustomPlot* plot, QCPLayer* target) : QCPItemRect(plot) { moveToLayer(target, true); }
};

}  // namespace

void ZoneShading::update(const Curve& curve, bool valid, bool vanishing, double epsilon,
                         bool dead) {
    m_vanishing.clear();
    m_dead.clear();
    if (valid && curve.size() > 1) {
        if (vanishing) m_vanishing = gradientZones(curve, epsilon);
        if (dead) m_dead = gradientZones(curve, 0.0);
    }
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
