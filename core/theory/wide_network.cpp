#include "wide_network.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "normal_sampler.h"

namespace actlab::theory {

namespace {

std::uint64_t mix(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// An independent stream per purpose and layer: hashing rather than adding, since Rng seeds a
/// few golden-ratio steps apart would share most of their state.
std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t purpose, std::uint64_t layer) {
    return mix(seed ^ mix(purpose * 0x100000000ULL + layer));
}

constexpr std::uint64_t kInputStream = 1, kWeightStream = 2, kErrorStream = 3;

/// A layer's weights and biases: four interleaved streams, whose independent state updates the
/// processor overlaps (one stream is a serial chain of xoshiro steps).
class LayerSampler {
public:
    LayerSampler(std::uint64_t seed, std::size_t layer)
        : m_s{NormalSampler(streamSeed(seed, kWeightStream, 4 * layer)),
              NormalSampler(streamSeed(seed, kWeightStream, 4 * layer + 1)),
              NormalSampler(streamSeed(seed, kWeightStream, 4 * layer + 2)),
              NormalSampler(streamSeed(seed, kWeightStream, 4 * layer + 3))} {}
    /// A row of weights (n a multiple of 4 or not) and then its bias.
    double row(std::vector<double>& w) {
        const std::size_t n = w.size(), n4 = n / 4 * 4;
        for (std::size_t j = 0; j < n4; j += 4) {
            w[j] = m_s[0]();
            w[j + 1] = m_s[1]();
            w[j + 2] = m_s[2]();
            w[j + 3] = m_s[3]();
        }
        for (std::size_t j = n4; j < n; ++j) w[j] = m_s[j % 4]();
        return m_s[0]();
    }

private:
    NormalSampler m_s[4];
};

void check(const SimulationSettings& s) {
    if (s.width < 2 || s.width > kMaxSimulationWidth)
        throw std::invalid_argument("width must be from 2 to " +
                                    std::to_string(kMaxSimulationWidth));
    if (s.depth < 0 || s.depth > kMaxSimulationDepth)
        throw std::invalid_argument("depth must be from 0 to " +
                                    std::to_string(kMaxSimulationDepth));
    if (s.pairs < 1 || s.pairs > kMaxSimulationPairs)
        throw std::invalid_argument("pairs must be from 1 to " +
                                    std::to_string(kMaxSimulationPairs));
    if (!(s.variances.sigmaW2 >= 0) || !(s.variances.sigmaB2 >= 0) ||
        !std::isfinite(s.variances.sigmaW2) || !std::isfinite(s.variances.sigmaB2))
        throw std::invalid_argument("the variances must be finite and non-negative");
    if (!(s.q0 > 0) || !std::isfinite(s.q0)) throw std::invalid_argument("q0 must be positive");
    if (!(s.c0 >= -1 && s.c0 <= 1)) throw std::invalid_argument("c0 must be in [-1, 1]");
}

/// The inputs, unit-major (h[j·B + b]): pair members a, b with mean square q₀ and correlation c₀.
void makeInputs(const SimulationSettings& s, std::size_t n, std::size_t batch, double* h) {
    NormalSampler rng(streamSeed(s.seed, kInputStream, 0));
    std::vector<double> a(n), r(n);
    for (std::size_t p = 0; p < batch / 2; ++p) {
        for (double& v : a) v = rng();
        for (double& v : r) v = rng();
        double aa = 0, ra = 0;
        for (std::size_t j = 0; j < n; ++j) {
            aa += a[j] * a[j];
            ra += r[j] * a[j];
        }
        double rr = 0;
        for (std::size_t j = 0; j < n; ++j) {
            r[j] -= ra / aa * a[j];  // r ⟂ a
            rr += r[j] * r[j];
        }
        const double sa = std::sqrt(s.q0 * double(n) / aa), sr = std::sqrt(s.q0 * double(n) / rr);
        const double orth = std::sqrt((1 - s.c0) * (1 + s.c0));
        for (std::size_t j = 0; j < n; ++j) {
            h[j * batch + 2 * p] = sa * a[j];
            h[j * batch + 2 * p + 1] = s.c0 * sa * a[j] + orth * sr * r[j];
        }
    }
}

}  // namespace

SimulationResult simulateWideNetwork(const ActivationCall& call, const SimulationSettings& s) {
    check(s);
    const std::size_t n = std::size_t(s.width), batch = 2 * std::size_t(s.pairs);
    const std::size_t layers = std::size_t(s.depth), size = n * batch;
    const double sw = std::sqrt(s.variances.sigmaW2 / double(n));
    const double sb = std::sqrt(s.variances.sigmaB2);
    const ActivationSpec& k = *call.spec;

    // h_0 .. h_L, each unit-major so that the inner loops run over the batch (contiguous).
    std::vector<double> h((layers + 1) * size);
    makeInputs(s, n, batch, h.data());
    std::vector<double> x(size), row(n);
    for (std::size_t l = 0; l < layers; ++l) {
        const double* in = h.data() + l * size;
        double* out = h.data() + (l + 1) * size;
        k.batchF({in, size}, x, call.params);
        LayerSampler rng(s.seed, l + 1);
        for (std::size_t i = 0; i < n; ++i) {
            const double bias = sb * rng.row(row);
            // Two inputs at a time, each summed in two interleaved halves: the sums stay in
            // registers (a vector of accumulators would be stored and reloaded every step, since
            // the compiler cannot rule out aliasing) and the two chains overlap.
            for (std::size_t b0 = 0; b0 < batch; b0 += 2) {
                const double* xb = x.data() + b0;
                double a0 = 0, a1 = 0, c0 = 0, c1 = 0;
                std::size_t j = 0;
                for (; j + 1 < n; j += 2) {
                    const double w0 = row[j], w1 = row[j + 1];
                    const double* x0 = xb + j * batch;
                    const double* x1 = x0 + batch;
                    a0 += w0 * x0[0];
                    a1 += w0 * x0[1];
                    c0 += w1 * x1[0];
                    c1 += w1 * x1[1];
                }
                for (; j < n; ++j) {
                    a0 += row[j] * xb[j * batch];
                    a1 += row[j] * xb[j * batch + 1];
                }
                out[i * batch + b0] = sw * (a0 + c0) + bias;
                out[i * batch + b0 + 1] = sw * (a1 + c1) + bias;
            }
        }
    }

    SimulationResult r;
    r.q.resize(layers + 1);
    r.c.resize(layers + 1);
    for (std::size_t l = 0; l <= layers; ++l) {
        const double* hl = h.data() + l * size;
        double sumSq = 0;
        for (std::size_t i = 0; i < size; ++i) sumSq += hl[i] * hl[i];
        r.q[l] = sumSq / double(size);
        double corr = 0;
        for (std::size_t p = 0; p < batch / 2; ++p) {
            double aa = 0, bb = 0, ab = 0;
            for (std::size_t j = 0; j < n; ++j) {
                const double a = hl[j * batch + 2 * p], b = hl[j * batch + 2 * p + 1];
                aa += a * a;
                bb += b * b;
                ab += a * b;
            }
            corr += ab / std::sqrt(aa * bb);
        }
        r.c[l] = corr / double(batch / 2);
    }
    if (!s.gradients) return r;

    // Backward: δ_L standard normal, δ_l = φ′(h_l) ⊙ W_{l+1}ᵀ·δ_{l+1}, regenerating W_{l+1}.
    std::vector<double> delta(size), next(size), dphi(size);
    {
        NormalSampler rng(streamSeed(s.seed, kErrorStream, 0));
        for (double& d : delta) d = rng();
    }
    r.gradNorm2.assign(layers + 1, 0.0);
    const auto meanSquare = [&](const std::vector<double>& v) {
        double sum = 0;
        for (double d : v) sum += d * d;
        return sum / double(size);
    };
    r.gradNorm2[layers] = meanSquare(delta);
    for (std::size_t l = layers; l-- > 0;) {
        std::fill(next.begin(), next.end(), 0.0);
        LayerSampler rng(s.seed, l + 1);
        for (std::size_t i = 0; i < n; ++i) {
            (void)rng.row(row);  // the same weights as the forward pass
            const double* di = delta.data() + i * batch;
            for (std::size_t j = 0; j < n; ++j) {
                const double w = row[j];
                double* gj = next.data() + j * batch;
                for (std::size_t b = 0; b < batch; ++b) gj[b] += w * di[b];
            }
        }
        k.batchDf({h.data() + l * size, size}, dphi, call.params);
        for (std::size_t i = 0; i < size; ++i) delta[i] = sw * next[i] * dphi[i];
        r.gradNorm2[l] = meanSquare(delta);
    }
    r.gradRatio.resize(layers + 1);
    for (std::size_t l = 0; l <= layers; ++l) r.gradRatio[l] = r.gradNorm2[0] / r.gradNorm2[l];
    return r;
}

}  // namespace actlab::theory
