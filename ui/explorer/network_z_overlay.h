#pragma once
// "The network's z" on the explorer's plot: the histogram of a hidden layer's pre-activations
// (sent from the network page) as light bars under the curves, over the x range shown, with a
// caption under the plot's title (never over a curve) that says where they come from and how
// many of them the range holds. The bars use the plot's right axis, hidden, scaled so that the
// tallest reaches 40 % of the height.

#include <QString>
#include <span>
#include <vector>

#include "inspect/operating_points.h"

class QCPBars;
class QCPTextElement;
class QCPLayer;
class QCustomPlot;

namespace actlab::ui {

class NetworkZOverlay {
public:
    /// Bars on `layer` of `plot`, under the curves drawn above it.
    NetworkZOverlay(QCustomPlot* plot, QCPLayer* layer);

    /// The histogram of `z` over [lo, hi] in kBins bins (% of all values); hidden when not
    /// `shown` or `z` is empty. `source` says where the values come from.
    void update(std::span<const double> z, double lo, double hi, bool shown,
                const QString& source);
    void applyAppearance();
    ~NetworkZOverlay();

    QCPBars* bars() const { return m_bars; }
    QCPTextElement* caption() const { return m_caption; }
    /// The share of the values inside [lo, hi] at the last update.
    double shareInRange() const { return m_inRange; }

    static constexpr int kBins = 60;

private:
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QCPTextElement* m_caption;  ///< row 1 of the plot's layout while shown, else out of it
    bool m_captionPlaced = false;
    std::vector<double> m_edges;
    inspect::Histogram m_hist;
    double m_inRange = 0;
};

}  // namespace actlab::ui
