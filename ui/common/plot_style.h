#pragma once
// Colours, pens and fonts shared by the explorer's plots, so the large plot, the thumbnails and the
// exports look alike. Colours are the Okabe–Ito palette, which stays distinguishable for the
// common forms of colour-blindness and on washed-out classroom projectors.

#include <QColor>
#include <QFont>

#include "common/appearance.h"

class QCPAxis;
class QCPLegend;
class QCustomPlot;

namespace actlab::ui::style {

inline const QColor kBlue{0x00, 0x72, 0xB2};
inline const QColor kVermillion{0xD5, 0x5E, 0x00};
inline const QColor kBluishGreen{0x00, 0x9E, 0x73};
inline const QColor kOrange{0xE6, 0x9F, 0x00};
inline const QColor kReddishPurple{0xCC, 0x79, 0xA7};
inline const QColor kSkyBlue{0x56, 0xB4, 0xE9};
inline const QColor kYellow{0xF0, 0xE4, 0x42};
inline const QColor kBlack{0x22, 0x22, 0x22};

/// The colours of the theme in effect (Appearance): text, axes, grid, the curves of f, f′, f″.
inline const ThemeColors& colors() {
    return Appearance::instance().colors();
}

/// Shading of the vanishing-gradient zone (|f′| < ε) and of the dead zone (f′ = 0).
inline const QColor kVanishingZone{0xE6, 0x9F, 0x00, 60};
inline const QColor kDeadZone{0x88, 0x88, 0x88, 90};

/// Line widths in device-independent pixels at scale 1: thick enough to read from the back of a
/// room. Draw with width(), which applies the presentation scale.
inline constexpr double kFWidth = 3.5;
inline constexpr double kDfWidth = 3.5;
/// Thinner than f′ and drawn over it: where f″ equals f′ (ELU for x < 0), f′ shows as a band
/// on both sides of f″.
inline constexpr double kD2fWidth = 2.0;
inline constexpr double kOverlayWidth = 2.5;

/// Point sizes of the plot's text at scale 1 (plotFont applies the presentation scale).
inline constexpr double kTickPt = 14;
inline constexpr double kLabelPt = 15;
inline constexpr double kLegendPt = 14;
inline constexpr double kTitlePt = 17;

/// The colour of the n-th activation in compare mode (the current one is 0).
QColor compareColor(int n);

/// A font for plot text: the application's families, `pointSize` times the presentation scale.
QFont plotFont(double pointSize, bool bold = false);
/// A line width times the presentation scale.
double width(double w);
/// The small charts' axis look in the theme's colours: `pointSize` text, ticks outside only,
/// sub-ticks `subTickLength` long (0 hides them), lengths times the presentation scale.
void styleSmallChartAxis(QCPAxis* axis, double pointSize, double subTickLength);
/// A large plot's axis (the explorer's curves): thick ticks, large labels, grid and zero line,
/// in the theme's colours and at the presentation scale.
void styleMainPlotAxis(QCPAxis* axis);
/// Lets the mouse wheel over `plot` scroll the page around it instead of stopping at the plot
/// (for plots that do not zoom with the wheel: cards and cells in a scrolling grid).
void scrollParentOnWheel(QCustomPlot* plot);
/// Before every replot, gives the horizontal axes of `plot` as many ticks as their labels have
/// room for (the widest label of the range, and a gap), at most `maxTicks`, so that tick labels
/// never run together ("0 1000 2000" in a narrow chart at a large scale).
void keepTickLabelsApart(QCustomPlot* plot, int maxTicks = 6);
/// A large plot's legend: large text on the theme's translucent box.
void styleMainPlotLegend(QCPLegend* legend);

}  // namespace actlab::ui::style
