#include "sweep_run.h"

#include <cmath>
#include <limits>

namespace actlab::sweep {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

bool meetsTarget(const SweepTarget& target, double testLoss, double testAccuracy) {
    switch (target.metric) {
        case TargetMetric::TestLoss: return testLoss <= target.value;
        case TargetMetric::TestAccuracy: return testAccuracy >= target.value;
        case TargetMetric::None: break;
    }
    return false;
}

std::optional<RunResult> runOne(const SweepPlan& plan, int run, const std::function<bool()>& stop) {
    RunResult r;
    r.run = run;
    r.setting = plan.settingOf(run);
    r.seedIndex = plan.seedIndexOf(run);
    r.seed = plan.seedOf(run);

    nn::Trainer trainer = nn::makeTrainer(runSession(plan, run));
    // Asked between mini-batches too: an epoch of a large network with small batches can take
    // longer than a Cancel may.
    if (stop) trainer.setInterruption(stop);
    {
        const nn::EpochMetrics& m = trainer.latest();  // epoch 0, fully evaluated
        if (meetsTarget(plan.target, m.testLoss, m.testAccuracy)) r.epochsToTarget = 0;
    }
    for (int e = 1; e <= plan.epochs; ++e) {
        if (stop && stop()) return std::nullopt;
        // The test set every epoch, for the target. `train` (which evaluates fully every epoch)
        // stops at the first epoch whose loss is not finite; TestLoss stops at the same one,
        // evaluating the training set only when a bound from the weights cannot rule that out.
        // The per-layer statistics are only needed at the end.
        const nn::EpochMetrics& m =
            trainer.step(e == plan.epochs ? nn::Evaluation::Full : nn::Evaluation::TestLoss);
        if (trainer.interrupted()) return std::nullopt;
        if (trainer.diverged()) break;
        if (r.epochsToTarget < 0 && meetsTarget(plan.target, m.testLoss, m.testAccuracy))
            r.epochsToTarget = e;
        trainer.discardHistory();  // bounded memory: one epoch's metrics
    }
    r.diverged = trainer.diverged();
    r.epochs = trainer.epoch();
    const nn::EpochMetrics& last = trainer.latest();
    // A diverged run stays at its last good epoch, whose evaluation left out the statistics and
    // perhaps the training set: evaluate it fully again, so that the numbers are train's last
    // row. The gradient norms come from training.
    const nn::EpochMetrics full =
        r.diverged && r.epochs > 0 ? trainer.evaluate(nn::Evaluation::Full) : last;
    r.trainLoss = full.trainLoss;
    r.testLoss = full.testLoss;
    r.trainAccuracy = full.trainAccuracy;
    r.testAccuracy = full.testAccuracy;

    const nn::Mlp& net = trainer.network();
    const std::size_t hidden = net.spec().hidden.size();
    double dead = 0, units = 0;
    for (std::size_t l = 0; l < hidden; ++l) {
        const double n = net.layers()[l].out;
        dead += std::round(full.layers[l].deadFraction * n);
        units += n;
    }
    r.deadPercent = units > 0 ? 100.0 * dead / units : 0.0;
    r.gradRatio = hidden > 0 && r.epochs > 0
                      ? last.layers.front().gradNorm / last.layers.back().gradNorm
                      : kNaN;
    return r;
}

}  // namespace actlab::sweep
