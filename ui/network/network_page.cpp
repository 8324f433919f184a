#include "network_page.h"

#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <algorithm>
#include <sstream>

#include "activations/activation_call.h"
#include "activations/registry.h"
#include "app_settings.h"
#include "appearance.h"
#include "boundary_plot.h"
#include "compare_view.h"
#include "dataset_panel.h"
#include "explorer_state.h"
#include "health_view.h"
#include "layer_controls.h"
#include "loss_chart.h"
#include "model_setup_panel.h"
#include "network_diagram.h"
#include "network_style.h"
#include "output_panel.h"
#include "parameter_panel.h"
#include "qt_text.h"
#include "session_edits.h"
#include "training_bar.h"
#include "training_worker.h"

namespace actlab::ui {

namespace {

constexpr int kUnitGrid = 32;   ///< neuron thumbnails
constexpr int kHoverGrid = 64;  ///< a hovered neuron shown large
constexpr int kOutputGrid = 100;

QToolButton* viewButton(QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setObjectName(QStringLiteral("viewButton"));
    b->setCheckable(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

double clampToDomain(double v) {
    return std::clamp(v, -nn::kDomain, nn::kDomain);
}

}  // namespace

NetworkPage::NetworkPage(ExplorerState* explorer, QWidget* parent)
    : QWidget(parent),
      m_explorer(explorer),
      m_session(edits::defaultSession()),
      m_worker(new TrainingWorker(this)),
      m_undo(new QUndoStack(this)) {
    setObjectName(QStringLiteral("networkPage"));
    // The page's own look (the main window's style sheet supplies the rest), in the theme's
    // colours and at the presentation scale.
    setStyleSheet(Appearance::instance().networkStyleSheet());
    connect(&Appearance::instance(), &Appearance::changed, this,
            [this] { setStyleSheet(Appearance::instance().networkStyleSheet()); });
    m_data = nn::sessionData(m_session);
    m_session.view.epochsPerFrame = m_epochsPerFrame;
    createActions();

    m_bar = new TrainingBar(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_compare = new CompareView(this);
    m_health = new HealthView(this);
    m_views = new QStackedWidget(this);
    m_views->addWidget(createNetworkView());
    m_views->addWidget(m_compare);
    m_views->addWidget(m_health);

    m_networkButton = viewButton(this);
    m_compareButton = viewButton(this);
    m_healthButton = viewButton(this);
    m_viewButtons = new QButtonGroup(this);
    m_viewButtons->setExclusive(true);
    m_viewButtons->addButton(m_networkButton, int(View::Network));
    m_viewButtons->addButton(m_compareButton, int(View::Compare));
    m_viewButtons->addButton(m_healthButton, int(View::Health));
    m_networkButton->setChecked(true);
    m_focusLabel = new QLabel(this);
    m_focusLabel->setObjectName(QStringLiteral("focusLabel"));
    m_backButton = new QToolButton(this);
    m_backButton->setObjectName(QStringLiteral("chooseButton"));

    auto* switcher = new QHBoxLayout;
    switcher->setSpacing(0);
    switcher->addWidget(m_networkButton);
    switcher->addWidget(m_compareButton);
    switcher->addWidget(m_healthButton);
    switcher->addSpacing(20);
    switcher->addWidget(m_focusLabel);
    switcher->addSpacing(10);
    switcher->addWidget(m_backButton);
    switcher->addStretch(1);

    auto* right = new QVBoxLayout;
    right->setSpacing(6);
    right->addLayout(switcher);
    right->addWidget(m_views, 1);
    auto* body = new QHBoxLayout;
    body->setContentsMargins(6, 6, 6, 4);
    body->setSpacing(8);
    body->addWidget(createLeftColumn());
    body->addLayout(right, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    auto* bannerRow = new QHBoxLayout;
    bannerRow->setContentsMargins(10, 6, 10, 0);
    bannerRow->addWidget(m_banner);
    layout->addLayout(bannerRow);
    layout->addLayout(body, 1);

    connectPanels();
    connectExplorer();
    connect(m_worker, &TrainingWorker::snapshotReady, this, &NetworkPage::onSnapshot);
    m_worker->setGridSizes(kOutputGrid, kUnitGrid);
    m_worker->setEpochsPerFrame(m_epochsPerFrame);
    retranslate();
    restart(false);
}

NetworkPage::~NetworkPage() {
    // Join the training thread before the widgets it feeds go away.
    delete m_worker;
    m_worker = nullptr;
    // The undo stack clears itself when it is deleted and signals the change; by then this page
    // is only a QWidget, so it must not receive that signal.
    delete m_undo;
    m_undo = nullptr;
}

void NetworkPage::createActions() {
    m_playAction = new QAction(this);
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_stepAction = new QAction(this);
    m_stepAction->setShortcut(QKeySequence(Qt::Key_Period));
    m_resetAction = new QAction(this);
    m_resetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_undoAction = new QAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = new QAction(this);
    m_redoAction->setShortcut(QKeySequence::Redo);
    connect(m_undoAction, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_redoAction, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::indexChanged, this, &NetworkPage::updateActions);
    m_importAction = new QAction(this);
    m_exportCsvAction = new QAction(this);
    m_exportBoundaryAction = new QAction(this);
    m_exportLossAction = new QAction(this);
    m_exportViewAction = new QAction(this);
    m_classicAction = new QAction(this);
    // The shortcuts work while the page is shown (see showEvent), not on the other pages.
    for (QAction* a : {m_playAction, m_stepAction, m_resetAction, m_undoAction, m_redoAction}) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }
    updateActions();
    connect(m_playAction, &QAction::triggered, this, [this] { setPlaying(!m_playing); });
    connect(m_stepAction, &QAction::triggered, this, &NetworkPage::stepEpoch);
    connect(m_resetAction, &QAction::triggered, this, &NetworkPage::resetTraining);
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QString dir =
            m_lastDir.isEmpty()
                ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                : m_lastDir;
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Points"), dir,
                                                          tr("CSV files (*.csv);;All files (*)"));
        if (path.isEmpty()) return;
        m_lastDir = QFileInfo(path).absolutePath();
        if (const QString error = importCsv(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Import Points"), error);
    });
    connect(m_exportCsvAction, &QAction::triggered, this, [this] {
        const QString dir =
            m_lastDir.isEmpty()
                ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                : m_lastDir;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Points"),
                                                          dir + QStringLiteral("/points.csv"),
                                                          tr("CSV files (*.csv)"));
        if (path.isEmpty()) return;
        m_lastDir = QFileInfo(path).absolutePath();
        if (const QString error = exportCsv(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Export Points"), error);
        else
            emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(m_exportBoundaryAction, &QAction::triggered, this,
            [this] { exportWithDialog(Figure::Boundary); });
    connect(m_exportLossAction, &QAction::triggered, this,
            [this] { exportWithDialog(Figure::Loss); });
    connect(m_exportViewAction, &QAction::triggered, this,
            [this] { exportWithDialog(Figure::View); });
    connect(m_classicAction, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const std::string& id : edits::classicEight()) ids << qs(id);
        setCompare(ids);
    });
}

QWidget* NetworkPage::createLeftColumn() {
    m_dataPanel = new DatasetPanel;
    m_setup = new ModelSetupPanel;
    m_dataPanel->setUndoActions(m_undoAction, m_redoAction);
    auto* host = new QWidget;
    auto* v = new QVBoxLayout(host);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(10);
    v->addWidget(m_dataPanel);
    v->addWidget(m_setup);
    v->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(host);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // As wide as the data and setup panels need at the presentation scale.
    const auto fit = [scroll] {
        scroll->setFixedWidth(int(292 * std::max(1.0, Appearance::instance().scale())));
    };
    fit();
    connect(&Appearance::instance(), &Appearance::changed, scroll, fit);
    return scroll;
}

QWidget* NetworkPage::createNetworkView() {
    auto* view = new QWidget(this);
    m_diagram = new NetworkDiagram(view);
    m_layers = new LayerControls(view);
    m_output = new OutputPanel(view);
    m_output->setMinimumWidth(360);
    m_output->setMaximumWidth(540);
    auto* left = new QVBoxLayout;
    left->setSpacing(4);
    left->addWidget(m_diagram, 1);
    left->addWidget(m_layers, 0);
    auto* h = new QHBoxLayout(view);
    h->setContentsMargins(0, 0, 0, 0);
    h->setSpacing(10);
    h->addLayout(left, 1);
    h->addWidget(m_output, 0);
    return view;
}

void NetworkPage::connectPanels() {
    // The training bar.
    connect(m_bar, &TrainingBar::playToggled, this, &NetworkPage::setPlaying);
    connect(m_bar, &TrainingBar::stepRequested, this, &NetworkPage::stepEpoch);
    connect(m_bar, &TrainingBar::resetRequested, this, &NetworkPage::resetTraining);
    connect(m_bar, &TrainingBar::epochsPerFrameChosen, this, &NetworkPage::setEpochsPerFrame);
    connect(m_bar, &TrainingBar::learningRateChosen, this, &NetworkPage::setLearningRate);
    connect(m_bar, &TrainingBar::optimizerChosen, this, &NetworkPage::setOptimizer);
    connect(m_bar, &TrainingBar::batchSizeChosen, this, &NetworkPage::setBatchSize);
    connect(m_bar, &TrainingBar::regularizationChosen, this, &NetworkPage::setRegularization);

    // The data.
    connect(m_dataPanel, &DatasetPanel::kindChosen, this, &NetworkPage::setDatasetKind);
    const auto withSpec = [this](auto change) {
        return [this, change](int v) {
            nn::DatasetSpec spec = m_session.generator;
            change(spec, v);
            setDatasetSpec(spec);
        };
    };
    connect(m_dataPanel, &DatasetPanel::noiseChosen, this,
            withSpec([](nn::DatasetSpec& s, int v) { s.noisePercent = v; }));
    connect(m_dataPanel, &DatasetPanel::trainPercentChosen, this,
            withSpec([](nn::DatasetSpec& s, int v) { s.trainPercent = v; }));
    connect(m_dataPanel, &DatasetPanel::pointsChosen, this,
            withSpec([](nn::DatasetSpec& s, int v) { s.numPoints = v; }));
    connect(m_dataPanel, &DatasetPanel::classesChosen, this,
            withSpec([](nn::DatasetSpec& s, int v) { s.classes = v; }));
    connect(m_dataPanel, &DatasetPanel::regenerateRequested, this, &NetworkPage::regenerateData);
    connect(m_dataPanel, &DatasetPanel::importRequested, m_importAction, &QAction::trigger);
    connect(m_dataPanel, &DatasetPanel::exportRequested, m_exportCsvAction, &QAction::trigger);
    connect(m_dataPanel, &DatasetPanel::clearRequested, this, &NetworkPage::clearPoints);
    connect(m_dataPanel, &DatasetPanel::eraseModeToggled, this, [this](bool on) {
        m_output->boundary()->setEraseMode(on);
        emit statusMessage(
            on ? tr("Erase mode: click a point on the output plot to remove it.") : QString(),
            on ? 0 : 1);
    });
    BoundaryPlot* boundary = m_output->boundary();
    connect(boundary, &BoundaryPlot::addPointRequested, this, &NetworkPage::addPoint);
    connect(boundary, &BoundaryPlot::erasePointRequested, this,
            [this](double x, double y, double r) { erasePoint(x, y, r); });

    // The setup.
    connect(m_setup, &ModelSetupPanel::outputChosen, this, &NetworkPage::setOutput);
    connect(m_setup, &ModelSetupPanel::initChosen, this, &NetworkPage::setInit);
    connect(m_setup, &ModelSetupPanel::seedChosen, this, &NetworkPage::setSeed);
    connect(m_setup, &ModelSetupPanel::modeChosen, this, [this](nn::TrainingMode mode) {
        nn::Session s = m_session;
        s.training.mode = mode;
        if (mode == nn::TrainingMode::Playground) s.training.optimizer = nn::OptimizerKind::Sgd;
        if (const std::string e = nn::validate(s.training, s.network); !e.empty()) {
            emit statusMessage(tr("Playground's exact training needs a tanh or linear output."),
                               6000);
            syncControls();
            return;
        }
        m_session = s;
        restart();
    });

    // The diagram and the layer controls.
    connect(m_diagram, &NetworkDiagram::featureToggled, this, &NetworkPage::setFeature);
    connect(m_diagram, &NetworkDiagram::addLayerRequested, this, &NetworkPage::addLayer);
    connect(m_diagram, &NetworkDiagram::removeLayerRequested, this, &NetworkPage::removeLayer);
    connect(m_diagram, &NetworkDiagram::neuronsChangeRequested, this, &NetworkPage::changeNeurons);
    connect(m_diagram, &NetworkDiagram::layerSelected, this, &NetworkPage::selectLayer);
    connect(m_diagram, &NetworkDiagram::unitHovered, this, &NetworkPage::onUnitHovered);
    connect(m_layers, &LayerControls::activationChosen, this, [this](const QString& id) {
        setLayerActivation(m_layers->applyToAll() ? -1 : m_selectedLayer, id);
    });
    connect(m_layers, &LayerControls::parameterChanged, this, &NetworkPage::onLayerParameter);
    connect(m_layers, &LayerControls::applyToAllChanged, this, [this](bool all) {
        m_diagram->setHighlightAll(all && m_session.compare.empty());
        selectLayer(m_selectedLayer);
    });
    connect(m_layers, &LayerControls::preluModeChosen, this, [this](nn::PReluMode mode) {
        for (int l = 0; l < int(m_session.network.hidden.size()); ++l)
            if (l == m_selectedLayer || m_layers->applyToAll())
                m_session.network.hidden[std::size_t(l)].preluMode = mode;
        m_session.weights.reset();
        restart();
    });

    // The output toggles apply to the compare maps as well.
    connect(m_output->showTestBox(), &QCheckBox::toggled, this, [this](bool on) {
        m_compare->setShowTestData(on);
        m_compare->replotCells();
    });
    connect(m_output->discretizeBox(), &QCheckBox::toggled, this, [this](bool on) {
        m_compare->setDiscretize(on);
        m_compare->replotCells();
    });

    // Compare mode.
    connect(m_compare, &CompareView::openRequested, this, &NetworkPage::openMember);
    connect(m_compare, &CompareView::classicRequested, m_classicAction, &QAction::trigger);
    connect(m_compare, &CompareView::stopRequested, this, [this] { setCompare({}); });
    connect(m_compare, &CompareView::activationToggled, this, [this](const QString& id, bool on) {
        QStringList ids = compared();
        if (ids.isEmpty() && !m_compare->property("pending").toString().isEmpty())
            ids << m_compare->property("pending").toString();
        if (on && !ids.contains(id)) ids << id;
        if (!on) ids.removeAll(id);
        if (ids.size() == 1) {
            // One activation is no comparison yet: remember it until a second is ticked.
            m_compare->setProperty("pending", ids.front());
            setCompare({});
            m_compare->setMembers(ids, {activationName(toStd(ids.front()))},
                                  m_session.network.output, m_session.network.outputs);
            return;
        }
        m_compare->setProperty("pending", QString());
        if (const QString e = setCompare(ids); !e.isEmpty()) emit statusMessage(e, 6000);
    });

    // The view switcher.
    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { showView(View(id)); });
    connect(m_backButton, &QToolButton::clicked, this, [this] { showView(View::Compare); });
}

void NetworkPage::connectExplorer() {
    if (!m_explorer) return;
    connect(m_explorer, &ExplorerState::paramsChanged, this, &NetworkPage::onExplorerParams);
}

// --- the session -------------------------------------------------------------------------------

nn::Session NetworkPage::trainedSession() const {
    nn::Session s = m_session;
    if (m_latest && !m_latest->networks.empty() && m_session.compare.empty()) {
        const NetworkFrame& f = m_latest->networks.front();
        const auto layers = f.network.layers();
        s.weights = std::vector<nn::LayerParams>(layers.begin(), layers.end());
        s.epoch = f.epoch;
    }
    return s;
}

QString NetworkPage::applySession(const nn::Session& session) {
    if (const std::string e = edits::check(session); !e.empty()) return qs(e);
    nn::Session s = session;
    const nn::Dataset data = nn::sessionData(s);
    edits::fitOutput(s, data.numClasses);
    if (const std::string e = edits::check(s); !e.empty()) return qs(e);
    m_session = s;
    m_data = data;
    m_focus = 0;
    m_compare->setProperty("pending", QString());
    if (s.view.epochsPerFrame > 0) setEpochsPerFrame(s.view.epochsPerFrame);
    m_session.view.epochsPerFrame = m_epochsPerFrame;
    m_playing = false;
    m_worker->setPlaying(false);
    restart(false);
    if (s.view.panel == "health")
        showView(View::Health);
    else if (!s.compare.empty() && s.view.panel.empty())
        showView(View::Compare);
    else
        showView(View::Network);
    if (m_explorer && !s.view.activation.empty()) m_explorer->setActivation(qs(s.view.activation));
    return {};
}

void NetworkPage::restart(bool keepPlaying) {
    const bool play = keepPlaying && m_playing;
    edits::fitOutput(m_session, m_data.numClasses);
    ++m_sessionId;
    m_latest.reset();
    const int members = std::max<int>(1, int(m_session.compare.size()));
    if (m_focus >= members) m_focus = 0;
    m_worker->setSession(m_session, m_data, m_sessionId);
    m_worker->setFocus(m_focus);
    m_playing = false;
    m_hoverUnit = -1;
    rebuildViews();
    syncControls();
    if (play) setPlaying(true);
    emit sessionChanged();
}

QString NetworkPage::activationName(const std::string& id) const {
    const ActivationSpec* spec = findActivation(id);
    return spec ? qs(spec->name, m_lang) : qs(id);
}

QStringList NetworkPage::memberNames() const {
    QStringList names;
    for (const std::string& id : m_session.compare) names << activationName(id);
    return names;
}

void NetworkPage::rebuildViews() {
    const bool compare = !m_session.compare.empty();
    const nn::Session shown =
        compare ? nn::compareMember(m_session, m_session.compare[std::size_t(m_focus)]) : m_session;
    const auto& hidden = shown.network.hidden;
    if (m_selectedLayer >= int(hidden.size())) m_selectedLayer = int(hidden.size()) - 1;
    if (m_selectedLayer < 0 && !hidden.empty()) m_selectedLayer = 0;

    QStringList chips;
    for (const nn::LayerSpec& l : hidden) chips << activationName(l.activation);
    m_diagram->setArchitecture(shown.network, chips);
    m_diagram->setSelectedLayer(m_selectedLayer);
    m_diagram->setHighlightAll(m_layers->applyToAll() && !compare);
    m_layers->setLocked(
        compare, compare ? activationName(m_session.compare[std::size_t(m_focus)]) : QString());
    m_layers->setLayer(
        m_selectedLayer, int(hidden.size()),
        m_selectedLayer >= 0 ? hidden[std::size_t(m_selectedLayer)] : nn::LayerSpec{});

    const nn::OutputKind kind = m_session.network.output;
    const int outputs = m_session.network.outputs;
    m_output->setOutput(kind, outputs);
    m_output->boundary()->setData(m_data);
    m_output->boundary()->showUnit({}, 0, {});
    m_output->clearMetrics(!m_data.test.empty());
    const QStringList names = memberNames();
    std::vector<QColor> colors;
    for (int k = 0; k < names.size(); ++k) colors.push_back(netstyle::memberColor(k));
    m_output->lossChart()->setNetworks(names, colors);
    m_output->lossChart()->setShowTest(!m_data.test.empty());
    m_output->setSubtitle(compare ? tr("%1: network %2 of %3 compared")
                                        .arg(names[m_focus])
                                        .arg(m_focus + 1)
                                        .arg(names.size())
                                  : QString());

    QStringList compareIds;
    for (const std::string& id : m_session.compare) compareIds << qs(id);
    const QString pending = m_compare->property("pending").toString();
    if (compareIds.isEmpty() && !pending.isEmpty())
        m_compare->setMembers({pending}, {activationName(toStd(pending))}, kind, outputs);
    else
        m_compare->setMembers(compareIds, names, kind, outputs);
    m_compare->setData(m_data);
    m_compare->setShowTestData(m_output->showTestBox()->isChecked());
    m_compare->setDiscretize(m_output->discretizeBox()->isChecked());
    m_compare->lossChart()->setShowTest(!m_data.test.empty());

    std::vector<nn::NetworkSpec> specs;
    if (compare)
        for (const std::string& id : m_session.compare)
            specs.push_back(nn::compareMember(m_session, id).network);
    else
        specs.push_back(m_session.network);
    m_health->setNetworks(names, specs);

    m_focusLabel->setText(compare ? tr("Showing %1").arg(names[m_focus]) : QString());
    m_focusLabel->setVisible(compare && currentView() == View::Network);
    m_backButton->setVisible(compare && currentView() == View::Network);
    m_dataPanel->setSpec(m_session.generator, m_session.points.has_value());
    m_dataPanel->setCounts(int(m_data.train.size()), int(m_data.test.size()));
    netstyle::replotIfShown(m_output->boundary());
}

void NetworkPage::syncControls() {
    m_bar->setConfig(m_session.training);
    m_bar->setEpochsPerFrame(m_epochsPerFrame);
    m_bar->setPlaying(m_playing);
    m_bar->setEpoch(0);
    m_setup->setValues(m_session.network.output, m_data.numClasses, m_session.init,
                       m_session.training.mode, m_session.seed);
}

// --- snapshots ---------------------------------------------------------------------------------

void NetworkPage::onSnapshot() {
    if (!m_worker) return;
    std::shared_ptr<const TrainingSnapshot> snapshot = m_worker->takeSnapshot();
    if (!snapshot || snapshot->sessionId != m_sessionId) return;  // from a replaced session
    m_latest = snapshot;
    m_playing = snapshot->playing;
    showFrame(*snapshot);
    emit snapshotShown(epoch());
}

int NetworkPage::epoch() const {
    if (!m_latest || m_latest->networks.empty()) return 0;
    return m_latest
        ->networks[std::size_t(std::clamp(m_focus, 0, int(m_latest->networks.size()) - 1))]
        .epoch;
}

void NetworkPage::showFrame(const TrainingSnapshot& snap) {
    // Each snapshot's samples go into the charts exactly once, here.
    const bool compare = !m_session.compare.empty();
    for (int k = 0; k < int(snap.networks.size()); ++k) {
        const NetworkFrame& f = snap.networks[std::size_t(k)];
        m_health->addFrame(k, f);
        m_output->lossChart()->addSamples(compare ? k : 0, f.samples, f.samplesRestart);
        if (compare) m_compare->setFrame(k, f, snap.hasTestSet);
    }
    showFocused(snap);
    m_compare->replotCells();
    m_health->refresh();
}

void NetworkPage::showFocused(const TrainingSnapshot& snap) {
    m_bar->setPlaying(m_playing);
    m_bar->setTrainable(snap.hasTrainingSet && !snap.networks.empty());
    m_playAction->setText(m_playing ? tr("&Pause") : tr("&Play"));
    showBanner(snap);
    if (snap.networks.empty()) return;
    const NetworkFrame& f =
        snap.networks[std::size_t(std::clamp(m_focus, 0, int(snap.networks.size()) - 1))];
    m_bar->setEpoch(f.epoch);
    BoundaryPlot* boundary = m_output->boundary();
    boundary->setGrid(f.outputGrid, f.gridSize);
    boundary->setContour(f.contour);
    m_output->setMetrics(f.metrics, snap.hasTestSet);
    if (!f.unitGrids.empty()) m_diagram->setFrame(f.network, f.unitGrids, f.unitGridSize);
    if (m_hoverUnit >= 0) updateHoverUnit();
    if (m_output->isVisible()) {
        netstyle::replotIfShown(boundary);
        m_output->lossChart()->refresh();
    }
}

void NetworkPage::showBanner(const TrainingSnapshot& snap) {
    QStringList lines;
    if (!snap.problem.empty())
        lines << tr("This session cannot be trained: %1").arg(qs(snap.problem));
    if (!snap.hasTrainingSet)
        lines << tr(
            "There are no training points. Click the output plot to add some, or choose a "
            "dataset.");
    QStringList diverged;
    double rate = 0;
    int at = 0;
    for (std::size_t k = 0; k < snap.networks.size(); ++k)
        if (snap.networks[k].divergedAt > 0) {
            diverged << (m_session.compare.empty() ? QString()
                                                   : activationName(m_session.compare[k]));
            rate = snap.networks[k].divergedLearningRate;
            at = snap.networks[k].divergedAt;
        }
    if (!diverged.isEmpty()) {
        if (m_session.compare.empty())
            lines
                << tr("Training stopped: the loss became infinite at epoch %1 (the network "
                      "diverged) with learning rate %2. The last good state is shown. Try a lower "
                      "learning rate, then press Play.")
                       .arg(at)
                       .arg(netstyle::number(rate, 6));
        else
            lines << tr("%1 diverged with learning rate %2 and stopped; the others go on. Try a "
                        "lower learning rate.")
                         .arg(diverged.join(QStringLiteral(", ")))
                         .arg(netstyle::number(rate, 6));
    }
    m_banner->setText(lines.join(QLatin1Char('\n')));
    m_banner->setVisible(!lines.isEmpty());
}

void NetworkPage::onUnitHovered(int unit, const QString& caption) {
    m_hoverUnit = unit;
    m_hoverCaption = caption;
    updateHoverUnit();
    netstyle::replotIfShown(m_output->boundary());
}

void NetworkPage::updateHoverUnit() {
    BoundaryPlot* boundary = m_output->boundary();
    if (m_hoverUnit < 0 || !m_latest || m_latest->networks.empty()) {
        boundary->showUnit({}, 0, {});
        return;
    }
    // The large picture is computed here from the snapshot's weights: one unit, on demand.
    const NetworkFrame& f =
        m_latest->networks[std::size_t(std::clamp(m_focus, 0, int(m_latest->networks.size()) - 1))];
    const int units = nn::GridEvaluator::unitCount(f.network);
    if (m_hoverUnit >= units) return;
    const std::size_t cells = std::size_t(kHoverGrid) * std::size_t(kHoverGrid);
    m_hoverValues.resize(std::size_t(units) * cells);
    m_hoverGrid.unitGrids(f.network, kHoverGrid, m_hoverValues);
    boundary->showUnit(
        std::span<const double>(m_hoverValues).subspan(std::size_t(m_hoverUnit) * cells, cells),
        kHoverGrid, m_hoverCaption);
}

// --- training ----------------------------------------------------------------------------------

void NetworkPage::setPlaying(bool playing) {
    m_playing = playing;
    m_worker->setPlaying(playing);
    m_bar->setPlaying(playing);
}

void NetworkPage::stepEpoch() {
    m_playing = false;
    m_bar->setPlaying(false);
    m_worker->step();
}

void NetworkPage::resetTraining() {
    m_playing = false;
    m_bar->setPlaying(false);
    m_worker->reset();
}

void NetworkPage::trainEpochs(int epochs) {
    m_playing = epochs > 0;
    m_bar->setPlaying(m_playing);
    m_worker->train(epochs);
}

void NetworkPage::setEpochsPerFrame(int epochs) {
    m_epochsPerFrame = std::clamp(epochs, 1, 1000);
    m_session.view.epochsPerFrame = m_epochsPerFrame;
    m_worker->setEpochsPerFrame(m_epochsPerFrame);
    m_bar->setEpochsPerFrame(m_epochsPerFrame);
}

void NetworkPage::setFrameRate(double fps) {
    m_worker->setFrameRate(fps);
}

void NetworkPage::setLearningRate(double rate) {
    if (!(rate > 0 && rate <= 100)) return;
    m_session.training.learningRate = rate;
    m_worker->setLearningRate(rate);
    m_bar->setConfig(m_session.training);
    emit sessionChanged();
}

void NetworkPage::setBatchSize(int size) {
    m_session.training.batchSize = std::clamp(size, 1, 1000);
    m_worker->setBatchSize(m_session.training.batchSize);
    m_bar->setConfig(m_session.training);
    emit sessionChanged();
}

void NetworkPage::setRegularization(nn::Regularization kind, double rate) {
    m_session.training.regularization = kind;
    m_session.training.regularizationRate = std::clamp(rate, 0.0, 10.0);
    m_worker->setRegularization(kind, m_session.training.regularizationRate);
    m_bar->setConfig(m_session.training);
    emit sessionChanged();
}

void NetworkPage::setOptimizer(nn::OptimizerKind kind) {
    if (kind == m_session.training.optimizer) return;
    nn::Session s = m_session;
    s.training.optimizer = kind;
    if (kind != nn::OptimizerKind::Sgd) s.training.mode = nn::TrainingMode::Standard;
    m_session = s;
    restart();
}

void NetworkPage::setInit(nn::InitKind init) {
    if (init == m_session.init && !m_session.weights) return;
    m_session.init = init;
    m_session.weights.reset();
    restart();
}

void NetworkPage::setSeed(std::uint64_t seed) {
    m_session.seed = seed;
    m_session.weights.reset();
    restart();
}

void NetworkPage::setOutput(nn::OutputKind kind) {
    nn::Session s = m_session;
    s.network.output = kind;
    s.network.outputs = kind == nn::OutputKind::SoftmaxCe ? m_data.numClasses : 1;
    s.weights.reset();
    if (kind != nn::OutputKind::TanhSquare && kind != nn::OutputKind::LinearSquare)
        s.training.mode = nn::TrainingMode::Standard;
    if (const std::string e = edits::check(s); !e.empty()) {
        emit statusMessage(qs(e), 6000);
        syncControls();
        return;
    }
    m_session = s;
    restart();
}

// --- layers ------------------------------------------------------------------------------------

void NetworkPage::selectLayer(int layer) {
    const int count = int(m_session.network.hidden.size());
    if (layer < 0 || layer >= count) return;
    m_selectedLayer = layer;
    m_diagram->setSelectedLayer(layer);
    nn::LayerSpec spec = m_session.network.hidden[std::size_t(layer)];
    if (!m_session.compare.empty()) {
        const ActivationSpec& act = activation(m_session.compare[std::size_t(m_focus)]);
        spec.activation = std::string(act.id);
        spec.params = act.defaults();
    }
    m_layers->setLayer(layer, count, spec);
    pushToExplorer();
}

bool NetworkPage::setLayerActivation(int layer, const QString& id) {
    if (!m_session.compare.empty()) return false;
    const ActivationSpec* act = findActivation(toStd(id));
    if (!act || layer >= int(m_session.network.hidden.size())) return false;
    nn::Session s = m_session;
    if (!edits::setActivation(s, layer, toStd(id), act->defaults())) return false;
    m_session = s;
    restart();
    if (layer >= 0) m_selectedLayer = layer;
    selectLayer(m_selectedLayer);
    return true;
}

bool NetworkPage::setLayerParameter(int layer, const QString& paramId, double value) {
    auto& hidden = m_session.network.hidden;
    if (!m_session.compare.empty() || layer < 0 || layer >= int(hidden.size())) return false;
    const std::string id = hidden[std::size_t(layer)].activation;
    const ActivationSpec* act = findActivation(id);
    const int index = act ? act->paramIndex(toStd(paramId)) : -1;
    if (index < 0) return false;
    ParamValues params = hidden[std::size_t(layer)].params;
    params[std::size_t(index)] = value;
    if (const std::string e = checkParams(*act, params); !e.empty()) {
        // The value stays on the slider; the running network keeps its last accepted one.
        if (layer == m_selectedLayer) m_layers->parameters()->setError(qs(e));
        return false;
    }
    m_layers->parameters()->setError({});
    for (int l = 0; l < int(hidden.size()); ++l) {
        if (l != layer && !(m_layers->applyToAll() && hidden[std::size_t(l)].activation == id))
            continue;
        hidden[std::size_t(l)].params = params;
        m_worker->setActivationParams(l, id, params);
    }
    if (layer == m_selectedLayer) m_layers->setParams(params);
    pushToExplorer();
    emit sessionChanged();
    return true;
}

void NetworkPage::onLayerParameter(int index, double value) {
    if (m_selectedLayer < 0) return;
    const ActivationSpec* act =
        findActivation(m_session.network.hidden[std::size_t(m_selectedLayer)].activation);
    if (!act || index >= int(act->params.size())) return;
    setLayerParameter(m_selectedLayer, qs(act->params[std::size_t(index)].id), value);
}

void NetworkPage::addLayer() {
    if (!edits::addLayer(m_session)) return;
    m_selectedLayer = int(m_session.network.hidden.size()) - 1;
    restart();
}

void NetworkPage::removeLayer() {
    if (!edits::removeLayer(m_session)) return;
    restart();
}

void NetworkPage::changeNeurons(int layer, int delta) {
    if (!edits::changeNeurons(m_session, layer, delta)) return;
    restart();
}

void NetworkPage::setFeature(nn::Feature feature, bool on) {
    if (!edits::setFeature(m_session, feature, on)) {
        if (!on) emit statusMessage(tr("The network needs at least one input feature."), 5000);
        syncDiagram();  // the toggle goes back
        return;
    }
    restart();
}

// --- the explorer ------------------------------------------------------------------------------

void NetworkPage::pushToExplorer() {
    if (!m_explorer || m_selectedLayer < 0 ||
        m_selectedLayer >= int(m_session.network.hidden.size()))
        return;
    std::string id = m_session.network.hidden[std::size_t(m_selectedLayer)].activation;
    ParamValues params = m_session.network.hidden[std::size_t(m_selectedLayer)].params;
    if (!m_session.compare.empty()) {
        id = m_session.compare[std::size_t(m_focus)];
        params = activation(id).defaults();
    }
    // The explorer then shows the same function; its change signals come back to
    // onExplorerParams, which ignores them while this write is in progress.
    m_syncingExplorer = true;
    if (qs(m_explorer->spec().id) != qs(id)) m_explorer->setActivation(qs(id));
    if (m_explorer->params() != params) m_explorer->setParams(params);
    m_syncingExplorer = false;
}

void NetworkPage::onExplorerParams() {
    if (m_syncingExplorer || !m_session.compare.empty() || m_selectedLayer < 0 ||
        m_selectedLayer >= int(m_session.network.hidden.size()))
        return;
    const nn::LayerSpec& layer = m_session.network.hidden[std::size_t(m_selectedLayer)];
    const ActivationSpec& spec = m_explorer->spec();
    if (layer.activation != spec.id || !m_explorer->isValid()) return;
    for (std::size_t i = 0; i < spec.params.size(); ++i)
        if (m_explorer->params()[i] != layer.params[i])
            setLayerParameter(m_selectedLayer, qs(spec.params[i].id), m_explorer->params()[i]);
}

// --- compare mode ------------------------------------------------------------------------------

QString NetworkPage::setCompare(const QStringList& ids) {
    nn::Session s = m_session;
    s.compare.clear();
    for (const QString& id : ids) s.compare.push_back(toStd(id));
    s.weights.reset();
    if (const std::string e = edits::check(s); !e.empty()) return qs(e);
    m_session = s;
    m_focus = 0;
    if (!s.compare.empty()) m_compare->setProperty("pending", QString());
    restart();
    if (!s.compare.empty()) showView(View::Compare);
    return {};
}

QStringList NetworkPage::compared() const {
    QStringList ids;
    for (const std::string& id : m_session.compare) ids << qs(id);
    return ids;
}

void NetworkPage::openMember(int k) {
    if (k < 0 || k >= int(m_session.compare.size())) return;
    m_focus = k;
    m_worker->setFocus(k);
    m_hoverUnit = -1;
    // The member's loss history is in the charts already; the rest follows with the next
    // snapshot, which the worker publishes for the new focus.
    const QStringList names = memberNames();
    const nn::Session member = nn::compareMember(m_session, m_session.compare[std::size_t(k)]);
    QStringList chips;
    for (std::size_t l = 0; l < member.network.hidden.size(); ++l) chips << names[k];
    m_diagram->setArchitecture(member.network, chips);
    m_layers->setLocked(true, names[k]);
    selectLayer(std::max(0, m_selectedLayer));
    m_output->setSubtitle(
        tr("%1: network %2 of %3 compared").arg(names[k]).arg(k + 1).arg(names.size()));
    m_focusLabel->setText(tr("Showing %1").arg(names[k]));
    if (m_latest && k < int(m_latest->networks.size())) showFocused(*m_latest);
    showView(View::Network);
}

// --- data --------------------------------------------------------------------------------------

DataState NetworkPage::dataState() const {
    return {m_session.generator, m_session.points, m_data};
}

DataState NetworkPage::generated(const nn::DatasetSpec& spec) const {
    return {spec, std::nullopt, nn::generateDataset(spec)};
}

void NetworkPage::pushData(const QString& text, DataState after, bool restartNetworks) {
    m_undo->push(new DataEditCommand(text, dataState(), std::move(after), restartNetworks,
                                     [this](const DataState& s, bool r) { applyData(s, r); }));
}

void NetworkPage::applyData(const DataState& state, bool restartNetworks) {
    const int classesBefore = m_data.numClasses;
    m_session.generator = state.generator;
    m_session.points = state.points;
    m_data = state.data;
    if (restartNetworks || m_data.numClasses != classesBefore) {
        restart();
        return;
    }
    m_worker->setData(m_data);
    m_output->boundary()->setData(m_data);
    m_compare->setData(m_data);
    m_output->lossChart()->setShowTest(!m_data.test.empty());
    m_dataPanel->setSpec(m_session.generator, m_session.points.has_value());
    m_dataPanel->setCounts(int(m_data.train.size()), int(m_data.test.size()));
    netstyle::replotIfShown(m_output->boundary());
    m_compare->replotCells();
    emit sessionChanged();
}

void NetworkPage::addPoint(double x, double y, bool classB) {
    double label = classB ? -1 : 1;
    if (m_data.numClasses > 2) {
        const int k = std::min(m_dataPanel->brushClass(), m_data.numClasses - 1);
        label = classB ? (k + 1) % m_data.numClasses : k;
    }
    nn::Dataset d = m_data;
    nn::addPoint(d, {clampToDomain(x), clampToDomain(y), label});
    DataState after = dataState();
    after.points = d;
    after.data = d;
    pushData(tr("Add Point"), std::move(after), false);
}

bool NetworkPage::erasePoint(double x, double y, double radius) {
    nn::Dataset d = m_data;
    if (!nn::removeNearestPoint(d, x, y, radius)) return false;
    DataState after = dataState();
    after.points = d;
    after.data = d;
    pushData(tr("Erase Point"), std::move(after), false);
    return true;
}

void NetworkPage::clearPoints() {
    if (m_data.train.empty() && m_data.test.empty()) return;
    nn::Dataset d = m_data;
    d.train.clear();
    d.test.clear();
    DataState after = dataState();
    after.points = d;
    after.data = d;
    pushData(tr("Clear Points"), std::move(after), false);
    if (m_playing) setPlaying(false);
    emit statusMessage(tr("All points removed: click the output plot to draw your own. Undo "
                          "(Ctrl+Z) brings them back."),
                       8000);
}

void NetworkPage::regenerateData() {
    nn::DatasetSpec spec = m_session.generator;
    spec.seed = spec.seed + 1;
    pushData(tr("Regenerate Data"), generated(spec), true);
    emit statusMessage(tr("New points. Undo (Ctrl+Z) brings the previous ones back."), 6000);
}

void NetworkPage::setDatasetKind(nn::DatasetKind kind) {
    nn::DatasetSpec spec = m_session.generator;
    spec.kind = kind;
    setDatasetSpec(spec);
}

void NetworkPage::setDatasetSpec(const nn::DatasetSpec& spec) {
    if (const std::string e = nn::validate(spec); !e.empty()) {
        emit statusMessage(qs(e), 6000);
        m_dataPanel->setSpec(m_session.generator, m_session.points.has_value());
        return;
    }
    pushData(tr("Change Data"), generated(spec), true);
}

QString NetworkPage::importCsv(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Could not open %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    std::istringstream in(file.readAll().toStdString());
    const nn::DatasetImport result =
        nn::readDatasetCsv(in, m_session.generator.trainPercent, m_session.generator.seed);
    if (!result.ok())
        return tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), qs(result.error));
    nn::Session s = m_session;
    s.points = result.data;
    edits::fitOutput(s, result.data.numClasses);
    s.compare = m_session.compare;
    if (const std::string e = edits::check(s); !e.empty())
        return tr("The points of %1 cannot be used: %2").arg(QDir::toNativeSeparators(path), qs(e));
    DataState after = dataState();
    after.points = result.data;
    after.data = result.data;
    pushData(tr("Import Points"), std::move(after), true);
    return {};
}

QString NetworkPage::exportCsv(const QString& path) const {
    std::ostringstream out;
    nn::writeDatasetCsv(out, m_data);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    const std::string text = out.str();
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size()))
        return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

