#pragma once
// The network page's training control: the worker thread, whether it plays, how many epochs a
// frame trains, and the latest snapshot of the current session. Play, Step and Reset are actions
// here (Space, ".", Ctrl+R); the page shows what `frameArrived` brings.

#include <QObject>
#include <cstdint>
#include <memory>

#include "network/training_snapshot.h"
#include "nn/session.h"

class QAction;

namespace actlab::ui {

class TrainingWorker;

/// Starts, plays, steps and resets the page's training, and keeps the newest snapshot.
class TrainingControl : public QObject {
    Q_OBJECT
public:
    explicit TrainingControl(QObject* parent = nullptr);
    /// Stops training and joins the worker.
    ~TrainingControl() override;

    /// New networks for `session` at epoch 0, paused; snapshots of earlier sessions are dropped
    /// from now on.
    void start(const nn::Session& session, const nn::Dataset& data, int focus);
    /// Plays or pauses.
    void setPlaying(bool playing);
    /// True while training runs (as last reported by the worker, or just asked for).
    bool isPlaying() const { return m_playing; }
    /// Pauses and trains exactly one epoch.
    void step();
    /// Pauses and restores the initial weights.
    void reset();
    /// Trains exactly `epochs` more epochs, then pauses.
    void train(int epochs);
    /// Epochs per frame (1 … 1000).
    void setEpochsPerFrame(int epochs);
    int epochsPerFrame() const { return m_epochsPerFrame; }
    /// The network whose details (unit grids) the snapshots carry.
    void setFocus(int focus);

    /// The latest snapshot of the current session, or null before the first.
    const std::shared_ptr<const TrainingSnapshot>& latest() const { return m_latest; }
    /// The epoch of network `focus` in the latest snapshot (0 before the first).
    int epoch(int focus) const;
    /// The worker, for live settings.
    TrainingWorker* worker() const { return m_worker; }

    QAction* playAction() const { return m_playAction; }
    QAction* stepAction() const { return m_stepAction; }
    QAction* resetAction() const { return m_resetAction; }
    /// The actions act only while the page is shown.
    void setActionsEnabled(bool enabled);
    void retranslate();

signals:
    /// A new snapshot of the current session (latest() holds it).
    void frameArrived(const TrainingSnapshot& snapshot);
    /// Playing was asked for or stopped (by a command; the snapshots report it too).
    void playingChanged(bool playing);

private:
    void onSnapshot();

    TrainingWorker* m_worker;
    std::shared_ptr<const TrainingSnapshot> m_latest;
    std::uint64_t m_sessionId = 0;
    bool m_playing = false;
    int m_epochsPerFrame = 5;
    QAction* m_playAction;
    QAction* m_stepAction;
    QAction* m_resetAction;
};

}  // namespace actlab::ui
