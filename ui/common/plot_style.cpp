#include "common/plot_style.h"

#include <QFontMetrics>

#include <qcustomplot.h>

#include <QApplication>
#include <QCoreApplication>
#include <QWheelEvent>
#include <cmath>
#include <map>
#include <memory>
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

void keepTickLabelsApart(QCustomPlot* plot, int maxTicks) {
    // A fixed ticker (the maps' −6 … 6 in steps of 2) keeps its step where it fits and takes a
    // multiple of it (2×, 3×, 6×) where not; other tickers get a tick count.
    auto baseSteps = std::make_shared<std::map<QCPAxis*, double>>();
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot, maxTicks, baseSteps] {
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes(QCPAxis::atBottom | QCPAxis::atTop)) {
                if (!axis->visible() || !axis->tickLabels() || axis->axisRect()->width() <= 0)
                    continue;
                // The axis rect's width is that of the last layout; after a resize the plot
                // has grown or shrunk by the difference (shared, if rects sit side by side).
                const int grown = plot->viewport().width() - plot->plotLayout()->outerRect().width();
                const int length = std::max(1, axis->axisRect()->width() + std::min(0, grown));
                const QFontMetrics fm(axis->tickLabelFont());
                const QCPRange r = axis->range();
                // The widest label: of the range's ends as the axis formats them, and of the
                // labels the ticker made last time (finer steps have more digits); a gap of half.
                int widest = 0;
                for (double v : {r.lower, r.upper, (r.lower + r.upper) / 2})
                    widest = std::max(widest, fm.horizontalAdvance(plot->locale().toString(
                                                  v, axis->numberFormat().at(0).toLatin1(),
                                                  axis->numberPrecision())));
                for (const QString& label : axis->tickVectorLabels())
                    widest = std::max(widest, fm.horizontalAdvance(label));
                // The ticker rounds to a nice step, which may give up to about 1.5 times the
                // ticks asked for: ask for fewer.
                const int fit = int(length / (3.0 * std::max(1, widest)));
                if (auto fixed = axis->ticker().dynamicCast<QCPAxisTickerFixed>()) {
                    const double base = baseSteps->emplace(axis, fixed->tickStep()).first->second;
                    double step = base;
                    for (double m : {1.0, 2.0, 3.0, 6.0}) {
                        step = base * m;
                        if (r.size() / step + 1 <= std::max(2, fit)) break;
                    }
                    fixed->setTickStep(step);
                    continue;
                }
                axis->ticker()->setTickCount(std::clamp(fit, 2, maxTicks));
            }
    });
}

void scrollParentOnWheel(QCustomPlot* plot) {
    plot->installEventFilter(new WheelToParent(plot));
}

}  // namespace actlab::ui::style
