#include "explorer/explorer_page.h"

#include <algorithm>
#include <QAction>
#include <QActionGroup>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "activations/formula_activation.h"
#include "activations/registry.h"
#include "common/number_entry.h"
#include "common/activation_chooser.h"
#include "common/app_settings.h"
#include "common/appearance.h"
#include "common/parameter_panel.h"
#include "common/parameter_slider.h"
#include "common/plot_style.h"
#include "common/flow_layout.h"
#include "common/formula_editor.h"
#include "common/qt_text.h"
#include "common/scroll_areas.h"
#include "common/side_panels.h"
#include "common/visual_tab_order.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_exports.h"
#include "explorer/explorer_state.h"
#include "explorer/propagation_view.h"
#include "explorer/small_multiples_view.h"
#include "explorer/teaching_panel.h"

namespace actlab::ui {

namespace {

QAction* checkable(QObject* parent, bool checked) {
    auto* action = new QAction(parent);
    action->setCheckable(true);
    action->setChecked(checked);
    return action;
}

/// The desktop theme's icon, or none: every action also has a text, which stays the fallback.
QIcon themeIcon(const char* name) {
    return QIcon::fromTheme(QString::fromLatin1(name), QIcon());
}

}  // namespace

ExplorerPage::ExplorerPage(ExplorerState* state, QWidget* parent)
    : QWidget(parent), m_state(state ? state : new ExplorerState(this)) {
    setObjectName("explorerPage");
    createActions();

    // The plot keeps its share of the width: at a large presentation scale the notes, then the
    // controls, become drawers at the page's edges (SidePanels).
    m_sides = new SidePanels(this);
    m_leftColumn = createLeftColumn();
    m_rightColumn = createRightColumn();
    m_sides->addPanel(SidePanels::Side::Left, m_leftColumn, 320, QString());
    m_sides->setCentre(createCentre());
    m_sides->addPanel(SidePanels::Side::Right, m_rightColumn, 370, QString());
    m_sides->setSizes({320, 910, 370});

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 4);
    layout->addWidget(m_sides);
    // Tab follows the reading order: the bar above, the panels and the centre from the left.
    VisualTabOrder::install(this, [this](const QWidget* w) {
        return SidePanels::pageRegionOf(this, m_sides, w);
    });

    m_rightColumn->installEventFilter(this);
    m_formulaEditor->setDerivativesShown(!m_rightColumn->isVisibleTo(this));
    connectState();
    retranslate();
    syncActivation();
    syncToggles();
    syncXRange();
    showReadout(QString());
}

