#pragma once
// The mini-network page: train a small network on 2D data live and watch how each activation
// shapes the decision boundary, how gradients flow, and, in compare mode, several activations side
// by side from the same start. It composes the panels around one nn::Session (the model of the
// page) and a TrainingWorker that trains in its own thread; the page only sends commands and shows
// the snapshots the worker publishes.

#include <QString>
#include <QWidget>
#include <cstdint>
#include <memory>

#include "data_edit.h"
#include "nn/grid.h"
#include "nn/session.h"
#include "plot_export.h"
#include "training_snapshot.h"

class QAction;
class QButtonGroup;
class QLabel;
class QStackedWidget;
class QToolButton;
class QUndoStack;

namespace actlab::ui {

class AppSettings;
class CompareView;
class DatasetPanel;
class ExplorerState;
class HealthView;
class LayerControls;
class ModelSetupPanel;
class NetworkDiagram;
class OutputPanel;
class TrainingBar;
class TrainingWorker;

/// The network page of the main window.
class NetworkPage : public QWidget {
    Q_OBJECT
public:
    /// The page's main views.
    enum class View { Network, Compare, Health };

    /// A page with the default session. `explorer` (optional) is kept showing the selected
    /// layer's activation and parameters, and its parameter changes reach the network.
    explicit NetworkPage(ExplorerState* explorer = nullptr, QWidget* parent = nullptr);
    /// Stops training and joins the worker.
    ~NetworkPage() override;

    // --- the session ---------------------------------------------------------------------------
    /// The experiment as it stands (without weights): what Save writes.
    const nn::Session& session() const { return m_session; }
    /// The session with the network's current weights and epoch (a single network; in compare
    /// mode the session without weights, since each member has its own).
    nn::Session trainedSession() const;
    /// Shows a session (a lesson, an opened file): its data, network, settings, compare set and
    /// view hints; training starts from epoch 0, paused. Returns "" on success; an invalid
    /// session changes nothing and returns the reason.
    QString applySession(const nn::Session& session);
    /// The data shown and trained on.
    const nn::Dataset& data() const { return m_data; }

    // --- training ------------------------------------------------------------------------------
    void setPlaying(bool playing);
    /// True while training runs (as last reported by the worker, or just asked for).
    bool isPlaying() const { return m_playing; }
    /// Pauses and trains exactly one epoch.
    void stepEpoch();
    /// Pauses and restores the initial weights.
    void resetTraining();
    /// Trains exactly `epochs` more epochs, then pauses.
    void trainEpochs(int epochs);
    /// Epochs per frame (1 … 1000).
    void setEpochsPerFrame(int epochs);
    int epochsPerFrame() const { return m_epochsPerFrame; }
    /// Frames per second the worker aims at (default 60).
    void setFrameRate(double fps);
    /// Live settings.
    void setLearningRate(double rate);
    void setBatchSize(int size);
    void setRegularization(nn::Regularization kind, double rate);
    /// Settings that start training again.
    void setOptimizer(nn::OptimizerKind kind);
    void setInit(nn::InitKind init);
    void setSeed(std::uint64_t seed);
    void setOutput(nn::OutputKind kind);
    /// The latest snapshot shown, or null before the first.
    const std::shared_ptr<const TrainingSnapshot>& latestSnapshot() const { return m_latest; }
    /// The epoch of the shown network in the latest snapshot.
    int epoch() const;
    /// The worker.
    TrainingWorker* worker() const { return m_worker; }

    // --- layers --------------------------------------------------------------------------------
    /// Selects hidden layer `layer` for the layer controls (and shows its activation in the
    /// explorer).
    void selectLayer(int layer);
    int selectedLayer() const { return m_selectedLayer; }
    /// Gives hidden layer `layer` (−1: every layer) activation `id` with its default parameters.
    /// Training starts again. False for an unknown id or layer.
    bool setLayerActivation(int layer, const QString& id);
    /// Sets a parameter of hidden layer `layer` (and, with "same for every layer", of the others
    /// with the same activation) live. False when the layer has no such parameter or the value is
    /// rejected.
    bool setLayerParameter(int layer, const QString& paramId, double value);
    void addLayer();
    void removeLayer();
    void changeNeurons(int layer, int delta);
    void setFeature(nn::Feature feature, bool on);

    // --- compare mode --------------------------------------------------------------------------
    /// Trains `ids` (2 … 8 registry ids) side by side; an empty list ends compare mode. Returns
    /// "" or the reason the set is refused.
    QString setCompare(const QStringList& ids);
    QStringList compared() const;
    /// Opens compare member k in the full view.
    void openMember(int k);
    /// The network shown in the full view (0 in single mode).
    int focus() const { return m_focus; }

    // --- data ----------------------------------------------------------------------------------
    /// Adds a training point at (x, y): class A (left click) or class B (right or Shift click).
    void addPoint(double x, double y, bool classB);
    /// Removes the point nearest (x, y) within `radius`; false when there is none.
    bool erasePoint(double x, double y, double radius);
    void clearPoints();
    void regenerateData();
    void setDatasetKind(nn::DatasetKind kind);
    void setDatasetSpec(const nn::DatasetSpec& spec);
    /// Reads points from CSV; "" or a message with the line number (the data is then unchanged).
    QString importCsv(const QString& path);
    QString exportCsv(const QString& path) const;
    QUndoStack* undoStack() const { return m_undo; }

