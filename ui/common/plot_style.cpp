#include "common/plot_style.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCoreApplication>
#include <QWheelEvent>
#include <cmath>
#include <array>

namespace actlab::ui::style {

QColor compareColor(int n) {
    // Yellow is left out: it disappears on a white background and on projectors. Every colour
    // is the theme's, at least 4.5:1 against its plot background; black becomes light on dark
    // themes.
    const ThemeColors& c = colors();
    const std::array<QColor, 7> cycle = {c.f,      c.df,     c.d2f,         c.curve4,
                                         c.curve5, c.curve6, c.neutralCurve};
    return cycle[static_cast<std::size_t>(n) % cycle.size()];
}

QFont plotFont(double pointSize, bool bold) {
    QFont font = QApplication::font();
    font.setPointSizeF(pointSize * Appearance::instance().scale());
    font.setBold(bold);
    return font;
}

double width(double w) {
    return w * Appearance::instance().scale();
}

void styleSmallChartAxis(QCPAxis* axis, double pointSize, double subTickLength) {
    const ThemeColors& c = colors();
    axis->setBasePen(QPen(c.axis, 1));
    axis->setTickPen(QPen(c.axis, 1));
    axis->setSubTickPen(QPen(c.axis, 1));
    axis->setTickLabelFont(plotFont(pointSize));
    axis->setLabelFont(plotFont(pointSize));
    axis->setTickLabelColor(c.plotText);
    axis->setLabelColor(c.plotText);
    axis->grid()->setPen(QPen(c.grid, 1));
    axis->setTickLengthIn(0);
    axis->setTickLengthOut(int(std::lround(width(4))));
    axis->setSubTickLengthIn(0);
    axis->setSubTickLengthOut(int(std::lround(width(subTickLength))));
}

void styleMainPlotAxis(QCPAxis* axis) {
    const ThemeColors& c = colors();
    axis->setBasePen(QPen(c.axis, width(1.5)));
    axis->setTickPen(QPen(c.axis, width(1.5)));
    axis->setSubTickPen(QPen(c.axis, width(1)));
    axis->setTickLength(0, int(std::lround(width(7))));
    axis->setSubTickLength(0, int(std::lround(width(4))));
    axis->setTickLabelFont(plotFont(kTickPt));
    axis->setTickLabelColor(c.plotText);
    axis->setLabelFont(plotFont(kLabelPt));
    axis->setLabelColor(c.plotText);
    axis->setTickLabelPadding(int(std::lround(width(8))));
    axis->grid()->setPen(QPen(c.grid, width(1)));
    axis->grid()->setZeroLinePen(QPen(c.zeroLine, width(1.8)));
}

void styleMainPlotLegend(QCPLegend* legend) {
    const ThemeColors& c = colors();
    legend->setFont(plotFont(kLegendPt));
    legend->setTextColor(c.plotText);
    legend->setBrush(c.legendBrush);
    legend->setBorderPen(QPen(c.legendBorder, 1));
    legend->setIconSize(int(std::lround(width(40))), int(std::lround(width(18))));
    legend->setRowSpacing(int(std::lround(width(4))));
}

namespace {

/// Hands wheel events to the plot's parent, where a scroll area takes them.
class WheelToParent : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Wheel) return false;
        auto* plot = static_cast<QWidget*>(watched);
        if (QWidget* parent = plot->parentWidget()) {
            auto* wheel = static_cast<QWheelEvent*>(event);
            QWheelEvent moved(parent->mapFromGlobal(wheel->globalPosition()),
                              wheel->globalPosition(), wheel->pixelDelta(), wheel->angleDelta(),
                              wheel->buttons(), wheel->modifiers(), wheel->phase(),
                              wheel->inverted());
            QCoreApplication::sendEvent(parent, &moved);
        }
        return true;
    }
};

}  // namespace

void scrollParentOnWheel(QCustomPlot* plot) {
    plot->installEventFilter(new WheelToParent(plot));
}

}  // namespace actlab::ui::style
