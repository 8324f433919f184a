#pragma once
// Colours of the network page. One diverging scale, orange (−1) through light grey (0) to blue
// (+1), is used for the data, the neurons, the weights and the decision boundary alike, so that a
// colour means the same thing everywhere; orange against blue stays distinct for the common
// forms of colour-blindness. Classes beyond two, compared networks and layers get their own
// palettes, chosen for the same reason.

#include <QColor>
#include <QImage>
#include <QString>
#include <span>

class QCPColorGradient;
class QCustomPlot;

namespace actlab::ui::netstyle {

/// The ends and the middle of the diverging scale, at full strength (points, links).
inline const QColor kNegative{0xE3, 0x7B, 0x1C};
inline const QColor kNeutral{0xF2, 0xF3, 0xF5};
inline const QColor kPositive{0x00, 0x6B, 0xB0};

/// The colour of `v` on the diverging scale; values beyond ±1 take the ends, NaN is grey.
QColor diverging(double v);
/// The same as an ARGB value, from a lookup table (for images).
QRgb divergingRgb(double v);
/// The heatmap's gradient: the diverging scale, lighter so that the points stay visible on it.
/// With `discrete`, two flat colours (Playground's "discretize output").
QCPColorGradient boundaryGradient(bool discrete);

/// The colour of class k of a multi-class set (k < 5), at full strength and as a heatmap tint.
QColor classColor(int k);
QColor classTint(int k);
/// A heatmap gradient for predicted classes 0 … classes−1 (data range [−0.5, classes − 0.5]).
QCPColorGradient classGradient(int classes);
/// Linear regions: region r is drawn with band r mod kRegionColours (data range
/// [−0.5, kRegionColours − 0.5]); ids in order of first appearance make neighbours differ.
inline constexpr int kRegionColours = 10;
QCPColorGradient regionGradient();
/// |∇ₓ output|: white (flat) to dark purple (steep) over [0, 1] of the largest value.
QCPColorGradient slopeGradient();

/// The colour of a point with this label: ±1 for binary sets, 0 … K−1 for multi-class sets, a
/// real value (on the diverging scale) for regression.
QColor pointColor(double label, int numClasses);

/// The colour of the i-th network of a comparison (eight distinct colours).
QColor memberColor(int i);
/// The colour of layer `l` of `count` layers (input side dark, output side light: a viridis ramp
/// that stops before its pale yellow end).
QColor layerColor(int l, int count);

/// Queues a replot of `plot` if it is shown with a size; hidden plots replot when shown (their
/// showEvent), so that frames never render into buffers nobody sees.
void replotIfShown(QCustomPlot* plot);

/// A number for the user: `digits` significant digits and a true minus sign (−0.25).
QString number(double v, int digits = 3);

/// An image of an m×m grid in GridEvaluator's layout (x rising with i, y falling with j), each
/// value v shown as diverging(v / scale).
QImage gridImage(std::span<const double> grid, int m, double scale = 1.0);

}  // namespace actlab::ui::netstyle
