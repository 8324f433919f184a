#include "sweeps/sweep_plot.h"

#include <QMouseEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <qcustomplot.h>

#include "common/plot_style.h"
#include "common/qt_text.h"

namespace actlab::ui {

namespace {

constexpr double kPickRadius = 10;  // pixels
constexpr int kMaxLabelledCells = 144;  // heatmaps print their values up to 12 × 12 cells

/// A fixed jitter in [−0.25, 0.25] from the seed index, so strips do not pile up and never move.
double jitter(int seedIndex) {
    const double golden = 0.6180339887498949;
    const double f = std::fmod(seedIndex * golden, 1.0);
    return 0.5 * (f - 0.5);
}

}  // namespace

QString SweepPlot::metricTitle(sweep::Metric metric) {
    switch (metric) {
        case sweep::Metric::TrainLoss: return SweepPlot::tr("training loss");
        case sweep::Metric::TestLoss: return SweepPlot::tr("test loss");
        case sweep::Metric::TrainAccuracy: return SweepPlot::tr("training accuracy");
        case sweep::Metric::TestAccuracy: return SweepPlot::tr("test accuracy");
        case sweep::Metric::EpochsToTarget: return SweepPlot::tr("epochs to the target");
        case sweep::Metric::DeadPercent: return SweepPlot::tr("dead units (%)");
        case sweep::Metric::GradRatio: return SweepPlot::tr("first/last layer gradient");
    }
    return {};
}

namespace {

/// The values of a variable as axis labels, each with its line of `notes` below where there is one.
QSharedPointer<QCPAxisTickerText> textTicks(const sweep::SweepPlan& plan, std::size_t variable,
                                            const QStringList& notes = {}) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const std::size_t n = plan.variables[variable].size();
    const std::size_t stride = std::max<std::size_t>(1, (n + 11) / 12);  // at most 12 labels
    const sweep::SweepVariable& v = plan.variables[variable];
    for (std::size_t i = 0; i < n; i += stride) {
        QString label =
            v.categorical() ? qs(v.valueText(i)) : QString::number(v.numbers[i], 'g', 3);
        if (i < std::size_t(notes.size()) && !notes[qsizetype(i)].isEmpty())
            label += QLatin1Char('\n') + notes[qsizetype(i)];
        ticker->addTick(double(i), label);
    }
    return ticker;
}

bool logScaleSuits(std::span<const double> values) {
    if (values.size() < 3) return false;
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    return *lo > 0 && *hi / *lo >= 100;
}

void styleAxes(QCPAxisRect* rect) {
    for (QCPAxis* axis : rect->axes()) style::styleSmallChartAxis(axis, 11, 3);
}

}  // namespace

SweepPlot::SweepPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("sweepPlot"));
    m_plot->setMinimumSize(360, 260);
    m_plot->setAccessibleName(tr("Sweep results"));
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const int run = runAt(m_plot->mapTo(this, event->pos()));
        if (run >= 0) emit runClicked(run);
    });
    reset(Mode::Empty);
}

void SweepPlot::reset(Mode mode) {
    m_mode = mode;
    m_dots.clear();
    m_cellRuns.clear();
    m_medianMap = m_successMap = nullptr;
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_plot->plotLayout()->clear();
    auto* rect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(0, 0, rect);
    m_plot->xAxis = rect->axis(QCPAxis::atBottom);
    m_plot->yAxis = rect->axis(QCPAxis::atLeft);
    m_plot->xAxis2 = rect->axis(QCPAxis::atTop);
    m_plot->yAxis2 = rect->axis(QCPAxis::atRight);
    // The legend lived in the old axis rect: a new one, hidden until a chart wants it.
    m_plot->legend = new QCPLegend;
    rect->insetLayout()->addElement(m_plot->legend, Qt::AlignRight | Qt::AlignTop);
    m_plot->legend->setLayer(QStringLiteral("legend"));
    m_plot->legend->setVisible(false);
    styleAxes(rect);
    m_plot->setBackground(style::colors().plotBackground);
}

void SweepPlot::clear() {
    reset(Mode::Empty);
    m_plot->xAxis->setLabel(tr("Press Start to run the sweep"));
    m_plot->replot();
}

