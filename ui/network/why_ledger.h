#pragma once
// "Why" view 4, the chain-rule ledger: ∂L/∂w for one training point and one first-layer weight,
// built up layer by layer as back-propagation builds it. The user clicks a point on the map and
// chooses the weight (input feature → first-layer unit); the panel lists, from the output down,
// the error, each layer's f′(z) factors, the error arriving through the weights and the δ-vector,
// draws ‖δ‖ per layer as bars on a log scale beside the explorer's bound (sigmoid's f′ ≤ 0.25, so
// k layers multiply by at most 0.25ᵏ), and ends with the gradient, next to the one the trainer
// computes for the same weight and example.

#include <QWidget>
#include <span>
#include <vector>

#include "inspect/chain_ledger.h"
#include "nn/contour.h"
#include "nn/dataset.h"
#include "nn/network.h"

class QCPBars;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QSpinBox;

namespace actlab::ui {

class BoundaryPlot;

class LedgerPanel : public QWidget {
    Q_OBJECT
public:
    explicit LedgerPanel(QWidget* parent = nullptr);

    void setData(const nn::Dataset& data);
    /// The network, its output grid (n×n, GridEvaluator's layout) and decision boundary.
    void update(const nn::Mlp& net, std::span<const double> grid, int n,
                const std::vector<nn::ContourSegment>& contour);

    /// The training point (index into the training set) and the weight from input feature
    /// `input` to first-layer unit `unit` (0-based).
    void choose(int example, int input, int unit);
    int example() const { return m_example; }

    const inspect::ChainLedger& ledger() const { return m_ledger; }
    /// The gradient the trainer computes for the chosen weight on the chosen example alone.
    double trainerGradient() const { return m_trainerGradient; }
    QCPBars* normBars() const { return m_bars; }
    QCPGraph* boundGraph() const { return m_bound; }
    QLabel* table() const { return m_table; }
    BoundaryPlot* map() const { return m_map; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void pickNearest(double x, double y);
    void retranslate();

    BoundaryPlot* m_map;
    QCPGraph* m_marker;
    QSpinBox* m_input;
    QSpinBox* m_unit;
    QLabel* m_inputLabel;
    QLabel* m_unitLabel;
    QLabel* m_hint;
    QCustomPlot* m_chart;
    QCPBars* m_bars;
    QCPGraph* m_bound;
    QLabel* m_table;
    nn::Dataset m_data;
    nn::Mlp m_net;
    bool m_hasNet = false;
    int m_example = 0;
    inspect::LedgerBuilder m_builder;
    inspect::ChainLedger m_ledger;
    double m_trainerGradient = 0;
    /// sup |f′| of a hidden layer, computed only when its activation or parameters change
    /// (inspect::layerSlopeBound searches f′ over the whole line).
    double slopeBound(int layer);
    struct Bound {
        const ActivationSpec* spec = nullptr;
        ParamValues params{};
        std::vector<double> learnable;
        double value = 0;
    };
    std::vector<Bound> m_bounds;  ///< per hidden layer
};

}  // namespace actlab::ui
