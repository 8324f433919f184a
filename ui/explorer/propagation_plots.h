#pragma once
// The plots of the signal-propagation view (PropagationView): the χ₁ phase diagram over
// (σ_w², σ_b²) with the critical line, the current choice and the inits; the length and
// correlation maps with their fixed points; q_l and c_l over depth; the gradient ratio ∏χ; and
// the mean/variance map. Each plot is filled from the core's results (core/theory); the view
// decides when.

#include <QObject>
#include <QString>
#include <vector>

#include "theory/mean_field.h"
#include "theory/propagation_figures.h"
#include "theory/wide_network.h"

class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemText;
class QCustomPlot;
class QLabel;
class QWidget;

namespace actlab::ui {

/// The phase diagram's grid: σ_w² on x, σ_b² on y.
struct PhaseGrid {
    static constexpr int kColumns = 100, kRows = 100;
    static constexpr double kSigmaW2Max = 4.0, kSigmaB2Max = 0.5;
    std::vector<double> sigmaW2, sigmaB2;  ///< cell centres
    PhaseGrid();
};

/// A point marked on the phase diagram: an initialisation for the chosen fan-in.
struct InitMark {
    QString name;
    theory::Variances v;
};

class PropagationPlots : public QObject {
    Q_OBJECT
public:
    explicit PropagationPlots(QWidget* parent);

    QCustomPlot* phase() const { return m_phase; }
    QCustomPlot* lengthMap() const { return m_length; }
    QCustomPlot* correlationMap() const { return m_correlation; }
    QCustomPlot* depth() const { return m_depth; }
    QCustomPlot* gradients() const { return m_gradients; }
    QCustomPlot* meanMap() const { return m_mean; }
    /// Shown instead of the mean map for odd activations.
    QLabel* meanNote() const { return m_meanNote; }

    /// χ₁ on the grid (row-major, rows σ_b²) and the critical line (σ_w² at each σ_b², NaN where
    /// the line does not cross); empty χ₁ clears the diagram ("computing…").
    void setPhase(const std::vector<double>& chi1, const std::vector<double>& criticalB2,
                  const std::vector<double>& criticalW2);
    /// The current (σ_w², σ_b²) and the inits.
    void setMarks(theory::Variances current, const std::vector<InitMark>& inits);
    /// The maps, depth curves and mean map.
    void setFigures(const theory::PropagationFigures& figures);
    /// The simulated wide network over the depth curves (empty: none).
    void setSimulation(const theory::SimulationResult& simulation);
    /// The value of log₂ χ₁ shown at (σ_w², σ_b²) in the diagram (NaN before it is computed).
    double phaseValueAt(double sigmaW2, double sigmaB2) const;
    /// The number of simulated points drawn over the depth curves.
    int simulatedPoints() const;

    void retranslate();
    void restyle();

signals:
    /// The phase diagram was clicked at (σ_w², σ_b²).
    void phaseClicked(double sigmaW2, double sigmaB2);

private:
    QCustomPlot* makePlot(QWidget* parent, const QString& objectName);
    void replotAll();

    QCustomPlot* m_phase;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
    QCPGraph* m_critical = nullptr;
    QCPGraph* m_current = nullptr;
    QCPGraph* m_initDots = nullptr;
    std::vector<QCPItemText*> m_initLabels;
    QCPItemText* m_computing = nullptr;

    QCustomPlot* m_length;
    QCPGraph* m_lengthCurve = nullptr;
    QCPGraph* m_lengthIdentity = nullptr;
    QCPGraph* m_lengthFixed = nullptr;

    QCustomPlot* m_correlation;
    QCPGraph* m_corrCurve = nullptr;
    QCPGraph* m_corrIdentity = nullptr;
    QCPGraph* m_corrFixed = nullptr;

    QCustomPlot* m_depth;
    QCPGraph* m_q = nullptr;
    QCPGraph* m_c = nullptr;
    QCPGraph* m_qSim = nullptr;
    QCPGraph* m_cSim = nullptr;

    QCustomPlot* m_gradients;
    QCPGraph* m_ratio = nullptr;
    QCPGraph* m_ratioSim = nullptr;

    QCustomPlot* m_mean;
    QCPGraph* m_mu = nullptr;
    QCPGraph* m_nu = nullptr;
    QCPGraph* m_muFixed = nullptr;
    QCPGraph* m_nuFixed = nullptr;
    QLabel* m_meanNote;
};

}  // namespace actlab::ui
