// The explorer's side columns: on the left the activations, their parameters and the view's
// x range and zones; on the right the teaching notes. Both scroll rather than make the window
// taller than the screen, and grow with the presentation scale.

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>

#include "common/activation_chooser.h"
#include "common/formula_editor.h"
#include "common/appearance.h"
#include "common/scroll_areas.h"
#include "common/number_entry.h"
#include "common/parameter_panel.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "explorer/formula_ranges.h"
#include "explorer/teaching_panel.h"

namespace actlab::ui {

namespace {

/// Keeps `w` at least `width` pixels wide times the presentation scale, so that the side
/// columns grow with their text in presentation mode instead of clipping it.
void scaleMinimumWidth(QWidget* w, int width) {
    const auto apply = [w, width] {
        w->setMinimumWidth(int(width * std::max(1.0, Appearance::instance().scale())));
    };
    apply();
    QObject::connect(&Appearance::instance(), &Appearance::changed, w, apply);
}

}  // namespace

QWidget* ExplorerPage::createLeftColumn() {
    auto* column = new QWidget(this);
    column->setObjectName("leftColumn");
    m_activationsTitle = new QLabel(column);
    m_activationsTitle->setObjectName("sectionTitle");
    m_chooser = new ActivationChooser(column);
    m_formulaEditor = new FormulaEditor(column);
    m_parameters = new ParameterPanel(column);
    m_formulaRanges = new FormulaRanges(m_state, column);

    // View: the x range and the zone shading.
    m_viewTitle = new QLabel(column);
    m_viewTitle->setObjectName("sectionTitle");
    m_xLabel = new QLabel(column);
    m_xToLabel = new QLabel(column);
    const auto xBox = [column] {
        auto* box = new NumberSpinBox(column);
        box->setDecimals(2);
        box->setRange(-ExplorerState::kMaxAbsX, ExplorerState::kMaxAbsX);
        box->setSingleStep(1);
        box->setKeyboardTracking(false);
        box->setAlignment(Qt::AlignRight);
        box->setMinimumWidth(70);
        return box;
    };
    m_xMin = xBox();
    m_xMax = xBox();
    auto* xRow = new QHBoxLayout;
    xRow->setSpacing(6);
    xRow->addWidget(m_xLabel);
    xRow->addWidget(m_xMin, 1);
    xRow->addWidget(m_xToLabel);
    xRow->addWidget(m_xMax, 1);

    m_vanishingCheck = new QCheckBox(column);
    m_epsilon = new NumberSpinBox(column);
    m_epsilon->setDecimals(3);
    m_epsilon->setRange(0.001, 1.0);
    m_epsilon->setSingleStep(0.005);
    m_epsilon->setValue(m_state->epsilon());
    m_epsilon->setKeyboardTracking(false);
    m_epsilon->setAlignment(Qt::AlignRight);
    auto* zoneRow = new QHBoxLayout;
    zoneRow->setSpacing(6);
    zoneRow->addWidget(m_vanishingCheck, 1);
    zoneRow->addWidget(m_epsilon);
    m_deadCheck = new QCheckBox(column);
    m_networkZCheck = new QCheckBox(column);
    m_networkZCheck->setVisible(false);  // until a network's z arrives

    auto* layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 4, 6, 4);
    layout->setSpacing(6);
    layout->addWidget(m_activationsTitle);
    layout->addWidget(m_chooser, 1);
    layout->addSpacing(8);
    layout->addWidget(m_formulaEditor);
    layout->addSpacing(8);
    layout->addWidget(m_parameters);
    layout->addWidget(m_formulaRanges);
    layout->addSpacing(8);
    layout->addWidget(m_viewTitle);
    layout->addLayout(xRow);
    layout->addLayout(zoneRow);
    layout->addWidget(m_deadCheck);
    layout->addWidget(m_networkZCheck);
    scaleMinimumWidth(column, 280);

    connect(m_vanishingCheck, &QCheckBox::toggled, m_state, &ExplorerState::setVanishingZoneShown);
    connect(m_deadCheck, &QCheckBox::toggled, m_state, &ExplorerState::setDeadZoneShown);
    connect(m_networkZCheck, &QCheckBox::toggled, m_state, &ExplorerState::setNetworkZShown);
    connect(m_epsilon, &QDoubleSpinBox::valueChanged, m_state, &ExplorerState::setEpsilon);
    connect(m_xMin, &QDoubleSpinBox::valueChanged, this, &ExplorerPage::commitXRange);
    connect(m_xMax, &QDoubleSpinBox::valueChanged, this, &ExplorerPage::commitXRange);
    // A short window (presentation scale on a small screen) scrolls the column rather than
    // growing taller than the screen.
    auto* scroll = verticalScroll(column, this);
    scaleMinimumWidth(scroll, 280 + scroll->verticalScrollBar()->sizeHint().width());
    return scroll;
}

QWidget* ExplorerPage::createRightColumn() {
    m_teaching = new TeachingPanel(this);
    auto* scroll = verticalScroll(m_teaching, this);
    scroll->setObjectName("teachingScroll");
    scaleMinimumWidth(scroll, 280);
    connect(m_teaching, &TeachingPanel::snippetCopied, this,
            [this] { emit statusMessage(tr("Copied the PyTorch code to the clipboard."), 3000); });
    return scroll;
}

}  // namespace actlab::ui
