#include "explorer/propagation_plots.h"

#include <QLabel>
#include <cmath>
#include <limits>

#include "common/appearance.h"
#include "common/plot_style.h"
#include "qcustomplot.h"

namespace actlab::ui {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// The diagram's colours span log₂ χ₁ ∈ [−2, 2]: χ₁ from ¼ (deep blue, ordered) through 1
/// (white, critical) to 4 (deep red, chaotic).
constexpr double kLogRange = 2.0;

QVector<double> vec(const std::vector<double>& v) { return {v.begin(), v.end()}; }

QVector<double> layers(std::size_t n) {
    QVector<double> l(qsizetype(n), 0.0);
    for (std::size_t i = 0; i < n; ++i) l[qsizetype(i)] = double(i);
    return l;
}

/// Values for a logarithmic axis: non-positive and non-finite ones become gaps.
QVector<double> positive(const std::vector<double>& v) {
    QVector<double> out(qsizetype(v.size()), kNaN);
    for (std::size_t i = 0; i < v.size(); ++i)
        if (std::isfinite(v[i]) && v[i] > 0) out[qsizetype(i)] = v[i];
    return out;
}

QCPGraph* line(QCustomPlot* plot, const QColor& colour, double w, Qt::PenStyle style = Qt::SolidLine,
               QCPAxis* valueAxis = nullptr) {
    auto* g = plot->addGraph(plot->xAxis, valueAxis ? valueAxis : plot->yAxis);
    g->setPen(QPen(colour, style::width(w), style));
    return g;
}

QCPGraph* dots(QCustomPlot* plot, const QColor& colour, double size, QCPAxis* valueAxis = nullptr,
               QCPScatterStyle::ScatterShape shape = QCPScatterStyle::ssCircle) {
    auto* g = plot->addGraph(plot->xAxis, valueAxis ? valueAxis : plot->yAxis);
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(shape, colour, colour, style::width(size)));
    return g;
}

/// The range of the finite values of `v` (and of `more`), padded; [lo, hi] when there are none.
QCPRange finiteRange(const QVector<double>& v, double lo, double hi, bool logScale) {
    double a = std::numeric_limits<double>::infinity(), b = -a;
    for (double x : v)
        if (std::isfinite(x) && (!logScale || x > 0)) {
            a = std::min(a, x);
            b = std::max(b, x);
        }
    if (!(a <= b)) return {lo, hi};
    if (logScale) {
        if (b / a < 10) return {a / 3, b * 3};
        return {a / 2, b * 2};
    }
    const double pad = (b - a) * 0.08 + 1e-9;
    return {std::min(lo, a - pad), std::max(hi, b + pad)};
}

/// Puts the legend in a row of its own under the axes, its entries side by side, so that it
/// never covers the curves.
void legendBelow(QCustomPlot* plot) {
    plot->legend->setVisible(true);
    auto* row = new QCPLayoutGrid;
    plot->plotLayout()->addElement(plot->plotLayout()->rowCount(), 0, row);
    plot->plotLayout()->setRowStretchFactor(plot->plotLayout()->rowCount() - 1, 0.001);
    plot->axisRect()->insetLayout()->take(plot->legend);
    row->addElement(0, 0, plot->legend);
    plot->legend->setWrap(2);  // two entries a row; setFillOrder rearranges those already there
    plot->legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    row->setMargins(QMargins(0, 0, 0, 2));
}

}  // namespace

PhaseGrid::PhaseGrid() {
    for (int i = 0; i < kColumns; ++i) sigmaW2.push_back(kSigmaW2Max * (i + 0.5) / kColumns);
    for (int j = 0; j < kRows; ++j) sigmaB2.push_back(kSigmaB2Max * (j + 0.5) / kRows);
}

