#pragma once
// A sweep as written down: which settings vary and over what values (as text), how many seeds each
// setting is trained with, for how many epochs, and the target that counts as success. A session
// can store one ("sweep" in docs/session-format.md); the command line fills one from its options.
// sweep_plan.h turns it into the list of runs. See docs/sweeps.md.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actlab::sweep {

inline constexpr int kMaxVariables = 2;   ///< at most two settings vary at a time
inline constexpr int kMaxSeeds = 200;     ///< seeds per setting
inline constexpr int kMaxEpochs = 1'000'000;
inline constexpr int kDefaultEpochs = 100;  ///< as `activation-lab train`

/// What a run must reach to count as a success.
enum class TargetMetric {
    None,          ///< no target: epochs_to_target stays empty
    TestLoss,      ///< test loss ≤ value
    TestAccuracy,  ///< test accuracy ≥ value (a fraction in [0, 1])
};

/// "test_loss", "test_accuracy" (None has no id).
std::string_view targetMetricId(TargetMetric metric);
std::optional<TargetMetric> targetMetricFromId(std::string_view id);

struct SweepTarget {
    TargetMetric metric = TargetMetric::None;
    double value = 0;
    bool operator==(const SweepTarget&) const = default;
};

/// One varied setting as written: key "lr", spec "0.001:1:10:log".
struct VarySpec {
    std::string key;
    std::string spec;
    bool operator==(const VarySpec&) const = default;
};

struct SweepSettings {
    std::vector<VarySpec> vary;  ///< 1 or 2, distinct keys; the first is the outer loop
    int seeds = 1;               ///< 1 … kMaxSeeds: run k of a setting uses session seed + k
    int epochs = kDefaultEpochs;  ///< 0 … kMaxEpochs
    SweepTarget target;
    bool operator==(const SweepSettings&) const = default;
};

}  // namespace actlab::sweep
