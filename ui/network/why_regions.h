#pragma once
// "Why" view 3, linear regions: for a network whose hidden activations are all piecewise linear,
// the input plane coloured by activation pattern (which linear piece every hidden unit is on),
// the number of regions and its course over the epochs; inside a region the network is one
// affine map, so the decision boundary is straight there, which is why ReLU boundaries are
// polygons. A smooth network has no regions: the view says so and maps |∇ₓ output| instead,
// which is large where the boundary is sharp.

#include <QWidget>
#include <vector>

#include "inspect/input_gradient.h"
#include "inspect/region_map.h"
#include "nn/contour.h"
#include "nn/dataset.h"
#include "nn/network.h"

class QCustomPlot;
class QLabel;

namespace actlab::ui {

class BoundaryPlot;

class RegionsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RegionsPanel(QWidget* parent = nullptr);

    /// The data points drawn on the map.
    void setData(const nn::Dataset& data);
    /// The network at `epoch`, its decision boundary and the name of the first smooth hidden
    /// activation (for the message when the network is smooth).
    void update(const nn::Mlp& net, int epoch, const std::vector<nn::ContourSegment>& contour,
                const QStringList& layerNames);

    /// The result of the last update (regions, or which layer is smooth).
    const inspect::RegionResult& result() const { return m_result; }
    BoundaryPlot* map() const { return m_map; }
    QCustomPlot* countChart() const { return m_counts; }
    QLabel* headline() const { return m_headline; }

    /// Cells per side of the map.
    static constexpr int kGrid = 100;

protected:
    void changeEvent(QEvent* event) override;

private:
    void addCount(int epoch, int regions);
    void retranslate();
    void describe();

    QLabel* m_headline;
    QLabel* m_explanation;
    BoundaryPlot* m_map;
    QCustomPlot* m_counts;
    inspect::RegionMap m_regions;
    inspect::InputGradient m_gradient;
    inspect::RegionResult m_result;
    std::vector<int> m_ids;
    std::vector<double> m_values;
    QString m_smoothName;
    int m_lastEpoch = -1;
};

}  // namespace actlab::ui
