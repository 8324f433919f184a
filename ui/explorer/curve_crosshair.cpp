#include "explorer/curve_crosshair.h"

#include <QStringList>
#include <cmath>

#include "common/plot_style.h"
#include "explorer/curve_style.h"

namespace actlab::ui {

CurveCrosshair::CurveCrosshair(QCustomPlot* plot, QCPLayer* layer)
    : m_line(new QCPItemStraightLine(plot)) {
    m_line->setLayer(layer);
    m_line->setVisible(false);
    for (QCPItemTracer*& t : m_tracers) {
        t = new QCPItemTracer(plot);
        t->setLayer(layer);
        t->setStyle(QCPItemTracer::tsCircle);
        t->setVisible(false);
    }
}

void CurveCrosshair::applyAppearance() {
    const ThemeColors& c = style::colors();
    QColor cross = c.plotText;
    cross.setAlpha(150);
    m_line->setPen(QPen(cross, style::width(1.5), Qt::DashLine));
    for (QCPItemTracer* t : m_tracers) {
        t->setSize(style::width(12));
        t->setBrush(c.plotBackground);
    }
}

QString CurveCrosshair::show(double x, const double (&values)[3], const bool (&shown)[3],
                             const QColor (&colors)[3], const QString& caption) {
    m_x = x;
    m_shown = true;
    m_line->point1->setCoords(x, 0);
    m_line->point2->setCoords(x, 1);
    m_line->setVisible(true);
    QStringList parts{QStringLiteral("<b>x</b> = %1").arg(curvestyle::formatNumber(x))};
    if (!caption.isEmpty()) parts << QStringLiteral("<b>%1</b>").arg(caption.toHtmlEscaped());
    for (int i = 0; i < 3; ++i) {
        m_tracers[i]->setPen(QPen(colors[i], style::width(3)));
        m_tracers[i]->position->setCoords(x, values[i]);
        m_tracers[i]->setVisible(shown[i] && std::isfinite(values[i]));
        parts << QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2(x) = %3")
                     .arg(colors[i].name(), curvestyle::curveSymbol(i),
                          curvestyle::formatNumber(values[i]));
    }
    return parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;"));
}

void CurveCrosshair::hide() {
    m_shown = false;
    m_line->setVisible(false);
    for (QCPItemTracer* t : m_tracers) t->setVisible(false);
}

}  // namespace actlab::ui