void ExplorerPage::createActions() {
    m_showF = checkable(this, m_state->showF());
    m_showDf = checkable(this, m_state->showDf());
    m_showD2f = checkable(this, m_state->showD2f());
    m_vanishingZone = checkable(this, m_state->vanishingZoneShown());
    m_deadZone = checkable(this, m_state->deadZoneShown());
    m_allActivations = checkable(this, false);
    m_propagationAction = checkable(this, false);
    m_pin = new QAction(themeIcon("view-pin"), QString(), this);
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_clearPins = new QAction(this);
    m_clearCompare = new QAction(this);
    // Ctrl+=, Ctrl+− and Ctrl+0 scale the whole window (presentation mode); the plot's own
    // zoom adds Alt.
    m_resetView = new QAction(themeIcon("zoom-original"), QString(), this);
    m_resetView->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));
    m_zoomIn = new QAction(themeIcon("zoom-in"), QString(), this);
    m_zoomIn->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Equal));
    m_zoomOut = new QAction(themeIcon("zoom-out"), QString(), this);
    m_zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_Minus));
    m_find = new QAction(themeIcon("edit-find"), QString(), this);
    m_find->setShortcut(QKeySequence::Find);

    connect(m_showF, &QAction::toggled, m_state, &ExplorerState::setShowF);
    connect(m_showDf, &QAction::toggled, m_state, &ExplorerState::setShowDf);
    connect(m_showD2f, &QAction::toggled, m_state, &ExplorerState::setShowD2f);
    connect(m_vanishingZone, &QAction::toggled, m_state, &ExplorerState::setVanishingZoneShown);
    connect(m_deadZone, &QAction::toggled, m_state, &ExplorerState::setDeadZoneShown);
    connect(m_allActivations, &QAction::toggled, this, &ExplorerPage::showAllActivations);
    connect(m_propagationAction, &QAction::toggled, this, &ExplorerPage::showPropagation);
    connect(m_pin, &QAction::triggered, this, [this] {
        if (m_state->pinCurrent())
            emit statusMessage(tr("Pinned %1 as a reference curve.").arg(m_plot->title()), 4000);
        else if (!m_state->isValid())
            emit statusMessage(tr("Only accepted parameters can be pinned."), 5000);
        else
            emit statusMessage(tr("This curve is already pinned."), 4000);
    });
    connect(m_clearPins, &QAction::triggered, m_state, &ExplorerState::clearPinned);
    connect(m_clearCompare, &QAction::triggered, m_state, &ExplorerState::clearCompared);
    connect(m_resetView, &QAction::triggered, this, [this] { m_plot->resetView(); });
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_plot->zoomBy(0.8); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_plot->zoomBy(1.25); });
    connect(m_find, &QAction::triggered, this, [this] {
        m_chooser->filterEdit()->setFocus(Qt::ShortcutFocusReason);
        m_chooser->filterEdit()->selectAll();
    });
    for (QAction* a : {m_pin, m_resetView, m_zoomIn, m_zoomOut, m_find})
        addAction(a);  // shortcuts work while the page is shown, even without a menu bar

    m_compareMenu = new QMenu(this);
    for (Group group : {Group::Classic, Group::Smooth, Group::Piecewise}) {
        QAction* section = m_compareMenu->addSection(ActivationChooser::groupTitle(group));
        section->setData(static_cast<int>(group));
        for (const ActivationSpec& spec : activations()) {
            if (spec.group != group) continue;
            QAction* action = m_compareMenu->addAction(qs(spec.name.en));
            action->setCheckable(true);
            action->setData(qs(spec.id));
            connect(action, &QAction::toggled, this,
                    [this, id = qs(spec.id)](bool on) { m_state->setCompared(id, on); });
        }
    }
    m_compareMenu->addSeparator();
    // The formula typed last, once there is one (its name follows it).
    m_compareFormula = m_compareMenu->addAction(QString());
    m_compareFormula->setCheckable(true);
    m_compareFormula->setData(qs(kFormulaActivationId));
    connect(m_compareFormula, &QAction::toggled, this,
            [this](bool on) { m_state->setCompared(qs(kFormulaActivationId), on); });
    m_compareMenu->addSeparator();
    m_compareMenu->addAction(m_clearCompare);

    m_pinMenu = new QMenu(this);
}

QWidget* ExplorerPage::createCentre() {
    auto* centre = new QWidget(this);
    // The plot's controls wrap to a second row rather than hide behind "»" when the scale grows.
    m_toolBar = new QWidget(centre);
    m_toolBar->setObjectName("explorerToolBar");
    auto* bar = new FlowLayout(m_toolBar, 4, 4);
    const auto button = [this, bar](QAction* action) {
        auto* b = new QToolButton(m_toolBar);
        b->setDefaultAction(action);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAutoRaise(true);
        bar->addWidget(b);
        return b;
    };
    button(m_showF);
    button(m_showDf);
    button(m_showD2f);
    auto* separator = new QFrame(m_toolBar);
    separator->setFrameShape(QFrame::VLine);
    separator->setObjectName("toolSeparator");
    bar->addWidget(separator);
    m_pinButton = button(m_pin);
    m_pinButton->setMenu(m_pinMenu);
    m_pinButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_compareButton = new QToolButton(m_toolBar);
    m_compareButton->setObjectName("compareButton");
    m_compareButton->setMenu(m_compareMenu);
    m_compareButton->setPopupMode(QToolButton::InstantPopup);
    m_compareButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_compareButton->setAutoRaise(true);
    bar->addWidget(m_compareButton);
    button(m_allActivations);
    button(m_propagationAction);
    bar->addStretch();
    button(m_resetView);

    m_plot = new CurvePlot(m_state, centre);
    m_plot->setMinimumSize(420, 320);
    m_exports = new ExplorerExports(m_plot, m_state, this);
    for (QAction* a : {m_exports->exportPlotAction(), m_exports->exportCsvAction(),
                       m_exports->copyImageAction()})
        addAction(a);
    connect(m_exports, &ExplorerExports::statusMessage, this, &ExplorerPage::statusMessage);
    m_multiples = new SmallMultiplesView(m_state, centre);
    // The grid fits its columns to the width and the propagation view reflows: both scroll
    // vertically only.
    auto* multiplesScroll = verticalScroll(m_multiples, centre);
    m_stack = new QStackedWidget(centre);
    m_stack->addWidget(m_plot);
    m_stack->addWidget(multiplesScroll);
    m_propagation = new PropagationView(m_state, centre);
    m_stack->addWidget(verticalScroll(m_propagation, centre));

    // Below the plot: the exact values under the mouse.
    m_readout = new QLabel(centre);
    m_readout->setWordWrap(true);  // a narrow centre (presentation scale) wraps the values
    m_readout->setObjectName("readout");
    m_readout->setTextFormat(Qt::RichText);
    m_readout->setMinimumWidth(200);
    m_readout->setContentsMargins(6, 2, 6, 2);

    auto* layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_readout);

    connect(m_plot, &CurvePlot::readoutChanged, this, &ExplorerPage::showReadout);
    connect(&Appearance::instance(), &Appearance::changed, this,
            [this] { showReadout(m_plot->readoutHtml()); });
    return centre;
}

