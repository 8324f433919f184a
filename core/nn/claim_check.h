#pragma once
// Checks a session's claims (claims.h) the way a class would see them: each network named by a
// claim is trained headless with the core trainer, from each of the claim's seeds, up to the
// claim's last epoch, and the claim is evaluated at every checked epoch.
//
// Each (variant, network, seed) is trained once, up to the largest epoch any claim needs, and
// measured only at the checked epochs: losses and accuracies there, the per-layer statistics
// (dead units) only where a dead_percent claim needs them. Gradient norms cost nothing extra.

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "session.h"

namespace actlab::nn {

struct ClaimCheckOptions {
    /// Trainings run on this many threads at once (each owns its trainer).
    int threads = 1;
    /// Check only this many of each claim's seeds (0: all), for quick probes. atLeast is then
    /// scaled down in proportion (rounded up), and the result says how many seeds were tried.
    int maxSeeds = 0;
    /// Check only these claims, by index (empty: all).
    std::vector<int> only;
};

/// A claim's result from one seed.
struct SeedOutcome {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    std::uint64_t seed = 0;
    bool held = false;  ///< at every checked epoch
    /// The first checked epoch where it did not hold (-1 when it held), and the two sides there.
    int failEpoch = -1;
    double failValue = kNaN, failThan = kNaN;
    /// The checked epoch where the claim came closest to failing (or failed worst), and the two
    /// sides there: what a threshold can be tuned against.
    int worstEpoch = -1;
    double worstValue = kNaN, worstThan = kNaN;
    /// The epoch at which a trained network diverged (-1: none); its metrics are NaN from there,
    /// so the claim fails at every later checked epoch.
    int divergedAt = -1;
};

struct ClaimOutcome {
    int index = 0;  ///< in Session::claims
    Claim claim;
    int required = 0;  ///< atLeast, scaled when fewer seeds were tried
    std::vector<SeedOutcome> seeds;
    int held() const;
    bool holds() const { return held() >= required; }
};

/// Trains and checks the session's claims (from its untrained state, see untrainedSession).
std::vector<ClaimOutcome> checkClaims(const Session& session, const ClaimCheckOptions& options = {});

/// A multi-line English report of one outcome: the claim, "9 of 10 seeds hold (needs 9)", and
/// for each failing seed its first failing epoch and values.
std::string formatOutcome(const ClaimOutcome& outcome);

}  // namespace actlab::nn
