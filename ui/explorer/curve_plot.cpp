#include "explorer/curve_plot.h"

#include <QEvent>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "activations/formula_activation.h"
#include "activations/registry.h"
#include "common/plot_style.h"
#include "common/qt_text.h"
#include "explorer/curve_crosshair.h"
#include "explorer/curve_decimation.h"
#include "explorer/curve_legend.h"
#include "explorer/curve_style.h"
#include "explorer/explorer_state.h"
#include "explorer/network_z_overlay.h"
#include "explorer/y_range.h"
#include "explorer/zone_shading.h"

namespace actlab::ui {

using curvestyle::callLabel;

QString CurvePlot::formatNumber(double v) {
    return curvestyle::formatNumber(v);
}

CurvePlot::CurvePlot(ExplorerState* state, QWidget* parent) : QCustomPlot(parent), m_state(state) {
    // Thick antialiased polylines are costly: draw them segment by segment (phFastPolylines).
    // Axis drags drop antialiasing until the mouse is released; slider drags may too (see
    // setLiveUpdate).
    setPlottingHint(QCP::phFastPolylines, true);
    setNoAntialiasingOnDrag(true);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeZoomFactor(0.85);
    setFocusPolicy(Qt::ClickFocus);

    // Layers, bottom up: background, grid, "overlays" (pinned and compared curves), "main" (the
    // zones and the current curves, and the title), axes, legend, overlay (the crosshair).
    // Normally all share one paint buffer: every extra full-size buffer costs a clear and a blend
    // per frame, more than a crosshair update. With overlays present, "main" gets a buffer of its
    // own (see setLayered): a parameter change then redraws the current curves alone, not the
    // dashed overlays, whose strokes are the costliest part of the plot.
    layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    addLayer(QStringLiteral("overlays"), layer(QStringLiteral("main")), limBelow);
    m_mainLayer = layer(QStringLiteral("main"));
    m_overlayLayer = layer(QStringLiteral("overlays"));

    setupAxes();
    m_f = newGraph(m_mainLayer);
    m_df = newGraph(m_mainLayer);
    m_d2f = newGraph(m_mainLayer);
    m_legend = std::make_unique<CurveLegend>(this, m_overlayLayer);
    setupItems();

    connect(m_state, &ExplorerState::activationChanged, this, &CurvePlot::onActivationChanged);
    connect(m_state, &ExplorerState::paramsChanged, this, &CurvePlot::onParamsChanged);
    connect(m_state, &ExplorerState::xRangeChanged, this, &CurvePlot::onXRangeChanged);
    connect(m_state, &ExplorerState::curvesShownChanged, this, [this] {
        updateCurrentGraphs();
        rebuildOverlays();
        updateMessage();
        if (m_yAuto) fitY();
        if (m_crosshair->shown()) showCrosshairAt(m_crosshair->x());
        queueReplot();
    });
    connect(m_state, &ExplorerState::zonesChanged, this, [this] {
        updateZones();
        updateLegend();
        queueReplot();
    });
    connect(m_state, &ExplorerState::networkZChanged, this, [this] {
        updateNetworkZ();
        queueReplot();
    });
    connect(m_state, &ExplorerState::pinnedChanged, this, [this] {
        rebuildOverlays();
        if (m_yAuto) expandY();
        queueReplot();
    });
    connect(m_state, &ExplorerState::comparedChanged, this, [this] {
        rebuildOverlays();
        if (m_yAuto) fitY();
        queueReplot();
    });
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &CurvePlot::onUserRangeChanged);
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_settingRange) m_yAuto = false;
    });

    connect(&Appearance::instance(), &Appearance::changed, this, &CurvePlot::applyAppearance);

    m_xs = linspace(m_state->xMin(), m_state->xMax(), ExplorerState::kSampleCount);
    applyXRange();
    onActivationChanged();
    applyAppearance();
}

CurvePlot::~CurvePlot() = default;

const std::vector<Interval>& CurvePlot::vanishingZones() const {
    return m_zones->vanishingZones();
}

const std::vector<Interval>& CurvePlot::deadZones() const {
    return m_zones->deadZones();
}

