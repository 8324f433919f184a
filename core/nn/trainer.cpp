#include "trainer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "util/id_table.h"
#include "util/number_format.h"

namespace actlab::nn {

namespace {

constexpr IdTableEntry<OptimizerKind> kOptimizers[] = {
    {OptimizerKind::Sgd, "sgd"}, {OptimizerKind::Momentum, "momentum"}, {OptimizerKind::Adam, "adam"}};
constexpr IdTableEntry<Regularization> kRegularizations[] = {
    {Regularization::None, "none"}, {Regularization::L1, "l1"}, {Regularization::L2, "l2"}};
constexpr IdTableEntry<TrainingMode> kModes[] = {
    {TrainingMode::Standard, "standard"}, {TrainingMode::Playground, "playground"}};


constexpr int kEvalChunk = 256;  // examples per forward pass when evaluating a whole set
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double sign(double w) { return w > 0 ? 1.0 : (w < 0 ? -1.0 : 0.0); }

}  // namespace

std::string_view optimizerId(OptimizerKind k) { return idOf(kOptimizers, k); }
std::optional<OptimizerKind> optimizerFromId(std::string_view id) { return fromId(kOptimizers, id); }
std::string_view regularizationId(Regularization r) { return idOf(kRegularizations, r); }
std::optional<Regularization> regularizationFromId(std::string_view id) {
    return fromId(kRegularizations, id);
}
std::string_view modeId(TrainingMode m) { return idOf(kModes, m); }
std::optional<TrainingMode> modeFromId(std::string_view id) { return fromId(kModes, id); }

std::string validate(const TrainingConfig& c, const NetworkSpec& network) {
    if (!(c.learningRate > 0 && c.learningRate <= 100))
        return "learningRate must be in (0, 100]";
    if (c.batchSize < 1 || c.batchSize > 1000) return "batchSize must be in [1, 1000]";
    if (!(c.regularizationRate >= 0 && c.regularizationRate <= 10))
        return "regularization.rate must be in [0, 10]";
    if (!(c.momentum >= 0 && c.momentum < 1)) return "momentum must be in [0, 1)";
    if (!(c.beta1 >= 0 && c.beta1 < 1) || !(c.beta2 >= 0 && c.beta2 < 1))
        return "beta1 and beta2 must be in [0, 1)";
    if (!(c.epsilon > 0 && c.epsilon < 1)) return "epsilon must be in (0, 1)";
    if (c.mode == TrainingMode::Playground) {
        if (c.optimizer != OptimizerKind::Sgd)
            return "training.mode 'playground' uses plain SGD (optimizer must be 'sgd')";
        if (network.output != OutputKind::TanhSquare && network.output != OutputKind::LinearSquare)
            return "training.mode 'playground' needs output 'tanh_square' or 'linear_square'";
    }
    return "";
}

Trainer::Trainer(Dataset data, Mlp network, TrainingConfig config, std::uint64_t seed)
    : m_data(std::move(data)), m_config(config) {
    m_state.net = std::move(network);
    m_state.grads = m_state.net.makeGradients();
    for (const LayerParams& l : m_state.net.layers())
        m_state.deadLinks.emplace_back(l.w.size(), std::uint8_t{0});
    m_state.rng = Rng(seed ^ 0x5eed5eed5eed5eedULL);
    m_initial = m_state;
    rebuildFeatures();
    m_history.push_back(evaluate());
    m_lastGood = m_state;
}

void Trainer::rebuildFeatures() {
    m_trainFeatures = computeFeatures(m_state.net.spec().features, m_data.train);
    m_testFeatures = computeFeatures(m_state.net.spec().features, m_data.test);
    m_trainFeatureBound.assign(std::size_t(m_trainFeatures.features), 0.0);
    for (std::size_t k = 0; k < m_trainFeatures.v.size(); ++k) {
        double& bound = m_trainFeatureBound[k / std::size_t(m_trainFeatures.points)];
        bound = std::max(bound, std::fabs(m_trainFeatures.v[k]));
    }
    m_trainLabels.clear();
    for (const Point& p : m_data.train) m_trainLabels.push_back(p.label);
}

void Trainer::accumulate(int first, int count) {
    const Mlp& net = m_state.net;
    net.prepare(m_ws, count);
    net.loadInputs(m_trainFeatures, first, m_ws);
    net.forward(m_ws, true);
    if (m_diagnosing) watch(m_ws, true);
    net.outputError(std::span(m_trainLabels).subspan(std::size_t(first), std::size_t(count)), m_ws);
    net.backward(m_ws, m_state.grads);
}

void Trainer::accumulate(std::span<const int> indices) {
    const Mlp& net = m_state.net;
    net.prepare(m_ws, static_cast<int>(indices.size()));
    net.loadInputs(m_trainFeatures, indices, m_ws);
    net.forward(m_ws, true);
    if (m_diagnosing) watch(m_ws, true);
    m_batchLabels.resize(indices.size());
    for (std::size_t b = 0; b < indices.size(); ++b)
        m_batchLabels[b] = m_trainLabels[std::size_t(indices[b])];
    net.outputError(m_batchLabels, m_ws);
    net.backward(m_ws, m_state.grads);
}

namespace {
/// Σ v², element k summed into partial sum k mod 4 and the four added as (s₀ + s₂) + (s₁ + s₃):
/// independent chains of additions, where one chain made each wait for the one before.
double sumOfSquares(const std::vector<double>& v) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    std::size_t k = 0;
    for (; k + 4 <= v.size(); k += 4) {
        s0 += v[k] * v[k];
        s1 += v[k + 1] * v[k + 1];
        s2 += v[k + 2] * v[k + 2];
        s3 += v[k + 3] * v[k + 3];
    }
    if (k < v.size()) s0 += v[k] * v[k];
    if (k + 1 < v.size()) s1 += v[k + 1] * v[k + 1];
    if (k + 2 < v.size()) s2 += v[k + 2] * v[k + 2];
    return (s0 + s2) + (s1 + s3);
}
}  // namespace

