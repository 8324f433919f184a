#pragma once
// Importing a recorded TensorFlow Playground training run (the format of the test fixtures,
// documented in docs/playground-compat.md) as a session in Playground-compatible mode, together
// with the losses and the output grid it recorded.

#include <string>
#include <string_view>
#include <vector>

#include "session.h"

namespace actlab::nn {

struct PlaygroundRun {
    Session session;
    /// Recorded losses per epoch, from epoch 0: {epoch, train loss, test loss}.
    struct Loss {
        int epoch;
        double train, test;
    };
    std::vector<Loss> losses;
    /// The recorded output grid (Playground layout, see grid.h), and after which epoch.
    std::vector<double> grid;
    int gridEpoch = 0;
    int gridDensity = 100;
};

struct PlaygroundImport {
    PlaygroundRun run;
    std::string error;
    bool ok() const { return error.empty(); }
};

/// Parses a recorded run. Hidden activations tanh, relu, sigmoid and linear map to the registry's
/// tanh, relu, sigmoid and identity; output tanh to tanh_square and linear to linear_square.
PlaygroundImport importPlaygroundRun(std::string_view json);

}  // namespace actlab::nn
