#include "claims.h"

#include <cmath>
#include <iterator>
#include <limits>

#include "util/id_table.h"
#include "util/number_format.h"

namespace actlab::nn {

namespace {

constexpr IdTableEntry<ClaimMetric> kMetrics[] = {
    {ClaimMetric::TrainLoss, "train_loss"},     {ClaimMetric::TestLoss, "test_loss"},
    {ClaimMetric::TrainAccuracy, "train_acc"},  {ClaimMetric::TestAccuracy, "test_acc"},
    {ClaimMetric::DeadPercent, "dead_percent"}, {ClaimMetric::GradRatio, "grad_ratio"},
    {ClaimMetric::StdMin, "std_min"},           {ClaimMetric::StdMax, "std_max"},
    {ClaimMetric::StdSpread, "std_spread"},     {ClaimMetric::BestTrainLoss, "best_train_loss"},
    {ClaimMetric::MaxLossRise, "max_loss_rise"}};
static_assert(std::size(kMetrics) == kClaimMetricCount, "one id per ClaimMetric");
constexpr IdTableEntry<ClaimOp> kOps[] = {{ClaimOp::Less, "<"},
                                          {ClaimOp::LessEqual, "<="},
                                          {ClaimOp::Greater, ">"},
                                          {ClaimOp::GreaterEqual, ">="}};
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::string_view claimMetricId(ClaimMetric m) {
    return idOf(kMetrics, m);
}
std::optional<ClaimMetric> claimMetricFromId(std::string_view id) {
    return fromId(kMetrics, id);
}
std::string_view claimOpId(ClaimOp op) {
    return idOf(kOps, op);
}
std::optional<ClaimOp> claimOpFromId(std::string_view id) {
    return fromId(kOps, id);
}

bool claimHolds(ClaimOp op, double lhs, double rhs) {
    switch (op) {
        case ClaimOp::Less:
            return lhs < rhs;
        case ClaimOp::LessEqual:
            return lhs <= rhs;
        case ClaimOp::Greater:
            return lhs > rhs;
        case ClaimOp::GreaterEqual:
            return lhs >= rhs;
    }
    return false;
}

double deadPercent(const EpochMetrics& m, const NetworkSpec& spec) {
    double dead = 0, units = 0;
    for (std::size_t l = 0; l < spec.hidden.size() && l < m.layers.size(); ++l) {
        const double neurons = spec.hidden[l].neurons;
        // deadFraction is dead units / width: round away its last-bit error to recover the count.
        dead += std::round(m.layers[l].deadFraction * neurons);
        units += neurons;
    }
    return units > 0 ? 100 * dead / units : kNaN;
}

double gradRatio(const EpochMetrics& m) {
    if (m.layers.size() < 2) return kNaN;  // the output layer alone
    const double out = m.layers.back().gradNorm;
    return out > 0 ? m.layers.front().gradNorm / out : kNaN;  // no update yet: nothing to compare
}

bool needsLayerStatistics(ClaimMetric m) {
    return m == ClaimMetric::DeadPercent || m == ClaimMetric::StdMin || m == ClaimMetric::StdMax ||
           m == ClaimMetric::StdSpread;
}

bool needsEveryEpoch(ClaimMetric m) {
    return m == ClaimMetric::BestTrainLoss || m == ClaimMetric::MaxLossRise;
}

double stdMin(const EpochMetrics& m, const NetworkSpec& spec) {
    double v = kNaN;
    for (std::size_t l = 0; l < spec.hidden.size() && l < m.layers.size(); ++l)
        if (!(m.layers[l].stddev >= v)) v = m.layers[l].stddev;
    return v;
}

double stdMax(const EpochMetrics& m, const NetworkSpec& spec) {
    double v = kNaN;
    for (std::size_t l = 0; l < spec.hidden.size() && l < m.layers.size(); ++l)
        if (!(m.layers[l].stddev <= v)) v = m.layers[l].stddev;
    return v;
}

double claimMetricValue(ClaimMetric metric, const EpochMetrics& m, const NetworkSpec& spec) {
    switch (metric) {
        case ClaimMetric::TrainLoss:
            return m.trainLoss;
        case ClaimMetric::TestLoss:
            return m.testLoss;
        case ClaimMetric::TrainAccuracy:
            return m.trainAccuracy;
        case ClaimMetric::TestAccuracy:
            return m.testAccuracy;
        case ClaimMetric::DeadPercent:
            return deadPercent(m, spec);
        case ClaimMetric::GradRatio:
            return gradRatio(m);
        case ClaimMetric::StdMin:
            return stdMin(m, spec);
        case ClaimMetric::StdMax:
            return stdMax(m, spec);
        case ClaimMetric::StdSpread:
            return stdMax(m, spec) / stdMin(m, spec);
        case ClaimMetric::BestTrainLoss:
        case ClaimMetric::MaxLossRise:
            return kNaN;
    }
    return kNaN;
}

std::vector<int> Claim::checkedEpochs() const {
    std::vector<int> epochs{firstEpoch};
    for (int e = (firstEpoch / kClaimEpochStep + 1) * kClaimEpochStep; e < lastEpoch;
         e += kClaimEpochStep)
        epochs.push_back(e);
    if (lastEpoch > firstEpoch) epochs.push_back(lastEpoch);
    return epochs;
}

std::string describe(const Claim& c) {
    std::string s = c.network + " " + std::string(claimMetricId(c.metric)) + " " +
                    std::string(claimOpId(c.op)) + " ";
    s += c.comparesNetworks()
             ? (c.thanFactor != 1 ? formatNumber(c.thanFactor, 6) + " × " : std::string()) +
                   c.thanNetwork + " " + std::string(claimMetricId(c.thanMetric))
             : formatNumber(c.value.value_or(kNaN), 6);
    s += " at epochs " + std::to_string(c.firstEpoch) + "…" + std::to_string(c.lastEpoch) + ", " +
         std::to_string(c.atLeast) + " of " + std::to_string(c.seeds) + " seeds";
    if (!c.variant.empty()) s += " (variant)";
    return s;
}

}  // namespace actlab::nn
