#include "linear_pieces.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace actlab::inspect {

namespace {

/// Distances from a finite end of a piece at which f″ is probed, inside the piece: from just
/// past the kink to far out, where the curvature of the registry's smooth rows lives.
constexpr double kProbeOffsets[] = {1e-3, 0.1, 0.5, 1.0, 2.0, 4.0, 8.0, 30.0};

/// The interior probe points of the piece (lo, hi) (either end may be infinite), and its
/// midpoint-like representative for the affine comparison.
template <class Visit>
void forEachProbe(double lo, double hi, Visit visit) {
    const bool loFinite = std::isfinite(lo), hiFinite = std::isfinite(hi);
    if (!loFinite && !hiFinite) {
        visit(0.0);
        for (double d : kProbeOffsets) {
            visit(-d);
            visit(d);
        }
        return;
    }
    if (loFinite && hiFinite) visit(0.5 * (lo + hi));
    for (double d : kProbeOffsets) {
        if (loFinite && (!hiFinite || lo + d < hi)) visit(lo + d);
        if (hiFinite && (!loFinite || hi - d > lo)) visit(hi - d);
    }
}

/// A point inside the piece (lo, hi).
double inside(double lo, double hi) {
    if (std::isfinite(lo) && std::isfinite(hi)) return 0.5 * (lo + hi);
    if (std::isfinite(lo)) return lo + 1;
    if (std::isfinite(hi)) return hi - 1;
    return 0;
}

}  // namespace

std::optional<LinearPieces> linearPieces(const ActivationSpec& spec, const ParamValues& p) {
    // (Formula rows: decide here from the program's isPiecewiseLinear() and kinks().)
    std::vector<double> kinks = spec.kinks ? spec.kinks(p) : std::vector<double>{};
    std::erase_if(kinks, [](double k) { return !std::isfinite(k); });
    std::sort(kinks.begin(), kinks.end());
    kinks.erase(std::unique(kinks.begin(), kinks.end()), kinks.end());
    if (kinks.size() > std::size_t(LinearPieces::kMaxBreakpoints)) return std::nullopt;

    // f″ = 0 inside every piece.
    const std::size_t pieces = kinks.size() + 1;
    const auto lo = [&](std::size_t k) { return k == 0 ? -HUGE_VAL : kinks[k - 1]; };
    const auto hi = [&](std::size_t k) { return k == kinks.size() ? HUGE_VAL : kinks[k]; };
    for (std::size_t k = 0; k < pieces; ++k) {
        bool curved = false;
        forEachProbe(lo(k), hi(k), [&](double x) { curved = curved || spec.d2f(x, p) != 0; });
        if (curved) return std::nullopt;  // also for NaN
    }

    // Merge neighbours that are the same affine function s·x + c (a kink that changes nothing).
    LinearPieces out;
    double slope = 0, intercept = 0;
    for (std::size_t k = 0; k < pieces; ++k) {
        const double x = inside(lo(k), hi(k));
        const double s = spec.df(x, p), c = spec.f(x, p) - s * x;
        if (k > 0 && (s != slope || c != intercept))
            out.at[std::size_t(out.count++)] = kinks[k - 1];
        slope = s;
        intercept = c;
    }
    return out;
}

bool isPiecewiseLinear(const ActivationSpec& spec, const ParamValues& p) {
    return linearPieces(spec, p).has_value();
}

}  // namespace actlab::inspect
