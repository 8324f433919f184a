#include "plot_style.h"

#include <QApplication>
#include <array>

namespace actlab::ui::style {

QColor compareColor(int n) {
    // Yellow is left out: it disappears on a white background and on projectors.
    static const std::array<QColor, 7> kCycle = {kBlue,   kVermillion, kBluishGreen, kReddishPurple,
                                                 kOrange, kSkyBlue,    kBlack};
    return kCycle[static_cast<std::size_t>(n) % kCycle.size()];
}

QFont plotFont(double pointSize, bool bold) {
    QFont font = QApplication::font();
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    return font;
}

}  // namespace actlab::ui::style
