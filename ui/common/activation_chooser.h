#pragma once
// The list of activations, generated from the registry and grouped as classics, smooth modern and
// piecewise/hard, with a type-to-filter field. Up and down (in the list or in the filter field)
// change the current activation.

#include <QWidget>

#include "activations/activation_spec.h"

class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace actlab::ui {

/// Chooses the current activation by registry id.
class ActivationChooser : public QWidget {
    Q_OBJECT
public:
    /// A chooser listing every registry row, with nothing selected yet.
    explicit ActivationChooser(QWidget* parent = nullptr);

    /// The id of the selected activation, or empty.
    QString currentActivation() const;
    /// Selects `id` without emitting currentActivationChanged. False for an unknown id.
    bool setCurrentActivation(const QString& id);
    /// Selects nothing (a formula activation is shown), without emitting; choosing any row then
    /// emits currentActivationChanged, the previous one too.
    void clearCurrentActivation();
    /// Shows the names in `lang`.
    void setLanguage(const QString& lang);
    /// Shows only activations whose name, id or PyTorch class contains `text` (any case).
    void setFilterText(const QString& text);
    /// The ids left visible by the filter, in list order.
    QStringList visibleActivations() const;
    /// The display name of a group.
    static QString groupTitle(Group group);

    /// The filter field and the list.
    QLineEdit* filterEdit() const { return m_filter; }
    QTreeWidget* tree() const { return m_tree; }

signals:
    /// The user selected another activation (mouse, keyboard or filter).
    void currentActivationChanged(const QString& id);

private:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void retranslate();
    void applyFilter();
    void onCurrentItemChanged(QTreeWidgetItem* current);
    QTreeWidgetItem* itemFor(const QString& id) const;
    /// Moves the selection to the next (+1) or previous (−1) visible activation.
    void step(int direction);

    QString m_lang = QStringLiteral("en");
    QLineEdit* m_filter = nullptr;
    QTreeWidget* m_tree = nullptr;
};

}  // namespace actlab::ui
