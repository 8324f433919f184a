#include "network.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "activations/registry.h"
#include "lanes.h"
#include "layer_activation.h"
#include "rng.h"
#include "util/id_table.h"
#include "util/portability.h"

// The forward and backward passes are built for AVX-512, AVX2 and the baseline where the
// platform allows (ACTLAB_CLONES, util/portability.h); the loader picks the best the CPU has
// (their inner loops run over the examples of a batch).

namespace actlab::nn {

namespace {

constexpr IdTableEntry<OutputKind> kOutputs[] = {
    {OutputKind::TanhSquare, "tanh_square"},
    {OutputKind::SigmoidBce, "sigmoid_bce"},
    {OutputKind::SoftmaxCe, "softmax_ce"},
    {OutputKind::LinearSquare, "linear_square"},
};
constexpr IdTableEntry<InitKind> kInits[] = {
    {InitKind::Playground, "playground"},
    {InitKind::Xavier, "xavier"},
    {InitKind::He, "he"},
    {InitKind::LeCun, "lecun"},
};


/// Examples per register block in the forward and backward passes.
constexpr std::size_t kBlock = kLanes;
/// Blocks accumulated side by side where a row is long enough (evaluation chunks, grids).
constexpr std::size_t kGroup = 4;
/// The activation kernels' vector: a layer's buffers hold a whole number of them.
constexpr std::size_t kKernelVector = 8;

std::size_t roundUp(std::size_t n, std::size_t multiple) { return (n + multiple - 1) / multiple * multiple; }

/// Calls row.template group<G>(b0) over a row of `stride` examples (a whole number of blocks)
/// in groups of G blocks from example b0: kGroup blocks while they fit, then the rest as one
/// group. A group's blocks accumulate side by side in registers, each waiting only for its own
/// multiply-adds (a batch of 10, three blocks, took one at a time waited for all of them in
/// turn). Every lane sums in the same order however the row is grouped.
template <class Row>
ACTLAB_ALWAYS_INLINE void forEachGroup(std::size_t stride, const Row& row) {
    static_assert(kGroup == 4, "the rest is three blocks at most");
    std::size_t b0 = 0;
    for (; b0 + kGroup * kBlock <= stride; b0 += kGroup * kBlock) row.template group<kGroup>(b0);
    switch ((stride - b0) / kBlock) {
        case 3: row.template group<3>(b0); break;
        case 2: row.template group<2>(b0); break;
        case 1: row.template group<1>(b0); break;
        default: break;
    }
}

/// One output row of a layer's forward pass: z[b] = bias + Σᵢ w[i]·in[i][b].
struct ForwardRow {
    const double* in;
    std::size_t stride;
    const double* w;
    int fanIn;
    double bias;
    double* z;

    template <std::size_t G>
    ACTLAB_ALWAYS_INLINE void group(std::size_t b0) const {
        lanes::Lanes b, wi;
        lanes::splat(b, bias);
        std::array<lanes::Lanes, G> acc;
        acc.fill(b);
        for (int i = 0; i < fanIn; ++i) {
            lanes::splat(wi, w[i]);
            const double* ini = in + std::size_t(i) * stride + b0;
            for (std::size_t g = 0; g < G; ++g) lanes::madd(acc[g], wi, ini + g * kBlock);
        }
        for (std::size_t g = 0; g < G; ++g) lanes::store(z + b0 + g * kBlock, acc[g]);
    }
};

/// One row of the backward pass: below[b] = Σⱼ w[j·fanIn]·δ[j][b], times f′[b] when given.
struct BackwardRow {
    const double* delta;
    std::size_t stride;
    const double* w;  ///< this input's weight in the first output row
    std::size_t fanIn;
    int fanOut;
    const double* fPrime;  ///< nullptr: dL/da itself is wanted (PReLU)
    double* below;

