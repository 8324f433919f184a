#include "train_columns.h"

#include <cmath>
#include <limits>

#include "nn/claims.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

/// A measured value, or an empty cell when there is none.
std::string cell(double v, bool exists = true) {
    return exists && !std::isnan(v) ? formatNumber(v) : std::string();
}

}  // namespace

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
                    cell(nn::deadPercent(m, trainer.network().spec())) + "," +
                    cell(nn::gradRatio(m));
    for (const nn::LayerMetrics& l : m.layers) r += "," + formatNumber(l.gradNorm);
    return r + "\n";
}

}  // namespace actlab::cli
