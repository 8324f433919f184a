#include "explorer/small_multiples_view.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "activations/activation_call.h"
#include "activations/formula_activation.h"
#include "activations/registry.h"
#include "common/activation_chooser.h"
#include "common/plot_style.h"
#include "common/qt_text.h"
#include "explorer/explorer_state.h"

namespace actlab::ui {

// --- ActivationThumbnail --------------------------------------------------------------------

ActivationThumbnail::ActivationThumbnail(const ActivationSpec& spec, QWidget* parent)
    : QAbstractButton(parent),
      m_spec(&spec),
      m_row(spec.isFormula() ? activationRef(spec) : nullptr),
      m_params(spec.defaults()) {
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(qs(spec.name.en));
    setToolTip(QStringLiteral("%1\n%2").arg(qs(spec.name.en), qs(spec.formula)));
}

QSize ActivationThumbnail::sizeHint() const {
    return {190, 120};
}
QSize ActivationThumbnail::minimumSizeHint() const {
    return {130, 80};
}

void ActivationThumbnail::setParams(const ParamValues& params) {
    if (params == m_params) return;
    m_params = params;
    m_dirty = true;
    update();
}

void ActivationThumbnail::setXRange(double xMin, double xMax) {
    m_xMin = xMin;
    m_xMax = xMax;
    m_dirty = true;  // resampled when next painted: hidden thumbnails cost nothing while panning
    update();
}

void ActivationThumbnail::setLanguage(const QString& lang) {
    m_lang = lang;
    // The full name and the formula in the tooltip: the card may show the name briefly.
    setToolTip(QStringLiteral("%1\n%2").arg(qs(m_spec->name.in(toStd(lang))), qs(m_spec->formula)));
    update();
}

QString ActivationThumbnail::shownName(const QFontMetrics& fm, int width) const {
    // The full name where it fits, else without its gloss ("Leaky ReLU" for "Leaky ReLU（带泄漏
    // 的 ReLU）"), which the caller elides if even that does not fit.
    const QString full = qs(m_spec->name.in(toStd(m_lang)));
    return fm.horizontalAdvance(full) <= width ? full : shortName(full);
}

void ActivationThumbnail::setCurrent(bool current) {
    if (current == m_current) return;
    m_current = current;
    update();
}

void ActivationThumbnail::resample() {
    const int n = std::clamp(width(), 60, 400);
    m_xs.resize(static_cast<std::size_t>(n));
    m_f.resize(m_xs.size());
    m_df.resize(m_xs.size());
    m_valid = checkParams(*m_spec, m_params).empty();
    double lo = 0, hi = 0;  // 0 stays in view, like in the large plot
    for (int i = 0; i < n; ++i) {
        const double x = m_xMin + (m_xMax - m_xMin) * i / (n - 1);
        const auto k = static_cast<std::size_t>(i);
        m_xs[k] = x;
        m_f[k] = m_valid ? m_spec->f(x, m_params) : NAN;
        m_df[k] = m_valid ? m_spec->df(x, m_params) : NAN;
        for (double v : {m_f[k], m_df[k]})
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
    }
    if (hi - lo < 1e-9) {
        lo -= 1;
        hi += 1;
    }
    const double pad = 0.08 * (hi - lo);
    m_yMin = lo - pad;
    m_yMax = hi + pad;
    m_dirty = false;
}

void ActivationThumbnail::resizeEvent(QResizeEvent* event) {
    QAbstractButton::resizeEvent(event);
    m_dirty = true;
}

void ActivationThumbnail::enterEvent(QEnterEvent* event) {
    m_hover = true;
    update();
    QAbstractButton::enterEvent(event);
}

void ActivationThumbnail::leaveEvent(QEvent* event) {
    m_hover = false;
    update();
    QAbstractButton::leaveEvent(event);
}

void ActivationThumbnail::paintEvent(QPaintEvent*) {
    if (m_dirty) resample();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(rect()).adjusted(2, 2, -2, -2);
    const ThemeColors& theme = style::colors();
    const QColor border = m_current               ? theme.accent
                          : m_hover || hasFocus() ? theme.muted
                                                  : theme.line;
    p.setPen(QPen(border, m_current ? 3 : 1.5));
    p.setBrush(m_current ? theme.selectionBand : theme.plotBackground);
    p.drawRoundedRect(card, 8, 8);

    QFont nameFont = font();
    nameFont.setBold(true);
    p.setFont(nameFont);
    p.setPen(theme.plotText);
    const QFontMetrics fm(nameFont);
    const QRectF nameRect = card.adjusted(10, 6, -10, 0);
    p.drawText(nameRect.adjusted(0, 0, 0, -(nameRect.height() - fm.height())),
               Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(shownName(fm, int(nameRect.width())), Qt::ElideRight,
                             static_cast<int>(nameRect.width())));

    const QRectF area = card.adjusted(10, 10 + fm.height(), -10, -8);
    if (area.width() < 10 || area.height() < 10) return;
    const auto px = [&](double x) {
        return area.left() + (x - m_xMin) / (m_xMax - m_xMin) * area.width();
    };
    const auto py = [&](double y) {
        return area.bottom() - (y - m_yMin) / (m_yMax - m_yMin) * area.height();
    };

    // Zero lines.
    p.setPen(QPen(theme.zeroLine, 1));
    if (m_yMin < 0 && m_yMax > 0)
        p.drawLine(QPointF(area.left(), py(0)), QPointF(area.right(), py(0)));
    if (m_xMin < 0 && m_xMax > 0)
        p.drawLine(QPointF(px(0), area.top()), QPointF(px(0), area.bottom()));

    if (!m_valid) {
        p.setPen(theme.errorText);
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("parameters not accepted"));
        return;
    }
    p.setClipRect(area.adjusted(-2, -2, 2, 2));
    const auto drawCurve = [&](const std::vector<double>& ys, const QColor& color, double width) {
        QPainterPath path;
        bool open = false;
        for (std::size_t i = 0; i < ys.size(); ++i) {
            if (!std::isfinite(ys[i])) {
                open = false;
                continue;
            }
            const QPointF pt(px(m_xs[i]), py(ys[i]));
            if (open)
                path.lineTo(pt);
            else
                path.moveTo(pt);
            open = true;
        }
        QPen pen(color, width);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
    };
    drawCurve(m_df, theme.df, style::width(2.0));
    drawCurve(m_f, theme.f, style::width(2.75));
}

