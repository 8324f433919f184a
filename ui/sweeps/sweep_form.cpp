#include "sweeps/sweep_form.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include "common/qt_text.h"

namespace actlab::ui {

namespace {

/// The keys of the command line's --vary, in the order a class meets them. param.NAME is typed
/// into the (editable) box.
const char* const kKeys[] = {"lr",     "activation", "batch",    "layers",        "neurons", "init",
                             "optimizer", "reg_rate", "noise", "train_percent", "param.alpha"};

}  // namespace

SweepForm::SweepForm(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    for (int v = 0; v < 2; ++v) {
        m_keyLabel[v] = new QLabel(this);
        m_key[v] = new QComboBox(this);
        m_key[v]->setEditable(true);
        m_key[v]->setInsertPolicy(QComboBox::NoInsert);
        m_key[v]->setObjectName(QStringLiteral("sweepKey%1").arg(v + 1));
        if (v == 1) m_key[v]->addItem(QString());  // the second variable is optional
        for (const char* key : kKeys) m_key[v]->addItem(QString::fromLatin1(key));
        m_spec[v] = new QLineEdit(this);
        m_spec[v]->setObjectName(QStringLiteral("sweepSpec%1").arg(v + 1));
        m_spec[v]->setMinimumWidth(200);
        grid->addWidget(m_keyLabel[v], v, 0);
        grid->addWidget(m_key[v], v, 1);
        grid->addWidget(m_spec[v], v, 2);
        connect(m_key[v], &QComboBox::currentTextChanged, this, &SweepForm::edited);
        connect(m_spec[v], &QLineEdit::textEdited, this, &SweepForm::edited);
    }
    m_seedsLabel = new QLabel(this);
    m_seeds = new QSpinBox(this);
    m_seeds->setRange(1, sweep::kMaxSeeds);
    m_epochsLabel = new QLabel(this);
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(0, sweep::kMaxEpochs);
    m_epochs->setSingleStep(50);
    m_targetLabel = new QLabel(this);
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("sweepTarget"));
    m_targetValue = new QDoubleSpinBox(this);
    m_targetValue->setDecimals(4);
    m_targetValue->setRange(0, 1e6);
    m_targetValue->setSingleStep(0.01);
    grid->addWidget(m_seedsLabel, 0, 3);
    grid->addWidget(m_seeds, 0, 4);
    grid->addWidget(m_epochsLabel, 1, 3);
    grid->addWidget(m_epochs, 1, 4);
    grid->addWidget(m_targetLabel, 0, 5);
    grid->addWidget(m_target, 0, 6);
    grid->addWidget(m_targetValue, 1, 6);
    grid->setColumnStretch(2, 1);
    for (QSpinBox* box : {m_seeds, m_epochs})
        connect(box, &QSpinBox::valueChanged, this, &SweepForm::edited);
    connect(m_target, &QComboBox::currentIndexChanged, this, [this] {
        updateTargetValue();
        emit edited();
    });
    connect(m_targetValue, &QDoubleSpinBox::valueChanged, this, &SweepForm::edited);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorMessage"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(grid);
    layout->addWidget(m_error);
    retranslate();

    sweep::SweepSettings defaults;
    defaults.vary = {{"lr", "0.001:1:10:log"}};
    defaults.seeds = 10;
    defaults.epochs = 300;
    defaults.target = {sweep::TargetMetric::TestAccuracy, 0.9};
    setSettings(defaults);
}

void SweepForm::retranslate() {
    m_keyLabel[0]->setText(tr("Vary:"));
    m_keyLabel[1]->setText(tr("and:"));
    m_key[0]->setToolTip(tr("The setting to vary: lr, activation, batch, layers, neurons, init, "
                            "optimizer, reg_rate, noise, train_percent or param.NAME"));
    m_key[1]->setToolTip(tr("A second setting to vary (optional): the results become heatmaps"));
    for (QLineEdit* spec : m_spec) {
        spec->setPlaceholderText(tr("a:b:n, a:b:n:log or a list: relu,gelu,elu"));
        spec->setToolTip(tr("n values from a to b (evenly, or evenly in log with :log), or a "
                            "comma list"));
    }
    m_seedsLabel->setText(tr("Seeds:"));
    m_seeds->setToolTip(tr("Every setting is trained from this many seeds (the session's seed, "
                           "+1, +2, …)"));
    m_epochsLabel->setText(tr("Epochs:"));
    m_targetLabel->setText(tr("Success:"));
    const int target = std::max(0, m_target->currentIndex());
    const QSignalBlocker block(m_target);
    m_target->clear();
    m_target->addItem(tr("no target"));
    m_target->addItem(tr("test loss at most"));
    m_target->addItem(tr("test accuracy at least"));
    m_target->setCurrentIndex(target);
}

void SweepForm::updateTargetValue() {
    const int kind = m_target->currentIndex();
    m_targetValue->setEnabled(kind > 0);
    m_targetValue->setMaximum(kind == 2 ? 1.0 : 1e6);
}

sweep::SweepSettings SweepForm::settings() const {
    sweep::SweepSettings s;
    for (int v = 0; v < 2; ++v) {
        const QString key = m_key[v]->currentText().trimmed();
        if (v == 1 && key.isEmpty()) continue;
        s.vary.push_back({key.toStdString(), m_spec[v]->text().trimmed().toStdString()});
    }
    s.seeds = m_seeds->value();
    s.epochs = m_epochs->value();
    const int kind = m_target->currentIndex();
    if (kind == 1) s.target = {sweep::TargetMetric::TestLoss, m_targetValue->value()};
    if (kind == 2) s.target = {sweep::TargetMetric::TestAccuracy, m_targetValue->value()};
    return s;
}

void SweepForm::setSettings(const sweep::SweepSettings& s) {
    for (int v = 0; v < 2; ++v) {
        const QSignalBlocker a(m_key[v]), b(m_spec[v]);
        const bool has = std::size_t(v) < s.vary.size();
        m_key[v]->setCurrentText(has ? qs(s.vary[std::size_t(v)].key) : QString());
        m_spec[v]->setText(has ? qs(s.vary[std::size_t(v)].spec) : QString());
    }
    const QSignalBlocker a(m_seeds), b(m_epochs), c(m_target), d(m_targetValue);
    m_seeds->setValue(s.seeds);
    m_epochs->setValue(s.epochs);
    m_target->setCurrentIndex(s.target.metric == sweep::TargetMetric::TestLoss       ? 1
                              : s.target.metric == sweep::TargetMetric::TestAccuracy ? 2
                                                                                     : 0);
    updateTargetValue();
    m_targetValue->setValue(s.target.value);
    emit edited();
}

void SweepForm::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SweepForm::setRunning(bool running) {
    for (QWidget* w : std::initializer_list<QWidget*>{m_key[0], m_key[1], m_spec[0], m_spec[1],
                                                      m_seeds, m_epochs, m_target, m_targetValue})
        w->setEnabled(!running && (w != m_targetValue || m_target->currentIndex() > 0));
}

void SweepForm::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace actlab::ui
