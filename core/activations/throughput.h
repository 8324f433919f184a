#pragma once
// Timing an activation on this computer, for the lesson "is GELU faster than ReLU?" and the
// speed dialog. Measured, not quoted: the answer depends on the machine.

#include <vector>

#include "activation_call.h"

namespace actlab {

struct Throughput {
    double nsPerElement = 0;  ///< median over the timed rounds
    double elementsPerSecond = 0;
};

/// Times f and f′ together, as the network evaluates them (the vectorised kernel where the row
/// has one, else its batch kernel), on `elements` inputs spread over [−6, 6], for about
/// `seconds` in total.
Throughput measureThroughput(const ActivationCall& call, double seconds = 0.05,
                             std::size_t elements = 4096);

}  // namespace actlab
