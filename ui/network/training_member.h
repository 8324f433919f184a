#pragma once
// One network of the training worker and what the worker tracks about it between snapshots:
// its trainer, the gradient norms of the epochs since the last sample, the samples for the
// charts, divergence, and the grid evaluators of its pictures. The worker thread owns the members
// and calls these between frames; nothing here is shared between threads.

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "network/training_snapshot.h"
#include "nn/grid.h"
#include "nn/trainer.h"
#include "nn/training_state.h"

namespace actlab::ui {

/// One network trained by the worker.
struct TrainingMember {
    /// Each output grid is computed in this many pieces, in parallel.
    static constexpr int kGridParts = 4;

    std::string activation;  ///< its compare id ("" for a single network)
    std::unique_ptr<nn::Trainer> trainer;
    /// The untrained network and seed that Reset returns to (a reopened training continues from
    /// its saved weights, but Reset still starts the run over from epoch 0).
    nn::Mlp initialNetwork;
    std::uint64_t seed = 0;
    bool resumed = false;  ///< the trainer continues a saved training
    /// The saved loss history of a reopened training, shown before the new samples; cleared by
    /// backToStart.
    nn::LossHistory storedHistory;
    nn::GridEvaluator grids;                          ///< unit grids
    std::array<nn::GridEvaluator, kGridParts> parts;  ///< the pieces of the output grid
    double cost = 0;                                  ///< seconds its last frame of training took
    /// The grids last computed and the network and size each was computed for: a snapshot of an
    /// unchanged network (a pause, a refresh) copies them instead of evaluating again, which for
    /// a deep network costs more than the 100 ms a pause may take.
    struct GridCache {
        nn::Mlp network;
        int size = 0;
        std::vector<double> values;
        /// True when `values` are the grid of `net` at side `side`.
        bool holds(const nn::Mlp& net, int side) const { return size == side && network == net; }
        void keep(const nn::Mlp& net, int side, const std::vector<double>& grid) {
            network = net;
            size = side;
            values = grid;
        }
    };
    GridCache outputCache, unitCache;
    /// Squared gradient norms per layer since the last sample, and over the last frame.
    std::vector<double> windowGradSq, frameGradSq;
    int windowEpochs = 0, frameEpochs = 0;
    std::vector<double> recentGradNorm;
    std::vector<MetricSample> samples;  ///< since the last snapshot
    bool restart = true;
    /// trainer->latest() holds a full evaluation at the current weights.
    bool latestFull = true;
    int divergedAt = 0;
    double divergedRate = 0;
    nn::DivergenceCause divergedCause;

    /// After a new session or a reset: the charts start over, with the stored history if any.
    void startOver();
    /// Back to the initial weights and epoch 0, keeping the live settings (Reset).
    void backToStart();
    /// Continues a diverged network from its last good state (the user lowered the rate).
    void resume();
    /// Trains `epochs` epochs: a full evaluation for the last, losses only where a sample is
    /// taken, and nothing else for the others (evaluating would otherwise rival training).
    /// Stops early on divergence or when the trainer's interruption check fires (the abandoned
    /// epoch leaves no trace); the epochs it did not train are owed to the next frame, so that
    /// networks shown side by side stay at one epoch. Returns the epochs trained.
    int train(int epochs);
    /// Epochs an interrupted frame left untrained (added to the next frame; 0 after a reset).
    int owed = 0;
    /// Fills its frame but for the grids: metrics, weights and the samples since the last frame.
    /// `focused` sizes the unit grids too.
    void finish(NetworkFrame& frame, bool focused, int gridSize, int unitGridSize);

private:
    void clearWindows();
};

/// The decision threshold of the output (two classes), or the class borders (softmax); none for
/// regression.
void frameContour(NetworkFrame& frame, int numClasses);

/// On a pause or a step: a frame cut short owes each network only what brings it level with the
/// furthest (networks that diverged owe nothing), so a step then moves every network to one
/// epoch past the furthest and not through the rest of the abandoned frame.
void levelOwed(std::vector<std::unique_ptr<TrainingMember>>& members);

}  // namespace actlab::ui
