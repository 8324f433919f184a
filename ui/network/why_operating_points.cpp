#include "network/why_operating_points.h"

#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "common/plot_style.h"
#include "common/qt_text.h"

namespace actlab::ui {

namespace {

constexpr int kBins = 60;
constexpr int kCurveSamples = 400;
/// Share points kept per series before every other one is dropped.
constexpr int kMaxSharePoints = 2000;

/// The half-width of a window that holds 99.5 % of |z|: at least 3 (so that a kink at 0 and the
/// start of tanh's tails show), rounded up to a readable number.
double windowFor(std::span<const double> values, std::vector<double>& scratch) {
    scratch.clear();
    for (double v : values)
        if (std::isfinite(v)) scratch.push_back(std::fabs(v));
    if (scratch.empty()) return 3;
    const std::size_t k = std::min(scratch.size() - 1, std::size_t(0.995 * double(scratch.size())));
    std::nth_element(scratch.begin(), scratch.begin() + std::ptrdiff_t(k), scratch.end());
    const double q = scratch[k] * 1.05;
    for (double nice : {3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 20.0, 30.0, 40.0, 60.0, 100.0})
        if (q <= nice) return nice;
    return std::pow(10.0, std::ceil(std::log10(q)));
}

QString percent(double share) {
    return QLocale().toString(100.0 * share, 'f', share > 0 && share < 0.01 ? 1 : 0);
}

}  // namespace

// --- one layer ---------------------------------------------------------------------------------

OperatingPointsPlot::OperatingPointsPlot(QWidget* parent) : QCustomPlot(parent) {
    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString());
    plotLayout()->addElement(0, 0, m_title);
    m_now = new QCPBars(xAxis, yAxis2);
    m_then = addGraph(xAxis, yAxis2);
    m_then->setLineStyle(QCPGraph::lsStepCenter);
    m_f = addGraph(xAxis, yAxis);
    m_df = addGraph(xAxis, yAxis);
    yAxis2->setVisible(true);
    setCursor(Qt::PointingHandCursor);
    style::scrollParentOnWheel(this);
    restyle();
    connect(&Appearance::instance(), &Appearance::changed, this, [this] {
        restyle();
        replot();
    });
}

void OperatingPointsPlot::restyle() {
    const ThemeColors& c = style::colors();
    setBackground(c.plotBackground);
    axisRect()->setBackground(c.plotBackground);
    for (QCPAxis* a : {xAxis, yAxis, yAxis2}) style::styleSmallChartAxis(a, 11, 0);
    m_title->setTextColor(c.text);
    QColor bar = style::kSkyBlue;
    bar.setAlpha(150);
    m_now->setBrush(bar);
    m_now->setPen(Qt::NoPen);
    m_then->setPen(QPen(c.text, style::width(1.5), Qt::DashLine));
    m_f->setPen(QPen(c.f, style::width(2.5)));
    m_df->setPen(QPen(c.df, style::width(2.5), Qt::DashLine));
    yAxis->setLabel(m_compact ? QString() : QStringLiteral("f, f′"));
    yAxis2->setLabel(m_compact ? QString() : tr("% of pairs"));
    xAxis->setLabel(m_compact ? QString() : QStringLiteral("z"));
    m_title->setFont(style::plotFont(m_compact ? 10 : 12, true));
    // A compact strip has room for few ticks on its short value axes.
    for (QCPAxis* a : {yAxis, yAxis2}) a->ticker()->setTickCount(m_compact ? 3 : 5);
    setMinimumHeight(int((m_compact ? 130 : 210) * std::max(1.0, Appearance::instance().scale())));
}

void OperatingPointsPlot::setCompact(bool compact) {
    m_compact = compact;
    restyle();
}

void OperatingPointsPlot::setLayer(const QString& title, const ActivationSpec* spec,
                                   const ParamValues& params, double epsilon) {
    m_layerTitle = title;
    if (spec != m_spec || params != m_params || epsilon != m_epsilon) m_halfRange = 0;  // redraw
    m_spec = spec;
    m_params = params;
    m_epsilon = epsilon;
    setToolTip(tr("Click to open %1 in the explorer").arg(title));
}

