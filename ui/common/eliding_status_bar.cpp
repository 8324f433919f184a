#include "common/eliding_status_bar.h"

#include <QPainter>
#include <QStyleOption>

namespace actlab::ui {

namespace {
constexpr int kMargin = 6;  // as QStatusBar leaves beside its message
}  // namespace

ElidingStatusBar::ElidingStatusBar(QWidget* parent) : QStatusBar(parent) {
    connect(this, &QStatusBar::messageChanged, this, &ElidingStatusBar::followMessage);
}

void ElidingStatusBar::followMessage() {
    setToolTip(elidedMessage().isEmpty() ? QString() : currentMessage());
    update();
}

QString ElidingStatusBar::elidedMessage() const {
    const QString message = currentMessage();
    const int room = width() - 2 * kMargin - 16;
    if (message.isEmpty() || fontMetrics().horizontalAdvance(message) <= room) return {};
    return fontMetrics().elidedText(message, Qt::ElideRight, room);
}

void ElidingStatusBar::resizeEvent(QResizeEvent* event) {
    QStatusBar::resizeEvent(event);
    followMessage();
}

void ElidingStatusBar::paintEvent(QPaintEvent* event) {
    const QString elided = elidedMessage();
    if (elided.isEmpty()) {
        QStatusBar::paintEvent(event);
        return;
    }
    QPainter p(this);
    QStyleOption option;
    option.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &option, &p, this);
    p.setPen(palette().windowText().color());
    p.drawText(rect().adjusted(kMargin, 0, -kMargin, 0),
               Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine,
               elided);
}

}  // namespace actlab::ui
