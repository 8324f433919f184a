#include "common/formula_editor.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>

#include "activations/formula_activation.h"
#include "activations/formula_gallery.h"
#include "common/qt_text.h"
#include "formula/formula.h"
#include "formula/formula_display.h"

namespace actlab::ui {

namespace {

/// The longest formula the language accepts (formula.h); the field stops there.
constexpr int kMaxFormulaLength = 500;

const FormulaGalleryEntry* galleryEntryWithText(const QString& text) {
    for (const FormulaGalleryEntry& e : formulaGallery())
        if (qs(e.formula) == text.trimmed()) return &e;
    return nullptr;
}

}  // namespace

FormulaEditor::FormulaEditor(QWidget* parent) : QWidget(parent) {
    setObjectName("formulaEditor");
    m_title = new QLabel(this);
    m_title->setObjectName("sectionTitle");
    m_edit = new QLineEdit(this);
    m_edit->setObjectName("formulaEdit");
    m_edit->setMaxLength(kMaxFormulaLength);
    m_edit->setClearButtonEnabled(true);
    m_gallery = new QMenu(this);
    m_gallery->setToolTipsVisible(true);
    for (const FormulaGalleryEntry& e : formulaGallery()) {
        QAction* action = m_gallery->addAction(QString());
        action->setData(qs(e.id));
        connect(action, &QAction::triggered, this,
                [this, id = qs(e.id)] { chooseGalleryEntry(id); });
    }
    m_galleryButton = new QToolButton(this);
    m_galleryButton->setObjectName("galleryButton");
    m_galleryButton->setMenu(m_gallery);
    m_galleryButton->setPopupMode(QToolButton::InstantPopup);
    m_galleryButton->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_error = new QLabel(this);
    m_error->setObjectName("errorMessage");
    m_error->setWordWrap(true);
    m_error->hide();
    m_derivatives = new QLabel(this);
    m_derivatives->setObjectName("formulaDerivatives");
    m_derivatives->setWordWrap(true);
    m_derivatives->setTextFormat(Qt::RichText);
    m_derivatives->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_derivatives->hide();
    m_note = new QLabel(this);
    m_note->setObjectName("hint");
    m_note->setWordWrap(true);
    m_note->hide();

    auto* titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_galleryButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(titleRow);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addWidget(m_derivatives);
    layout->addWidget(m_note);

    connect(m_edit, &QLineEdit::textEdited, this, [this](const QString& t) { compile(t, true); });
    // Enter shows the field's formula again after another activation was chosen.
    connect(m_edit, &QLineEdit::returnPressed, this, [this] { compile(m_edit->text(), true); });
    retranslate();
}

void FormulaEditor::showFormula(const ActivationSpec& row) {
    if (!row.isFormula()) return;
    const QString text = qs(formulaText(row));
    // The row's text is the field's without surrounding spaces: a space just typed stays.
    if (m_edit->text().trimmed() != text) m_edit->setText(text);
    m_row = activationRef(row);
    const QString given = qs(formulaGivenName(row));
    m_entry = galleryEntryWithText(text);
    if (m_entry && qs(m_entry->name) != given) m_entry = nullptr;
    m_error->hide();
    showDerivatives(row);
}

QString FormulaEditor::typeFormula(const QString& text) {
    m_edit->setText(text);
    compile(text, true);
    return errorText();
}

bool FormulaEditor::chooseGalleryEntry(const QString& id) {
    const FormulaGalleryEntry* entry = findGalleryEntry(toStd(id));
    if (!entry) return false;
    const ActivationCall call = galleryCall(*entry);
    m_edit->setText(qs(entry->formula));
    m_row = call.spec;
    m_entry = entry;
    m_error->hide();
    showDerivatives(*call.spec);
    emit galleryChosen(call);
    return true;
}

void FormulaEditor::compile(const QString& text, bool emitRow) {
    if (text.trimmed().isEmpty()) {
        m_error->setText(tr("Type a formula in x, for example x*sigmoid(b*x). The curve "
                            "shown stays until it compiles."));
        m_error->show();
        return;
    }
    // Typing a gallery formula back gives it the gallery's name again.
    const FormulaGalleryEntry* entry = galleryEntryWithText(text);
    const FormulaActivationResult r =
        makeFormulaActivation(toStd(text.trimmed()), entry ? entry->name : std::string_view());
    if (!r.ok()) {
        // The core's message names the column; the previous curve stays where it is shown.
        m_error->setText(tr("%1. The previous curve stays shown.").arg(qs(r.error)));
        m_error->show();
        return;
    }
    m_error->hide();
    m_row = r.row;
    m_entry = entry;
    showDerivatives(*r.row);
    if (emitRow) emit formulaEdited(r.row);
}

void FormulaEditor::showDerivatives(const ActivationSpec& row) {
    const FormulaDisplay d = formulaDisplay(*row.program);
    const auto line = [](const QString& lhs, const std::string& rhs) {
        return QStringLiteral("<i>%1</i> = %2").arg(lhs, qs(rhs).toHtmlEscaped());
    };
    m_derivatives->setText(line(QStringLiteral("f\u2032(x)"), d.df) + QStringLiteral("<br>") +
                           line(QStringLiteral("f\u2033(x)"), d.d2f));
    m_derivativesPlain = QStringLiteral("f\u2032(x) = %1\nf\u2033(x) = %2").arg(qs(d.df), qs(d.d2f));
    m_derivatives->setToolTip(tr("The derivatives, simplified for reading. The curves use exact "
                                 "values (automatic differentiation), not these texts."));
    m_derivatives->setVisible(m_derivativesShown);
    m_stepWarning = d.dfIsZero && row.program->dependsOnX();
    updateNote();
}

void FormulaEditor::updateNote() {
    QStringList parts;
    if (m_stepWarning)
        parts << tr("f\u2032 is 0 wherever it exists: backpropagation gets no gradient through "
                    "this function, so a network of it cannot learn. A steep sigmoid, "
                    "sigmoid(k*x), is the trainable stand-in.");
    if (m_entry) parts << qs(m_entry->summary, m_lang);
    m_note->setText(parts.join(QStringLiteral("\n")));
    m_note->setVisible(!parts.isEmpty());
}

void FormulaEditor::setDerivativesShown(bool on) {
    m_derivativesShown = on;
    m_derivatives->setVisible(on && m_row);
}

QString FormulaEditor::text() const {
    return m_edit->text();
}

QString FormulaEditor::errorText() const {
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QString FormulaEditor::derivativesText() const {
    return m_row ? m_derivativesPlain : QString();
}

QString FormulaEditor::noteText() const {
    return m_note->isVisibleTo(this) ? m_note->text() : QString();
}

void FormulaEditor::setLanguage(const QString& lang) {
    m_lang = lang;
    retranslate();
}

void FormulaEditor::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void FormulaEditor::retranslate() {
    m_title->setText(tr("Your own formula"));
    m_edit->setPlaceholderText(tr("f(x) = \u2026  e.g. x*sigmoid(b*x)"));
    m_edit->setToolTip(
        tr("Type any f(x): + \u2212 * / ^, exp, log, sqrt, tanh, sigmoid, softplus, erf, sin, "
           "max, min, abs, step, where(x < 0, a, b) \u2026 Every name other than x becomes a "
           "parameter with a slider."));
    m_edit->setAccessibleName(tr("Formula of the activation"));
    m_galleryButton->setText(tr("Gallery") + QStringLiteral(" \u25BE"));
    m_galleryButton->setToolTip(tr("Ready examples: sine, Gaussian, step, Swish-\u03B2, Snake \u2026"));
    for (QAction* action : m_gallery->actions()) {
        const FormulaGalleryEntry* e = findGalleryEntry(toStd(action->data().toString()));
        if (!e) continue;
        action->setText(QStringLiteral("%1    %2").arg(qs(e->title, m_lang), qs(e->formula)));
        action->setToolTip(qs(e->summary, m_lang));
    }
    updateNote();
}

}  // namespace actlab::ui
