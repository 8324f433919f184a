#pragma once
// Brent's method on a bracket: the fixed points and the critical line are roots of functions
// that are smooth but expensive (each value is a quadrature), so few evaluations matter.

#include <cmath>
#include <limits>
#include <utility>

namespace actlab::theory {

/// A root of fn in [a, b], where fa = fn(a) and fb = fn(b) have opposite signs (or one is 0),
/// to within relTol·|x| + absTol. Brent (1973): inverse quadratic interpolation and secant steps,
/// falling back to bisection, so it never takes more than about log2 of the bracket's width
/// over the tolerance steps, and usually 6 to 10.
template <class Fn>
double brentRoot(Fn&& fn, double a, double b, double fa, double fb, double relTol = 1e-15,
                 double absTol = 1e-300, int maxIter = 200) {
    if (fa == 0) return a;
    if (fb == 0) return b;
    if ((fa > 0) == (fb > 0)) return std::numeric_limits<double>::quiet_NaN();
    double c = a, fc = fa, d = b - a, e = d;
    for (int iter = 0; iter < maxIter; ++iter) {
        if ((fb > 0) == (fc > 0)) {
            c = a;
            fc = fa;
            d = e = b - a;
        }
        if (std::fabs(fc) < std::fabs(fb)) {
            a = b;
            b = c;
            c = a;
            fa = fb;
            fb = fc;
            fc = fa;
        }
        const double tol = 2 * std::numeric_limits<double>::epsilon() * std::fabs(b) +
                           0.5 * (relTol * std::fabs(b) + absTol);
        const double m = 0.5 * (c - b);
        if (std::fabs(m) <= tol || fb == 0) return b;
        if (std::fabs(e) >= tol && std::fabs(fa) > std::fabs(fb)) {
            double p, q;
            const double s = fb / fa;
            if (a == c) {
                p = 2 * m * s;
                q = 1 - s;
            } else {
                const double qa = fa / fc, r = fb / fc;
                p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
                q = (qa - 1) * (r - 1) * (s - 1);
            }
            if (p > 0)
                q = -q;
            else
                p = -p;
            if (2 * p < std::min(3 * m * q - std::fabs(tol * q), std::fabs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = m;
                e = m;
            }
        } else {
            d = m;
            e = m;
        }
        a = b;
        fa = fb;
        b += std::fabs(d) > tol ? d : (m > 0 ? tol : -tol);
        fb = fn(b);
    }
    return b;
}

}  // namespace actlab::theory
