#include "network/model_setup_panel.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRandomGenerator>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>

#include "common/eliding_combo.h"

namespace actlab::ui {

namespace {

constexpr int kMaxSeed = 999999;

void select(QComboBox* box, int value) {
    const QSignalBlocker block(box);
    box->setCurrentIndex(box->findData(value));
}

}  // namespace

ModelSetupPanel::ModelSetupPanel(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_outputLabel(new QLabel(this)),
      m_initLabel(new QLabel(this)),
      m_modeLabel(new QLabel(this)),
      m_seedLabel(new QLabel(this)),
      m_output(new ElidingComboBox(this)),
      m_init(new ElidingComboBox(this)),
      m_mode(new ElidingComboBox(this)),
      m_seed(new QSpinBox(this)),
      m_newSeed(new QToolButton(this)) {
    setObjectName(QStringLiteral("modelSetupPanel"));
    m_title->setObjectName(QStringLiteral("columnTitle"));
    for (nn::InitKind k :
         {nn::InitKind::Playground, nn::InitKind::Xavier, nn::InitKind::He, nn::InitKind::LeCun})
        m_init->addItem(QString(), static_cast<int>(k));
    m_mode->addItem(QString(), static_cast<int>(nn::TrainingMode::Standard));
    m_mode->addItem(QString(), static_cast<int>(nn::TrainingMode::Playground));
    for (QComboBox* box : {m_output, m_init, m_mode}) {
        // Long item texts must not widen the column: the popup shows them in full.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(8);
    }
    m_seed->setRange(0, kMaxSeed);
    m_seed->setKeyboardTracking(false);
    m_newSeed->setText(QStringLiteral("\u2684"));  // a die
    m_newSeed->setObjectName(QStringLiteral("editButton"));
    fillOutputs(2);

    auto* seedRow = new QHBoxLayout;
    seedRow->setSpacing(4);
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_newSeed);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 2, 8, 2);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(5);
    grid->addWidget(m_title, 0, 0, 1, 2);
    grid->addWidget(m_outputLabel, 1, 0);
    grid->addWidget(m_output, 1, 1);
    grid->addWidget(m_initLabel, 2, 0);
    grid->addWidget(m_init, 2, 1);
    grid->addWidget(m_modeLabel, 3, 0);
    grid->addWidget(m_mode, 3, 1);
    grid->addWidget(m_seedLabel, 4, 0);
    grid->addLayout(seedRow, 4, 1);
    grid->setColumnStretch(1, 1);

    connect(m_output, &QComboBox::activated, this, [this](int i) {
        emit outputChosen(static_cast<nn::OutputKind>(m_output->itemData(i).toInt()));
    });
    connect(m_init, &QComboBox::activated, this, [this](int i) {
        emit initChosen(static_cast<nn::InitKind>(m_init->itemData(i).toInt()));
    });
    connect(m_mode, &QComboBox::activated, this, [this](int i) {
        emit modeChosen(static_cast<nn::TrainingMode>(m_mode->itemData(i).toInt()));
    });
    connect(m_seed, &QSpinBox::valueChanged, this,
            [this](int v) { emit seedChosen(static_cast<std::uint64_t>(v)); });
    connect(m_newSeed, &QToolButton::clicked, this,
            [this] { m_seed->setValue(QRandomGenerator::global()->bounded(1, kMaxSeed)); });
    retranslate();
}

void ModelSetupPanel::fillOutputs(int numClasses) {
    m_numClasses = numClasses;
    const QSignalBlocker block(m_output);
    m_output->clear();
    // Only the outputs that fit the data are offered (nn::validate's rules).
    if (numClasses == 2) {
        m_output->addItem(QString(), static_cast<int>(nn::OutputKind::TanhSquare));
        m_output->addItem(QString(), static_cast<int>(nn::OutputKind::SigmoidBce));
        m_output->addItem(QString(), static_cast<int>(nn::OutputKind::LinearSquare));
    } else if (numClasses > 2) {
        m_output->addItem(QString(), static_cast<int>(nn::OutputKind::SoftmaxCe));
    } else {
        m_output->addItem(QString(), static_cast<int>(nn::OutputKind::LinearSquare));
    }
    retranslate();
}

void ModelSetupPanel::setValues(nn::OutputKind output, int numClasses, nn::InitKind init,
                                nn::TrainingMode mode, std::uint64_t seed) {
    if (numClasses != m_numClasses || m_output->count() == 0) fillOutputs(numClasses);
    select(m_output, static_cast<int>(output));
    select(m_init, static_cast<int>(init));
    select(m_mode, static_cast<int>(mode));
    const QSignalBlocker block(m_seed);
    m_seed->setValue(static_cast<int>(std::min<std::uint64_t>(seed, kMaxSeed)));
}

void ModelSetupPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ModelSetupPanel::retranslate() {
    m_title->setText(tr("SETUP"));
    m_outputLabel->setText(tr("Output"));
    for (int i = 0; i < m_output->count(); ++i) {
        switch (static_cast<nn::OutputKind>(m_output->itemData(i).toInt())) {
            case nn::OutputKind::TanhSquare:
                m_output->setItemText(i, tr("Tanh, squared error (Playground)"));
                break;
            case nn::OutputKind::SigmoidBce:
                m_output->setItemText(i, tr("Sigmoid, cross-entropy"));
                break;
            case nn::OutputKind::SoftmaxCe:
                m_output->setItemText(i, tr("Softmax, cross-entropy"));
                break;
            case nn::OutputKind::LinearSquare:
                m_output->setItemText(i, tr("Linear, squared error (regression)"));
                break;
        }
    }
    m_output->setToolTip(
        tr("The output unit and the loss it is trained with (output and loss). Only the choices "
           "that fit the data are offered."));
    m_initLabel->setText(tr("Weights"));
    m_init->setItemText(0, tr("Uniform ±0.5 (Playground)"));
    m_init->setItemText(1, tr("Xavier (Glorot)"));
    m_init->setItemText(2, tr("He (Kaiming)"));
    m_init->setItemText(3, tr("LeCun (for SELU)"));
    m_init->setToolTip(tr(
        "The initialisation: how the starting weights are drawn. He suits the ReLU family, Xavier "
        "tanh and sigmoid, LeCun SELU."));
    m_modeLabel->setText(tr("Training"));
    m_mode->setItemText(0, tr("Standard mini-batches"));
    m_mode->setItemText(1, tr("Exactly as Playground"));
    m_mode->setToolTip(
        tr("Standard: shuffled mini-batches each epoch. Playground: TensorFlow "
           "Playground's own update rule, to reproduce its runs (plain SGD)."));
    m_seedLabel->setText(tr("Seed"));
    m_seed->setToolTip(
        tr("The seed of the starting weights and of the shuffling: the same seed "
           "gives the same run."));
    m_newSeed->setToolTip(tr("A new random seed (new starting weights)"));
}

}  // namespace actlab::ui
