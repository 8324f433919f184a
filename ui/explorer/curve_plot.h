#pragma once
// The explorer's plot: f, f′ and f″ of the current activation with a legend, zero lines, a
// crosshair readout with exact values, the vanishing-gradient and dead zones, pinned reference
// curves and compared activations. It observes an ExplorerState and redraws with queued replots,
// so a fast slider drag coalesces into one paint per frame.

#include <qcustomplot.h>

#include <QList>
#include <QString>
#include <memory>
#include <vector>

#include "activations/curve.h"

namespace actlab::ui {

class CurveCrosshair;
class CurveLegend;
class ExplorerState;
class NetworkZOverlay;
class ZoneShading;

/// A QCustomPlot that shows an ExplorerState.
class CurvePlot : public QCustomPlot {
    Q_OBJECT
public:
    /// Exact values of the current activation at one x.
    struct Readout {
        double x = 0, f = 0, df = 0, d2f = 0;
    };

    /// A plot that follows `state` (not owned; it must outlive the plot).
    explicit CurvePlot(ExplorerState* state, QWidget* parent = nullptr);
    ~CurvePlot() override;

    /// The state the plot shows.
    ExplorerState* state() const { return m_state; }
    /// Shows registry names in `lang` ("en", "zh_CN").
    void setLanguage(const QString& lang);
    /// A value as the readout and the labels show it: 5 significant digits, a true minus sign.
    static QString formatNumber(double v);

    /// The graphs of the current activation. They always exist; a hidden curve or rejected
    /// parameters leave them invisible and empty.
    QCPGraph* fGraph() const { return m_f; }
    QCPGraph* dfGraph() const { return m_df; }
    QCPGraph* d2fGraph() const { return m_d2f; }
    /// Overlay graphs of the pinned curves (f, then f′ and f″ when shown, per pin).
    const QList<QCPGraph*>& pinnedGraphs() const { return m_pinnedGraphs; }
    /// Overlay graphs of the compared activations (f, then f′ and f″ when shown, per activation).
    const QList<QCPGraph*>& compareGraphs() const { return m_compareGraphs; }

    /// The full-resolution samples of the current activation on the x range.
    const Curve& curve() const { return m_curve; }
    /// The shaded zones, as computed by gradientZones on the full-resolution samples.
    const std::vector<Interval>& vanishingZones() const;
    const std::vector<Interval>& deadZones() const;
    /// "The network's z" drawn under the curves (ExplorerState::networkZ).
    const NetworkZOverlay& networkZ() const { return *m_networkZ; }
    /// The legend's rows and place.
    CurveLegend* curveLegend() const { return m_legend.get(); }
    /// The message shown in the plot when the parameters are rejected ("" when none).
    QString message() const;
    /// The title above the plot.
    QString title() const;

    /// f, f′ and f″ evaluated at x by the kernels (never interpolated).
    Readout readoutAt(double x) const;
    /// Shows the crosshair and readout at x, as the mouse does.
    void showCrosshairAt(double x);
    /// Hides the crosshair and readout.
    void hideCrosshair();
    /// The readout as rich text, or "" when the crosshair is hidden.
    const QString& readoutHtml() const { return m_readoutHtml; }

    /// Resets x to [−6, 6] and fits y to the curves.
    void resetView();
    /// Zooms both axes about the centre (factor < 1 zooms in).
    void zoomBy(double factor);
    /// Fits the y axis to the visible curves.
    void fitY();
    /// How curves are drawn while a drag lasts.
    enum class LiveQuality {
        Auto,         ///< antialiased unless an antialiased replot exceeds kLiveBudgetMs
        Antialiased,  ///< always antialiased
        Fast,         ///< never antialiased during the drag
    };
    /// An antialiased replot slower than this (ms, running average) drops antialiasing during
    /// drags in Auto mode: slow machines and high-DPI projectors keep 60 frames per second.
    static constexpr double kLiveBudgetMs = 6.0;

