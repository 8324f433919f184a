#pragma once
// Shows each training snapshot on the network page: the charts and maps of every network, the
// network in the full view (boundary, metrics, neuron thumbnails, the training bar's epoch), the
// banner that explains a problem or a divergence, and the neuron under the mouse shown large.

#include <QObject>
#include <QString>
#include <vector>

#include "network/training_snapshot.h"
#include "nn/grid.h"

class QLabel;

namespace actlab::ui {

class CompareView;
class HealthView;
class WhyView;
class NetworkDiagram;
class OutputPanel;
class TrainingBar;
class TrainingControl;
struct PageState;

/// The views a snapshot updates.
struct FrameViews {
    TrainingBar* bar;
    QLabel* banner;
    OutputPanel* output;
    CompareView* compare;
    HealthView* health;
    WhyView* why;
    NetworkDiagram* diagram;
};

/// Puts snapshots on screen.
class FramePresenter : public QObject {
    Q_OBJECT
public:
    FramePresenter(const PageState& state, const TrainingControl& training, FrameViews views,
                   QObject* parent);

    /// Every network's samples (exactly once per snapshot), then the focused network.
    void showFrame(const TrainingSnapshot& snapshot);
    /// The focused network's boundary, metrics, thumbnails and epoch, and the banner.
    void showFocused(const TrainingSnapshot& snapshot);
    /// The unit under the mouse (−1: none) with its caption, shown large on the output plot.
    void setHoverUnit(int unit, const QString& caption);
    /// Forgets the hovered unit (new networks).
    void clearHover() { m_hoverUnit = -1; }

private:
    void showBanner(const TrainingSnapshot& snapshot);
    void updateHoverUnit();

    const PageState& m_state;
    const TrainingControl& m_training;
    FrameViews m_views;
    int m_hoverUnit = -1;
    QString m_hoverCaption;
    nn::GridEvaluator m_hoverGrid;
    std::vector<double> m_hoverValues;
};

}  // namespace actlab::ui
