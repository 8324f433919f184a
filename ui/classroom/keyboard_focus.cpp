#include "classroom/keyboard_focus.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>
#include <QWidget>

namespace actlab::ui {

namespace {

/// The text field a focus widget belongs to (a spin box's or a combo box's line edit counts as
/// the box), or null.
QWidget* textFieldOf(QWidget* w) {
    for (QWidget* p = w; p; p = p->parentWidget()) {
        if (qobject_cast<QAbstractSpinBox*>(p)) return p;
        if (auto* combo = qobject_cast<QComboBox*>(p)) return combo->isEditable() ? p : nullptr;
        if (p == w && KeyboardFocus::isTextInput(p)) return p;
        if (p != w) break;
    }
    return nullptr;
}

}  // namespace

KeyboardFocus::KeyboardFocus(QWidget* window) : QObject(window), m_window(window) {}

bool KeyboardFocus::isTextInput(const QWidget* w) {
    if (!w) return false;
    if (auto* edit = qobject_cast<const QLineEdit*>(w)) return !edit->isReadOnly();
    if (auto* edit = qobject_cast<const QTextEdit*>(w)) return !edit->isReadOnly();
    if (auto* edit = qobject_cast<const QPlainTextEdit*>(w)) return !edit->isReadOnly();
    if (qobject_cast<const QAbstractSpinBox*>(w)) return true;
    if (auto* combo = qobject_cast<const QComboBox*>(w)) return combo->isEditable();
    return false;
}

bool KeyboardFocus::isWindowShortcut(const QKeyEvent* event) const {
    const QKeySequence pressed(event->keyCombination());
    for (QAction* a : m_window->findChildren<QAction*>()) {
        if (!a->isEnabled()) continue;
        for (const QKeySequence& k : a->shortcuts())
            if (k == pressed) return true;
    }
    return false;
}

bool KeyboardFocus::eventFilter(QObject* watched, QEvent* event) {
    if (!watched->isWidgetType()) return false;
    auto* widget = static_cast<QWidget*>(watched);
    if (widget->window() != m_window) return false;
    switch (event->type()) {
        case QEvent::FocusIn: {
            // Clicking or tabbing into a field starts editing it; the focus coming back from
            // a combo box's list or another window does not.
            const Qt::FocusReason reason = static_cast<QFocusEvent*>(event)->reason();
            if (reason == Qt::MouseFocusReason || reason == Qt::TabFocusReason ||
                reason == Qt::BacktabFocusReason)
                if (QWidget* field = textFieldOf(widget)) m_editing = field;
            break;
        }
        case QEvent::FocusOut:
            if (m_editing && (widget == m_editing || m_editing->isAncestorOf(widget)))
                m_editing = nullptr;
            break;
        case QEvent::ShortcutOverride: {
            // A field that is not being edited lets the window's shortcuts have their keys.
            QWidget* field = textFieldOf(widget);
            auto* key = static_cast<QKeyEvent*>(event);
            if (field && field != m_editing && isWindowShortcut(key)) {
                event->ignore();
                return true;
            }
            break;
        }
        case QEvent::KeyPress: {
            QWidget* field = textFieldOf(widget);
            if (!field) break;
            auto* key = static_cast<QKeyEvent*>(event);
            if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
                m_editing = nullptr;  // the field takes Enter (it commits), then hands keys back
            } else if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
                // Esc leaves the field: its value is committed (focus out) and the page has
                // the keyboard again.
                m_editing = nullptr;
                field->clearFocus();
                m_window->setFocus(Qt::ShortcutFocusReason);
                return true;
            } else if (!key->text().isEmpty() && key->text().at(0).isPrint()) {
                m_editing = field;  // typing starts an edit
            }
            break;
        }
        default:
            break;
    }
    return false;
}

}  // namespace actlab::ui
