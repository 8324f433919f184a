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

#include "common/network_z.h"
#include "common/plot_export.h"
#include "network/data_editor.h"
#include "network/network_editor.h"
#include "network/network_exports.h"
#include "network/network_settings.h"
#include "network/page_state.h"
#include "network/training_control.h"
#include "network/training_snapshot.h"
#include "nn/session.h"

class QAction;
class QLabel;
class QUndoStack;

namespace actlab::ui {

class AppSettings;
class CompareView;
class DatasetPanel;
class FramePresenter;
class HealthView;
class WhyView;
class LayerControls;
class ModelSetupPanel;
class NetworkDiagram;
class OutputPanel;
class SidePanels;
class TrainingBar;
class TrainingWorker;
class ViewSwitcher;

/// The network page of the main window. It holds the page's model (PageState) and composes the
/// parts that act on it: training control (TrainingControl), the network's edits
/// (NetworkEditor), data editing (DataEditor), the display of snapshots (FramePresenter), view
/// switching (ViewSwitcher) and figures (NetworkExports). Its public interface is the page's
/// whole API, for the main window, the command line and the tests.
class NetworkPage : public QWidget {
    Q_OBJECT
public:
    /// The page's main views.
    enum class View { Network, Compare, Health, Why };

    /// A page with the default session. It announces the selected layer's activation
    /// (selectedActivationShown) and takes parameter changes made elsewhere
    /// (applyExplorerParams); the main window links both to the explorer.
    explicit NetworkPage(QWidget* parent = nullptr);
    /// Stops training and joins the worker.
    ~NetworkPage() override;

    // --- the session ---------------------------------------------------------------------------
    /// The experiment as it stands, without any training (the untrained session).
    const nn::Session& session() const { return m_state.session; }
    /// What Save writes: session() with the trained state of every network trained past epoch
    /// 0 (weights, epoch, optimiser moments and the loss chart's history; compare members in
    /// compareWeights), as of the latest frame.
    nn::Session trainedSession() const;
    /// Shows a session (a lesson, an opened file): its data, network, settings, compare set and
    /// view hints, paused. A saved training (weights at an epoch > 0, compareWeights) continues
    /// from its epoch with its loss history shown; otherwise training starts from epoch 0.
    /// Returns "" on success; an invalid session changes nothing and returns the reason.
    QString applySession(const nn::Session& session);
    /// The data shown and trained on.
    const nn::Dataset& data() const { return m_state.data; }

    // --- training ------------------------------------------------------------------------------
    void setPlaying(bool playing) { m_training->setPlaying(playing); }
    /// True while training runs (as last reported by the worker, or just asked for).
    bool isPlaying() const { return m_training->isPlaying(); }
    /// Pauses and trains exactly one epoch.
    void stepEpoch() { m_training->step(); }
    /// Pauses and restores the initial weights.
    void resetTraining() { m_training->reset(); }
    /// Trains exactly `epochs` more epochs, then pauses.
    void trainEpochs(int epochs) { m_training->train(epochs); }
    /// Epochs per frame (1 … 1000).
    void setEpochsPerFrame(int epochs);
    int epochsPerFrame() const { return m_training->epochsPerFrame(); }
    /// Frames per second the worker aims at (default 60).
    void setFrameRate(double fps);
    /// Live settings.
    void setLearningRate(double rate);
    void setBatchSize(int size);
    void setRegularization(nn::Regularization kind, double rate);
    /// Settings that start training again.
    void setOptimizer(nn::OptimizerKind kind) { m_editor->setOptimizer(kind); }
    void setInit(nn::InitKind init) { m_editor->setInit(init); }
    void setSeed(std::uint64_t seed) { m_editor->setSeed(seed); }
    void setOutput(nn::OutputKind kind) { m_editor->setOutput(kind); }
    /// The latest snapshot shown, or null before the first.
    const std::shared_ptr<const TrainingSnapshot>& latestSnapshot() const {
        return m_training->latest();
    }
    /// The epoch of the shown network in the latest snapshot.
    int epoch() const { return m_training->epoch(m_state.focus); }
    /// The worker.
    TrainingWorker* worker() const { return m_training->worker(); }

