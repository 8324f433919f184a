#include "network/metrics_board.h"

#include <QEvent>
#include <QPainter>
#include <cmath>

#include "common/plot_style.h"
#include "network/network_style.h"

namespace actlab::ui {

MetricsBoard::MetricsBoard(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_metrics.trainLoss = m_metrics.testLoss = std::nan("");
    m_metrics.trainAccuracy = m_metrics.testAccuracy = std::nan("");
}

void MetricsBoard::setMetrics(const nn::EpochMetrics& metrics, bool hasTestSet) {
    m_metrics = metrics;
    m_hasTest = hasTestSet;
    update();
}

QFont MetricsBoard::numberFont() const {
    QFont f = font();
    f.setPointSizeF(font().pointSizeF() * 1.55);
    f.setBold(true);
    return f;
}

std::vector<MetricsBoard::Cell> MetricsBoard::cells() const {
    const auto percent = [](double v) {
        return std::isnan(v) ? QStringLiteral("—")
                             : QString::number(100 * v, 'f', 1) + QStringLiteral(" %");
    };
    const bool accuracy = !std::isnan(m_metrics.trainAccuracy);
    std::vector<Cell> out;
    if (m_hasTest) {
        out.push_back({tr("Test loss"), netstyle::number(m_metrics.testLoss, 3), false});
        // "accuracy" alone: its colour and place pair it with the loss before it.
        if (accuracy) out.push_back({tr("accuracy"), percent(m_metrics.testAccuracy), false});
    }
    out.push_back({tr("Training loss"), netstyle::number(m_metrics.trainLoss, 3), m_hasTest});
    if (accuracy) out.push_back({tr("accuracy"), percent(m_metrics.trainAccuracy), m_hasTest});
    return out;
}

QStringList MetricsBoard::values() const {
    QStringList out;
    for (const Cell& c : cells()) out << c.value;
    return out;
}

int MetricsBoard::rowHeight() const {
    return fontMetrics().height() + QFontMetrics(numberFont()).height() + 6;
}

std::vector<int> MetricsBoard::columnWidths(const std::vector<Cell>& all) const {
    const QFontMetrics cm(font()), nm(numberFont());
    std::vector<int> widths;
    for (const Cell& c : all)
        widths.push_back(std::max(cm.horizontalAdvance(c.caption), nm.horizontalAdvance(c.value)));
    return widths;
}

int MetricsBoard::perRow(int width) const {
    // All the numbers on one row where they fit, else the test ones above the training ones.
    const std::vector<Cell> all = cells();
    const std::vector<int> widths = columnWidths(all);
    int total = 0;
    for (int w : widths) total += w;
    total += kGap * std::max(0, int(all.size()) - 1);
    const int n = int(all.size());
    return total <= width || n <= 1 ? n : (n + 1) / 2;
}

int MetricsBoard::requiredWidth() const {
    const std::vector<Cell> all = cells();
    const std::vector<int> widths = columnWidths(all);
    const int columns = perRow(width());
    int widest = 0;
    for (std::size_t start = 0; start < all.size(); start += std::size_t(std::max(1, columns))) {
        int row = 0;
        for (std::size_t k = start; k < all.size() && k < start + std::size_t(columns); ++k)
            row += widths[k] + (k > start ? kGap : 0);
        widest = std::max(widest, row);
    }
    return widest;
}

QSize MetricsBoard::sizeHint() const { return {420, rowHeight()}; }

QSize MetricsBoard::minimumSizeHint() const { return {200, rowHeight()}; }

int MetricsBoard::heightForWidth(int width) const {
    const int n = int(cells().size());
    const int columns = std::max(1, perRow(width));
    return rowHeight() * ((n + columns - 1) / columns);
}

void MetricsBoard::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (heightForWidth(width()) != height()) updateGeometry();
}

void MetricsBoard::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) updateGeometry();
    if (event->type() == QEvent::LanguageChange) update();
    QWidget::changeEvent(event);
}

void MetricsBoard::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::TextAntialiasing);
    const std::vector<Cell> all = cells();
    const QFont caption = font(), number = numberFont();
    const QFontMetrics cm(caption), nm(number);
    // Columns as wide as their widest text, spread over the width, in one row or two.
    const std::vector<int> widths = columnWidths(all);
    const std::size_t columns = std::size_t(std::max(1, perRow(width())));
    for (std::size_t start = 0, row = 0; start < all.size(); start += columns, ++row) {
        const std::size_t end = std::min(all.size(), start + columns);
        int total = 0;
        for (std::size_t k = start; k < end; ++k) total += widths[k];
        const int gap = end - start > 1 ? std::max(kGap, (width() - total) / int(end - start - 1)) : 0;
        const int top = int(row) * rowHeight();
        int x = 0;
        for (std::size_t k = start; k < end; ++k) {
            const QColor color = all[k].muted ? style::colors().faint : style::colors().strong;
            p.setPen(color);
            p.setFont(caption);
            p.drawText(x, top + cm.ascent(), all[k].caption);
            p.setFont(number);
            p.drawText(x, top + cm.height() + 2 + nm.ascent(), all[k].value);
            x += widths[k] + std::min(gap, 40);
        }
    }
}

}  // namespace actlab::ui