void SweepPlot::showResults(const sweep::SweepPlan& plan,
                            std::span<const sweep::RunResult> results, sweep::Metric metric) {
    if (plan.variables.size() == 2)
        drawHeatmaps(plan, results, metric);
    else
        drawOneVariable(plan, results, metric);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SweepPlot::drawOneVariable(const sweep::SweepPlan& plan,
                                std::span<const sweep::RunResult> results, sweep::Metric metric) {
    const sweep::SweepVariable& variable = plan.variables.front();
    const bool categorical = variable.categorical();
    reset(categorical ? Mode::Strip : Mode::Line);
    const auto xOf = [&](int setting) {
        return categorical ? double(setting) : variable.numbers[std::size_t(setting)];
    };
    QVector<double> dotX, dotY;
    for (const sweep::RunResult& r : results) {
        const double y = sweep::metricValue(r, metric);
        if (!std::isfinite(y)) continue;
        const double x = categorical ? xOf(r.setting) + jitter(r.seedIndex) : xOf(r.setting);
        m_dots.push_back({x, y, r.run});
        dotX << x;
        dotY << y;
    }
    const std::vector<sweep::SettingSummary> summary = sweep::summarize(plan, results, metric);
    QVector<double> x, median, q1, q3;
    for (const sweep::SettingSummary& s : summary) {
        if (!s.spread.count || !std::isfinite(s.spread.median)) continue;
        x << xOf(s.setting);
        median << s.spread.median;
        q1 << (std::isfinite(s.spread.q1) ? s.spread.q1 : s.spread.median);
        q3 << (std::isfinite(s.spread.q3) ? s.spread.q3 : s.spread.median);
    }
    const QColor accent = style::compareColor(0);
    QColor faint = accent;
    faint.setAlpha(90);
    auto* dots = m_plot->addGraph();
    dots->setName(tr("runs"));
    dots->setLineStyle(QCPGraph::lsNone);
    dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, faint, faint, 6));
    dots->setData(dotX, dotY, !categorical);
    auto* med = m_plot->addGraph();
    med->setName(tr("median"));
    if (categorical) {
        med->setLineStyle(QCPGraph::lsNone);
        med->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, style::colors().plotText,
                                             style::colors().plotText, 9));
        med->setData(x, median, true);
        auto* whiskers = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
        whiskers->setDataPlottable(med);
        QVector<double> below, above;
        for (int i = 0; i < median.size(); ++i) {
            below << median[i] - q1[i];
            above << q3[i] - median[i];
        }
        whiskers->setData(below, above);
        whiskers->setPen(QPen(style::colors().plotText, style::width(2)));
        whiskers->setWhiskerWidth(14);
        whiskers->removeFromLegend();
        // A setting whose runs have no value has no dots: say so under its name, or an empty
        // strip would read as missing data ("never" reaching the target is the usual case).
        std::vector<int> missing(variable.size(), 0);
        for (const sweep::RunResult& r : results)
            if (!std::isfinite(sweep::metricValue(r, metric))) ++missing[std::size_t(r.setting)];
        QStringList notes;
        for (const sweep::SettingSummary& s : summary) {
            const int k = missing[std::size_t(s.setting)];
            notes << (k == 0 ? QString()
                      : metric == sweep::Metric::EpochsToTarget
                          ? tr("never: %1 of %2").arg(k).arg(s.runs)
                          : tr("no value: %1 of %2").arg(k).arg(s.runs));
        }
        m_plot->xAxis->setTicker(textTicks(plan, 0, notes));
        m_plot->xAxis->setRange(-0.6, double(variable.size()) - 0.4);
    } else {
        auto* low = m_plot->addGraph();
        auto* high = m_plot->addGraph();
        low->setData(x, q1, true);
        high->setData(x, q3, true);
        low->setPen(Qt::NoPen);
        low->removeFromLegend();  // the band's lower edge: the band has one entry
        high->setPen(Qt::NoPen);
        QColor band = accent;
        band.setAlpha(50);
        high->setBrush(band);
        high->setChannelFillGraph(low);
        high->setName(tr("middle half of the seeds"));
        med->setPen(QPen(accent, style::width(3)));
        med->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, accent, accent, 7));
        med->setData(x, median, true);
        const bool log = logScaleSuits(variable.numbers);
        m_plot->xAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (log) m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        const auto [lo, hi] = std::minmax_element(variable.numbers.begin(), variable.numbers.end());
        const double pad = log ? 1.2 : 0.04 * std::max(*hi - *lo, 1e-12);
        if (log)
            m_plot->xAxis->setRange(*lo / pad, *hi * pad);
        else
            m_plot->xAxis->setRange(*lo - pad, *hi + pad);
    }
    // The seed count on the wide axis: on the tall one it is clipped when the chart is short.
    const QString name = qs(variable.name);
    m_plot->xAxis->setLabel(plan.seeds == 1
                                ? tr("%1 (1 seed per value)").arg(name)
                                : tr("%1 (%2 seeds per value)").arg(name).arg(plan.seeds));
    m_plot->yAxis->setLabel(metricTitle(metric));
    style::styleMainPlotLegend(m_plot->legend);
    m_plot->legend->setFont(style::plotFont(10));
    m_plot->legend->setVisible(true);
    bool found = false;
    const QCPRange y = dots->data()->valueRange(found);
    if (found) {
        const double pad = 0.06 * std::max(y.size(), 1e-9 * std::max(1.0, std::fabs(y.upper)));
        m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    }
    placeLegend();
}