void ExplorerPage::connectState() {
    connect(m_chooser, &ActivationChooser::currentActivationChanged, m_state,
            [this](const QString& id) { m_state->setActivation(id); });
    connect(m_parameters, &ParameterPanel::parameterChanged, m_state, &ExplorerState::setParam);
    connect(m_formulaEditor, &FormulaEditor::formulaEdited, m_state,
            [this](const ActivationRef& row) { m_state->setFormula(row); });
    connect(m_formulaEditor, &FormulaEditor::galleryChosen, m_state,
            [this](const ActivationCall& call) { m_state->setFormula(call.spec, &call.params); });
    connect(m_state, &ExplorerState::paramRangesChanged, this, &ExplorerPage::syncActivation);
    // During a slider drag the plot trades antialiasing for frame rate; it returns on release.
    connect(m_parameters, &ParameterPanel::dragStarted, m_plot,
            [this] { m_plot->setLiveUpdate(true); });
    connect(m_parameters, &ParameterPanel::dragFinished, m_plot,
            [this] { m_plot->setLiveUpdate(false); });
    connect(m_multiples, &SmallMultiplesView::activationClicked, this, [this](const QString& id) {
        if (id == qs(kFormulaActivationId))
            m_state->setFormula(m_state->lastFormula());
        else
            m_state->setActivation(id);
        showAllActivations(false);
    });

    connect(m_state, &ExplorerState::activationChanged, this, &ExplorerPage::syncActivation);
    connect(m_state, &ExplorerState::paramsChanged, this, &ExplorerPage::syncParams);
    connect(m_state, &ExplorerState::curvesShownChanged, this, &ExplorerPage::syncToggles);
    connect(m_state, &ExplorerState::zonesChanged, this, &ExplorerPage::syncToggles);
    connect(m_state, &ExplorerState::networkZChanged, this, &ExplorerPage::syncToggles);
    connect(m_state, &ExplorerState::xRangeChanged, this, &ExplorerPage::syncXRange);
    connect(m_state, &ExplorerState::comparedChanged, this, &ExplorerPage::syncCompareMenu);
    connect(m_state, &ExplorerState::pinnedChanged, this, &ExplorerPage::rebuildPinMenu);
    rebuildPinMenu();
}

void ExplorerPage::rebuildPinMenu() {
    m_pinMenu->clear();
    m_pinMenu->addAction(m_pin);
    m_pinMenu->addAction(m_clearPins);
    m_clearPins->setEnabled(!m_state->pinned().empty());
    if (!m_state->pinned().empty()) m_pinMenu->addSeparator();
    for (int i = 0; i < static_cast<int>(m_state->pinned().size()); ++i) {
        const ActivationCall& pin = m_state->pinned()[static_cast<std::size_t>(i)];
        QString label = qs(pin.spec->name, m_lang);
        const std::string params = formatTorchParams(*pin.spec, pin.params);
        if (!params.empty()) label += QStringLiteral(" (%1)").arg(qs(params));
        QAction* remove = m_pinMenu->addAction(tr("Remove %1").arg(label));
        connect(remove, &QAction::triggered, this, [this, i] { m_state->removePinned(i); });
    }
}

