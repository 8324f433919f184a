#pragma once
// Keys that work whatever has the focus. A text field (a line edit, a spin box, an editable
// combo box) would otherwise keep Space, "." and the plain-letter shortcuts for itself as long as
// it has the focus, so that after typing a learning rate Space no longer plays. Here a text field
// keeps those keys only while it is being edited: from the moment it gets the focus or a key is
// typed into it, until Enter or Esc. Esc also gives the focus back to the page. Installed on the
// application by the main window.

#include <QObject>
#include <QPointer>

class QKeyEvent;
class QWidget;

namespace actlab::ui {

/// The application-level key filter.
class KeyboardFocus : public QObject {
    Q_OBJECT
public:
    /// Works for the shortcuts of `window` and its children.
    explicit KeyboardFocus(QWidget* window);

    /// True when `w` takes typed text (and so competes with single-key shortcuts).
    static bool isTextInput(const QWidget* w);
    /// The text field being edited now, or null.
    QWidget* editing() const { return m_editing; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// True when an enabled action of the window has `event`'s key as a shortcut.
    bool isWindowShortcut(const QKeyEvent* event) const;

    QWidget* m_window;
    QPointer<QWidget> m_editing;
};

}  // namespace actlab::ui
