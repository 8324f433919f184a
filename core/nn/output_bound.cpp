// Mlp::outputBound: how large the network's outputs can be, from the weights alone.

#include <algorithm>
#include <cmath>
#include <vector>

#include "activations/activation_spec.h"
#include "network.h"

namespace actlab::nn {

double Mlp::outputBound(std::span<const double> inputBound) const {
    // Each bound is raised by a relative 1e-9 for the rounding of the sums that formed it (a
    // few ulp per term, far below that); 1e300 leaves room for the next layer's products.
    constexpr double kRounding = 1.0 + 1e-9, kLimit = 1e300;
    std::vector<double> in(inputBound.begin(), inputBound.end()), out;
    const int hidden = static_cast<int>(m_spec.hidden.size());
    for (int l = 0; l < layerCount(); ++l) {
        const LayerParams& layer = m_layers[std::size_t(l)];
        const ActivationSpec* act = activationOf(l);
        if (l < hidden && !act->growth) return HUGE_VAL;
        // One growth bound for the layer, unless PReLU learns a weight per neuron.
        const bool perNeuron = layer.learnable.size() > 1;
        LinearGrowth g;
        if (l < hidden && !perNeuron) g = act->growth(paramsOf(l, 0));
        out.assign(std::size_t(layer.out), 0.0);
        for (int j = 0; j < layer.out; ++j) {
            double z = std::fabs(layer.b[std::size_t(j)]);
            const double* w = layer.w.data() + std::size_t(j) * std::size_t(layer.in);
            for (int i = 0; i < layer.in; ++i) z += std::fabs(w[i]) * in[std::size_t(i)];
            z *= kRounding;
            if (l < hidden) {
                if (perNeuron) g = act->growth(paramsOf(l, j));
                z = (g.slope * z + g.offset) * kRounding;
            }
            if (!(z <= kLimit)) return HUGE_VAL;  // NaN fails too
            out[std::size_t(j)] = z;
        }
        in.swap(out);
    }
    return in.empty() ? 0.0 : *std::max_element(in.begin(), in.end());
}

}  // namespace actlab::nn
