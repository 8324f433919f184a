#include "network/loss_chart.h"

#include <algorithm>
#include <cmath>

#include "common/accessibility.h"
#include "common/legend_control.h"
#include "common/plot_style.h"
#include "network/network_style.h"

namespace actlab::ui {

namespace {

const std::vector<MetricSample> kNoSamples;

class MinusTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override {
        QString label = QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision);
        if (label.startsWith(QLatin1Char('-'))) label[0] = QChar(0x2212);
        return label;
    }
};

}  // namespace

LossChart::LossChart(QWidget* parent) : QCustomPlot(parent) {
    setPlottingHint(QCP::phFastPolylines, true);
    setNotAntialiasedElements(QCP::aeGrid | QCP::aeAxes);
    xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    yAxis->setTicker(QSharedPointer<MinusTicker>::create());
    style::keepTickLabelsApart(this, 5);  // epochs up to 100,000 in a narrow chart
    yAxis->ticker()->setTickCount(4);
    axisRect()->setupFullAxesBox(false);
    xAxis2->setVisible(false);
    yAxis2->setVisible(false);
    legend->setBorderPen(Qt::NoPen);
    legend->setRowSpacing(-2);
    m_legendControl = new LegendControl(this, LegendControl::Place::TopRight);
    // Rows that explain the line styles when several networks share the chart.
    m_testKey = addGraph();
    m_trainKey = addGraph();
    setNetworks({}, {});
    connect(&Appearance::instance(), &Appearance::changed, this, &LossChart::applyAppearance);
    applyAppearance();
}

void LossChart::applyAppearance() {
    const ThemeColors& c = style::colors();
    setBackground(c.plotBackground);
    style::styleSmallChartAxis(xAxis, 12, 2);
    style::styleSmallChartAxis(yAxis, 12, 2);
    legend->setFont(style::plotFont(12));
    legend->setTextColor(c.plotText);
    QColor brush = c.plotBackground;
    brush.setAlpha(215);
    legend->setBrush(brush);
    legend->setIconSize(int(std::lround(style::width(22))), int(std::lround(style::width(10))));
    for (Series& s : m_series) styleSeries(s);
    m_testKey->setPen(QPen(c.plotText, style::width(2.5)));
    m_trainKey->setPen(QPen(c.plotText, style::width(1.6), Qt::DashLine));
    retranslate();
}

void LossChart::setNetworks(const QStringList& names, const std::vector<QColor>& colors) {
    for (Series& s : m_series) {
        removeGraph(s.test);
        removeGraph(s.train);
    }
    m_series.clear();
    // More than three rows would cover the curves: beside the chart instead.
    m_legendControl->setPlace(names.size() > 3 ? LegendControl::Place::OutsideRight
                                               : LegendControl::Place::TopRight);
    const int count = std::max<int>(1, static_cast<int>(names.size()));
    for (int k = 0; k < count; ++k) {
        Series s;
        s.name = k < names.size() ? names[k] : QString();
        s.color = k < static_cast<int>(colors.size()) ? colors[std::size_t(k)] : QColor();
        s.test = addGraph();
        s.train = addGraph();
        m_series.push_back(std::move(s));
    }
    for (Series& s : m_series) styleSeries(s);
    retranslate();
    fitRanges();
}

void LossChart::setNames(const QStringList& names) {
    for (int k = 0; k < networkCount() && k < names.size(); ++k)
        if (!m_series[std::size_t(k)].name.isEmpty()) m_series[std::size_t(k)].name = names[k];
    retranslate();
}

void LossChart::styleSeries(Series& s) {
    const bool single = m_series.size() == 1 && s.name.isEmpty();
    if (single) {
        // One network: test loss dark and solid, training loss grey (as in the output header).
        s.test->setPen(QPen(style::colors().plotText, style::width(2.5)));
        s.train->setPen(QPen(style::colors().seriesMuted, style::width(2.0)));
    } else {
        QPen test(s.color, style::width(2.5));
        QPen train(s.color, style::width(1.6), Qt::DashLine);
        s.test->setPen(test);
        s.train->setPen(train);
    }
    s.test->setVisible(m_showTest);
    s.train->setVisible(m_showTrain);
}

void LossChart::updateLegend() {
    legend->clearItems();
    const bool single = m_series.size() == 1 && m_series.front().name.isEmpty();
    for (Series& s : m_series) {
        if (single) {
            if (m_showTest) s.test->addToLegend();
            if (m_showTrain) s.train->addToLegend();
        } else {
            // One row per network, with the style of its shown curve; two rows below explain
            // solid and dashed once.
            (m_showTest ? s.test : s.train)->addToLegend();
        }
    }
    if (!single && m_showTest && m_showTrain) {
        m_testKey->addToLegend();
        m_trainKey->addToLegend();
    }
    m_legendControl->refresh();
}

void LossChart::retranslate() {
    xAxis->setLabel(tr("Epoch"));
    const bool single = m_series.size() == 1 && m_series.front().name.isEmpty();
    // Short labels: they must fit the chart's height at any scale; the legend explains the
    // line styles.
    const bool both = m_showTest && m_showTrain;
    if (m_metric == Metric::Loss)
        yAxis->setLabel(single || both ? tr("Loss")
                        : m_showTest   ? tr("Test loss")
                                       : tr("Training loss"));
    else
        yAxis->setLabel(single || both || m_showTest ? tr("Accuracy (%)")
                                                     : tr("Training accuracy (%)"));
    m_testKey->setName(tr("test (solid)"));
    m_trainKey->setName(tr("training (dashed)"));
    for (Series& s : m_series) {
        if (single) {
            s.test->setName(tr("Test"));
            s.train->setName(tr("Training"));
        } else {
            s.test->setName(s.name);
            s.train->setName(s.name);
        }
    }
    updateLegend();
    netstyle::replotIfShown(this);
}