void OperatingPointsPlot::updateCurves(double halfRange) {
    std::vector<double> xs(kCurveSamples), f(kCurveSamples), df(kCurveSamples);
    for (int i = 0; i < kCurveSamples; ++i)
        xs[std::size_t(i)] = -halfRange + 2 * halfRange * i / (kCurveSamples - 1);
    m_spec->batchF(xs, f, m_params);
    m_spec->batchDf(xs, df, m_params);
    QVector<double> qx(xs.begin(), xs.end());
    m_f->setData(qx, QVector<double>(f.begin(), f.end()), true);
    m_df->setData(qx, QVector<double>(df.begin(), df.end()), true);
    // f′ whole, f within ±3: an unbounded f (ReLU to 40) would flatten f′ to a line at 0.
    double lo = 0, hi = 1;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        if (std::isfinite(df[i])) lo = std::min(lo, df[i]), hi = std::max(hi, df[i]);
        if (std::isfinite(f[i])) lo = std::min(lo, std::max(f[i], -3.0)), hi = std::max(hi, std::min(f[i], 3.0));
    }
    const double pad = 0.08 * (hi - lo);
    yAxis->setRange(lo - pad, hi + pad);

    // The zones from f′ on the samples; a change of zone between two samples is put at the kink
    // between them where there is one.
    m_deadZones.clear();
    m_vanZones.clear();
    const std::vector<double> kinks = m_spec->kinksIn(m_params, -halfRange, halfRange);
    const auto zoneOf = [&](double d) { return d == 0 ? 1 : std::fabs(d) < m_epsilon ? 2 : 0; };
    const auto edge = [&](std::size_t i) {  // between samples i − 1 and i
        for (double k : kinks)
            if (k >= xs[i - 1] && k <= xs[i]) return k;
        return 0.5 * (xs[i - 1] + xs[i]);
    };
    int zone = zoneOf(df[0]);
    double start = -halfRange;
    for (std::size_t i = 1; i <= xs.size(); ++i) {
        const int z = i < xs.size() ? zoneOf(df[i]) : -1;
        if (z == zone) continue;
        const double end = i < xs.size() ? edge(i) : halfRange;
        if (zone == 1) m_deadZones.emplace_back(start, end);
        if (zone == 2) m_vanZones.emplace_back(start, end);
        zone = z;
        start = end;
    }
    for (QCPItemRect* r : m_zones) removeItem(r);
    m_zones.clear();
    const auto shade = [&](const std::pair<double, double>& span, const QColor& colour) {
        auto* r = new QCPItemRect(this);
        r->setClipToAxisRect(true);
        r->setLayer(QStringLiteral("background"));
        for (QCPItemPosition* p : {r->topLeft, r->bottomRight}) {
            p->setTypeX(QCPItemPosition::ptPlotCoords);
            p->setTypeY(QCPItemPosition::ptAxisRectRatio);
        }
        r->topLeft->setCoords(span.first, 0);
        r->bottomRight->setCoords(span.second, 1);
        r->setPen(Qt::NoPen);
        r->setBrush(colour);
        m_zones.push_back(r);
    };
    for (const auto& s : m_deadZones) shade(s, style::kDeadZone);
    for (const auto& s : m_vanZones) shade(s, style::kVanishingZone);
}

void OperatingPointsPlot::setValues(std::span<const double> now, std::span<const double> then,
                                    double halfRange) {
    if (!m_spec) return;
    if (halfRange != m_halfRange || m_zones.empty()) {
        m_halfRange = halfRange;
        inspect::uniformEdges(-halfRange, halfRange, kBins, m_edges);
        updateCurves(halfRange);
        xAxis->setRange(-halfRange, halfRange);
    }
    const double width = m_edges[1] - m_edges[0];
    m_now->setWidth(width);
    QVector<double> centres(kBins), shares(kBins);
    for (int b = 0; b < kBins; ++b) centres[b] = m_edges[std::size_t(b)] + 0.5 * width;
    double top = 1;
    const auto fill = [&](std::span<const double> values) {
        inspect::histogram(values, m_edges, m_hist);
        for (int b = 0; b < kBins; ++b) {
            shares[b] = 100.0 * m_hist.share(std::size_t(b));
            top = std::max(top, shares[b]);
        }
    };
    fill(now);
    m_now->setData(centres, shares, true);
    if (!then.empty()) {
        fill(then);
        m_then->setData(centres, shares, true);
    } else {
        m_then->data()->clear();
    }
    yAxis2->setRange(0, top * 1.1);
}

