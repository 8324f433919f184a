#pragma once
// Sampled curves of an activation: f, f′ and f″ on a grid, the regions where the gradient
// vanishes or is exactly zero, and the CSV form shared by `eval` and the GUI's export.

#include <cstddef>
#include <iosfwd>
#include <vector>

#include "activation_call.h"

namespace actlab {

/// f, f′ and f″ at the points x.
struct Curve {
    std::vector<double> x, f, df, d2f;
    std::size_t size() const { return x.size(); }
};

/// n equally spaced points from xMin to xMax inclusive (n ≥ 2), or just xMin for n = 1.
std::vector<double> linspace(double xMin, double xMax, std::size_t n);

/// Evaluates the call at `xs` into `out`, reusing its buffers (no allocation once they are large
/// enough). In float32 mode x and the parameters are rounded to float and the float kernels run.
void evaluateCurve(const ActivationCall& call, const std::vector<double>& xs, Curve& out,
                   bool float32 = false);

/// Convenience: a fresh curve on linspace(xMin, xMax, n).
Curve sampleCurve(const ActivationCall& call, double xMin, double xMax, std::size_t n);

/// A closed x interval.
struct Interval {
    double lo, hi;
};

/// Maximal runs of sample points where |f′| < epsilon (the vanishing-gradient zone), or where
/// f′ == 0 exactly when epsilon is 0 (the dead zone). Each interval spans the samples inside
/// it; a zone that is a single sample (a kink) is dropped.
std::vector<Interval> gradientZones(const Curve& curve, double epsilon);

/// Writes `activation,params,x,f,df,d2f` with a header: 17 significant digits (9 in float32
/// mode), inf/-inf/nan spelled out. The format of `activation-lab eval`.
void writeCurveCsv(std::ostream& out, const ActivationCall& call, const Curve& curve,
                   bool float32 = false);

}  // namespace actlab