void ExplorerPage::syncActivation() {
    const ActivationSpec& spec = m_state->spec();
    if (spec.isFormula()) {
        m_chooser->clearCurrentActivation();
        m_formulaEditor->showFormula(spec);
    } else {
        m_chooser->setCurrentActivation(qs(spec.id));
    }
    m_parameters->setActivation(spec, m_state->params(), m_state->paramSpecs());
    m_parameters->setError(m_state->paramError());
    m_teaching->setActivation(spec, m_state->params());
    syncCompareMenu();
}

void ExplorerPage::syncParams() {
    m_parameters->setValues(m_state->params());
    m_teaching->setParams(m_state->params());
    m_parameters->setError(m_state->paramError());
}

void ExplorerPage::syncToggles() {
    const std::pair<QAction*, bool> toggles[] = {
        {m_showF, m_state->showF()},
        {m_showDf, m_state->showDf()},
        {m_showD2f, m_state->showD2f()},
        {m_vanishingZone, m_state->vanishingZoneShown()},
        {m_deadZone, m_state->deadZoneShown()},
    };
    for (const auto& [action, on] : toggles) {
        const QSignalBlocker block(action);
        action->setChecked(on);
    }
    const QSignalBlocker blockVanishing(m_vanishingCheck);
    const QSignalBlocker blockDead(m_deadCheck);
    const QSignalBlocker blockEpsilon(m_epsilon);
    m_vanishingCheck->setChecked(m_state->vanishingZoneShown());
    m_deadCheck->setChecked(m_state->deadZoneShown());
    m_epsilon->setValue(m_state->epsilon());
    const QSignalBlocker blockZ(m_networkZCheck);
    m_networkZCheck->setVisible(!m_state->networkZ().values.empty());
    m_networkZCheck->setChecked(m_state->networkZShown());
}

void ExplorerPage::syncXRange() {
    const QSignalBlocker blockMin(m_xMin);
    const QSignalBlocker blockMax(m_xMax);
    m_xMin->setValue(m_state->xMin());
    m_xMax->setValue(m_state->xMax());
}

void ExplorerPage::syncCompareMenu() {
    const QString current = qs(m_state->spec().id);
    for (QAction* action : m_compareMenu->actions()) {
        const QString id = action->data().toString();
        if (!action->isCheckable() || id.isEmpty()) continue;
        const QSignalBlocker block(action);
        action->setChecked(m_state->isCompared(id) && id != current);
        action->setEnabled(id != current);
    }
    m_clearCompare->setEnabled(!m_state->compared().isEmpty());
    const ActivationRef& formula = m_state->lastFormula();
    m_compareFormula->setVisible(formula != nullptr);
    m_compareFormula->setEnabled(formula && formula.get() != &m_state->spec());
    if (formula) m_compareFormula->setText(tr("Your formula: %1").arg(qs(formula->name.en)));
    const int n = static_cast<int>(m_state->compared().size() - m_state->compared().count(current));
    m_compareButton->setText((n > 0 ? tr("Compare (%1)").arg(n) : tr("Compare")) +
                             QStringLiteral(" \u25BE"));
}

void ExplorerPage::commitXRange() {
    const double lo = m_xMin->value(), hi = m_xMax->value();
    const QString problem = ExplorerState::xRangeError(lo, hi);
    if (!problem.isEmpty()) {
        emit statusMessage(problem, 5000);
        syncXRange();
        return;
    }
    m_state->setXRange(lo, hi);
}

void ExplorerPage::showReadout(const QString& html) {
    if (!html.isEmpty()) {
        m_readout->setText(html);
        return;
    }
    m_readout->setText(
        QStringLiteral("<span style=\"color:%1\">%2</span>")
            .arg(style::colors().faint.name(),
                 tr("Point at the plot to read x, f(x), f\u2032(x) and f\u2033(x).")));
}

bool ExplorerPage::selectActivation(const QString& id) {
    return m_state->setActivation(id);
}

QString ExplorerPage::typeFormula(const QString& text) {
    return m_formulaEditor->typeFormula(text);
}

bool ExplorerPage::setParameter(const QString& paramId, double value) {
    const int index = m_state->spec().paramIndex(toStd(paramId));
    if (index < 0) return false;
    m_state->setParam(index, value);
    return true;
}

