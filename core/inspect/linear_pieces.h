#pragma once
// Which activations are piecewise linear, and where their pieces meet: the basis of the linear
// regions of a network (region_map.h). Definitions in docs/why-views.md.
//
// The rule, for a registry row with parameters p: the candidate breakpoints are the row's kinks
// (ActivationSpec::kinks), and f counts as piecewise linear when its second derivative is
// exactly 0 at probe points inside every piece between them. Smoothness alone cannot decide it
// (Hardswish is C⁰ with a parabola in the middle, Identity is C^∞ and linear), and the answer
// can depend on the parameters (ELU with α = 0 is ReLU). With the defaults, the registry's
// piecewise-linear rows are ReLU, LeakyReLU, PReLU, RReLU (in evaluation, its fixed mean slope),
// ReLU6, Hardtanh, Hardsigmoid, Softshrink, Hardshrink, Threshold and Identity; discontinuous
// ones count, since the network is still affine on each region. Adjacent pieces that are the same
// affine function (LeakyReLU with slope 1) are merged, so every breakpoint is a real change.
//
// Formula activations: when the registry gains rows compiled from a formula, decide them in
// linearPieces() before the probes, from FormulaProgram::isPiecewiseLinear() (exact, symbolic)
// and FormulaProgram::kinks() (their switching points): that is the one place to extend.

#include <array>
#include <optional>

#include "activations/activation_spec.h"

namespace actlab::inspect {

/// The breakpoints of a piecewise-linear activation: piece k is the interval
/// (at[k−1], at[k]] (from −∞, to +∞ for the last), so that z exactly at a breakpoint is on the
/// left piece.
struct LinearPieces {
    static constexpr int kMaxBreakpoints = 8;
    int count = 0;  ///< breakpoints, sorted, distinct and finite
    std::array<double, kMaxBreakpoints> at{};

    int pieces() const { return count + 1; }
    /// The piece of z: how many breakpoints are strictly below it (0 for NaN).
    int pieceOf(double z) const {
        int k = 0;
        for (int i = 0; i < count; ++i) k += at[std::size_t(i)] < z;
        return k;
    }
    bool operator==(const LinearPieces&) const = default;
};

/// The pieces of `spec` with parameters `p` when f is piecewise linear there (the rule above),
/// else nothing. Also nothing for more than kMaxBreakpoints breakpoints. Allocates (the row's
/// kinks() returns a vector): call it when the activation or its parameters change.
std::optional<LinearPieces> linearPieces(const ActivationSpec& spec, const ParamValues& p);

/// True when linearPieces() finds pieces.
bool isPiecewiseLinear(const ActivationSpec& spec, const ParamValues& p);

}  // namespace actlab::inspect
