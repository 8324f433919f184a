#include "network/training_worker.h"

#include <QMetaObject>
#include <QSocketNotifier>
#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

// Linux wakes the GUI thread through a pipe (see the constructor); elsewhere a queued signal.
#if defined(Q_OS_LINUX)
#include <fcntl.h>
#include <unistd.h>
#define ACTLAB_WAKE_PIPE 1
#else
#define ACTLAB_WAKE_PIPE 0
#endif

#include "activations/registry.h"
#include "network/task_team.h"
#include "network/training_member.h"
#include "nn/grid.h"
#include "nn/session_state.h"

namespace actlab::ui {

namespace {

using Clock = std::chrono::steady_clock;

/// At most this many helper threads: eight small networks do not gain from more.
constexpr int kMaxHelpers = 3;
/// The training in one frame takes about this long at most: the epochs per frame the user chose
/// are lowered when they would take longer, so that the picture keeps moving and every command
/// is answered soon. One epoch is the least a frame trains.
constexpr double kFrameWorkSeconds = 0.040;
constexpr int kGridParts = TrainingMember::kGridParts;

/// The data the trainers get: without test points, the training points stand in for them, so
/// that the test loss stays finite (the GUI then hides it).
nn::Dataset trainerData(const nn::Dataset& data) {
    nn::Dataset d = data;
    if (d.test.empty()) d.test = d.train;
    return d;
}

}  // namespace

class TrainingWorker::Engine {
public:
    using Command = std::function<void(Engine&)>;

    /// `notify` tells the GUI thread that a snapshot waits; it is called from the worker thread.
    explicit Engine(std::function<void()> notify)
        : m_notify(std::move(notify)), m_team(TaskTeam::helpersForThisMachine(kMaxHelpers)) {
        m_thread = std::thread([this] { loop(); });
    }

    ~Engine() {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_interrupt.store(true, std::memory_order_relaxed);
        m_wake.notify_all();
        m_thread.join();
    }

    /// Queues a command for the worker thread. An urgent one (pause, step, reset, new data or
    /// session) also interrupts the frame being trained, between two mini-batches: it is then
    /// answered within one mini-batch however long an epoch takes. The others (live settings)
    /// wait for the end of the frame, which the frame budget keeps short, so that dragging a
    /// slider never keeps abandoning a long epoch.
    void post(Command command, bool urgent = false) {
        {
            // The flag is raised under the lock, with the command: the worker clears it when it
            // takes the commands, so it can never outlive the command that raised it.
            std::lock_guard lock(m_mutex);
            m_commands.push_back(std::move(command));
            if (urgent) m_interrupt.store(true, std::memory_order_relaxed);
        }
        m_wake.notify_all();
    }

    std::shared_ptr<const TrainingSnapshot> take() {
        std::shared_ptr<TrainingSnapshot> snapshot;
        {
            std::lock_guard lock(m_mutex);
            snapshot = std::move(m_slot);
            m_slot.reset();
            m_notifyPending = false;
        }
        m_wake.notify_all();  // the worker may go on with the next frame
        return snapshot;
    }

    int threads() const { return m_team.size(); }

    // Commands: these run in the worker thread, between frames.

    void setSession(const nn::Session& session, const nn::Dataset& data, std::uint64_t id) {
        m_members.clear();
        m_sessionId = id;
        m_playing = false;
        m_remaining = 0;
        m_focus = 0;
        m_problem.clear();
        m_hasTrain = !data.train.empty();
        m_hasTest = !data.test.empty();
        m_numClasses = data.numClasses;
        try {
            if (std::string e = nn::validate(session); !e.empty()) throw std::invalid_argument(e);
            const nn::Dataset trainData = trainerData(data);
            std::vector<nn::CompareMember> members = session.compare;
            if (members.empty()) members.emplace_back();
            for (const nn::CompareMember& member : members) {
                const bool main = member.activation.empty();
                auto m = std::make_unique<TrainingMember>();
                m->activation = main ? std::string() : nn::memberLabel(member);
                // A saved training continues where it stopped (nn::networkSession moves a
                // member's stored state into its session); Reset goes back to epoch 0.
                const nn::Session s = nn::networkSession(session, main ? "main" : m->activation);
                const nn::Session untrained = nn::untrainedSession(s);
                m->initialNetwork = nn::sessionNetwork(untrained);
                m->seed = s.seed;
                if (s.epoch > 0 && s.weights) {
                    m->trainer = std::make_unique<nn::Trainer>(trainData, nn::sessionNetwork(s),
                                                               s.training, s.seed);
                    m->trainer->resume(s.epoch, s.optimizerState.value_or(nn::OptimizerMoments{}));
                    m->storedHistory = s.history;
                    m->resumed = true;
                } else {
                    m->trainer = std::make_unique<nn::Trainer>(trainData, m->initialNetwork,
                                                               s.training, s.seed);
                }
                m_members.push_back(std::move(m));
            }
        } catch (const std::exception& e) {
            m_members.clear();
            m_problem = e.what();
        }
        for (auto& m : m_members) {
            watch(*m);
            m->startOver();
        }
        m_secondsPerEpoch = 0;
        m_sessionStopAt = session.stopAtEpoch;
        m_stopAt = epoch() < m_sessionStopAt ? m_sessionStopAt : 0;
        m_dirty = true;
    }

