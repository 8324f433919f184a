#pragma once
// What a session keeps of a training so that it can be shown and continued after a reopen: the
// weights, the epoch, the loss history (the loss chart's data) and the optimiser's moments, for
// the main network and for every compared network. The JSON form is in docs/session-format.md.

#include <optional>
#include <string>
#include <vector>

#include "network.h"
#include "trainer.h"

namespace actlab::nn {

/// The loss chart's data: train and test loss and accuracy at some epochs, in increasing epoch
/// order. Sampled as the GUI samples its charts: every epoch while the run is short, then every
/// 2nd, 4th, … epoch (the stride is the smallest power of two ≥ epoch / kHistorySamples), so a
/// history holds at most 2·kHistorySamples + 1 points however long training runs. The last
/// point is always the latest epoch recorded. NaN marks a value that does not exist (accuracy
/// in regression, the test loss without test points).
struct LossHistory {
    std::vector<int> epochs;
    std::vector<double> trainLoss, testLoss, trainAccuracy, testAccuracy;
    bool empty() const { return epochs.empty(); }
    std::size_t size() const { return epochs.size(); }
    /// Equal values, NaN equal to NaN (a saved and reloaded history compares equal).
    bool operator==(const LossHistory& o) const;
};

/// The sampling target of LossHistory (the same 500 as the GUI's charts).
inline constexpr int kHistorySamples = 500;
/// Values are rounded to this many significant digits when recorded: a chart needs no more, and
/// a 1,000-point history of four series then takes some 40 kB of JSON instead of 80 kB.
inline constexpr int kHistoryDigits = 6;

/// The sampling stride at `epoch`: the smallest power of two ≥ epoch / kHistorySamples.
int historyStride(int epoch);

/// Appends an epoch's losses and accuracies (for `train --save` and the GUI's save). The previous
/// last point is dropped first when it is off the sampling grid, and the history is thinned to
/// the current stride once it holds more than 2·kHistorySamples points. Epochs must increase;
/// an epoch not above the last one replaces the points from it on (training restarted there).
void recordEpoch(LossHistory& history, const EpochMetrics& metrics);

/// Empty when the history is well formed (equal lengths, increasing epochs ≥ 0, at most
/// `lastEpoch` when lastEpoch ≥ 0), else a message.
std::string validate(const LossHistory& history, int lastEpoch = -1);

/// The trained state of one network.
struct TrainedState {
    std::vector<LayerParams> weights;
    int epoch = 0;
    LossHistory history;
    /// Absent: continuing starts the optimiser afresh (zero moments, Adam's bias correction from
    /// step 1), which for Adam near a minimum means steps of about the learning rate at first.
    std::optional<OptimizerMoments> optimizer;
    bool operator==(const TrainedState&) const = default;
};

/// The trainer's state with `history` (the caller's record, e.g. built with recordEpoch).
TrainedState trainedState(const Trainer& trainer, LossHistory history);

/// Empty when `moments` fit a network of this shape (3 arrays per layer of the sizes of its w,
/// b and learnable, or none at all), else a message.
std::string validateMoments(const OptimizerMoments& moments, const Mlp& shape);

}  // namespace actlab::nn