    // --- layers --------------------------------------------------------------------------------
    /// Selects hidden layer `layer` for the layer controls (and announces its activation).
    void selectLayer(int layer) { m_editor->selectLayer(layer); }
    int selectedLayer() const { return m_state.selectedLayer; }
    /// Gives hidden layer `layer` (−1: every layer) activation `id` with its default parameters.
    /// Training starts again. False for an unknown id or layer.
    bool setLayerActivation(int layer, const QString& id) {
        return m_editor->setLayerActivation(layer, id);
    }
    /// Sets a parameter of hidden layer `layer` (and, with "same for every layer", of the others
    /// with the same activation) live. False when the layer has no such parameter or the value is
    /// rejected.
    bool setLayerParameter(int layer, const QString& paramId, double value) {
        return m_editor->setLayerParameter(layer, paramId, value);
    }
    void addLayer() { m_editor->addLayer(); }
    void removeLayer() { m_editor->removeLayer(); }
    void changeNeurons(int layer, int delta) { m_editor->changeNeurons(layer, delta); }
    void setFeature(nn::Feature feature, bool on) { m_editor->setFeature(feature, on); }

    // --- compare mode --------------------------------------------------------------------------
    /// Trains `ids` (2 … 8 registry ids) side by side; an empty list ends compare mode. Returns
    /// "" or the reason the set is refused.
    QString setCompare(const QStringList& ids) { return m_editor->setCompare(ids); }
    QStringList compared() const { return m_editor->compared(); }
    /// Opens compare member k in the full view.
    void openMember(int k) { m_editor->openMember(k); }
    /// The network shown in the full view (0 in single mode).
    int focus() const { return m_state.focus; }

    // --- data ----------------------------------------------------------------------------------
    /// Adds a training point at (x, y): class A (left click) or class B (right or Shift click).
    void addPoint(double x, double y, bool classB);
    /// Removes the point nearest (x, y) within `radius`; false when there is none.
    bool erasePoint(double x, double y, double radius) {
        return m_dataEditor->erasePoint(x, y, radius);
    }
    void clearPoints();
    void regenerateData();
    void setDatasetKind(nn::DatasetKind kind);
    void setDatasetSpec(const nn::DatasetSpec& spec);
    /// Reads points from CSV; "" or a message with the line number (the data is then unchanged).
    QString importCsv(const QString& path) { return m_dataEditor->importCsv(path); }
    QString exportCsv(const QString& path) const { return m_dataEditor->exportCsv(path); }
    QUndoStack* undoStack() const { return m_dataEditor->undoStack(); }

    // --- views ---------------------------------------------------------------------------------
    void showView(View view);
    View currentView() const;
    /// Saves the decision boundary or the loss chart (PNG, SVG, PDF); "" or a message.
    QString exportBoundary(const QString& path, PlotExport::Format format, double scale = 1.0) {
        return m_exports->exportBoundary(path, format, scale);
    }
    QString exportLossChart(const QString& path, PlotExport::Format format, double scale = 1.0) {
        return m_exports->exportLossChart(path, format, scale);
    }
    /// Saves the view shown (network diagram, comparison grid or gradient health) whole.
    QString exportCurrentView(const QString& path, PlotExport::Format format, double scale = 1.0) {
        return m_exports->exportCurrentView(path, format, scale);
    }
    void setPngScale(int scale) { m_exports->setPngScale(scale); }
    /// Shows registry texts in `lang`.
    void setLanguage(const QString& lang);
    /// Plot-only mode: the view alone (the decision boundary large, the comparison grid or
    /// gradient health), without bars, panels and buttons.
    void setPlotOnly(bool on);
    /// The values a class needs beside a plot-only view: epoch, losses, accuracy.
    QString plotOnlySummary() const;

    /// Restores the session (unless `withState` is false) and the view toggles saved by
    /// saveSettings.
    void restoreSettings(AppSettings& settings, bool withState = true) {
        restoreNetworkSettings(*this, settings, withState);
    }
    /// "" or why the state file could not be written.
    QString saveSettings(AppSettings& settings) const {
        return saveNetworkSettings(*this, settings);
    }

