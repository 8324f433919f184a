// Statistics over seeds: quantiles against hand-computed values (NumPy's default method), the
// per-setting summaries, and the paired comparison with its bootstrap interval against the
// asymptotic standard error of a median.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "nn/session.h"
#include "sweep/sweep_stats.h"

namespace actlab::test {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(SweepStats, QuantilesInterpolateBetweenOrderStatistics) {
    // numpy.quantile([1, 2, 3, 4], [0.25, 0.5, 0.75]) = [1.75, 2.5, 3.25]
    const std::vector<double> v = {1, 2, 3, 4};
    EXPECT_EQ(sweep::quantileSorted(v, 0.25), 1.75);
    EXPECT_EQ(sweep::quantileSorted(v, 0.5), 2.5);
    EXPECT_EQ(sweep::quantileSorted(v, 0.75), 3.25);
    EXPECT_EQ(sweep::quantileSorted(v, 0), 1);
    EXPECT_EQ(sweep::quantileSorted(v, 1), 4);
    EXPECT_TRUE(std::isnan(sweep::quantileSorted({}, 0.5)));
    const std::vector<double> one = {7};
    EXPECT_EQ(sweep::quantileSorted(one, 0.9), 7);
}

TEST(SweepStats, SpreadIgnoresNaNAndKeepsInfinities) {
    const std::vector<double> v = {5, kNaN, 1, 3, 2, 4};
    const sweep::Spread s = sweep::spread(v);
    EXPECT_EQ(s.count, 5);
    EXPECT_EQ(s.median, 3);
    EXPECT_EQ(s.q1, 2);
    EXPECT_EQ(s.q3, 4);
    EXPECT_EQ(s.iqr(), 2);
    const std::vector<double> diverged = {0.1, kInf, kInf};
    EXPECT_EQ(sweep::spread(diverged).median, kInf);
    EXPECT_EQ(sweep::spread(diverged).q3, kInf);  // not inf − inf = NaN
    EXPECT_EQ(sweep::spread(diverged).q1, kInf);  // halfway from 0.1 to inf
    const std::vector<double> none = {kNaN};
    EXPECT_EQ(sweep::spread(none).count, 0);
    EXPECT_TRUE(std::isnan(sweep::spread(none).median));
}

sweep::RunResult result(int setting, int seedIndex, double testLoss, int epochsToTarget,
                        bool diverged = false) {
    sweep::RunResult r;
    r.setting = setting;
    r.seedIndex = seedIndex;
    r.testLoss = testLoss;
    r.trainLoss = testLoss;
    r.testAccuracy = 1 - testLoss;
    r.epochsToTarget = epochsToTarget;
    r.diverged = diverged;
    return r;
}

TEST(SweepStats, MetricValuesCountFailuresAsInfinite) {
    EXPECT_EQ(sweep::metricValue(result(0, 0, 0.3, 12), sweep::Metric::TestLoss), 0.3);
    EXPECT_EQ(sweep::metricValue(result(0, 0, 0.3, 12, true), sweep::Metric::TestLoss), kInf);
    EXPECT_EQ(sweep::metricValue(result(0, 0, 0.3, 12), sweep::Metric::EpochsToTarget), 12);
    EXPECT_EQ(sweep::metricValue(result(0, 0, 0.3, -1), sweep::Metric::EpochsToTarget), kInf);
    EXPECT_EQ(sweep::metricValue(result(0, 0, 0.3, -1), sweep::Metric::TestAccuracy), 0.7);
    EXPECT_TRUE(sweep::lowerIsBetter(sweep::Metric::EpochsToTarget));
    EXPECT_FALSE(sweep::lowerIsBetter(sweep::Metric::TestAccuracy));
}

sweep::SweepPlan twoSettingPlan(int seeds) {
    nn::Session s;
    s.network.hidden = {{4, "tanh", {}, nn::PReluMode::PerLayer}};
    sweep::SweepSettings settings;
    settings.vary = {{"activation", "tanh,relu"}};
    settings.seeds = seeds;
    sweep::PlanBuild b = sweep::makePlan(s, settings);
    EXPECT_TRUE(b.ok()) << b.error;
    return b.plan;
}

TEST(SweepStats, SummariesPerSettingCountSuccessesAndDivergence) {
    const sweep::SweepPlan p = twoSettingPlan(4);
    const std::vector<sweep::RunResult> results = {
        result(1, 0, 0.5, -1, true), result(0, 0, 0.1, 10), result(0, 1, 0.2, 20),
        result(0, 2, 0.3, -1),       result(1, 1, 0.4, 5),  result(0, 3, 0.4, 40)};
    const std::vector<sweep::SettingSummary> s =
        sweep::summarize(p, results, sweep::Metric::EpochsToTarget);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s[0].runs, 4);
    EXPECT_EQ(s[0].successes, 3);
    EXPECT_EQ(s[0].successRate(), 0.75);
    EXPECT_EQ(s[0].spread.median, 30);  // 10, 20, 40, inf
    EXPECT_EQ(s[0].spread.q1, 17.5);
    EXPECT_EQ(s[1].runs, 2);  // two runs not finished yet
    EXPECT_EQ(s[1].diverged, 1);
    EXPECT_EQ(s[1].successRate(), 0.5);
    EXPECT_EQ(sweep::summarize(p, results, sweep::Metric::TestLoss)[1].spread.median, kInf);
}