    /// Live update during a drag of a slider: until it ends, the curves may be drawn without
    /// antialiasing (see LiveQuality). Axis drags do the same through QCustomPlot.
    void setLiveUpdate(bool on);
    bool liveUpdate() const { return m_live; }
    /// How a live update draws; Auto by default.
    void setLiveQuality(LiveQuality quality);
    LiveQuality liveQuality() const { return m_liveQuality; }
    /// True while the curves are drawn without antialiasing.
    bool antialiasingDropped() const { return m_aaDropped; }
    /// Draws about one point per device pixel (min/max per bucket) instead of every sample.
    void setDecimation(bool on);
    /// True when display decimation is on (the default).
    bool decimation() const { return m_decimate; }
    /// True while the current curves have a paint buffer of their own (overlays are shown), so a
    /// parameter change redraws them without the overlays.
    bool layered() const { return m_layered; }

signals:
    /// The crosshair moved or was hidden; `html` is "" when hidden.
    void readoutChanged(const QString& html);
    /// The user zoomed or panned with the mouse (the x range follows in the state).
    void viewChangedByUser();

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Overlay {
        ActivationCall call;
        Curve curve;
    };

    void retranslate();
    /// Colours, fonts and line widths from the theme and the presentation scale.
    void applyAppearance();
    void setupAxes();
    void setupItems();
    QCPGraph* newGraph(QCPLayer* layer);

    void onActivationChanged();
    void onParamsChanged();
    void onXRangeChanged();
    void onUserRangeChanged();

    /// Evaluates `call` on the current x grid into `out`.
    void sample(const ActivationCall& call, Curve& out) const;
    void sampleCurrent();
    void rebuildOverlays();
    /// Copies samples into a graph for display (decimated when enabled).
    void setGraphData(QCPGraph* graph, const std::vector<double>& x, const std::vector<double>& y);
    void updateCurrentGraphs();
    void updateOverlayGraphs();
    void updateZones();
    void updateNetworkZ();
    void updateStyles();
    void updateLegend();
    void updateTitle();
    /// The plot's name and text alternative for screen readers.
    void updateAccessibleText();
    void updateMessage();
    void expandY();
    void applyXRange();
    /// Min and max of the visible curves over finite values; false when there are none.
    bool dataYRange(double& lo, double& hi) const;
    void setYRange(double lo, double hi);
    int bucketCount() const;
    void queueReplot();
    /// Redraws only the "main" layer (current curves, zones, title), queued.
    void queueMainReplot();
    /// Gives the "main" layer a paint buffer of its own (while overlays are shown).
    void setLayered(bool on);

    ExplorerState* m_state;
    std::vector<double> m_xs;
    Curve m_curve;
    std::vector<Overlay> m_pinned;
    std::vector<Overlay> m_compared;
    std::vector<int> m_indices;

    QCPGraph* m_f = nullptr;
    QCPGraph* m_df = nullptr;
    QCPGraph* m_d2f = nullptr;
    std::unique_ptr<CurveLegend> m_legend;
    QList<QCPGraph*> m_pinnedGraphs;
    QList<QCPGraph*> m_compareGraphs;
    QCPTextElement* m_title = nullptr;
    QCPItemText* m_message = nullptr;
    std::unique_ptr<CurveCrosshair> m_crosshair;
    std::unique_ptr<ZoneShading> m_zones;
    std::unique_ptr<NetworkZOverlay> m_networkZ;
    QCPLayer* m_mainLayer = nullptr;
    QCPLayer* m_overlayLayer = nullptr;

    QString m_lang = QStringLiteral("en");
    QString m_readoutHtml;
    bool m_yAuto = true;
    bool m_settingRange = false;
    bool m_live = false;
    bool m_aaDropped = false;
    LiveQuality m_liveQuality = LiveQuality::Auto;
    bool m_decimate = true;
    bool m_layered = false;
    bool m_mainReplotQueued = false;
    int m_buckets = 0;
};

}  // namespace actlab::ui
