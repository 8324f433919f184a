#pragma once
// The phase diagram over (σ_w², σ_b²): χ₁ on a grid and the critical line χ₁ = 1, in the shape a
// view needs (row ranges, so that rows can be split over worker threads).

#include <span>
#include <vector>

#include "mean_field.h"

namespace actlab::theory {

/// χ₁ at every (sigmaW2[i], sigmaB2[j]) for rows j in [rowBegin, rowEnd), written row-major to
/// out[j·sigmaW2.size() + i] (out holds the whole grid). Each call makes its own MeanField, so
/// calls for disjoint row ranges may run on different threads.
void chi1Rows(const ActivationCall& call, std::span<const double> sigmaW2,
              std::span<const double> sigmaB2, std::size_t rowBegin, std::size_t rowEnd,
              std::span<double> out, const RuleSettings& settings = {});

/// The critical σ_w² at each σ_b² (CriticalPoint::found false where the line does not cross).
std::vector<CriticalPoint> criticalLine(const ActivationCall& call, std::span<const double> sigmaB2,
                                        const RuleSettings& settings = {});

}  // namespace actlab::theory
