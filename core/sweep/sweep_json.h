#pragma once
// The "sweep" block of a session document (docs/session-format.md):
//   "sweep": {"vary": [{"key": "lr", "spec": "0.001:1:10:log"}], "seeds": 20, "epochs": 300,
//             "target": {"metric": "test_loss", "value": 0.1}}
// Read and written here; nn/session.cpp calls these, and checks the result against the session
// with makePlan.

#include <nlohmann/json.hpp>
#include <string>

#include "sweep_settings.h"

namespace actlab::sweep {

/// Reads the block into `out`. Returns "" or one message that names the field ("sweep.seeds:
/// must be in [1, 200], got 0"); unknown fields are refused.
std::string readSweepJson(const nlohmann::ordered_json& j, SweepSettings& out);

/// The block, in a fixed key order (epochs always, target when there is one).
nlohmann::ordered_json sweepJson(const SweepSettings& settings);

}  // namespace actlab::sweep