PropagationPlots::PropagationPlots(QWidget* parent)
    : QObject(parent),
      m_phase(makePlot(parent, QStringLiteral("phaseDiagram"))),
      m_length(makePlot(parent, QStringLiteral("lengthMap"))),
      m_correlation(makePlot(parent, QStringLiteral("correlationMap"))),
      m_depth(makePlot(parent, QStringLiteral("depthCurves"))),
      m_gradients(makePlot(parent, QStringLiteral("gradientRatio"))),
      m_mean(makePlot(parent, QStringLiteral("meanMap"))),
      m_meanNote(new QLabel(parent)) {
    // The phase diagram: a colour map of log₂ χ₁ with its scale, the critical line, the inits
    // and the current choice.
    m_phase->setMinimumSize(300, 300);
    m_map = new QCPColorMap(m_phase->xAxis, m_phase->yAxis);
    m_map->data()->setSize(PhaseGrid::kColumns, PhaseGrid::kRows);
    const PhaseGrid grid;
    m_map->data()->setRange(QCPRange(grid.sigmaW2.front(), grid.sigmaW2.back()),
                            QCPRange(grid.sigmaB2.front(), grid.sigmaB2.back()));
    m_map->data()->fill(kNaN);
    m_scale = new QCPColorScale(m_phase);
    m_phase->plotLayout()->addElement(1, 1, m_scale);  // row 0 is the title
    m_scale->setType(QCPAxis::atRight);
    m_map->setColorScale(m_scale);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(0x21, 0x66, 0xAC));
    gradient.setColorStopAt(0.25, QColor(0x92, 0xC5, 0xDE));
    gradient.setColorStopAt(0.5, QColor(0xF7, 0xF7, 0xF7));
    gradient.setColorStopAt(0.75, QColor(0xF4, 0xA5, 0x82));
    gradient.setColorStopAt(1.0, QColor(0xB2, 0x18, 0x2B));
    gradient.setNanHandling(QCPColorGradient::nhTransparent);
    m_map->setGradient(gradient);
    m_map->setDataRange(QCPRange(-kLogRange, kLogRange));
    m_map->setInterpolate(false);
    auto* margins = new QCPMarginGroup(m_phase);
    m_phase->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_phase->xAxis->setRange(0, PhaseGrid::kSigmaW2Max);
    m_phase->yAxis->setRange(0, PhaseGrid::kSigmaB2Max);
    // The critical line is σ_w² as a function of σ_b²: a graph keyed on the vertical axis.
    m_critical = m_phase->addGraph(m_phase->yAxis, m_phase->xAxis);
    m_critical->setPen(QPen(QColor(0x22, 0x22, 0x22), style::width(3)));
    m_initDots = dots(m_phase, QColor(0x22, 0x22, 0x22), 9, nullptr, QCPScatterStyle::ssDiamond);
    m_current = m_phase->addGraph();
    m_current->setLineStyle(QCPGraph::lsNone);
    // The current choice is drawn over the inits' labels.
    m_phase->addLayer(QStringLiteral("current"), m_phase->layer(QStringLiteral("main")),
                      QCustomPlot::limAbove);
    m_current->setLayer(QStringLiteral("current"));
    m_computing = new QCPItemText(m_phase);
    m_computing->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_computing->position->setCoords(0.5, 0.5);
    connect(m_phase, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const double x = m_phase->xAxis->pixelToCoord(event->position().x());
        const double y = m_phase->yAxis->pixelToCoord(event->position().y());
        if (x >= 0 && x <= PhaseGrid::kSigmaW2Max && y >= 0 && y <= PhaseGrid::kSigmaB2Max)
            emit phaseClicked(x, y);
    });

    m_lengthIdentity = line(m_length, QColor(0x88, 0x88, 0x88), 1.5, Qt::DashLine);
    m_lengthCurve = line(m_length, style::colors().f, 3);
    m_lengthFixed = dots(m_length, style::colors().f, 11);

    m_corrIdentity = line(m_correlation, QColor(0x88, 0x88, 0x88), 1.5, Qt::DashLine);
    m_corrCurve = line(m_correlation, style::colors().df, 3);
    m_corrFixed = dots(m_correlation, style::colors().df, 11);
    m_correlation->xAxis->setRange(-1, 1);
    m_correlation->yAxis->setRange(-1, 1);

    m_depth->yAxis2->setVisible(true);
    m_depth->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_depth->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_depth->yAxis2->setRange(0, 1.05);
    m_q = line(m_depth, style::colors().f, 3);
    m_c = line(m_depth, style::colors().df, 3, Qt::SolidLine, m_depth->yAxis2);
    m_qSim = dots(m_depth, style::colors().f, 7);
    m_cSim = dots(m_depth, style::colors().df, 7, m_depth->yAxis2);
    legendBelow(m_depth);

    m_gradients->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_gradients->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    m_ratio = line(m_gradients, style::colors().f, 3);
    m_ratioSim = dots(m_gradients, style::colors().f, 7);
    legendBelow(m_gradients);

    m_mu = line(m_mean, style::colors().f, 3);
    m_nu = line(m_mean, style::colors().df, 3);
    m_muFixed = line(m_mean, style::colors().f, 1.5, Qt::DashLine);
    m_nuFixed = line(m_mean, style::colors().df, 1.5, Qt::DashLine);
    legendBelow(m_mean);
    m_meanNote->setWordWrap(true);
    m_meanNote->setAlignment(Qt::AlignCenter);
    m_meanNote->setObjectName(QStringLiteral("meanNote"));
    m_meanNote->hide();

    restyle();
    retranslate();
}

