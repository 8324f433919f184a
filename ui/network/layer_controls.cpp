#include "network/layer_controls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "activations/formula_activation.h"
#include "activations/registry.h"
#include "common/eliding_combo.h"
#include "common/parameter_panel.h"
#include "common/qt_text.h"
#include "common/reflow_layout.h"
#include "network/formula_dialog.h"
#include "nn/layer_activation.h"

namespace actlab::ui {

LayerControls::LayerControls(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_activationLabel(new QLabel(this)),
      m_activation(new ElidingComboBox(this)),
      m_allLayers(new QCheckBox(this)),
      m_preluLabel(new QLabel(this)),
      m_preluMode(new ElidingComboBox(this)),
      m_note(new QLabel(this)),
      m_parameters(new ParameterPanel(this)) {
    setObjectName(QStringLiteral("layerControls"));
    m_title->setObjectName(QStringLiteral("sectionTitle"));
    m_note->setObjectName(QStringLiteral("hint"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_activation->setMaxVisibleItems(30);
    m_activation->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_activation->setMinimumContentsLength(16);
    m_allLayers->setChecked(true);
    m_preluMode->addItem(QString(), static_cast<int>(nn::PReluMode::PerLayer));
    m_preluMode->addItem(QString(), static_cast<int>(nn::PReluMode::PerNeuron));
    fillActivations();

    auto* form = new QGridLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    form->addWidget(m_title, 0, 0, 1, 2);
    form->addWidget(m_activationLabel, 1, 0);
    form->addWidget(m_activation, 1, 1);
    form->addWidget(m_allLayers, 2, 0, 1, 2);
    form->addWidget(m_preluLabel, 3, 0);
    form->addWidget(m_preluMode, 3, 1);
    form->addWidget(m_note, 4, 0, 1, 2);
    form->setRowStretch(5, 1);

    // The parameters beside the choice of activation, or below it when they do not fit.
    auto* layout = new ReflowLayout(this, 24);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addLayout(form, 0);
    layout->addWidget(m_parameters, 1);

    connect(m_activation, &QComboBox::activated, this, [this](int index) {
        const QString id = m_activation->itemData(index).toString();
        if (id == qs(kFormulaActivationId))
            openFormulaDialog();
        else if (!id.isEmpty())
            emit activationChosen(id);
    });
    connect(m_parameters, &ParameterPanel::parameterChanged, this,
            &LayerControls::parameterChanged);
    connect(m_allLayers, &QCheckBox::toggled, this, [this](bool on) {
        updateTitle();
        emit applyToAllChanged(on);
    });
    connect(m_preluMode, &QComboBox::activated, this, [this](int index) {
        emit preluModeChosen(static_cast<nn::PReluMode>(m_preluMode->itemData(index).toInt()));
    });
    retranslate();
    setLayer(-1, 0, nn::LayerSpec{});
}

void LayerControls::fillActivations() {
    const QString current = m_activation->currentData().toString();
    const QSignalBlocker block(m_activation);
    m_activation->clear();
    bool first = true;
    Group group = Group::Classic;
    for (const ActivationSpec& spec : activations()) {
        if (first || spec.group != group) {
            if (!first) m_activation->insertSeparator(m_activation->count());
            group = spec.group;
            first = false;
        }
        m_activation->addItem(qs(spec.name, m_lang), qs(spec.id));
    }
    m_activation->insertSeparator(m_activation->count());
    m_activation->addItem(QString(), qs(kFormulaActivationId));
    updateFormulaItem();
    const int index = m_activation->findData(current);
    if (index >= 0) m_activation->setCurrentIndex(index);
}

void LayerControls::setLayer(int layer, int count, const nn::LayerSpec& spec) {
    m_layer = layer;
    m_count = count;
    m_row = layer >= 0 ? nn::layerActivation(spec).row : nullptr;
    const ActivationSpec* act = m_row.get();
    updateFormulaItem();
    {
        const QSignalBlocker block(m_activation);
        const int index = act ? m_activation->findData(qs(act->id)) : -1;
        m_activation->setCurrentIndex(index);
    }
    {
        const QSignalBlocker block(m_preluMode);
        m_preluMode->setCurrentIndex(spec.preluMode == nn::PReluMode::PerNeuron ? 1 : 0);
    }
    const bool prelu = act && act->learnableIndex() >= 0;
    m_preluLabel->setVisible(prelu);
    m_preluMode->setVisible(prelu);
    if (act) {
        m_parameters->setActivation(*act, spec.params);
        m_parameters->setVisible(true);
    } else {
        m_parameters->setVisible(false);
    }
    const bool enabled = act && !m_locked;
    m_activation->setEnabled(enabled);
    m_preluMode->setEnabled(enabled);
    m_parameters->setEnabled(enabled);
    m_allLayers->setEnabled(layer >= 0 && !m_locked);
    updateTitle();
}

void LayerControls::updateFormulaItem() {
    const int index = m_activation->findData(qs(kFormulaActivationId));
    if (index < 0) return;
    // A formula layer shows its name in the box; choosing the item again edits it.
    const QString text = m_row && m_row->isFormula()
                             ? tr("Formula: %1").arg(qs(m_row->name.en))
                             : tr("Your formula\u2026");
    m_activation->setItemText(index, text);
    m_activation->setItemData(index, m_row && m_row->isFormula() ? qs(m_row->formula) : QString(),
                              Qt::ToolTipRole);
}

void LayerControls::openFormulaDialog() {
    if (m_formulaDialog) return;
    m_formulaDialog = new FormulaDialog(m_row.get(), m_lang, this);
    m_formulaDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_formulaDialog, &QDialog::finished, this, [this](int result) {
        const ActivationCall call = m_formulaDialog->call();
        m_formulaDialog = nullptr;
        if (result == QDialog::Accepted && call.spec) emit formulaChosen(call);
        // The box shows the layer's activation again (the dialog's item was only a choice).
        const QSignalBlocker block(m_activation);
        m_activation->setCurrentIndex(m_row ? m_activation->findData(qs(m_row->id)) : -1);
    });
    m_formulaDialog->open();
}

void LayerControls::setParams(const ParamValues& values) {
    m_parameters->setValues(values);
}

void LayerControls::setLocked(bool locked, const QString& activationName) {
    m_locked = locked;
    m_lockedName = activationName;
    const bool enabled = m_layer >= 0 && !locked;
    m_activation->setEnabled(enabled);
    m_preluMode->setEnabled(enabled);
    m_parameters->setEnabled(enabled);
    m_allLayers->setEnabled(enabled);
    m_note->setVisible(locked);
    retranslate();
}

bool LayerControls::applyToAll() const {
    return m_allLayers->isChecked();
}

void LayerControls::setApplyToAll(bool on) {
    m_allLayers->setChecked(on);
}

void LayerControls::setLanguage(const QString& lang) {
    m_lang = lang;
    fillActivations();
    m_parameters->setLanguage(lang);
}

void LayerControls::updateTitle() {
    if (m_layer < 0)
        m_title->setText(tr("No hidden layer: the inputs feed the output directly"));
    else if (m_allLayers->isChecked() && m_count > 1)
        m_title->setText(tr("Every hidden layer (%1 layers)").arg(m_count));
    else
        m_title->setText(tr("Hidden layer %1 of %2").arg(m_layer + 1).arg(m_count));
}

void LayerControls::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void LayerControls::retranslate() {
    m_activationLabel->setText(tr("Activation"));
    m_activation->setToolTip(
        tr("The activation function of the selected layer, or of every hidden layer while "
           "\"Same for every hidden layer\" is ticked. Changing it starts training again."));
    m_allLayers->setText(tr("Same for every hidden layer"));
    m_allLayers->setToolTip(
        tr("When ticked, the activation and its parameters apply to all "
           "hidden layers at once, as in TensorFlow Playground."));
    m_preluLabel->setText(tr("PReLU weight"));
    m_preluMode->setItemText(0, tr("one per layer"));
    m_preluMode->setItemText(1, tr("one per neuron"));
    m_preluMode->setToolTip(
        tr("PReLU learns the slope of its negative side: one slope shared by "
           "the layer (PyTorch's default) or one per neuron."));
    updateFormulaItem();
    m_note->setText(tr("Comparing activations: this network uses %1 in every hidden layer. Stop "
                       "comparing to choose activations per layer.")
                        .arg(m_lockedName));
    updateTitle();
}

}  // namespace actlab::ui