// --- SmallMultiplesView ---------------------------------------------------------------------

SmallMultiplesView::SmallMultiplesView(ExplorerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_hint(new QLabel(this)) {
    m_hint->setObjectName("hint");
    // No word wrap: a height-for-width label would make the scroll area size every row by its
    // preferred height instead of fitting the grid into the page. Where it does not fit it is
    // elided, with the whole text in its tooltip.
    m_hint->setWordWrap(false);
    m_hint->setMinimumWidth(40);
    m_hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(10, 4, 10, 8);
    m_grid->setHorizontalSpacing(10);
    m_grid->setVerticalSpacing(6);
    for (Group group : {Group::Classic, Group::Smooth, Group::Piecewise}) {
        auto* header = new QLabel(this);
        header->setObjectName("sectionTitle");
        m_headers.emplace_back(group, header);
        for (const ActivationSpec& spec : activations()) {
            if (spec.group != group) continue;
            auto* thumb = new ActivationThumbnail(spec, this);
            thumb->setParams(m_state->paramsFor(spec));
            thumb->setXRange(m_state->xMin(), m_state->xMax());
            connect(thumb, &QAbstractButton::clicked, this,
                    [this, id = qs(spec.id)] { emit activationClicked(id); });
            m_thumbnails.push_back(thumb);
        }
    }
    m_formulaHeader = new QLabel(this);
    m_formulaHeader->setObjectName("sectionTitle");
    m_formulaHeader->hide();
    arrange(kMaxColumns);

    connect(m_state, &ExplorerState::activationChanged, this, &SmallMultiplesView::syncCurrent);
    connect(m_state, &ExplorerState::paramsChanged, this, [this] {
        if (ActivationThumbnail* t = thumbnail(qs(m_state->spec().id)))
            t->setParams(m_state->params());
    });
    connect(m_state, &ExplorerState::xRangeChanged, this, [this](double lo, double hi) {
        for (ActivationThumbnail* t : m_thumbnails) t->setXRange(lo, hi);
        if (m_formula) m_formula->setXRange(lo, hi);
    });
    syncCurrent();
    retranslate();
}

void SmallMultiplesView::arrange(int columns) {
    columns = std::clamp(columns, 1, kMaxColumns);
    if (columns == m_columns) return;
    m_columns = columns;
    while (m_grid->count() > 0) delete m_grid->takeAt(0);
    for (int c = 0; c < kMaxColumns; ++c) m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    int row = 0;
    m_grid->addWidget(m_hint, row++, 0, 1, columns);
    std::size_t next = 0;
    for (const auto& [group, header] : m_headers) {
        m_grid->addWidget(header, row++, 0, 1, columns);
        int column = 0;
        for (; next < m_thumbnails.size() && m_thumbnails[next]->spec().group == group; ++next) {
            m_grid->addWidget(m_thumbnails[next], row, column);
            if (++column == columns) {
                column = 0;
                ++row;
            }
        }
        if (column != 0) ++row;
    }
    if (m_formula) {
        m_grid->addWidget(m_formulaHeader, row++, 0, 1, columns);
        m_grid->addWidget(m_formula, row, 0);
    }
}

void SmallMultiplesView::fitColumns(int width) {
    // As many columns as thumbnails of their minimum width fit (five at most), so that the grid
    // never needs a sideways scroll.
    const QMargins m = m_grid->contentsMargins();
    const int spacing = m_grid->horizontalSpacing();
    const int thumb = m_thumbnails.empty() ? 130 : m_thumbnails.front()->minimumSizeHint().width();
    arrange((width - m.left() - m.right() + spacing) / (thumb + spacing));
    const QString text = m_hintText;
    const QString shown = m_hint->fontMetrics().elidedText(
        text, Qt::ElideRight, std::max(0, width - m.left() - m.right()));
    m_hint->setText(shown);
    m_hint->setToolTip(shown == text ? QString() : text);
}

bool SmallMultiplesView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        fitColumns(parentWidget()->width());
    return QWidget::eventFilter(watched, event);
}

