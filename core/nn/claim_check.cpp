#include "claim_check.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <map>
#include <set>
#include <thread>

#include "session_state.h"
#include "util/number_format.h"

namespace actlab::nn {

namespace {

constexpr std::size_t kMetricCount = kClaimMetricCount;
using MetricValues = std::array<double, kMetricCount>;

/// One training: a network of a variant of the session, from one seed.
struct Job {
    int variant = 0;
    std::string network;
    std::uint64_t seed = 0;
    std::set<int> epochs;     ///< where to measure
    bool full = false;        ///< a dead_percent or std claim needs the per-layer statistics
    bool everyEpoch = false;  ///< best_train_loss needs the training loss of every epoch
    std::map<int, MetricValues> values;
    int divergedAt = -1;
};

using JobKey = std::tuple<int, std::string, std::uint64_t>;

void run(Job& job, const Session& variantSession) {
    Session s = networkSession(variantSession, job.network);
    s.seed = job.seed;  // the weights' and shuffle's seed; the data keeps its own
    Trainer t = makeTrainer(s);
    const int last = job.epochs.empty() ? 0 : *job.epochs.rbegin();
    MetricValues nan;
    nan.fill(SeedOutcome::kNaN);
    double best = SeedOutcome::kNaN, rise = 1;
    for (int e = 1; e <= last; ++e) {
        const bool measured = job.epochs.count(e) > 0;
        const Evaluation ev = measured && job.full         ? Evaluation::Full
                              : measured || job.everyEpoch ? Evaluation::Loss
                                                           : Evaluation::None;
        const EpochMetrics& m = t.step(ev);
        if (job.everyEpoch) {
            // A NaN loss (divergence) stops the training below, so both stay comparable.
            if (e > 1) rise = std::max(rise, m.trainLoss / best);
            if (!(m.trainLoss >= best)) best = m.trainLoss;
        }
        if (t.diverged()) {
            job.divergedAt = e;
            for (int f : job.epochs)
                if (f >= e) job.values[f] = nan;
            return;
        }
        if (measured) {
            MetricValues v;
            for (std::size_t k = 0; k < kMetricCount; ++k)
                v[k] = claimMetricValue(ClaimMetric(k), m, s.network);
            v[std::size_t(ClaimMetric::BestTrainLoss)] = best;
            v[std::size_t(ClaimMetric::MaxLossRise)] = rise;
            job.values[e] = v;
        }
        if (e % 1000 == 0) t.discardHistory();  // only the latest metrics are read
    }
}

/// How far the claim is from failing: positive while it holds.
double margin(ClaimOp op, double lhs, double rhs) {
    if (std::isnan(lhs) || std::isnan(rhs)) return -std::numeric_limits<double>::infinity();
    return op == ClaimOp::Less || op == ClaimOp::LessEqual ? rhs - lhs : lhs - rhs;
}

}  // namespace

int ClaimOutcome::held() const {
    return int(
        std::count_if(seeds.begin(), seeds.end(), [](const SeedOutcome& s) { return s.held; }));
}

std::vector<ClaimOutcome> checkClaims(const Session& session, const ClaimCheckOptions& options) {
    const Session base = untrainedSession(session);
    std::vector<ClaimVariant> variants;
    std::map<JobKey, Job> jobs;
    std::vector<int> indices = options.only;
    if (indices.empty())
        for (int i = 0; i < int(session.claims.size()); ++i) indices.push_back(i);
    const auto seedsOf = [&](const Claim& c) {
        return options.maxSeeds > 0 ? std::min(c.seeds, options.maxSeeds) : c.seeds;
    };
    const auto variantIndex = [&](const ClaimVariant& v) {
        const auto it = std::find(variants.begin(), variants.end(), v);
        if (it != variants.end()) return int(it - variants.begin());
        variants.push_back(v);
        return int(variants.size()) - 1;
    };
    const auto need = [&](int variant, const std::string& network, std::uint64_t seed,
                          const Claim& c, ClaimMetric metric) {
        Job& job = jobs[{variant, network, seed}];
        job.variant = variant;
        job.network = network;
        job.seed = seed;
        for (int e : c.checkedEpochs()) job.epochs.insert(e);
        job.full = job.full || needsLayerStatistics(metric);
        job.everyEpoch = job.everyEpoch || needsEveryEpoch(metric);
    };
    for (int i : indices) {
        const Claim& c = session.claims.at(std::size_t(i));
        const int v = variantIndex(c.variant);
        for (int k = 0; k < seedsOf(c); ++k) {
            need(v, c.network, session.seed + std::uint64_t(k), c, c.metric);
            if (c.comparesNetworks())
                need(v, c.thanNetwork, session.seed + std::uint64_t(k), c, c.thanMetric);
        }
    }

    std::vector<Session> variantSessions;
    for (const ClaimVariant& v : variants) variantSessions.push_back(withVariant(base, v));
    std::vector<Job*> queue;
    for (auto& [key, job] : jobs) queue.push_back(&job);
    // Longest first, so that the threads finish together.
    std::stable_sort(queue.begin(), queue.end(), [](const Job* a, const Job* b) {
        return *a->epochs.rbegin() > *b->epochs.rbegin();
    });
    std::atomic<std::size_t> next{0};
    const auto worker = [&] {
        for (std::size_t k = next++; k < queue.size(); k = next++)
            run(*queue[k], variantSessions[std::size_t(queue[k]->variant)]);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, options.threads); ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& t : pool) t.join();

