#include "explorer/teaching_panel.h"

#include <algorithm>

#include <QClipboard>
#include <QDialog>
#include <QEvent>
#include <QFontInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "activations/formula_values.h"
#include "common/plot_style.h"
#include "common/qt_text.h"
#include "export/torch_modules.h"
#include "formula/formula_display.h"

namespace actlab::ui {

namespace {

QLabel* sectionTitle(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName("sectionTitle");
    return label;
}

QString chip(bool yes, const QString& text) {
    // ✓ and ✗ as well as colour, so the meaning survives greyscale projection.
    const QColor color = yes ? style::colors().good : style::colors().faint;
    return QStringLiteral("<span style=\"color:%1\">%2&nbsp;%3</span>")
        .arg(color.name(), yes ? QStringLiteral("&#10003;") : QStringLiteral("&#10007;"), text);
}

}  // namespace

TeachingPanel::TeachingPanel(QWidget* parent)
    : QWidget(parent),
      m_name(new QLabel(this)),
      m_torchName(new QLabel(this)),
      m_formulaTitle(sectionTitle(this)),
      m_formula(new QLabel(this)),
      m_large(new QPushButton(this)),
      m_rangeTitle(sectionTitle(this)),
      m_range(new QLabel(this)),
      m_propertiesTitle(sectionTitle(this)),
      m_properties(new QLabel(this)),
      m_teachingTitle(sectionTitle(this)),
      m_teaching(new QLabel(this)),
      m_snippetTitle(sectionTitle(this)),
      m_snippet(new QLabel(this)),
      m_copy(new QPushButton(this)),
      m_copiedTimer(new QTimer(this)),
      m_valuesTimer(new QTimer(this)) {
    m_valuesTimer->setSingleShot(true);
    m_typingTimer = new QTimer(this);
    m_typingTimer->setSingleShot(true);
    m_typingTimer->setInterval(kValuesInterval);
    connect(m_typingTimer, &QTimer::timeout, this, &TeachingPanel::refresh);
    m_valuesTimer->setInterval(kValuesInterval);
    connect(m_valuesTimer, &QTimer::timeout, this, [this] {
        if (m_valuesPending) {
            showValues();
            m_valuesTimer->start();
        }
    });
    m_name->setObjectName("activationName");
    m_name->setWordWrap(true);
    m_torchName->setObjectName("torchName");
    m_formula->setObjectName("formula");
    m_formula->setTextFormat(Qt::RichText);
    m_formula->setWordWrap(true);
    m_range->setObjectName("range");
    m_range->setWordWrap(true);
    m_properties->setObjectName("properties");
    m_properties->setTextFormat(Qt::RichText);
    m_properties->setWordWrap(true);
    m_teaching->setObjectName("teaching");
    m_teaching->setTextFormat(Qt::RichText);
    m_teaching->setWordWrap(true);
    m_teaching->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_snippet->setObjectName("snippet");
    m_snippet->setTextFormat(Qt::PlainText);
    m_snippet->setWordWrap(true);
    m_snippet->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_large->setObjectName("showFormulaLarge");
    m_copy->setObjectName("copySnippet");
    m_copiedTimer->setSingleShot(true);
    m_copiedTimer->setInterval(1500);

    auto* nameRow = new QHBoxLayout;
    nameRow->setSpacing(10);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_torchName, 0, Qt::AlignRight | Qt::AlignVCenter);

    auto* formulaRow = new QHBoxLayout;
    formulaRow->addWidget(m_formulaTitle, 1);
    formulaRow->addWidget(m_large);

    auto* snippetRow = new QHBoxLayout;
    snippetRow->addWidget(m_snippetTitle, 1);
    snippetRow->addWidget(m_copy);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(nameRow);
    layout->addSpacing(8);
    layout->addLayout(formulaRow);
    layout->addWidget(m_formula);
    layout->addSpacing(8);
    layout->addWidget(m_rangeTitle);
    layout->addWidget(m_range);
    layout->addSpacing(8);
    layout->addWidget(m_propertiesTitle);
    layout->addWidget(m_properties);
    layout->addSpacing(8);
    layout->addWidget(m_teachingTitle);
    layout->addWidget(m_teaching);
    layout->addSpacing(8);
    layout->addLayout(snippetRow);
    layout->addWidget(m_snippet);
    layout->addStretch(1);

