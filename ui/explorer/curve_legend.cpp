#include "explorer/curve_legend.h"

#include "common/legend_control.h"
#include "common/plot_style.h"
#include "explorer/curve_style.h"

namespace actlab::ui {

CurveLegend::CurveLegend(QCustomPlot* plot, QCPLayer* keyLayer)
    : m_plot(plot), m_control(new LegendControl(plot, LegendControl::Place::TopLeft)) {
    const auto key = [plot, keyLayer] {
        QCPGraph* g = plot->addGraph();
        g->setLayer(keyLayer);
        return g;
    };
    m_vanishingKey = key();
    m_vanishingKey->setPen(Qt::NoPen);
    m_vanishingKey->setBrush(style::kVanishingZone);
    m_deadKey = key();
    m_deadKey->setPen(Qt::NoPen);
    m_deadKey->setBrush(style::kDeadZone);
    for (int i = 0; i < 3; ++i) {
        m_styleKeys[i] = key();
        m_styleKeys[i]->setName(QStringLiteral("%1(x)").arg(curvestyle::curveSymbol(i)));
    }
    applyAppearance();
}

void CurveLegend::applyAppearance() {
    const Qt::PenStyle byCurve[3] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    for (int i = 0; i < 3; ++i)
        m_styleKeys[i]->setPen(
            curvestyle::curvePen(style::colors().plotText, style::width(2.5), byCurve[i]));
}

void CurveLegend::update(const CurveLegendEntries& e) {
    QCPLegend* legend = m_plot->legend;
    legend->clearItems();
    const auto add = [legend](QCPGraph* g) {
        if (g && g->visible() && !g->name().isEmpty()) g->addToLegend(legend);
    };
    const int shownCount = int(e.shown[0]) + int(e.shown[1]) + int(e.shown[2]);
    if (e.compare && shownCount > 0) {
        const int first = e.shown[0] ? 0 : e.shown[1] ? 1 : 2;
        add(e.current[first]);
        for (int k = 0; k < e.comparedCount; ++k)
            if (k * shownCount < e.compared->size()) add((*e.compared)[k * shownCount]);
        if (shownCount > 1)
            for (int i = 0; i < 3; ++i)
                if (e.shown[i]) m_styleKeys[i]->addToLegend(legend);
    } else {
        for (QCPGraph* g : e.current) add(g);
        for (QCPGraph* g : *e.compared) add(g);
    }
    for (QCPGraph* g : *e.pinned) add(g);
    m_vanishingKey->setName(e.vanishingName);
    m_deadKey->setName(e.deadName);
    if (e.vanishingZone) m_vanishingKey->addToLegend(legend);
    if (e.deadZone) m_deadKey->addToLegend(legend);
    m_control->refresh();
}

}  // namespace actlab::ui
