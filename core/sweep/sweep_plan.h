#pragma once
// The list of runs of a sweep, and the exact session of each run.
//
// Reproducibility contract (docs/sweeps.md): a plan has S settings (every combination of the
// varied values, the first variable outermost) and N seeds per setting. Run r is setting r / N
// with seed index k = r mod N; it trains runSession(plan, r): the base session with that setting's
// values applied and seed = session seed + k (initial weights and shuffling). The data is the
// session's for every run: its data seed stays the session's (as if data.generator.seed were
// fixed), only noise and train_percent, when varied, change how it is generated. Stored weights
// are dropped: every run starts from the weights its seed gives. `activation-lab train` on
// runSession(plan, r) for the plan's epochs therefore reproduces run r's losses exactly.

#include <cstdint>
#include <string>
#include <vector>

#include "nn/session.h"
#include "sweep_settings.h"
#include "sweep_variable.h"

namespace actlab::sweep {

/// Runs one plan may hold (settings × seeds).
inline constexpr int kMaxRuns = 100'000;

struct SweepPlan {
    /// The session every run starts from: stored weights, the trained epoch, the compare set (and
    /// its weights, the claims and view.focus, which name its members), the loss history, the
    /// lesson's stop epoch and the stored sweep removed.
    nn::Session base;
    std::vector<SweepVariable> variables;  ///< 1 or 2
    int seeds = 1;
    int epochs = kDefaultEpochs;
    SweepTarget target;

    /// Combinations of the varied values.
    int settingCount() const;
    int runCount() const { return settingCount() * seeds; }
    int settingOf(int run) const { return run / seeds; }
    int seedIndexOf(int run) const { return run % seeds; }
    /// The seed of run r: the session's seed + its seed index.
    std::uint64_t seedOf(int run) const { return base.seed + std::uint64_t(seedIndexOf(run)); }
    /// The index of each variable's value in a setting (the first variable varies slowest).
    std::vector<std::size_t> valueIndices(int setting) const;
    /// The setting with these value indices (one per variable): the inverse of valueIndices.
    int settingAt(const std::vector<std::size_t>& valueIndices) const;
    /// The value of variable `v` in a setting, as the CSV writes it.
    std::string valueText(std::size_t v, int setting) const;
};

/// A plan, or a message that names the problem.
struct PlanBuild {
    SweepPlan plan;
    std::string error;
    bool ok() const { return error.empty(); }
};

/// Checks the settings (validate(settings)) and that every setting fits the session: each
/// combination must give a valid session (for example Playground mode with optimizer=adam does
/// not), param.NAME must name a parameter of a hidden layer in every setting, noise and
/// train_percent need generated data, reg_rate a regularisation kind other than none, layers a
/// hidden layer to copy, and the last seed must stay within 2⁵³. Nothing is trained.
PlanBuild makePlan(const nn::Session& session, const SweepSettings& settings);

/// The session of run r (see the contract above). The sweep block is removed.
nn::Session runSession(const SweepPlan& plan, int run);

/// Applies value `index` of `variable` to a session (not its seed). Layers copy the last hidden
/// layer (or are removed from the end); an activation replaces every hidden layer's activation
/// and resets its parameters to the defaults; param.NAME sets that parameter where the layer's
/// activation has it. Returns how many hidden layers param.NAME reached (else the layer count).
int applyValue(nn::Session& session, const SweepVariable& variable, std::size_t index);

}  // namespace actlab::sweep
