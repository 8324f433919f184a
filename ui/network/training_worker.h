#pragma once
// Trains the network page's networks in a worker thread. The GUI never touches a Trainer: it sends
// commands (play, step, reset, live settings, new data, a new session), which the worker applies
// between epochs, and it takes the latest published TrainingSnapshot when snapshotReady() fires.
//
// Training speed is a number of epochs per frame, independent of how fast the GUI paints: the
// worker trains one frame, publishes it, and trains the next while the GUI paints, but never more
// than one frame ahead of the GUI and never faster than the frame rate (60 fps by default). In
// compare mode the networks of a frame train in parallel on the machine's cores.

#include <QObject>

class QSocketNotifier;
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "network/training_snapshot.h"
#include "nn/dataset.h"
#include "nn/session.h"

namespace actlab::ui {

/// The training thread and the networks it owns.
class TrainingWorker : public QObject {
    Q_OBJECT
public:
    /// Starts the thread, with no networks until setSession.
    explicit TrainingWorker(QObject* parent = nullptr);
    /// Stops training and joins the thread (safe while training runs).
    ~TrainingWorker() override;

    /// Replaces the networks, paused at epoch 0: one for a single session, one per activation of
    /// `session.compare` (each built with nn::compareMember, so all share data and initial
    /// weights). `data` is the session's data as the GUI shows it. Snapshots carry `sessionId`.
    /// A session that does not validate gives no networks and a snapshot with a problem.
    void setSession(const nn::Session& session, const nn::Dataset& data, std::uint64_t sessionId);
    /// Plays or pauses. Playing after a divergence continues from the last good state.
    void setPlaying(bool playing);
    /// Pauses and trains exactly one epoch.
    void step();
    /// Trains exactly `epochs` more epochs, frame by frame, then pauses.
    void train(int epochs);
    /// Pauses and restores the initial weights (the same seed gives the same run).
    void reset();
    /// Epochs trained per frame (1 … 10000).
    void setEpochsPerFrame(int epochs);
    /// The most frames per second the worker produces (1 … 240).
    void setFrameRate(double fps);
    /// Live training settings, applied between epochs without a reset.
    void setLearningRate(double rate);
    void setRegularization(nn::Regularization kind, double rate);
    void setBatchSize(int size);
    /// Sets the parameters of hidden layer `layer` in every network whose layer uses
    /// `activation` (live, between epochs).
    void setActivationParams(int layer, const std::string& activation, const ParamValues& params);
    /// New data for every network; the weights and the epoch count are kept.
    void setData(const nn::Dataset& data);
    /// The network whose unit grids (neuron thumbnails) are computed.
    void setFocus(int index);
    /// The sides of the output grid and of the unit grids (2 … 400).
    void setGridSizes(int outputSize, int unitSize);

    /// The newest snapshot, or null when none was published since the last call. Taking it lets
    /// the worker go on with the next frame.
    std::shared_ptr<const TrainingSnapshot> takeSnapshot();
    /// Threads that train (the worker and its helpers).
    int threadCount() const;

signals:
    /// A snapshot is waiting for takeSnapshot(). Emitted in the GUI thread (the thread of this
    /// object); several publications before the GUI takes one give one signal.
    void snapshotReady();

private:
    class Engine;
    std::unique_ptr<Engine> m_engine;
    int m_wake[2] = {-1, -1};  ///< the pipe that wakes the GUI thread (Unix)
    QSocketNotifier* m_notifier = nullptr;
};

}  // namespace actlab::ui