    void setPlaying(bool on) {
        m_remaining = -1;
        play(on);
    }

    void train(int epochs) {
        m_remaining = std::max(0, epochs);
        play(m_remaining > 0);
    }

    void step() {
        m_playing = false;
        m_remaining = 0;
        levelOwed(m_members);
        if (!m_hasTrain) {
            m_dirty = true;
            return;
        }
        for (auto& m : m_members) m->resume();
        if (auto snapshot = buildSnapshot(1)) publish(std::move(snapshot));
        else m_dirty = true;  // interrupted by a newer command: shown after it
    }

    void reset() {
        m_playing = false;
        m_remaining = 0;
        for (auto& m : m_members) {
            m->backToStart();
            watch(*m);  // a new trainer
            m->startOver();
        }
        m_stopAt = m_sessionStopAt;
        m_dirty = true;
    }

    void setEpochsPerFrame(int epochs) { m_epochsPerFrame = std::clamp(epochs, 1, 10000); }

    void setFrameRate(double fps) {
        fps = std::clamp(fps, 1.0, 240.0);
        m_framePeriod =
            std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / fps));
    }

    void forEachTrainer(const std::function<void(nn::Trainer&)>& f) {
        for (auto& m : m_members) f(*m->trainer);
    }

    void setActivationParams(int layer, const std::string& activation, const ParamValues& p) {
        for (auto& m : m_members) {
            const nn::Mlp& net = m->trainer->network();
            if (layer < 0 || layer >= static_cast<int>(net.spec().hidden.size())) continue;
            const ActivationSpec* act = net.activationOf(layer);
            if (!act || act->id != activation) continue;
            m->trainer->setActivationParams(layer, p);
            m->latestFull = false;
        }
        if (!m_playing) m_dirty = true;
    }

    void setData(const nn::Dataset& data) {
        m_hasTrain = !data.train.empty();
        m_hasTest = !data.test.empty();
        const nn::Dataset trainData = trainerData(data);
        for (auto& m : m_members) {
            m->trainer->setData(trainData);
            m->latestFull = true;
        }
        m_secondsPerEpoch = 0;
        if (!m_hasTrain) m_playing = false;
        if (!m_playing) m_dirty = true;
    }

    void setFocus(int index) {
        m_focus = index;
        m_dirty = true;
    }

    void setGridSizes(int outputSize, int unitSize) {
        m_gridSize = std::clamp(outputSize, 2, 400);
        m_unitGridSize = std::clamp(unitSize, 2, 400);
        m_dirty = true;
    }