void Trainer::recordGradNorms(std::vector<double>& gradSq) const {
    const Gradients& g = m_state.grads;
    const double invCountSquared = 1.0 / (double(g.count) * double(g.count));  // one division
    for (std::size_t l = 0; l < g.w.size(); ++l)
        gradSq[l] += sumOfSquares(g.w[l]) * invCountSquared;
}

// nn.ts updateWeights, operation for operation: biases b − (lr·acc)/n; weights
// w₁ = w − (lr/n)·acc, then w₁ − (lr·rr)·R′(w) with R′ taken before the update; with L1, a
// weight whose step crosses zero is set to 0 and never updated again.
bool Trainer::updatePlayground() {
    Mlp& net = m_state.net;
    Gradients& g = m_state.grads;
    const double lr = m_config.learningRate, rr = m_config.regularizationRate;
    const double n = g.count;
    const Regularization reg = m_config.regularization;
    bool finite = true;
    for (std::size_t l = 0; l < net.layers().size(); ++l) {
        LayerParams& layer = net.layers()[l];
        for (std::size_t j = 0; j < layer.b.size(); ++j) {
            layer.b[j] = layer.b[j] - lr * g.b[l][j] / n;
            finite = finite && std::isfinite(layer.b[j]);
        }
        std::vector<double>& w = layer.w;
        const std::vector<double>& gw = g.w[l];
        std::vector<std::uint8_t>& dead = m_state.deadLinks[l];
        if (reg == Regularization::None && std::find(dead.begin(), dead.end(), 1) == dead.end()) {
            // The same steps without a regularisation term (w₁ − 0 is w₁) or dead links.
            for (std::size_t k = 0; k < w.size(); ++k) w[k] = w[k] - (lr / n) * gw[k];
        } else {
            for (std::size_t k = 0; k < w.size(); ++k) {
                if (dead[k]) continue;
                const double regDer = reg == Regularization::L1 ? sign(w[k])
                                      : reg == Regularization::L2 ? w[k]
                                                                  : 0.0;
                const double w1 = w[k] - (lr / n) * gw[k];
                const double wNew = w1 - (lr * rr) * regDer;
                if (reg == Regularization::L1 && w1 * wNew < 0) {
                    w[k] = 0;
                    dead[k] = 1;
                } else {
                    w[k] = wNew;
                }
            }
        }
        for (double v : w) finite = finite && std::isfinite(v);
        for (std::size_t k = 0; k < layer.learnable.size(); ++k) {
            layer.learnable[k] -= (lr / n) * g.learnable[l][k];
            finite = finite && std::isfinite(layer.learnable[k]);
        }
    }
    g.zero();
    return finite;
}

