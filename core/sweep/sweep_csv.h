#pragma once
// The sweep's CSV: one row per run, in run order. Columns: the varied keys (in the order given),
// then seed, epochs, train_loss, test_loss, train_acc, test_acc, epochs_to_target (empty for
// never), diverged (0/1), dead_percent. Numbers are written as `activation-lab train` writes them
// (17 significant digits), so a row can be compared with train's output as text.

#include <span>
#include <string>

#include "sweep_plan.h"
#include "sweep_run.h"

namespace actlab::sweep {

/// The header line, with its newline.
std::string csvHeader(const SweepPlan& plan);
/// One run's line, with its newline.
std::string csvRow(const SweepPlan& plan, const RunResult& result);
/// The header and the rows of `results`, sorted by run index (whatever order they came in).
std::string sweepCsv(const SweepPlan& plan, std::span<const RunResult> results);

}  // namespace actlab::sweep
