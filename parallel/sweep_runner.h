#pragma once
// Runs the runs of a sweep plan on a pool of threads. The core computes each run
// (sweep::runOne, deterministic); this class only hands out run indices, times the runs and
// collects their records, so the results never depend on the thread count or the finishing
// order. Standard C++ only (std::thread), for the command line and the GUI alike.
//
// Typical use from a GUI: start() with callbacks that post to the GUI thread (they are called on
// the worker threads), or poll takeFinished() and progress() from a timer; cancel() on the Cancel
// button. Workers look at the cancel flag between mini-batches, so they stop within one
// mini-batch or one evaluation of the data (milliseconds even for the largest network).

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "sweep/sweep_plan.h"
#include "sweep/sweep_run.h"

namespace actlab::parallel {

struct SweepProgress {
    int done = 0;   ///< finished runs
    int total = 0;  ///< runs in the plan
    double elapsedSeconds = 0;
    /// Estimated seconds left (elapsed × remaining / done); NaN before the first run finishes.
    double remainingSeconds = 0;
    bool finished = false;   ///< every worker has stopped (complete or cancelled)
    bool cancelled = false;  ///< cancel() was called before the last run finished
};

class SweepRunner {
public:
    struct Callbacks {
        /// After each finished run, with its record, in finishing order. Called on a worker
        /// thread, one call at a time; keep it short (post the record to your own thread). The
        /// callbacks may read the runner (results(), progress()) and cancel() it, but not
        /// start() or wait() on it.
        std::function<void(const sweep::RunResult&)> result;
        /// After each finished run (after `result`), same thread rules.
        std::function<void(const SweepProgress&)> progress;
        /// Once, when the last worker stops (complete or cancelled), on that worker's thread.
        std::function<void(const SweepProgress&)> finished;
    };

    SweepRunner() = default;
    /// Cancels and waits for the workers.
    ~SweepRunner();
    SweepRunner(const SweepRunner&) = delete;
    SweepRunner& operator=(const SweepRunner&) = delete;

    /// Starts running `plan` on `threads` threads (at least 1, at most the number of runs) and
    /// returns at once. A runner that is still busy is cancelled and waited for first.
    void start(sweep::SweepPlan plan, int threads, Callbacks callbacks = {});
    /// Asks the workers to stop; returns at once. Runs in progress are abandoned at their next
    /// mini-batch and leave no record.
    void cancel();
    /// Blocks until every worker has stopped.
    void wait();
    /// Blocks until every worker has stopped or `timeout` passed; true when they have stopped.
    bool waitFor(std::chrono::milliseconds timeout);

    bool running() const;
    /// True once every run of the plan has finished (and not cancelled).
    bool complete() const;
    SweepProgress progress() const;
    const sweep::SweepPlan& plan() const { return m_plan; }
    /// The finished runs, ordered by run index.
    std::vector<sweep::RunResult> results() const;
    /// The runs finished since the last call, ordered by run index (for live views).
    std::vector<sweep::RunResult> takeFinished();

    /// The number of threads used when none is asked for: the hardware's, at least 1.
    static int defaultThreads();

private:
    void work();
    SweepProgress progressLocked() const;

    sweep::SweepPlan m_plan;
    Callbacks m_callbacks;
    std::vector<std::thread> m_threads;
    std::atomic<int> m_next{0};
    std::atomic<bool> m_cancel{false};

    std::mutex m_callbackMutex;  ///< serialises the callbacks (taken before m_mutex)
    mutable std::mutex m_mutex;  ///< guards everything below
    std::condition_variable m_stopped;
    std::vector<std::optional<sweep::RunResult>> m_results;
    std::vector<int> m_fresh;  ///< runs finished since the last takeFinished()
    int m_done = 0;
    int m_active = 0;     ///< workers still in their loop
    bool m_idle = true;   ///< no workers, or all stopped and `finished` called
    bool m_cancelled = false;
    std::chrono::steady_clock::time_point m_start;
    double m_elapsedAtEnd = 0;
};

/// Runs the whole plan on `threads` threads and waits. The results are in run order; empty when
/// `cancel` (if given) became true first. `progress` is called as SweepRunner's.
std::optional<std::vector<sweep::RunResult>> runSweep(
    const sweep::SweepPlan& plan, int threads,
    const std::function<void(const SweepProgress&)>& progress = {},
    const std::atomic<bool>* cancel = nullptr);

}  // namespace actlab::parallel