void SmallMultiplesView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    // Inside a scroll area the parent is its viewport, whose width is the room there is.
    if (QWidget* p = parentWidget(); p && !m_watching) {
        p->installEventFilter(this);
        m_watching = true;
    }
    fitColumns(parentWidget() ? parentWidget()->width() : width());
}

ActivationThumbnail* SmallMultiplesView::thumbnail(const QString& id) const {
    if (m_formula && id == qs(m_formula->spec().id)) return m_formula;
    for (ActivationThumbnail* t : m_thumbnails)
        if (qs(t->spec().id) == id) return t;
    return nullptr;
}

void SmallMultiplesView::syncFormula() {
    const ActivationRef& row = m_state->lastFormula();
    if (!row || (m_formula && &m_formula->spec() == row.get())) return;
    if (m_formula) {
        m_formula->hide();
        m_formula->deleteLater();  // it may be the sender of the signal being handled
    }
    m_formula = new ActivationThumbnail(*row, this);
    m_formula->setXRange(m_state->xMin(), m_state->xMax());
    m_formula->setLanguage(m_lang);
    connect(m_formula, &QAbstractButton::clicked, this,
            [this] { emit activationClicked(qs(kFormulaActivationId)); });
    m_formulaHeader->show();
    const int columns = m_columns;
    m_columns = 0;  // lay the grid out again, with the formula's card
    arrange(columns);
}

void SmallMultiplesView::setLanguage(const QString& lang) {
    m_lang = lang;
    for (ActivationThumbnail* t : m_thumbnails) t->setLanguage(lang);
    if (m_formula) m_formula->setLanguage(lang);
}

void SmallMultiplesView::syncCurrent() {
    syncFormula();
    for (ActivationThumbnail* t : m_thumbnails) {
        t->setCurrent(&t->spec() == &m_state->spec());
        t->setParams(m_state->paramsFor(t->spec()));
    }
    if (m_formula) {
        m_formula->setCurrent(&m_formula->spec() == &m_state->spec());
        m_formula->setParams(m_state->formulaParams(m_formula->spec()));
    }
}

void SmallMultiplesView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void SmallMultiplesView::retranslate() {
    m_hintText = tr("Every activation with f (blue) and f\u2032 (orange) on the same x range. "
                    "Click one to explore it.");
    m_hint->setText(m_hintText);
    if (isVisible()) fitColumns(parentWidget() ? parentWidget()->width() : width());
    for (auto& [group, label] : m_headers) label->setText(ActivationChooser::groupTitle(group));
    m_formulaHeader->setText(tr("Your formula"));
}

}  // namespace actlab::ui
