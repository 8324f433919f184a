#pragma once
// Training: optimisers, regularisation, TensorFlow Playground's exact batching, the metrics of
// each epoch and divergence detection. A Trainer owns its data and network; step() runs one epoch.
// No threads, timers or Qt: the GUI drives it from a worker.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dataset.h"
#include "network.h"
#include "rng.h"

namespace actlab::nn {

enum class OptimizerKind { Sgd, Momentum, Adam };
enum class Regularization { None, L1, L2 };

/// Standard: mini-batches of a reshuffled order each epoch, the partial last batch applied.
/// Playground: TensorFlow Playground's nn.ts semantics exactly (stored order, an update after
/// every batchSize-th example of the epoch, leftovers carried into the next epoch, its L1 rule).
enum class TrainingMode { Standard, Playground };

std::string_view optimizerId(OptimizerKind k);
std::optional<OptimizerKind> optimizerFromId(std::string_view id);
std::string_view regularizationId(Regularization r);
std::optional<Regularization> regularizationFromId(std::string_view id);
std::string_view modeId(TrainingMode m);
std::optional<TrainingMode> modeFromId(std::string_view id);

struct TrainingConfig {
    TrainingMode mode = TrainingMode::Standard;
    OptimizerKind optimizer = OptimizerKind::Sgd;
    double learningRate = 0.03;
    double momentum = 0.9;  ///< for Momentum
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;  ///< for Adam
    Regularization regularization = Regularization::None;
    double regularizationRate = 0;
    int batchSize = 10;
    bool operator==(const TrainingConfig&) const = default;
};

/// Empty when usable, else a message naming the field.
std::string validate(const TrainingConfig& config, const NetworkSpec& network);

/// Per-layer health, for hidden layers and (last) the output layer.
struct LayerMetrics {
    double gradNorm = 0;      ///< RMS over the epoch's updates of ‖mean ∂L/∂W‖₂
    double deadFraction = 0;  ///< units whose f′ is 0 on every training point (hidden layers)
    double mean = 0;          ///< mean activation over training points and units
    double stddev = 0;        ///< its standard deviation
    std::vector<double> learnable;  ///< PReLU weights of the layer after the epoch
};

struct EpochMetrics {
    int epoch = 0;
    double trainLoss = 0, testLoss = 0;          ///< testLoss is NaN when there are no test points
    double trainAccuracy = 0, testAccuracy = 0;  ///< NaN for regression and without test points
    std::vector<LayerMetrics> layers;
};

/// What made training stop when a formula activation did: the first hidden layer whose formula
/// gave NaN or ±∞ at a finite input (a domain error such as log of a negative number, or an
/// overflow). Trainer::divergence() then names the formula too.
struct DivergenceCause {
    int layer = -1;           ///< hidden layer (0-based); −1: no formula layer was the cause
    std::string formula;      ///< the formula's text
    std::string name;         ///< its name; the text when it has none
    double input = 0;         ///< a finite pre-activation z at which it did
    double value = 0;         ///< what it gave there: f(z), or f′(z) when `derivative`
    bool derivative = false;  ///< f(z) was finite, f′(z) was not
    bool found() const { return layer >= 0; }
};

/// The optimiser's memory: momentum's velocity (m) or Adam's first and second moments (m, v),
/// one array per parameter array in the order w, b, learnable of each layer (hidden layers, then
/// the output layer), and Adam's step count for its bias correction. Empty before the first
/// update and for plain SGD. Saved with a session so that training continues where it stopped.
struct OptimizerMoments {
    std::vector<std::vector<double>> m, v;
    long long steps = 0;
    bool operator==(const OptimizerMoments&) const = default;
};

/// How much a step measures after training its epoch.
enum class Evaluation {
    Full,  ///< losses, accuracies and per-layer statistics (dead units, mean, std)
    Loss,  ///< losses and accuracies only (a forward pass without derivatives)
    None,  ///< nothing: losses and accuracies are NaN, only the gradient norms are recorded
    /// The test set's loss and accuracy; the training set's only where the weights cannot rule
    /// out a non-finite loss (Mlp::outputBound), else NaN. Divergence stops training at the same
    /// epoch as with Loss: what a sweep needs every epoch, for the price of the test set.
    TestLoss,
};

class Trainer {
public:
    /// Preconditions: validate(network spec, data.numClasses) and validate(config) are empty.
    Trainer(Dataset data, Mlp network, TrainingConfig config, std::uint64_t seed);

    /// Trains one epoch and evaluates it. After divergence it does nothing and returns the last
    /// good metrics. With less than full evaluation, a non-finite weight still stops training.
    const EpochMetrics& step(Evaluation evaluation = Evaluation::Full);
    /// Runs up to `epochs` epochs, stopping early on divergence.
    void run(int epochs);

    int epoch() const { return m_state.epoch; }
    const Mlp& network() const { return m_state.net; }
    const Dataset& data() const { return m_data; }
    const TrainingConfig& config() const { return m_config; }
    /// Metrics of every epoch so far, from epoch 0 (before training).
    const std::vector<EpochMetrics>& history() const { return m_history; }
    const EpochMetrics& latest() const { return m_history.back(); }