TEST(SweepStats, PairedComparisonCountsWinsAndTheMedianDifference) {
    const std::vector<double> a = {1, 2, 3, 4, 5, kNaN};
    const std::vector<double> b = {2, 2, 1, 5, 9, 1};
    const sweep::PairedComparison c = sweep::comparePaired(a, b, true);
    EXPECT_EQ(c.pairs, 5);  // the NaN pair is skipped
    EXPECT_EQ(c.wins, 3);   // 1 < 2, 4 < 5, 5 < 9
    EXPECT_EQ(c.losses, 1);
    EXPECT_EQ(c.ties, 1);
    EXPECT_EQ(c.medianDifference, -1);  // differences −1, 0, 2, −1, −4
    EXPECT_LE(c.low, c.medianDifference);
    EXPECT_GE(c.high, c.medianDifference);
    EXPECT_GE(c.low, -4);
    EXPECT_LE(c.high, 2);
    // Higher is better: the wins and losses swap.
    const sweep::PairedComparison h = sweep::comparePaired(a, b, false);
    EXPECT_EQ(h.wins, 1);
    EXPECT_EQ(h.losses, 3);
}

TEST(SweepStats, BootstrapIsDeterministicAndDegenerateForConstantDifferences) {
    const std::vector<double> a = {3, 1, 4, 1, 5, 9, 2, 6};
    const std::vector<double> b = {2, 7, 1, 8, 2, 8, 1, 8};
    const sweep::PairedComparison x = sweep::comparePaired(a, b, true);
    const sweep::PairedComparison y = sweep::comparePaired(a, b, true);
    EXPECT_EQ(x.low, y.low);
    EXPECT_EQ(x.high, y.high);
    const std::vector<double> shifted = {4, 2, 5, 2, 6, 10, 3, 7};
    const sweep::PairedComparison c = sweep::comparePaired(shifted, a, true);
    EXPECT_EQ(c.medianDifference, 1);
    EXPECT_EQ(c.low, 1);
    EXPECT_EQ(c.high, 1);
    EXPECT_EQ(c.losses, 8);
    // Infinite pairs: both never reached the target is a tie with difference 0.
    const std::vector<double> inf2 = {kInf, kInf}, fin = {kInf, 3};
    const sweep::PairedComparison i = sweep::comparePaired(inf2, fin, true);
    EXPECT_EQ(i.ties, 1);
    EXPECT_EQ(i.losses, 1);
    EXPECT_EQ(i.medianDifference, kInf);  // halfway from 0 to +inf
}

TEST(SweepStats, BootstrapIntervalMatchesTheMediansStandardError) {
    // Differences spread evenly over [0, 1]: the median is 0.5 and its asymptotic standard error
    // is 1 / (2·f(m)·√n) = 1 / (2√n) with density f = 1. The 95 % interval is about ±1.96 of that.
    const int n = 200;
    std::vector<double> a(n), b(n, 0.0);
    for (int i = 0; i < n; ++i) a[std::size_t(i)] = double(i) / (n - 1);
    const sweep::PairedComparison c = sweep::comparePaired(a, b, true);
    EXPECT_EQ(c.medianDifference, 0.5);
    const double halfWidth = 1.96 / (2 * std::sqrt(double(n)));
    EXPECT_NEAR(c.low, 0.5 - halfWidth, 0.3 * halfWidth);
    EXPECT_NEAR(c.high, 0.5 + halfWidth, 0.3 * halfWidth);
}

TEST(SweepStats, CompareSettingsPairsRunsBySeedIndex) {
    const sweep::SweepPlan p = twoSettingPlan(3);
    // Setting 0 (tanh) reaches the target sooner at every seed but one.
    const std::vector<sweep::RunResult> results = {
        result(0, 0, 0.1, 10), result(0, 1, 0.1, 30), result(0, 2, 0.1, 12),
        result(1, 2, 0.1, 20), result(1, 0, 0.1, 15), result(1, 1, 0.1, -1)};
    const sweep::PairedComparison c =
        sweep::compareSettings(p, results, 0, 1, sweep::Metric::EpochsToTarget);
    EXPECT_EQ(c.pairs, 3);
    EXPECT_EQ(c.wins, 3);  // 10 < 15, 30 < never, 12 < 20
    EXPECT_EQ(c.medianDifference, -8);  // −5, −inf, −8
}

}  // namespace
}  // namespace actlab::test
