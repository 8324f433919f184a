#include "curve_plot.h"

#include <QEvent>
#include <QMouseEvent>
#include <algorithm>
#include <cmath>
#include <limits>

#include "activations/registry.h"
#include "curve_decimation.h"
#include "explorer_state.h"
#include "plot_style.h"
#include "qt_text.h"

namespace actlab::ui {

namespace {

/// Tick labels with a true minus sign (−2 rather than -2): easier to read from a distance.
class MinusSignTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override {
        QString label = QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision);
        // Only the leading sign: QCustomPlot itself typesets the exponent of "1e-05".
        if (label.startsWith(QLatin1Char('-'))) label[0] = QChar(0x2212);
        return label;
    }
};

QPen curvePen(const QColor& color, double width, Qt::PenStyle style = Qt::SolidLine) {
    QPen pen(color, width, style);
    // Solid curves are drawn segment by segment (phFastPolylines). Square caps close the joints
    // between segments; round caps would look the same but cost about six times as much, since
    // every segment's caps become Bézier arcs in the stroker. Round joins only matter where the
    // curve is one polyline: dashed overlays and vector exports.
    pen.setCapStyle(style == Qt::SolidLine ? Qt::SquareCap : Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

/// "Leaky ReLU (a = 0.2)": the name and the parameter values by symbol.
QString callLabel(const ActivationCall& call, const QString& lang) {
    QString label = qs(call.spec->name, lang);
    QStringList values;
    for (std::size_t i = 0; i < call.spec->params.size(); ++i)
        values << QStringLiteral("%1 = %2").arg(qs(call.spec->params[i].symbol),
                                                CurvePlot::formatNumber(call.params[i]));
    if (!values.isEmpty()) label += QStringLiteral(" (%1)").arg(values.join(QStringLiteral(", ")));
    return label;
}

/// A zone's shading: at the bottom of its layer, under the curves drawn on the same layer.
class ZoneRect : public QCPItemRect {
public:
    ZoneRect(QCustomPlot* plot, QCPLayer* target) : QCPItemRect(plot) { moveToLayer(target, true); }
};

/// "f", "f′" or "f″".
QString curveSymbol(int derivative) {
    static const QString kSymbols[] = {QStringLiteral("f"), QStringLiteral("f\u2032"),
                                       QStringLiteral("f\u2033")};
    return kSymbols[derivative];
}

}  // namespace

QString CurvePlot::formatNumber(double v) {
    if (std::isnan(v)) return QStringLiteral("nan");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (v == 0) v = 0;  // no "-0"
    return QString::number(v, 'g', 5).replace(QLatin1Char('-'), QChar(0x2212));
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
    m_vanishingKey = newGraph(m_overlayLayer);
    m_vanishingKey->setPen(Qt::NoPen);
    m_vanishingKey->setBrush(style::kVanishingZone);
    m_deadKey = newGraph(m_overlayLayer);
    m_deadKey->setPen(Qt::NoPen);
    m_deadKey->setBrush(style::kDeadZone);
    setupItems();

    connect(m_state, &ExplorerState::activationChanged, this, &CurvePlot::onActivationChanged);
    connect(m_state, &ExplorerState::paramsChanged, this, &CurvePlot::onParamsChanged);
    connect(m_state, &ExplorerState::xRangeChanged, this, &CurvePlot::onXRangeChanged);
    connect(m_state, &ExplorerState::curvesShownChanged, this, [this] {
        updateCurrentGraphs();
        rebuildOverlays();
        updateMessage();
        if (m_yAuto) fitY();
        if (m_crosshairShown) showCrosshairAt(m_crosshairX);
        queueReplot();
    });
    connect(m_state, &ExplorerState::zonesChanged, this, [this] {
        updateZones();
        updateLegend();
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

void CurvePlot::setupAxes() {
    xAxis->setTicker(QSharedPointer<MinusSignTicker>::create());
    yAxis->setTicker(QSharedPointer<MinusSignTicker>::create());
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
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setBasePen(QPen(c.axis, style::width(1.5)));
        axis->setTickPen(QPen(c.axis, style::width(1.5)));
        axis->setSubTickPen(QPen(c.axis, style::width(1)));
        axis->setTickLength(0, int(std::lround(style::width(7))));
        axis->setSubTickLength(0, int(std::lround(style::width(4))));
        axis->setTickLabelFont(style::plotFont(style::kTickPt));
        axis->setTickLabelColor(c.plotText);
        axis->setLabelFont(style::plotFont(style::kLabelPt));
        axis->setLabelColor(c.plotText);
        axis->setTickLabelPadding(int(std::lround(style::width(8))));
        axis->grid()->setPen(QPen(c.grid, style::width(1)));
        axis->grid()->setZeroLinePen(QPen(c.zeroLine, style::width(1.8)));
    }
    legend->setFont(style::plotFont(style::kLegendPt));
    legend->setTextColor(c.plotText);
    legend->setBrush(c.legendBrush);
    legend->setBorderPen(QPen(c.legendBorder, 1));
    legend->setIconSize(int(std::lround(style::width(40))), int(std::lround(style::width(18))));
    legend->setRowSpacing(int(std::lround(style::width(4))));
    m_title->setFont(style::plotFont(style::kTitlePt, true));
    m_title->setTextColor(c.plotText);
    m_message->setFont(style::plotFont(16));
    m_message->setColor(c.errorText);
    m_message->setBrush(c.errorBg);
    m_message->setPen(QPen(c.errorBorder, 1.5));
    QColor cross = c.plotText;
    cross.setAlpha(150);
    m_crosshair->setPen(QPen(cross, style::width(1.5), Qt::DashLine));
    for (QCPItemTracer* t : m_tracers) {
        t->setSize(style::width(12));
        t->setBrush(c.plotBackground);
    }
    updateStyles();
    updateLegend();
    if (m_crosshairShown) showCrosshairAt(m_crosshairX);
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

    QCPLayer* top = layer(QStringLiteral("overlay"));
    m_crosshair = new QCPItemStraightLine(this);
    m_crosshair->setLayer(top);
    m_crosshair->setVisible(false);
    for (int i = 0; i < 3; ++i) {
        m_tracers[i] = new QCPItemTracer(this);
        m_tracers[i]->setLayer(top);
        m_tracers[i]->setStyle(QCPItemTracer::tsCircle);
        m_tracers[i]->setVisible(false);
    }
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
    if (m_crosshairShown) showCrosshairAt(m_crosshairX);
    queueReplot();
}

void CurvePlot::onParamsChanged() {
    const bool wasShown = m_f->visible() || m_df->visible() || m_d2f->visible();
    const bool hadZones = !m_vanishing.empty() || !m_dead.empty();
    const QCPRange yBefore = yAxis->range();
    sampleCurrent();
    updateCurrentGraphs();
    updateZones();
    // The legend changes only when curves appear or vanish (rejected parameters) or zones do.
    const bool isShown = m_f->visible() || m_df->visible() || m_d2f->visible();
    const bool legendChanged =
        hadZones != (!m_vanishing.empty() || !m_dead.empty()) || wasShown != isShown;
    if (legendChanged) updateLegend();
    updateTitle();
    updateMessage();
    // Keep the axes still while the curve moves; only grow them when the curve leaves the view.
    if (m_yAuto) expandY();
    // Only the "main" layer changed unless the axes, legend, message or crosshair did too.
    if (m_layered && !legendChanged && yAxis->range() == yBefore && !m_crosshairShown) {
        queueMainReplot();
        return;
    }
    if (m_crosshairShown) showCrosshairAt(m_crosshairX);
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
    updateLegend();
    if (m_yAuto) fitY();
    if (m_crosshairShown) showCrosshairAt(m_crosshairX);
    queueReplot();
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
    const auto clean = [](double v) {
        return std::isfinite(v) ? v : std::numeric_limits<double>::quiet_NaN();
    };
    QVector<QCPGraphData> points;
    if (m_decimate) {
        minMaxDecimate(y, bucketCount(), m_indices);
        points.resize(static_cast<qsizetype>(m_indices.size()));
        for (std::size_t k = 0; k < m_indices.size(); ++k) {
            const auto i = static_cast<std::size_t>(m_indices[k]);
            points[static_cast<qsizetype>(k)] = QCPGraphData(x[i], clean(y[i]));
        }
    } else {
        points.resize(static_cast<qsizetype>(y.size()));
        for (std::size_t i = 0; i < y.size(); ++i)
            points[static_cast<qsizetype>(i)] = QCPGraphData(x[i], clean(y[i]));
    }
    graph->data()->set(points, true);
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
        const ActivationSpec* spec = findActivation(toStd(id));
        if (!spec || spec == &m_state->spec()) continue;
        m_compared.push_back({{spec, m_state->paramsFor(*spec)}, {}});
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
    const QString& lang = m_lang;
    const bool compare = m_state->compareMode();
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    const int shownCount = int(shown[0]) + int(shown[1]) + int(shown[2]);
    const Qt::PenStyle byCurve[3] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    const double widths[3] = {style::width(style::kFWidth), style::width(style::kDfWidth),
                              style::width(style::kD2fWidth)};
    const ThemeColors& theme = style::colors();
    const QColor colors[3] = {theme.f, theme.df, theme.d2f};

    // Current activation. Alone: one colour per curve. In compare mode: one colour per
    // activation, and the line style tells f (solid), f′ (dashed) and f″ (dotted) apart.
    QCPGraph* current[3] = {m_f, m_df, m_d2f};
    const QString name = qs(m_state->spec().name, lang);
    for (int i = 0; i < 3; ++i) {
        if (compare) {
            current[i]->setPen(curvePen(style::compareColor(0), widths[i], byCurve[i]));
            current[i]->setName(
                shownCount == 1 ? name : QStringLiteral("%1  %2").arg(name, curveSymbol(i)));
        } else {
            current[i]->setPen(curvePen(colors[i], widths[i]));
            current[i]->setName(QStringLiteral("%1(x)").arg(curveSymbol(i)));
        }
    }

    int g = 0;
    for (std::size_t k = 0; k < m_compared.size(); ++k) {
        const QColor color = style::compareColor(static_cast<int>(k) + 1);
        const QString other = qs(m_compared[k].call.spec->name, lang);
        for (int i = 0; i < 3; ++i) {
            if (!shown[i] || g >= m_compareGraphs.size()) continue;
            QCPGraph* graph = m_compareGraphs[g++];
            graph->setPen(
                curvePen(color, i == 0 ? widths[0] : style::width(style::kOverlayWidth), byCurve[i]));
            graph->setName(shownCount == 1 ? other
                                           : QStringLiteral("%1  %2").arg(other, curveSymbol(i)));
        }
    }

    // Pinned references: dashed, in the colour of their curve (grey in compare mode), with a
    // different dash pattern per pin.
    const Qt::PenStyle pinStyles[] = {Qt::DashLine, Qt::DashDotLine, Qt::DotLine,
                                      Qt::DashDotDotLine};
    g = 0;
    for (std::size_t k = 0; k < m_pinned.size(); ++k) {
        const Qt::PenStyle pinStyle = pinStyles[k % 4];
        const QString label = callLabel(m_pinned[k].call, lang);
        for (int i = 0; i < 3; ++i) {
            if (!shown[i] || g >= m_pinnedGraphs.size()) continue;
            QCPGraph* graph = m_pinnedGraphs[g++];
            QColor color = compare ? theme.pinnedInCompare : colors[i];
            if (!compare) color.setAlpha(200);
            graph->setPen(curvePen(color, style::width(style::kOverlayWidth), pinStyle));
            graph->setName(tr("%1, pinned: %2").arg(curveSymbol(i), label));
        }
    }
}

void CurvePlot::updateZones() {
    m_vanishing.clear();
    m_dead.clear();
    if (m_state->isValid() && m_curve.size() > 1) {
        if (m_state->vanishingZoneShown()) m_vanishing = gradientZones(m_curve, m_state->epsilon());
        if (m_state->deadZoneShown()) m_dead = gradientZones(m_curve, 0.0);
    }
    const std::size_t needed = m_vanishing.size() + m_dead.size();
    while (static_cast<std::size_t>(m_zoneItems.size()) < needed) {
        auto* rect = new ZoneRect(this, m_mainLayer);
        rect->setPen(Qt::NoPen);
        rect->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
        rect->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
        rect->setSelectable(false);
        m_zoneItems << rect;
    }
    int k = 0;
    const auto place = [&](const std::vector<Interval>& zones, const QColor& color) {
        for (const Interval& z : zones) {
            QCPItemRect* rect = m_zoneItems[k++];
            rect->topLeft->setCoords(z.lo, 0);
            rect->bottomRight->setCoords(z.hi, 1);
            rect->setBrush(color);
            rect->setVisible(true);
        }
    };
    place(m_vanishing, style::kVanishingZone);
    place(m_dead, style::kDeadZone);
    for (; k < m_zoneItems.size(); ++k) m_zoneItems[k]->setVisible(false);
}

void CurvePlot::updateLegend() {
    legend->clearItems();
    const auto add = [this](QCPGraph* g) {
        if (g->visible() && !g->name().isEmpty()) g->addToLegend(legend);
    };
    for (QCPGraph* g : {m_f, m_df, m_d2f}) add(g);
    for (QCPGraph* g : m_compareGraphs) add(g);
    for (QCPGraph* g : m_pinnedGraphs) add(g);
    m_vanishingKey->setName(
        tr("vanishing gradient, |f\u2032| < %1").arg(formatNumber(m_state->epsilon())));
    m_deadKey->setName(tr("dead zone, f\u2032 = 0"));
    if (!m_vanishing.empty()) m_vanishingKey->addToLegend(legend);
    if (!m_dead.empty()) m_deadKey->addToLegend(legend);
    legend->setVisible(legend->itemCount() > 0);
}

void CurvePlot::updateTitle() {
    const QString& lang = m_lang;
    if (m_state->compareMode()) {
        QStringList names{qs(m_state->spec().name, lang)};
        for (const Overlay& o : m_compared) names << qs(o.call.spec->name, lang);
        m_title->setText(tr("Comparison: %1").arg(names.join(QStringLiteral(", "))));
    } else {
        m_title->setText(callLabel(m_state->call(), lang));
    }
}

void CurvePlot::updateMessage() {
    QString text;
    if (!m_state->isValid())
        text = tr("These parameters are not accepted:\n%1").arg(m_state->paramError());
    else if (!m_state->showF() && !m_state->showDf() && !m_state->showD2f())
        text = tr("Turn on f, f\u2032 or f\u2033 to see a curve.");
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString CurvePlot::message() const {
    return m_message->visible() ? m_message->text() : QString();
}

QString CurvePlot::title() const {
    return m_title->text();
}

// --- view -----------------------------------------------------------------------------------

bool CurvePlot::dataYRange(double& lo, double& hi) const {
    lo = std::numeric_limits<double>::infinity();
    hi = -lo;
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    const auto scan = [&](const Curve& c) {
        const std::vector<double>* ys[3] = {&c.f, &c.df, &c.d2f};
        for (int i = 0; i < 3; ++i) {
            if (!shown[i]) continue;
            for (double v : *ys[i]) {
                if (!std::isfinite(v)) continue;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    };
    if (m_state->isValid()) scan(m_curve);
    for (const Overlay& o : m_compared) scan(o.curve);
    for (const Overlay& o : m_pinned) scan(o.curve);
    return lo <= hi;
}

void CurvePlot::setYRange(double lo, double hi) {
    if (!(hi - lo > 1e-12 * std::max(1.0, std::fabs(lo)))) {
        const double half = std::max(1.0, std::fabs(lo) * 0.1);
        lo -= half;
        hi += half;
    }
    m_settingRange = true;
    yAxis->setRange(lo, hi);
    m_settingRange = false;
}

void CurvePlot::fitY() {
    double lo, hi;
    if (!dataYRange(lo, hi)) {
        lo = -1;
        hi = 1;
    }
    // Keep y = 0 in view: the zero line is the reference for every activation.
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    const double pad = 0.07 * (hi - lo);
    setYRange(lo - pad, hi + pad);
}

void CurvePlot::expandY() {
    double lo, hi;
    if (!dataYRange(lo, hi)) return;
    const QCPRange r = yAxis->range();
    if (lo >= r.lower && hi <= r.upper) return;
    const double pad = 0.07 * (std::max(hi, r.upper) - std::min(lo, r.lower));
    setYRange(lo < r.lower ? lo - pad : r.lower, hi > r.upper ? hi + pad : r.upper);
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
    m_crosshairX = x;
    m_crosshairShown = true;
    m_crosshair->point1->setCoords(x, 0);
    m_crosshair->point2->setCoords(x, 1);
    m_crosshair->setVisible(true);
    const bool shown[3] = {m_state->showF(), m_state->showDf(), m_state->showD2f()};
    const double values[3] = {r.f, r.df, r.d2f};
    const bool compare = m_state->compareMode();
    const ThemeColors& theme = style::colors();
    const QColor colors[3] = {theme.f, theme.df, theme.d2f};
    QStringList parts{QStringLiteral("<b>x</b> = %1").arg(formatNumber(x))};
    if (compare)
        parts << QStringLiteral("<b>%1</b>").arg(qs(m_state->spec().name, m_lang).toHtmlEscaped());
    for (int i = 0; i < 3; ++i) {
        const QColor color = compare ? style::compareColor(0) : colors[i];
        m_tracers[i]->setPen(QPen(color, style::width(3)));
        m_tracers[i]->position->setCoords(x, values[i]);
        m_tracers[i]->setVisible(shown[i] && std::isfinite(values[i]));
        parts << QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2(x) = %3")
                     .arg(color.name(), curveSymbol(i), formatNumber(values[i]));
    }
    m_readoutHtml = parts.join(QStringLiteral("&nbsp;&nbsp;&nbsp;&nbsp;"));
    emit readoutChanged(m_readoutHtml);
    queueReplot();
}

void CurvePlot::hideCrosshair() {
    if (!m_crosshairShown) return;
    m_crosshairShown = false;
    m_crosshair->setVisible(false);
    for (QCPItemTracer* t : m_tracers) t->setVisible(false);
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
