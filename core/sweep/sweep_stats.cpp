#include "sweep_stats.h"

#include <algorithm>
#include <cmath>

#include "nn/rng.h"

namespace actlab::sweep {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// a − b, with equal values (two +inf included) differing by 0 rather than NaN.
double difference(double a, double b) { return a == b ? 0.0 : a - b; }

}  // namespace

double quantileSorted(std::span<const double> sorted, double p) {
    if (sorted.empty()) return kNoValue;
    const double position = p * double(sorted.size() - 1);
    const std::size_t lo = static_cast<std::size_t>(std::floor(position));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    const double frac = position - double(lo);
    // Written so that a run of equal values, infinite ones included, gives that value (inf − inf
    // would be NaN); between a finite and an infinite value the result is infinite.
    if (frac == 0 || sorted[lo] == sorted[hi]) return sorted[lo];
    return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
}

Spread spread(std::span<const double> values) {
    std::vector<double> v;
    for (double x : values)
        if (!std::isnan(x)) v.push_back(x);
    std::sort(v.begin(), v.end());
    Spread s;
    s.count = static_cast<int>(v.size());
    s.median = quantileSorted(v, 0.5);
    s.q1 = quantileSorted(v, 0.25);
    s.q3 = quantileSorted(v, 0.75);
    return s;
}

std::string_view metricId(Metric metric) {
    switch (metric) {
        case Metric::TrainLoss: return "train_loss";
        case Metric::TestLoss: return "test_loss";
        case Metric::TrainAccuracy: return "train_acc";
        case Metric::TestAccuracy: return "test_acc";
        case Metric::EpochsToTarget: return "epochs_to_target";
        case Metric::DeadPercent: return "dead_percent";
        case Metric::GradRatio: return "grad_ratio";
    }
    return "?";
}

bool lowerIsBetter(Metric metric) {
    return metric != Metric::TrainAccuracy && metric != Metric::TestAccuracy;
}

double metricValue(const RunResult& r, Metric metric) {
    switch (metric) {
        case Metric::TrainLoss: return r.diverged ? kInf : r.trainLoss;
        case Metric::TestLoss: return r.diverged ? kInf : r.testLoss;
        case Metric::TrainAccuracy: return r.trainAccuracy;
        case Metric::TestAccuracy: return r.testAccuracy;
        case Metric::EpochsToTarget: return r.reachedTarget() ? double(r.epochsToTarget) : kInf;
        case Metric::DeadPercent: return r.deadPercent;
        case Metric::GradRatio: return r.gradRatio;
    }
    return kNoValue;
}

std::vector<SettingSummary> summarize(const SweepPlan& plan, std::span<const RunResult> results,
                                      Metric metric) {
    const int settings = plan.settingCount();
    std::vector<SettingSummary> out(static_cast<std::size_t>(settings));
    std::vector<std::vector<double>> values(out.size());
    for (int s = 0; s < settings; ++s) out[std::size_t(s)].setting = s;
    for (const RunResult& r : results) {
        if (r.setting < 0 || r.setting >= settings) continue;
        SettingSummary& sum = out[std::size_t(r.setting)];
        ++sum.runs;
        sum.successes += r.reachedTarget();
        sum.diverged += r.diverged;
        values[std::size_t(r.setting)].push_back(metricValue(r, metric));
    }
    for (std::size_t s = 0; s < out.size(); ++s) out[s].spread = spread(values[s]);
    return out;
}

PairedComparison comparePaired(std::span<const double> a, std::span<const double> b,
                               bool lowerIsBetter, int resamples, std::uint64_t seed) {
    PairedComparison c;
    std::vector<double> diffs;
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i])) continue;
        ++c.pairs;
        if (a[i] == b[i])
            ++c.ties;
        else if ((a[i] < b[i]) == lowerIsBetter)
            ++c.wins;
        else
            ++c.losses;
        diffs.push_back(difference(a[i], b[i]));
    }
    if (diffs.empty()) return c;
    std::vector<double> sorted = diffs;
    std::sort(sorted.begin(), sorted.end());
    c.medianDifference = quantileSorted(sorted, 0.5);
    // Percentile bootstrap of the median: resample the pairs (not the two lists separately, which
    // would throw the pairing away).
    nn::Rng rng(seed);
    std::vector<double> medians, sample(diffs.size());
    medians.reserve(std::size_t(std::max(resamples, 1)));
    for (int k = 0; k < std::max(resamples, 1); ++k) {
        for (double& x : sample) x = diffs[rng.below(diffs.size())];
        std::sort(sample.begin(), sample.end());
        medians.push_back(quantileSorted(sample, 0.5));
    }
    std::sort(medians.begin(), medians.end());
    c.low = quantileSorted(medians, 0.025);
    c.high = quantileSorted(medians, 0.975);
    return c;
}

PairedComparison compareSettings(const SweepPlan& plan, std::span<const RunResult> results,
                                 int settingA, int settingB, Metric metric) {
    std::vector<double> a(std::size_t(plan.seeds), kNoValue), b(std::size_t(plan.seeds), kNoValue);
    for (const RunResult& r : results) {
        if (r.seedIndex < 0 || r.seedIndex >= plan.seeds) continue;
        if (r.setting == settingA) a[std::size_t(r.seedIndex)] = metricValue(r, metric);
        if (r.setting == settingB) b[std::size_t(r.seedIndex)] = metricValue(r, metric);
    }
    return comparePaired(a, b, lowerIsBetter(metric));
}

}  // namespace actlab::sweep
