#include "network/training_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "common/number_entry.h"
#include "common/eliding_combo.h"
#include "common/flow_layout.h"
#include "common/plot_style.h"
#include "common/text_line.h"

namespace actlab::ui {

namespace {

const double kRates[] = {0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
const double kRegRates[] = {0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10};
const int kSpeeds[] = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};

enum class Glyph { Play, Pause, Step, Reset };

/// Icons drawn here rather than taken from fonts or themes: crisp at any size on every desktop.
QIcon glyphIcon(Glyph glyph, const QColor& color, int side) {
    QPixmap pixmap(side * 2, side * 2);
    pixmap.setDevicePixelRatio(2);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    const double s = side;
    switch (glyph) {
        case Glyph::Play: {
            QPainterPath path;
            path.moveTo(s * 0.30, s * 0.18);
            path.lineTo(s * 0.84, s * 0.50);
            path.lineTo(s * 0.30, s * 0.82);
            path.closeSubpath();
            p.drawPath(path);
            break;
        }
        case Glyph::Pause:
            p.drawRoundedRect(QRectF(s * 0.24, s * 0.18, s * 0.18, s * 0.64), 2, 2);
            p.drawRoundedRect(QRectF(s * 0.58, s * 0.18, s * 0.18, s * 0.64), 2, 2);
            break;
        case Glyph::Step: {
            QPainterPath path;
            path.moveTo(s * 0.20, s * 0.22);
            path.lineTo(s * 0.62, s * 0.50);
            path.lineTo(s * 0.20, s * 0.78);
            path.closeSubpath();
            p.drawPath(path);
            p.drawRect(QRectF(s * 0.66, s * 0.22, s * 0.13, s * 0.56));
            break;
        }
        case Glyph::Reset: {
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(color, s * 0.11, Qt::SolidLine, Qt::RoundCap));
            const QRectF r(s * 0.2, s * 0.2, s * 0.6, s * 0.6);
            p.drawArc(r, 100 * 16, 290 * 16);
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            QPainterPath head;
            head.moveTo(s * 0.36, s * 0.06);
            head.lineTo(s * 0.56, s * 0.21);
            head.lineTo(s * 0.34, s * 0.34);
            head.closeSubpath();
            p.drawPath(head);
            break;
        }
    }
    return QIcon(pixmap);
}

QString rateText(double v) {
    return QString::number(v, 'g', 6);
}

}  // namespace

QString TrainingBar::epochText(int epoch) {
    // Playground's six digits with a thousands separator: the counter does not jump in width.
    const QString digits = QString::number(std::max(0, epoch)).rightJustified(6, QLatin1Char('0'));
    QString out;
    for (int i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += QLatin1Char(',');
        out += digits[i];
    }
    return out;
}

