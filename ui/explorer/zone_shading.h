#pragma once
// The explorer plot's shaded zones: where the gradient vanishes (|f′| < ε) and where it is
// exactly zero (the dead zone), as bands over the plot's whole height.

#include <qcustomplot.h>

#include <QList>
#include <vector>

#include "activations/curve.h"

namespace actlab::ui {

/// The zone bands of a plot.
class ZoneShading {
public:
    /// Bands go on `layer` of `plot`, under the curves drawn on it.
    ZoneShading(QCustomPlot* plot, QCPLayer* layer) : m_plot(plot), m_layer(layer) {}

    /// Recomputes the zones of `curve`: the vanishing zone for `epsilon` when `vanishing`, the
    /// dead zone when `dead`; none when `valid` is false.
    void update(const Curve& curve, bool valid, bool vanishing, double epsilon, bool dead);
    const std::vector<Interval>& vanishingZones() const { return m_vanishing; }
    const std::vector<Interval>& deadZones() const { return m_dead; }
    bool any() const { return !m_vanishing.empty() || !m_dead.empty(); }

private:
    QCustomPlot* m_plot;
    QCPLayer* m_layer;
    std::vector<Interval> m_vanishing;
    std::vector<Interval> m_dead;
    QList<QCPItemRect*> m_items;
};

}  // namespace actlab::ui
