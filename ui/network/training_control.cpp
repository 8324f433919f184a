#include "network/training_control.h"

#include <QAction>
#include <algorithm>

#include "network/training_worker.h"

namespace actlab::ui {

namespace {

constexpr int kUnitGrid = 32;  ///< neuron thumbnails
constexpr int kOutputGrid = 100;

}  // namespace

TrainingControl::TrainingControl(QObject* parent)
    : QObject(parent),
      m_worker(new TrainingWorker(this)),
      m_playAction(new QAction(this)),
      m_stepAction(new QAction(this)),
      m_resetAction(new QAction(this)) {
    m_playAction->setShortcut(QKeySequence(Qt::Key_Space));
    m_stepAction->setShortcut(QKeySequence(Qt::Key_Period));
    m_resetAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_playAction, &QAction::triggered, this, [this] { setPlaying(!m_playing); });
    connect(m_stepAction, &QAction::triggered, this, &TrainingControl::step);
    connect(m_resetAction, &QAction::triggered, this, &TrainingControl::reset);
    connect(m_worker, &TrainingWorker::snapshotReady, this, &TrainingControl::onSnapshot);
    m_worker->setGridSizes(kOutputGrid, kUnitGrid);
    m_worker->setEpochsPerFrame(m_epochsPerFrame);
}

TrainingControl::~TrainingControl() {
    // Join the training thread before anything it feeds goes away.
    delete m_worker;
    m_worker = nullptr;
}

void TrainingControl::start(const nn::Session& session, const nn::Dataset& data, int focus) {
    ++m_sessionId;
    m_latest.reset();
    m_worker->setSession(session, data, m_sessionId);
    m_worker->setFocus(focus);
    m_playing = false;
}

void TrainingControl::onSnapshot() {
    if (!m_worker) return;
    std::shared_ptr<const TrainingSnapshot> snapshot = m_worker->takeSnapshot();
    if (!snapshot || snapshot->sessionId != m_sessionId) return;  // from a replaced session
    m_latest = snapshot;
    m_playing = snapshot->playing;
    m_playAction->setText(m_playing ? tr("&Pause") : tr("&Play"));
    emit frameArrived(*snapshot);
}

int TrainingControl::epoch(int focus) const {
    if (!m_latest || m_latest->networks.empty()) return 0;
    return m_latest->networks[std::size_t(std::clamp(focus, 0, int(m_latest->networks.size()) - 1))]
        .epoch;
}

void TrainingControl::setPlaying(bool playing) {
    m_playing = playing;
    m_worker->setPlaying(playing);
    emit playingChanged(playing);
}

void TrainingControl::step() {
    m_playing = false;
    emit playingChanged(false);
    m_worker->step();
}

void TrainingControl::reset() {
    m_playing = false;
    emit playingChanged(false);
    m_worker->reset();
}

void TrainingControl::train(int epochs) {
    m_playing = epochs > 0;
    emit playingChanged(m_playing);
    m_worker->train(epochs);
}

void TrainingControl::setEpochsPerFrame(int epochs) {
    m_epochsPerFrame = std::clamp(epochs, 1, 1000);
    m_worker->setEpochsPerFrame(m_epochsPerFrame);
}

void TrainingControl::setFocus(int focus) {
    m_worker->setFocus(focus);
}

void TrainingControl::setActionsEnabled(bool enabled) {
    for (QAction* a : {m_playAction, m_stepAction, m_resetAction}) a->setEnabled(enabled);
}

void TrainingControl::retranslate() {
    m_playAction->setText(m_playing ? tr("&Pause") : tr("&Play"));
    m_playAction->setToolTip(tr("Train or pause (Space)"));
    m_stepAction->setText(tr("&Step One Epoch"));
    m_resetAction->setText(tr("&Reset Training"));
}

}  // namespace actlab::ui