QCustomPlot* PropagationPlots::makePlot(QWidget* parent, const QString& objectName) {
    auto* plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    plot->setMinimumSize(260, 240);
    plot->setFocusPolicy(Qt::NoFocus);
    style::scrollParentOnWheel(plot);
    style::keepTickLabelsApart(plot);
    auto* title = new QCPTextElement(plot, QString(), style::plotFont(13, true));
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, title);
    return plot;
}

void PropagationPlots::restyle() {
    const ThemeColors& c = style::colors();
    for (QCustomPlot* p : {m_phase, m_length, m_correlation, m_depth, m_gradients, m_mean}) {
        p->setBackground(c.plotBackground);
        p->axisRect()->setBackground(c.plotBackground);
        for (QCPAxis* a : p->axisRect()->axes()) style::styleSmallChartAxis(a, 12, 0);
        if (auto* title = qobject_cast<QCPTextElement*>(p->plotLayout()->element(0, 0))) {
            title->setTextColor(c.plotText);
            title->setFont(style::plotFont(13, true));
        }
        p->legend->setFont(style::plotFont(11));
        p->legend->setTextColor(c.plotText);
        p->legend->setBrush(c.legendBrush);
        p->legend->setBorderPen(QPen(c.legendBorder));
    }
    style::styleSmallChartAxis(m_scale->axis(), 12, 0);
    m_current->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(c.plotText, style::width(3)),
                                               QBrush(c.accent), style::width(16)));
    m_computing->setColor(c.plotText);
    m_computing->setFont(style::plotFont(14, true));
    m_meanNote->setStyleSheet(QStringLiteral("color: %1; font-size: %2pt;")
                                  .arg(c.text.name())
                                  .arg(13 * Appearance::instance().scale(), 0, 'f', 1));
    replotAll();
}

