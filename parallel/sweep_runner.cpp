#include "sweep_runner.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace actlab::parallel {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

SweepRunner::~SweepRunner() {
    cancel();
    wait();
}

int SweepRunner::defaultThreads() {
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

void SweepRunner::start(sweep::SweepPlan plan, int threads, Callbacks callbacks) {
    cancel();
    wait();
    m_plan = std::move(plan);
    m_callbacks = std::move(callbacks);
    const int total = m_plan.runCount();
    const int workers = std::clamp(threads, 1, std::max(1, total));
    {
        std::lock_guard lock(m_mutex);
        m_results.assign(static_cast<std::size_t>(total), std::nullopt);
        m_fresh.clear();
        m_done = 0;
        m_active = workers;
        m_idle = false;
        m_cancelled = false;
        m_start = std::chrono::steady_clock::now();
    }
    m_next = 0;
    m_cancel = false;
    for (int i = 0; i < workers; ++i) m_threads.emplace_back(&SweepRunner::work, this);
}

void SweepRunner::cancel() { m_cancel = true; }

void SweepRunner::wait() {
    for (std::thread& t : m_threads) t.join();
    m_threads.clear();
}

bool SweepRunner::waitFor(std::chrono::milliseconds timeout) {
    {
        std::unique_lock lock(m_mutex);
        if (!m_stopped.wait_for(lock, timeout, [this] { return m_idle; })) return false;
    }
    wait();  // the workers have left their loops: joining them is immediate
    return true;
}

bool SweepRunner::running() const {
    std::lock_guard lock(m_mutex);
    return !m_idle;
}

bool SweepRunner::complete() const {
    std::lock_guard lock(m_mutex);
    return m_idle && m_done == m_plan.runCount();
}

SweepProgress SweepRunner::progress() const {
    std::lock_guard lock(m_mutex);
    return progressLocked();
}

SweepProgress SweepRunner::progressLocked() const {
    SweepProgress p;
    p.done = m_done;
    p.total = static_cast<int>(m_results.size());
    p.elapsedSeconds = m_active > 0 ? secondsSince(m_start) : m_elapsedAtEnd;
    p.remainingSeconds = m_done > 0 ? p.elapsedSeconds * (p.total - m_done) / m_done
                                    : std::numeric_limits<double>::quiet_NaN();
    p.finished = m_active == 0;
    p.cancelled = m_cancelled;
    return p;
}

std::vector<sweep::RunResult> SweepRunner::results() const {
    std::lock_guard lock(m_mutex);
    std::vector<sweep::RunResult> out;
    for (const auto& r : m_results)
        if (r) out.push_back(*r);
    return out;
}

std::vector<sweep::RunResult> SweepRunner::takeFinished() {
    std::lock_guard lock(m_mutex);
    std::sort(m_fresh.begin(), m_fresh.end());
    std::vector<sweep::RunResult> out;
    for (int run : m_fresh) out.push_back(*m_results[std::size_t(run)]);
    m_fresh.clear();
    return out;
}

void SweepRunner::work() {
    const int total = m_plan.runCount();
    const std::function<bool()> stop = [this] { return m_cancel.load(std::memory_order_relaxed); };
    while (!stop()) {
        const int run = m_next.fetch_add(1);
        if (run >= total) break;
        const auto start = std::chrono::steady_clock::now();
        std::optional<sweep::RunResult> r = sweep::runOne(m_plan, run, stop);
        if (!r) break;  // cancelled mid-run: no record
        r->wallSeconds = secondsSince(start);
        // The callbacks run one at a time, in the order the state changed, outside the state
        // lock (so that they may ask the runner for its results).
        std::lock_guard callbackLock(m_callbackMutex);
        SweepProgress p;
        {
            std::lock_guard lock(m_mutex);
            m_results[std::size_t(run)] = *r;
            m_fresh.push_back(run);
            ++m_done;
            p = progressLocked();
        }
        if (m_callbacks.result) m_callbacks.result(*r);
        if (m_callbacks.progress) m_callbacks.progress(p);
    }
    std::lock_guard callbackLock(m_callbackMutex);
    SweepProgress p;
    {
        std::lock_guard lock(m_mutex);
        if (--m_active > 0) return;
        m_elapsedAtEnd = secondsSince(m_start);
        m_cancelled = m_done < total;
        p = progressLocked();
    }
    if (m_callbacks.finished) m_callbacks.finished(p);
    {
        std::lock_guard lock(m_mutex);
        m_idle = true;
    }
    m_stopped.notify_all();
}

std::optional<std::vector<sweep::RunResult>> runSweep(
    const sweep::SweepPlan& plan, int threads,
    const std::function<void(const SweepProgress&)>& progress, const std::atomic<bool>* cancel) {
    SweepRunner runner;
    runner.start(plan, threads, {nullptr, progress, nullptr});
    while (!runner.waitFor(std::chrono::milliseconds(10)))
        if (cancel && cancel->load()) runner.cancel();
    if (!runner.complete()) return std::nullopt;
    return runner.results();
}

}  // namespace actlab::parallel
