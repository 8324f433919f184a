#pragma once
// One run of a sweep, trained to its metrics record. Deterministic: the record depends only on
// the plan and the run index (never on the thread or the order runs finish in), and it keeps the
// metrics, not the history of every epoch.

#include <cstdint>
#include <functional>
#include <optional>

#include "sweep_plan.h"

namespace actlab::sweep {

struct RunResult {
    int run = 0;        ///< index in the plan
    int setting = 0;    ///< plan.settingOf(run)
    int seedIndex = 0;  ///< k: the seed is the session's + k
    std::uint64_t seed = 0;
    /// Epochs trained: the plan's epochs, or the last good epoch when training diverged.
    int epochs = 0;
    /// At that epoch, exactly as `activation-lab train` prints them (accuracies are NaN for
    /// regression).
    double trainLoss = 0, testLoss = 0, trainAccuracy = 0, testAccuracy = 0;
    /// The first epoch (0 = before training) whose test loss ≤ or test accuracy ≥ the target;
    /// -1 for never or no target.
    int epochsToTarget = -1;
    bool diverged = false;
    /// Hidden units whose f′ is 0 on every training point, in percent of all hidden units (0
    /// without hidden layers).
    double deadPercent = 0;
    /// ‖∂L/∂W‖ of the first hidden layer over that of the output layer in the last trained epoch
    /// (RMS over its updates, as train's grad_norm columns); NaN without hidden layers or before
    /// any epoch.
    double gradRatio = 0;
    /// Wall-clock seconds of the run; filled by whoever times it (0 from runOne). Not part of the
    /// deterministic record.
    double wallSeconds = 0;

    bool reachedTarget() const { return epochsToTarget >= 0; }
};

/// Trains run `run` of the plan. `stop`, when given, is asked before every epoch and between
/// mini-batches; when it returns true the run is abandoned and nothing is returned.
///
/// Every epoch evaluates the losses (the test loss for the target, and both losses so that
/// divergence is detected at the same epoch as `train`, which evaluates every epoch); the last
/// epoch is evaluated fully, as `train` does, so that the losses are identical to train's.
std::optional<RunResult> runOne(const SweepPlan& plan, int run,
                                const std::function<bool()>& stop = {});

/// Whether these metrics meet the target (false for TargetMetric::None).
bool meetsTarget(const SweepTarget& target, double testLoss, double testAccuracy);

}  // namespace actlab::sweep
