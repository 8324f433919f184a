#include "network/training_snapshot.h"

#include <algorithm>

#include "nn/session_state.h"

namespace actlab::ui {

int sampleStride(int epoch) {
    int stride = 1;
    while (static_cast<long long>(stride) * kMaxSamples < epoch) stride *= 2;
    return stride;
}

void thinSamples(std::vector<MetricSample>& samples) {
    if (samples.size() <= 2 * static_cast<std::size_t>(kMaxSamples)) return;
    const int last = samples.back().epoch;
    const int stride = sampleStride(last);
    std::erase_if(samples,
                  [&](const MetricSample& s) { return s.epoch % stride != 0 && s.epoch != last; });
}

void mergeOlderSnapshot(TrainingSnapshot& newer, TrainingSnapshot&& older) {
    if (older.sessionId != newer.sessionId || older.networks.size() != newer.networks.size())
        return;  // a new session: nothing of the old one is wanted
    for (std::size_t k = 0; k < newer.networks.size(); ++k) {
        NetworkFrame& n = newer.networks[k];
        NetworkFrame& o = older.networks[k];
        if (n.samplesRestart) continue;
        o.samples.insert(o.samples.end(), std::make_move_iterator(n.samples.begin()),
                         std::make_move_iterator(n.samples.end()));
        n.samples = std::move(o.samples);
        n.samplesRestart = o.samplesRestart;
    }
}

nn::LossHistory lossHistory(const std::vector<MetricSample>& samples, const NetworkFrame& latest) {
    nn::LossHistory history;
    const auto record = [&](int epoch, double trainLoss, double testLoss, double trainAccuracy,
                            double testAccuracy) {
        nn::EpochMetrics m;
        m.epoch = epoch;
        m.trainLoss = trainLoss;
        m.testLoss = testLoss;
        m.trainAccuracy = trainAccuracy;
        m.testAccuracy = testAccuracy;
        nn::recordEpoch(history, m);
    };
    for (const MetricSample& s : samples)
        if (s.epoch < latest.epoch)
            record(s.epoch, s.trainLoss, s.testLoss, s.trainAccuracy, s.testAccuracy);
    const nn::EpochMetrics& m = latest.metrics;
    record(latest.epoch, m.trainLoss, m.testLoss, m.trainAccuracy, m.testAccuracy);
    return history;
}

nn::Session withTrainedState(nn::Session session, const TrainingSnapshot& snap, bool comparing,
                             std::span<const std::vector<MetricSample>* const> histories) {
    for (std::size_t k = 0; k < snap.networks.size(); ++k) {
        const NetworkFrame& f = snap.networks[k];
        if (f.epoch == 0) continue;
        const std::string id = comparing ? f.activation : std::string("main");
        if (id != "main" && !nn::memberByLabel(session.compare, id)) continue;
        nn::TrainedState state;
        const auto layers = f.network.layers();
        state.weights.assign(layers.begin(), layers.end());
        state.epoch = f.epoch;
        state.optimizer = f.moments;
        if (k < histories.size() && histories[k]) state.history = lossHistory(*histories[k], f);
        nn::storeTrainedState(session, id, std::move(state));
    }
    return session;
}

}  // namespace actlab::ui
