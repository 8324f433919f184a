#pragma once
// "Why" view 1, operating points: where the network's inputs sit on its activation curves. One
// plot per hidden layer draws the histogram of the layer's pre-activations z over the training
// set under the layer's f and f′, with the explorer's dead zone (f′ = 0) and vanishing zone
// (|f′| < ε) shaded and the share of (unit, example) pairs in each printed; "then and now" adds
// the histogram of the network the run started from; a chart below follows the shares over the
// epochs. Clicking a layer's plot asks for the explorer on that activation.

#include <qcustomplot.h>

#include <QWidget>
#include <vector>

#include "activations/activation_spec.h"
#include "common/network_z.h"
#include "inspect/operating_points.h"
#include "nn/network.h"

class QCheckBox;
class QLabel;
class QVBoxLayout;

namespace actlab::ui {

/// The plot of one hidden layer: histogram bars (right axis, % of pairs), f and f′ (left axis)
/// and the zone shading.
class OperatingPointsPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit OperatingPointsPlot(QWidget* parent = nullptr);

    /// The layer: its title, activation and parameters (the curves and zones follow them).
    void setLayer(const QString& title, const ActivationSpec* spec, const ParamValues& params,
                  double epsilon);
    /// The layer's pre-activations now, and (empty: none) at the start of the run.
    void setValues(std::span<const double> now, std::span<const double> then, double halfRange);
    /// The title's zone shares.
    void setShares(const inspect::ZoneShares& shares);
    /// All of the above for hidden layer `layer` (0-based) of `net`: its z over the points of
    /// `now` (and of `then`, when given) in a window that stays steady between calls (it grows at
    /// once and shrinks only when the data fills less than half). Returns the zone shares.
    inspect::ZoneShares showLayer(const QString& title, const nn::Mlp& net, int layer,
                                  const inspect::OperatingPoints& now,
                                  const inspect::OperatingPoints* then, double epsilon);
    /// A smaller plot (compare mode's cards): lower, without axis labels.
    void setCompact(bool compact);

    QCPBars* nowBars() const { return m_now; }
    QCPGraph* thenGraph() const { return m_then; }
    QCPGraph* fGraph() const { return m_f; }
    QCPGraph* dfGraph() const { return m_df; }
    const QString& titleText() const { return m_titleText; }
    /// Shaded intervals of the last setValues: dead, then vanishing (x from, x to).
    const std::vector<std::pair<double, double>>& deadZones() const { return m_deadZones; }
    const std::vector<std::pair<double, double>>& vanishingZones() const { return m_vanZones; }

signals:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void restyle();
    void updateCurves(double halfRange);

    QCPTextElement* m_title;
    QCPBars* m_now;
    QCPGraph* m_then;
    QCPGraph* m_f;
    QCPGraph* m_df;
    std::vector<QCPItemRect*> m_zones;
    std::vector<std::pair<double, double>> m_deadZones, m_vanZones;
    const ActivationSpec* m_spec = nullptr;
    ParamValues m_params{};
    double m_epsilon = 0.01;
    double m_halfRange = 0;
    double m_steadyHalf = 0;  ///< showLayer's window
    bool m_compact = false;
    std::vector<double> m_scratch;
    QString m_layerTitle, m_titleText;
    std::vector<double> m_edges;
    inspect::Histogram m_hist;
};

/// The panel: a plot per hidden layer, the "then and now" toggle and the shares over epochs.
class OperatingPointsPanel : public QWidget {
    Q_OBJECT
public:
    explicit OperatingPointsPanel(QWidget* parent = nullptr);

    /// The network at `epoch` over the training points; `initial` is where the run started.
    /// `names` gives each hidden layer's activation name.
    void update(const nn::Mlp& net, const nn::Mlp& initial, const nn::FeatureTable& train,
                int epoch, const QStringList& names);
    /// The ε of the vanishing zone (the explorer's default 0.01).
    static constexpr double kEpsilon = 0.01;

    int plotCount() const { return int(m_plots.size()); }
    OperatingPointsPlot* plot(int layer) const { return m_plots[std::size_t(layer)]; }
    QCustomPlot* sharesChart() const { return m_shares; }
    QCheckBox* thenToggle() const { return m_thenBox; }
    /// The shares of the last update, per hidden layer.
    const std::vector<inspect::ZoneShares>& shares() const { return m_lastShares; }

signals:
    /// A layer's plot was clicked: open the explorer on its activation and parameters.
    void explorerRequested(const QString& id, const ParamValues& params, const NetworkZ& z);

protected:
    void changeEvent(QEvent* event) override;

private:
    void ensurePlots(int layers);
    void addSharePoint(int epoch);
    void retranslate();

    QCheckBox* m_thenBox;
    QLabel* m_hint;
    QVBoxLayout* m_plotsLayout;
    std::vector<OperatingPointsPlot*> m_plots;
    QCustomPlot* m_shares;
    inspect::OperatingPoints m_nowPoints, m_thenPoints;
    std::vector<inspect::ZoneShares> m_lastShares;
    int m_lastEpoch = -1;
    std::vector<std::string> m_layerIds;  ///< each layer's activation id, for the explorer
    std::vector<ParamValues> m_layerParams;
};

}  // namespace actlab::ui