bool Trainer::updateStandard() {
    Mlp& net = m_state.net;
    Gradients& g = m_state.grads;
    OptimizerState& opt = m_state.opt;
    const double lr = m_config.learningRate, rr = m_config.regularizationRate;
    const double inv = 1.0 / g.count;
    ++opt.steps;
    const double c1 = 1 - std::pow(m_config.beta1, double(opt.steps));
    const double c2 = 1 - std::pow(m_config.beta2, double(opt.steps));
    bool finite = true;
    std::size_t slot = 0;
    const auto apply = [&](std::vector<double>& params, const std::vector<double>& grads,
                           bool regularised) {
        if (opt.m.size() <= slot) {
            opt.m.emplace_back(params.size(), 0.0);
            opt.v.emplace_back(params.size(), 0.0);
        }
        std::vector<double>& m = opt.m[slot];
        std::vector<double>& v = opt.v[slot];
        ++slot;
        for (std::size_t k = 0; k < params.size(); ++k) {
            double gk = grads[k] * inv;
            if (regularised && m_config.regularization == Regularization::L2) gk += rr * params[k];
            if (regularised && m_config.regularization == Regularization::L1) gk += rr * sign(params[k]);
            switch (m_config.optimizer) {
                case OptimizerKind::Sgd: params[k] -= lr * gk; break;
                case OptimizerKind::Momentum:
                    m[k] = m_config.momentum * m[k] + gk;
                    params[k] -= lr * m[k];
                    break;
                case OptimizerKind::Adam:
                    m[k] = m_config.beta1 * m[k] + (1 - m_config.beta1) * gk;
                    v[k] = m_config.beta2 * v[k] + (1 - m_config.beta2) * gk * gk;
                    params[k] -= lr * (m[k] / c1) / (std::sqrt(v[k] / c2) + m_config.epsilon);
                    break;
            }
            finite = finite && std::isfinite(params[k]);
        }
    };
    for (std::size_t l = 0; l < net.layers().size(); ++l) {
        LayerParams& layer = net.layers()[l];
        apply(layer.w, g.w[l], true);
        apply(layer.b, g.b[l], false);
        apply(layer.learnable, g.learnable[l], false);
    }
    g.zero();
    return finite;
}

void Trainer::trainPlayground(std::vector<double>& gradSq, int& updates) {
    const int n = static_cast<int>(m_data.train.size());
    const int bs = m_config.batchSize;
    int i = 0;
    while (i < n) {
        if (m_interruption && m_interruption()) {
            m_interrupted = true;
            return;
        }
        const int updateAt = i + (bs - 1 - i % bs);  // the next i with (i + 1) % bs == 0
        const int end = std::min(updateAt + 1, n);
        accumulate(i, end - i);
        if (end == updateAt + 1) {
            recordGradNorms(gradSq);
            ++updates;
            if (!updatePlayground()) return;
        }
        i = end;
    }
}

void Trainer::resume(int epoch, const OptimizerMoments& moments) {
    // The Standard mode's shuffle is the only use of the generator: replaying it with the same
    // draws leaves the generator where the saved run left it.
    if (m_config.mode == TrainingMode::Standard) {
        const std::uint64_t n = m_data.train.size();
        for (int e = 0; e < epoch; ++e)
            for (std::uint64_t k = n > 0 ? n - 1 : 0; k > 0; --k) m_state.rng.below(k + 1);
    }
    m_state.epoch = epoch;
    m_state.opt = moments;
    m_initial = m_state;
    m_lastGood = m_state;
    m_divergence.clear();
    m_history.clear();
    m_history.push_back(evaluate());
}

