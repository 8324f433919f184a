// The curve plot's texts: its title, the message shown instead of curves, and what a screen
// reader says for it.

#include <algorithm>
#include <cmath>

#include "common/accessibility.h"
#include "common/qt_text.h"
#include "explorer/curve_plot.h"
#include "explorer/curve_style.h"
#include "explorer/explorer_state.h"

namespace actlab::ui {

using curvestyle::callLabel;

void CurvePlot::updateTitle() {
    const QString& lang = m_lang;
    if (m_state->compareMode()) {
        // Brief names: five activations with their Chinese glosses would not fit a title.
        QStringList names{shortName(qs(m_state->spec().name, lang))};
        for (const Overlay& o : m_compared) names << shortName(qs(o.call.spec->name, lang));
        m_title->setText(tr("Comparison: %1").arg(names.join(QStringLiteral(", "))));
    } else {
        m_title->setText(callLabel(m_state->call(), lang));
    }
    updateAccessibleText();
}

void CurvePlot::updateAccessibleText() {
    // What a screen reader says for the plot: its title, the curves shown and the x range.
    QStringList curves;
    for (const auto& [shown, name] : {std::pair{m_state->showF(), "f"},
                                      std::pair{m_state->showDf(), "f\u2032"},
                                      std::pair{m_state->showD2f(), "f\u2033"}})
        if (shown) curves << QString::fromUtf8(name);
    describeForScreenReaders(this, m_title->text(),
                             tr("%1: %2 over x from %3 to %4")
                                 .arg(m_title->text(), curves.join(QStringLiteral(", ")),
                                      QString::number(m_state->xMin(), 'g', 4),
                                      QString::number(m_state->xMax(), 'g', 4)));
}

void CurvePlot::updateMessage() {
    QString text;
    if (!m_state->isValid())
        text = tr("These parameters are not accepted:\n%1").arg(m_state->paramError());
    else if (!m_state->showF() && !m_state->showDf() && !m_state->showD2f())
        text = tr("Turn on f, f\u2032 or f\u2033 to see a curve.");
    else if (std::none_of(m_curve.f.begin(), m_curve.f.end(),
                          [](double v) { return !std::isnan(v); }))
        // A formula such as log(x − 10) on [−6, 6]: its domain lies outside the range.
        text = tr("f(x) is not a number anywhere on this x range (outside the formula's "
                  "domain, such as the log of a negative number).\nWiden or move the x range.");
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString CurvePlot::message() const {
    return m_message->visible() ? m_message->text() : QString();
}

QString CurvePlot::title() const {
    return m_title->text();
}

}  // namespace actlab::ui
