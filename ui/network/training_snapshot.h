#pragma once
// What the training worker publishes after each frame: plain data that the GUI reads without any
// lock, so that it never touches a Trainer while training runs. A snapshot is immutable once
// published.

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "nn/contour.h"
#include "nn/network.h"
#include "nn/session.h"
#include "nn/trainer.h"
#include "nn/training_state.h"

namespace actlab::ui {

/// One sampled epoch of one network, for the loss chart and the gradient-health view.
struct MetricSample {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    int epoch = 0;
    double trainLoss = kNaN, testLoss = kNaN;
    double trainAccuracy = kNaN, testAccuracy = kNaN;  ///< NaN for regression
    /// Per layer (hidden layers, then the output layer): the RMS of the epochs' gradient norms
    /// since the previous sample; NaN before the first epoch.
    std::vector<double> gradNorm;
    /// Per hidden layer: the mean learned PReLU weight, NaN where the layer has none.
    std::vector<double> learnable;
};

/// Samples are taken at epochs that are multiples of sampleStride(epoch): every epoch at first,
/// then every 2nd, 4th, ... so that a series holds between kMaxSamples and 2·kMaxSamples points
/// however long training runs. 500 to 1,000 points draw a smooth chart at any window width, and
/// keep the memory of eight compared networks' histories (charts included) within a few MB.
inline constexpr int kMaxSamples = 500;
/// The sampling stride at `epoch`: the smallest power of two ≥ epoch / kMaxSamples.
int sampleStride(int epoch);
/// True when `epoch` is sampled.
inline bool isSampled(int epoch) {
    return epoch % sampleStride(epoch) == 0;
}
/// Drops the samples off the current stride once a series holds more than 2·kMaxSamples.
void thinSamples(std::vector<MetricSample>& samples);

/// One network at the end of a frame.
struct NetworkFrame {
    /// The compare activation's registry id; empty for the single network.
    std::string activation;
    int epoch = 0;
    /// Losses, accuracies and per-layer statistics at `epoch` (a full evaluation).
    nn::EpochMetrics metrics;
    /// Per layer: the RMS of the gradient norms over the epochs of the last frame or step.
    std::vector<double> recentGradNorm;
    /// The weights at `epoch`.
    nn::Mlp network;
    /// The optimiser's moments at `epoch` (what a saved session needs to continue exactly).
    nn::OptimizerMoments moments;
    /// The output over a gridSize × gridSize grid, in GridEvaluator's layout.
    int gridSize = 0;
    std::vector<double> outputGrid;
    /// The decision threshold (binary) or the class borders (multi-class); empty for regression.
    std::vector<nn::ContourSegment> contour;
    /// Every unit over a unitGridSize² grid (hidden layers, then outputs), for the focused network
    /// only; empty for the others.
    int unitGridSize = 0;
    std::vector<double> unitGrids;
    /// Samples taken since the previous snapshot.
    std::vector<MetricSample> samples;
    /// The charts start over with `samples` (after a reset or for a new session).
    bool samplesRestart = false;
    /// The epoch at which training diverged, or 0. The weights are those of the last good epoch.
    int divergedAt = 0;
    /// The learning rate when it diverged.
    double divergedLearningRate = 0;
    /// When a formula activation's NaN or infinity stopped training: which formula, where.
    nn::DivergenceCause divergenceCause;
};

/// A network's chart samples as the loss history a session stores (nn::LossHistory), ending at
/// the frame's epoch with its metrics.
nn::LossHistory lossHistory(const std::vector<MetricSample>& samples, const NetworkFrame& latest);

struct TrainingSnapshot;

/// `session` with the trained state of every network of `snap` past epoch 0 stored in it
/// (weights, epoch, optimiser moments; the history from histories[k], network k's chart
/// samples, when given): the main network's, or in compare mode each member's compareWeights.
nn::Session withTrainedState(nn::Session session, const TrainingSnapshot& snap, bool comparing,
                             std::span<const std::vector<MetricSample>* const> histories);

/// Everything the worker publishes at once.
struct TrainingSnapshot {
    /// The session these networks belong to (see TrainingWorker::setSession).
    std::uint64_t sessionId = 0;
    bool playing = false;
    /// The data has training points; without them nothing trains.
    bool hasTrainingSet = true;
    /// The data has test points. When it has none the test metrics are those of the training set
    /// and the GUI hides them.
    bool hasTestSet = true;
    /// The network whose unit grids are computed.
    int focus = 0;
    /// Epochs per frame when the snapshot was made.
    int epochsPerFrame = 1;
    /// A message from the worker for the user (a session it could not build), or empty.
    std::string problem;
    std::vector<NetworkFrame> networks;
};

/// Folds a snapshot the GUI has not taken yet into the newer one, so that no samples are lost:
/// the older samples come first unless the newer frame restarts its charts.
void mergeOlderSnapshot(TrainingSnapshot& newer, TrainingSnapshot&& older);

}  // namespace actlab::ui