void Trainer::trainStandard(std::vector<double>& gradSq, int& updates) {
    const int n = static_cast<int>(m_data.train.size());
    std::vector<int> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    for (int k = n - 1; k > 0; --k)
        std::swap(order[std::size_t(k)], order[m_state.rng.below(std::uint64_t(k) + 1)]);
    for (int start = 0; start < n; start += m_config.batchSize) {
        if (m_interruption && m_interruption()) {
            m_interrupted = true;
            return;
        }
        const int count = std::min(m_config.batchSize, n - start);
        accumulate(std::span(order).subspan(std::size_t(start), std::size_t(count)));
        recordGradNorms(gradSq);
        ++updates;
        if (!updateStandard()) return;
    }
}

const EpochMetrics& Trainer::step(Evaluation evaluation) {
    m_interrupted = false;
    if (diverged()) return m_history.back();
    const std::size_t layers = m_state.net.layers().size();
    std::vector<double> gradSq(layers, 0.0);
    int updates = 0;
    if (m_config.mode == TrainingMode::Playground)
        trainPlayground(gradSq, updates);
    else
        trainStandard(gradSq, updates);
    if (m_interrupted) {  // back to the start of the epoch, which is the last good state
        m_state = m_lastGood;
        return m_history.back();
    }
    ++m_state.epoch;
    bool trainLeftOut = false;
    EpochMetrics metrics = evaluate(evaluation, trainLeftOut);
    for (std::size_t l = 0; l < layers; ++l)
        metrics.layers[l].gradNorm = updates ? std::sqrt(gradSq[l] / updates) : 0.0;

    // An empty test set has no loss (NaN): that is not a divergence. Nor is a training loss
    // that TestLoss left out, which the bound proved finite.
    const bool trainOk = trainLeftOut || std::isfinite(metrics.trainLoss);
    const bool lossOk = evaluation == Evaluation::None ||
                        (trainOk && (m_data.test.empty() || std::isfinite(metrics.testLoss)));
    if (!m_state.net.finite() || !lossOk) {
        const int failedEpoch = m_state.epoch;
        m_cause = diagnose(evaluation);
        if (m_cause.found()) {
            const std::string label = m_cause.name == m_cause.formula
                                          ? m_cause.formula
                                          : m_cause.name + " (" + m_cause.formula + ")";
            m_divergence = "training stopped at epoch " + std::to_string(failedEpoch) +
                           ": the formula activation " + label + " of hidden layer " +
                           std::to_string(m_cause.layer + 1) + " gave " +
                           (m_cause.derivative ? "f'(x) = " : "f(x) = ") +
                           formatShortest(m_cause.value) + " at x = " +
                           formatShortest(m_cause.input) + ". The network is kept at epoch " +
                           std::to_string(m_lastGood.epoch) +
                           ". Change the formula or its parameters: a formula must be finite "
                           "wherever the network's inputs take it.";
        } else {
            m_divergence = "training diverged at epoch " + std::to_string(failedEpoch) +
                           ": the loss or a weight became NaN or infinite. The network is kept "
                           "at epoch " + std::to_string(m_lastGood.epoch) +
                           ". Try a lower learning rate (now " +
                           formatShortest(m_config.learningRate) + ").";
        }
        m_state = m_lastGood;
        return m_history.back();
    }
    m_history.push_back(std::move(metrics));
    m_lastGood = m_state;
    return m_history.back();
}