void OperatingPointsPlot::setShares(const inspect::ZoneShares& shares) {
    m_titleText = tr("%1 — dead %2 %, vanishing %3 %")
                      .arg(m_layerTitle, percent(shares.deadShare()),
                           percent(shares.vanishingShare() - shares.deadShare()));
    m_title->setText(m_titleText);
}

inspect::ZoneShares OperatingPointsPlot::showLayer(const QString& title, const nn::Mlp& net,
                                                  int layer, const inspect::OperatingPoints& now,
                                                  const inspect::OperatingPoints* then,
                                                  double epsilon) {
    setLayer(title, net.activationOf(layer), net.paramsOf(layer, 0), epsilon);
    const std::span<const double> z = now.preactivations(layer);
    const std::span<const double> was = then ? then->preactivations(layer)
                                             : std::span<const double>{};
    const double wanted = std::max(windowFor(z, m_scratch), windowFor(was, m_scratch));
    if (wanted > m_steadyHalf || wanted < 0.5 * m_steadyHalf) m_steadyHalf = wanted;
    setValues(z, was, m_steadyHalf);
    const inspect::ZoneShares shares = inspect::zoneShares(now.slopes(layer), epsilon);
    setShares(shares);
    return shares;
}

void OperatingPointsPlot::mouseReleaseEvent(QMouseEvent* event) {
    QCustomPlot::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton) emit clicked();
}

// --- the panel ---------------------------------------------------------------------------------