void LossChart::resizeEvent(QResizeEvent* event) {
    if (event->size().isEmpty()) return QWidget::resizeEvent(event);  // see BoundaryPlot
    QCustomPlot::resizeEvent(event);
}

void LossChart::showEvent(QShowEvent* event) {
    QCustomPlot::showEvent(event);
    refresh();
}

void LossChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QCustomPlot::changeEvent(event);
}

const std::vector<MetricSample>& LossChart::samples(int k) const {
    if (k < 0 || k >= networkCount()) return kNoSamples;
    return m_series[std::size_t(k)].samples;
}

double LossChart::valueOf(const MetricSample& s, bool test) const {
    if (m_metric == Metric::Accuracy) return 100.0 * (test ? s.testAccuracy : s.trainAccuracy);
    const double v = test ? s.testLoss : s.trainLoss;
    // A log axis cannot show 0: such points become gaps rather than a plunge to the floor.
    if (m_log && !(v > 0)) return std::nan("");
    return v;
}

void LossChart::addSamples(int k, const std::vector<MetricSample>& samples, bool restart) {
    if (k < 0 || k >= networkCount()) return;
    Series& s = m_series[std::size_t(k)];
    if (restart) s.samples.clear();
    const std::size_t before = s.samples.size();
    s.samples.insert(s.samples.end(), samples.begin(), samples.end());
    thinSamples(s.samples);
    if (restart || s.samples.size() < before + samples.size()) {
        rebuild(s);  // thinned: the graph is rebuilt from the kept samples
    } else {
        append(s, samples);
    }
}

void LossChart::append(Series& s, const std::vector<MetricSample>& samples) {
    QVector<double> keys, test, train;
    keys.reserve(static_cast<qsizetype>(samples.size()));
    for (const MetricSample& m : samples) {
        keys.append(m.epoch);
        test.append(valueOf(m, true));
        train.append(valueOf(m, false));
    }
    s.test->addData(keys, test, true);
    s.train->addData(keys, train, true);
}

void LossChart::rebuild(Series& s) {
    s.test->data()->clear();
    s.train->data()->clear();
    append(s, s.samples);
}

void LossChart::setMetric(Metric metric) {
    if (metric == m_metric) return;
    m_metric = metric;
    for (Series& s : m_series) rebuild(s);
    retranslate();
    refresh();
}

void LossChart::setLogScale(bool on) {
    if (on == m_log) return;
    m_log = on;
    for (Series& s : m_series) rebuild(s);
    refresh();
}

void LossChart::setShowTest(bool show) {
    m_showTest = show;
    for (Series& s : m_series) styleSeries(s);
    updateLegend();
    refresh();
}

void LossChart::setShowTrain(bool show) {
    m_showTrain = show;
    for (Series& s : m_series) styleSeries(s);
    retranslate();
    refresh();
}

void LossChart::fitRanges() {
    int lastEpoch = 0;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (const Series& s : m_series) {
        if (!s.samples.empty()) lastEpoch = std::max(lastEpoch, s.samples.back().epoch);
        for (const MetricSample& m : s.samples)
            for (bool test : {true, false}) {
                if ((test && !m_showTest) || (!test && !m_showTrain)) continue;
                const double v = valueOf(m, test);
                if (!std::isfinite(v)) continue;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    }
    xAxis->setRange(0, std::max(10, lastEpoch));
    const bool logLoss = m_log && m_metric == Metric::Loss;
    yAxis->setScaleType(logLoss ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logLoss) {
        yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        yAxis->setNumberFormat(QStringLiteral("eb"));
        yAxis->setNumberPrecision(0);
    } else if (!yAxis->ticker().dynamicCast<MinusTicker>()) {
        yAxis->setTicker(QSharedPointer<MinusTicker>::create());
        yAxis->setNumberFormat(QStringLiteral("gb"));
        yAxis->setNumberPrecision(3);
    }
    if (m_metric == Metric::Accuracy) {
        yAxis->setRange(std::isfinite(lo) ? std::min(50.0, std::floor(lo / 10) * 10) : 0, 100.5);
    } else if (logLoss) {
        if (!std::isfinite(lo)) lo = 0.01, hi = 1;
        yAxis->setRange(lo / 1.5, hi * 1.5);
    } else {
        yAxis->setRange(0, std::isfinite(hi) && hi > 0 ? hi * 1.08 : 1.0);
    }
}

void LossChart::refresh() {
    fitRanges();
    updateAccessibleText();
    netstyle::replotIfShown(this);
}

void LossChart::updateAccessibleText() {
    // A screen reader hears the chart's last values, network by network.
    QStringList last;
    for (const Series& s : m_series) {
        if (s.samples.empty()) continue;
        const MetricSample& m = s.samples.back();
        const QString train = QString::number(valueOf(m, false), 'g', 4);
        const QString test = QString::number(valueOf(m, true), 'g', 4);
        last << (s.name.isEmpty() ? tr("epoch %1: training %2, test %3").arg(m.epoch).arg(train, test)
                                  : tr("%1 at epoch %2: training %3, test %4")
                                        .arg(s.name).arg(m.epoch).arg(train, test));
    }
    describeForScreenReaders(this, tr("Loss over the epochs"),
                             last.isEmpty() ? tr("No epochs yet") : last.join(QStringLiteral("; ")));
}

}  // namespace actlab::ui
