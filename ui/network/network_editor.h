#pragma once
// The network page's edits of the network itself: hidden layers and neurons, each layer's
// activation and parameters, the input features, output, initialisation, seed, optimiser and
// training mode, and the set of compared activations. Each structural edit is checked
// (session_edits.h) and then asks for new networks; parameter changes reach the running networks
// live. The selected layer's activation is announced for the explorer, whose parameter changes
// come back through applyExplorerParams.

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>

#include "activations/activation_spec.h"
#include "activations/activation_call.h"
#include "nn/session.h"

class QAction;

namespace actlab::ui {

class CompareView;
class LayerControls;
class NetworkDiagram;
class TrainingControl;
struct PageState;

/// The widgets the editor keeps in step.
struct EditorViews {
    NetworkDiagram* diagram;
    LayerControls* layers;
    CompareView* compare;
};

/// Edits the page's network and its setup.
class NetworkEditor : public QObject {
    Q_OBJECT
public:
    NetworkEditor(PageState& state, TrainingControl& training, EditorViews views,
                  QObject* parent);

    // --- setup (each starts training again) ----------------------------------------------------
    void setOptimizer(nn::OptimizerKind kind);
    void setInit(nn::InitKind init);
    void setSeed(std::uint64_t seed);
    void setOutput(nn::OutputKind kind);
    void setMode(nn::TrainingMode mode);

    // --- layers --------------------------------------------------------------------------------
    /// Selects hidden layer `layer` for the layer controls and announces its activation.
    void selectLayer(int layer);
    /// Gives hidden layer `layer` (−1: every layer) activation `id` with its default parameters.
    bool setLayerActivation(int layer, const QString& id);
    /// Gives hidden layer `layer` (−1: every layer) a formula activation with its parameter
    /// values, and starts training again. False in compare mode or for a layer out of range.
    bool setLayerFormula(int layer, const ActivationCall& call);
    /// Sets a parameter of hidden layer `layer` live (and of the layers with the same
    /// activation, with "same for every layer"). False for an unknown or rejected value.
    bool setLayerParameter(int layer, const QString& paramId, double value);
    /// Parameter `index` of the selected layer's activation, from its slider.
    void setSelectedParameter(int index, double value);
    /// PReLU's weight per layer or per neuron, for the selected (or every) layer.
    void setPreluMode(nn::PReluMode mode);
    void addLayer();
    void removeLayer();
    void changeNeurons(int layer, int delta);
    void setFeature(nn::Feature feature, bool on);
    /// The diagram's layer chips and feature toggles from the session (same shape: the weights
    /// and thumbnails shown stay).
    void syncDiagram();
    /// Announces the selected layer's activation (selectedActivationShown).
    void announceSelected();
    /// Parameters of activation `id` changed elsewhere: the selected layer takes them when it has
    /// that activation and they are `valid`.
    void applyExplorerParams(const QString& id, const ParamValues& params, bool valid);

    // --- compare mode --------------------------------------------------------------------------
    /// Trains `ids` side by side; an empty list ends compare mode. "" or why the set is refused.
    /// An id that is the label of a formula member already compared keeps that member.
    QString setCompare(const QStringList& ids);
    /// The same for members (formulas included).
    QString setCompareMembers(const std::vector<nn::CompareMember>& members);
    /// The compared members' labels: registry ids, and formulas' names (memberLabel).
    QStringList compared() const;
    /// Adds a formula member to the comparison; started from the single network, the
    /// comparison is its activation (or the one activation ticked so far) and the formula.
    QString addCompareFormula(const ActivationCall& call);
    /// A tick in the compare view's list of activations.
    void toggleCompared(const QString& id, bool on);
    /// Shows compare member k in the full view.
    void openMember(int k);

    /// One layer more or fewer (L, Shift+L), one neuron more or fewer in the selected layer
    /// (N, Shift+N).
    QList<QAction*> structureActions() const { return m_structure; }
    void retranslate();

signals:
    /// The network's shape or setup changed: new networks are needed.
    void restartNeeded();
    /// An edit was refused: the controls should show the session again.
    void controlsStale();
    /// Compare mode started.
    void compareStarted();
    /// Member k is now the network in the full view.
    void memberOpened(int k);
    /// The experiment changed without new networks (a live parameter).
    void sessionChanged();
    void statusMessage(const QString& text, int timeoutMs);
    /// The selected layer's activation and parameters (in compare mode, the focused member's at
    /// its defaults).
    void selectedActivationShown(const QString& id, const ParamValues& params);

private:
    PageState& m_state;
    TrainingControl& m_training;
    EditorViews m_views;
    bool m_announcing = false;
    QList<QAction*> m_structure;
};

}  // namespace actlab::ui
