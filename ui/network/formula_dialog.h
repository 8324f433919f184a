#pragma once
// The dialog behind a layer's "Your formula…" choice: the formula field with its gallery, error
// and derivatives (FormulaEditor), and OK once the formula compiles.

#include <QDialog>

#include "activations/activation_call.h"

class QDialogButtonBox;

namespace actlab::ui {

class FormulaEditor;

/// Chooses a formula activation for hidden layers.
class FormulaDialog : public QDialog {
    Q_OBJECT
public:
    /// Starts with `current` (a formula row) in the field, or empty.
    explicit FormulaDialog(const ActivationSpec* current, const QString& lang,
                           QWidget* parent = nullptr);

    /// The chosen formula with its starting parameter values (a gallery entry's, else the
    /// defaults); null before a formula compiled.
    const ActivationCall& call() const { return m_call; }
    FormulaEditor* editor() const { return m_editor; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void updateOk();
    void fitHeight();

    ActivationCall m_call;
    FormulaEditor* m_editor = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace actlab::ui
