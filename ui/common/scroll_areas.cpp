#include "common/scroll_areas.h"

#include <QScrollArea>

namespace actlab::ui {

QScrollArea* verticalScroll(QWidget* content, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setFocusPolicy(Qt::NoFocus);  // a container: Tab goes to what it holds
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return scroll;
}

}  // namespace actlab::ui
