#pragma once
// The network page's view switcher: the row of view buttons (Network, Compare activations,
// Gradient health, Why), the caption of the compared network shown in the full view with its way back,
// and the stack of views below them.

#include <QWidget>

class QButtonGroup;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace actlab::ui {

/// Buttons over a stack of views; one view shown at a time.
class ViewSwitcher : public QWidget {
    Q_OBJECT
public:
    explicit ViewSwitcher(QWidget* parent = nullptr);

    /// Adds a view; views are numbered in the order they are added, as the buttons are.
    void addView(QWidget* view);
    /// Shows view `index` and checks its button.
    void setCurrent(int index);
    int current() const;
    QWidget* currentView() const;
    /// The caption "Showing …" and the way back to the comparison, shown or hidden.
    void setFocusCaption(const QString& text);
    void setFocusShown(bool shown);
    /// Shows or hides the row of buttons (plot-only mode keeps the view alone).
    void setButtonsShown(bool shown);
    void retranslate();

signals:
    /// A view button was clicked.
    void viewChosen(int index);
    /// "Back to the comparison" was clicked.
    void backRequested();

private:
    QStackedWidget* m_views;
    QButtonGroup* m_buttons;
    QToolButton* m_networkButton;
    QToolButton* m_compareButton;
    QToolButton* m_healthButton;
    QToolButton* m_whyButton;
    QLabel* m_focusLabel;
    QToolButton* m_backButton;
    QWidget* m_row;
};

}  // namespace actlab::ui