    connect(m_copy, &QPushButton::clicked, this, &TeachingPanel::copySnippet);
    connect(m_large, &QPushButton::clicked, this, &TeachingPanel::showFormulaLarge);
    connect(m_copiedTimer, &QTimer::timeout, this, [this] { m_copy->setText(tr("Copy")); });
    connect(&Appearance::instance(), &Appearance::changed, this, &TeachingPanel::refresh);
    refresh();
}

QString TeachingPanel::smoothnessText(Smoothness s) {
    switch (s) {
        case Smoothness::Discontinuous:
            return tr("discontinuous");
        case Smoothness::C0:
            return tr("continuous, with kinks (C\u2070)");
        case Smoothness::C1:
            return tr("once differentiable (C\u00B9)");
        case Smoothness::CInfinity:
            return tr("smooth (C\u221E)");
    }
    return {};
}

void TeachingPanel::setActivation(const ActivationSpec& spec, const ParamValues& params) {
    const bool typing = m_spec && m_spec->isFormula() && spec.isFormula();
    m_spec = &spec;
    m_params = params;
    m_valuesPending = false;
    if (typing) {
        m_typingTimer->start();  // refresh() once the typing pauses
        return;
    }
    refresh();
}

void TeachingPanel::setParams(const ParamValues& params) {
    if (params == m_params) return;
    m_params = params;
    // This runs for every step of a slider drag, and new label texts lay the whole window out
    // again, which would double the time a drag step takes to paint. The first change shows
    // at once; during a drag the texts follow at most every kValuesInterval.
    if (m_valuesTimer->isActive()) {
        m_valuesPending = true;
        return;
    }
    showValues();
    m_valuesTimer->start();
}

void TeachingPanel::showValues() {
    m_valuesPending = false;
    if (!m_spec || m_typingTimer->isActive()) return;  // the whole refresh is coming
    m_formula->setText(formulaHtml());
    m_snippet->setText(snippetText());
    refreshLarge();
}

QString TeachingPanel::formulaHtml() const {
    if (!m_spec) return {};
    QString html = qs(formulaHtmlWithValues(*m_spec, m_params));
    // f, then f′ and f″, then the parameter values.
    const qsizetype values = html.indexOf(QStringLiteral("<br>"));
    html.insert(values < 0 ? html.size() : values, m_derivativesHtml);
    if (m_lang.startsWith(QLatin1String("zh"))) {
        // The registry's formulas read "f(x) = x, if x > 0"; the few words in them, in Chinese.
        html.replace(QStringLiteral(", if "), QStringLiteral("，当 "));
        html.replace(QStringLiteral(" is learned)"), QStringLiteral(" 为可学习参数)"));
        html.replace(QStringLiteral(" (eval)"), QStringLiteral("（推理时）"));
    }
    return html;
}

QString TeachingPanel::snippetText() const {
    return m_spec ? qs(pytorch::torchSnippet(*m_spec, m_params)) : QString();
}

void TeachingPanel::showFormulaLarge() {
    if (!m_spec) return;
    if (!m_largeDialog) {
        auto* dialog = new QDialog(window());
        dialog->setObjectName("formulaDialog");
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto* label = new QLabel(dialog);
        label->setObjectName("largeFormula");
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        auto* layout = new QVBoxLayout(dialog);
        layout->setContentsMargins(40, 32, 40, 32);
        layout->addWidget(label);
        m_largeDialog = dialog;
        m_largeLabel = label;
    }
    refreshLarge();
    m_largeDialog->show();
    m_largeDialog->raise();
    m_largeDialog->activateWindow();
}