    template <std::size_t G>
    ACTLAB_ALWAYS_INLINE void group(std::size_t b0) const {
        lanes::Lanes wj;
        std::array<lanes::Lanes, G> acc;
        acc.fill(lanes::Lanes{});
        for (int j = 0; j < fanOut; ++j) {
            lanes::splat(wj, w[std::size_t(j) * fanIn]);
            const double* dj = delta + std::size_t(j) * stride + b0;
            for (std::size_t g = 0; g < G; ++g) lanes::madd(acc[g], wj, dj + g * kBlock);
        }
        for (std::size_t g = 0; g < G; ++g) {
            if (fPrime) lanes::mul(acc[g], fPrime + b0 + g * kBlock);
            lanes::store(below + b0 + g * kBlock, acc[g]);
        }
    }
};

}  // namespace

std::string_view outputId(OutputKind k) { return idOf(kOutputs, k); }
std::optional<OutputKind> outputFromId(std::string_view id) { return fromId(kOutputs, id); }
std::string_view initId(InitKind k) { return idOf(kInits, k); }
std::optional<InitKind> initFromId(std::string_view id) { return fromId(kInits, id); }

std::string validate(const NetworkSpec& spec, int numClasses) {
    if (spec.features.empty()) return "features: at least one input feature is needed";
    if (spec.hidden.size() > kMaxHiddenLayers)
        return "layers: at most " + std::to_string(kMaxHiddenLayers) + " hidden layers";
    for (std::size_t l = 0; l < spec.hidden.size(); ++l) {
        const LayerSpec& layer = spec.hidden[l];
        const std::string where = "layers[" + std::to_string(l) + "]";
        if (layer.neurons < 1 || layer.neurons > kMaxNeurons)
            return where + ".neurons must be in [1, " + std::to_string(kMaxNeurons) + "]";
        if (std::string e = checkLayerActivation(layer); !e.empty()) return where + e;
    }
    const bool regression = numClasses == 0;
    switch (spec.output) {
        case OutputKind::TanhSquare:
        case OutputKind::SigmoidBce:
            if (numClasses != 2) return "output: " + std::string(outputId(spec.output)) +
                                        " needs two classes (labels ±1)";
            if (spec.outputs != 1) return "outputs must be 1 for this output";
            break;
        case OutputKind::SoftmaxCe:
            if (regression) return "output: softmax_ce needs class labels, not regression targets";
            if (spec.outputs != numClasses)
                return "outputs must equal the number of classes (" + std::to_string(numClasses) +
                       ")";
            break;
        case OutputKind::LinearSquare:
            if (numClasses > 2) return "output: linear_square needs regression or binary labels";
            if (spec.outputs != 1) return "outputs must be 1 for this output";
            break;
    }
    return "";
}

FeatureTable computeFeatures(std::span<const Feature> features, std::span<const double> xs,
                             std::span<const double> ys) {
    FeatureTable t;
    t.features = static_cast<int>(features.size());
    t.points = static_cast<int>(xs.size());
    t.v.resize(features.size() * xs.size());
    for (std::size_t f = 0; f < features.size(); ++f)
        for (std::size_t p = 0; p < xs.size(); ++p)
            t.v[f * xs.size() + p] = featureValue(features[f], xs[p], ys[p]);
    return t;
}

FeatureTable computeFeatures(std::span<const Feature> features, std::span<const Point> points) {
    std::vector<double> xs, ys;
    xs.reserve(points.size());
    ys.reserve(points.size());
    for (const Point& p : points) {
        xs.push_back(p.x);
        ys.push_back(p.y);
    }
    return computeFeatures(features, xs, ys);
}

Mlp::Mlp(const NetworkSpec& spec) : m_spec(spec) {
    int in = inputs();
    for (const LayerSpec& layer : spec.hidden) {
        const FormulaActivationResult row = layerActivation(layer);
        if (!row.ok()) throw std::invalid_argument(row.error);
        const ActivationSpec* act = row.row.get();
        m_acts.push_back(row.row);
        LayerParams p{in, layer.neurons, std::vector<double>(std::size_t(in) * layer.neurons),
                      std::vector<double>(std::size_t(layer.neurons)), {}};
        if (const int li = act->learnableIndex(); li >= 0)
            p.learnable.assign(layer.preluMode == PReluMode::PerNeuron ? layer.neurons : 1,
                               layer.params[static_cast<std::size_t>(li)]);
        m_layers.push_back(std::move(p));
        in = layer.neurons;
    }
    m_layers.push_back({in, spec.outputs, std::vector<double>(std::size_t(in) * spec.outputs),
                        std::vector<double>(std::size_t(spec.outputs)), {}});
    if (spec.output == OutputKind::TanhSquare) m_outputAct = &activation("tanh");
    if (spec.output == OutputKind::SigmoidBce) m_outputAct = &activation("sigmoid");
}

ParamValues Mlp::paramsOf(int l, int j) const {
    const auto lu = static_cast<std::size_t>(l);
    ParamValues p = m_spec.hidden[lu].params;
    const std::vector<double>& learn = m_layers[lu].learnable;
    if (!learn.empty())
        p[static_cast<std::size_t>(m_acts[lu]->learnableIndex())] =
            learn.size() == 1 ? learn[0] : learn[static_cast<std::size_t>(j)];
    return p;
}

void Mlp::setActivationParams(int l, const ParamValues& p) {
    m_spec.hidden[static_cast<std::size_t>(l)].params = p;
}

void Mlp::initialise(InitKind init, std::uint64_t seed) {
    Rng rng(seed);
    for (std::size_t l = 0; l < m_layers.size(); ++l) {
        LayerParams& layer = m_layers[l];
        const double fanIn = layer.in, fanOut = layer.out;
        for (int j = 0; j < layer.out; ++j) {
            layer.b[std::size_t(j)] = init == InitKind::Playground ? 0.1 : 0.0;
            for (int i = 0; i < layer.in; ++i) {
                double w = 0;
                switch (init) {
                    case InitKind::Playground: w = rng.uniform() - 0.5; break;
                    case InitKind::Xavier: {
                        const double limit = std::sqrt(6.0 / (fanIn + fanOut));
                        w = rng.uniform(-limit, limit);
                        break;
                    }
                    case InitKind::He: w = std::sqrt(2.0 / fanIn) * rng.normal(); break;
                    case InitKind::LeCun: w = std::sqrt(1.0 / fanIn) * rng.normal(); break;
                }
                layer.w[std::size_t(j) * std::size_t(layer.in) + std::size_t(i)] = w;
            }
        }
        if (l < m_acts.size() && !layer.learnable.empty()) {
            const int li = m_acts[l]->learnableIndex();
            std::fill(layer.learnable.begin(), layer.learnable.end(),
                      m_spec.hidden[l].params[static_cast<std::size_t>(li)]);
        }
    }
}

void Mlp::prepare(Workspace& ws, int batch) const {
    const auto fits = [&] {
        if (ws.widths.size() != m_layers.size() + 1 || ws.widths[0] != inputs()) return false;
        for (std::size_t l = 0; l < m_layers.size(); ++l)
            if (ws.widths[l + 1] != m_layers[l].out) return false;
        return true;
    };
    if (ws.batch == batch && fits()) return;
    ws.batch = batch;
    ws.stride = static_cast<int>(roundUp(std::size_t(batch), kBlock));
    ws.widths = {inputs()};
    for (const LayerParams& l : m_layers) ws.widths.push_back(l.out);
    const std::size_t layers = m_layers.size() + 1;
    for (auto* v : {&ws.z, &ws.a, &ws.d, &ws.delta}) v->resize(layers);
    // Whole kernel vectors, so that the activation kernels never run a scalar remainder.
    const auto size = [&](int n) { return roundUp(std::size_t(n) * std::size_t(ws.stride), kKernelVector); };
    ws.a[0].assign(size(inputs()), 0.0);
    for (std::size_t l = 0; l < m_layers.size(); ++l)
        for (auto* v : {&ws.z, &ws.a, &ws.d, &ws.delta}) (*v)[l + 1].assign(size(m_layers[l].out), 0.0);
    ws.outDelta.assign(size(m_layers.back().out), 0.0);
}

Gradients Mlp::makeGradients() const {
    Gradients g;
    for (const LayerParams& l : m_layers) {
        g.w.emplace_back(l.w.size(), 0.0);
        g.b.emplace_back(l.b.size(), 0.0);
        g.learnable.emplace_back(l.learnable.size(), 0.0);
    }
    return g;
}

namespace {
/// dst[0, stride) = src[0, batch) followed by zeros (short rows: whole blocks, then one loop for
/// the rest, with no library call per row). The blocks are copied as bytes: this function is not
/// cloned, and in the baseline build a block of lanes would pass through the stack.
void loadRow(const double* src, double* dst, std::size_t batch, std::size_t stride) {
    std::size_t b = 0;
    for (; b + kBlock <= batch; b += kBlock) std::memcpy(dst + b, src + b, kBlock * sizeof(double));
    for (; b < stride; ++b) dst[b] = b < batch ? src[b] : 0.0;
}
}  // namespace

void Mlp::loadInputs(const FeatureTable& table, int first, Workspace& ws) const {
    for (int f = 0; f < table.features; ++f)
        loadRow(table.v.data() + std::size_t(f) * std::size_t(table.points) + first,
                ws.a[0].data() + std::size_t(f) * std::size_t(ws.stride), std::size_t(ws.batch),
                std::size_t(ws.stride));
}

void Mlp::loadInputs(const FeatureTable& table, std::span<const int> indices,
                     Workspace& ws) const {
    const std::size_t batch = std::size_t(ws.batch), stride = std::size_t(ws.stride);
    for (int f = 0; f < table.features; ++f) {
        const double* src = table.v.data() + std::size_t(f) * std::size_t(table.points);
        double* dst = ws.a[0].data() + std::size_t(f) * stride;
        for (std::size_t b = 0; b < stride; ++b) dst[b] = b < batch ? src[indices[b]] : 0.0;
    }
}

namespace {

/// The forward pass (see Mlp::forward), a free function so that it can be cloned per instruction
/// set with the same declaration for every compiler.
ACTLAB_CLONES void forwardPass(const Mlp& net, const ActivationSpec* outputAct, Workspace& ws,
                               bool derivatives) {
    const std::span<const LayerParams> layers = net.layers();
    const std::size_t hidden = net.spec().hidden.size();
    const std::size_t stride = std::size_t(ws.stride);  // a whole number of lane blocks
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const LayerParams& layer = layers[l];
        const double* in = ws.a[l].data();
        double* z = ws.z[l + 1].data();
        // z[j][:] = b[j] + Σᵢ w[j][i]·in[i][:], vectorised over the examples. Blocks of kBlock
        // examples accumulate in registers across i (accumulating in z itself would make every
        // i wait for the store of the previous one), up to kGroup blocks side by side
        // (forEachGroup). Every lane sums in the same order with the same operations, so an
        // output does not depend on how the examples were chunked (a grid in pieces equals the
        // whole).
        for (int j = 0; j < layer.out; ++j) {
            const double* wj = layer.w.data() + std::size_t(j) * std::size_t(layer.in);
            forEachGroup(stride, ForwardRow{in, stride, wj, layer.in, layer.b[std::size_t(j)],
                                            z + std::size_t(j) * stride});
        }
        // The whole buffers, padded to whole kernel vectors (see prepare()).
        const std::size_t n = ws.z[l + 1].size();
        const std::span<const double> zs(z, n);
        const std::span<double> as(ws.a[l + 1].data(), n), ds(ws.d[l + 1].data(), n);
        if (l < hidden) {
            // The vectorised kernels where the row has them, else the row's batch kernels: one
            // call per layer (per neuron when PReLU has a weight per neuron).
            // A formula row evaluates its program over the whole buffer in one call.
            const ActivationSpec& act = *net.activationOf(int(l));
            if (layer.learnable.size() > 1) {
                for (int j = 0; j < layer.out; ++j) {
                    const std::size_t o = std::size_t(j) * stride;
                    act.trainFDf(zs.subspan(o, stride), as.subspan(o, stride),
                                 ds.subspan(o, stride), net.paramsOf(int(l), j));
                }
            } else if (derivatives) {
                act.trainFDf(zs, as, ds, net.paramsOf(int(l), 0));
            } else {
                act.trainF(zs, as, net.paramsOf(int(l), 0));
            }
            continue;
        }
        switch (net.spec().output) {
            case OutputKind::TanhSquare:
            case OutputKind::SigmoidBce:
                // Only training's output error needs f′ of the output (grids and evaluation
                // do not).
                if (derivatives)
                    outputAct->trainFDf(zs, as, ds, {});
                else
                    outputAct->trainF(zs, as, {});
                break;
            case OutputKind::LinearSquare:
                std::copy(zs.begin(), zs.end(), as.begin());
                std::fill(ds.begin(), ds.end(), 1.0);
                break;
            case OutputKind::SoftmaxCe:
                for (std::size_t b = 0; b < stride; ++b) {
                    double zmax = -HUGE_VAL;
                    for (int k = 0; k < layer.out; ++k) zmax = std::max(zmax, z[std::size_t(k) * stride + b]);
                    double sum = 0;
                    for (int k = 0; k < layer.out; ++k) {
                        const double e = std::exp(z[std::size_t(k) * stride + b] - zmax);
                        as[std::size_t(k) * stride + b] = e;
                        sum += e;
                    }
                    for (int k = 0; k < layer.out; ++k) as[std::size_t(k) * stride + b] /= sum;
                }
                break;
        }
    }
}

}  // namespace

