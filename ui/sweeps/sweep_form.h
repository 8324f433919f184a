#pragma once
// The sweep page's settings: one or two varied settings (a key and a SPEC, as on the command
// line: `0.001:1:10:log`, `relu,gelu,elu`), the seeds per setting, the epochs and the target.

#include <QWidget>

#include "sweep/sweep_settings.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace actlab::ui {

class SweepForm : public QWidget {
    Q_OBJECT
public:
    explicit SweepForm(QWidget* parent = nullptr);

    /// What the fields say (not validated; see sweep::validate and makePlan).
    sweep::SweepSettings settings() const;
    void setSettings(const sweep::SweepSettings& settings);
    /// Shows `message` under the fields (empty: hides it).
    void setError(const QString& message);
    /// Disables editing while a sweep runs.
    void setRunning(bool running);

    QComboBox* keyBox(int variable) const { return m_key[variable]; }
    QLineEdit* specField(int variable) const { return m_spec[variable]; }
    QSpinBox* seedsBox() const { return m_seeds; }
    QSpinBox* epochsBox() const { return m_epochs; }

signals:
    void edited();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateTargetValue();

    QLabel* m_keyLabel[2] = {};
    QComboBox* m_key[2] = {};
    QLineEdit* m_spec[2] = {};
    QLabel* m_seedsLabel = nullptr;
    QSpinBox* m_seeds = nullptr;
    QLabel* m_epochsLabel = nullptr;
    QSpinBox* m_epochs = nullptr;
    QLabel* m_targetLabel = nullptr;
    QComboBox* m_target = nullptr;
    QDoubleSpinBox* m_targetValue = nullptr;
    QLabel* m_error = nullptr;
};

}  // namespace actlab::ui
