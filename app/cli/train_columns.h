#pragma once
// The CSV that `activation-lab train` prints and logs, one row per epoch:
//
//   epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio,
//   grad_norm_layer1,…,grad_norm_output
//
// Numbers are written in the C locale's notation (17 significant digits, '.', no group
// separators). An empty cell means there is nothing to measure: test_loss and test_acc without
// test points, dead_percent without hidden layers, grad_ratio without hidden layers or while the
// output layer's gradient norm is 0 (epoch 0, before any update). Accuracies are "nan" for
// regression, as in the PyTorch export.

#include <string>

#include "nn/trainer.h"

namespace actlab::cli {

/// The header line (with its '\n') for the trainer's network.
std::string trainHeader(const nn::Trainer& trainer);

/// One row (with its '\n') of the trainer's metrics for an epoch.
std::string trainRow(const nn::Trainer& trainer, const nn::EpochMetrics& metrics);

}  // namespace actlab::cli