    // --- views ---------------------------------------------------------------------------------
    void showView(View view);
    View currentView() const;
    /// Saves the decision boundary or the loss chart (PNG, SVG, PDF); "" or a message.
    QString exportBoundary(const QString& path, PlotExport::Format format, double scale = 1.0);
    QString exportLossChart(const QString& path, PlotExport::Format format, double scale = 1.0);
    /// Saves the view shown (network diagram, comparison grid or gradient health) whole.
    QString exportCurrentView(const QString& path, PlotExport::Format format, double scale = 1.0);
    void setPngScale(int scale) { m_pngScale = scale; }
    /// Shows registry texts in `lang`.
    void setLanguage(const QString& lang);

    /// Restores the session and view toggles saved by saveSettings.
    void restoreSettings(const AppSettings& settings);
    void saveSettings(AppSettings& settings) const;

    /// The panels.
    TrainingBar* trainingBar() const { return m_bar; }
    DatasetPanel* datasetPanel() const { return m_dataPanel; }
    ModelSetupPanel* setupPanel() const { return m_setup; }
    NetworkDiagram* diagram() const { return m_diagram; }
    LayerControls* layerControls() const { return m_layers; }
    OutputPanel* outputPanel() const { return m_output; }
    CompareView* compareView() const { return m_compare; }
    HealthView* healthView() const { return m_health; }
    QLabel* bannerLabel() const { return m_banner; }

    /// Actions for the main window's menus.
    QAction* playAction() const { return m_playAction; }
    QAction* stepAction() const { return m_stepAction; }
    QAction* resetAction() const { return m_resetAction; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QAction* importCsvAction() const { return m_importAction; }
    QAction* exportCsvAction() const { return m_exportCsvAction; }
    QAction* exportBoundaryAction() const { return m_exportBoundaryAction; }
    QAction* exportLossAction() const { return m_exportLossAction; }
    QAction* exportViewAction() const { return m_exportViewAction; }
    QAction* compareClassicAction() const { return m_classicAction; }

signals:
    /// A message for the status bar (timeout in ms; 0 keeps it).
    void statusMessage(const QString& text, int timeoutMs);
    /// A snapshot was shown (after its data reached the views; their repaints are queued).
    void snapshotShown(int epoch);
    /// The experiment (session()) may have changed: data, network, or training settings.
    void sessionChanged();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void createActions();
    QWidget* createLeftColumn();
    QWidget* createNetworkView();
    void connectPanels();
    void connectExplorer();
    void retranslate();
    void updateActions();

    /// Sends the session to the worker (new networks at epoch 0) and rebuilds the views.
    void restart(bool keepPlaying = true);
    void rebuildViews();
    void syncControls();
    void onSnapshot();
    void showFrame(const TrainingSnapshot& snapshot);
    void showFocused(const TrainingSnapshot& snapshot);
    void syncDiagram();
    void showBanner(const TrainingSnapshot& snapshot);
    void updateHoverUnit();
    void onUnitHovered(int unit, const QString& caption);

    DataState dataState() const;
    void pushData(const QString& text, DataState after, bool restart);
    void applyData(const DataState& state, bool restart);
    DataState generated(const nn::DatasetSpec& spec) const;

    void pushToExplorer();
    void onExplorerParams();
    void onLayerParameter(int index, double value);
    QString activationName(const std::string& id) const;
    QStringList memberNames() const;
    enum class Figure { Boundary, Loss, View };
    void exportWithDialog(Figure figure);

    ExplorerState* m_explorer;
    nn::Session m_session;
    nn::Dataset m_data;
    std::uint64_t m_sessionId = 0;
    TrainingWorker* m_worker = nullptr;
    std::shared_ptr<const TrainingSnapshot> m_latest;
    bool m_playing = false;
    int m_epochsPerFrame = 5;
    int m_selectedLayer = 0;
    int m_focus = 0;
    int m_hoverUnit = -1;
    QString m_hoverCaption;
    nn::GridEvaluator m_hoverGrid;
    std::vector<double> m_hoverValues;
    bool m_syncingExplorer = false;
    QString m_lang = QStringLiteral("en");
    int m_pngScale = 2;
    QString m_lastDir;

    QUndoStack* m_undo = nullptr;
    TrainingBar* m_bar = nullptr;
    QLabel* m_banner = nullptr;
    DatasetPanel* m_dataPanel = nullptr;
    ModelSetupPanel* m_setup = nullptr;
    NetworkDiagram* m_diagram = nullptr;
    LayerControls* m_layers = nullptr;
    OutputPanel* m_output = nullptr;
    CompareView* m_compare = nullptr;
    HealthView* m_health = nullptr;
    QStackedWidget* m_views = nullptr;
    QButtonGroup* m_viewButtons = nullptr;
    QToolButton* m_networkButton = nullptr;
    QToolButton* m_compareButton = nullptr;
    QToolButton* m_healthButton = nullptr;
    QLabel* m_focusLabel = nullptr;
    QToolButton* m_backButton = nullptr;

    QAction* m_playAction = nullptr;
    QAction* m_stepAction = nullptr;
    QAction* m_resetAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_importAction = nullptr;
    QAction* m_exportCsvAction = nullptr;
    QAction* m_exportBoundaryAction = nullptr;
    QAction* m_exportLossAction = nullptr;
    QAction* m_exportViewAction = nullptr;
    QAction* m_classicAction = nullptr;
};

}  // namespace actlab::ui
