#include "network/formula_dialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "common/formula_editor.h"

namespace actlab::ui {

FormulaDialog::FormulaDialog(const ActivationSpec* current, const QString& lang, QWidget* parent)
    : QDialog(parent) {
    setObjectName("formulaDialog");
    setWindowTitle(tr("Formula Activation"));
    auto* hint = new QLabel(
        tr("The hidden layers use this function. Its parameters become sliders beside the "
           "network; changing the formula starts training again."),
        this);
    hint->setObjectName("hint");
    hint->setWordWrap(true);
    m_editor = new FormulaEditor(this);
    m_editor->setLanguage(lang);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_editor);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    resize(620, 360);

    if (current && current->isFormula()) {
        m_editor->showFormula(*current);
        m_call = {activationRef(*current), current->defaults()};
    }
    connect(m_editor, &FormulaEditor::formulaEdited, this, [this](const ActivationRef& row) {
        m_call = {row, row->defaults()};
        updateOk();
    });
    connect(m_editor, &FormulaEditor::galleryChosen, this, [this](const ActivationCall& call) {
        m_call = call;
        updateOk();
    });
    connect(m_editor->edit(), &QLineEdit::textEdited, this, [this] { updateOk(); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateOk();
}

void FormulaDialog::fitHeight() {
    // The derivatives and the gallery's sentence wrap: the dialog grows with them rather than
    // letting them overlap (never shrinking while the user types).
    QLayout* l = layout();
    const int h = l->hasHeightForWidth() ? l->totalHeightForWidth(width()) : sizeHint().height();
    if (h > height()) resize(width(), h);
}

void FormulaDialog::updateOk() {
    QTimer::singleShot(0, this, &FormulaDialog::fitHeight);
    // OK takes the field's formula: not while the field shows an error.
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(m_call.spec != nullptr && m_editor->errorText().isEmpty());
}

}  // namespace actlab::ui
