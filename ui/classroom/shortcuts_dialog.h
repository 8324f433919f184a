#pragma once
// Help ▸ Keyboard Shortcuts: every shortcut of the window's menus, read from the actions
// themselves (so the list can never go stale), and the mouse gestures of the plots.

#include <QDialog>
#include <QList>

class QAction;
class QMenuBar;
class QTableWidget;

namespace actlab::ui {

/// A table of the shortcuts and mouse gestures.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    /// Lists the shortcuts of every action in `menus` and of `extra` (window-level actions).
    ShortcutsDialog(QWidget* parent, const QMenuBar* menus, const QList<QAction*>& extra);

    QTableWidget* table() const { return m_table; }

private:
    QTableWidget* m_table;
};

}  // namespace actlab::ui
