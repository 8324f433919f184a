#pragma once
// "Why" view 2, the hidden space: the training points and a grid of lines from the input plane,
// pushed through the network to a stage (the input, hidden layer 1 … k), with the decision
// boundary carried along; at the last hidden layer the boundary is a straight line, because the
// output is affine there. A stage wider than 2 is drawn through two chosen units or its first two
// principal components (the axes say which). "Play through the layers" moves smoothly from stage
// to stage, so that the plane is seen to fold (ReLU), bend (tanh) or stay flat (identity).

#include <QWidget>
#include <vector>

#include "inspect/hidden_space.h"
#include "inspect/projection.h"
#include "nn/contour.h"
#include "nn/dataset.h"
#include "nn/network.h"

class QCPCurve;
class QCPItemStraightLine;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QVariantAnimation;

namespace actlab::ui {

class PointCloud;

/// One stage brought to the plane: points, grid lines and the carried boundary, each as x then y.
struct StageDrawing {
    std::vector<double> px, py;          ///< the training points
    std::vector<double> gx, gy;          ///< grid-line samples, line after line
    std::vector<double> cx, cy;          ///< contour segment ends, two per segment
    inspect::ProjectedLine boundary;     ///< the last stage's straight boundary
    bool last = false;
    QString axes;                        ///< what the axes are
};

class HiddenSpacePanel : public QWidget {
    Q_OBJECT
public:
    explicit HiddenSpacePanel(QWidget* parent = nullptr);

    /// The network at `epoch` over the training points (their features `train`), and its
    /// decision boundary in the input plane.
    void update(const nn::Mlp& net, const nn::Dataset& data, const nn::FeatureTable& train,
                const std::vector<nn::ContourSegment>& contour);

    /// The stage shown: 0 the input, k hidden layer k.
    void setStage(int stage);
    int stage() const;
    int stageCount() const { return int(m_stages.size()); }
    /// Two chosen units instead of principal components (0-based units).
    void setUnits(int a, int b);
    void setPca();
    /// Only the last hidden layer, smaller and without the controls (compare mode's cards).
    void setCompact(bool compact);
    /// Plays from the input to the last hidden layer.
    void play();
    bool playing() const;

    const StageDrawing& drawing(int stage) const { return m_stages[std::size_t(stage)]; }
    QCustomPlot* plot() const { return m_plot; }
    QLabel* axesLabel() const { return m_axes; }
    /// The straight boundary drawn at the last stage (hidden otherwise).
    QCPItemStraightLine* boundaryLine() const { return m_line; }

    static constexpr int kLines = 11;
    static constexpr int kSamples = 64;

signals:
    /// The projection changed: the stages must be computed again from the network.
    void settingsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void computeStage(const nn::Mlp& net, const nn::FeatureTable& train, int stage);
    /// Draws stage `from`, moved a share `t` of the way to stage `to`.
    void draw(int from, int to, double t);
    void retranslate();
    void restyle();

    QSlider* m_stageSlider;
    QLabel* m_stageLabel;
    QComboBox* m_projection;
    QSpinBox* m_unitA;
    QSpinBox* m_unitB;
    QPushButton* m_play;
    QLabel* m_axes;
    QCustomPlot* m_plot;
    QCPCurve* m_grid;
    QCPCurve* m_contour;
    QCPItemStraightLine* m_line;
    PointCloud* m_points;
    QVariantAnimation* m_animation;
    std::vector<StageDrawing> m_stages;
    nn::Dataset m_moved;           ///< the points at the drawn positions, for the point cloud
    inspect::StageEvaluator m_eval;
    inspect::PcaProjector m_pca;
    inspect::Projection m_proj;
    std::vector<double> m_values, m_xy, m_cxIn, m_cyIn;
    int m_hidden = 0;
    bool m_compact = false;
};

}  // namespace actlab::ui
