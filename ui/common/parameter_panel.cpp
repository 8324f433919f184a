#include "common/parameter_panel.h"

#include <QEvent>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include "common/parameter_slider.h"
#include "common/qt_text.h"

namespace actlab::ui {

ParameterPanel::ParameterPanel(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_none(new QLabel(this)),
      m_error(new QLabel(this)),
      m_sliderLayout(new QVBoxLayout) {
    m_title->setObjectName("sectionTitle");
    m_none->setObjectName("hint");
    m_none->setWordWrap(true);
    m_error->setObjectName("errorMessage");
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    m_sliderLayout->setContentsMargins(0, 0, 0, 0);
    m_sliderLayout->setSpacing(10);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addLayout(m_sliderLayout);
    layout->addWidget(m_none);
    layout->addWidget(m_error);
    retranslate();
}

void ParameterPanel::setActivation(const ActivationSpec& spec, const ParamValues& values,
                                   std::span<const ParamSpec> sliders) {
    m_spec = &spec;
    // A formula edited without changing its parameters (typing "x*sigmoid(b*x)" on) keeps the
    // sliders: rebuilding them at every keystroke would cost more than the new curves.
    const auto same = [](const ParamSpec& a, const ParamSpec& b) {
        return a.id == b.id && a.label.en == b.label.en && a.label.zh == b.label.zh &&
               a.tooltip.en == b.tooltip.en && a.tooltip.zh == b.tooltip.zh &&
               a.defaultValue == b.defaultValue && a.min == b.min && a.max == b.max &&
               a.step == b.step && a.learnable == b.learnable;
    };
    bool reuse = spec.isFormula() && m_sliders.size() == sliders.size();
    for (std::size_t i = 0; reuse && i < sliders.size(); ++i)
        reuse = same(m_sliders[i]->spec(), sliders[i]);
    if (reuse) {
        setValues(values);
        return;
    }
    // The sliders' ParamSpecs view the row's texts: a formula row stays alive while they do.
    m_row = spec.isFormula() ? activationRef(spec) : nullptr;
    for (ParameterSlider* slider : m_sliders) {
        // A drag cut short by a change of activation (keyboard during a drag) still ends.
        if (slider->slider()->isSliderDown()) emit dragFinished();
        slider->hide();
        slider->deleteLater();  // it may be the sender of the signal being handled
    }
    m_sliders.clear();
    for (std::size_t i = 0; i < sliders.size(); ++i) {
        auto* slider = new ParameterSlider(sliders[i], m_lang, this);
        slider->setValue(values[i]);
        const int index = static_cast<int>(i);
        connect(slider, &ParameterSlider::valueChanged, this,
                [this, index](double value) { emit parameterChanged(index, value); });
        connect(slider, &ParameterSlider::dragStarted, this, &ParameterPanel::dragStarted);
        connect(slider, &ParameterSlider::dragFinished, this, &ParameterPanel::dragFinished);
        m_sliderLayout->addWidget(slider);
        m_sliders.push_back(slider);
    }
    m_none->setVisible(m_sliders.empty());
}

void ParameterPanel::setValues(const ParamValues& values) {
    for (std::size_t i = 0; i < m_sliders.size(); ++i) m_sliders[i]->setValue(values[i]);
}

ParamValues ParameterPanel::values() const {
    ParamValues v{};
    for (std::size_t i = 0; i < m_sliders.size(); ++i) v[i] = m_sliders[i]->value();
    return v;
}

void ParameterPanel::setError(const QString& message) {
    if (message.isEmpty()) {
        m_error->clear();
        m_error->hide();
        return;
    }
    m_error->setText(tr("These values are not accepted: %1.").arg(message));
    m_error->show();
}

QString ParameterPanel::errorText() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

void ParameterPanel::setLanguage(const QString& lang) {
    m_lang = lang;
    for (ParameterSlider* slider : m_sliders) slider->setLanguage(lang);
}

ParameterSlider* ParameterPanel::slider(int index) const {
    return index >= 0 && index < count() ? m_sliders[static_cast<std::size_t>(index)] : nullptr;
}

ParameterSlider* ParameterPanel::slider(const QString& paramId) const {
    for (ParameterSlider* s : m_sliders)
        if (qs(s->spec().id) == paramId) return s;
    return nullptr;
}

void ParameterPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ParameterPanel::retranslate() {
    m_title->setText(tr("Parameters"));
    m_none->setText(tr("This activation has no parameters."));
}

}  // namespace actlab::ui
