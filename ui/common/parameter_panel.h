#pragma once
// The parameters of the current activation: one ParameterSlider per ParamSpec, rebuilt whenever
// the activation changes, and a message when the function rejects the values.

#include <QWidget>
#include <vector>

#include "activations/activation_spec.h"

class QLabel;
class QVBoxLayout;

namespace actlab::ui {

class ParameterSlider;

/// Sliders for the parameters of one activation.
class ParameterPanel : public QWidget {
    Q_OBJECT
public:
    /// An empty panel; setActivation fills it.
    explicit ParameterPanel(QWidget* parent = nullptr);

    /// Rebuilds the sliders for `spec`, showing `values`. Emits nothing.
    void setActivation(const ActivationSpec& spec, const ParamValues& values) {
        setActivation(spec, values, spec.params);
    }
    /// The same with sliders made from `sliders` (the spec's parameters with edited defaults
    /// and ranges, for a formula activation).
    void setActivation(const ActivationSpec& spec, const ParamValues& values,
                       std::span<const ParamSpec> sliders);
    /// Shows `values` in the existing sliders. Emits nothing.
    void setValues(const ParamValues& values);
    /// Shows why the values are rejected; an empty message hides it.
    void setError(const QString& message);
    /// Shows labels and tooltips in `lang`.
    void setLanguage(const QString& lang);

    /// The current values, in the order of the spec's parameters.
    ParamValues values() const;
    /// The number of sliders, and the slider of parameter `index` (or nullptr).
    int count() const { return static_cast<int>(m_sliders.size()); }
    ParameterSlider* slider(int index) const;
    /// The slider of the parameter with this PyTorch keyword, or nullptr.
    ParameterSlider* slider(const QString& paramId) const;
    /// The message shown for rejected values ("" when hidden).
    QString errorText() const;

signals:
    /// The user changed parameter `index` (continuously while dragging).
    void parameterChanged(int index, double value);
    /// A slider drag begins or ends.
    void dragStarted();
    void dragFinished();

private:
    void changeEvent(QEvent* event) override;
    void retranslate();

    const ActivationSpec* m_spec = nullptr;
    ActivationRef m_row;  ///< the formula row the sliders' texts belong to
    QString m_lang = QStringLiteral("en");
    QLabel* m_title = nullptr;
    QLabel* m_none = nullptr;
    QLabel* m_error = nullptr;
    QVBoxLayout* m_sliderLayout = nullptr;
    std::vector<ParameterSlider*> m_sliders;
};

}  // namespace actlab::ui
