#pragma once
// What a teacher says about the current activation: its formula, range and properties, the
// teaching text and a PyTorch snippet with a copy button. Registry texts follow the language.

#include <QDialog>
#include <QPointer>
#include <QWidget>

#include "activations/activation_spec.h"

class QLabel;
class QPushButton;
class QTimer;

namespace actlab::ui {

/// The teaching notes of one activation.
class TeachingPanel : public QWidget {
    Q_OBJECT
public:
    /// An empty panel; setActivation fills it.
    explicit TeachingPanel(QWidget* parent = nullptr);

    /// Shows `spec` at `params`: the formula and the PyTorch snippet show these values.
    void setActivation(const ActivationSpec& spec, const ParamValues& params);
    /// New parameter values for the activation shown.
    void setParams(const ParamValues& params);
    /// Shows the texts in `lang` ("en", "zh_CN").
    void setLanguage(const QString& lang);
    /// The activation shown, or nullptr before the first.
    const ActivationSpec* activation() const { return m_spec; }

    /// Copies the PyTorch snippet to the clipboard.
    void copySnippet();
    /// Opens (or raises) a window with the formula in large type, for a projector; it follows
    /// the parameters while open.
    void showFormulaLarge();
    /// The formula with the current values (rich text), and the snippet at these parameters.
    QString formulaHtml() const;
    QString snippetText() const;

    /// The labels of each section, and the copy button.
    QLabel* nameLabel() const { return m_name; }
    QLabel* formulaLabel() const { return m_formula; }
    QLabel* rangeLabel() const { return m_range; }
    QLabel* propertiesLabel() const { return m_properties; }
    QLabel* teachingLabel() const { return m_teaching; }
    QLabel* snippetLabel() const { return m_snippet; }
    QPushButton* copyButton() const { return m_copy; }
    QPushButton* largeButton() const { return m_large; }
    /// The large formula window while open, else null.
    QDialog* largeDialog() const { return m_largeDialog; }

    /// A property as the panel names it ("smooth (C∞)", ...).
    static QString smoothnessText(Smoothness s);

signals:
    /// The snippet was copied; `text` is what went to the clipboard.
    void snippetCopied(const QString& text);

private:
    void changeEvent(QEvent* event) override;
    void refresh();
    void refreshLarge();
    void showValues();

    /// During a slider drag, the formula and the snippet follow the values at most this often.
    static constexpr int kValuesInterval = 150;  // ms

    const ActivationSpec* m_spec = nullptr;
    ParamValues m_params{};
    QString m_lang = QStringLiteral("en");
    QLabel* m_name = nullptr;
    QLabel* m_torchName = nullptr;
    QLabel* m_formulaTitle = nullptr;
    QLabel* m_formula = nullptr;
    QPushButton* m_large = nullptr;
    QPointer<QDialog> m_largeDialog;
    QLabel* m_largeLabel = nullptr;
    QLabel* m_rangeTitle = nullptr;
    QLabel* m_range = nullptr;
    QLabel* m_propertiesTitle = nullptr;
    QLabel* m_properties = nullptr;
    QLabel* m_teachingTitle = nullptr;
    QLabel* m_teaching = nullptr;
    QLabel* m_snippetTitle = nullptr;
    QLabel* m_snippet = nullptr;
    QPushButton* m_copy = nullptr;
    QTimer* m_copiedTimer = nullptr;
    QTimer* m_valuesTimer = nullptr;
    /// While a formula is typed the notes follow once typing pauses, so that a keystroke
    /// repaints the curves first.
    QTimer* m_typingTimer = nullptr;
    bool m_valuesPending = false;
    /// A formula row's f′ and f″ as formulas (HTML lines), made once per activation.
    QString m_derivativesHtml;
};

}  // namespace actlab::ui
