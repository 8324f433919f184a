#include "plot_style.h"

#include <qcustomplot.h>

#include <QApplication>
#include <cmath>
#include <array>

namespace actlab::ui::style {

QColor compareColor(int n) {
    // Yellow is left out: it disappears on a white background and on projectors.
    // The first three follow the theme's f, f′, f″ colours; black becomes light on dark themes.
    const ThemeColors& c = colors();
    const std::array<QColor, 7> cycle = {c.f,     c.df,      c.d2f,          kReddishPurple,
                                         kOrange, kSkyBlue, c.neutralCurve};
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

}  // namespace actlab::ui::style
