#include "training_state.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace actlab::nn {

namespace {

bool sameValues(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
    return true;
}

/// `v` to kHistoryDigits significant digits (NaN and infinities unchanged).
double rounded(double v) {
    if (!std::isfinite(v)) return v;
    char text[32];
    std::snprintf(text, sizeof text, "%.*g", kHistoryDigits, v);
    return std::strtod(text, nullptr);
}

void popBack(LossHistory& h) {
    h.epochs.pop_back();
    h.trainLoss.pop_back();
    h.testLoss.pop_back();
    h.trainAccuracy.pop_back();
    h.testAccuracy.pop_back();
}

bool onGrid(int epoch) { return epoch % historyStride(epoch) == 0; }

}  // namespace

bool LossHistory::operator==(const LossHistory& o) const {
    return epochs == o.epochs && sameValues(trainLoss, o.trainLoss) &&
           sameValues(testLoss, o.testLoss) && sameValues(trainAccuracy, o.trainAccuracy) &&
           sameValues(testAccuracy, o.testAccuracy);
}

int historyStride(int epoch) {
    int stride = 1;
    while (static_cast<long long>(stride) * kHistorySamples < epoch) stride *= 2;
    return stride;
}

void recordEpoch(LossHistory& h, const EpochMetrics& m) {
    while (!h.empty() && h.epochs.back() >= m.epoch) popBack(h);
    if (!h.empty() && !onGrid(h.epochs.back())) popBack(h);
    h.epochs.push_back(m.epoch);
    h.trainLoss.push_back(rounded(m.trainLoss));
    h.testLoss.push_back(rounded(m.testLoss));
    h.trainAccuracy.push_back(rounded(m.trainAccuracy));
    h.testAccuracy.push_back(rounded(m.testAccuracy));
    if (h.size() <= 2 * static_cast<std::size_t>(kHistorySamples)) return;
    const int stride = historyStride(m.epoch);
    LossHistory thin;
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (h.epochs[i] % stride != 0 && i + 1 != h.size()) continue;
        thin.epochs.push_back(h.epochs[i]);
        thin.trainLoss.push_back(h.trainLoss[i]);
        thin.testLoss.push_back(h.testLoss[i]);
        thin.trainAccuracy.push_back(h.trainAccuracy[i]);
        thin.testAccuracy.push_back(h.testAccuracy[i]);
    }
    h = std::move(thin);
}

std::string validate(const LossHistory& h, int lastEpoch) {
    const std::size_t n = h.epochs.size();
    if (h.trainLoss.size() != n || h.testLoss.size() != n || h.trainAccuracy.size() != n ||
        h.testAccuracy.size() != n)
        return "every series needs one value per epoch (" + std::to_string(n) + ")";
    for (std::size_t i = 0; i < n; ++i) {
        if (h.epochs[i] < 0) return "epochs must not be negative";
        if (i > 0 && h.epochs[i] <= h.epochs[i - 1]) return "epochs must increase";
    }
    if (lastEpoch >= 0 && n > 0 && h.epochs.back() > lastEpoch)
        return "the last epoch " + std::to_string(h.epochs.back()) +
               " is after the network's epoch " + std::to_string(lastEpoch);
    return "";
}

TrainedState trainedState(const Trainer& trainer, LossHistory history) {
    TrainedState s;
    const auto layers = trainer.network().layers();
    s.weights.assign(layers.begin(), layers.end());
    s.epoch = trainer.epoch();
    s.history = std::move(history);
    // Plain SGD has no memory (its arrays are zeros); the others' moments are kept.
    if (trainer.config().optimizer != OptimizerKind::Sgd && trainer.optimizerMoments().steps > 0)
        s.optimizer = trainer.optimizerMoments();
    return s;
}

std::string validateMoments(const OptimizerMoments& moments, const Mlp& shape) {
    if (moments.m.empty() && moments.v.empty()) return "";
    const std::size_t slots = 3 * shape.layers().size();
    if (moments.m.size() != slots || moments.v.size() != slots)
        return "expected " + std::to_string(slots) + " arrays (w, b and learnable per layer)";
    for (std::size_t l = 0; l < shape.layers().size(); ++l) {
        const LayerParams& p = shape.layers()[l];
        const std::size_t sizes[3] = {p.w.size(), p.b.size(), p.learnable.size()};
        for (std::size_t k = 0; k < 3; ++k)
            if (moments.m[3 * l + k].size() != sizes[k] || moments.v[3 * l + k].size() != sizes[k])
                return "layer " + std::to_string(l) + " does not match the network's shape";
    }
    if (moments.steps < 0) return "steps must not be negative";
    return "";
}

}  // namespace actlab::nn