private:
    void loop() {
        for (;;) {
            std::deque<Command> commands;
            bool slotFree = false;
            {
                std::unique_lock lock(m_mutex);
                for (;;) {
                    if (m_stop) return;
                    if (!m_commands.empty()) break;
                    if (m_playing && !m_slot) {
                        if (Clock::now() >= m_nextFrame) break;
                        m_wake.wait_until(lock, m_nextFrame);
                    } else {
                        m_wake.wait(lock);
                    }
                }
                commands.swap(m_commands);
                slotFree = !m_slot;
                // Every urgent command posted so far is about to run.
                m_interrupt.store(false, std::memory_order_relaxed);
            }
            for (Command& c : commands) c(*this);
            // A frame only when the GUI has taken the previous one: training never runs more
            // than one frame ahead of what is shown.
            if (m_playing && slotFree && Clock::now() >= m_nextFrame) {
                const Clock::time_point now = Clock::now();
                m_nextFrame = std::max(m_nextFrame + m_framePeriod, now);
                int epochs = std::min(m_epochsPerFrame, affordableEpochs());
                if (m_remaining > 0) epochs = std::min(epochs, m_remaining);
                // A lesson's stopAtEpoch: the frame ends there and training pauses, once.
                const int at = epoch();
                if (m_stopAt > at) epochs = std::min(epochs, m_stopAt - at);
                auto snapshot = buildSnapshot(epochs);
                const int trained = epoch() - at;
                if (m_remaining > 0 && (m_remaining -= trained) <= 0) m_playing = false;
                if (m_stopAt > 0 && epoch() >= m_stopAt) {
                    m_playing = false;
                    m_stopAt = 0;
                }
                if (!snapshot) {
                    m_dirty = true;  // interrupted: the commands that did it run first
                    continue;
                }
                snapshot->playing = m_playing;
                publish(std::move(snapshot));
            } else if (m_dirty) {
                if (auto snapshot = buildSnapshot(0)) publish(std::move(snapshot));
            }
        }
    }

    /// The epoch of the networks (the furthest, should one have stopped on divergence).
    int epoch() const {
        int e = 0;
        for (const auto& m : m_members) e = std::max(e, m->trainer->epoch());
        return e;
    }

    /// Lets the member's trainer give up an epoch between mini-batches when an urgent command
    /// or the end of the worker is waiting.
    void watch(TrainingMember& m) {
        m.trainer->setInterruption(
            [this] { return m_interrupt.load(std::memory_order_relaxed); });
    }

    /// The epochs that fit in one frame's budget, from the cost of the epochs trained last.
    int affordableEpochs() const {
        if (m_secondsPerEpoch <= 0) return 1;  // not measured yet
        const double fit = kFrameWorkSeconds / m_secondsPerEpoch;
        return fit >= 10000 ? 10000 : std::max(1, static_cast<int>(fit));
    }

    void play(bool on) {
        if (on && (!m_hasTrain || m_members.empty())) on = false;
        if (on && !m_playing) m_nextFrame = Clock::now();
        if (on)
            for (auto& m : m_members) m->resume();
        else
            levelOwed(m_members);
        m_playing = on;
        m_dirty = true;  // the play state is part of the snapshot
    }

    /// Trains every network `epochs` epochs (in parallel) and fills a snapshot. Null when an
    /// urgent command interrupted the training: the networks keep what they trained, and their
    /// samples wait for the next snapshot.
    std::shared_ptr<TrainingSnapshot> buildSnapshot(int epochs) {
        auto snapshot = std::make_shared<TrainingSnapshot>();
        snapshot->sessionId = m_sessionId;
        snapshot->hasTrainingSet = m_hasTrain;
        snapshot->hasTestSet = m_hasTest;
        snapshot->epochsPerFrame = m_epochsPerFrame;
        snapshot->problem = m_problem;
        const int count = static_cast<int>(m_members.size());
        snapshot->focus = std::clamp(m_focus, 0, std::max(0, count - 1));
        snapshot->networks.resize(std::size_t(count));
        // Training, the costliest network first: activations differ several-fold in cost (GELU's
        // erf against ReLU), and a costly one started last would leave the other cores idle.
        std::vector<int> order(static_cast<std::size_t>(count));
        for (int i = 0; i < count; ++i) order[std::size_t(i)] = i;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return m_members[std::size_t(a)]->cost > m_members[std::size_t(b)]->cost;
        });
        if (epochs > 0) {
            const Clock::time_point start = Clock::now();
            m_team.run(count, [&](int i) {
                TrainingMember& m = *m_members[std::size_t(order[std::size_t(i)])];
                const Clock::time_point began = Clock::now();
                m.train(epochs);
                m.cost = std::chrono::duration<double>(Clock::now() - began).count();
            });
            if (m_interrupt.load(std::memory_order_relaxed)) return nullptr;
            // Seconds per epoch of the whole frame (its networks train side by side; one that
            // stopped on divergence trained none).
            const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
            int trained = 0;
            for (const auto& m : m_members) trained = std::max(trained, m->frameEpochs);
            if (trained > 0) m_secondsPerEpoch = seconds / trained;
        }
        m_team.run(count, [&](int k) {
            m_members[std::size_t(k)]->finish(snapshot->networks[std::size_t(k)],
                                              k == snapshot->focus, m_gridSize, m_unitGridSize);
        });
        // Then the grids, each cut into pieces so that one costly network's grid is shared by
        // the cores too, and the focused network's neuron thumbnails.
        // A network unchanged since its grids were computed reuses them.
        const int cells = m_gridSize * m_gridSize;
        const int tasks = count * kGridParts + (count > 0 ? 1 : 0);
        std::vector<char> reuse(std::size_t(count), 0);
        bool reuseUnits = false;
        for (int k = 0; k < count; ++k) {
            TrainingMember& m = *m_members[std::size_t(k)];
            NetworkFrame& f = snapshot->networks[std::size_t(k)];
            if ((reuse[std::size_t(k)] = m.outputCache.holds(f.network, m_gridSize)))
                f.outputGrid = m.outputCache.values;
            if (k == snapshot->focus && (reuseUnits = m.unitCache.holds(f.network, m_unitGridSize)))
                f.unitGrids = m.unitCache.values;
        }
        m_team.run(tasks, [&](int t) {
            if (t == 0) {
                if (reuseUnits) return;
                NetworkFrame& f = snapshot->networks[std::size_t(snapshot->focus)];
                m_members[std::size_t(snapshot->focus)]->grids.unitGrids(f.network, m_unitGridSize,
                                                                         f.unitGrids);
                return;
            }
            const int k = (t - 1) / kGridParts, part = (t - 1) % kGridParts;
            if (reuse[std::size_t(k)]) return;
            NetworkFrame& f = snapshot->networks[std::size_t(k)];
            m_members[std::size_t(k)]->parts[std::size_t(part)].outputGridRange(
                f.network, m_gridSize, f.outputGrid, cells * part / kGridParts,
                cells * (part + 1) / kGridParts);
        });
        for (int k = 0; k < count; ++k) {
            TrainingMember& m = *m_members[std::size_t(k)];
            const NetworkFrame& f = snapshot->networks[std::size_t(k)];
            if (!reuse[std::size_t(k)]) m.outputCache.keep(f.network, m_gridSize, f.outputGrid);
            if (k == snapshot->focus && !reuseUnits)
                m.unitCache.keep(f.network, m_unitGridSize, f.unitGrids);
        }
        m_team.run(count, [&](int k) { frameContour(snapshot->networks[std::size_t(k)], m_numClasses); });
        // A single network pauses when it diverges; side by side, the others go on until every
        // network has stopped.
        const bool allStopped = std::all_of(m_members.begin(), m_members.end(),
                                            [](const auto& m) { return m->trainer->diverged(); });
        if (count > 0 && allStopped) m_playing = false;
        snapshot->playing = m_playing;
        return snapshot;
    }

    void publish(std::shared_ptr<TrainingSnapshot> snapshot) {
        m_dirty = false;
        bool notify = false;
        {
            std::lock_guard lock(m_mutex);
            if (m_slot) mergeOlderSnapshot(*snapshot, std::move(*m_slot));
            m_slot = std::move(snapshot);
            notify = !m_notifyPending;
            m_notifyPending = true;
        }
        if (notify) m_notify();
    }

    std::function<void()> m_notify;

    // Shared with the GUI thread, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Command> m_commands;
    std::shared_ptr<TrainingSnapshot> m_slot;
    bool m_notifyPending = false;
    bool m_stop = false;
    /// Set by urgent commands and by the destructor; the trainers check it between mini-batches.
    std::atomic<bool> m_interrupt = false;

    // The worker thread's own state.
    std::vector<std::unique_ptr<TrainingMember>> m_members;
    std::uint64_t m_sessionId = 0;
    bool m_playing = false;
    bool m_dirty = false;
    int m_remaining = 0;  ///< epochs left for train(); −1 plays on
    int m_sessionStopAt = 0;  ///< the session's stopAtEpoch (0: none)
    int m_stopAt = 0;         ///< where playing pauses next; 0 once passed
    int m_epochsPerFrame = 1;
    double m_secondsPerEpoch = 0;  ///< the last frame's training time per epoch (0: unknown)
    Clock::duration m_framePeriod =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / 60.0));
    Clock::time_point m_nextFrame = Clock::now();
    int m_focus = 0;
    int m_gridSize = 100;
    int m_unitGridSize = 32;
    bool m_hasTrain = true, m_hasTest = true;
    int m_numClasses = 2;
    std::string m_problem;

    TaskTeam m_team;
    std::thread m_thread;  // last: it starts once everything else exists
};

