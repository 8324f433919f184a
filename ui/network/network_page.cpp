#include "network/network_page.h"

#include <QAction>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "activations/registry.h"
#include "common/appearance.h"
#include "common/qt_text.h"
#include "common/reflow_layout.h"
#include "common/scroll_areas.h"
#include "common/side_panels.h"
#include "common/visual_tab_order.h"
#include "network/boundary_plot.h"
#include "network/compare_view.h"
#include "network/data_editor.h"
#include "network/dataset_panel.h"
#include "network/frame_presenter.h"
#include "network/health_view.h"
#include "network/formula_dialog.h"
#include "network/layer_controls.h"
#include "network/loss_chart.h"
#include "network/model_setup_panel.h"
#include "network/network_diagram.h"
#include "network/network_editor.h"
#include "network/network_exports.h"
#include "network/network_style.h"
#include "network/output_panel.h"
#include "network/session_edits.h"
#include "network/training_bar.h"
#include "network/training_control.h"
#include "network/training_worker.h"
#include "network/view_switcher.h"
#include "network/why_ledger.h"
#include "network/why_view.h"
#include "nn/session_state.h"

namespace actlab::ui {



NetworkPage::NetworkPage(QWidget* parent)
    : QWidget(parent),
      m_training(new TrainingControl(this)),
      m_dataEditor(new DataEditor(
          m_state.session, m_state.data, m_lastDir,
          [this](const DataState& s, bool restart) { applyData(s, restart); }, this)) {
    setObjectName(QStringLiteral("networkPage"));
    // The page's own look (the main window's style sheet supplies the rest), in the theme's
    // colours and at the presentation scale.
    setStyleSheet(Appearance::instance().networkStyleSheet());
    connect(&Appearance::instance(), &Appearance::changed, this,
            [this] { setStyleSheet(Appearance::instance().networkStyleSheet()); });
    m_state.session = edits::defaultSession();
    m_state.data = nn::sessionData(m_state.session);
    m_state.session.view.epochsPerFrame = m_training->epochsPerFrame();
    m_classicAction = new QAction(this);

    m_bar = new TrainingBar(this);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("banner"));
    m_banner->setWordWrap(true);
    m_banner->hide();
    m_compare = new CompareView(this);
    m_health = new HealthView(this);
    m_views = new ViewSwitcher(this);
    m_views->addView(createNetworkView());
    m_views->addView(verticalScroll(m_compare, this));
    m_views->addView(m_health);
    m_why = new WhyView(this);
    m_views->addView(m_why);
    m_exports = new NetworkExports(m_output, m_views, m_lastDir, this);
    m_exports->setCodeSource([this] { return codeSource(); });
    m_frames = new FramePresenter(
        m_state, *m_training,
        {m_bar, m_banner, m_output, m_compare, m_health, m_why, m_diagram}, this);
    m_editor = new NetworkEditor(m_state, *m_training, {m_diagram, m_layers, m_compare}, this);

    // The views keep their share of the width; at a large scale the data and setup panel
    // becomes a drawer at the left edge.
    m_sides = new SidePanels(this);
    m_leftColumn = createLeftColumn();
    m_sides->addPanel(SidePanels::Side::Left, m_leftColumn, 292, QString());
    m_sides->setCentre(m_views);
    auto* body = new QHBoxLayout;
    body->setContentsMargins(6, 6, 6, 4);
    body->addWidget(m_sides, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_bar);
    auto* bannerRow = new QHBoxLayout;
    bannerRow->setContentsMargins(10, 6, 10, 0);
    bannerRow->addWidget(m_banner);
    layout->addLayout(bannerRow);
    layout->addLayout(body, 1);
    // Tab follows the reading order: the bar above, the panels and the centre from the left.
    VisualTabOrder::install(this, [this](const QWidget* w) {
        return SidePanels::pageRegionOf(this, m_sides, w);
    });

    connectParts();
    connectPanels();
    retranslate();
    restart(false);
}

