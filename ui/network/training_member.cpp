#include "network/training_member.h"

#include <algorithm>
#include <cmath>

#include "nn/contour.h"

namespace actlab::ui {

namespace {

/// Losses are evaluated for at most about this many epochs of a frame: evaluating every epoch
/// would cost as much as training it.
constexpr int kSamplesPerFrame = 4;

/// The smallest power of two ≥ n.
int powerOfTwoAtLeast(int n) {
    int p = 1;
    while (p < n) p *= 2;
    return p;
}

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

}  // namespace

void TrainingMember::clearWindows() {
    const std::size_t layers = trainer->network().layers().size();
    windowGradSq.assign(layers, 0.0);
    frameGradSq.assign(layers, 0.0);
    recentGradNorm.assign(layers, MetricSample::kNaN);
    windowEpochs = frameEpochs = 0;
}

void TrainingMember::startOver() {
    clearWindows();
    owed = 0;
    samples.clear();
    restart = true;
    latestFull = true;
    divergedAt = 0;
    trainer->discardHistory();
    const int now = trainer->epoch();
    for (std::size_t i = 0; i < storedHistory.size(); ++i) {
        if (storedHistory.epochs[i] >= now) break;
        MetricSample s;
        s.epoch = storedHistory.epochs[i];
        s.trainLoss = storedHistory.trainLoss[i];
        s.testLoss = storedHistory.testLoss[i];
        s.trainAccuracy = storedHistory.trainAccuracy[i];
        s.testAccuracy = storedHistory.testAccuracy[i];
        s.gradNorm = recentGradNorm;  // not stored: NaN
        samples.push_back(std::move(s));
    }
    samples.push_back(sampleOf(trainer->latest(), trainer->network()));
    samples.back().gradNorm = recentGradNorm;
}

void TrainingMember::backToStart() {
    if (!resumed) {
        trainer->reset();
        return;
    }
    // A resumed trainer's reset() returns to the saved state: build the run of epoch 0 instead,
    // with the live settings and activation parameters of now.
    auto fresh = std::make_unique<nn::Trainer>(trainer->data(), initialNetwork, trainer->config(),
                                               seed);
    const auto& now = trainer->network().spec().hidden;
    for (std::size_t l = 0; l < now.size(); ++l)
        if (now[l].params != initialNetwork.spec().hidden[l].params)
            fresh->setActivationParams(int(l), now[l].params);
    trainer = std::move(fresh);
    storedHistory = {};
    resumed = false;
}

void TrainingMember::resume() {
    if (!trainer->diverged()) return;
    trainer->clearDivergence();
    divergedAt = 0;
}

int TrainingMember::train(int requested) {
    nn::Trainer& t = *trainer;
    const int epochs = requested + owed;
    owed = 0;
    std::fill(frameGradSq.begin(), frameGradSq.end(), 0.0);
    frameEpochs = 0;
    // Both strides are powers of two, so the samples stay on the grid that thinSamples keeps.
    const int frameStride = powerOfTwoAtLeast(epochs / kSamplesPerFrame);
    for (int e = 0; e < epochs && !t.diverged(); ++e) {
        const int next = t.epoch() + 1;
        const bool sampled = next % std::max(sampleStride(next), frameStride) == 0;
        const nn::Evaluation evaluation = e + 1 == epochs ? nn::Evaluation::Full
                                          : sampled       ? nn::Evaluation::Loss
                                                          : nn::Evaluation::None;
        const nn::EpochMetrics& metrics = t.step(evaluation);
        if (t.interrupted()) {
            owed = epochs - e;
            break;
        }
        if (t.diverged()) {
            divergedAt = next;
            divergedRate = t.config().learningRate;
            divergedCause = t.divergenceCause();
            latestFull = false;
            break;
        }
        latestFull = evaluation == nn::Evaluation::Full;
        for (std::size_t l = 0; l < metrics.layers.size(); ++l) {
            const double g = metrics.layers[l].gradNorm;
            windowGradSq[l] += g * g;
            frameGradSq[l] += g * g;
        }
        ++windowEpochs;
        ++frameEpochs;
        if (sampled) {
            MetricSample s = sampleOf(metrics, t.network());
            s.gradNorm.resize(windowGradSq.size());
            for (std::size_t l = 0; l < s.gradNorm.size(); ++l)
                s.gradNorm[l] = std::sqrt(windowGradSq[l] / windowEpochs);
            std::fill(windowGradSq.begin(), windowGradSq.end(), 0.0);
            windowEpochs = 0;
            samples.push_back(std::move(s));
        }
    }
    if (frameEpochs > 0)
        for (std::size_t l = 0; l < frameGradSq.size(); ++l)
            recentGradNorm[l] = std::sqrt(frameGradSq[l] / frameEpochs);
    t.discardHistory();  // the samples are the record; the trainer's would grow without end
    return frameEpochs;
}

void TrainingMember::finish(NetworkFrame& f, bool focused, int gridSize, int unitGridSize) {
    nn::Trainer& t = *trainer;
    f.activation = activation;
    f.epoch = t.epoch();
    f.metrics = latestFull ? t.latest() : t.evaluate(nn::Evaluation::Full);
    f.recentGradNorm = recentGradNorm;
    f.network = t.network();
    f.moments = t.optimizerMoments();
    f.gridSize = gridSize;
    f.outputGrid.resize(std::size_t(gridSize) * std::size_t(gridSize));
    if (focused) {
        f.unitGridSize = unitGridSize;
        f.unitGrids.resize(std::size_t(nn::GridEvaluator::unitCount(f.network)) *
                           std::size_t(unitGridSize) * std::size_t(unitGridSize));
    }
    f.samples = std::move(samples);
    samples.clear();
    f.samplesRestart = restart;
    restart = false;
    f.divergedAt = divergedAt;
    f.divergedLearningRate = divergedRate;
    f.divergenceCause = divergedAt > 0 ? divergedCause : nn::DivergenceCause{};
}

void levelOwed(std::vector<std::unique_ptr<TrainingMember>>& members) {
    int furthest = 0;
    for (const auto& m : members)
        if (!m->trainer->diverged()) furthest = std::max(furthest, m->trainer->epoch());
    for (auto& m : members)
        m->owed = m->trainer->diverged() ? 0 : furthest - m->trainer->epoch();
}

void frameContour(NetworkFrame& f, int numClasses) {
    const nn::OutputKind kind = f.network.spec().output;
    if (kind == nn::OutputKind::SoftmaxCe) {
        nn::classBorderSegments(f.outputGrid, f.gridSize, f.network.spec().outputs, f.contour);
    } else if (numClasses == 2) {
        const double level = kind == nn::OutputKind::SigmoidBce ? 0.5 : 0.0;
        nn::contourSegments(f.outputGrid, f.gridSize, level, f.contour);
    } else {
        f.contour.clear();  // regression has no threshold
    }
}

}  // namespace actlab::ui
