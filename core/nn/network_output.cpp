// The network's output side: the predicted label of an output, a batch's loss and correct
// predictions, and the error at the output layer that the backward pass starts from (network.h).
// Built like network.cpp: the cloned loops use the lanes (nn/lanes.h), fused where the compiler
// fuses a·b + c.

#include <algorithm>
#include <cmath>

#include "lanes.h"
#include "network.h"
#include "util/portability.h"

namespace actlab::nn {

double predictedLabel(OutputKind kind, std::span<const double> outputs, std::size_t example,
                      std::size_t stride) {
    switch (kind) {
        case OutputKind::TanhSquare: return outputs[example] >= 0 ? 1.0 : -1.0;
        case OutputKind::SigmoidBce: return outputs[example] >= 0.5 ? 1.0 : -1.0;
        case OutputKind::LinearSquare: return outputs[example] >= 0 ? 1.0 : -1.0;
        case OutputKind::SoftmaxCe: {
            const std::size_t k = outputs.size() / stride;
            std::size_t best = 0;
            for (std::size_t c = 1; c < k; ++c)
                if (outputs[c * stride + example] > outputs[best * stride + example]) best = c;
            return static_cast<double>(best);
        }
    }
    return 0;
}

namespace {

/// log(1 + eᶻ) without overflow.
double softplus(double z) { return (z > 0 ? z : 0.0) + std::log1p(std::exp(-std::fabs(z))); }

/// The class index of a label for softmax: binary ±1 labels map to classes 0 and 1.
int classOf(double label, int outputs) {
    return outputs == 2 && (label == 1 || label == -1) ? (label > 0) : static_cast<int>(label);
}

/// Σ ½(oᵦ − tᵦ)² over a batch and the count of outputs on the side of their ±1 label, cloned
/// like the passes. Example b is summed into lane b mod kLanes and the lanes added at the end
/// (lanes::sum): four independent chains of additions, where one chain made every addition wait
/// for the one before (5 % of the default network's epoch with its losses). The order is fixed,
/// so the sum does not depend on the instruction set.
ACTLAB_CLONES BatchLoss squaredErrorLoss(const double* o, const double* t, std::size_t batch) {
    lanes::Lanes acc, half, diff, target;
    lanes::splat(acc, 0.0);
    lanes::splat(half, 0.5);
    // The last examples with fillers that add 0, so that every example takes the same steps.
    double lastO[kLanes] = {}, lastT[kLanes] = {};
    const std::size_t whole = batch - batch % kLanes;
    std::copy(o + whole, o + batch, lastO);
    std::copy(t + whole, t + batch, lastT);
    for (std::size_t b = 0; b < batch; b += kLanes) {
        lanes::load(diff, b < whole ? o + b : lastO);
        lanes::load(target, b < whole ? t + b : lastT);
        diff -= target;
        lanes::Lanes halfDiff = diff;
        halfDiff *= half;
        lanes::fusedAdd(acc, halfDiff, diff);
    }
    BatchLoss r;
    r.lossSum = lanes::sum(acc);
    // A prediction is ±1, so it can equal only a ±1 label: regression targets never count.
    for (std::size_t b = 0; b < batch; ++b) r.correct += int((o[b] >= 0 ? 1.0 : -1.0) == t[b]);
    return r;
}
}  // namespace

BatchLoss Mlp::outputLoss(std::span<const double> labels, const Workspace& ws) const {
    const std::size_t batch = std::size_t(ws.batch), stride = std::size_t(ws.stride);
    const double* z = ws.z.back().data();
    const double* a = ws.a.back().data();
    const int outputs = m_layers.back().out;
    BatchLoss r;
    switch (m_spec.output) {
        case OutputKind::TanhSquare:
        case OutputKind::LinearSquare:
            r = squaredErrorLoss(a, labels.data(), batch);
            break;
        case OutputKind::SigmoidBce:
            for (std::size_t b = 0; b < batch; ++b) {
                const double t01 = labels[b] > 0 ? 1.0 : 0.0;
                r.lossSum += softplus(z[b]) - t01 * z[b];
                r.correct += (z[b] >= 0) == (t01 == 1);
            }
            break;
        case OutputKind::SoftmaxCe:
            for (std::size_t b = 0; b < batch; ++b) {
                const int c = classOf(labels[b], outputs);
                double zmax = -HUGE_VAL;
                for (int j = 0; j < outputs; ++j) zmax = std::max(zmax, z[std::size_t(j) * stride + b]);
                double sum = 0;
                for (int j = 0; j < outputs; ++j) sum += std::exp(z[std::size_t(j) * stride + b] - zmax);
                r.lossSum += zmax + std::log(sum) - z[std::size_t(c) * stride + b];
                r.correct += predictedLabel(OutputKind::SoftmaxCe, ws.a.back(), b, stride) == c;
            }
            break;
    }
    return r;
}

namespace {

/// dL/dz of the output layer (see Mlp::outputError), cloned like the passes.
ACTLAB_CLONES void outputErrorPass(OutputKind kind, std::size_t outputs,
                                   std::span<const double> labels, Workspace& ws) {
    const std::size_t batch = std::size_t(ws.batch), stride = std::size_t(ws.stride);
    const double* __restrict a = ws.a.back().data();
    const double* __restrict d = ws.d.back().data();
    const double* __restrict t = labels.data();
    double* __restrict delta = ws.outDelta.data();
    switch (kind) {
        case OutputKind::TanhSquare:
        case OutputKind::LinearSquare:  // ½(o − t)²: (o − t)·f′(z)
            for (std::size_t b = 0; b < batch; ++b) delta[b] = (a[b] - t[b]) * d[b];
            break;
        case OutputKind::SigmoidBce:  // σ(z) − t
            for (std::size_t b = 0; b < batch; ++b) delta[b] = a[b] - (t[b] > 0 ? 1.0 : 0.0);
            break;
        case OutputKind::SoftmaxCe:  // softmax(z) − one-hot(t)
            for (std::size_t b = 0; b < batch; ++b) {
                const int c = classOf(t[b], int(outputs));
                for (std::size_t j = 0; j < outputs; ++j)
                    delta[j * stride + b] = a[j * stride + b] - (int(j) == c ? 1.0 : 0.0);
            }
            break;
    }
    // The filler examples past the batch carry no error back.
    for (std::size_t j = 0; j < outputs; ++j)
        std::fill(delta + j * stride + batch, delta + (j + 1) * stride, 0.0);
}

}  // namespace

void Mlp::outputError(std::span<const double> labels, Workspace& ws) const {
    outputErrorPass(m_spec.output, std::size_t(m_layers.back().out), labels, ws);
}

}  // namespace actlab::nn
