#pragma once
// A view in a scroll area that scrolls vertically only: a short window (a large presentation
// scale on a small screen) scrolls the view instead of growing taller than the screen, and the
// view never needs a sideways scroll.

class QScrollArea;
class QWidget;

namespace actlab::ui {

/// `content` in a frameless scroll area with a vertical scroll bar only, resizing `content` to
/// its width. The area takes no focus (Tab goes to what it holds).
QScrollArea* verticalScroll(QWidget* content, QWidget* parent);

}  // namespace actlab::ui