void CurvePlot::setupAxes() {
    xAxis->setTicker(QSharedPointer<curvestyle::MinusSignTicker>::create());
    yAxis->setTicker(QSharedPointer<curvestyle::MinusSignTicker>::create());
    for (QCPAxis* axis : {xAxis, yAxis}) axis->grid()->setSubGridVisible(false);
    xAxis->setLabel(QStringLiteral("x"));
    axisRect()->setMargins(QMargins(0, 0, 0, 0));

    legend->setVisible(true);
    legend->setIconTextPadding(10);
    legend->setMargins(QMargins(12, 8, 14, 8));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    axisRect()->insetLayout()->setMargins(QMargins(14, 14, 14, 14));

    plotLayout()->insertRow(0);
    m_title = new QCPTextElement(this, QString(), style::plotFont(style::kTitlePt, true));
    m_title->setMargins(QMargins(0, 10, 0, 4));
    plotLayout()->addElement(0, 0, m_title);
    plotLayout()->setRowSpacing(0);
}

void CurvePlot::applyAppearance() {
    // Colours from the theme; fonts and line widths times the presentation scale.
    const ThemeColors& c = style::colors();
    setBackground(c.plotBackground);
    for (QCPAxis* axis : {xAxis, yAxis}) style::styleMainPlotAxis(axis);
    style::styleMainPlotLegend(legend);
    m_legend->applyAppearance();
    m_title->setFont(style::plotFont(style::kTitlePt, true));
    m_title->setTextColor(c.plotText);
    m_message->setFont(style::plotFont(16));
    m_message->setColor(c.errorText);
    m_message->setBrush(c.errorBg);
    m_message->setPen(QPen(c.errorBorder, 1.5));
    m_crosshair->applyAppearance();
    m_networkZ->applyAppearance();
    updateStyles();
    updateLegend();
    if (m_crosshair->shown()) showCrosshairAt(m_crosshair->x());
    queueReplot();
}

void CurvePlot::setupItems() {
    m_message = new QCPItemText(this);
    m_message->setLayer(QStringLiteral("legend"));
    m_message->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_message->position->setCoords(0.5, 0.45);
    m_message->setPositionAlignment(Qt::AlignCenter);
    m_message->setPadding(QMargins(18, 12, 18, 12));
    m_message->setTextAlignment(Qt::AlignCenter);
    m_message->setVisible(false);

    m_crosshair = std::make_unique<CurveCrosshair>(this, layer(QStringLiteral("overlay")));
    m_zones = std::make_unique<ZoneShading>(this, m_mainLayer);
    m_networkZ = std::make_unique<NetworkZOverlay>(this, m_overlayLayer);
}

QCPGraph* CurvePlot::newGraph(QCPLayer* target) {
    QCPGraph* graph = addGraph();
    graph->setLayer(target);
    graph->setAdaptiveSampling(true);
    return graph;
}

void CurvePlot::queueReplot() {
    replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::queueMainReplot() {
    if (m_mainReplotQueued) return;
    m_mainReplotQueued = true;
    // Queued like a full replot, so a fast drag coalesces into one redraw per event-loop pass.
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_mainReplotQueued = false;
            if (mReplotQueued) return;  // a full replot is on its way and draws this layer too
            m_mainLayer->replot();      // a full replot itself if the buffers are out of date
        },
        Qt::QueuedConnection);
}

void CurvePlot::setLayered(bool on) {
    if (on == m_layered) return;
    m_layered = on;
    m_mainLayer->setMode(on ? QCPLayer::lmBuffered : QCPLayer::lmLogical);
    queueReplot();
}

// --- state changes ----------------------------------------------------------------------------

void CurvePlot::onActivationChanged() {
    sampleCurrent();
    updateCurrentGraphs();
    rebuildOverlays();  // the comparison may now include or exclude the current activation
    updateZones();
    updateTitle();
    updateMessage();
    updateLegend();
    m_yAuto = true;
    fitY();
    if (m_crosshair->shown()) showCrosshairAt(m_crosshair->x());
    queueReplot();
}