    std::vector<ClaimOutcome> out;
    for (int i : indices) {
        const Claim& c = session.claims.at(std::size_t(i));
        const int v = variantIndex(c.variant);
        ClaimOutcome o;
        o.index = i;
        o.claim = c;
        const int tried = seedsOf(c);
        o.required = (c.atLeast * tried + c.seeds - 1) / c.seeds;
        for (int k = 0; k < tried; ++k) {
            const std::uint64_t seed = session.seed + std::uint64_t(k);
            const Job& lhs = jobs.at({v, c.network, seed});
            const Job* rhs = c.comparesNetworks() ? &jobs.at({v, c.thanNetwork, seed}) : nullptr;
            SeedOutcome so;
            so.seed = seed;
            so.divergedAt = lhs.divergedAt;
            if (rhs && rhs->divergedAt >= 0 &&
                (so.divergedAt < 0 || rhs->divergedAt < so.divergedAt))
                so.divergedAt = rhs->divergedAt;
            double worst = std::numeric_limits<double>::infinity();
            for (int e : c.checkedEpochs()) {
                const double a = lhs.values.at(e)[std::size_t(c.metric)];
                const double b =
                    rhs ? c.thanFactor * rhs->values.at(e)[std::size_t(c.thanMetric)] : *c.value;
                const double m = margin(c.op, a, b);
                if (m < worst || so.worstEpoch < 0) {
                    worst = m;
                    so.worstEpoch = e;
                    so.worstValue = a;
                    so.worstThan = b;
                }
                if (so.failEpoch < 0 && !claimHolds(c.op, a, b)) {
                    so.failEpoch = e;
                    so.failValue = a;
                    so.failThan = b;
                }
            }
            so.held = so.failEpoch < 0;
            o.seeds.push_back(so);
        }
        out.push_back(std::move(o));
    }
    return out;
}

std::string formatOutcome(const ClaimOutcome& o) {
    const auto num = [](double d) { return formatNumber(d, 4); };
    std::string s = "claim " + std::to_string(o.index) + ": " + describe(o.claim) + "\n  " +
                    std::to_string(o.held()) + " of " + std::to_string(o.seeds.size()) +
                    " seeds hold (needs " + std::to_string(o.required) + ")" +
                    (o.holds() ? "" : " — FAILS") + "\n";
    for (const SeedOutcome& so : o.seeds) {
        s += "  seed " + std::to_string(so.seed) + ": ";
        if (so.held)
            s += "holds; closest at epoch " + std::to_string(so.worstEpoch) + ": " +
                 num(so.worstValue) + " vs " + num(so.worstThan);
        else
            s += "fails first at epoch " + std::to_string(so.failEpoch) + ": " + num(so.failValue) +
                 " vs " + num(so.failThan) + "; worst at " + std::to_string(so.worstEpoch) + ": " +
                 num(so.worstValue) + " vs " + num(so.worstThan);
        if (so.divergedAt >= 0) s += "; diverged at epoch " + std::to_string(so.divergedAt);
        s += "\n";
    }
    return s;
}

}  // namespace actlab::nn