void ExplorerPage::showAllActivations(bool on) {
    showCentre(on ? kAllActivations : kCurves);
}

bool ExplorerPage::allActivationsShown() const {
    return m_stack->currentIndex() == kAllActivations;
}

void ExplorerPage::showPropagation(bool on) {
    showCentre(on ? kPropagation : kCurves);
}

bool ExplorerPage::propagationShown() const {
    return m_stack->currentIndex() == kPropagation;
}

void ExplorerPage::showCentre(int index) {
    m_stack->setCurrentIndex(index);
    m_readout->setVisible(index == kCurves);  // the readout belongs to the plot
    const QSignalBlocker block(m_allActivations), block2(m_propagationAction);
    m_allActivations->setChecked(index == kAllActivations);
    m_propagationAction->setChecked(index == kPropagation);
}

void ExplorerPage::setPlotOnly(bool on) {
    m_sides->setSidesHidden(on);
    m_toolBar->setVisible(!on);
    m_readout->setVisible(!on);
}

QString ExplorerPage::plotOnlySummary() const {
    return m_plot->title();
}

void ExplorerPage::setLanguage(const QString& lang) {
    m_lang = lang;
    m_chooser->setLanguage(lang);
    m_parameters->setLanguage(lang);
    m_formulaEditor->setLanguage(lang);
    m_teaching->setLanguage(lang);
    m_plot->setLanguage(lang);
    m_multiples->setLanguage(lang);
    m_propagation->setLanguage(lang);
    for (QAction* action : m_compareMenu->actions()) {
        const ActivationSpec* spec = findActivation(toStd(action->data().toString()));
        if (spec && action->isCheckable()) action->setText(qs(spec->name, lang));
    }
    rebuildPinMenu();  // pinned names
}

void ExplorerPage::restoreSettings(const AppSettings& settings) {
    for (const ActivationSpec& spec : activations())
        if (const auto values = settings.paramValues(spec)) m_state->rememberParams(spec, *values);
    m_state->setXRange(settings.xMin(), settings.xMax());
    m_state->setShowD2f(settings.showD2f());
    m_state->setVanishingZoneShown(settings.vanishingZoneShown());
    m_state->setEpsilon(settings.zoneEpsilon());
    m_state->setDeadZoneShown(settings.deadZoneShown());
    const QString id = settings.lastActivationId();
    if (!id.isEmpty()) m_state->setActivation(id);  // an unknown id keeps the first activation
    // The formula typed last comes back in its field, and on the plot when it was shown last.
    const FormulaActivationResult formula =
        makeFormulaActivation(toStd(settings.formulaText()), toStd(settings.formulaName()));
    if (formula.ok()) {
        m_formulaEditor->showFormula(*formula.row);
        if (id == qs(kFormulaActivationId)) {
            const ParamValues values =
                settings.paramValues(*formula.row).value_or(formula.row->defaults());
            m_state->setFormula(formula.row, &values);
        }
    }
    if (const QByteArray layout = settings.explorerLayout(); !layout.isEmpty())
        m_sides->restoreState(layout);
}

void ExplorerPage::saveSettings(AppSettings& settings) const {
    for (const auto& [id, values] : m_state->rememberedParams())
        if (const ActivationSpec* spec = findActivation(id)) settings.setParamValues(*spec, values);
    settings.setLastActivationId(qs(m_state->spec().id));
    if (const ActivationRef& row = m_state->lastFormula()) {
        settings.setFormula(qs(formulaText(*row)), qs(formulaGivenName(*row)));
        settings.setParamValues(*row, m_state->formulaParams(*row));
    }
    settings.setXRange(m_state->xMin(), m_state->xMax());
    settings.setShowD2f(m_state->showD2f());
    settings.setVanishingZoneShown(m_state->vanishingZoneShown());
    settings.setZoneEpsilon(m_state->epsilon());
    settings.setDeadZoneShown(m_state->deadZoneShown());
    settings.setExplorerLayout(m_sides->saveState());
}

bool ExplorerPage::eventFilter(QObject* watched, QEvent* event) {
    // The notes show a formula's f′ and f″ large; under the field only while they are hidden
    // (a closed drawer at a large presentation scale).
    if (watched == m_rightColumn && (event->type() == QEvent::Show || event->type() == QEvent::Hide))
        m_formulaEditor->setDerivativesShown(event->type() == QEvent::Hide);
    return QWidget::eventFilter(watched, event);
}

void ExplorerPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ExplorerPage::retranslate() {
    m_sides->setPanelTitle(m_leftColumn, tr("Activations and parameters"));
    m_sides->setPanelTitle(m_rightColumn, tr("Notes"));
    m_showF->setText(tr("f(x)"));
    m_showF->setToolTip(tr("Show the activation f(x)"));
    m_showDf->setText(tr("f\u2032(x)"));
    m_showDf->setToolTip(tr("Show the first derivative f\u2032(x), the gradient factor"));
    m_showD2f->setText(tr("f\u2033(x)"));
    m_showD2f->setToolTip(tr("Show the second derivative f\u2033(x), the curvature"));
    m_vanishingZone->setText(tr("Vanishing gradient"));
    m_vanishingZone->setToolTip(
        tr("Shade where |f\u2032(x)| < \u03B5: little gradient flows back "
           "through such inputs"));
    m_vanishingCheck->setText(tr("Vanishing gradient, |f\u2032| <"));
    m_vanishingCheck->setToolTip(m_vanishingZone->toolTip());
    m_epsilon->setToolTip(tr("Threshold \u03B5 of the vanishing-gradient zone"));
    m_xMin->setToolTip(tr("Left end of the plotted x range"));
    m_xMax->setToolTip(tr("Right end of the plotted x range"));
    m_deadZone->setText(tr("Dead zone"));
    m_deadZone->setToolTip(tr("Shade where f\u2032(x) = 0 exactly: no gradient at all"));
    m_deadCheck->setText(tr("Dead zone, f\u2032 = 0"));
    m_deadCheck->setToolTip(m_deadZone->toolTip());
    m_networkZCheck->setText(tr("The network's z"));
    m_networkZCheck->setToolTip(tr("The histogram of a hidden layer's inputs z over the training "
                                   "set, sent from the network page's operating points"));
    m_pin->setText(tr("Pin"));
    m_pin->setToolTip(tr("Keep the current curve as a dashed reference (Ctrl+D)"));
    m_clearPins->setText(tr("Clear Pinned Curves"));
    m_clearCompare->setText(tr("Clear Comparison"));
    m_allActivations->setText(tr("All activations"));
    m_allActivations->setToolTip(tr("Show every activation as a small plot of f and f\u2032"));
    m_propagationAction->setText(tr("Signal propagation"));
    m_propagationAction->setToolTip(
        tr("How this activation passes a signal and its gradient through a deep random "
           "network: order, chaos and the critical initialisation"));
    m_resetView->setText(tr("Reset view"));
    m_resetView->setToolTip(
        // "\u2212" "6" split: lupdate would read the 6 into the escape and miss the message.
        tr("Back to x in [\u2212" "6, 6] with y fitted to the curves (Ctrl+Alt+0)"));
    m_zoomIn->setText(tr("Zoom In"));
    m_zoomIn->setToolTip(tr("Zoom into the plot (Ctrl+Alt+=; or turn the mouse wheel)"));
    m_zoomOut->setText(tr("Zoom Out"));
    m_zoomOut->setToolTip(tr("Zoom out of the plot (Ctrl+Alt+\u2212)"));
    m_exports->retranslate();
    m_find->setText(tr("Find Activation"));
    m_find->setToolTip(tr("Type part of an activation's name to find it"));
    m_clearPins->setToolTip(tr("Remove every pinned reference curve"));
    m_clearCompare->setToolTip(tr("Show the current activation alone again"));
    m_compareButton->setToolTip(tr("Overlay other activations on the plot"));
    m_compareMenu->setTitle(tr("Compare With"));
    m_pinMenu->setTitle(tr("Pinned Curves"));
    m_viewTitle->setText(tr("View"));
    m_xLabel->setText(tr("x from"));
    m_xToLabel->setText(tr("to"));
    for (QAction* action : m_compareMenu->actions())
        if (action->isSeparator() && action->data().isValid())
            action->setText(
                ActivationChooser::groupTitle(static_cast<Group>(action->data().toInt())));
    m_activationsTitle->setText(tr("Activations"));
    syncCompareMenu();
    showReadout(m_plot->readoutHtml());  // the hint shown while the mouse is off the plot
}

}  // namespace actlab::ui
