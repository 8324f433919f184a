#include "explorer/network_z_overlay.h"

#include <qcustomplot.h>

#include <QLocale>
#include <algorithm>

#include "common/plot_style.h"

namespace actlab::ui {

NetworkZOverlay::NetworkZOverlay(QCustomPlot* plot, QCPLayer* layer)
    : m_plot(plot), m_bars(new QCPBars(plot->xAxis, plot->yAxis2)),
      m_caption(new QCPTextElement(plot)) {
    m_bars->setLayer(layer);
    m_bars->setVisible(false);
    m_bars->removeFromLegend();
    m_caption->setMargins(QMargins(0, 0, 0, 4));
    applyAppearance();
}

NetworkZOverlay::~NetworkZOverlay() {
    // While shown, the plot's layout owns the caption; out of it, nothing does (the plot
    // outlives its overlay).
    if (!m_captionPlaced) delete m_caption;
}

void NetworkZOverlay::applyAppearance() {
    QColor fill = style::kSkyBlue;
    fill.setAlpha(110);
    m_bars->setBrush(fill);
    m_bars->setPen(Qt::NoPen);
    m_caption->setFont(style::plotFont(12));
    m_caption->setTextColor(style::colors().plotText);
}

void NetworkZOverlay::update(std::span<const double> z, double lo, double hi, bool shown,
                             const QString& source) {
    const bool visible = shown && !z.empty() && lo < hi;
    m_bars->setVisible(visible);
    // The caption takes a row under the title (row 0) while shown, and gives it back after.
    QCPLayoutGrid* grid = m_plot->plotLayout();
    if (visible && !m_captionPlaced) {
        grid->insertRow(1);
        grid->addElement(1, 0, m_caption);
        m_captionPlaced = true;
    } else if (!visible && m_captionPlaced) {
        grid->take(m_caption);
        grid->simplify();
        m_captionPlaced = false;
    }
    if (!visible) return;
    inspect::uniformEdges(lo, hi, kBins, m_edges);
    inspect::histogram(z, m_edges, m_hist);
    const double width = m_edges[1] - m_edges[0];
    QVector<double> centres(kBins), shares(kBins);
    double top = 0, inside = 0;
    for (int b = 0; b < kBins; ++b) {
        centres[b] = m_edges[std::size_t(b)] + 0.5 * width;
        shares[b] = 100.0 * m_hist.share(std::size_t(b));
        top = std::max(top, shares[b]);
        inside += shares[b];
    }
    m_inRange = inside / 100.0;
    m_bars->setWidth(width);
    m_bars->setData(centres, shares, true);
    // The tallest bar at 40 % of the height: the curves stay in front and readable.
    m_plot->yAxis2->setRange(0, top > 0 ? top / 0.4 : 1);
    const QLocale locale;
    m_caption->setText(QCoreApplication::translate("NetworkZOverlay",
                                                   "The network's z: %1 (%2 % in view)")
                           .arg(source, locale.toString(100.0 * m_inRange, 'f', 0)));
}

}  // namespace actlab::ui
