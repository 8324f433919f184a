#pragma once
// A lesson's claims as data: statements about metrics of its networks that must hold over a
// range of epochs and over seeds, so that what a lesson says can be checked the way a class
// sees it (claim_check.h trains and checks them). The JSON form is in docs/session-format.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features.h"
#include "network.h"
#include "trainer.h"

namespace actlab::nn {

/// What a claim measures, at one epoch of one network.
enum class ClaimMetric {
    TrainLoss,      ///< "train_loss"
    TestLoss,       ///< "test_loss"
    TrainAccuracy,  ///< "train_acc", a fraction in [0, 1]
    TestAccuracy,   ///< "test_acc"
    DeadPercent,    ///< "dead_percent", see deadPercent()
    GradRatio,      ///< "grad_ratio", see gradRatio()
    StdMin,         ///< "std_min": the smallest hidden-layer activation std (LayerMetrics::stddev)
    StdMax,         ///< "std_max": the largest
    StdSpread,      ///< "std_spread": std_max / std_min (1: every layer has the same spread)
    /// "best_train_loss": the lowest training loss of any epoch from 1 to this one. With
    /// train_loss it tells a loss that rose again from one that never fell.
    BestTrainLoss,
    /// "max_loss_rise": the largest factor by which the training loss of an epoch from 2 to this
    /// one exceeded the lowest training loss of the epochs before it: 1 for a loss that never
    /// rose, 10⁶ once it jumped a millionfold above its best (Adam near zero loss).
    MaxLossRise,
};

/// The number of ClaimMetric values.
inline constexpr int kClaimMetricCount = 11;
/// True for the metrics that need the per-layer statistics of Evaluation::Full.
bool needsLayerStatistics(ClaimMetric m);

enum class ClaimOp { Less, LessEqual, Greater, GreaterEqual };

std::string_view claimMetricId(ClaimMetric m);
std::optional<ClaimMetric> claimMetricFromId(std::string_view id);
/// "<", "<=", ">", ">=".
std::string_view claimOpId(ClaimOp op);
std::optional<ClaimOp> claimOpFromId(std::string_view id);
/// `lhs op rhs`; false whenever either side is NaN.
bool claimHolds(ClaimOp op, double lhs, double rhs);

/// The percentage of dead hidden units: units whose f′ is 0 on every training point (see
/// LayerMetrics::deadFraction), over all hidden layers, in [0, 100]. Needs the per-layer
/// statistics of a full evaluation (Evaluation::Full); NaN without hidden layers.
double deadPercent(const EpochMetrics& metrics, const NetworkSpec& spec);
/// The first hidden layer's gradient norm over the output layer's (LayerMetrics::gradNorm of
/// that epoch): far below 1 when gradients vanish on their way back to the input. NaN without
/// hidden layers, or when both are 0 (epoch 0).
double gradRatio(const EpochMetrics& metrics);
/// The smallest and largest standard deviation of a hidden layer's activations over the training
/// points (the gradient-health view's "mean ± std"), and their ratio; NaN without hidden layers.
/// Needs Evaluation::Full.
double stdMin(const EpochMetrics& metrics, const NetworkSpec& spec);
double stdMax(const EpochMetrics& metrics, const NetworkSpec& spec);
/// True for best_train_loss and max_loss_rise, which need the training loss of every epoch.
bool needsEveryEpoch(ClaimMetric m);
/// The metric's value from one epoch's metrics (accuracies are NaN for regression). NaN for
/// best_train_loss and max_loss_rise, which need the epochs before (see claim_check.h).
double claimMetricValue(ClaimMetric metric, const EpochMetrics& metrics, const NetworkSpec& spec);

/// Changes to the session that a claim is about: a lesson's text says "lower the rate to 0.03
/// and …", and the claim with that variant checks it. Unset fields keep the session's values.
struct ClaimVariant {
    std::optional<OptimizerKind> optimizer;
    std::optional<double> learningRate;
    std::optional<double> epsilon;  ///< Adam's ε
    std::optional<int> batchSize;
    std::optional<std::vector<Feature>> features;
    /// Hidden layers (width and activation at its default parameters) replacing the session's.
    std::optional<std::vector<LayerSpec>> layers;
    /// The initialisation ("He for ReLU, and what Xavier does to it").
    std::optional<InitKind> init;
    bool empty() const {
        return !optimizer && !learningRate && !epsilon && !batchSize && !features && !layers &&
               !init;
    }
    bool operator==(const ClaimVariant&) const = default;
};

/// Checked epochs are spaced this far apart.
inline constexpr int kClaimEpochStep = 50;
/// Limits of the numbers in a claim, so that checking one stays a bounded job.
inline constexpr int kClaimMaxEpoch = 100000;
inline constexpr int kClaimMaxSeeds = 100;

/// One claim: `metric` of `network` `op` (`value`, or `thanFactor` × `thanMetric` of
/// `thanNetwork` at the same epoch and seed), at every checked epoch of [firstEpoch, lastEpoch],
/// for at least `atLeast` of the seeds seed, seed + 1, …, seed + seeds − 1 (the session's seed
/// first). Changing the seed changes the initial weights and the shuffle only; the data stays the
/// session's.
struct Claim {
    std::string textEn, textZh;
    std::string network = "main";  ///< "main" or an id of the session's compare set
    ClaimMetric metric = ClaimMetric::TestAccuracy;
    ClaimOp op = ClaimOp::Greater;
    std::optional<double> value;  ///< exactly one of value and thanNetwork is set
    std::string thanNetwork;      ///< "main" or a compare id; empty with `value`
    ClaimMetric thanMetric = ClaimMetric::TestAccuracy;
    double thanFactor = 1;  ///< "than": {"factor": …}, a positive number (default 1)
    int firstEpoch = 1, lastEpoch = 1;
    int seeds = 1, atLeast = 1;
    ClaimVariant variant;
    bool comparesNetworks() const { return !thanNetwork.empty(); }
    /// firstEpoch, lastEpoch and every multiple of kClaimEpochStep between them, in order.
    std::vector<int> checkedEpochs() const;
    bool operator==(const Claim&) const = default;
};

/// A one-line English rendering: "relu test_acc < 0.8 at epochs 300…5000, 9 of 10 seeds".
std::string describe(const Claim& claim);

}  // namespace actlab::nn
