#include "explorer/y_range.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace actlab::ui::yrange {

bool finiteRange(std::span<const Curve* const> curves, const bool (&shown)[3], Range& out) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const Curve* c : curves) {
        const std::vector<double>* ys[3] = {&c->f, &c->df, &c->d2f};
        for (int i = 0; i < 3; ++i) {
            if (!shown[i]) continue;
            for (double v : *ys[i]) {
                if (!std::isfinite(v)) continue;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
    }
    out = {lo, hi};
    return lo <= hi;
}

Range fitted(const Range* data) {
    double lo = data ? data->lo : -1, hi = data ? data->hi : 1;
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    const double pad = 0.07 * (hi - lo);
    return {lo - pad, hi + pad};
}

Range expanded(const Range& data, const Range& current) {
    if (data.lo >= current.lo && data.hi <= current.hi) return current;
    const double pad = 0.07 * (std::max(data.hi, current.hi) - std::min(data.lo, current.lo));
    return {data.lo < current.lo ? data.lo - pad : current.lo,
            data.hi > current.hi ? data.hi + pad : current.hi};
}

Range nonDegenerate(Range r) {
    if (!(r.hi - r.lo > 1e-12 * std::max(1.0, std::fabs(r.lo)))) {
        const double half = std::max(1.0, std::fabs(r.lo) * 0.1);
        r.lo -= half;
        r.hi += half;
    }
    return r;
}

}  // namespace actlab::ui::yrange
