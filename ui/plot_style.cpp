#include "plot_style.h"

#include <QApplication>
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

}  // namespace actlab::ui::style
