#pragma once
// One parameter of an activation as a slider mapped to a double, a spin box and a reset button,
// built from its ParamSpec. No per-activation widget code exists anywhere else.

#include <QWidget>

#include "activations/activation_spec.h"

class QDoubleSpinBox;
class QLabel;
class QSlider;
class QToolButton;

namespace actlab::ui {

/// A slider, spin box and reset-to-default button for one ParamSpec.
class ParameterSlider : public QWidget {
    Q_OBJECT
public:
    /// Steps of the integer slider at most; finer steps are still reachable through the spin box.
    static constexpr int kMaxTicks = 10000;

    /// A slider for `spec` at its default value, labelled in `lang`.
    ParameterSlider(const ParamSpec& spec, const QString& lang, QWidget* parent = nullptr);

    /// The parameter this slider edits.
    const ParamSpec& spec() const { return m_spec; }
    /// The current value (exact: a default such as 1/3 is not rounded to the spin box's digits).
    double value() const { return m_value; }
    /// Shows `value` without emitting valueChanged. Values beyond the slider's range are kept;
    /// the slider then rests at its end.
    void setValue(double value);
    /// Shows the label and tooltips in `lang`.
    void setLanguage(const QString& lang);

    /// The parts: the slider, the spin box and the reset button.
    QSlider* slider() const { return m_slider; }
    QDoubleSpinBox* spinBox() const { return m_spinBox; }
    QToolButton* resetButton() const { return m_reset; }

    /// The slider position that shows `value`, and the value at a position.
    int tickFor(double value) const;
    double valueAt(int tick) const;
    /// Digits after the decimal point, from the spec's step.
    int decimals() const { return m_decimals; }

signals:
    /// The user changed the value: continuously while dragging, on every step of the keyboard
    /// or wheel, when the spin box is committed, or on reset.
    void valueChanged(double value);
    /// The slider handle was pressed or released (a live drag begins or ends).
    void dragStarted();
    void dragFinished();

private:
    void onSliderMoved(int tick);
    void onSpinBoxChanged(double value);
    void resetToDefault();
    void commit(double value);
    void showValue(double value);

    ParamSpec m_spec;
    int m_ticks = 100;
    int m_decimals = 2;
    double m_value = 0;
    QLabel* m_label = nullptr;
    QLabel* m_keyword = nullptr;
    QSlider* m_slider = nullptr;
    QDoubleSpinBox* m_spinBox = nullptr;
    QToolButton* m_reset = nullptr;
};

}  // namespace actlab::ui