// --- views -------------------------------------------------------------------------------------

void NetworkPage::showView(View view) {
    m_views->setCurrentIndex(int(view));
    if (QAbstractButton* b = m_viewButtons->button(int(view))) b->setChecked(true);
    const bool compare = !m_session.compare.empty();
    m_focusLabel->setVisible(compare && view == View::Network);
    m_backButton->setVisible(compare && view == View::Network);
    m_session.view.panel = view == View::Health ? "health" : view == View::Network ? "network" : "";
    // Hidden views skip their repaints; bring the shown one up to date.
    if (view == View::Network) {
        netstyle::replotIfShown(m_output->boundary());
        m_output->lossChart()->refresh();
    } else if (view == View::Compare) {
        m_compare->replotCells();
    } else {
        m_health->refresh();
    }
}

NetworkPage::View NetworkPage::currentView() const {
    return View(m_views->currentIndex());
}

QString NetworkPage::exportBoundary(const QString& path, PlotExport::Format format, double scale) {
    return PlotExport::savePlot(m_output->boundary(), path, format, scale);
}

QString NetworkPage::exportLossChart(const QString& path, PlotExport::Format format, double scale) {
    return PlotExport::savePlot(m_output->lossChart(), path, format, scale);
}

QString NetworkPage::exportCurrentView(const QString& path, PlotExport::Format format,
                                       double scale) {
    QWidget* view = m_views->currentWidget();
    // A scrolling view is saved whole, not only the part that fits the window.
    if (auto* scroll = qobject_cast<QScrollArea*>(view); scroll && scroll->widget())
        view = scroll->widget();
    else if (auto* inner = view ? view->findChild<QScrollArea*>() : nullptr;
             inner && inner->widget() && inner->parentWidget() == view)
        view = inner->widget();
    return PlotExport::saveWidget(view, path, format, scale);
}

