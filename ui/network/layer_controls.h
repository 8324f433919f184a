#pragma once
// The selected hidden layer's activation and its parameters: an activation picker generated from
// the registry and the same ParameterSliders as the explorer. Moving a slider while training
// changes the running network.

#include <QWidget>

#include "activations/activation_call.h"
#include "nn/network.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace actlab::ui {

class FormulaDialog;
class ParameterPanel;

/// Activation and parameters of one hidden layer (or of all of them).
class LayerControls : public QWidget {
    Q_OBJECT
public:
    explicit LayerControls(QWidget* parent = nullptr);

    /// Shows hidden layer `layer` (0-based) of `count` layers. Emits nothing.
    void setLayer(int layer, int count, const nn::LayerSpec& spec);
    /// Shows the parameter values of the shown layer. Emits nothing.
    void setParams(const ParamValues& values);
    /// The shown layer (−1 when the network has no hidden layer).
    int layer() const { return m_layer; }
    /// Compare mode: every layer's activation comes from its comparison cell, so the picker and
    /// the sliders are locked, with a note saying why.
    void setLocked(bool locked, const QString& activationName = {});
    /// Whether a choice applies to every hidden layer.
    bool applyToAll() const;
    void setApplyToAll(bool on);
    /// Shows names in `lang`.
    void setLanguage(const QString& lang);

    QComboBox* activationBox() const { return m_activation; }
    QComboBox* preluModeBox() const { return m_preluMode; }
    QCheckBox* allLayersBox() const { return m_allLayers; }
    ParameterPanel* parameters() const { return m_parameters; }
    /// Opens the formula dialog (the choice "Your formula…"), starting from the shown layer's
    /// formula; OK emits formulaChosen. The dialog while it is open, else nullptr.
    void openFormulaDialog();
    FormulaDialog* formulaDialog() const { return m_formulaDialog; }

signals:
    /// The user chose an activation (by registry id).
    void activationChosen(const QString& id);
    /// The user chose a formula activation, with its starting parameter values.
    void formulaChosen(const ActivationCall& call);
    /// The user moved parameter `index` (continuously while dragging).
    void parameterChanged(int index, double value);
    /// The user chose how PReLU learns its weight.
    void preluModeChosen(nn::PReluMode mode);
    /// The "every hidden layer" box was toggled.
    void applyToAllChanged(bool on);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillActivations();
    void updateTitle();
    void updateFormulaItem();

    QString m_lang = QStringLiteral("en");
    ActivationRef m_row;  ///< the shown layer's activation (a formula row stays alive)
    FormulaDialog* m_formulaDialog = nullptr;
    int m_layer = -1;
    int m_count = 0;
    bool m_locked = false;
    QString m_lockedName;
    QLabel* m_title = nullptr;
    QLabel* m_activationLabel = nullptr;
    QComboBox* m_activation = nullptr;
    QCheckBox* m_allLayers = nullptr;
    QLabel* m_preluLabel = nullptr;
    QComboBox* m_preluMode = nullptr;
    QLabel* m_note = nullptr;
    ParameterPanel* m_parameters = nullptr;
};

}  // namespace actlab::ui