DivergenceCause Trainer::diagnose(Evaluation evaluation) {
    m_cause = {};
    bool formulas = false;
    for (int l = 0; l < int(m_lastGood.net.spec().hidden.size()); ++l)
        formulas = formulas || m_lastGood.net.activationOf(l)->isFormula();
    if (!formulas) return m_cause;
    // The epoch again from its start, deterministic (the state holds the shuffling generator),
    // watching every forward pass; then its evaluation, which may be what met the NaN.
    m_state = m_lastGood;
    m_diagnosing = true;
    std::vector<double> gradSq(m_state.net.layers().size(), 0.0);
    int updates = 0;
    if (m_config.mode == TrainingMode::Playground)
        trainPlayground(gradSq, updates);
    else
        trainStandard(gradSq, updates);
    if (!m_cause.found() && !m_interrupted && evaluation != Evaluation::None) evaluate(evaluation);
    m_diagnosing = false;
    m_interrupted = false;
    return m_cause;
}

void Trainer::watch(const Workspace& ws, bool derivatives) {
    if (m_cause.found()) return;
    const Mlp& net = m_state.net;
    const std::size_t batch = std::size_t(ws.batch), stride = std::size_t(ws.stride);
    for (int l = 0; l < int(net.spec().hidden.size()); ++l) {
        const ActivationSpec& act = *net.activationOf(l);
        if (!act.isFormula()) continue;
        const std::vector<double>& z = ws.z[std::size_t(l) + 1];
        const std::vector<double>& a = ws.a[std::size_t(l) + 1];
        const std::vector<double>& d = ws.d[std::size_t(l) + 1];
        for (int j = 0; j < net.layers()[std::size_t(l)].out; ++j) {
            for (std::size_t k = std::size_t(j) * stride, end = k + batch; k < end; ++k) {
                if (!std::isfinite(z[k])) continue;
                const bool badF = !std::isfinite(a[k]), badDf = derivatives && !std::isfinite(d[k]);
                if (!badF && !badDf) continue;
                const LayerSpec& spec = net.spec().hidden[std::size_t(l)];
                m_cause = {l, spec.formula, spec.name.empty() ? spec.formula : spec.name, z[k],
                           badF ? a[k] : d[k], !badF};
                return;
            }
        }
    }
}

void Trainer::run(int epochs) {
    for (int e = 0; e < epochs && !diverged(); ++e) step();
}

double Trainer::evaluateSet(const FeatureTable& table, const std::vector<Point>& points,
                            double& accuracy, EpochMetrics* stats) {
    const Mlp& net = m_state.net;
    // Each set has a workspace of its own, apart from training's: switching one workspace
    // between batches of 10 and chunks of 256 re-sized (and zero-filled) its buffers twice an
    // epoch, a fifth of a 6×8 network's epoch with the losses evaluated.
    Workspace& ws = &table == &m_trainFeatures ? m_trainEvalWs : m_testEvalWs;
    const int n = static_cast<int>(points.size());
    const int hidden = static_cast<int>(net.spec().hidden.size());
    // The statistics' sums only when asked for (an evaluation of the losses alone allocates
    // nothing: it runs after every epoch of a sweep).
    std::vector<std::vector<std::uint8_t>> alive;
    std::vector<double> sum, sumSq;
    if (stats) {
        sum.assign(std::size_t(hidden), 0.0);
        sumSq.assign(std::size_t(hidden), 0.0);
        for (int l = 0; l < hidden; ++l)
            alive.emplace_back(std::size_t(net.layers()[std::size_t(l)].out), 0);
    }
    double lossSum = 0;
    int correct = 0;
    std::vector<double>& labels = m_evalLabels;
    for (int first = 0; first < n; first += kEvalChunk) {
        const int count = std::min(kEvalChunk, n - first);
        net.prepare(ws, count);
        net.loadInputs(table, first, ws);
        net.forward(ws, stats != nullptr);
        if (m_diagnosing) watch(ws, stats != nullptr);
        labels.resize(std::size_t(count));
        for (int b = 0; b < count; ++b) labels[std::size_t(b)] = points[std::size_t(first + b)].label;
        const BatchLoss r = net.outputLoss(labels, ws);
        lossSum += r.lossSum;
        correct += r.correct;
        if (!stats) continue;
        for (int l = 0; l < hidden; ++l) {
            const std::vector<double>& a = ws.a[std::size_t(l) + 1];
            const std::vector<double>& d = ws.d[std::size_t(l) + 1];
            // Rows are ws.stride long; the entries past `count` are fillers.
            for (std::size_t u = 0; u < alive[std::size_t(l)].size(); ++u) {
                const std::size_t row = u * std::size_t(ws.stride);
                for (std::size_t k = row; k < row + std::size_t(count); ++k) {
                    sum[std::size_t(l)] += a[k];
                    sumSq[std::size_t(l)] += a[k] * a[k];
                    if (d[k] != 0) alive[std::size_t(l)][u] = 1;
                }
            }
        }
    }
    accuracy = m_data.regression() || n == 0 ? kNaN : double(correct) / n;
    if (stats) {
        stats->layers.assign(net.layers().size(), {});
        for (int l = 0; l < hidden; ++l) {
            LayerMetrics& m = stats->layers[std::size_t(l)];
            const double count = double(n) * double(alive[std::size_t(l)].size());
            m.mean = count ? sum[std::size_t(l)] / count : 0;
            m.stddev = count ? std::sqrt(std::max(0.0, sumSq[std::size_t(l)] / count - m.mean * m.mean)) : 0;
            const auto dead = std::count(alive[std::size_t(l)].begin(), alive[std::size_t(l)].end(), 0);
            m.deadFraction = n ? double(dead) / double(alive[std::size_t(l)].size()) : 0;
            m.learnable = net.layers()[std::size_t(l)].learnable;
        }
    }
    return n ? lossSum / n : kNaN;
}

