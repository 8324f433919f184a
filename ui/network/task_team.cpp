#include "network/task_team.h"

#include <algorithm>

namespace actlab::ui {

TaskTeam::TaskTeam(int helpers) {
    for (int i = 0; i < helpers; ++i) m_threads.emplace_back([this] { work(); });
}

TaskTeam::~TaskTeam() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_start.notify_all();
    for (std::thread& t : m_threads) t.join();
}

int TaskTeam::helpersForThisMachine(int max) {
    const int cores = static_cast<int>(std::thread::hardware_concurrency());
    return std::clamp(cores - 1, 0, max);
}

void TaskTeam::run(int count, const std::function<void(int)>& task) {
    if (m_threads.empty() || count <= 1) {
        for (int i = 0; i < count; ++i) task(i);
        return;
    }
    {
        // The task and count are published under the mutex; helpers read them after waking,
        // which orders their reads after these writes.
        std::lock_guard lock(m_mutex);
        m_task = &task;
        m_count = count;
        m_next.store(0);
        m_busy = static_cast<int>(m_threads.size());
        ++m_generation;
    }
    m_start.notify_all();
    runTasks();
    std::unique_lock lock(m_mutex);
    m_done.wait(lock, [this] { return m_busy == 0; });
    m_task = nullptr;
}

void TaskTeam::runTasks() {
    for (;;) {
        const int i = m_next.fetch_add(1);
        if (i >= m_count) return;
        (*m_task)(i);
    }
}

void TaskTeam::work() {
    std::uint64_t seen = 0;
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_start.wait(lock, [&] { return m_stop || m_generation != seen; });
        if (m_stop) return;
        seen = m_generation;
        lock.unlock();
        runTasks();
        lock.lock();
        if (--m_busy == 0) m_done.notify_one();
    }
}

}  // namespace actlab::ui