void NetworkPage::exportWithDialog(Figure figure) {
    const QString dir = m_lastDir.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                            : m_lastDir;
    const QString name = figure == Figure::Boundary ? QStringLiteral("decision-boundary.png")
                         : figure == Figure::Loss   ? QStringLiteral("loss.png")
                                                    : QStringLiteral("network-view.png");
    const QString title = figure == Figure::Boundary ? tr("Export Decision Boundary")
                          : figure == Figure::Loss   ? tr("Export Loss Chart")
                                                     : tr("Export Current View");
    const QString path = QFileDialog::getSaveFileName(
        this, title, dir + QLatin1Char('/') + name,
        tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    m_lastDir = QFileInfo(path).absolutePath();
    PlotExport::Format format = PlotExport::Format::Png;
    if (!PlotExport::formatFromPath(path, &format)) {
        QMessageBox::warning(this, tr("Export"), tr("Please use a .png, .svg or .pdf file name."));
        return;
    }
    const QString error = figure == Figure::Boundary ? exportBoundary(path, format, m_pngScale)
                          : figure == Figure::Loss   ? exportLossChart(path, format, m_pngScale)
                                                     : exportCurrentView(path, format, m_pngScale);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export"), error);
    else
        emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void NetworkPage::syncDiagram() {
    const bool compare = !m_session.compare.empty();
    const nn::Session shown =
        compare ? nn::compareMember(m_session, m_session.compare[std::size_t(m_focus)]) : m_session;
    QStringList chips;
    for (const nn::LayerSpec& l : shown.network.hidden) chips << activationName(l.activation);
    // The same shape keeps the weights and thumbnails shown; only labels and toggles change.
    m_diagram->setArchitecture(shown.network, chips);
}

void NetworkPage::setLanguage(const QString& lang) {
    m_lang = lang;
    m_layers->setLanguage(lang);
    const QStringList names = memberNames();
    m_compare->setLanguage(lang, names);
    m_output->lossChart()->setNames(names);
    m_health->setTitles(names);
    syncDiagram();
    if (!m_session.compare.empty()) m_focusLabel->setText(tr("Showing %1").arg(names[m_focus]));
}

void NetworkPage::restoreSettings(const AppSettings& settings) {
    setEpochsPerFrame(settings.epochsPerFrame());
    m_output->showTestBox()->setChecked(settings.showTestData());
    m_output->discretizeBox()->setChecked(settings.discretizeOutput());
    m_output->logScaleBox()->setChecked(settings.logLossScale());
    const QString json = settings.networkSession();
    if (!json.isEmpty()) {
        const nn::SessionLoad load = nn::parseSession(toStd(json));
        // A stored session that no longer loads (an older format) is dropped quietly.
        if (load.ok()) {
            nn::Session s = load.session;
            s.view.epochsPerFrame = m_epochsPerFrame;
            applySession(s);
        }
    }
    const QString view = settings.networkView();
    showView(view == QLatin1String("compare")  ? View::Compare
             : view == QLatin1String("health") ? View::Health
                                               : View::Network);
}

void NetworkPage::saveSettings(AppSettings& settings) const {
    settings.setNetworkSession(qs(nn::serializeSession(m_session)));
    settings.setEpochsPerFrame(m_epochsPerFrame);
    settings.setShowTestData(m_output->showTestBox()->isChecked());
    settings.setDiscretizeOutput(m_output->discretizeBox()->isChecked());
    settings.setLogLossScale(m_output->logScaleBox()->isChecked());
    const View v = currentView();
    settings.setNetworkView(v == View::Compare  ? QStringLiteral("compare")
                            : v == View::Health ? QStringLiteral("health")
                                                : QStringLiteral("network"));
}

void NetworkPage::updateActions() {
    // The menu bar keeps these shortcuts alive on every page; Space, Ctrl+Z and the others only
    // act on training and data while this page is shown.
    const bool shown = isVisible();
    for (QAction* a : {m_playAction, m_stepAction, m_resetAction}) a->setEnabled(shown);
    m_undoAction->setEnabled(shown && m_undo->canUndo());
    m_redoAction->setEnabled(shown && m_undo->canRedo());
    const QString undo = m_undo->undoText(), redo = m_undo->redoText();
    m_undoAction->setText(undo.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undo));
    m_redoAction->setText(redo.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redo));
    m_undoAction->setToolTip(tr("Undo the last change of the points (Ctrl+Z)"));
    m_redoAction->setToolTip(tr("Redo the change of the points (Ctrl+Shift+Z)"));
}

void NetworkPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    updateActions();
    showView(currentView());
}

void NetworkPage::hideEvent(QHideEvent* event) {
    QWidget::hideEvent(event);
    updateActions();
}

void NetworkPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void NetworkPage::retranslate() {
    m_playAction->setText(m_playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setToolTip(tr("Train or pause (Space)"));
    m_stepAction->setText(tr("&Step One Epoch"));
    m_resetAction->setText(tr("&Reset Training"));
    updateActions();
    m_importAction->setText(tr("&Import Points (CSV)…"));
    m_exportCsvAction->setText(tr("&Export Points (CSV)…"));
    m_exportBoundaryAction->setText(tr("Export Decision &Boundary…"));
    m_exportLossAction->setText(tr("Export &Loss Chart…"));
    m_exportViewAction->setText(tr("Export Current &View…"));
    m_exportViewAction->setToolTip(
        tr("Save the network diagram, the comparison grid or the gradient-health view as "
           "shown, as PNG, SVG or PDF"));
    m_classicAction->setText(tr("&Compare the Classic Eight"));
    m_networkButton->setText(tr("Network"));
    m_networkButton->setToolTip(tr("The network diagram, the decision boundary and the loss"));
    m_compareButton->setText(tr("Compare activations"));
    m_compareButton->setToolTip(tr("Train several activations side by side from the same start"));
    m_healthButton->setText(tr("Gradient health"));
    m_healthButton->setToolTip(
        tr("Gradient norms, dead units and activation statistics per layer"));
    m_backButton->setText(tr("\u2190 Back to the comparison"));
    m_backButton->setToolTip(tr("Show all compared networks again"));
}

}  // namespace actlab::ui
