#pragma once
// The chain-rule ledger: ∂L/∂w for one training example and one first-layer weight w[i → j],
// built layer by layer as back-propagation builds it, with every factor kept for the view: the
// output error, then for each hidden layer from the last to the first the f′(z) of the example's
// units, the error arriving through the weights above (Wᵀδ) and the δ-vector with its norm. The
// final number is the gradient the trainer computes for that weight on that example (a batch of
// one, before regularisation). And the explorer's bound: sup |f′| of an activation, so that k
// layers of sigmoid multiply a gradient by at most 0.25^k. Definitions in docs/why-views.md.

#include <span>
#include <vector>

#include "nn/dataset.h"
#include "nn/network.h"

namespace actlab::inspect {

/// One layer's line of the ledger.
struct LedgerLayer {
    /// Hidden layers 0 … L−1 (0-based); L is the output layer.
    int layer = 0;
    std::vector<double> z;  ///< the example's pre-activations of the layer's units
    /// f′(z) of each unit. The output layer: g′(z) of tanh_square (1 − o²) and 1 for
    /// linear_square; for sigmoid_bce and softmax_ce, whose loss and output activation are
    /// differentiated together (δ = σ(z) − t, softmax(z) − one-hot), 1, and `combined` is set.
    std::vector<double> slope;
    /// ∂L/∂a of each unit: Wᵀ·δ of the layer above, W = net.layers()[layer + 1].w; the output
    /// layer: ∂L/∂o = o − t (combined: δ itself).
    std::vector<double> upstream;
    std::vector<double> delta;  ///< δ = ∂L/∂z = upstream ⊙ slope
    double deltaNorm = 0;       ///< ‖δ‖₂, the bar of the layer
    bool combined = false;
};

struct ChainLedger {
    int input = 0;               ///< i: the feature the weight leaves from
    int unit = 0;                ///< j: the first layer's unit it enters
    double feature = 0;          ///< a₀[i], the example's value of feature i
    double loss = 0;             ///< the example's loss
    std::vector<double> output;  ///< o, after the output activation
    std::vector<double> target;  ///< t: the label (±1, or the regression value); sigmoid_bce
                                 ///< 0/1; softmax_ce the one-hot class
    /// The output layer first, then the hidden layers from the last down to the first.
    std::vector<LedgerLayer> layers;
    /// ∂L/∂w[i → j] = δ_first[j]·a₀[i], with δ_first the first layer's δ (the output layer's
    /// for a network without hidden layers).
    double gradient = 0;
};

/// Builds ledgers; keeps its workspace, so a ledger rebuilt every frame allocates nothing once
/// its buffers have grown.
class LedgerBuilder {
public:
    /// The ledger of `example` (its coordinates and label) for the first-layer weight from
    /// input feature `input` to unit `unit`, into `out`. Returns false (and leaves `out` alone)
    /// when input or unit is out of range.
    bool build(const nn::Mlp& net, const nn::Point& example, int input, int unit, ChainLedger& out);

private:
    nn::Workspace m_ws;
    nn::FeatureTable m_table;
    double m_label[1] = {0};
};

/// sup |f′(x)| over the real line for the activation with parameters p: 0.25 for sigmoid, 1 for
/// tanh and ReLU, 1/6 for Hardsigmoid, λα for SELU. Found from f′ on a dense grid over [−20, 20]
/// refined by golden-section search, far out to ±1e15 (limits approached at infinity, such as
/// Tanhshrink's 1), and on both sides of each kink (ELU's α at 0⁻); within about 1e-12 of the
/// true supremum. Allocates (the kinks): cache it per activation and parameters.
double maxAbsSlope(const ActivationSpec& spec, const ParamValues& p);

/// The bound of hidden layer `layer` (0-based): the largest maxAbsSlope over its units (PReLU
/// with a learned weight per neuron differs per unit).
double layerSlopeBound(const nn::Mlp& net, int layer);

}  // namespace actlab::inspect
