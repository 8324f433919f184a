#pragma once
// The decision boundary: a heatmap (QCPColorMap) of the network's output over the domain, the
// data points on it and a contour line at the decision threshold. In the full view it also edits
// the data (clicks add or erase points) and shows a hovered neuron's output large; compare mode
// uses small, read-only copies.

#include <qcustomplot.h>

#include <span>
#include <vector>

#include "nn/contour.h"
#include "nn/dataset.h"
#include "nn/network.h"

namespace actlab::ui {

class ContourLines;
class GridMapData;
class PointCloud;

/// A square heatmap of one network's output with the data on it.
class BoundaryPlot : public QCustomPlot {
    Q_OBJECT
public:
    /// A full-size plot with axes; `compact` gives a small one without tick labels.
    explicit BoundaryPlot(bool compact = false, QWidget* parent = nullptr);

    /// How to colour the output: its kind and (softmax) the number of classes.
    void setOutput(nn::OutputKind kind, int outputs);
    /// The network output over an n×n grid in GridEvaluator's layout, and its contour.
    void setGrid(std::span<const double> grid, int n);
    void setContour(const std::vector<nn::ContourSegment>& segments);
    /// The data points.
    void setData(const nn::Dataset& data);

    /// Shows the test points (outlined) besides the training points (filled).
    void setShowTestData(bool show);
    bool showTestData() const { return m_showTest; }
    /// Colours the map with `gradient` over `range` instead of the output's colours (the "why"
    /// views' linear regions and |∇ₓ output|).
    void setCustomColouring(const QCPColorGradient& gradient, QCPRange range, bool interpolate);
    /// Two flat colours instead of the continuous output (binary outputs).
    void setDiscretize(bool on);
    bool discretize() const { return m_discretize; }

    /// Shows one neuron's output large instead of the network's (hovering in the diagram), with
    /// a caption; an empty grid goes back to the network's output.
    void showUnit(std::span<const double> grid, int m, const QString& caption);
    /// True while a neuron is shown.
    bool showingUnit() const;

    /// Clicks add points (left: class A; right or Shift: class B) or, in erase mode, remove the
    /// nearest one.
    void setEditable(bool editable) { m_editable = editable; }
    void setEraseMode(bool erase);
    bool eraseMode() const { return m_erase; }

    /// The colour map of the network output, and its data (for tests).
    QCPColorMap* colorMap() const { return m_map; }
    /// The contour drawn.
    const ContourLines* contour() const { return m_contour; }
    /// The pixel position of a domain point, and the domain point under a pixel.
    QPointF pixelFor(double x, double y) const;
    QPointF coordinateAt(const QPointF& pixel) const;

    /// The axis rectangle stays square and centred whatever the widget's shape (resizeEvent).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    /// A left click (classB false) or a right or Shift click (classB true) at a domain point.
    void addPointRequested(double x, double y, bool classB);
    /// A click in erase mode: remove the point nearest (x, y) within `radius`.
    void erasePointRequested(double x, double y, double radius);
    /// A click on a read-only (compact) plot.
    void clicked();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// The plot's name and text alternative for screen readers.
    void describe();
    void layoutSquare();
    void applyGradient();
    /// Colours, fonts, point and line sizes from the theme and the presentation scale.
    void applyAppearance();

    bool m_compact;
    bool m_editable = false;
    bool m_erase = false;
    bool m_showTest = false;
    bool m_discretize = false;
    bool m_custom = false;
    nn::OutputKind m_kind = nn::OutputKind::TanhSquare;
    int m_outputs = 1;
    QCPColorMap* m_map = nullptr;
    QCPColorMap* m_unitMap = nullptr;
    GridMapData* m_mapData = nullptr;
    GridMapData* m_unitData = nullptr;
    PointCloud* m_points = nullptr;
    ContourLines* m_contour = nullptr;
    QCPItemText* m_caption = nullptr;
};

}  // namespace actlab::ui