void CurvePlot::onParamsChanged() {
    const bool wasShown = m_f->visible() || m_df->visible() || m_d2f->visible();
    const bool hadZones = m_zones->any();
    const QCPRange yBefore = yAxis->range();
    const QString messageBefore = message();
    sampleCurrent();
    updateCurrentGraphs();
    updateZones();
    // The legend changes only when curves appear or vanish (rejected parameters) or zones do.
    const bool isShown = m_f->visible() || m_df->visible() || m_d2f->visible();
    const bool legendChanged =
        hadZones != m_zones->any() || wasShown != isShown;
    if (legendChanged) updateLegend();
    updateTitle();
    updateMessage();
    // Keep the axes still while the curve moves; only grow them when the curve leaves the view.
    if (m_yAuto) expandY();
    // Only the "main" layer changed unless the axes, legend, message or crosshair did too.
    if (m_layered && !legendChanged && yAxis->range() == yBefore && !m_crosshair->shown() &&
        message() == messageBefore) {
        queueMainReplot();
        return;
    }
    if (m_crosshair->shown()) showCrosshairAt(m_crosshair->x());
    queueReplot();
}

void CurvePlot::onXRangeChanged() {
    m_xs = linspace(m_state->xMin(), m_state->xMax(), ExplorerState::kSampleCount);
    applyXRange();
    sampleCurrent();
    updateCurrentGraphs();
    for (Overlay& o : m_pinned) sample(o.call, o.curve);
    for (Overlay& o : m_compared) sample(o.call, o.curve);
    updateOverlayGraphs();
    updateZones();
    updateNetworkZ();
    updateLegend();
    updateMessage();
    updateAccessibleText();
    if (m_yAuto) fitY();
    if (m_crosshair->shown()) showCrosshairAt(m_crosshair->x());
    queueReplot();
}

void CurvePlot::updateNetworkZ() {
    const NetworkZ& z = m_state->networkZ();
    m_networkZ->update(z.values, m_state->xMin(), m_state->xMax(), m_state->networkZShown(),
                       z.source);
}

void CurvePlot::onUserRangeChanged() {
    if (m_settingRange) return;
    // The mouse zoomed or panned: resample on the new range so zooming in shows detail, not a
    // magnified polyline.
    m_yAuto = false;
    const QCPRange r = xAxis->range();
    if (!m_state->setXRange(r.lower, r.upper)) applyXRange();  // refused: snap back
    emit viewChangedByUser();
}

void CurvePlot::applyXRange() {
    m_settingRange = true;
    xAxis->setRange(m_state->xMin(), m_state->xMax());
    m_settingRange = false;
}

// --- sampling -------------------------------------------------------------------------------

void CurvePlot::sample(const ActivationCall& call, Curve& out) const {
    if (!call.spec || !checkParams(*call.spec, call.params).empty()) {
        out.x.clear();
        out.f.clear();
        out.df.clear();
        out.d2f.clear();
        return;
    }
    evaluateCurve(call, m_xs, out);
}

void CurvePlot::sampleCurrent() {
    sample(m_state->call(), m_curve);
}

int CurvePlot::bucketCount() const {
    // Two device pixels of the axis rect per bucket; a bucket keeps its minimum and maximum, so
    // about one point per device pixel is drawn. Before the first layout, the widget's width.
    const int w = axisRect()->width() > 0 ? axisRect()->width() : width();
    const double px = std::max(w, 400) * devicePixelRatioF();
    return static_cast<int>(std::ceil(px / 2.0));
}

void CurvePlot::setGraphData(QCPGraph* graph, const std::vector<double>& x,
                             const std::vector<double>& y) {
    graph->data()->set(graphPoints(x, y, m_decimate ? bucketCount() : 0, m_indices), true);
}

void CurvePlot::updateCurrentGraphs() {
    const bool ok = m_state->isValid() && m_curve.size() > 0;
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    QCPGraph* graphs[3] = {m_f, m_df, m_d2f};
    const std::vector<double>* ys[3] = {&m_curve.f, &m_curve.df, &m_curve.d2f};
    for (int i = 0; i < 3; ++i) {
        if (ok && shown[i])
            setGraphData(graphs[i], m_curve.x, *ys[i]);
        else
            graphs[i]->data()->clear();
        graphs[i]->setVisible(ok && shown[i]);
    }
}

