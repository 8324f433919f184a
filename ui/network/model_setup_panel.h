#pragma once
// The settings that define the experiment beyond the data and the layers: the output and its
// loss, the initialisation, the training mode and the seed. Changing any of them starts training
// again from epoch 0.

#include <QWidget>
#include <cstdint>

#include "nn/network.h"
#include "nn/trainer.h"

class QComboBox;
class QLabel;
class QSpinBox;
class QToolButton;

namespace actlab::ui {

/// Output, initialisation, training mode and seed.
class ModelSetupPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelSetupPanel(QWidget* parent = nullptr);

    /// Shows the settings. `numClasses` (0, 2, K) decides which outputs are offered. Emits nothing.
    void setValues(nn::OutputKind output, int numClasses, nn::InitKind init, nn::TrainingMode mode,
                   std::uint64_t seed);

    QComboBox* outputBox() const { return m_output; }
    QComboBox* initBox() const { return m_init; }
    QComboBox* modeBox() const { return m_mode; }
    QSpinBox* seedBox() const { return m_seed; }

signals:
    void outputChosen(nn::OutputKind output);
    void initChosen(nn::InitKind init);
    void modeChosen(nn::TrainingMode mode);
    void seedChosen(std::uint64_t seed);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillOutputs(int numClasses);

    int m_numClasses = 2;
    QLabel* m_title = nullptr;
    QLabel* m_outputLabel = nullptr;
    QLabel* m_initLabel = nullptr;
    QLabel* m_modeLabel = nullptr;
    QLabel* m_seedLabel = nullptr;
    QComboBox* m_output = nullptr;
    QComboBox* m_init = nullptr;
    QComboBox* m_mode = nullptr;
    QSpinBox* m_seed = nullptr;
    QToolButton* m_newSeed = nullptr;
};

}  // namespace actlab::ui