TrainingWorker::TrainingWorker(QObject* parent) : QObject(parent) {
#if ACTLAB_WAKE_PIPE
    // The worker wakes the GUI thread through a pipe: one byte per snapshot, read by a socket
    // notifier in the GUI thread. Unlike a queued signal, nothing is allocated in one thread and
    // freed in the other, and ThreadSanitizer sees the hand-over (the snapshot itself travels
    // under the engine's mutex).
    if (::pipe2(m_wake, O_CLOEXEC | O_NONBLOCK) == 0) {
        m_notifier = new QSocketNotifier(m_wake[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char drain[64];
            while (::read(m_wake[0], drain, sizeof drain) > 0) {
            }
            emit snapshotReady();
        });
        const int fd = m_wake[1];
        m_engine = std::make_unique<Engine>([fd] {
            const char byte = 1;
            // A full pipe already holds a wake-up: nothing is lost when this write fails.
            [[maybe_unused]] const auto written = ::write(fd, &byte, 1);
        });
        return;
    }
#endif
    // Elsewhere (or without a pipe): a signal emitted in the worker thread, queued to this one.
    m_engine = std::make_unique<Engine>([this] {
        QMetaObject::invokeMethod(this, &TrainingWorker::snapshotReady, Qt::QueuedConnection);
    });
}