    /// The panels.
    TrainingBar* trainingBar() const { return m_bar; }
    DatasetPanel* datasetPanel() const { return m_dataPanel; }
    ModelSetupPanel* setupPanel() const { return m_setup; }
    NetworkDiagram* diagram() const { return m_diagram; }
    LayerControls* layerControls() const { return m_layers; }
    OutputPanel* outputPanel() const { return m_output; }
    CompareView* compareView() const { return m_compare; }
    HealthView* healthView() const { return m_health; }
    WhyView* whyView() const { return m_why; }
    QLabel* bannerLabel() const { return m_banner; }

    /// Actions for the main window's menus.
    QAction* playAction() const { return m_training->playAction(); }
    QAction* stepAction() const { return m_training->stepAction(); }
    QAction* resetAction() const { return m_training->resetAction(); }
    QAction* undoAction() const { return m_dataEditor->undoAction(); }
    QAction* redoAction() const { return m_dataEditor->redoAction(); }
    QAction* importCsvAction() const { return m_dataEditor->importAction(); }
    QAction* exportCsvAction() const { return m_dataEditor->exportAction(); }
    QAction* exportBoundaryAction() const { return m_exports->boundaryAction(); }
    QAction* exportLossAction() const { return m_exports->lossAction(); }
    QAction* exportViewAction() const { return m_exports->viewAction(); }
    QAction* exportPytorchAction() const { return m_exports->pytorchAction(); }
    QAction* exportNotebookAction() const { return m_exports->notebookAction(); }
    /// What the PyTorch export exports: the network shown (in compare mode the one in focus)
    /// with its trained state.
    NetworkExports::CodeSource codeSource() const;
    /// Opens File ▸ Export ▸ PyTorch Script… (or Jupyter Notebook…) for the page's session.
    class CodeExportDialog* openCodeExport(bool notebook) {
        return m_exports->openCodeExport(notebook);
    }
    QAction* compareClassicAction() const { return m_classicAction; }
    QList<QAction*> structureActions() const { return m_editor->structureActions(); }

    /// Parameters of activation `id` were changed elsewhere (the explorer): the selected layer
    /// takes them when it has that activation and they are `valid`.
    void applyExplorerParams(const QString& id, const ParamValues& params, bool valid) {
        m_editor->applyExplorerParams(id, params, valid);
    }

signals:
    /// The selected layer's activation and parameters (in compare mode, the focused member's
    /// activation at its defaults), for a view that shows the same function.
    void selectedActivationShown(const QString& id, const ParamValues& params);
    /// A session asks for this activation to be shown (its view.activation hint).
    void activationHinted(const QString& id);
    /// The "Why" view asks for the explorer on this activation with these parameters.
    void explorerRequested(const QString& id, const ParamValues& params, const NetworkZ& z);
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
    QWidget* createLeftColumn();
    QWidget* createNetworkView();
    void connectParts();
    void connectPanels();
    void retranslate();
    void updateActions();

    /// Sends the session to the worker (new networks at epoch 0, or continuing `trained`, the
    /// same experiment with its saved training) and rebuilds the views.
    void restart(bool keepPlaying = true, const nn::Session* trained = nullptr);
    void rebuildViews();
    void syncControls();
    void applyData(const DataState& state, bool restart);

    PageState m_state;  // first: the parts below hold references to it
    QString m_lastDir;  ///< where the page's file dialogs start
    TrainingControl* m_training;
    DataEditor* m_dataEditor;
    NetworkEditor* m_editor = nullptr;
    FramePresenter* m_frames = nullptr;
    NetworkExports* m_exports = nullptr;

    TrainingBar* m_bar = nullptr;
    QLabel* m_banner = nullptr;
    DatasetPanel* m_dataPanel = nullptr;
    ModelSetupPanel* m_setup = nullptr;
    NetworkDiagram* m_diagram = nullptr;
    LayerControls* m_layers = nullptr;
    OutputPanel* m_output = nullptr;
    CompareView* m_compare = nullptr;
    HealthView* m_health = nullptr;
    WhyView* m_why = nullptr;
    ViewSwitcher* m_views = nullptr;
    SidePanels* m_sides = nullptr;
    QWidget* m_leftColumn = nullptr;
    QAction* m_classicAction = nullptr;
};

}  // namespace actlab::ui
