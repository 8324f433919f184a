#pragma once
// The parts of the decision-boundary plot that QCustomPlot does not have: colour-map data filled
// from a core grid in one pass, the data points (each coloured by its label; training points
// filled, test points outlined) and the contour segments of the decision threshold.

#include <qcustomplot.h>

#include <QHash>
#include <QPixmap>
#include <span>
#include <vector>

#include "nn/contour.h"
#include "nn/dataset.h"

namespace actlab::ui {

/// QCPColorMapData on [−6, 6]² that takes a whole core grid at once: one transposing copy
/// instead of n² setCell calls.
class GridMapData : public QCPColorMapData {
public:
    /// An n×n map over the domain, filled with 0.
    explicit GridMapData(int n);
    /// Copies an n×n grid in GridEvaluator's layout (out[i·n + j], x rising with i, y falling
    /// with j); resizes when n differs.
    void assign(std::span<const double> grid, int n);
};

/// The data points of a plot, drawn as pre-rendered sprites (vector exports draw true circles).
class PointCloud : public QCPLayerable {
    Q_OBJECT
public:
    /// Points in the coordinates of `axisRect`'s bottom and left axes.
    explicit PointCloud(QCPAxisRect* axisRect);

    /// The points to draw and how to colour their labels (numClasses as in nn::Dataset).
    void setData(const nn::Dataset& data);
    /// Shows or hides the test points.
    void setShowTest(bool show);
    /// The radius of a point in pixels.
    void setRadius(double radius);
    double radius() const { return m_radius; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;
    QRect clipRect() const override;

private:
    const QPixmap& sprite(const QColor& color, bool test, qreal dpr);
    void drawPoint(QCPPainter* painter, const QPointF& at, const QColor& color, bool test);

    QCPAxisRect* m_axisRect;
    std::vector<nn::Point> m_train, m_test;
    int m_numClasses = 2;
    bool m_showTest = false;
    double m_radius = 4.5;
    QHash<quint64, QPixmap> m_sprites;
};

/// Line segments in plot coordinates, drawn dark over a light halo so they show on both colours.
class ContourLines : public QCPLayerable {
    Q_OBJECT
public:
    explicit ContourLines(QCPAxisRect* axisRect);
    /// The segments to draw (domain coordinates).
    void setSegments(const std::vector<nn::ContourSegment>& segments);
    /// The segments drawn.
    const std::vector<nn::ContourSegment>& segments() const { return m_segments; }
    /// The line width in pixels.
    void setWidth(double width) { m_width = width; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    void draw(QCPPainter* painter) override;
    QRect clipRect() const override;

private:
    QCPAxisRect* m_axisRect;
    std::vector<nn::ContourSegment> m_segments;
    double m_width = 2.0;
};

}  // namespace actlab::ui