void SweepPlot::drawHeatmaps(const sweep::SweepPlan& plan,
                             std::span<const sweep::RunResult> results, sweep::Metric metric) {
    reset(Mode::Heatmaps);
    m_columns = int(plan.variables[0].size());
    m_rows = int(plan.variables[1].size());
    m_cellRuns.assign(std::size_t(m_columns * m_rows), -1);
    auto* second = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(0, 1, second);
    styleAxes(second);
    const std::vector<sweep::SettingSummary> summary = sweep::summarize(plan, results, metric);
    // The run each cell stands for: the finished run whose value is nearest the median (the
    // first of the setting when none has a finite value).
    std::vector<double> nearest(m_cellRuns.size(), HUGE_VAL);
    for (const sweep::RunResult& r : results) {
        const std::size_t cell = std::size_t(r.setting);
        const double v = sweep::metricValue(r, metric), median = summary[cell].spread.median;
        const double distance =
            std::isfinite(v) && std::isfinite(median) ? std::fabs(v - median) : HUGE_VAL;
        if (m_cellRuns[cell] < 0 || distance < nearest[cell]) {
            m_cellRuns[cell] = r.run;
            nearest[cell] = distance;
        }
    }
    const auto makeMap = [&](QCPAxisRect* rect, const QString& title, bool success) {
        auto* map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        map->data()->setSize(m_columns, m_rows);
        map->data()->setRange(QCPRange(0, m_columns - 1), QCPRange(0, m_rows - 1));
        map->setInterpolate(false);
        // Success from white to green; the median on a viridis-like scale (dark to light,
        // readable in grey and for colour-blind viewers).
        QCPColorGradient g;
        g.clearColorStops();
        if (success) {
            g.setColorStopAt(0, QColor(0xF7, 0xF7, 0xF7));
            g.setColorStopAt(1, QColor(0x1B, 0x78, 0x37));
        } else {
            g.setColorStopAt(0, QColor(0x44, 0x01, 0x54));
            g.setColorStopAt(0.25, QColor(0x3B, 0x52, 0x8B));
            g.setColorStopAt(0.5, QColor(0x21, 0x90, 0x8C));
            g.setColorStopAt(0.75, QColor(0x5D, 0xC8, 0x63));
            g.setColorStopAt(1, QColor(0xFD, 0xE7, 0x25));
        }
        g.setNanHandling(QCPColorGradient::nhTransparent);
        double lo = HUGE_VAL, hi = -HUGE_VAL;
        std::vector<std::pair<QCPItemText*, double>> labels;
        for (const sweep::SettingSummary& s : summary) {
            const std::vector<std::size_t> at = plan.valueIndices(s.setting);
            const double v = success ? s.successRate() : s.spread.median;
            map->data()->setCell(int(at[0]), int(at[1]), std::isfinite(v) ? v : NAN);
            if (std::isfinite(v) && m_columns * m_rows <= kMaxLabelledCells) {
                auto* label = new QCPItemText(m_plot);
                label->setClipAxisRect(rect);
                label->setClipToAxisRect(true);
                label->position->setAxes(rect->axis(QCPAxis::atBottom),
                                         rect->axis(QCPAxis::atLeft));
                label->position->setCoords(double(at[0]), double(at[1]));
                label->setText(success ? QStringLiteral("%1 %").arg(std::lround(100 * v))
                                       : QString::number(v, 'g', 3));
                label->setFont(style::plotFont(10));
                labels.push_back({label, v});
            }
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        auto* scale = new QCPColorScale(m_plot);
        scale->setType(QCPAxis::atRight);
        scale->axis()->setLabel(title);
        style::styleSmallChartAxis(scale->axis(), 11, 3);
        map->setColorScale(scale);  // the map takes the scale's gradient and range: set them after
        scale->setGradient(g);
        if (success)
            scale->setDataRange(QCPRange(0, 1));
        else if (lo <= hi)
            scale->setDataRange(QCPRange(lo, hi > lo ? hi : lo + 1e-12));
        // Each label in black or white, whichever stands out on its cell.
        for (auto [label, v] : labels) {
            const QColor cell = QColor::fromRgb(g.color(v, scale->dataRange()));
            const double luminance =
                0.299 * cell.redF() + 0.587 * cell.greenF() + 0.114 * cell.blueF();
            label->setColor(luminance > 0.5 ? Qt::black : Qt::white);
        }
        rect->axis(QCPAxis::atBottom)->setTicker(textTicks(plan, 0));
        rect->axis(QCPAxis::atLeft)->setTicker(textTicks(plan, 1));
        rect->axis(QCPAxis::atBottom)->setRange(-0.5, m_columns - 0.5);
        rect->axis(QCPAxis::atLeft)->setRange(-0.5, m_rows - 0.5);
        rect->axis(QCPAxis::atBottom)->setLabel(qs(plan.variables[0].name));
        rect->axis(QCPAxis::atLeft)->setLabel(qs(plan.variables[1].name));
        return std::pair{map, scale};
    };
    auto [median, medianScale] =
        makeMap(m_plot->axisRect(0), tr("median %1").arg(metricTitle(metric)), false);
    auto [success, successScale] = makeMap(second, tr("success rate"), true);
    m_medianMap = median;
    m_successMap = success;
    // Each map with its scale to its right: [map][scale][map][scale].
    m_plot->plotLayout()->insertColumn(1);
    m_plot->plotLayout()->addElement(0, 1, medianScale);
    m_plot->plotLayout()->addElement(0, 3, successScale);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.08);
    m_plot->plotLayout()->setColumnStretchFactor(3, 0.08);
}

