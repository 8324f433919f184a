#include "train_columns.h"

#include <cmath>
#include <limits>

#include "util/number_format.h"

namespace actlab::cli {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A measured value, or an empty cell when there is none.
std::string cell(double v, bool exists = true) {
    return exists && !std::isnan(v) ? formatNumber(v) : std::string();
}

}  // namespace

double deadPercent(const nn::NetworkSpec& network, const nn::EpochMetrics& metrics) {
    double dead = 0, units = 0;
    for (std::size_t l = 0; l < network.hidden.size() && l < metrics.layers.size(); ++l) {
        const double neurons = network.hidden[l].neurons;
        // deadFraction is a count over the layer's width: round away its last-bit error.
        dead += std::round(metrics.layers[l].deadFraction * neurons);
        units += neurons;
    }
    return units > 0 ? 100 * dead / units : kNaN;
}

double gradRatio(const nn::EpochMetrics& metrics) {
    if (metrics.layers.size() < 2) return kNaN;  // the output layer alone
    const double output = metrics.layers.back().gradNorm;
    return output > 0 ? metrics.layers.front().gradNorm / output : kNaN;
}

std::string trainHeader(const nn::Trainer& trainer) {
    std::string h = "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio";
    const std::size_t hidden = trainer.network().spec().hidden.size();
    for (std::size_t l = 0; l < hidden; ++l) h += ",grad_norm_layer" + std::to_string(l + 1);
    h += ",grad_norm_output";
    return h + "\n";
}

std::string trainRow(const nn::Trainer& trainer, const nn::EpochMetrics& m) {
    // Regression accuracy is "nan" (there is none to measure, as the PyTorch export prints);
    // the columns of a set without points are left empty.
    const bool test = !trainer.data().test.empty();
    std::string r = std::to_string(m.epoch) + "," + formatNumber(m.trainLoss) + "," +
                    cell(m.testLoss, test) + "," + formatNumber(m.trainAccuracy) + "," +
                    (test ? formatNumber(m.testAccuracy) : std::string()) + "," +
                    cell(deadPercent(trainer.network().spec(), m)) + "," + cell(gradRatio(m));
    for (const nn::LayerMetrics& l : m.layers) r += "," + formatNumber(l.gradNorm);
    return r + "\n";
}

}  // namespace actlab::cli