    /// Set when the loss or a weight became NaN or infinite; training then stops and the network
    /// stays at the last good epoch.
    bool diverged() const { return !m_divergence.empty(); }
    /// The message shown when training stopped; it names the formula when one was the cause.
    const std::string& divergence() const { return m_divergence; }
    /// When a formula layer's NaN or infinity stopped training, which one and where (found by
    /// replaying the failed epoch from the last good state; only networks with a formula layer
    /// are replayed). Empty (layer −1) otherwise.
    const DivergenceCause& divergenceCause() const { return m_cause; }
    /// Lets training continue after a divergence, from the last good state it kept (for example
    /// once the learning rate is lower). No effect when training has not diverged.
    void clearDivergence() {
        m_divergence.clear();
        m_cause = {};
    }

    /// A check made between the mini-batches of step() (for a Cancel that must answer sooner
    /// than an epoch of a large network takes). When it returns true, step() abandons the epoch
    /// and leaves the trainer exactly as it was before the call; interrupted() then says so.
    /// Empty (the default): never asked.
    void setInterruption(std::function<bool()> check) { m_interruption = std::move(check); }
    /// True when the last step() was abandoned by the interruption check.
    bool interrupted() const { return m_interrupted; }

    /// Forgets the metrics of every epoch but the latest, so that history() holds one entry.
    /// For long runs whose caller keeps its own, sampled record; training is unaffected.
    void discardHistory();

    /// Live changes between steps, without a reset.
    void setLearningRate(double lr) { m_config.learningRate = lr; }
    void setRegularization(Regularization r, double rate);
    void setBatchSize(int batchSize);
    /// A hidden layer's activation parameters; a learnable one (PReLU) is set to the new value.
    void setActivationParams(int layer, const ParamValues& params);

    /// The optimiser's moments now (see OptimizerMoments).
    const OptimizerMoments& optimizerMoments() const { return m_state.opt; }
    /// Continues a saved run, right after construction with the saved weights: the epoch count
    /// becomes `epoch`, the shuffle generator is advanced past the shuffles of `epoch` epochs (so
    /// that the following epochs visit the points in the order an uninterrupted run would) and
    /// the optimiser's moments are restored. In Standard mode the continued run is then the
    /// uninterrupted one, bit for bit. Playground mode does not keep a partial batch or its L1
    /// rule's dead links across a save; those start afresh. Precondition: no step() yet, and
    /// `moments` empty or shaped like this network's parameters (see OptimizerMoments).
    /// The state after the call becomes the one reset() returns to.
    void resume(int epoch, const OptimizerMoments& moments);

    /// Back to the initial weights and epoch 0 (the same seed gives the same run).
    void reset();
    /// New data, keeping the weights and the epoch count; metrics are re-evaluated.
    void setData(Dataset data);

    /// Metrics at the current weights without training (also used for epoch 0).
    EpochMetrics evaluate(Evaluation evaluation = Evaluation::Full);

private:
    using OptimizerState = OptimizerMoments;
    /// Everything that changes while training; copied at every good epoch end.
    struct State {
        Mlp net;
        Gradients grads;
        OptimizerState opt;
        std::vector<std::vector<std::uint8_t>> deadLinks;  ///< Playground's L1 rule
        Rng rng;
        int epoch = 0;
    };

    void trainPlayground(std::vector<double>& gradSq, int& updates);
    void trainStandard(std::vector<double>& gradSq, int& updates);
    void accumulate(int first, int count);
    void accumulate(std::span<const int> indices);
    bool updatePlayground();
    bool updateStandard();
    void recordGradNorms(std::vector<double>& gradSq) const;
    void rebuildFeatures();
    double evaluateSet(const FeatureTable& table, const std::vector<Point>& points,
                       double& accuracy, EpochMetrics* stats);
    /// True when the training set's loss is finite for certain at the current weights.
    bool trainLossBounded() const;
    /// evaluate(), also saying whether TestLoss left the training set out (its loss then NaN,
    /// and finite for certain).
    EpochMetrics evaluate(Evaluation evaluation, bool& trainLeftOut);
    /// Replays the epoch that diverged from m_lastGood, watching formula layers (see
    /// divergenceCause()); leaves m_state to the caller.
    DivergenceCause diagnose(Evaluation evaluation);
    /// While diagnosing: records the first formula fault of the forward pass in `ws`.
    void watch(const Workspace& ws, bool derivatives);

    Dataset m_data;
    TrainingConfig m_config;
    State m_state, m_initial, m_lastGood;
    FeatureTable m_trainFeatures, m_testFeatures;
    std::vector<double> m_trainFeatureBound;  ///< max |value| of each training feature
    std::vector<double> m_trainLabels;
    std::vector<double> m_batchLabels;  ///< labels of a shuffled batch (Standard mode)
    Workspace m_ws;
    Workspace m_trainEvalWs, m_testEvalWs;  ///< evaluation of each set (see evaluateSet)
    std::vector<double> m_evalLabels;        ///< evaluateSet's labels of one chunk
    std::vector<EpochMetrics> m_history;
    std::string m_divergence;
    DivergenceCause m_cause;
    bool m_diagnosing = false;
    std::function<bool()> m_interruption;
    bool m_interrupted = false;
};

}  // namespace actlab::nn