void PropagationPlots::retranslate() {
    const auto title = [](QCustomPlot* p, const QString& text) {
        if (auto* t = qobject_cast<QCPTextElement*>(p->plotLayout()->element(0, 0))) t->setText(text);
    };
    title(m_phase, tr("Phase diagram: χ₁ over (σ_w², σ_b²)"));
    m_phase->xAxis->setLabel(tr("σ_w² (weight variance × fan-in)"));
    m_phase->yAxis->setLabel(tr("σ_b² (bias variance)"));
    m_scale->axis()->setLabel(tr("log₂ χ₁: blue ordered, red chaotic"));
    m_computing->setText(tr("computing…"));
    m_critical->setName(tr("critical line χ₁ = 1"));

    title(m_length, tr("Length map: qₗ₊₁ = F(qₗ)"));
    m_length->xAxis->setLabel(tr("qₗ (mean square pre-activation)"));
    m_length->yAxis->setLabel(tr("qₗ₊₁"));
    title(m_correlation, tr("Correlation map at q*: cₗ₊₁ = C(cₗ)"));
    m_correlation->xAxis->setLabel(tr("cₗ (correlation of two inputs)"));
    m_correlation->yAxis->setLabel(tr("cₗ₊₁"));

    title(m_depth, tr("Through the layers, from q₀ = 1, c₀ = 0.5"));
    m_depth->xAxis->setLabel(tr("layer l"));
    m_depth->yAxis->setLabel(tr("length qₗ (log)"));
    m_depth->yAxis2->setLabel(tr("correlation cₗ"));
    m_q->setName(tr("qₗ theory"));
    m_c->setName(tr("cₗ theory"));
    m_qSim->setName(tr("qₗ simulated"));
    m_cSim->setName(tr("cₗ simulated"));

    title(m_gradients, tr("Gradient ratio |δ₀|²/|δₗ|² = ∏ χ"));
    m_gradients->xAxis->setLabel(tr("layer l"));
    m_gradients->yAxis->setLabel(tr("ratio (log)"));
    m_ratio->setName(tr("theory"));
    m_ratioSim->setName(tr("simulated"));

    title(m_mean, tr("Mean and variance by layer (self-normalisation)"));
    m_mean->xAxis->setLabel(tr("layer l"));
    m_mu->setName(tr("mean μₗ"));
    m_nu->setName(tr("variance νₗ"));
    m_muFixed->setName(tr("fixed point"));
    m_nuFixed->removeFromLegend();
    m_meanNote->setText(
        tr("This activation is odd, f(−x) = −f(x): the mean of its outputs stays 0, "
           "so only the length and the correlation matter."));
    for (QCustomPlot* p : {m_phase, m_length, m_correlation, m_depth, m_gradients, m_mean})
        p->setAccessibleName(qobject_cast<QCPTextElement*>(p->plotLayout()->element(0, 0))->text());
    replotAll();
}

void PropagationPlots::replotAll() {
    for (QCustomPlot* p : {m_phase, m_length, m_correlation, m_depth, m_gradients, m_mean})
        p->replot(QCustomPlot::rpQueuedReplot);
}

void PropagationPlots::setPhase(const std::vector<double>& chi1,
                                const std::vector<double>& criticalB2,
                                const std::vector<double>& criticalW2) {
    QCPColorMapData* data = m_map->data();
    const bool ready = chi1.size() == std::size_t(PhaseGrid::kColumns * PhaseGrid::kRows);
    for (int j = 0; j < PhaseGrid::kRows; ++j)
        for (int i = 0; i < PhaseGrid::kColumns; ++i) {
            const double chi = ready ? chi1[std::size_t(j * PhaseGrid::kColumns + i)] : kNaN;
            data->setCell(i, j,
                          std::isfinite(chi) && chi > 0
                              ? std::clamp(std::log2(chi), -kLogRange, kLogRange)
                              : (chi == 0 ? -kLogRange : kNaN));
        }
    m_computing->setVisible(!ready);
    // Keys σ_b², values σ_w²; a gap where the line does not cross (NaN).
    QVector<double> keys, values;
    for (std::size_t k = 0; k < criticalB2.size() && k < criticalW2.size(); ++k) {
        keys << criticalB2[k];
        values << criticalW2[k];
    }
    m_critical->setData(keys, values, true);
    m_phase->replot(QCustomPlot::rpQueuedReplot);
}

void PropagationPlots::setMarks(theory::Variances current, const std::vector<InitMark>& inits) {
    m_current->setData({current.sigmaW2}, {current.sigmaB2});
    for (QCPItemText* t : m_initLabels) m_phase->removeItem(t);
    m_initLabels.clear();
    QVector<double> xs, ys;
    const ThemeColors& c = style::colors();
    // Inits at the same point share one label ("Xavier, LeCun").
    std::vector<std::pair<theory::Variances, QString>> merged;
    for (const InitMark& m : inits) {
        auto same = std::find_if(merged.begin(), merged.end(), [&](const auto& e) {
            return std::abs(e.first.sigmaW2 - m.v.sigmaW2) < 1e-9 &&
                   std::abs(e.first.sigmaB2 - m.v.sigmaB2) < 1e-9;
        });
        if (same != merged.end())
            same->second += QStringLiteral(", ") + m.name;
        else
            merged.push_back({m.v, m.name});
    }
    int k = 0;
    for (const auto& [v, name] : merged) {
        const double x = std::min(v.sigmaW2, PhaseGrid::kSigmaW2Max);
        xs << x;
        ys << v.sigmaB2;
        auto* label = new QCPItemText(m_phase);
        // Above the point, staggered so that neighbours (Playground beside Xavier) stay apart.
        label->position->setCoords(x, v.sigmaB2 + 0.03 + 0.07 * (k++ % 3));
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(4, 1, 4, 1));
        label->setPen(QPen(c.legendBorder));
        label->setText(name);
        label->setFont(style::plotFont(11, true));
        label->setColor(c.plotText);
        label->setBrush(QBrush(c.legendBrush));
        m_initLabels.push_back(label);
    }
    m_initDots->setData(xs, ys);
    m_phase->replot(QCustomPlot::rpQueuedReplot);
}