void CurvePlot::rebuildOverlays() {
    for (QCPGraph* g : m_pinnedGraphs) removeGraph(g);
    for (QCPGraph* g : m_compareGraphs) removeGraph(g);
    m_pinnedGraphs.clear();
    m_compareGraphs.clear();

    m_pinned.clear();
    for (const ActivationCall& call : m_state->pinned()) {
        m_pinned.push_back({call, {}});
        sample(call, m_pinned.back().curve);
    }
    m_compared.clear();
    for (const QString& id : m_state->compared()) {
        const bool formula = id == qs(kFormulaActivationId);
        const ActivationSpec* spec =
            formula ? m_state->lastFormula().get() : findActivation(toStd(id));
        if (!spec || spec == &m_state->spec()) continue;
        m_compared.push_back({{spec, formula ? m_state->formulaParams(*spec)
                                             : m_state->paramsFor(*spec)}, {}});
        sample(m_compared.back().call, m_compared.back().curve);
    }

    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    const auto addGraphs = [&](QList<QCPGraph*>& list, const std::vector<Overlay>& overlays) {
        for (std::size_t k = 0; k < overlays.size(); ++k)
            for (int i = 0; i < 3; ++i)
                if (shown[i]) list << newGraph(m_overlayLayer);
    };
    addGraphs(m_compareGraphs, m_compared);
    addGraphs(m_pinnedGraphs, m_pinned);
    setLayered(!m_compareGraphs.isEmpty() || !m_pinnedGraphs.isEmpty());
    updateOverlayGraphs();
    updateStyles();
    updateTitle();
    updateLegend();
}

void CurvePlot::updateOverlayGraphs() {
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    const auto fill = [&](const QList<QCPGraph*>& graphs, const std::vector<Overlay>& overlays) {
        int g = 0;
        for (const Overlay& o : overlays) {
            const std::vector<double>* ys[3] = {&o.curve.f, &o.curve.df, &o.curve.d2f};
            for (int i = 0; i < 3; ++i) {
                if (!shown[i] || g >= graphs.size()) continue;
                QCPGraph* graph = graphs[g++];
                if (o.curve.size() > 0)
                    setGraphData(graph, o.curve.x, *ys[i]);
                else
                    graph->data()->clear();
            }
        }
    };
    fill(m_compareGraphs, m_compared);
    fill(m_pinnedGraphs, m_pinned);
}

void CurvePlot::updateStyles() {
    std::vector<ActivationCall> compared, pinned;
    for (const Overlay& o : m_compared) compared.push_back(o.call);
    for (const Overlay& o : m_pinned) pinned.push_back(o.call);
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    curvestyle::styleCurves({{m_f, m_df, m_d2f}, &m_compareGraphs, &compared, &m_pinnedGraphs,
                             &pinned},
                            m_state->spec(), m_state->compareMode(), shown, m_lang);
}

void CurvePlot::updateZones() {
    m_zones->update(m_curve, m_state->isValid(), m_state->vanishingZoneShown(), m_state->epsilon(),
                    m_state->deadZoneShown());
}

void CurvePlot::updateLegend() {
    CurveLegendEntries e{{m_f, m_df, m_d2f}, &m_compareGraphs, int(m_compared.size()),
                         &m_pinnedGraphs};
    e.compare = m_state->compareMode();
    e.shown[0] = m_state->showF();
    e.shown[1] = m_state->showDf();
    e.shown[2] = m_state->showD2f();
    e.vanishingZone = !m_zones->vanishingZones().empty();
    e.deadZone = !m_zones->deadZones().empty();
    e.vanishingName =
        tr("vanishing gradient, |f\u2032| < %1").arg(formatNumber(m_state->epsilon()));
    e.deadName = tr("dead zone, f\u2032 = 0");
    m_legend->update(e);
}

// --- view -----------------------------------------------------------------------------------

bool CurvePlot::dataYRange(double& lo, double& hi) const {
    std::vector<const Curve*> curves;
    if (m_state->isValid()) curves.push_back(&m_curve);
    for (const Overlay& o : m_compared) curves.push_back(&o.curve);
    for (const Overlay& o : m_pinned) curves.push_back(&o.curve);
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    yrange::Range r;
    const bool any = yrange::finiteRange(curves, shown, r);
    lo = r.lo;
    hi = r.hi;
    return any;
}

void CurvePlot::setYRange(double lo, double hi) {
    const yrange::Range r = yrange::nonDegenerate({lo, hi});
    m_settingRange = true;
    yAxis->setRange(r.lo, r.hi);
    m_settingRange = false;
}

void CurvePlot::fitY() {
    yrange::Range data;
    const bool any = dataYRange(data.lo, data.hi);
    const yrange::Range r = yrange::fitted(any ? &data : nullptr);
    setYRange(r.lo, r.hi);
}

