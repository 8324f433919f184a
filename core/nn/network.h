#pragma once
// The multi-layer perceptron of the mini-network: its description (NetworkSpec), its parameters
// (Mlp) and the batched forward and backward passes. Plain data and pure functions; the Trainer
// (trainer.h) drives them.
//
// Layout: activations of a batch are stored neuron-major, a[neuron][example], so every inner
// loop runs over the examples of the batch and vectorises; each layer's activation is applied
// with one call of the registry row's batch kernel (no indirect call per element).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "activations/activation_spec.h"
#include "dataset.h"
#include "features.h"

namespace actlab::nn {

inline constexpr int kMaxHiddenLayers = 8;
inline constexpr int kMaxNeurons = 32;

/// Output activation and loss, as one choice.
enum class OutputKind {
    TanhSquare,      ///< tanh output, labels ±1, loss ½(o − t)² (TensorFlow Playground)
    SigmoidBce,      ///< sigmoid output, binary cross-entropy
    SoftmaxCe,       ///< softmax over K outputs, cross-entropy
    LinearSquare,    ///< identity output, loss ½(o − t)² (regression)
};

enum class InitKind {
    Playground,  ///< weights uniform in (−0.5, 0.5), biases 0.1
    Xavier,      ///< Glorot uniform, biases 0
    He,          ///< Kaiming normal (fan-in, gain √2), biases 0
    LeCun,       ///< normal with variance 1/fan-in (for SELU), biases 0
};

/// PReLU's learnable weight: one per layer (PyTorch's default) or one per neuron.
enum class PReluMode { PerLayer, PerNeuron };

std::string_view outputId(OutputKind k);
std::optional<OutputKind> outputFromId(std::string_view id);
std::string_view initId(InitKind k);
std::optional<InitKind> initFromId(std::string_view id);

/// One hidden layer: its width and its activation with that activation's own parameters. The
/// activation is a registry id, or "formula" (kFormulaActivationId) with the formula's text and
/// an optional name; layer_activation.h turns either into its row.
struct LayerSpec {
    int neurons = 4;
    std::string activation = "tanh";  ///< registry id, or "formula"
    ParamValues params{};             ///< in the order of the activation's ParamSpecs
    PReluMode preluMode = PReluMode::PerLayer;
    std::string formula;  ///< a formula layer's text ("x*sigmoid(b*x)"); else empty
    std::string name;     ///< a formula layer's name ("Swish-β"); empty: the formula's text
    bool operator==(const LayerSpec&) const = default;
};

struct NetworkSpec {
    std::vector<Feature> features = {Feature::X, Feature::Y};
    std::vector<LayerSpec> hidden;
    OutputKind output = OutputKind::TanhSquare;
    int outputs = 1;  ///< K for softmax, else 1
    bool operator==(const NetworkSpec&) const = default;
};

/// Empty when the spec is usable with `numClasses` (0 regression, 2 binary, K multi-class),
/// else a message naming the field.
std::string validate(const NetworkSpec& spec, int numClasses);

/// Weights of one layer, row-major: w[j·in + i] connects input i to neuron j.
struct LayerParams {
    int in = 0, out = 0;
    std::vector<double> w;
    std::vector<double> b;
    /// The learnable activation parameter (PReLU's weight): 1 value, or `out` values; else empty.
    std::vector<double> learnable;
    bool operator==(const LayerParams&) const = default;
};

/// Input features of a set of points, feature-major: v[f·points + p].
struct FeatureTable {
    int features = 0, points = 0;
    std::vector<double> v;
};

/// The features of (xs[p], ys[p]) for every p.
FeatureTable computeFeatures(std::span<const Feature> features, std::span<const double> xs,
                             std::span<const double> ys);
/// The features of the points (their x and y), in order.
FeatureTable computeFeatures(std::span<const Feature> features, std::span<const Point> points);

/// Examples per block of the forward and backward passes: one AVX2 vector, half an AVX-512 one
/// (which runs at the same rate per element on CPUs that split 512-bit operations in two). A
/// batch of 10 then fills 12 lanes, not 16.
inline constexpr int kLanes = 4;

/// Buffers of one forward/backward pass over a batch, reused between calls. Every row of a
/// layer holds `stride` entries, the batch rounded up to whole lane blocks, so that every loop
/// runs on full vectors. The entries past the batch are finite fillers: their inputs are 0 and
/// their output error is 0, so they add nothing to the gradients.
struct Workspace {
    int batch = 0;
    int stride = 0;
    std::vector<int> widths;                    ///< input and layer widths the buffers fit
    std::vector<std::vector<double>> z, a, d;  ///< per layer (0 = input): n × stride
    std::vector<std::vector<double>> delta;     ///< per layer: dL/dz, n × stride
    std::vector<double> outDelta;               ///< output layer dL/dz, outputs × stride
};

/// Gradient accumulators, the shape of the parameters. They hold sums over `count` examples;
/// with count 0 they are empty whatever the arrays hold, and the next backward() overwrites
/// them instead of adding (so emptying them between updates touches no array).
struct Gradients {
    std::vector<std::vector<double>> w, b, learnable;
    int count = 0;  ///< examples accumulated since the last reset
    void zero() { count = 0; }
};

/// Loss and correct predictions over a batch.
struct BatchLoss {
    double lossSum = 0;
    int correct = 0;
};

class Mlp {
public:
    Mlp() = default;
    /// A network of this shape with all weights zero. Precondition: validate(spec) is empty
    /// (throws std::invalid_argument for an unknown activation or a formula that does not
    /// compile).
    explicit Mlp(const NetworkSpec& spec);

