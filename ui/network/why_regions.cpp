#include "network/why_regions.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

#include "common/accessibility.h"
#include "common/plot_style.h"
#include "network/boundary_plot.h"
#include "network/network_style.h"

namespace actlab::ui {

namespace {
/// Count points kept before every other one is dropped.
constexpr int kMaxPoints = 2000;
}  // namespace

RegionsPanel::RegionsPanel(QWidget* parent)
    : QWidget(parent),
      m_headline(new QLabel(this)),
      m_explanation(new QLabel(this)),
      m_map(new BoundaryPlot(false, this)),
      m_counts(new QCustomPlot(this)) {
    m_headline->setObjectName(QStringLiteral("whyHeadline"));
    m_explanation->setWordWrap(true);
    // The labels keep their height: the chart below takes the rest, or nothing does.
    for (QLabel* l : {m_headline, m_explanation})
        l->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_counts->setMinimumSize(260, 200);
    m_counts->addGraph();
    m_counts->plotLayout()->insertRow(0);
    m_counts->plotLayout()->addElement(0, 0, new QCPTextElement(m_counts, QString()));
    style::scrollParentOnWheel(m_counts);
    style::keepTickLabelsApart(m_counts);
    const auto restyle = [this] {
        const ThemeColors& c = style::colors();
        m_counts->setBackground(c.plotBackground);
        m_counts->axisRect()->setBackground(c.plotBackground);
        for (QCPAxis* a : {m_counts->xAxis, m_counts->yAxis}) style::styleSmallChartAxis(a, 11, 0);
        m_counts->graph(0)->setPen(QPen(style::kBlue, style::width(2.5)));
        if (auto* t = qobject_cast<QCPTextElement*>(m_counts->plotLayout()->element(0, 0))) {
            t->setFont(style::plotFont(12, true));
            t->setTextColor(c.text);
        }
        QFont f = m_headline->font();
        f.setPointSizeF(style::plotFont(16, true).pointSizeF());
        f.setBold(true);
        m_headline->setFont(f);
    };
    restyle();
    connect(&Appearance::instance(), &Appearance::changed, this, restyle);

    auto* side = new QVBoxLayout;
    side->addWidget(m_headline);
    side->addWidget(m_explanation);
    side->addWidget(m_counts, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_map, 3);
    layout->addLayout(side, 2);
    retranslate();
}

void RegionsPanel::setData(const nn::Dataset& data) {
    m_map->setData(data);
}

void RegionsPanel::update(const nn::Mlp& net, int epoch,
                          const std::vector<nn::ContourSegment>& contour,
                          const QStringList& layerNames) {
    const int n = kGrid;
    m_ids.resize(std::size_t(n) * n);
    m_values.resize(m_ids.size());
    m_result = m_regions.compute(net, n, m_ids);
    if (m_result.piecewiseLinear) {
        for (std::size_t c = 0; c < m_ids.size(); ++c) m_values[c] = m_ids[c] % netstyle::kRegionColours;
        m_map->setCustomColouring(netstyle::regionGradient(),
                                  QCPRange(-0.5, netstyle::kRegionColours - 0.5), false);
        addCount(epoch, m_result.regions);
    } else {
        m_gradient.magnitudeGrid(net, n, m_values);
        double top = 0;
        for (double v : m_values)
            if (std::isfinite(v)) top = std::max(top, v);
        m_map->setCustomColouring(netstyle::slopeGradient(), QCPRange(0, top > 0 ? top : 1), true);
        const int l = m_result.smoothLayer;
        m_smoothName = l >= 0 && l < layerNames.size() ? layerNames[l] : QString();
    }
    m_map->setGrid(m_values, n);
    m_map->setContour(contour);
    m_counts->setVisible(m_result.piecewiseLinear);
    retranslate();
    if (m_map->isVisible()) m_map->replot(QCustomPlot::rpQueuedReplot);
}

void RegionsPanel::addCount(int epoch, int regions) {
    QCPGraph* g = m_counts->graph(0);
    if (epoch < m_lastEpoch) g->data()->clear();
    if (epoch == m_lastEpoch) return;
    m_lastEpoch = epoch;
    g->addData(epoch, regions);
    QCPDataContainer<QCPGraphData>& d = *g->data();
    if (d.size() > kMaxPoints) {
        QVector<QCPGraphData> kept;
        for (int i = 0; i < d.size(); i += 2) kept.push_back(*(d.constBegin() + i));
        d.set(kept, true);
    }
    bool found = false;
    const QCPRange values = g->getValueRange(found);
    m_counts->xAxis->setRange(0, std::max(1, epoch));
    m_counts->yAxis->setRange(0, std::max(4.0, (found ? values.upper : regions) * 1.1));
    if (m_counts->isVisible()) m_counts->replot(QCustomPlot::rpQueuedReplot);
}

void RegionsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

void RegionsPanel::retranslate() {
    if (auto* t = qobject_cast<QCPTextElement*>(m_counts->plotLayout()->element(0, 0)))
        t->setText(tr("Linear regions over epochs"));
    m_counts->xAxis->setLabel(tr("epoch"));
    m_counts->yAxis->setLabel(tr("regions"));
    if (m_result.piecewiseLinear) {
        m_headline->setText(tr("Linear regions: %1").arg(m_result.regions));
        m_explanation->setText(
            tr("Each colour is one activation pattern: which linear piece every hidden unit is "
               "on. Inside a region the network is one affine map, so the decision boundary is "
               "straight there and bends only where it crosses into another region. That is "
               "why the boundaries of piecewise-linear networks are polygons."));
    } else {
        m_headline->setText(tr("A smooth network: no linear regions"));
        m_explanation->setText(
            tr("%1 is smooth, so the network has no linear pieces to count. Shown instead: "
               "|∇ₓ output|, how fast the output changes across the plane; it is dark where "
               "the boundary is sharp and light where the output is flat.")
                .arg(m_smoothName.isEmpty() ? tr("A hidden activation") : m_smoothName));
    }
    describe();
}

void RegionsPanel::describe() {
    describeForScreenReaders(m_map, tr("Linear regions"),
                             m_headline->text() + QStringLiteral(". ") + m_explanation->text());
}

}  // namespace actlab::ui
