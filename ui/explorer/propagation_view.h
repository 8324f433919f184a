#pragma once
// The explorer's "Signal propagation" view: what the mean-field theory of wide random networks
// says about the explorer's activation with its current parameters (docs/signal-propagation.md).
// σ_w², σ_b² and the depth are chosen with sliders, a preset init or a click on the phase
// diagram; the figures are computed on worker threads (the window never waits for them) and a
// simulated network of width 512 is drawn over the theory.

#include <QString>
#include <QThreadPool>
#include <QWidget>
#include <atomic>
#include <memory>

#include "theory/mean_field.h"
#include "theory/propagation_figures.h"
#include "theory/wide_network.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;

namespace actlab::ui {

class ExplorerState;
class PropagationPlots;
struct InitMark;

class PropagationView : public QWidget {
    Q_OBJECT
public:
    /// The width and input pairs of the simulated network.
    static constexpr int kSimulationWidth = 512;
    static constexpr int kSimulationPairs = 4;

    PropagationView(ExplorerState* state, QWidget* parent = nullptr);
    /// Waits for the worker threads.
    ~PropagationView() override;

    theory::Variances variances() const { return m_v; }
    /// Sets σ_w² and σ_b² (the sliders follow) and recomputes.
    void setVariances(theory::Variances v);
    int depth() const;
    void setDepth(int depth);
    /// The fan-in for which the Playground init is placed (σ_w² = fan-in/12).
    void setFanIn(int fanIn);
    /// Draws (and keeps recomputing) the simulated wide network over the theory.
    void setSimulating(bool on);
    bool isSimulating() const;
    /// The inits as placed on the phase diagram for the current fan-in.
    std::vector<InitMark> initMarks() const;

    /// True once the figures, the phase diagram and (when on) the simulation for the current
    /// activation and settings are on screen.
    bool isUpToDate() const;
    /// The latest figures shown (for tests and the summary).
    const theory::PropagationFigures& figures() const { return m_figures; }
    const theory::SimulationResult& simulation() const { return m_simulation; }
    PropagationPlots* plots() const { return m_plots; }
    /// The summary line: q*, χ₁, c*, the phase and the depth scales, in words.
    QString summaryText() const;

    void setLanguage(const QString& lang);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void buildControls();
    void retranslate();
    void activationChanged();
    void settingsChanged();
    void startFigures();
    void startPhase();
    void startSimulation();
    void showFigures(const theory::PropagationFigures& figures, long generation);
    void updateMarks();
    void updateSummary();
    void syncControls();

    ExplorerState* m_state;
    PropagationPlots* m_plots = nullptr;
    QThreadPool m_pool;
    QString m_lang = QStringLiteral("en");
    theory::Variances m_v{1.0, 0.0};
    int m_fanIn = 8;

    QLabel* m_heading = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_wLabel = nullptr;
    QLabel* m_bLabel = nullptr;
    QLabel* m_depthLabel = nullptr;
    QLabel* m_presetLabel = nullptr;
    QLabel* m_fanInLabel = nullptr;
    QSlider* m_wSlider = nullptr;
    QDoubleSpinBox* m_wSpin = nullptr;
    QSlider* m_bSlider = nullptr;
    QDoubleSpinBox* m_bSpin = nullptr;
    QSpinBox* m_depthSpin = nullptr;
    QSpinBox* m_fanInSpin = nullptr;
    QComboBox* m_preset = nullptr;
    QCheckBox* m_simulate = nullptr;

    // Each computation carries the generation it was started for; a result of an older one is
    // dropped. The phase diagram's generation changes only with the activation.
    std::shared_ptr<std::atomic<long>> m_phaseGeneration = std::make_shared<std::atomic<long>>(0);
    long m_figuresGeneration = 0, m_figuresShown = -1;
    long m_simulationGeneration = 0, m_simulationShown = -1;
    long m_phaseShown = -1;
    bool m_figuresBusy = false, m_simulationBusy = false;
    bool m_phaseStale = true;
    bool m_dragging = false;  ///< a σ slider is held: coarser quadrature until it is released
    theory::PropagationFigures m_figures;
    theory::SimulationResult m_simulation;
};

}  // namespace actlab::ui