void SweepPlot::placeLegend() {
    // The corner with the fewest dots under it, so that the legend hides as little as it can.
    const QCPRange xr = m_plot->xAxis->range(), yr = m_plot->yAxis->range();
    const bool logX = m_plot->xAxis->scaleType() == QCPAxis::stLogarithmic;
    const auto fraction = [&](double x) {
        return logX ? std::log(x / xr.lower) / std::log(xr.upper / xr.lower)
                    : (x - xr.lower) / xr.size();
    };
    const Qt::Alignment corners[] = {
        Qt::AlignTop | Qt::AlignRight, Qt::AlignBottom | Qt::AlignRight,
        Qt::AlignTop | Qt::AlignLeft, Qt::AlignBottom | Qt::AlignLeft};
    int best = 0;
    std::size_t fewest = SIZE_MAX;
    for (int c = 0; c < 4; ++c) {
        const bool right = corners[c] & Qt::AlignRight, top = corners[c] & Qt::AlignTop;
        std::size_t under = 0;
        for (const Dot& d : m_dots) {
            const double fx = fraction(d.x), fy = (d.y - yr.lower) / yr.size();
            under += (right ? fx > 0.6 : fx < 0.4) && (top ? fy > 0.6 : fy < 0.4) ? 1 : 0;
        }
        if (under < fewest) {
            fewest = under;
            best = c;
        }
    }
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, corners[best]);
}

int SweepPlot::runAt(QPoint pos) const {
    const QPoint p = m_plot->mapFrom(this, pos);
    if (m_mode == Mode::Heatmaps) {
        for (QCPColorMap* map : {m_medianMap, m_successMap}) {
            if (!map || !map->keyAxis()->axisRect()->rect().contains(p)) continue;
            const int column = int(std::lround(map->keyAxis()->pixelToCoord(p.x())));
            const int row = int(std::lround(map->valueAxis()->pixelToCoord(p.y())));
            if (column < 0 || row < 0 || column >= m_columns || row >= m_rows) return -1;
            return m_cellRuns[std::size_t(column * m_rows + row)];
        }
        return -1;
    }
    int best = -1;
    double bestDistance = kPickRadius;
    for (const Dot& d : m_dots) {
        const double dx = m_plot->xAxis->coordToPixel(d.x) - p.x();
        const double dy = m_plot->yAxis->coordToPixel(d.y) - p.y();
        const double distance = std::hypot(dx, dy);
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = d.run;
        }
    }
    return best;
}

QPoint SweepPlot::positionOf(int run) const {
    if (m_mode == Mode::Heatmaps) {
        for (std::size_t cell = 0; cell < m_cellRuns.size(); ++cell) {
            if (m_cellRuns[cell] != run || !m_medianMap) continue;
            const double column = double(int(cell) / m_rows), row = double(int(cell) % m_rows);
            return m_plot->mapTo(this, QPoint(int(m_medianMap->keyAxis()->coordToPixel(column)),
                                              int(m_medianMap->valueAxis()->coordToPixel(row))));
        }
        return {-1, -1};
    }
    for (const Dot& d : m_dots)
        if (d.run == run)
            return m_plot->mapTo(this, QPoint(int(m_plot->xAxis->coordToPixel(d.x)),
                                              int(m_plot->yAxis->coordToPixel(d.y))));
    return {-1, -1};
}

}  // namespace actlab::ui