    const NetworkSpec& spec() const { return m_spec; }
    int inputs() const { return static_cast<int>(m_spec.features.size()); }
    int layerCount() const { return static_cast<int>(m_layers.size()); }  ///< hidden + output
    std::span<LayerParams> layers() { return m_layers; }
    std::span<const LayerParams> layers() const { return m_layers; }
    /// The activation row of hidden layer l (0-based), nullptr for the output layer. It lives as
    /// long as this network (or a copy of it); activationRefOf() shares it.
    const ActivationSpec* activationOf(int l) const {
        return l < static_cast<int>(m_acts.size()) ? m_acts[static_cast<std::size_t>(l)].get()
                                                   : nullptr;
    }
    /// The activation row of hidden layer l as an ActivationRef, null for the output layer.
    ActivationRef activationRefOf(int l) const {
        return l < static_cast<int>(m_acts.size()) ? m_acts[static_cast<std::size_t>(l)] : nullptr;
    }
    /// Activation parameters of hidden layer l for neuron j (the learnable one from the weights).
    ParamValues paramsOf(int l, int j) const;

    /// Sets a hidden layer's activation parameters (not the learnable one's current value).
    void setActivationParams(int l, const ParamValues& p);

    /// Initialises weights and biases.
    void initialise(InitKind init, std::uint64_t seed);

    /// Copies the features of points [first, first + ws.batch) into ws.a[0].
    void loadInputs(const FeatureTable& table, int first, Workspace& ws) const;
    /// Copies the features of the points `indices` (ws.batch of them) into ws.a[0].
    void loadInputs(const FeatureTable& table, std::span<const int> indices, Workspace& ws) const;

    /// Forward pass over ws.batch examples whose inputs are in ws.a[0]. With `derivatives`, also
    /// fills ws.d with f′ for the backward pass.
    void forward(Workspace& ws, bool derivatives = true) const;

    /// Output-layer loss and correct predictions for the batch against `labels`, after forward().
    BatchLoss outputLoss(std::span<const double> labels, const Workspace& ws) const;
    /// The output layer's dL/dz for the batch against `labels` into ws.outDelta, after
    /// forward(derivatives = true): what backward() propagates.
    void outputError(std::span<const double> labels, Workspace& ws) const;

    /// Back-propagates ws.outDelta and adds the parameter gradients to `g`.
    void backward(Workspace& ws, Gradients& g) const;

    /// Sizes `ws` for `batch` examples (keeps capacity; nothing to do when it already fits).
    void prepare(Workspace& ws, int batch) const;
    /// Gradients of the right shape, zeroed.
    Gradients makeGradients() const;

    /// The network output(s) for the batch in ws after forward(): outputs × ws.stride, example b
    /// of output k at [k·stride + b].
    std::span<const double> outputs(const Workspace& ws) const {
        return ws.a.back();
    }

    /// True if every weight, bias and learnable parameter is finite.
    bool finite() const;

    /// A bound on |z| of every output over all inputs whose features i are at most
    /// inputBound[i] in magnitude, from the weights alone (interval arithmetic with each hidden
    /// activation's growth bound, rounding allowed for). +∞ where no finite bound is known: a
    /// formula layer, a non-finite weight, or a layer whose bound passes 1e300.
    double outputBound(std::span<const double> inputBound) const;

    bool operator==(const Mlp& o) const { return m_spec == o.m_spec && m_layers == o.m_layers; }

private:
    NetworkSpec m_spec;
    std::vector<LayerParams> m_layers;
    std::vector<ActivationRef> m_acts;  ///< hidden layers only
    const ActivationSpec* m_outputAct = nullptr;  ///< tanh or sigmoid output row
};

/// Predicted class of `example` from outputs laid out as Mlp::outputs() (rows of `stride`):
/// binary ±1, multi-class 0 … K−1.
double predictedLabel(OutputKind kind, std::span<const double> outputs, std::size_t example,
                      std::size_t stride);

}  // namespace actlab::nn