TrainingBar::TrainingBar(QWidget* parent)
    : QWidget(parent),
      m_reset(new QToolButton(this)),
      m_play(new QToolButton(this)),
      m_step(new QToolButton(this)),
      m_epoch(new TextLine(this)),
      m_speed(new ElidingComboBox(this)),
      m_rate(new QComboBox(this)),
      m_optimizer(new ElidingComboBox(this)),
      m_batch(new QSpinBox(this)),
      m_regularization(new ElidingComboBox(this)),
      m_regRate(new ElidingComboBox(this)) {
    setObjectName(QStringLiteral("trainingBar"));
    setAttribute(Qt::WA_StyledBackground);
    m_play->setObjectName(QStringLiteral("playButton"));
    m_reset->setObjectName(QStringLiteral("roundButton"));
    m_step->setObjectName(QStringLiteral("roundButton"));
    m_play->setFixedSize(60, 60);
    m_play->setIconSize(QSize(30, 30));
    for (QToolButton* b : {m_reset, m_step}) {
        b->setFixedSize(40, 40);
        b->setIconSize(QSize(24, 24));
    }
    const auto paintIcons = [this] {
        m_reset->setIcon(glyphIcon(Glyph::Reset, style::colors().text2, 24));
        m_step->setIcon(glyphIcon(Glyph::Step, style::colors().text2, 24));
    };
    paintIcons();
    connect(&Appearance::instance(), &Appearance::changed, this, paintIcons);
    m_epoch->setObjectName(QStringLiteral("epochCounter"));
    m_epoch->setText(epochText(0));
    // Room for six digits, so that the counter does not jump while it counts.
    m_epoch->setSampleText(QStringLiteral("000,000"));

    for (QComboBox* box : {m_speed, m_optimizer, m_regularization, m_regRate}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(5);
    }
    for (int s : kSpeeds) m_speed->addItem(QString::number(s), s);
    m_rate->setEditable(true);
    m_rate->setInsertPolicy(QComboBox::NoInsert);
    for (double r : kRates) m_rate->addItem(rateText(r), r);
    // "." always, the system's decimal separator too; "0,3" is never read as 3.
    m_rate->lineEdit()->setValidator(new TypedNumberValidator(1e-7, 100, m_rate));
    m_optimizer->addItem(QString(), static_cast<int>(nn::OptimizerKind::Sgd));
    m_optimizer->addItem(QString(), static_cast<int>(nn::OptimizerKind::Momentum));
    m_optimizer->addItem(QString(), static_cast<int>(nn::OptimizerKind::Adam));
    m_batch->setRange(1, 1000);
    m_batch->setKeyboardTracking(false);
    m_regularization->addItem(QString(), static_cast<int>(nn::Regularization::None));
    m_regularization->addItem(QStringLiteral("L1"), static_cast<int>(nn::Regularization::L1));
    m_regularization->addItem(QStringLiteral("L2"), static_cast<int>(nn::Regularization::L2));
    for (double r : kRegRates) m_regRate->addItem(rateText(r), r);

    auto* buttons = new QWidget(this);
    auto* controls = new QHBoxLayout(buttons);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->setSpacing(10);
    controls->addWidget(m_reset, 0, Qt::AlignVCenter);
    controls->addWidget(m_play, 0, Qt::AlignVCenter);
    controls->addWidget(m_step, 0, Qt::AlignVCenter);

    // The fields wrap to a second row rather than widen the window (presentation mode, small
    // screens, longer translations).
    auto* layout = new FlowLayout(this, 16, 6);
    layout->setContentsMargins(16, 6, 16, 6);
    layout->addWidget(buttons);
    layout->addWidget(field(m_epochCaption, m_epoch));
    layout->addWidget(field(m_speedCaption, m_speed));
    layout->addWidget(field(m_rateCaption, m_rate));
    layout->addWidget(field(m_optimizerCaption, m_optimizer));
    layout->addWidget(field(m_batchCaption, m_batch));
    layout->addWidget(field(m_regCaption, m_regularization));
    layout->addWidget(field(m_regRateCaption, m_regRate));

    connect(m_play, &QToolButton::clicked, this, [this] { emit playToggled(!m_playing); });
    connect(m_step, &QToolButton::clicked, this, &TrainingBar::stepRequested);
    connect(m_reset, &QToolButton::clicked, this, &TrainingBar::resetRequested);
    connect(m_speed, &QComboBox::activated, this,
            [this](int i) { emit epochsPerFrameChosen(m_speed->itemData(i).toInt()); });
    connect(m_rate, &QComboBox::activated, this, [this] { commitLearningRate(); });
    connect(m_rate->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { commitLearningRate(); });
    connect(m_optimizer, &QComboBox::activated, this, [this](int i) {
        emit optimizerChosen(static_cast<nn::OptimizerKind>(m_optimizer->itemData(i).toInt()));
    });
    connect(m_batch, &QSpinBox::valueChanged, this, &TrainingBar::batchSizeChosen);
    connect(m_regularization, &QComboBox::activated, this, [this] { commitRegularization(); });
    connect(m_regRate, &QComboBox::activated, this, [this] { commitRegularization(); });
    setPlaying(false);
    retranslate();
}

QWidget* TrainingBar::field(QLabel*& caption, QWidget* control) {
    auto* w = new QWidget(this);
    caption = new QLabel(w);
    caption->setObjectName(QStringLiteral("fieldCaption"));
    auto* v = new QVBoxLayout(w);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(caption);
    v->addWidget(control);
    return w;
}

void TrainingBar::commitLearningRate() {
    const std::optional<double> rate = readTypedNumber(m_rate->currentText());
    if (!rate || !(*rate > 0 && *rate <= 100)) return;  // the validator keeps most of these out
    emit learningRateChosen(*rate);
}

