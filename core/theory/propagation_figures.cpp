#include "theory/propagation_figures.h"

#include <algorithm>
#include <cmath>

namespace actlab::theory {

PropagationFigures propagationFigures(MeanField& field, Variances v, int depth, bool withMean) {
    PropagationFigures out;
    out.analysis = field.analyse(v);
    const double qStar = out.analysis.qStar;
    const bool finite = std::isfinite(qStar) && qStar > 0;
    const double qMax = 3 * (finite ? std::max(qStar, 1.0) : 1.0);
    out.lengthQ.resize(kLengthMapPoints);
    out.lengthMap.resize(kLengthMapPoints);
    for (int i = 0; i < kLengthMapPoints; ++i) {
        const double q = qMax * i / (kLengthMapPoints - 1);
        out.lengthQ[std::size_t(i)] = q;
        out.lengthMap[std::size_t(i)] = field.lengthMap(q, v);
    }
    out.correlationAt = finite ? qStar : 1.0;
    out.correlationC.resize(kCorrelationMapPoints);
    out.correlationMap.resize(kCorrelationMapPoints);
    for (int i = 0; i < kCorrelationMapPoints; ++i) {
        const double c = -1 + 2.0 * i / (kCorrelationMapPoints - 1);
        out.correlationC[std::size_t(i)] = c;
        out.correlationMap[std::size_t(i)] = field.correlationMap(c, out.correlationAt, v);
    }
    out.depth = field.depthCurves(v, std::max(1, depth));
    if (withMean && !isOdd(field.call())) {
        out.meanShown = true;
        const WeightStatistics w{0.0, v.sigmaW2, v.sigmaB2};
        out.meanFixed = meanFixedPoint(field.expectations(), w);
        out.meanCurves =
            meanCurves(field.expectations(), w, kMeanCurvesStart, std::min(std::max(1, depth), 30));
    }
    return out;
}

}  // namespace actlab::theory
