#include "network/why_ledger.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "common/plot_style.h"
#include "common/scroll_areas.h"
#include "network/boundary_plot.h"

namespace actlab::ui {

namespace {

/// Values of a vector for the table, at most `most` of them.
QString numbers(const std::vector<double>& v, std::size_t most = 8) {
    const QLocale locale;
    QStringList parts;
    for (std::size_t i = 0; i < v.size() && i < most; ++i) parts << locale.toString(v[i], 'g', 3);
    if (v.size() > most) parts << QStringLiteral("…");
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
}

/// A log-scale bar needs a positive value: zero is drawn at the floor.
constexpr double kFloor = 1e-30;

}  // namespace

LedgerPanel::LedgerPanel(QWidget* parent)
    : QWidget(parent),
      m_map(new BoundaryPlot(false, this)),
      m_input(new QSpinBox(this)),
      m_unit(new QSpinBox(this)),
      m_inputLabel(new QLabel(this)),
      m_unitLabel(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_chart(new QCustomPlot(this)),
      m_table(new QLabel(this)) {
    m_map->setEditable(true);  // a click picks the nearest training point (see pickNearest)
    m_marker = m_map->addGraph();
    m_marker->setLineStyle(QCPGraph::lsNone);
    m_bars = new QCPBars(m_chart->xAxis, m_chart->yAxis);
    m_bound = m_chart->addGraph();
    m_chart->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_chart->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_chart->legend->setVisible(true);
    m_chart->setMinimumHeight(220);
    m_table->setTextFormat(Qt::RichText);
    m_table->setWordWrap(true);
    m_table->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setWordWrap(true);
    m_input->setMinimum(1);
    m_unit->setMinimum(1);

    auto* pick = new QGridLayout;
    pick->addWidget(m_inputLabel, 0, 0);
    pick->addWidget(m_input, 0, 1);
    pick->addWidget(m_unitLabel, 1, 0);
    pick->addWidget(m_unit, 1, 1);
    auto* left = new QVBoxLayout;
    left->addWidget(m_hint);
    left->addWidget(m_map, 1);
    left->addLayout(pick);
    auto* right = new QVBoxLayout;
    right->addWidget(m_chart, 2);
    right->addWidget(verticalScroll(m_table, this), 3);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 2);
    layout->addLayout(right, 3);

    connect(m_map, &BoundaryPlot::addPointRequested, this,
            [this](double x, double y, bool) { pickNearest(x, y); });
    for (QSpinBox* s : {m_input, m_unit})
        connect(s, &QSpinBox::valueChanged, this, [this] { rebuild(); });
    const auto restyle = [this] {
        const ThemeColors& c = style::colors();
        m_chart->setBackground(c.plotBackground);
        m_chart->axisRect()->setBackground(c.plotBackground);
        for (QCPAxis* a : {m_chart->xAxis, m_chart->yAxis}) style::styleSmallChartAxis(a, 11, 0);
        m_bars->setBrush(style::kBlue);
        m_bars->setPen(Qt::NoPen);
        m_bound->setPen(QPen(style::kVermillion, style::width(2.5), Qt::DashLine));
        m_bound->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 7));
        const double ring = 18 * std::max(1.0, Appearance::instance().scale());
        const QPen pen(c.strong, style::width(3));
        m_marker->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, pen, Qt::NoBrush, ring));
    };
    restyle();
    connect(&Appearance::instance(), &Appearance::changed, this, restyle);
    retranslate();
}

void LedgerPanel::setData(const nn::Dataset& data) {
    m_data = data;
    m_map->setData(data);
    m_example = std::clamp(m_example, 0, std::max(0, int(data.train.size()) - 1));
}

void LedgerPanel::update(const nn::Mlp& net, std::span<const double> grid, int n,
                         const std::vector<nn::ContourSegment>& contour) {
    m_net = net;
    m_hasNet = true;
    m_map->setOutput(net.spec().output, net.spec().outputs);
    if (n >= 2 && grid.size() == std::size_t(n) * std::size_t(n)) m_map->setGrid(grid, n);
    m_map->setContour(contour);
    rebuild();
}

void LedgerPanel::choose(int example, int input, int unit) {
    m_example = example;
    const QSignalBlocker a(m_input), b(m_unit);
    m_input->setValue(input + 1);
    m_unit->setValue(unit + 1);
    rebuild();
}

void LedgerPanel::pickNearest(double x, double y) {
    int best = -1;
    double bestD = HUGE_VAL;
    for (std::size_t i = 0; i < m_data.train.size(); ++i) {
        const double d = std::hypot(m_data.train[i].x - x, m_data.train[i].y - y);
        if (d < bestD) bestD = d, best = int(i);
    }
    if (best < 0) return;
    m_example = best;
    rebuild();
}

