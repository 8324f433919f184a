#include "explorer/formula_ranges.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "common/number_entry.h"
#include "common/qt_text.h"
#include "explorer/explorer_state.h"

namespace actlab::ui {

FormulaRanges::FormulaRanges(ExplorerState* state, QWidget* parent)
    : QWidget(parent), m_state(state) {
    setObjectName("formulaRanges");
    m_title = new QLabel(this);
    m_title->setObjectName("sectionTitle");
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(6);
    m_grid->setVerticalSpacing(3);
    for (int c = 0; c < 3; ++c) {
        m_headers[c] = new QLabel(this);
        m_headers[c]->setObjectName("fieldCaption");
        m_grid->addWidget(m_headers[c], 0, c + 1);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(m_title);
    layout->addLayout(m_grid);
    connect(m_state, &ExplorerState::activationChanged, this, &FormulaRanges::sync);
    connect(m_state, &ExplorerState::paramRangesChanged, this, &FormulaRanges::sync);
    retranslate();
    sync();
}

void FormulaRanges::sync() {
    const std::vector<ParamSpec> specs = m_state->paramSpecs();
    const bool shown = m_state->spec().isFormula() && !specs.empty();
    setVisible(shown);
    if (!shown) return;
    while (m_rows.size() > specs.size()) {
        Row& r = m_rows.back();
        delete r.name;
        for (NumberSpinBox* f : r.fields) {
            f->hide();
            f->deleteLater();  // it may be the sender of the signal being handled
        }
        m_rows.pop_back();
    }
    while (m_rows.size() < specs.size()) {
        const int index = static_cast<int>(m_rows.size());
        Row r{new QLabel(this), {}};
        r.name->setObjectName("parameterLabel");
        m_grid->addWidget(r.name, index + 1, 0);
        for (int c = 0; c < 3; ++c) {
            auto* f = new NumberSpinBox(this);
            f->setDecimals(3);
            f->setRange(-1e6, 1e6);
            f->setKeyboardTracking(false);
            f->setAlignment(Qt::AlignRight);
            f->setMinimumWidth(60);
            m_grid->addWidget(f, index + 1, c + 1);
            connect(f, &QDoubleSpinBox::valueChanged, this, [this, index] { commit(index); });
            r.fields[c] = f;
        }
        m_rows.push_back(r);
    }
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const ParamSpec& p = specs[i];
        Row& r = m_rows[i];
        r.name->setText(qs(p.id));
        const double values[3] = {p.defaultValue, p.min, p.max};
        for (int c = 0; c < 3; ++c) {
            const QSignalBlocker block(r.fields[c]);
            r.fields[c]->setValue(values[c]);
        }
    }
    retranslate();
}

NumberSpinBox* FormulaRanges::field(int index, int which) const {
    if (index < 0 || index >= static_cast<int>(m_rows.size()) || which < 0 || which > 2)
        return nullptr;
    return m_rows[static_cast<std::size_t>(index)].fields[which];
}

void FormulaRanges::commit(int index) {
    const std::vector<ParamSpec> specs = m_state->paramSpecs();
    if (index >= static_cast<int>(specs.size())) return;
    const Row& r = m_rows[static_cast<std::size_t>(index)];
    const ExplorerState::ParamRange range{r.fields[0]->value(), r.fields[1]->value(),
                                          r.fields[2]->value()};
    // A range with its ends crossed is refused: the fields show the stored range again.
    if (!m_state->setFormulaParamRange(std::string(specs[std::size_t(index)].id), range)) sync();
}

void FormulaRanges::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void FormulaRanges::retranslate() {
    m_title->setText(tr("Sliders of the formula"));
    m_headers[0]->setText(tr("default"));
    m_headers[1]->setText(tr("from"));
    m_headers[2]->setText(tr("to"));
    for (const Row& r : m_rows) {
        r.fields[0]->setToolTip(tr("The value the slider starts at and its reset returns to"));
        r.fields[1]->setToolTip(tr("The left end of the slider"));
        r.fields[2]->setToolTip(tr("The right end of the slider"));
    }
}

}  // namespace actlab::ui