NetworkPage::~NetworkPage() {
    // Join the training thread before the widgets it feeds go away.
    delete m_training;
    m_training = nullptr;
    // The undo stack clears itself when it is deleted and signals the change; by then this page
    // is only a QWidget, so the editor must go while it is whole.
    delete m_dataEditor;
    m_dataEditor = nullptr;
}

void NetworkPage::connectParts() {
    // The shortcuts work while the page is shown (see showEvent), not on the other pages.
    QList<QAction*> keys{m_training->playAction(), m_training->stepAction(),
                         m_training->resetAction(), m_dataEditor->undoAction(),
                         m_dataEditor->redoAction()};
    keys << m_editor->structureActions();
    for (QAction* a : keys) {
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
    }
    updateActions();
    connect(m_training, &TrainingControl::playingChanged, m_bar, &TrainingBar::setPlaying);
    connect(m_training, &TrainingControl::frameArrived, this, [this](const TrainingSnapshot& s) {
        m_frames->showFrame(s);
        emit snapshotShown(epoch());
    });
    connect(m_dataEditor, &DataEditor::statusMessage, this, &NetworkPage::statusMessage);
    connect(m_exports, &NetworkExports::statusMessage, this, &NetworkPage::statusMessage);
    connect(m_editor, &NetworkEditor::statusMessage, this, &NetworkPage::statusMessage);
    connect(m_editor, &NetworkEditor::restartNeeded, this, [this] { restart(); });
    connect(m_editor, &NetworkEditor::controlsStale, this, &NetworkPage::syncControls);
    connect(m_editor, &NetworkEditor::sessionChanged, this, &NetworkPage::sessionChanged);
    connect(m_editor, &NetworkEditor::selectedActivationShown, this,
            &NetworkPage::selectedActivationShown);
    connect(m_editor, &NetworkEditor::compareStarted, this, [this] { showView(View::Compare); });
    connect(m_editor, &NetworkEditor::memberOpened, this, [this](int k) {
        m_frames->clearHover();
        const QStringList names = m_state.memberNames();
        m_output->setSubtitle(
            tr("%1: network %2 of %3 compared").arg(names[k]).arg(k + 1).arg(names.size()));
        m_views->setFocusCaption(tr("Showing %1").arg(names[k]));
        const auto& latest = m_training->latest();
        if (latest && k < int(latest->networks.size())) m_frames->showFocused(*latest);
        showView(View::Network);
    });
    connect(m_classicAction, &QAction::triggered, this, [this] {
        QStringList ids;
        for (const std::string& id : edits::classicEight()) ids << qs(id);
        setCompare(ids);
    });
    connect(m_views, &ViewSwitcher::viewChosen, this, [this](int id) { showView(View(id)); });
    connect(m_why, &WhyView::explorerRequested, this, &NetworkPage::explorerRequested);
    // A first-layer link of the diagram chooses the weight of the Why view's chain rule.
    connect(m_diagram, &NetworkDiagram::linkClicked, this, [this](int layer, int from, int to) {
        if (layer != 0) return;
        m_why->ledger()->choose(m_why->ledger()->example(), from, to);
        emit statusMessage(tr("Why ▸ Chain rule now follows this weight (input %1 → unit %2).")
                               .arg(from + 1)
                               .arg(to + 1),
                           6000);
    });
    connect(m_why, &WhyView::tabChanged, this, [this] {
        if (currentView() == View::Why) m_state.session.view.panel = WhyView::tabId(m_why->tab());
    });
    connect(m_views, &ViewSwitcher::backRequested, this, [this] { showView(View::Compare); });
}

