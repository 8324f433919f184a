// The sweep thread pool: results independent of the thread count and finishing order, live
// streaming of finished runs, callbacks, and cancellation that leaves only whole records.

#include <gtest/gtest.h>

#include <atomic>
#include <set>

#include "nn/session.h"
#include "parallel/sweep_runner.h"
#include "sweep/sweep_csv.h"

namespace actlab::test {
namespace {

sweep::SweepPlan makeSmallPlan(int seeds, int epochs, const std::string& lrs = "0.01,0.1,3") {
    nn::Session s;
    s.seed = 9;
    s.generator.kind = nn::DatasetKind::Xor;
    s.generator.numPoints = 80;
    s.generator.seed = 9;
    s.network.hidden = {{4, "relu", {}, nn::PReluMode::PerLayer},
                        {3, "tanh", {}, nn::PReluMode::PerLayer}};
    s.init = nn::InitKind::He;
    s.training.batchSize = 5;
    sweep::SweepSettings settings;
    settings.vary = {{"lr", lrs}};
    settings.seeds = seeds;
    settings.epochs = epochs;
    settings.target = {sweep::TargetMetric::TestAccuracy, 0.8};
    sweep::PlanBuild b = sweep::makePlan(s, settings);
    EXPECT_TRUE(b.ok()) << b.error;
    return b.plan;
}

TEST(SweepRunner, ResultsDoNotDependOnTheThreadCount) {
    const sweep::SweepPlan plan = makeSmallPlan(4, 12);
    std::string sequential = sweep::csvHeader(plan);
    for (int run = 0; run < plan.runCount(); ++run)
        sequential += sweep::csvRow(plan, *sweep::runOne(plan, run));
    for (int threads : {1, 2, 3, 7}) {
        const auto results = parallel::runSweep(plan, threads);
        ASSERT_TRUE(results.has_value());
        ASSERT_EQ(int(results->size()), plan.runCount());
        for (int run = 0; run < plan.runCount(); ++run)
            EXPECT_EQ((*results)[std::size_t(run)].run, run);
        EXPECT_EQ(sweep::sweepCsv(plan, *results), sequential) << threads << " threads";
    }
}

TEST(SweepRunner, FormulaLayersGiveTheSameResultsOnEveryThreadCount) {
    // Formula rows are shared between the runs' networks on all threads (one compiled program,
    // reference-counted rows): the results must not depend on how runs are spread.
    nn::Session s;
    s.seed = 4;
    s.generator.kind = nn::DatasetKind::Circle;
    s.generator.numPoints = 80;
    s.generator.seed = 4;
    nn::LayerSpec swish{5, "formula", {1.0}, nn::PReluMode::PerLayer};
    swish.formula = "x*sigmoid(b*x)";
    nn::LayerSpec snake{3, "formula", {1.0}, nn::PReluMode::PerLayer};
    snake.formula = "x + sin(a*x)^2/a";
    s.network.hidden = {swish, snake};
    s.training.batchSize = 5;
    sweep::SweepSettings settings;
    settings.vary = {{"param.b", "0.5,1,2"}, {"param.a", "0.5,2"}};
    settings.seeds = 2;
    settings.epochs = 5;
    sweep::PlanBuild b = sweep::makePlan(s, settings);
    ASSERT_TRUE(b.ok()) << b.error;
    std::string sequential = sweep::csvHeader(b.plan);
    for (int run = 0; run < b.plan.runCount(); ++run)
        sequential += sweep::csvRow(b.plan, *sweep::runOne(b.plan, run));
    for (int threads : {2, 3}) {
        const auto results = parallel::runSweep(b.plan, threads);
        ASSERT_TRUE(results.has_value());
        EXPECT_EQ(sweep::sweepCsv(b.plan, *results), sequential) << threads << " threads";
    }
}

TEST(SweepRunner, StreamsEveryRunOnceWithCallbacksAndPolling) {
    const sweep::SweepPlan plan = makeSmallPlan(5, 6);
    std::mutex m;
    std::vector<int> seen;
    std::vector<int> doneCounts;
    std::atomic<int> finishedCalls{0};
    parallel::SweepProgress last;
    parallel::SweepRunner runner;
    runner.start(plan, 2,
                 {[&](const sweep::RunResult& r) {
                      std::lock_guard lock(m);
                      seen.push_back(r.run);
                  },
                  [&](const parallel::SweepProgress& p) {
                      std::lock_guard lock(m);
                      doneCounts.push_back(p.done);
                  },
                  [&](const parallel::SweepProgress& p) {
                      ++finishedCalls;
                      last = p;
                  }});
    std::set<int> polled;
    while (!runner.waitFor(std::chrono::milliseconds(1))) {
        const std::vector<sweep::RunResult> batch = runner.takeFinished();
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (i) {
                EXPECT_LT(batch[i - 1].run, batch[i].run);  // each batch in run order
            }
            EXPECT_TRUE(polled.insert(batch[i].run).second);   // and never twice
        }
    }
    for (const sweep::RunResult& r : runner.takeFinished())
        EXPECT_TRUE(polled.insert(r.run).second);
    EXPECT_EQ(int(polled.size()), plan.runCount());
    EXPECT_EQ(std::set<int>(seen.begin(), seen.end()).size(), std::size_t(plan.runCount()));
    EXPECT_EQ(int(seen.size()), plan.runCount());
    ASSERT_EQ(int(doneCounts.size()), plan.runCount());
    for (std::size_t i = 0; i < doneCounts.size(); ++i) EXPECT_EQ(doneCounts[i], int(i) + 1);
    EXPECT_EQ(finishedCalls.load(), 1);
    EXPECT_TRUE(last.finished);
    EXPECT_FALSE(last.cancelled);
    EXPECT_EQ(last.done, plan.runCount());
    EXPECT_TRUE(runner.complete());
    EXPECT_FALSE(runner.running());
    for (const sweep::RunResult& r : runner.results()) EXPECT_GE(r.wallSeconds, 0.0);
}

TEST(SweepRunner, CancelStopsTheWorkersAndKeepsOnlyWholeRecords) {
    // Long enough that it cannot finish before the cancel: 600 runs of 2000 epochs.
    const sweep::SweepPlan plan = makeSmallPlan(200, 2000);
    parallel::SweepRunner runner;
    std::atomic<int> results{0};
    parallel::SweepProgress end;
    runner.start(plan, 2,
                 {[&](const sweep::RunResult&) { ++results; }, nullptr,
                  [&](const parallel::SweepProgress& p) { end = p; }});
    while (results.load() < 2) std::this_thread::yield();
    runner.cancel();
    runner.wait();
    EXPECT_FALSE(runner.running());
    EXPECT_FALSE(runner.complete());
    EXPECT_TRUE(end.cancelled);
    EXPECT_TRUE(end.finished);
    const std::vector<sweep::RunResult> kept = runner.results();
    EXPECT_GE(kept.size(), 2u);
    EXPECT_LT(int(kept.size()), plan.runCount());
    EXPECT_EQ(int(kept.size()), runner.progress().done);
    // What was kept is exactly what an uninterrupted run gives: no half-trained record.
    const std::string kept0 = sweep::csvRow(plan, kept.front());
    EXPECT_EQ(kept0, sweep::csvRow(plan, *sweep::runOne(plan, kept.front().run)));
    // The runner can start again afterwards.
    const sweep::SweepPlan small = makeSmallPlan(1, 2);
    runner.start(small, 2);
    runner.wait();
    EXPECT_TRUE(runner.complete());
    EXPECT_EQ(int(runner.results().size()), small.runCount());
}

TEST(SweepRunner, RunSweepGivesNothingWhenCancelled) {
    const sweep::SweepPlan plan = makeSmallPlan(200, 2000);
    std::atomic<bool> cancel{false};
    std::atomic<int> progressCalls{0};
    const auto results = parallel::runSweep(plan, 2,
                                            [&](const parallel::SweepProgress&) {
                                                if (++progressCalls >= 1) cancel = true;
                                            },
                                            &cancel);
    EXPECT_FALSE(results.has_value());
}

TEST(SweepRunner, DestroyingABusyRunnerCancelsIt) {
    const sweep::SweepPlan plan = makeSmallPlan(200, 2000);
    std::atomic<int> results{0};
    {
        parallel::SweepRunner runner;
        runner.start(plan, 2, {[&](const sweep::RunResult&) { ++results; }, nullptr, nullptr});
        while (results.load() < 1) std::this_thread::yield();
    }  // returns: the workers stopped within an epoch
    EXPECT_LT(results.load(), plan.runCount());
}

}  // namespace
}  // namespace actlab::test