OperatingPointsPanel::OperatingPointsPanel(QWidget* parent)
    : QWidget(parent),
      m_thenBox(new QCheckBox(this)),
      m_hint(new QLabel(this)),
      m_plotsLayout(new QVBoxLayout),
      m_shares(new QCustomPlot(this)) {
    m_hint->setWordWrap(true);
    m_thenBox->setChecked(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_thenBox);
    top->addWidget(m_hint, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(m_plotsLayout);
    layout->addWidget(m_shares);
    layout->addStretch(1);
    m_shares->setMinimumHeight(170);
    m_shares->plotLayout()->insertRow(0);
    m_shares->plotLayout()->addElement(0, 0, new QCPTextElement(m_shares, QString()));
    m_shares->legend->setVisible(true);
    style::scrollParentOnWheel(m_shares);
    style::keepTickLabelsApart(m_shares);
    connect(m_thenBox, &QCheckBox::toggled, this, [this](bool on) {
        if (!on)
            for (OperatingPointsPlot* p : m_plots) {
                p->thenGraph()->data()->clear();
                p->replot();
            }
    });
    retranslate();
}

void OperatingPointsPanel::ensurePlots(int layers) {
    while (int(m_plots.size()) > layers) {
        delete m_plots.back();
        m_plots.pop_back();
    }
    while (int(m_plots.size()) < layers) {
        auto* p = new OperatingPointsPlot(this);
        const int l = int(m_plots.size());
        connect(p, &OperatingPointsPlot::clicked, this, [this, l] {
            const auto lu = std::size_t(l);
            if (lu >= m_layerIds.size() || m_layerIds[lu].empty()) return;
            // The explorer draws this layer's z under the curve ("the network's z").
            NetworkZ z;
            z.source = tr("hidden layer %1, epoch %2").arg(l + 1).arg(m_lastEpoch);
            if (l < m_nowPoints.layerCount()) {
                const std::span<const double> values = m_nowPoints.preactivations(l);
                z.values.assign(values.begin(), values.end());
            }
            emit explorerRequested(qs(m_layerIds[lu]), m_layerParams[lu], z);
        });
        m_plotsLayout->addWidget(p);
        p->show();
        m_plots.push_back(p);
    }
}

void OperatingPointsPanel::update(const nn::Mlp& net, const nn::Mlp& initial,
                                  const nn::FeatureTable& train, int epoch,
                                  const QStringList& names) {
    const int layers = int(net.spec().hidden.size());
    ensurePlots(layers);
    m_hint->setVisible(layers == 0);
    m_lastShares.assign(std::size_t(layers), {});
    m_layerIds.resize(std::size_t(layers));
    m_layerParams.resize(std::size_t(layers));
    if (layers == 0 || train.points == 0) return;
    m_nowPoints.compute(net, train);
    const bool then = m_thenBox->isChecked() && initial.spec().hidden.size() == net.spec().hidden.size();
    if (then) m_thenPoints.compute(initial, train);
    for (int l = 0; l < layers; ++l) {
        const auto lu = std::size_t(l);
        const ActivationSpec* spec = net.activationOf(l);
        // A formula layer has no registry row for the explorer to open.
        m_layerIds[lu] = spec->isFormula() ? std::string() : std::string(spec->id);
        m_layerParams[lu] = net.paramsOf(l, 0);
        const QString name = l < names.size() ? names[l] : qs(spec->id);
        OperatingPointsPlot* plot = m_plots[lu];
        m_lastShares[lu] = plot->showLayer(tr("Hidden layer %1 · %2").arg(l + 1).arg(name), net, l,
                                           m_nowPoints, then ? &m_thenPoints : nullptr, kEpsilon);
        if (plot->isVisible()) plot->replot(QCustomPlot::rpQueuedReplot);
    }
    addSharePoint(epoch);
}

void OperatingPointsPanel::addSharePoint(int epoch) {
    const int layers = int(m_lastShares.size());
    if (epoch < m_lastEpoch || m_shares->graphCount() != 2 * layers) {
        m_shares->clearGraphs();
        for (int l = 0; l < layers; ++l) {
            const QColor c = style::compareColor(l);
            QCPGraph* van = m_shares->addGraph();
            van->setPen(QPen(c, style::width(2.5)));
            van->setName(tr("layer %1 vanishing").arg(l + 1));
            QCPGraph* dead = m_shares->addGraph();
            dead->setPen(QPen(c, style::width(2), Qt::DashLine));
            dead->setName(tr("layer %1 dead").arg(l + 1));
        }
        m_lastEpoch = -1;
    }
    if (epoch == m_lastEpoch) return;
    m_lastEpoch = epoch;
    for (int l = 0; l < layers; ++l) {
        const inspect::ZoneShares& s = m_lastShares[std::size_t(l)];
        m_shares->graph(2 * l)->addData(epoch, 100 * (s.vanishingShare() - s.deadShare()));
        m_shares->graph(2 * l + 1)->addData(epoch, 100 * s.deadShare());
    }
    for (int g = 0; g < m_shares->graphCount(); ++g) {
        QCPDataContainer<QCPGraphData>& d = *m_shares->graph(g)->data();
        if (d.size() <= kMaxSharePoints) continue;
        QVector<QCPGraphData> kept;
        for (int i = 0; i < d.size(); i += 2) kept.push_back(*(d.constBegin() + i));
        d.set(kept, true);
    }
    m_shares->xAxis->setRange(0, std::max(1, epoch));
    m_shares->yAxis->setRange(0, 100);
    if (m_shares->isVisible()) m_shares->replot(QCustomPlot::rpQueuedReplot);
}

void OperatingPointsPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

void OperatingPointsPanel::retranslate() {
    m_thenBox->setText(tr("Then and now: show where z started (dashed)"));
    m_hint->setText(tr("This network has no hidden layer: nothing passes through an activation."));
    if (auto* t = qobject_cast<QCPTextElement*>(m_shares->plotLayout()->element(0, 0)))
        t->setText(tr("Share of (unit, example) pairs in the zones over epochs: vanishing "
                      "(solid), dead (dashed)"));
    m_shares->xAxis->setLabel(tr("epoch"));
    m_shares->yAxis->setLabel(QStringLiteral("%"));
    for (int l = 0; l < m_shares->graphCount() / 2; ++l) {
        m_shares->graph(2 * l)->setName(tr("layer %1 vanishing").arg(l + 1));
        m_shares->graph(2 * l + 1)->setName(tr("layer %1 dead").arg(l + 1));
    }
}

}  // namespace actlab::ui
