#include "common/parameter_slider.h"
#include "common/number_entry.h"

#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "common/qt_text.h"

namespace actlab::ui {

namespace {

/// Digits needed to show multiples of `step` exactly (0.01 → 2, 0.005 → 3, 0.5 → 1).
int decimalsForStep(double step) {
    if (!(step > 0)) return 2;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(step) - 1e-9)), 0, 6);
}

}  // namespace

ParameterSlider::ParameterSlider(const ParamSpec& spec, const QString& lang, QWidget* parent)
    : QWidget(parent),
      m_spec(spec),
      m_label(new QLabel(this)),
      m_keyword(new QLabel(qs(spec.id), this)),
      m_slider(new QSlider(Qt::Horizontal, this)),
      m_spinBox(new NumberSpinBox(this)),
      m_reset(new QToolButton(this)) {
    const double span = spec.max - spec.min;
    m_ticks = span > 0 && spec.step > 0
                  ? std::clamp(static_cast<int>(std::lround(span / spec.step)), 1, kMaxTicks)
                  : 100;
    m_decimals = decimalsForStep(spec.step);

    m_label->setObjectName("parameterLabel");
    m_label->setWordWrap(true);
    m_keyword->setObjectName("parameterKeyword");
    m_keyword->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_slider->setRange(0, m_ticks);
    m_slider->setPageStep(std::max(1, m_ticks / 10));
    m_slider->setTracking(true);  // valueChanged during the drag, not only on release
    m_slider->setMinimumWidth(120);

    // The spin box accepts values beyond the slider's range: slider ranges are teaching ranges,
    // not validity limits (the activation's own check decides).
    m_spinBox->setDecimals(m_decimals);
    m_spinBox->setRange(std::min(spec.min, -999.0), std::max(spec.max, 999.0));
    m_spinBox->setSingleStep(spec.step > 0 ? spec.step : 0.01);
    m_spinBox->setKeyboardTracking(false);
    m_spinBox->setAlignment(Qt::AlignRight);
    m_spinBox->setAccelerated(true);

    m_reset->setObjectName("resetButton");
    m_reset->setAutoRaise(true);
    m_reset->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(2);
    // The name gets a line of its own (it wraps in a narrow column or at a large presentation
    // scale), then the keyword, value and reset; the slider gets the whole width below, a long
    // track being easier to drag precisely in front of a class.
    layout->addWidget(m_label, 0, 0, 1, 3);
    layout->addWidget(m_keyword, 1, 0, Qt::AlignVCenter);
    layout->addWidget(m_spinBox, 1, 1, Qt::AlignVCenter);
    layout->addWidget(m_reset, 1, 2, Qt::AlignVCenter);
    layout->addWidget(m_slider, 2, 0, 1, 3);
    layout->setColumnStretch(0, 1);

    connect(m_slider, &QSlider::valueChanged, this, &ParameterSlider::onSliderMoved);
    connect(m_slider, &QSlider::sliderPressed, this, &ParameterSlider::dragStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &ParameterSlider::dragFinished);
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, &ParameterSlider::onSpinBoxChanged);
    connect(m_reset, &QToolButton::clicked, this, &ParameterSlider::resetToDefault);

    setLanguage(lang);
    showValue(spec.defaultValue);
}

void ParameterSlider::setLanguage(const QString& lang) {
    m_label->setText(qs(m_spec.label, lang));
    // A formula's parameter is named by its keyword: no need to show the name twice.
    m_keyword->setVisible(m_label->text() != m_keyword->text());
    const QString tip = qs(m_spec.tooltip, lang);
    m_label->setToolTip(tip);
    m_slider->setToolTip(tip);
    m_spinBox->setToolTip(tip);
    m_reset->setText(tr("Reset"));
    m_reset->setToolTip(
        tr("Reset %1 to its default, %2").arg(qs(m_spec.id)).arg(m_spec.defaultValue, 0, 'g', 6));
}

int ParameterSlider::tickFor(double value) const {
    const double span = m_spec.max - m_spec.min;
    if (!(span > 0) || std::isnan(value)) return 0;
    const double t = (value - m_spec.min) / span * m_ticks;
    return static_cast<int>(std::lround(std::clamp(t, 0.0, static_cast<double>(m_ticks))));
}

double ParameterSlider::valueAt(int tick) const {
    const double v = m_spec.min + (m_spec.max - m_spec.min) * tick / m_ticks;
    // Round to the shown digits, so a slider stop is 0.2 and not 0.20000000000000001.
    const double scale = std::pow(10.0, m_decimals);
    return std::round(v * scale) / scale;
}

void ParameterSlider::setValue(double value) {
    if (value == m_value) return;
    showValue(value);
}

void ParameterSlider::showValue(double value) {
    m_value = value;
    const QSignalBlocker blockSlider(m_slider);
    const QSignalBlocker blockSpin(m_spinBox);
    m_slider->setValue(tickFor(value));
    m_spinBox->setValue(value);
}

void ParameterSlider::onSliderMoved(int tick) {
    const double value = valueAt(tick);
    m_value = value;
    const QSignalBlocker blockSpin(m_spinBox);
    m_spinBox->setValue(value);
    emit valueChanged(value);
}

void ParameterSlider::onSpinBoxChanged(double value) {
    commit(value);
}

void ParameterSlider::resetToDefault() {
    commit(m_spec.defaultValue);
}

void ParameterSlider::commit(double value) {
    if (value == m_value) return;
    showValue(value);
    emit valueChanged(value);
}

}  // namespace actlab::ui