void CurvePlot::expandY() {
    yrange::Range data;
    if (!dataYRange(data.lo, data.hi)) return;
    const QCPRange now = yAxis->range();
    const yrange::Range r = yrange::expanded(data, {now.lower, now.upper});
    if (r == yrange::Range{now.lower, now.upper}) return;
    setYRange(r.lo, r.hi);
}

void CurvePlot::resetView() {
    m_yAuto = true;
    if (m_state->xMin() == ExplorerState::kDefaultXMin &&
        m_state->xMax() == ExplorerState::kDefaultXMax)
        fitY();
    else
        m_state->setXRange(ExplorerState::kDefaultXMin, ExplorerState::kDefaultXMax);
    queueReplot();
}

void CurvePlot::zoomBy(double factor) {
    const QCPRange x = xAxis->range();
    const double c = x.center(), half = x.size() / 2 * factor;
    m_yAuto = false;
    m_settingRange = true;
    yAxis->scaleRange(factor, yAxis->range().center());
    m_settingRange = false;
    m_state->setXRange(c - half, c + half);
    queueReplot();
}

void CurvePlot::setLiveUpdate(bool on) {
    if (on == m_live) return;
    m_live = on;
    const bool drop =
        on && (m_liveQuality == LiveQuality::Fast ||
               (m_liveQuality == LiveQuality::Auto && replotTime(true) > kLiveBudgetMs));
    if (drop != m_aaDropped) {
        m_aaDropped = drop;
        setNotAntialiasedElements(drop ? QCP::aePlottables | QCP::aeItems : QCP::aeNone);
        queueReplot();
    }
}

void CurvePlot::setLiveQuality(LiveQuality quality) {
    m_liveQuality = quality;
    if (m_live) {
        setLiveUpdate(false);
        setLiveUpdate(true);
    }
}

void CurvePlot::setDecimation(bool on) {
    if (on == m_decimate) return;
    m_decimate = on;
    updateCurrentGraphs();
    updateOverlayGraphs();
    queueReplot();
}

// --- crosshair ------------------------------------------------------------------------------

CurvePlot::Readout CurvePlot::readoutAt(double x) const {
    const ActivationSpec& spec = m_state->spec();
    const ParamValues& p = m_state->params();
    return {x, spec.f(x, p), spec.df(x, p), spec.d2f(x, p)};
}

void CurvePlot::showCrosshairAt(double x) {
    if (!m_state->isValid() || !std::isfinite(x)) {
        hideCrosshair();
        return;
    }
    const Readout r = readoutAt(x);
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    const double values[3] = {r.f, r.df, r.d2f};
    const bool compare = m_state->compareMode();
    const ThemeColors& theme = style::colors();
    const QColor colors[3] = {compare ? style::compareColor(0) : theme.f,
                              compare ? style::compareColor(0) : theme.df,
                              compare ? style::compareColor(0) : theme.d2f};
    m_readoutHtml = m_crosshair->show(x, values, shown, colors,
                                      compare ? qs(m_state->spec().name, m_lang) : QString());
    emit readoutChanged(m_readoutHtml);
    queueReplot();
}

void CurvePlot::hideCrosshair() {
    if (!m_crosshair->shown()) return;
    m_crosshair->hide();
    m_readoutHtml.clear();
    emit readoutChanged(QString());
    queueReplot();
}

void CurvePlot::mouseMoveEvent(QMouseEvent* event) {
    QCustomPlot::mouseMoveEvent(event);
    const QPointF pos = event->position();
    if (axisRect()->rect().contains(pos.toPoint()))
        showCrosshairAt(xAxis->pixelToCoord(pos.x()));
    else
        hideCrosshair();
}

void CurvePlot::leaveEvent(QEvent* event) {
    QCustomPlot::leaveEvent(event);
    hideCrosshair();
}

void CurvePlot::resizeEvent(QResizeEvent* event) {
    QCustomPlot::resizeEvent(event);
    const int buckets = bucketCount();
    if (m_decimate && buckets != m_buckets) {
        m_buckets = buckets;
        updateCurrentGraphs();
        updateOverlayGraphs();
    }
}

void CurvePlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QCustomPlot::changeEvent(event);
}

void CurvePlot::setLanguage(const QString& lang) {
    if (lang == m_lang) return;
    m_lang = lang;
    retranslate();
}

void CurvePlot::retranslate() {
    updateStyles();
    updateTitle();
    updateLegend();
    updateMessage();
    queueReplot();
}

}  // namespace actlab::ui