void LedgerPanel::rebuild() {
    if (!m_hasNet || m_data.train.empty()) return;
    const nn::Mlp& net = m_net;
    m_example = std::clamp(m_example, 0, int(m_data.train.size()) - 1);
    {
        const QSignalBlocker a(m_input), b(m_unit);
        m_input->setMaximum(net.inputs());
        m_unit->setMaximum(net.layers()[0].out);
    }
    const nn::Point& p = m_data.train[std::size_t(m_example)];
    m_marker->setData({p.x}, {p.y});
    if (!m_builder.build(net, p, m_input->value() - 1, m_unit->value() - 1, m_ledger)) return;

    // The trainer's own gradient for a batch of this one example.
    nn::Workspace ws;
    const double x[1] = {p.x}, y[1] = {p.y}, label[1] = {p.label};
    const nn::FeatureTable table = nn::computeFeatures(net.spec().features, x, y);
    net.prepare(ws, 1);
    net.loadInputs(table, 0, ws);
    net.forward(ws, true);
    net.outputError(label, ws);
    nn::Gradients g = net.makeGradients();
    net.backward(ws, g);
    const std::size_t weight =
        std::size_t(m_ledger.unit) * std::size_t(net.inputs()) + std::size_t(m_ledger.input);
    m_trainerGradient = g.w[0][weight];

    // Bars: ‖δ‖ from the output (left) down to the first hidden layer; the bound multiplies the
    // output's ‖δ‖ by each layer's sup |f′|, as if the weights kept the norm.
    const int hidden = int(net.spec().hidden.size());
    QVector<double> keys, norms, bound;
    QSharedPointer<QCPAxisTickerText> ticker = QSharedPointer<QCPAxisTickerText>::create();
    double b = 0;
    for (std::size_t k = 0; k < m_ledger.layers.size(); ++k) {
        const inspect::LedgerLayer& l = m_ledger.layers[k];
        keys << double(k);
        norms << std::max(l.deltaNorm, kFloor);
        if (k == 0)
            b = l.deltaNorm;
        else
            b *= slopeBound(l.layer);
        bound << std::max(b, kFloor);
        ticker->addTick(double(k), l.layer == hidden ? tr("out") : tr("h%1").arg(l.layer + 1));
    }
    m_bars->setData(keys, norms, true);
    m_bound->setData(keys, bound, true);
    m_chart->xAxis->setTicker(ticker);
    m_chart->xAxis->setRange(-0.6, double(keys.size()) - 0.4);
    double lo = HUGE_VAL, hi = 0;
    for (const QVector<double>* v : {&norms, &bound})
        for (double d : *v) lo = std::min(lo, d), hi = std::max(hi, d);
    m_chart->yAxis->setRange(lo / 3, hi * 3);
    if (m_chart->isVisible()) m_chart->replot(QCustomPlot::rpQueuedReplot);
    if (m_map->isVisible()) m_map->replot(QCustomPlot::rpQueuedReplot);
    retranslate();
}

double LedgerPanel::slopeBound(int layer) {
    if (m_bounds.size() <= std::size_t(layer)) m_bounds.resize(std::size_t(layer) + 1);
    Bound& b = m_bounds[std::size_t(layer)];
    const ActivationSpec* spec = m_net.activationOf(layer);
    const ParamValues params = m_net.paramsOf(layer, 0);
    const std::vector<double>& learnable = m_net.layers()[std::size_t(layer)].learnable;
    // A formula's row can be replaced by another at the same address: not cached.
    if (spec->isFormula() || b.spec != spec || b.params != params || b.learnable != learnable)
        b = {spec, params, learnable, inspect::layerSlopeBound(m_net, layer)};
    return b.value;
}

void LedgerPanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) retranslate();
}

void LedgerPanel::retranslate() {
    m_hint->setText(tr("Click a training point on the map, and choose the first-layer weight "
                       "below: the ledger shows how back-propagation builds its gradient."));
    m_inputLabel->setText(tr("Weight from input feature"));
    m_unitLabel->setText(tr("to first-layer unit"));
    m_bars->setName(tr("‖δ‖ of the layer"));
    m_bound->setName(tr("bound from f′ alone: ‖δ_out‖ × Π sup |f′|"));
    m_chart->yAxis->setLabel(tr("norm (log scale)"));
    if (!m_hasNet || m_ledger.layers.empty()) return;
    const QLocale locale;
    const auto num = [&](double v) { return locale.toString(v, 'g', 4); };
    const int hidden = int(m_net.spec().hidden.size());
    QString html = QStringLiteral("<table cellspacing='4'>");
    html += tr("<tr><td><b>Output</b></td><td>o = %1, t = %2, loss %3</td></tr>")
                .arg(numbers(m_ledger.output), numbers(m_ledger.target), num(m_ledger.loss));
    for (const inspect::LedgerLayer& l : m_ledger.layers) {
        const QString name =
            l.layer == hidden ? tr("Output layer") : tr("Hidden layer %1").arg(l.layer + 1);
        const QString up = l.layer == hidden ? tr("∂L/∂o") : tr("Wᵀδ");
        html += QStringLiteral("<tr><td><b>%1</b></td><td>").arg(name);
        if (!l.combined) html += tr("f′(z) = %1 ⊙ ").arg(numbers(l.slope));
        html += QStringLiteral("%1 = %2 → δ = %3, ‖δ‖ = %4</td></tr>")
                    .arg(up, numbers(l.upstream), numbers(l.delta), num(l.deltaNorm));
    }
    const double diff = std::fabs(m_ledger.gradient - m_trainerGradient);
    const double rel = m_trainerGradient != 0 ? diff / std::fabs(m_trainerGradient) : diff;
    html += tr("<tr><td><b>∂L/∂w</b></td><td>= δ(unit %1) × feature %2 (%3) = <b>%4</b>; the "
               "trainer computes %5 (relative difference %6)</td></tr>")
                .arg(m_ledger.unit + 1)
                .arg(m_ledger.input + 1)
                .arg(num(m_ledger.feature), num(m_ledger.gradient), num(m_trainerGradient),
                     locale.toString(rel, 'g', 2));
    html += QStringLiteral("</table>");
    m_table->setText(html);
}

}  // namespace actlab::ui
