#include "network/colour_legend.h"

#include <QEvent>
#include <QLinearGradient>
#include <QPainter>

#include "common/plot_style.h"
#include "network/network_style.h"

namespace actlab::ui {

ColourLegend::ColourLegend(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ColourLegend::setOutput(nn::OutputKind kind, int outputs) {
    m_kind = kind;
    m_outputs = outputs;
    setToolTip(kind == nn::OutputKind::SoftmaxCe
                   ? tr("Each colour is a class: the heatmap shows the class the network predicts.")
                   : tr("One scale for everything: the network's output in the heatmap, the labels "
                        "of the points, the neurons' outputs and the weights of the links."));
    update();
}

QSize ColourLegend::sizeHint() const {
    return {360, fontMetrics().height() * 2 + 26};
}

QSize ColourLegend::minimumSizeHint() const {
    return {200, fontMetrics().height() * 2 + 26};
}

void ColourLegend::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) setOutput(m_kind, m_outputs);
    QWidget::changeEvent(event);
}

void ColourLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int textH = fm.height();
    const QColor text = style::colors().text2;
    const int left = 4;
    if (m_kind == nn::OutputKind::SoftmaxCe) {
        int x = left;
        const int y = 4;
        for (int k = 0; k < m_outputs; ++k) {
            p.setPen(Qt::NoPen);
            p.setBrush(netstyle::classColor(k));
            p.drawRoundedRect(QRectF(x, y + 2, 18, 18), 4, 4);
            p.setPen(text);
            const QString label = tr("class %1").arg(k + 1);
            p.drawText(QPointF(x + 24, y + 2 + fm.ascent()), label);
            x += 24 + fm.horizontalAdvance(label) + 16;
        }
        p.setPen(style::colors().muted);
        p.drawText(QRectF(left, y + 26, width() - left, textH + 4), Qt::AlignLeft | Qt::AlignTop,
                   tr("Heatmap: the predicted class"));
        return;
    }
    const bool sigmoid = m_kind == nn::OutputKind::SigmoidBce;
    const QString lo = sigmoid ? QStringLiteral("0") : QStringLiteral("\u22121");
    const QString mid = sigmoid ? QStringLiteral("0.5") : QStringLiteral("0");
    const QString hi = sigmoid ? QStringLiteral("1") : QStringLiteral("+1");
    // Row 1: the bar between its end values, the middle value under it; row 2: what it colours.
    const int barW = std::clamp(width() / 2 - 30, 80, 260);
    const QRectF bar(left + fm.horizontalAdvance(lo) + 8, 4, barW, 14);
    QLinearGradient g(bar.topLeft(), bar.topRight());
    for (int k = 0; k <= 20; ++k) g.setColorAt(k / 20.0, netstyle::diverging(k / 10.0 - 1.0));
    p.setPen(QPen(style::colors().controlBorder, 1));
    p.setBrush(g);
    p.drawRoundedRect(bar, 3, 3);
    p.setPen(text);
    const double baseline = bar.center().y() + fm.ascent() / 2.0 - 2;
    p.drawText(QPointF(left, baseline), lo);
    p.drawText(QPointF(bar.right() + 8, baseline), hi);
    p.drawText(QRectF(bar.left(), bar.bottom(), bar.width(), textH),
               Qt::AlignHCenter | Qt::AlignTop, mid);
    p.setPen(style::colors().muted);
    const double textLeft = bar.right() + 8 + fm.horizontalAdvance(hi) + 18;
    if (width() - textLeft > 160) {
        p.drawText(QRectF(textLeft, 0, width() - textLeft, height()),
                   Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                   tr("one scale for output, data, neurons and weights"));
    }
}

}  // namespace actlab::ui
