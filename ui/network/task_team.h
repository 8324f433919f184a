#pragma once
// A few persistent threads that run one task on the indices 0 … count−1 together with the calling
// thread: the networks of a compare frame train in parallel without starting threads per frame.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace actlab::ui {

/// A fork-join team of helper threads.
class TaskTeam {
public:
    /// A team with `helpers` threads besides the caller (0: everything runs in the caller).
    explicit TaskTeam(int helpers);
    /// Joins the helpers. Must not be called while run() is in progress.
    ~TaskTeam();
    TaskTeam(const TaskTeam&) = delete;
    TaskTeam& operator=(const TaskTeam&) = delete;

    /// Calls task(i) for every i in [0, count) on the caller and the helpers, each index once,
    /// and returns when all calls have returned. Tasks must not throw.
    void run(int count, const std::function<void(int)>& task);
    /// Threads that run tasks: the helpers and the caller.
    int size() const { return static_cast<int>(m_threads.size()) + 1; }

    /// Helpers for this machine: one fewer than its cores, at most `max`.
    static int helpersForThisMachine(int max);

private:
    void work();
    void runTasks();

    std::mutex m_mutex;
    std::condition_variable m_start, m_done;
    const std::function<void(int)>* m_task = nullptr;
    int m_count = 0;
    std::atomic<int> m_next{0};
    int m_busy = 0;
    std::uint64_t m_generation = 0;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

}  // namespace actlab::ui