void TeachingPanel::refreshLarge() {
    if (!m_largeDialog || !m_spec) return;
    m_largeDialog->setWindowTitle(tr("Formula: %1").arg(qs(m_spec->name, m_lang)));
    // Large enough to read from the back of a classroom: about five times the body text.
    // A style sheet, since the application's style sheet would override a font set directly.
    const int px = std::max(40, 5 * QFontInfo(font()).pixelSize());
    m_largeLabel->setStyleSheet(QStringLiteral("QLabel { font-size: %1px; }").arg(px));
    m_largeLabel->setText(QStringLiteral("<div style=\"line-height:150%\">%1</div>")
                              .arg(m_formula->text()));  // the panel's, already up to date
    m_largeDialog->adjustSize();
}

void TeachingPanel::setLanguage(const QString& lang) {
    m_lang = lang;
    refresh();
}

void TeachingPanel::copySnippet() {
    if (!m_spec) return;
    const QString text = snippetText();
    QGuiApplication::clipboard()->setText(text);
    m_copy->setText(tr("Copied \u2713"));
    m_copiedTimer->start();
    emit snippetCopied(text);
}

void TeachingPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) refresh();
    QWidget::changeEvent(event);
}

void TeachingPanel::refresh() {
    m_formulaTitle->setText(tr("Formula"));
    m_rangeTitle->setText(tr("Range"));
    m_propertiesTitle->setText(tr("Properties (default parameters)"));
    m_teachingTitle->setText(tr("In the classroom"));
    m_snippetTitle->setText(tr("PyTorch"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the PyTorch code to the clipboard"));
    m_large->setText(tr("Show Large"));
    m_large->setToolTip(tr("Show the formula with its current values in large type, to project"));
    if (!m_spec) return;
    m_typingTimer->stop();
    const ActivationSpec& s = *m_spec;
    m_derivativesHtml.clear();
    if (s.isFormula()) {
        // Students want to see the derivative: f′ and f″ as formulas under f, simplified.
        const FormulaDisplay d = formulaDisplay(*s.program);
        m_derivativesHtml =
            QStringLiteral("<br><i>f</i>\u2032(<i>x</i>) = %1<br><i>f</i>\u2033(<i>x</i>) = %2")
                .arg(qs(d.df).toHtmlEscaped(), qs(d.d2f).toHtmlEscaped());
    }
    m_name->setText(qs(s.name, m_lang));
    m_torchName->setText(QStringLiteral("nn.%1").arg(qs(s.torchName)));
    m_torchName->setVisible(!s.torchName.empty());  // a formula has no torch.nn class
    m_formula->setText(formulaHtml());
    m_range->setText(qs(s.range, m_lang));
    m_range->setVisible(!s.range.en.empty());
    m_rangeTitle->setVisible(!s.range.en.empty());
    const Properties& p = s.properties;
    // Two columns of yes/no properties; smoothness, the one with more than two values, below.
    const QString row =
        QStringLiteral("<tr><td style=\"padding-right:14px\">%1</td><td>%2</td></tr>");
    m_properties->setText(QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">%1%2%3</table>"
                                         "<div style=\"margin-top:3px\">%4</div>")
                              .arg(row.arg(chip(p.monotonic, tr("monotonic")),
                                           chip(p.zeroCentred, tr("zero-centred"))),
                                   row.arg(chip(p.boundedBelow, tr("bounded below")),
                                           chip(p.boundedAbove, tr("bounded above"))),
                                   row.arg(chip(p.saturating, tr("saturating (both tails)")), QString()),
                                   tr("Smoothness: %1").arg(smoothnessText(p.smoothness))));
    m_properties->setToolTip(
        tr("Monotonic: f never decreases. Zero-centred: the mean of f(z) is 0 for standard-normal "
           "z. Bounded: f has a finite lowest or highest value. Saturating: the slope f\u2032 "
           "tends to 0 for large inputs of both signs."));
    m_teaching->setText(QStringLiteral("<div style=\"line-height:135%\">%1</div>")
                            .arg(qs(s.teaching, m_lang).toHtmlEscaped()));
    m_snippet->setText(snippetText());
    refreshLarge();
}

}  // namespace actlab::ui
