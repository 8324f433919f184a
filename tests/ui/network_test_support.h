#pragma once
// Helpers shared by the network page's tests: waiting for the training worker without timing
// assertions (a generous deadline only turns a hang into a failure), and small sessions.

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <functional>
#include <ostream>
#include <string>

#include "activations/registry.h"
#include "network/network_page.h"
#include "network/session_edits.h"
#include "nn/session.h"

/// QStrings in gtest messages as text.
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}

namespace actlab::ui::test {

/// Runs the event loop until `done` holds; false after `timeoutMs` (sanitizer builds are slow,
/// so the deadline is far above what a normal build needs).
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 60000) {
    QElapsedTimer timer;
    timer.start();
    QTimer tick;  // wakes the loop when no event arrives
    tick.start(10);
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

/// Waits until the page shows a snapshot for which `done` holds.
inline bool waitForSnapshot(NetworkPage* page,
                            const std::function<bool(const TrainingSnapshot&)>& done,
                            int timeoutMs = 60000) {
    return waitUntil([&] { return page->latestSnapshot() && done(*page->latestSnapshot()); },
                     timeoutMs);
}

/// Waits until the page is paused at epoch `epoch` or later.
inline bool waitForPause(NetworkPage* page, int epoch) {
    return waitForSnapshot(page, [&](const TrainingSnapshot& s) {
        return !s.playing && !s.networks.empty() && s.networks.front().epoch >= epoch;
    });
}

inline nn::LayerSpec layer(int neurons, const char* id) {
    return {neurons, id, activation(id).defaults(), nn::PReluMode::PerLayer};
}

/// A small, fast session: circle, two tanh layers of 4.
inline nn::Session smallSession() {
    nn::Session s = edits::defaultSession();
    s.network.hidden = {layer(4, "tanh"), layer(4, "tanh")};
    s.generator.numPoints = 200;
    s.training.learningRate = 0.1;
    return s;
}

/// A session that diverges within a few epochs: ReLU regression at learning rate 10.
inline nn::Session divergingSession() {
    nn::Session s = edits::defaultSession();
    s.generator.kind = nn::DatasetKind::Plane;
    s.network.hidden = {layer(8, "relu"), layer(8, "relu")};
    s.network.output = nn::OutputKind::LinearSquare;
    s.init = nn::InitKind::He;
    s.training.learningRate = 10;
    return s;
}

/// Weights and biases of two networks are equal (learnable activation weights left out).
inline bool sameWeights(const nn::Mlp& a, const nn::Mlp& b) {
    if (a.layers().size() != b.layers().size()) return false;
    for (std::size_t l = 0; l < a.layers().size(); ++l)
        if (a.layers()[l].w != b.layers()[l].w || a.layers()[l].b != b.layers()[l].b) return false;
    return true;
}

}  // namespace actlab::ui::test
