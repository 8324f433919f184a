#include "session_state.h"

#include <algorithm>

namespace actlab::nn {

Session networkSession(const Session& session, const std::string& network) {
    if (network == "main") return session;
    const CompareMember* member = memberByLabel(session.compare, network);
    return compareMember(session, member ? *member : CompareMember(network));
}

std::optional<TrainedState> storedState(const Session& s, const std::string& network) {
    if (network != "main") {
        const auto it = s.compareWeights.find(network);
        if (it == s.compareWeights.end()) return std::nullopt;
        return it->second;
    }
    if (!s.weights || s.epoch == 0) return std::nullopt;
    return TrainedState{*s.weights, s.epoch, s.history, s.optimizerState};
}

void storeTrainedState(Session& s, const std::string& network, TrainedState state) {
    if (network != "main") {
        s.compareWeights[network] = std::move(state);
        return;
    }
    s.weights = std::move(state.weights);
    s.epoch = state.epoch;
    s.history = std::move(state.history);
    s.optimizerState = std::move(state.optimizer);
}

Trainer resumeTrainer(const Session& session, const std::string& network) {
    const Session s = networkSession(session, network);
    Trainer t = makeTrainer(s);
    // compareMember moved the member's stored state into the member session's own fields.
    if (s.epoch > 0 && s.weights) t.resume(s.epoch, s.optimizerState.value_or(OptimizerMoments{}));
    return t;
}

Session untrainedSession(Session s) {
    if (s.epoch > 0) s.weights.reset();
    s.epoch = 0;
    s.history = {};
    s.optimizerState.reset();
    s.compareWeights.clear();
    return s;
}

void recordEpoch(Session& s, const std::string& network, const EpochMetrics& metrics) {
    if (network == "main") {
        recordEpoch(s.history, metrics);
        return;
    }
    recordEpoch(s.compareWeights[network].history, metrics);
}

Session withVariant(Session s, const ClaimVariant& v) {
    const NetworkSpec before = s.network;
    if (v.optimizer) s.training.optimizer = *v.optimizer;
    if (v.learningRate) s.training.learningRate = *v.learningRate;
    if (v.epsilon) s.training.epsilon = *v.epsilon;
    if (v.batchSize) s.training.batchSize = *v.batchSize;
    if (v.features) s.network.features = *v.features;
    if (v.layers) s.network.hidden = *v.layers;
    if (v.init) s.init = *v.init;
    if (s.weights && (v.init || s.network.features.size() != before.features.size() ||
                      s.network.hidden != before.hidden))
        s.weights.reset();
    return s;
}

}  // namespace actlab::nn
