#include "training_worker.h"

#include <QMetaObject>
#include <QSocketNotifier>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

#include "activations/registry.h"
#include "nn/grid.h"
#include "task_team.h"

namespace actlab::ui {

namespace {

using Clock = std::chrono::steady_clock;

/// At most this many helper threads: eight small networks do not gain from more.
constexpr int kMaxHelpers = 3;
/// Losses are evaluated for at most about this many epochs of a frame: evaluating every epoch
/// would cost as much as training it.
constexpr int kSamplesPerFrame = 4;
/// Each output grid is computed in this many pieces, in parallel.
constexpr int kGridParts = 4;

/// The smallest power of two ≥ n.
int powerOfTwoAtLeast(int n) {
    int p = 1;
    while (p < n) p *= 2;
    return p;
}

/// One network and what the worker tracks about it between snapshots.
struct Member {
    std::string activation;
    std::unique_ptr<nn::Trainer> trainer;
    nn::GridEvaluator grids;                          ///< unit grids
    std::array<nn::GridEvaluator, kGridParts> parts;  ///< the pieces of the output grid
    double cost = 0;                                  ///< seconds its last frame of training took
    /// Squared gradient norms per layer since the last sample, and over the last frame.
    std::vector<double> windowGradSq, frameGradSq;
    int windowEpochs = 0, frameEpochs = 0;
    std::vector<double> recentGradNorm;
    std::vector<MetricSample> samples;  ///< since the last snapshot
    bool restart = true;
    /// trainer->latest() holds a full evaluation at the current weights.
    bool latestFull = true;
    int divergedAt = 0;
    double divergedRate = 0;

    void clearWindows() {
        const std::size_t layers = trainer->network().layers().size();
        windowGradSq.assign(layers, 0.0);
        frameGradSq.assign(layers, 0.0);
        recentGradNorm.assign(layers, MetricSample::kNaN);
        windowEpochs = frameEpochs = 0;
    }
};

/// The mean learned PReLU weight of each hidden layer (NaN where there is none).
std::vector<double> learnedWeights(const nn::Mlp& net) {
    const int hidden = static_cast<int>(net.spec().hidden.size());
    std::vector<double> out(std::size_t(hidden), MetricSample::kNaN);
    for (int l = 0; l < hidden; ++l) {
        const std::vector<double>& w = net.layers()[std::size_t(l)].learnable;
        if (w.empty()) continue;
        double sum = 0;
        for (double v : w) sum += v;
        out[std::size_t(l)] = sum / static_cast<double>(w.size());
    }
    return out;
}

MetricSample sampleOf(const nn::EpochMetrics& m, const nn::Mlp& net) {
    MetricSample s;
    s.epoch = m.epoch;
    s.trainLoss = m.trainLoss;
    s.testLoss = m.testLoss;
    s.trainAccuracy = m.trainAccuracy;
    s.testAccuracy = m.testAccuracy;
    s.learnable = learnedWeights(net);
    return s;
}

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
        m_wake.notify_all();
        m_thread.join();
    }

    void post(Command command) {
        {
            std::lock_guard lock(m_mutex);
            m_commands.push_back(std::move(command));
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
            std::vector<std::string> ids = session.compare;
            if (ids.empty()) ids.emplace_back();
            for (const std::string& id : ids) {
                const nn::Session s = id.empty() ? session : nn::compareMember(session, id);
                auto m = std::make_unique<Member>();
                m->activation = id;
                m->trainer = std::make_unique<nn::Trainer>(trainData, nn::sessionNetwork(s),
                                                           s.training, s.seed);
                m_members.push_back(std::move(m));
            }
        } catch (const std::exception& e) {
            m_members.clear();
            m_problem = e.what();
        }
        for (auto& m : m_members) startOver(*m);
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
        if (!m_hasTrain) {
            m_dirty = true;
            return;
        }
        for (auto& m : m_members) resume(*m);
        publish(buildSnapshot(1));
    }