void Mlp::forward(Workspace& ws, bool derivatives) const {
    forwardPass(*this, m_outputAct, ws, derivatives);
}

namespace {

/// The backward pass (see Mlp::backward), cloned per instruction set like forwardPass.
ACTLAB_CLONES void backwardPass(const Mlp& net, Workspace& ws, Gradients& g) {
    const std::span<const LayerParams> layers = net.layers();
    const std::size_t batch = std::size_t(ws.batch), stride = std::size_t(ws.stride);
    const double* delta = ws.outDelta.data();
    const bool fresh = g.count == 0;  // the sums start here (see Gradients)
    const auto add = [fresh](double& sum, double term) { sum = fresh ? term : sum + term; };
    for (std::size_t l = layers.size(); l-- > 0;) {
        const LayerParams& layer = layers[l];
        const double* in = ws.a[l].data();
        std::vector<double>& gw = g.w[l];
        std::vector<double>& gb = g.b[l];
        // Gradient sums over the examples: lane-wise partial sums over the blocks, then one sum
        // of the lanes (the fillers' δ is 0 and adds nothing).
        for (int j = 0; j < layer.out; ++j) {
            const double* dj = delta + std::size_t(j) * stride;
            lanes::Lanes sb = {};
            for (std::size_t b0 = 0; b0 < stride; b0 += kBlock) lanes::add(sb, dj + b0);
            add(gb[std::size_t(j)], lanes::sum(sb));
            double* gwj = gw.data() + std::size_t(j) * std::size_t(layer.in);
            int i = 0;
            // Four inputs at a time: four chains side by side, their lanes summed together.
            for (; i + 4 <= layer.in; i += 4) {
                const double* ini = in + std::size_t(i) * stride;
                lanes::Lanes s[4] = {{}, {}, {}, {}}, d;
                for (std::size_t b0 = 0; b0 < stride; b0 += kBlock) {
                    lanes::load(d, dj + b0);
                    for (std::size_t k = 0; k < 4; ++k) lanes::madd(s[k], d, ini + k * stride + b0);
                }
                double sums[4];
                lanes::sum4(s, sums);
                for (int k = 0; k < 4; ++k) add(gwj[i + k], sums[k]);
            }
            for (; i < layer.in; ++i) {
                const double* ini = in + std::size_t(i) * stride;
                lanes::Lanes s = {};
                for (std::size_t b0 = 0; b0 < stride; b0 += kBlock)
                    lanes::madd(s, dj + b0, ini + b0);
                add(gwj[i], lanes::sum(s));
            }
        }
        if (l == 0) break;
        // dL/da of the layer below, then through its activation: δ = dL/da ⊙ f′(z).
        const std::size_t hl = l - 1;  // hidden layer index of the layer below
        const LayerParams& lower = layers[hl];
        // PReLU's weight needs dL/da itself: then δ is formed in a second pass.
        const bool keepDa = !lower.learnable.empty();
        // below[i][:] = Σⱼ w[j][i]·δ[j][:], in blocks of examples held in registers across j
        // (as in the forward pass), summed from 0 in the order of j, times f′ in the register.
        double* below = ws.delta[l].data();
        const double* dl = ws.d[l].data();
        const std::size_t fanIn = std::size_t(layer.in);
        for (std::size_t i = 0; i < fanIn; ++i) {
            const double* wi = layer.w.data() + i;  // w[j][i] = wi[j·in]
            forEachGroup(stride, BackwardRow{delta, stride, wi, fanIn, layer.out,
                                             keepDa ? nullptr : dl + i * stride,
                                             below + i * stride});
        }
        if (keepDa) {
            const ActivationSpec* act = net.activationOf(int(hl));
            const double* zl = ws.z[l].data();
            const bool perNeuron = lower.learnable.size() > 1;
            double layerSum = 0;  // one weight for the layer: the sum over its neurons
            for (int i = 0; i < layer.in; ++i) {
                const ParamValues p = net.paramsOf(int(hl), i);
                double s = 0;
                for (std::size_t b = 0; b < batch; ++b)
                    s += below[std::size_t(i) * stride + b] *
                         act->dfDLearnable(zl[std::size_t(i) * stride + b], p);
                if (perNeuron)
                    add(g.learnable[hl][std::size_t(i)], s);
                else
                    layerSum += s;
            }
            if (!perNeuron) add(g.learnable[hl][0], layerSum);
            const std::size_t n = fanIn * stride;
            for (std::size_t k = 0; k < n; ++k) below[k] *= dl[k];
        }
        delta = below;
    }
    g.count += ws.batch;
}

}  // namespace

void Mlp::backward(Workspace& ws, Gradients& g) const { backwardPass(*this, ws, g); }

bool Mlp::finite() const {
    for (const LayerParams& l : m_layers)
        for (const std::vector<double>* v : {&l.w, &l.b, &l.learnable})
            for (double x : *v)
                if (!std::isfinite(x)) return false;
    return true;
}

}  // namespace actlab::nn
