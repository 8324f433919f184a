#pragma once
// Typing an activation as a formula: a text field compiled at every keystroke, a gallery of
// ready examples, the error of a formula that does not compile (the last good one stays shown
// elsewhere), and f′ and f″ as formulas. Used by the explorer and by the network page's layer
// dialog; it holds no state beyond the text and the last good row.

#include <QString>
#include <QWidget>

#include "activations/activation_call.h"

class QLabel;
class QLineEdit;
class QMenu;
class QToolButton;

namespace actlab {
struct FormulaGalleryEntry;
}

namespace actlab::ui {

/// A formula field with its gallery, error message and derivative formulas.
class FormulaEditor : public QWidget {
    Q_OBJECT
public:
    explicit FormulaEditor(QWidget* parent = nullptr);

    /// Shows a formula row's text and derivatives (as if typed, but emits nothing).
    void showFormula(const ActivationSpec& row);
    /// Types `text`: compiles it, shows its derivatives or its error, and emits formulaEdited
    /// when it compiles. Returns the error ("" when it compiled).
    QString typeFormula(const QString& text);
    /// Chooses a gallery entry by id, as its menu item does. False for an unknown id.
    bool chooseGalleryEntry(const QString& id);

    /// The text in the field, the last row it compiled to (or null), the error shown ("" when
    /// none) and the derivative formulas shown (plain text, "" when none).
    QString text() const;
    const ActivationRef& row() const { return m_row; }
    QString errorText() const;
    QString derivativesText() const;
    /// The note under the derivatives: a gallery entry's sentence, or why a step cannot learn.
    QString noteText() const;

    QLineEdit* edit() const { return m_edit; }
    QToolButton* galleryButton() const { return m_galleryButton; }
    QMenu* galleryMenu() const { return m_gallery; }

    /// Shows or hides f′ and f″ under the field (the explorer hides them while its notes, which
    /// show them larger, are on screen).
    void setDerivativesShown(bool on);

    /// Shows gallery sentences and hints in `lang`.
    void setLanguage(const QString& lang);

signals:
    /// The text compiled to `row` (typed, or chosen in the gallery).
    void formulaEdited(const ActivationRef& row);
    /// A gallery entry was chosen: its row with the parameter values it is shown with.
    void galleryChosen(const ActivationCall& call);

private:
    void changeEvent(QEvent* event) override;
    void retranslate();
    void compile(const QString& text, bool emitRow);
    void showDerivatives(const ActivationSpec& row);
    void updateNote();

    QString m_lang = QStringLiteral("en");
    ActivationRef m_row;
    const FormulaGalleryEntry* m_entry = nullptr;  ///< the gallery entry the text is, or null
    bool m_stepWarning = false;
    bool m_derivativesShown = true;
    QString m_derivativesPlain;  ///< what derivativesText() returns
    QLabel* m_title = nullptr;
    QLineEdit* m_edit = nullptr;
    QToolButton* m_galleryButton = nullptr;
    QMenu* m_gallery = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_derivatives = nullptr;
    QLabel* m_note = nullptr;
};

}  // namespace actlab::ui