    void reset() {
        m_playing = false;
        m_remaining = 0;
        for (auto& m : m_members) {
            m->trainer->reset();
            startOver(*m);
        }
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
            }
            for (Command& c : commands) c(*this);
            // A frame only when the GUI has taken the previous one: training never runs more
            // than one frame ahead of what is shown.
            if (m_playing && slotFree && Clock::now() >= m_nextFrame) {
                const Clock::time_point now = Clock::now();
                m_nextFrame = std::max(m_nextFrame + m_framePeriod, now);
                const int epochs =
                    m_remaining > 0 ? std::min(m_epochsPerFrame, m_remaining) : m_epochsPerFrame;
                auto snapshot = buildSnapshot(epochs);
                if (m_remaining > 0 && (m_remaining -= epochs) == 0) m_playing = false;
                snapshot->playing = m_playing;
                publish(std::move(snapshot));
            } else if (m_dirty) {
                publish(buildSnapshot(0));
            }
        }
    }

    void play(bool on) {
        if (on && (!m_hasTrain || m_members.empty())) on = false;
        if (on && !m_playing) m_nextFrame = Clock::now();
        if (on)
            for (auto& m : m_members) resume(*m);
        m_playing = on;
        m_dirty = true;  // the play state is part of the snapshot
    }

    /// Continues a diverged network from its last good state (the user lowered the rate).
    static void resume(Member& m) {
        if (!m.trainer->diverged()) return;
        m.trainer->clearDivergence();
        m.divergedAt = 0;
    }

    /// After a new session or a reset: the charts start over at epoch 0.
    static void startOver(Member& m) {
        m.clearWindows();
        m.samples.clear();
        m.restart = true;
        m.latestFull = true;
        m.divergedAt = 0;
        m.trainer->discardHistory();
        m.samples.push_back(sampleOf(m.trainer->latest(), m.trainer->network()));
        m.samples.back().gradNorm = m.recentGradNorm;
    }

    /// Trains `epochs` epochs: a full evaluation for the last, losses only where a sample is
    /// taken, and nothing else for the others (the cost of evaluating would otherwise rival the
    /// cost of training).
    void trainMember(Member& m, int epochs) {
        nn::Trainer& t = *m.trainer;
        std::fill(m.frameGradSq.begin(), m.frameGradSq.end(), 0.0);
        m.frameEpochs = 0;
        // Both strides are powers of two, so the samples stay on the grid that thinSamples keeps.
        const int frameStride = powerOfTwoAtLeast(epochs / kSamplesPerFrame);
        for (int e = 0; e < epochs && !t.diverged(); ++e) {
            const int next = t.epoch() + 1;
            const bool sampled = next % std::max(sampleStride(next), frameStride) == 0;
            const nn::Evaluation evaluation = e + 1 == epochs ? nn::Evaluation::Full
                                              : sampled       ? nn::Evaluation::Loss
                                                              : nn::Evaluation::None;
            const nn::EpochMetrics& metrics = t.step(evaluation);
            if (t.diverged()) {
                m.divergedAt = next;
                m.divergedRate = t.config().learningRate;
                m.latestFull = false;
                break;
            }
            m.latestFull = evaluation == nn::Evaluation::Full;
            for (std::size_t l = 0; l < metrics.layers.size(); ++l) {
                const double g = metrics.layers[l].gradNorm;
                m.windowGradSq[l] += g * g;
                m.frameGradSq[l] += g * g;
            }
            ++m.windowEpochs;
            ++m.frameEpochs;
            if (sampled) {
                MetricSample s = sampleOf(metrics, t.network());
                s.gradNorm.resize(m.windowGradSq.size());
                for (std::size_t l = 0; l < s.gradNorm.size(); ++l)
                    s.gradNorm[l] = std::sqrt(m.windowGradSq[l] / m.windowEpochs);
                std::fill(m.windowGradSq.begin(), m.windowGradSq.end(), 0.0);
                m.windowEpochs = 0;
                m.samples.push_back(std::move(s));
            }
        }
        if (m.frameEpochs > 0)
            for (std::size_t l = 0; l < m.frameGradSq.size(); ++l)
                m.recentGradNorm[l] = std::sqrt(m.frameGradSq[l] / m.frameEpochs);
        t.discardHistory();  // the samples are the record; the trainer's would grow without end
    }

    /// Fills one network's frame but for its grids: metrics, weights and the samples since the
    /// last frame.
    void finishMember(Member& m, NetworkFrame& f, bool focused) {
        nn::Trainer& t = *m.trainer;
        f.activation = m.activation;
        f.epoch = t.epoch();
        f.metrics = m.latestFull ? t.latest() : t.evaluate(nn::Evaluation::Full);
        f.recentGradNorm = m.recentGradNorm;
        f.network = t.network();
        f.gridSize = m_gridSize;
        f.outputGrid.resize(std::size_t(m_gridSize) * std::size_t(m_gridSize));
        if (focused) {
            f.unitGridSize = m_unitGridSize;
            f.unitGrids.resize(std::size_t(nn::GridEvaluator::unitCount(f.network)) *
                               std::size_t(m_unitGridSize) * std::size_t(m_unitGridSize));
        }
        f.samples = std::move(m.samples);
        m.samples.clear();
        f.samplesRestart = m.restart;
        m.restart = false;
        f.divergedAt = m.divergedAt;
        f.divergedLearningRate = m.divergedRate;
    }

    /// The decision threshold of the output, or the class borders.
    void contour(NetworkFrame& f) const {
        const nn::OutputKind kind = f.network.spec().output;
        if (kind == nn::OutputKind::SoftmaxCe) {
            nn::classBorderSegments(f.outputGrid, f.gridSize, f.network.spec().outputs, f.contour);
        } else if (m_numClasses == 2) {
            const double level = kind == nn::OutputKind::SigmoidBce ? 0.5 : 0.0;
            nn::contourSegments(f.outputGrid, f.gridSize, level, f.contour);
        } else {
            f.contour.clear();  // regression has no threshold
        }
    }

    /// Trains every network `epochs` epochs (in parallel) and fills a snapshot.
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
        m_team.run(count, [&](int i) {
            const int k = order[std::size_t(i)];
            Member& m = *m_members[std::size_t(k)];
            if (epochs > 0) {
                const Clock::time_point start = Clock::now();
                trainMember(m, epochs);
                m.cost = std::chrono::duration<double>(Clock::now() - start).count();
            }
            finishMember(m, snapshot->networks[std::size_t(k)], k == snapshot->focus);
        });
        // Then the grids, each cut into pieces so that one costly network's grid is shared by
        // the cores too, and the focused network's neuron thumbnails.
        const int cells = m_gridSize * m_gridSize;
        const int tasks = count * kGridParts + (count > 0 ? 1 : 0);
        m_team.run(tasks, [&](int t) {
            if (t == 0) {
                NetworkFrame& f = snapshot->networks[std::size_t(snapshot->focus)];
                m_members[std::size_t(snapshot->focus)]->grids.unitGrids(f.network, m_unitGridSize,
                                                                         f.unitGrids);
                return;
            }
            const int k = (t - 1) / kGridParts, part = (t - 1) % kGridParts;
            NetworkFrame& f = snapshot->networks[std::size_t(k)];
            m_members[std::size_t(k)]->parts[std::size_t(part)].outputGridRange(
                f.network, m_gridSize, f.outputGrid, cells * part / kGridParts,
                cells * (part + 1) / kGridParts);
        });
        m_team.run(count, [&](int k) { contour(snapshot->networks[std::size_t(k)]); });
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

    // The worker thread's own state.
    std::vector<std::unique_ptr<Member>> m_members;
    std::uint64_t m_sessionId = 0;
    bool m_playing = false;
    bool m_dirty = false;
    int m_remaining = 0;  ///< epochs left for train(); −1 plays on
    int m_epochsPerFrame = 1;
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
#ifdef Q_OS_UNIX
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
#ifdef Q_OS_UNIX
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
        [session, data, sessionId](Engine& e) { e.setSession(session, data, sessionId); });
}

void TrainingWorker::setPlaying(bool playing) {
    m_engine->post([playing](Engine& e) { e.setPlaying(playing); });
}

void TrainingWorker::step() {
    m_engine->post([](Engine& e) { e.step(); });
}

void TrainingWorker::train(int epochs) {
    m_engine->post([epochs](Engine& e) { e.train(epochs); });
}

void TrainingWorker::reset() {
    m_engine->post([](Engine& e) { e.reset(); });
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
    m_engine->post([data](Engine& e) { e.setData(data); });
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