void NetworkPage::connectPanels() {
    // The training bar.
    connect(m_bar, &TrainingBar::playToggled, this, &NetworkPage::setPlaying);
    connect(m_bar, &TrainingBar::stepRequested, this, &NetworkPage::stepEpoch);
    connect(m_bar, &TrainingBar::resetRequested, this, &NetworkPage::resetTraining);
    connect(m_bar, &TrainingBar::epochsPerFrameChosen, this, &NetworkPage::setEpochsPerFrame);
    connect(m_bar, &TrainingBar::learningRateChosen, this, &NetworkPage::setLearningRate);
    connect(m_bar, &TrainingBar::optimizerChosen, m_editor, &NetworkEditor::setOptimizer);
    connect(m_bar, &TrainingBar::batchSizeChosen, this, &NetworkPage::setBatchSize);
    connect(m_bar, &TrainingBar::regularizationChosen, this, &NetworkPage::setRegularization);

    // The data.
    connect(m_dataPanel, &DatasetPanel::kindChosen, this, &NetworkPage::setDatasetKind);
    const auto withSpec = [this](auto change) {
        return [this, change](int v) {
            nn::DatasetSpec spec = m_state.session.generator;
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
    connect(m_dataPanel, &DatasetPanel::importRequested, m_dataEditor->importAction(),
            &QAction::trigger);
    connect(m_dataPanel, &DatasetPanel::exportRequested, m_dataEditor->exportAction(),
            &QAction::trigger);
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
    connect(m_setup, &ModelSetupPanel::outputChosen, m_editor, &NetworkEditor::setOutput);
    connect(m_setup, &ModelSetupPanel::initChosen, m_editor, &NetworkEditor::setInit);
    connect(m_setup, &ModelSetupPanel::seedChosen, m_editor, &NetworkEditor::setSeed);
    connect(m_setup, &ModelSetupPanel::modeChosen, m_editor, &NetworkEditor::setMode);

    // The diagram and the layer controls.
    connect(m_diagram, &NetworkDiagram::featureToggled, m_editor, &NetworkEditor::setFeature);
    connect(m_diagram, &NetworkDiagram::addLayerRequested, m_editor, &NetworkEditor::addLayer);
    connect(m_diagram, &NetworkDiagram::removeLayerRequested, m_editor,
            &NetworkEditor::removeLayer);
    connect(m_diagram, &NetworkDiagram::neuronsChangeRequested, m_editor,
            &NetworkEditor::changeNeurons);
    connect(m_diagram, &NetworkDiagram::layerSelected, m_editor, &NetworkEditor::selectLayer);
    connect(m_diagram, &NetworkDiagram::unitHovered, m_frames, &FramePresenter::setHoverUnit);
    connect(m_layers, &LayerControls::activationChosen, this, [this](const QString& id) {
        m_editor->setLayerActivation(m_layers->applyToAll() ? -1 : m_state.selectedLayer, id);
    });
    connect(m_layers, &LayerControls::formulaChosen, this, [this](const ActivationCall& call) {
        m_editor->setLayerFormula(m_layers->applyToAll() ? -1 : m_state.selectedLayer, call);
    });
    connect(m_layers, &LayerControls::parameterChanged, m_editor,
            &NetworkEditor::setSelectedParameter);
    connect(m_layers, &LayerControls::applyToAllChanged, this, [this](bool all) {
        m_diagram->setHighlightAll(all && !m_state.comparing());
        m_editor->selectLayer(m_state.selectedLayer);
    });
    connect(m_layers, &LayerControls::preluModeChosen, m_editor, &NetworkEditor::setPreluMode);

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
    connect(m_compare, &CompareView::openRequested, m_editor, &NetworkEditor::openMember);
    connect(m_compare, &CompareView::classicRequested, m_classicAction, &QAction::trigger);
    connect(m_compare, &CompareView::stopRequested, this, [this] { setCompare({}); });
    connect(m_compare, &CompareView::formulaRequested, this, [this] {
        auto* dialog = new FormulaDialog(nullptr, m_state.lang, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            if (const QString e = m_editor->addCompareFormula(dialog->call()); !e.isEmpty())
                emit statusMessage(e, 6000);
        });
        dialog->open();
    });
    connect(m_compare, &CompareView::activationToggled, m_editor,
            &NetworkEditor::toggleCompared);
}

// --- the session -------------------------------------------------------------------------------

nn::Session NetworkPage::trainedSession() const {
    const auto& latest = m_training->latest();
    if (!latest) return m_state.session;
    const LossChart* chart = m_output->lossChart();
    std::vector<const std::vector<MetricSample>*> histories;
    for (int k = 0; k < chart->networkCount(); ++k) histories.push_back(&chart->samples(k));
    return withTrainedState(m_state.session, *latest, m_state.comparing(), histories);
}

NetworkExports::CodeSource NetworkPage::codeSource() const {
    nn::Session s = trainedSession();
    if (!m_state.comparing()) return {std::move(s), {}, m_state.lang};
    // Compare mode exports the network in focus, with its own trained state.
    const QString name = m_state.memberNames()[m_state.focus];
    nn::Session member = nn::compareMember(s, s.compare[std::size_t(m_state.focus)]);
    return {std::move(member),
            tr("Compare mode: this exports the network shown, %1. Show another one (N) to "
               "export it.")
                .arg(name),
            m_state.lang};
}

QString NetworkPage::applySession(const nn::Session& session) {
    if (const std::string e = edits::check(session); !e.empty()) return qs(e);
    nn::Session s = session;
    const nn::Dataset data = nn::sessionData(s);
    edits::fitOutput(s, data.numClasses);
    if (const std::string e = edits::check(s); !e.empty()) return qs(e);
    // The page's session is the experiment; a saved training goes to the worker once, to
    // continue from (any edit after this starts over from epoch 0).
    m_state.session = nn::untrainedSession(s);
    m_state.data = data;
    m_state.focus = 0;
    for (std::size_t k = 0; k < s.compare.size(); ++k)
        if (nn::memberLabel(s.compare[k]) == s.view.focus) m_state.focus = int(k);
    m_compare->setProperty("pending", QString());
    if (s.view.epochsPerFrame > 0) setEpochsPerFrame(s.view.epochsPerFrame);
    m_state.session.view.epochsPerFrame = m_training->epochsPerFrame();
    s.view.epochsPerFrame = m_training->epochsPerFrame();
    m_training->setPlaying(false);
    restart(false, &s);
    WhyView::Tab whyTab{};
    if (s.view.panel == "health") {
        showView(View::Health);
        if (!s.view.focus.empty()) m_health->scrollToCard(m_state.focus);
    } else if (WhyView::tabFromId(s.view.panel, whyTab)) {
        m_why->setTab(whyTab);
        showView(View::Why);
    } else if (!s.compare.empty() && s.view.panel.empty())
        showView(View::Compare);
    else
        showView(View::Network);
    if (!s.view.activation.empty()) emit activationHinted(qs(s.view.activation));
    return {};
}

void NetworkPage::restart(bool keepPlaying, const nn::Session* trained) {
    const bool play = keepPlaying && m_training->isPlaying();
    edits::fitOutput(m_state.session, m_state.data.numClasses);
    const int members = std::max<int>(1, int(m_state.session.compare.size()));
    if (m_state.focus >= members) m_state.focus = 0;
    m_training->start(trained ? *trained : m_state.session, m_state.data, m_state.focus);
    m_frames->clearHover();
    rebuildViews();
    syncControls();
    if (play) setPlaying(true);
    emit sessionChanged();
}

void NetworkPage::rebuildViews() {
    const nn::Session& session = m_state.session;
    const nn::Dataset& data = m_state.data;
    const bool compare = m_state.comparing();
    const int focus = m_state.focus;
    const nn::Session shown = m_state.shown();
    const auto& hidden = shown.network.hidden;
    int& selected = m_state.selectedLayer;
    if (selected >= int(hidden.size())) selected = int(hidden.size()) - 1;
    if (selected < 0 && !hidden.empty()) selected = 0;

    QStringList chips;
    for (const nn::LayerSpec& l : hidden) chips << m_state.activationName(l.activation);
    m_diagram->setArchitecture(shown.network, chips);
    m_diagram->setSelectedLayer(selected);
    m_diagram->setHighlightAll(m_layers->applyToAll() && !compare);
    m_layers->setLocked(compare, compare ? m_state.activationName(
                                               session.compare[std::size_t(focus)])
                                         : QString());
    m_layers->setLayer(selected, int(hidden.size()),
                       selected >= 0 ? hidden[std::size_t(selected)] : nn::LayerSpec{});

    const nn::OutputKind kind = session.network.output;
    const int outputs = session.network.outputs;
    m_output->setOutput(kind, outputs);
    m_output->boundary()->setData(data);
    m_output->boundary()->showUnit({}, 0, {});
    m_output->clearMetrics(!data.test.empty());
    const QStringList names = m_state.memberNames();
    std::vector<QColor> colors;
    for (int k = 0; k < names.size(); ++k) colors.push_back(netstyle::memberColor(k));
    m_output->lossChart()->setNetworks(names, colors);
    m_output->lossChart()->setShowTest(!data.test.empty());
    m_output->setSubtitle(
        compare
            ? tr("%1: network %2 of %3 compared").arg(names[focus]).arg(focus + 1).arg(names.size())
            : QString());

    const QStringList compareIds = m_editor->compared();
    const QString pending = m_compare->property("pending").toString();
    if (compareIds.isEmpty() && !pending.isEmpty())
        m_compare->setMembers({pending}, {m_state.activationName(toStd(pending))}, kind, outputs);
    else
        m_compare->setMembers(compareIds, names, kind, outputs);
    m_compare->setData(data);
    m_compare->setShowTestData(m_output->showTestBox()->isChecked());
    m_compare->setDiscretize(m_output->discretizeBox()->isChecked());
    m_compare->lossChart()->setShowTest(!data.test.empty());

    std::vector<nn::NetworkSpec> specs;
    if (compare)
        for (const nn::CompareMember& member : session.compare)
            specs.push_back(nn::compareMember(session, member).network);
    else
        specs.push_back(session.network);
    m_health->setNetworks(names, specs);
    m_why->setMembers(compare ? names : QStringList{});

    m_views->setFocusCaption(compare ? tr("Showing %1").arg(names[focus]) : QString());
    m_views->setFocusShown(compare && currentView() == View::Network);
    m_dataPanel->setSpec(session.generator, session.points.has_value());
    m_dataPanel->setCounts(int(data.train.size()), int(data.test.size()));
    netstyle::replotIfShown(m_output->boundary());
}

void NetworkPage::syncControls() {
    const nn::Session& session = m_state.session;
    m_bar->setConfig(session.training);
    m_bar->setEpochsPerFrame(m_training->epochsPerFrame());
    m_bar->setPlaying(m_training->isPlaying());
    m_bar->setEpoch(0);
    m_setup->setValues(session.network.output, m_state.data.numClasses, session.init,
                       session.training.mode, session.seed);
}

// --- training ----------------------------------------------------------------------------------

void NetworkPage::setEpochsPerFrame(int epochs) {
    m_training->setEpochsPerFrame(epochs);
    m_state.session.view.epochsPerFrame = m_training->epochsPerFrame();
    m_bar->setEpochsPerFrame(m_training->epochsPerFrame());
}

void NetworkPage::setFrameRate(double fps) {
    m_training->worker()->setFrameRate(fps);
}

void NetworkPage::setLearningRate(double rate) {
    if (!(rate > 0 && rate <= 100)) return;
    m_state.session.training.learningRate = rate;
    m_training->worker()->setLearningRate(rate);
    m_bar->setConfig(m_state.session.training);
    emit sessionChanged();
}

void NetworkPage::setBatchSize(int size) {
    nn::TrainingConfig& training = m_state.session.training;
    training.batchSize = std::clamp(size, 1, 1000);
    m_training->worker()->setBatchSize(training.batchSize);
    m_bar->setConfig(training);
    emit sessionChanged();
}

void NetworkPage::setRegularization(nn::Regularization kind, double rate) {
    nn::TrainingConfig& training = m_state.session.training;
    training.regularization = kind;
    training.regularizationRate = std::clamp(rate, 0.0, 10.0);
    m_training->worker()->setRegularization(kind, training.regularizationRate);
    m_bar->setConfig(training);
    emit sessionChanged();
}

// --- data --------------------------------------------------------------------------------------

void NetworkPage::applyData(const DataState& state, bool restartNetworks) {
    const int classesBefore = m_state.data.numClasses;
    m_state.session.generator = state.generator;
    m_state.session.points = state.points;
    m_state.data = state.data;
    if (restartNetworks || m_state.data.numClasses != classesBefore) {
        restart();
        return;
    }
    const nn::Dataset& data = m_state.data;
    m_training->worker()->setData(data);
    m_output->boundary()->setData(data);
    m_compare->setData(data);
    m_output->lossChart()->setShowTest(!data.test.empty());
    m_dataPanel->setSpec(m_state.session.generator, m_state.session.points.has_value());
    m_dataPanel->setCounts(int(data.train.size()), int(data.test.size()));
    netstyle::replotIfShown(m_output->boundary());
    m_compare->replotCells();
    emit sessionChanged();
}

void NetworkPage::addPoint(double x, double y, bool classB) {
    m_dataEditor->addPoint(x, y, classB, m_dataPanel->brushClass());
}

void NetworkPage::clearPoints() {
    if (!m_dataEditor->clearPoints()) return;
    if (isPlaying()) setPlaying(false);
    emit statusMessage(tr("All points removed: click the output plot to draw your own. Undo "
                          "(Ctrl+Z) brings them back."),
                       8000);
}

void NetworkPage::regenerateData() {
    m_dataEditor->regenerate();
    emit statusMessage(tr("New points. Undo (Ctrl+Z) brings the previous ones back."), 6000);
}

void NetworkPage::setDatasetKind(nn::DatasetKind kind) {
    nn::DatasetSpec spec = m_state.session.generator;
    spec.kind = kind;
    setDatasetSpec(spec);
}

void NetworkPage::setDatasetSpec(const nn::DatasetSpec& spec) {
    if (const QString e = m_dataEditor->setDatasetSpec(spec); !e.isEmpty()) {
        emit statusMessage(e, 6000);
        m_dataPanel->setSpec(m_state.session.generator, m_state.session.points.has_value());
    }
}

void NetworkPage::setLanguage(const QString& lang) {
    m_state.lang = lang;
    m_layers->setLanguage(lang);
    const QStringList names = m_state.memberNames();
    m_compare->setLanguage(lang, names);
    m_output->lossChart()->setNames(names);
    m_health->setTitles(names);
    m_why->setLanguage(lang);
    m_editor->syncDiagram();
    if (m_state.comparing()) m_views->setFocusCaption(tr("Showing %1").arg(names[m_state.focus]));
}

void NetworkPage::setPlotOnly(bool on) {
    m_bar->setVisible(!on);
    if (on) m_banner->hide();
    m_sides->setSidesHidden(on);
    m_views->setButtonsShown(!on);
    m_views->setFocusShown(!on && m_state.comparing() && currentView() == View::Network);
    m_diagram->setVisible(!on);
    m_layers->setVisible(!on);
    m_output->setMaximumWidth(on ? QWIDGETSIZE_MAX : 540);
}

QString NetworkPage::plotOnlySummary() const {
    const auto& latest = m_training->latest();
    if (!latest || latest->networks.empty()) return tr("Epoch %1").arg(0);
    const int k = std::clamp(m_state.focus, 0, int(latest->networks.size()) - 1);
    const NetworkFrame& f = latest->networks[std::size_t(k)];
    QStringList parts{tr("Epoch %1").arg(f.epoch)};
    if (std::isfinite(f.metrics.testLoss) && !m_state.data.test.empty())
        parts << tr("test loss %1").arg(netstyle::number(f.metrics.testLoss, 3));
    parts << tr("training loss %1").arg(netstyle::number(f.metrics.trainLoss, 3));
    return parts.join(QStringLiteral("   "));
}

void NetworkPage::updateActions() {
    // The menu bar keeps these shortcuts alive on every page; Space, Ctrl+Z and the others only
    // act on training and data while this page is shown.
    const bool shown = isVisible();
    m_training->setActionsEnabled(shown);
    m_dataEditor->updateActions(shown);
    for (QAction* a : m_editor->structureActions()) a->setEnabled(shown);
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
    m_training->retranslate();
    m_dataEditor->retranslate();
    m_editor->retranslate();
    m_exports->retranslate();
    updateActions();
    m_classicAction->setText(tr("&Compare the Classic Eight"));
    m_sides->setPanelTitle(m_leftColumn, tr("Data and setup"));
    m_views->retranslate();
}

}  // namespace actlab::ui