TrainingWorker::~TrainingWorker() {
    m_engine.reset();  // joins the thread: nothing writes to the pipe any more
#if ACTLAB_WAKE_PIPE
    if (m_notifier) {
        delete m_notifier;
        ::close(m_wake[0]);
        ::close(m_wake[1]);
    }
#endif
}

void TrainingWorker::setSession(const nn::Session& session, const nn::Dataset& data,
                                std::uint64_t sessionId) {
    m_engine->post(
        [session, data, sessionId](Engine& e) { e.setSession(session, data, sessionId); }, true);
}

void TrainingWorker::setPlaying(bool playing) {
    m_engine->post([playing](Engine& e) { e.setPlaying(playing); }, !playing);
}

void TrainingWorker::step() {
    m_engine->post([](Engine& e) { e.step(); }, true);
}

void TrainingWorker::train(int epochs) {
    m_engine->post([epochs](Engine& e) { e.train(epochs); });
}

void TrainingWorker::reset() {
    m_engine->post([](Engine& e) { e.reset(); }, true);
}

void TrainingWorker::setEpochsPerFrame(int epochs) {
    m_engine->post([epochs](Engine& e) { e.setEpochsPerFrame(epochs); });
}

void TrainingWorker::setFrameRate(double fps) {
    m_engine->post([fps](Engine& e) { e.setFrameRate(fps); });
}

void TrainingWorker::setLearningRate(double rate) {
    m_engine->post([rate](Engine& e) {
        e.forEachTrainer([rate](nn::Trainer& t) { t.setLearningRate(rate); });
    });
}

void TrainingWorker::setRegularization(nn::Regularization kind, double rate) {
    m_engine->post([kind, rate](Engine& e) {
        e.forEachTrainer([&](nn::Trainer& t) { t.setRegularization(kind, rate); });
    });
}

void TrainingWorker::setBatchSize(int size) {
    m_engine->post(
        [size](Engine& e) { e.forEachTrainer([size](nn::Trainer& t) { t.setBatchSize(size); }); });
}

void TrainingWorker::setActivationParams(int layer, const std::string& activation,
                                         const ParamValues& params) {
    m_engine->post([layer, activation, params](Engine& e) {
        e.setActivationParams(layer, activation, params);
    });
}

void TrainingWorker::setData(const nn::Dataset& data) {
    m_engine->post([data](Engine& e) { e.setData(data); }, true);
}

void TrainingWorker::setFocus(int index) {
    m_engine->post([index](Engine& e) { e.setFocus(index); });
}

void TrainingWorker::setGridSizes(int outputSize, int unitSize) {
    m_engine->post([outputSize, unitSize](Engine& e) { e.setGridSizes(outputSize, unitSize); });
}

std::shared_ptr<const TrainingSnapshot> TrainingWorker::takeSnapshot() {
    return m_engine->take();
}

int TrainingWorker::threadCount() const {
    return m_engine->threads();
}

}  // namespace actlab::ui
