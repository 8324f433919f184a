#pragma once
// The explorer plot's crosshair: a dashed vertical line at x, a marker on each curve shown, and
// the readout of the exact values as rich text.

#include <qcustomplot.h>

#include <QColor>
#include <QString>

namespace actlab::ui {

/// The crosshair items of a plot.
class CurveCrosshair {
public:
    /// Creates the items on `layer` of `plot` (which owns them), hidden.
    CurveCrosshair(QCustomPlot* plot, QCPLayer* layer);

    /// Pens and sizes from the theme and the presentation scale.
    void applyAppearance();
    /// Shows the crosshair at x with the markers of f, f′, f″ (`values`, drawn where `shown`
    /// and finite, in `colors`); returns the readout. `caption` (an activation's name, or "")
    /// leads the readout.
    QString show(double x, const double (&values)[3], const bool (&shown)[3],
                 const QColor (&colors)[3], const QString& caption);
    /// Hides the line and the markers.
    void hide();
    bool shown() const { return m_shown; }
    double x() const { return m_x; }

private:
    QCPItemStraightLine* m_line;
    QCPItemTracer* m_tracers[3];
    double m_x = 0;
    bool m_shown = false;
};

}  // namespace actlab::ui
