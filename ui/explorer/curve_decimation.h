#pragma once
// Display decimation: a curve of 4,001 samples drawn into about 1,000 device pixels needs only
// about one point per pixel. Keeping each bucket's minimum and maximum preserves peaks, jumps and
// kinks to within a bucket's width; the full-resolution samples stay for the readout and export.

#include <qcustomplot.h>

#include <span>
#include <vector>

namespace actlab::ui {

/// Fills `indices` with the samples of `y` to draw on `buckets` equal index buckets: the first and
/// last sample, and each bucket's minimum and maximum in index order. A bucket that contains a NaN
/// keeps that NaN, so gaps in the curve survive. With buckets ≥ y.size() / 2 every index is kept.
void minMaxDecimate(std::span<const double> y, int buckets, std::vector<int>& indices);

/// The points of a graph: every sample (`buckets` = 0) or those minMaxDecimate keeps, with
/// infinities drawn as gaps (NaN). `scratch` holds the indices between calls.
QVector<QCPGraphData> graphPoints(std::span<const double> x, std::span<const double> y,
                                  int buckets, std::vector<int>& scratch);

}  // namespace actlab::ui