void PropagationPlots::setFigures(const theory::PropagationFigures& p) {
    const theory::Analysis& a = p.analysis;
    m_lengthCurve->setData(vec(p.lengthQ), vec(p.lengthMap), true);
    m_lengthIdentity->setData({p.lengthQ.front(), p.lengthQ.back()},
                              {p.lengthQ.front(), p.lengthQ.back()});
    if (std::isfinite(a.qStar))
        m_lengthFixed->setData({a.qStar}, {a.qStar});
    else
        m_lengthFixed->data()->clear();
    m_length->xAxis->setRange(0, p.lengthQ.back());
    m_length->yAxis->setRange(finiteRange(vec(p.lengthMap), 0, p.lengthQ.back(), false));

    m_corrCurve->setData(vec(p.correlationC), vec(p.correlationMap), true);
    m_corrIdentity->setData({-1, 1}, {-1, 1});
    if (std::isfinite(a.cStar))
        m_corrFixed->setData({a.cStar}, {a.cStar});
    else
        m_corrFixed->data()->clear();

    const std::size_t n = p.depth.q.size();
    m_q->setData(layers(n), positive(p.depth.q), true);
    m_c->setData(layers(n), vec(p.depth.c), true);
    m_depth->xAxis->setRange(0, double(n - 1));
    m_depth->yAxis->setRange(finiteRange(positive(p.depth.q), 0.1, 10, true));
    m_ratio->setData(layers(n), positive(p.depth.gradRatio), true);
    m_gradients->xAxis->setRange(0, double(n - 1));
    m_gradients->yAxis->setRange(finiteRange(positive(p.depth.gradRatio), 0.1, 10, true));

    m_mean->setVisible(p.meanShown);
    m_meanNote->setVisible(!p.meanShown);
    if (p.meanShown) {
        const std::size_t m = p.meanCurves.mean.size();
        m_mu->setData(layers(m), vec(p.meanCurves.mean), true);
        m_nu->setData(layers(m), vec(p.meanCurves.variance), true);
        if (p.meanFixed.found) {
            m_muFixed->setData({0, double(m - 1)}, {p.meanFixed.point.mean, p.meanFixed.point.mean});
            m_nuFixed->setData({0, double(m - 1)},
                               {p.meanFixed.point.variance, p.meanFixed.point.variance});
        } else {
            m_muFixed->data()->clear();
            m_nuFixed->data()->clear();
        }
        m_mean->xAxis->setRange(0, double(m - 1));
        QVector<double> all = vec(p.meanCurves.mean) + vec(p.meanCurves.variance);
        m_mean->yAxis->setRange(finiteRange(all, -0.1, 1.1, false));
    }
    replotAll();
}

void PropagationPlots::setSimulation(const theory::SimulationResult& s) {
    m_qSim->setData(layers(s.q.size()), positive(s.q), true);
    m_cSim->setData(layers(s.c.size()), vec(s.c), true);
    m_ratioSim->setData(layers(s.gradRatio.size()), positive(s.gradRatio), true);
    for (QCPGraph* g : {m_qSim, m_cSim, m_ratioSim}) {
        if (s.q.empty())
            g->removeFromLegend();
        else
            g->addToLegend();
    }
    m_depth->replot(QCustomPlot::rpQueuedReplot);
    m_gradients->replot(QCustomPlot::rpQueuedReplot);
}

double PropagationPlots::phaseValueAt(double sigmaW2, double sigmaB2) const {
    return m_map->data()->data(sigmaW2, sigmaB2);
}

int PropagationPlots::simulatedPoints() const { return m_qSim->dataCount(); }

}  // namespace actlab::ui