void TrainingBar::commitRegularization() {
    emit regularizationChosen(
        static_cast<nn::Regularization>(m_regularization->currentData().toInt()),
        m_regRate->currentData().toDouble());
}

void TrainingBar::setPlaying(bool playing) {
    // Called for every frame: a new icon each time would fill Qt's pixmap cache with scaled
    // copies of pixmaps never shown again, so only a change is drawn.
    if (playing == m_playing && m_playShown) return;
    m_playing = playing;
    showPlayState();
}

void TrainingBar::showPlayState() {
    m_playShown = true;
    m_play->setIcon(glyphIcon(m_playing ? Glyph::Pause : Glyph::Play, Qt::white, 30));
    m_play->setToolTip(m_playing ? tr("Pause training (Space)") : tr("Train (Space)"));
}

void TrainingBar::setEpoch(int epoch) {
    m_epoch->setText(epochText(epoch));
}

void TrainingBar::setConfig(const nn::TrainingConfig& config) {
    {
        const QSignalBlocker block(m_rate);
        const int i = m_rate->findData(config.learningRate);
        if (i >= 0)
            m_rate->setCurrentIndex(i);
        else
            m_rate->setEditText(rateText(config.learningRate));
    }
    {
        const QSignalBlocker block(m_optimizer);
        m_optimizer->setCurrentIndex(m_optimizer->findData(static_cast<int>(config.optimizer)));
    }
    {
        const QSignalBlocker block(m_batch);
        m_batch->setValue(config.batchSize);
    }
    {
        const QSignalBlocker block(m_regularization);
        m_regularization->setCurrentIndex(
            m_regularization->findData(static_cast<int>(config.regularization)));
    }
    {
        const QSignalBlocker block(m_regRate);
        int i = m_regRate->findData(config.regularizationRate);
        if (i < 0) {
            m_regRate->addItem(rateText(config.regularizationRate), config.regularizationRate);
            i = m_regRate->count() - 1;
        }
        m_regRate->setCurrentIndex(i);
    }
}

void TrainingBar::setEpochsPerFrame(int epochs) {
    const QSignalBlocker block(m_speed);
    int i = m_speed->findData(epochs);
    if (i < 0) {
        m_speed->addItem(QString::number(epochs), epochs);
        i = m_speed->count() - 1;
    }
    m_speed->setCurrentIndex(i);
}

void TrainingBar::setTrainable(bool trainable) {
    m_play->setEnabled(trainable || m_playing);
    m_step->setEnabled(trainable);
}

void TrainingBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TrainingBar::retranslate() {
    m_reset->setToolTip(
        tr("Start again from the initial weights (the same seed gives the same "
           "run)"));
    m_step->setToolTip(tr("Train exactly one epoch"));
    showPlayState();
    m_epochCaption->setText(tr("Epoch"));
    m_epoch->setToolTip(tr("Epochs trained: passes over the training points"));
    m_speedCaption->setText(tr("Epochs per frame"));
    m_speed->setToolTip(
        tr("Training speed: how many epochs run between two pictures, whatever "
           "the screen's frame rate"));
    m_rateCaption->setText(tr("Learning rate"));
    m_rate->setToolTip(
        tr("The step size of each update; it changes the running training at "
           "once. Type any value from 0.0000001 to 100."));
    m_rate->lineEdit()->setAccessibleName(m_rateCaption->text());
    m_optimizerCaption->setText(tr("Optimiser"));
    m_optimizer->setItemText(0, tr("SGD"));
    m_optimizer->setItemText(1, tr("Momentum"));
    m_optimizer->setItemText(2, tr("Adam"));
    m_optimizer->setToolTip(
        tr("How the gradient becomes a step: plain SGD, SGD with momentum "
           "0.9, or Adam. Changing it starts training again."));
    m_batchCaption->setText(tr("Batch size"));
    m_batch->setToolTip(
        tr("Training points per weight update; it changes the running training "
           "at once."));
    m_regCaption->setText(tr("Regularisation"));
    m_regularization->setItemText(0, tr("None"));
    m_regularization->setToolTip(
        tr("A penalty on large weights: L1 pushes weights to exactly "
           "zero, L2 shrinks them all. Changes apply at once."));
    m_regRateCaption->setText(tr("Rate"));
    m_regRate->setToolTip(tr("Regularisation rate: the strength of the penalty on the weights."));
}

}  // namespace actlab::ui
