#pragma once
// The strip across the top of the network page: reset, a big play/pause button and step, the
// epoch counter in large digits, the training speed (epochs per frame) and the settings that
// change live while training runs (learning rate, batch size, regularisation) or restart it (the
// optimiser).

#include <QWidget>

#include "nn/trainer.h"

class QComboBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace actlab::ui {

class TextLine;

/// Play controls, epoch counter and optimiser settings.
class TrainingBar : public QWidget {
    Q_OBJECT
public:
    explicit TrainingBar(QWidget* parent = nullptr);

    /// Shows the play state and the epoch. Emit nothing.
    void setPlaying(bool playing);
    void setEpoch(int epoch);
    /// Shows the settings. Emits nothing.
    void setConfig(const nn::TrainingConfig& config);
    void setEpochsPerFrame(int epochs);
    /// Disables play and step (no training points, no network).
    void setTrainable(bool trainable);

    /// The epoch as the counter shows it: "000,300".
    static QString epochText(int epoch);

    QToolButton* playButton() const { return m_play; }
    QToolButton* stepButton() const { return m_step; }
    QToolButton* resetButton() const { return m_reset; }
    TextLine* epochLabel() const { return m_epoch; }
    QComboBox* speedBox() const { return m_speed; }
    QComboBox* learningRateBox() const { return m_rate; }
    QComboBox* optimizerBox() const { return m_optimizer; }
    QSpinBox* batchBox() const { return m_batch; }
    QComboBox* regularizationBox() const { return m_regularization; }
    QComboBox* regularizationRateBox() const { return m_regRate; }

signals:
    void playToggled(bool play);
    void stepRequested();
    void resetRequested();
    void epochsPerFrameChosen(int epochs);
    void learningRateChosen(double rate);
    void optimizerChosen(nn::OptimizerKind kind);
    void batchSizeChosen(int size);
    void regularizationChosen(nn::Regularization kind, double rate);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    /// Draws the play button for m_playing.
    void showPlayState();
    void commitLearningRate();
    void commitRegularization();
    QWidget* field(QLabel*& caption, QWidget* control);

    bool m_playing = false;
    bool m_playShown = false;  ///< the play button shows m_playing
    QToolButton* m_reset = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_step = nullptr;
    QLabel* m_epochCaption = nullptr;
    TextLine* m_epoch = nullptr;
    QLabel* m_speedCaption = nullptr;
    QLabel* m_rateCaption = nullptr;
    QLabel* m_optimizerCaption = nullptr;
    QLabel* m_batchCaption = nullptr;
    QLabel* m_regCaption = nullptr;
    QLabel* m_regRateCaption = nullptr;
    QComboBox* m_speed = nullptr;
    QComboBox* m_rate = nullptr;
    QComboBox* m_optimizer = nullptr;
    QSpinBox* m_batch = nullptr;
    QComboBox* m_regularization = nullptr;
    QComboBox* m_regRate = nullptr;
};

}  // namespace actlab::ui
