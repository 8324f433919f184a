#include "network/network_editor.h"

#include <QAction>
#include <QVariant>
#include <functional>
#include <algorithm>

#include "activations/activation_call.h"
#include "activations/registry.h"
#include "common/parameter_panel.h"
#include "common/qt_text.h"
#include "network/compare_view.h"
#include "network/layer_controls.h"
#include "network/network_diagram.h"
#include "network/page_state.h"
#include "network/session_edits.h"
#include "network/training_control.h"
#include "network/training_worker.h"
#include "nn/layer_activation.h"

namespace actlab::ui {

NetworkEditor::NetworkEditor(PageState& state, TrainingControl& training, EditorViews views,
                             QObject* parent)
    : QObject(parent), m_state(state), m_training(training), m_views(views) {
    const std::pair<QKeySequence, std::function<void()>> keys[] = {
        {QKeySequence(Qt::Key_L), [this] { addLayer(); }},
        {QKeySequence(Qt::SHIFT | Qt::Key_L), [this] { removeLayer(); }},
        {QKeySequence(Qt::Key_N), [this] { changeNeurons(m_state.selectedLayer, 1); }},
        {QKeySequence(Qt::SHIFT | Qt::Key_N), [this] { changeNeurons(m_state.selectedLayer, -1); }},
    };
    for (const auto& [key, run] : keys) {
        auto* a = new QAction(this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, run);
        m_structure << a;
    }
    retranslate();
}

void NetworkEditor::retranslate() {
    const QString texts[] = {tr("Add a &Layer"), tr("Remove the Last La&yer"),
                             tr("Add a Neuron to the Selected Layer"),
                             tr("Remove a Neuron from the Selected Layer")};
    for (int i = 0; i < m_structure.size(); ++i) m_structure[i]->setText(texts[i]);
}

// --- setup -------------------------------------------------------------------------------------

void NetworkEditor::setOptimizer(nn::OptimizerKind kind) {
    nn::Session& session = m_state.session;
    if (kind == session.training.optimizer) return;
    session.training.optimizer = kind;
    if (kind != nn::OptimizerKind::Sgd) session.training.mode = nn::TrainingMode::Standard;
    emit restartNeeded();
}

void NetworkEditor::setInit(nn::InitKind init) {
    nn::Session& session = m_state.session;
    if (init == session.init && !session.weights) return;
    session.init = init;
    session.weights.reset();
    emit restartNeeded();
}

void NetworkEditor::setSeed(std::uint64_t seed) {
    m_state.session.seed = seed;
    m_state.session.weights.reset();
    emit restartNeeded();
}

void NetworkEditor::setOutput(nn::OutputKind kind) {
    nn::Session s = m_state.session;
    s.network.output = kind;
    s.network.outputs = kind == nn::OutputKind::SoftmaxCe ? m_state.data.numClasses : 1;
    s.weights.reset();
    if (kind != nn::OutputKind::TanhSquare && kind != nn::OutputKind::LinearSquare)
        s.training.mode = nn::TrainingMode::Standard;
    if (const std::string e = edits::check(s); !e.empty()) {
        emit statusMessage(qs(e), 6000);
        emit controlsStale();
        return;
    }
    m_state.session = s;
    emit restartNeeded();
}

void NetworkEditor::setMode(nn::TrainingMode mode) {
    nn::Session s = m_state.session;
    s.training.mode = mode;
    if (mode == nn::TrainingMode::Playground) s.training.optimizer = nn::OptimizerKind::Sgd;
    if (const std::string e = nn::validate(s.training, s.network); !e.empty()) {
        emit statusMessage(tr("Playground's exact training needs a tanh or linear output."), 6000);
        emit controlsStale();
        return;
    }
    m_state.session = s;
    emit restartNeeded();
}

// --- layers ------------------------------------------------------------------------------------

void NetworkEditor::selectLayer(int layer) {
    const nn::Session& session = m_state.session;
    const int count = int(session.network.hidden.size());
    if (layer < 0 || layer >= count) return;
    m_state.selectedLayer = layer;
    m_views.diagram->setSelectedLayer(layer);
    nn::LayerSpec spec = session.network.hidden[std::size_t(layer)];
    if (m_state.comparing())  // the focused member's layer: its activation and parameters
        spec = nn::compareMember(session, session.compare[std::size_t(m_state.focus)])
                   .network.hidden[std::size_t(layer)];
    m_views.layers->setLayer(layer, count, spec);
    announceSelected();
}

bool NetworkEditor::setLayerActivation(int layer, const QString& id) {
    if (m_state.comparing()) return false;
    const ActivationSpec* act = findActivation(toStd(id));
    if (!act || layer >= int(m_state.session.network.hidden.size())) return false;
    nn::Session s = m_state.session;
    if (!edits::setActivation(s, layer, toStd(id), act->defaults())) return false;
    m_state.session = s;
    emit restartNeeded();
    if (layer >= 0) m_state.selectedLayer = layer;
    selectLayer(m_state.selectedLayer);
    return true;
}

bool NetworkEditor::setLayerFormula(int layer, const ActivationCall& call) {
    if (m_state.comparing() || !call.spec) return false;
    nn::Session s = m_state.session;
    if (!edits::setActivation(s, layer, *call.spec, call.params)) return false;
    m_state.session = s;
    emit restartNeeded();
    if (layer >= 0) m_state.selectedLayer = layer;
    selectLayer(m_state.selectedLayer);
    return true;
}

bool NetworkEditor::setLayerParameter(int layer, const QString& paramId, double value) {
    auto& hidden = m_state.session.network.hidden;
    if (m_state.comparing() || layer < 0 || layer >= int(hidden.size())) return false;
    const nn::LayerSpec shown = hidden[std::size_t(layer)];
    const std::string& id = shown.activation;
    const ActivationRef row = nn::layerActivation(shown).row;  // a formula's row too
    const ActivationSpec* act = row.get();
    const int index = act ? act->paramIndex(toStd(paramId)) : -1;
    if (index < 0) return false;
    ParamValues params = hidden[std::size_t(layer)].params;
    params[std::size_t(index)] = value;
    LayerControls* controls = m_views.layers;
    if (const std::string e = checkParams(*act, params); !e.empty()) {
        // The value stays on the slider; the running network keeps its last accepted one.
        if (layer == m_state.selectedLayer) controls->parameters()->setError(qs(e));
        return false;
    }
    controls->parameters()->setError({});
    for (int l = 0; l < int(hidden.size()); ++l) {
        if (l != layer &&
            !(controls->applyToAll() && edits::sameActivation(hidden[std::size_t(l)], shown)))
            continue;
        hidden[std::size_t(l)].params = params;
        m_training.worker()->setActivationParams(l, id, params);
    }
    if (layer == m_state.selectedLayer) controls->setParams(params);
    announceSelected();
    emit sessionChanged();
    return true;
}

void NetworkEditor::setSelectedParameter(int index, double value) {
    const int layer = m_state.selectedLayer;
    if (layer < 0) return;
    const ActivationRef act =
        nn::layerActivation(m_state.session.network.hidden[std::size_t(layer)]).row;
    if (!act || index >= int(act->params.size())) return;
    setLayerParameter(layer, qs(act->params[std::size_t(index)].id), value);
}

void NetworkEditor::setPreluMode(nn::PReluMode mode) {
    nn::Session& session = m_state.session;
    for (int l = 0; l < int(session.network.hidden.size()); ++l)
        if (l == m_state.selectedLayer || m_views.layers->applyToAll())
            session.network.hidden[std::size_t(l)].preluMode = mode;
    session.weights.reset();
    emit restartNeeded();
}

void NetworkEditor::addLayer() {
    if (!edits::addLayer(m_state.session)) return;
    m_state.selectedLayer = int(m_state.session.network.hidden.size()) - 1;
    emit restartNeeded();
}

void NetworkEditor::removeLayer() {
    if (!edits::removeLayer(m_state.session)) return;
    emit restartNeeded();
}

void NetworkEditor::changeNeurons(int layer, int delta) {
    if (!edits::changeNeurons(m_state.session, layer, delta)) return;
    emit restartNeeded();
}

void NetworkEditor::setFeature(nn::Feature feature, bool on) {
    if (!edits::setFeature(m_state.session, feature, on)) {
        if (!on) emit statusMessage(tr("The network needs at least one input feature."), 5000);
        syncDiagram();  // the toggle goes back
        return;
    }
    emit restartNeeded();
}

void NetworkEditor::syncDiagram() {
    const nn::Session shown = m_state.shown();
    QStringList chips;
    for (const nn::LayerSpec& l : shown.network.hidden) chips << m_state.activationName(l.activation);
    // The same shape keeps the weights and thumbnails shown; only labels and toggles change.
    m_views.diagram->setArchitecture(shown.network, chips);
}

// --- the explorer ------------------------------------------------------------------------------

void NetworkEditor::announceSelected() {
    const nn::Session& session = m_state.session;
    const int layer = m_state.selectedLayer;
    if (layer < 0 || layer >= int(session.network.hidden.size())) return;
    std::string id = session.network.hidden[std::size_t(layer)].activation;
    ParamValues params = session.network.hidden[std::size_t(layer)].params;
    if (m_state.comparing()) {
        const nn::LayerSpec l = nn::compareMember(session, session.compare[std::size_t(m_state.focus)])
                                    .network.hidden[std::size_t(layer)];
        id = l.activation;
        params = l.params;
    }
    // Whoever shows the same function (the explorer) may answer with its own change signals;
    // applyExplorerParams ignores them while this one is being delivered.
    m_announcing = true;
    emit selectedActivationShown(qs(id), params);
    m_announcing = false;
}

void NetworkEditor::applyExplorerParams(const QString& id, const ParamValues& params, bool valid) {
    const nn::Session& session = m_state.session;
    const int selected = m_state.selectedLayer;
    if (m_announcing || m_state.comparing() || selected < 0 ||
        selected >= int(session.network.hidden.size()))
        return;
    const nn::LayerSpec& layer = session.network.hidden[std::size_t(selected)];
    const ActivationSpec* spec = findActivation(toStd(id));
    if (!spec || layer.activation != spec->id || !valid) return;
    for (std::size_t i = 0; i < spec->params.size(); ++i)
        if (params[i] != layer.params[i])
            setLayerParameter(selected, qs(spec->params[i].id), params[i]);
}

// --- compare mode ------------------------------------------------------------------------------

QString NetworkEditor::setCompare(const QStringList& ids) {
    std::vector<nn::CompareMember> members;
    for (const QString& id : ids) {
        const nn::CompareMember* known = nn::memberByLabel(m_state.session.compare, toStd(id));
        members.push_back(known ? *known : nn::CompareMember(toStd(id)));
    }
    return setCompareMembers(members);
}

QString NetworkEditor::addCompareFormula(const ActivationCall& call) {
    if (!call.spec) return {};
    std::vector<nn::CompareMember> members = m_state.session.compare;
    const QString pending = m_views.compare->property("pending").toString();
    if (members.empty() && !pending.isEmpty()) {
        members.push_back(toStd(pending));
    } else if (members.empty() && !m_state.session.network.hidden.empty()) {
        const nn::LayerSpec& first = m_state.session.network.hidden.front();
        if (const ActivationRef row = nn::layerActivation(first).row)
            members.push_back(nn::compareMemberOf(*row, first.params));
    }
    members.push_back(nn::compareMemberOf(*call.spec, call.params));
    m_views.compare->setProperty("pending", QString());
    return setCompareMembers(members);
}

QString NetworkEditor::setCompareMembers(const std::vector<nn::CompareMember>& members) {
    nn::Session s = m_state.session;
    s.compare = members;
    s.weights.reset();
    if (const std::string e = edits::check(s); !e.empty()) return qs(e);
    m_state.session = s;
    m_state.focus = 0;
    if (!s.compare.empty()) m_views.compare->setProperty("pending", QString());
    emit restartNeeded();
    if (!s.compare.empty()) emit compareStarted();
    return {};
}

QStringList NetworkEditor::compared() const {
    QStringList ids;
    for (const nn::CompareMember& m : m_state.session.compare) ids << qs(nn::memberLabel(m));
    return ids;
}

void NetworkEditor::toggleCompared(const QString& id, bool on) {
    CompareView* view = m_views.compare;
    QStringList ids = compared();
    if (ids.isEmpty() && !view->property("pending").toString().isEmpty())
        ids << view->property("pending").toString();
    if (on && !ids.contains(id)) ids << id;
    if (!on) ids.removeAll(id);
    if (ids.size() == 1) {
        // One activation is no comparison yet: remember it until a second is ticked.
        view->setProperty("pending", ids.front());
        setCompare({});
        view->setMembers(ids, {m_state.activationName(toStd(ids.front()))},
                         m_state.session.network.output, m_state.session.network.outputs);
        return;
    }
    view->setProperty("pending", QString());
    if (const QString e = setCompare(ids); !e.isEmpty()) emit statusMessage(e, 6000);
}

void NetworkEditor::openMember(int k) {
    if (k < 0 || k >= int(m_state.session.compare.size())) return;
    m_state.focus = k;
    m_training.setFocus(k);
    // The member's loss history is in the charts already; the rest follows with the next
    // snapshot, which the worker publishes for the new focus.
    const QStringList names = m_state.memberNames();
    const nn::Session member = m_state.shown();
    QStringList chips;
    for (std::size_t l = 0; l < member.network.hidden.size(); ++l) chips << names[k];
    m_views.diagram->setArchitecture(member.network, chips);
    m_views.layers->setLocked(true, names[k]);
    selectLayer(std::max(0, m_state.selectedLayer));
    emit memberOpened(k);
}

}  // namespace actlab::ui
