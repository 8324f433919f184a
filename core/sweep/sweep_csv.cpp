#include "sweep_csv.h"

#include <algorithm>
#include <vector>

#include "util/number_format.h"

namespace actlab::sweep {

std::string csvHeader(const SweepPlan& plan) {
    std::string h;
    for (const SweepVariable& v : plan.variables) h += v.name + ",";
    return h + "seed,epochs,train_loss,test_loss,train_acc,test_acc,epochs_to_target,diverged,"
               "dead_percent\n";
}

std::string csvRow(const SweepPlan& plan, const RunResult& r) {
    std::string row;
    for (std::size_t v = 0; v < plan.variables.size(); ++v)
        row += plan.valueText(v, r.setting) + ",";
    row += std::to_string(r.seed) + "," + std::to_string(r.epochs) + "," +
           formatNumber(r.trainLoss) + "," + formatNumber(r.testLoss) + "," +
           formatNumber(r.trainAccuracy) + "," + formatNumber(r.testAccuracy) + "," +
           (r.reachedTarget() ? std::to_string(r.epochsToTarget) : std::string()) + "," +
           (r.diverged ? "1" : "0") + "," + formatNumber(r.deadPercent);
    return row + "\n";
}

std::string sweepCsv(const SweepPlan& plan, std::span<const RunResult> results) {
    std::vector<const RunResult*> sorted;
    for (const RunResult& r : results) sorted.push_back(&r);
    std::sort(sorted.begin(), sorted.end(),
              [](const RunResult* a, const RunResult* b) { return a->run < b->run; });
    std::string csv = csvHeader(plan);
    for (const RunResult* r : sorted) csv += csvRow(plan, *r);
    return csv;
}

}  // namespace actlab::sweep
