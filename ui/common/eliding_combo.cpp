#include "common/eliding_combo.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QStyleOptionComboBox>
#include <QStylePainter>

namespace actlab::ui {

ElidingComboBox::ElidingComboBox(QWidget* parent) : QComboBox(parent) {
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(6);
    connect(this, &QComboBox::currentTextChanged, this, &ElidingComboBox::updateToolTip);
}

int ElidingComboBox::textWidth() const {
    QStyleOptionComboBox opt;
    initStyleOption(&opt);
    return style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, this)
        .width();
}

bool ElidingComboBox::isElided() const {
    return !isEditable() && fontMetrics().horizontalAdvance(currentText()) > textWidth();
}

void ElidingComboBox::updateToolTip() {
    // The list's items are shown whole in the popup; the box says the whole current one.
    view()->setMinimumWidth(view()->sizeHintForColumn(0) + 24);
    const QString tip = isElided() ? currentText() + (m_ownToolTip.isEmpty() ? "" : "\n\n") +
                                         m_ownToolTip
                                   : m_ownToolTip;
    m_settingTip = true;
    setToolTip(tip);
    m_settingTip = false;
}

bool ElidingComboBox::event(QEvent* event) {
    // A tooltip set from outside describes the control: keep it, and add the whole text to it.
    if (event->type() == QEvent::ToolTipChange && !m_settingTip) {
        m_ownToolTip = toolTip();
        updateToolTip();
    }
    return QComboBox::event(event);
}

void ElidingComboBox::resizeEvent(QResizeEvent* event) {
    QComboBox::resizeEvent(event);
    updateToolTip();
}

void ElidingComboBox::paintEvent(QPaintEvent*) {
    QStylePainter painter(this);
    QStyleOptionComboBox opt;
    initStyleOption(&opt);
    if (!isEditable())
        opt.currentText = fontMetrics().elidedText(opt.currentText, Qt::ElideRight, textWidth());
    painter.drawComplexControl(QStyle::CC_ComboBox, opt);
    painter.drawControl(QStyle::CE_ComboBoxLabel, opt);
}

}  // namespace actlab::ui
