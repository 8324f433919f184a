#pragma once
// Statistics over the seeds of a sweep: the median, quartiles and success rate of each setting,
// and paired comparisons of two settings seed by seed ("A beats B in k of N seeds") with the
// median paired difference and its bootstrap 95 % interval. Deterministic: the bootstrap draws
// from a fixed-seed generator. See docs/sweeps.md.

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "sweep_plan.h"
#include "sweep_run.h"

namespace actlab::sweep {

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

/// The p-quantile (p in [0, 1]) of sorted values, interpolated linearly between the order
/// statistics at position p·(n − 1) (R's and NumPy's default, "type 7"). NaN when empty.
double quantileSorted(std::span<const double> sorted, double p);

/// Median and quartiles of the values that are not NaN (±inf count as values).
struct Spread {
    int count = 0;
    double median = kNoValue, q1 = kNoValue, q3 = kNoValue;
    double iqr() const { return q3 - q1; }
};
Spread spread(std::span<const double> values);

/// What a statistic is taken of.
enum class Metric {
    TrainLoss,
    TestLoss,
    TrainAccuracy,
    TestAccuracy,
    EpochsToTarget,
    DeadPercent,
    GradRatio,
};
/// The CSV column of the metric ("test_loss", "epochs_to_target", "grad_ratio").
std::string_view metricId(Metric metric);
/// Losses, epochs and dead units: lower is better; accuracies: higher. The gradient ratio has no
/// better side; it is treated as lower-is-better (nearer to balanced from above).
bool lowerIsBetter(Metric metric);
/// A run's value for statistics: as recorded, except that a diverged run's losses count as +inf
/// (it did not finish training) and "never reached the target" counts as +inf epochs.
double metricValue(const RunResult& result, Metric metric);

struct SettingSummary {
    int setting = 0;
    int runs = 0;       ///< finished runs of this setting
    Spread spread;      ///< of the metric over those runs
    int successes = 0;  ///< runs that reached the target
    int diverged = 0;
    /// Successes over finished runs (NaN before any run finished).
    double successRate() const { return runs ? double(successes) / runs : kNoValue; }
};

/// One summary per setting, in setting order, over the finished runs in `results` (any order).
std::vector<SettingSummary> summarize(const SweepPlan& plan, std::span<const RunResult> results,
                                      Metric metric);

struct PairedComparison {
    int pairs = 0;   ///< seeds at which both values are known
    int wins = 0;    ///< seeds at which A is better than B
    int losses = 0;  ///< seeds at which B is better
    int ties = 0;
    double medianDifference = kNoValue;  ///< median of A − B over the pairs
    double low = kNoValue, high = kNoValue;  ///< its bootstrap 95 % interval
};

inline constexpr int kBootstrapResamples = 2000;
inline constexpr std::uint64_t kBootstrapSeed = 0x5eedb007;

/// Compares a[i] with b[i] (the same seed) for every i; pairs with a NaN are skipped. Equal values
/// (both +inf included) tie and differ by 0. The interval is the percentile bootstrap: the 2.5 %
/// and 97.5 % quantiles of the medians of `resamples` resamples of the pairs, drawn with
/// replacement from a generator seeded with `seed`.
PairedComparison comparePaired(std::span<const double> a, std::span<const double> b,
                               bool lowerIsBetter, int resamples = kBootstrapResamples,
                               std::uint64_t seed = kBootstrapSeed);

/// Compares two settings of a plan seed by seed (run k of A with run k of B) on a metric.
PairedComparison compareSettings(const SweepPlan& plan, std::span<const RunResult> results,
                                 int settingA, int settingB, Metric metric);

}  // namespace actlab::sweep
