#pragma once
// The explorer plot's y range: fitted to the curves shown with y = 0 always in view (the zero
// line is every activation's reference), grown only as far as needed while a curve moves, and
// never of zero height.

#include <span>

#include "activations/curve.h"

namespace actlab::ui::yrange {

/// A closed range [lo, hi].
struct Range {
    double lo = 0, hi = 0;
    bool operator==(const Range&) const = default;
};

/// The smallest and largest finite value of the curves shown (`shown`: f, f′, f″) in `curves`;
/// false when there is none.
bool finiteRange(std::span<const Curve* const> curves, const bool (&shown)[3], Range& out);
/// The range that shows `data` (or [−1, 1] without data) with y = 0 and a 7 % margin.
Range fitted(const Range* data);
/// `current`, grown to take in `data` with a 7 % margin; `current` itself when it does already.
Range expanded(const Range& data, const Range& current);
/// [lo, hi], widened about lo when it has (almost) no height.
Range nonDegenerate(Range r);

}  // namespace actlab::ui::yrange