bool Trainer::trainLossBounded() const {
    // Every output within 1e100 keeps each example's loss (squared error, cross-entropy) and
    // their sum far from overflow; the labels are finite.
    return !m_data.train.empty() && m_state.net.outputBound(m_trainFeatureBound) <= 1e100;
}

EpochMetrics Trainer::evaluate(Evaluation evaluation) {
    bool trainLeftOut = false;
    return evaluate(evaluation, trainLeftOut);
}

EpochMetrics Trainer::evaluate(Evaluation evaluation, bool& trainLeftOut) {
    EpochMetrics m;
    m.epoch = m_state.epoch;
    m.layers.assign(m_state.net.layers().size(), {});
    if (evaluation == Evaluation::None) {
        m.trainLoss = m.testLoss = m.trainAccuracy = m.testAccuracy = kNaN;
        return m;
    }
    trainLeftOut = evaluation == Evaluation::TestLoss && trainLossBounded();
    if (trainLeftOut)
        m.trainLoss = m.trainAccuracy = kNaN;
    else
        m.trainLoss = evaluateSet(m_trainFeatures, m_data.train, m.trainAccuracy,
                                  evaluation == Evaluation::Full ? &m : nullptr);
    m.testLoss = evaluateSet(m_testFeatures, m_data.test, m.testAccuracy, nullptr);
    return m;
}

void Trainer::setRegularization(Regularization r, double rate) {
    m_config.regularization = r;
    m_config.regularizationRate = rate;
}

void Trainer::setBatchSize(int batchSize) { m_config.batchSize = std::max(1, batchSize); }

void Trainer::setActivationParams(int layer, const ParamValues& params) {
    for (State* s : {&m_state, &m_lastGood, &m_initial}) {
        s->net.setActivationParams(layer, params);
        const ActivationSpec* act = s->net.activationOf(layer);
        if (const int li = act ? act->learnableIndex() : -1; li >= 0) {
            std::vector<double>& learn = s->net.layers()[std::size_t(layer)].learnable;
            std::fill(learn.begin(), learn.end(), params[std::size_t(li)]);
        }
    }
}

void Trainer::reset() {
    m_state = m_initial;
    m_lastGood = m_initial;
    m_divergence.clear();
    m_cause = {};
    m_history.clear();
    m_history.push_back(evaluate());
}

void Trainer::discardHistory() {
    m_history.erase(m_history.begin(), m_history.end() - 1);
}

void Trainer::setData(Dataset data) {
    m_data = std::move(data);
    rebuildFeatures();
    m_history.back() = evaluate();
}

}  // namespace actlab::nn
