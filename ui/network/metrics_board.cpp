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

QSize MetricsBoard::sizeHint() const {
    return {420, fontMetrics().height() + QFontMetrics(numberFont()).height() + 6};
}

QSize MetricsBoard::minimumSizeHint() const {
    return {200, sizeHint().height()};
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
    // Columns as wide as their widest text, spread over the width.
    std::vector<int> widths;
    int total = 0;
    for (const Cell& c : all) {
        widths.push_back(std::max(cm.horizontalAdvance(c.caption), nm.horizontalAdvance(c.value)));
        total += widths.back();
    }
    const int gap = all.size() > 1 ? std::max(12, (width() - total) / int(all.size() - 1)) : 0;
    int x = 0;
    for (std::size_t k = 0; k < all.size(); ++k) {
        const QColor color = all[k].muted ? style::colors().faint : style::colors().strong;
        p.setPen(color);
        p.setFont(caption);
        p.drawText(x, cm.ascent(), all[k].caption);
        p.setFont(number);
        p.drawText(x, cm.height() + 2 + nm.ascent(), all[k].value);
        x += widths[k] + std::min(gap, 40);
    }
}

}  // namespace actlab::ui
