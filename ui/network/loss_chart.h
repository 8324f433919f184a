#pragma once
// Training and test loss (or accuracy) against epochs, for one network or, overlaid, for every
// network of a comparison. The chart keeps its own sampled history (see MetricSample), so it
// never grows beyond a few thousand points however long training runs.

#include <qcustomplot.h>

#include <QStringList>
#include <vector>

#include "network/training_snapshot.h"

namespace actlab::ui {

class LegendControl;

/// A line chart of the loss or the accuracy.
class LossChart : public QCustomPlot {
    Q_OBJECT
public:
    enum class Metric { Loss, Accuracy };

    explicit LossChart(QWidget* parent = nullptr);

    /// One series per network: names (empty for a single network) and colours. Clears the data.
    void setNetworks(const QStringList& names, const std::vector<QColor>& colors);
    /// Renames the series (another language) without touching their data.
    void setNames(const QStringList& names);
    /// Appends samples to network k's series; `restart` drops what it held first.
    void addSamples(int k, const std::vector<MetricSample>& samples, bool restart);
    /// The samples held for network k.
    const std::vector<MetricSample>& samples(int k) const;
    int networkCount() const { return static_cast<int>(m_series.size()); }

    /// Loss or accuracy on the y axis.
    void setMetric(Metric metric);
    Metric shownMetric() const { return m_metric; }
    /// A logarithmic loss axis.
    void setLogScale(bool on);
    bool logScale() const { return m_log; }
    /// Shows the test series (hidden when the data has no test points) and the training series.
    void setShowTest(bool show);
    void setShowTrain(bool show);
    /// Re-reads the axis ranges and queues a repaint (after adding samples).
    void refresh();
    /// Shows axis labels in the current language.
    void retranslate();

    /// The test and training graphs of network k (for tests).
    QCPGraph* testGraph(int k) const { return m_series[std::size_t(k)].test; }
    QCPGraph* trainGraph(int k) const { return m_series[std::size_t(k)].train; }
    /// Where the legend is and whether it shows.
    LegendControl* legendControl() const { return m_legendControl; }

protected:
    void showEvent(QShowEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Series {
        QString name;
        QColor color;
        std::vector<MetricSample> samples;
        QCPGraph* train = nullptr;
        QCPGraph* test = nullptr;
    };
    void rebuild(Series& s);
    void append(Series& s, const std::vector<MetricSample>& samples);
    double valueOf(const MetricSample& s, bool test) const;
    void styleSeries(Series& s);
    /// Colours, fonts and line widths from the theme and the presentation scale.
    void applyAppearance();
    void updateLegend();
    /// The chart's name and last values for screen readers.
    void updateAccessibleText();
    void fitRanges();

    std::vector<Series> m_series;
    LegendControl* m_legendControl = nullptr;
    QCPGraph* m_testKey = nullptr;   ///< legend row: solid = test
    QCPGraph* m_trainKey = nullptr;  ///< legend row: dashed = training
    Metric m_metric = Metric::Loss;
    bool m_log = false;
    bool m_showTest = true;
    bool m_showTrain = true;
};

}  // namespace actlab::ui
