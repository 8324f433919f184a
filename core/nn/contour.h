#pragma once
// Contour lines of a grid computed by GridEvaluator (marching squares): the decision threshold of a
// binary network, or the borders between the regions of a multi-class one. The GUI only draws the
// segments; like the grids themselves, they are computed here, without Qt.

#include <span>
#include <vector>

namespace actlab::nn {

/// A straight piece of a contour line, in domain coordinates.
struct ContourSegment {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool operator==(const ContourSegment&) const = default;
};

/// The segments where an n×n grid in GridEvaluator's layout (out[i·n + j], x rising with i, y
/// falling with j) crosses `level`, linearly interpolated along the cell edges. Cells with a
/// non-finite corner are skipped; a saddle cell is resolved by the mean of its corners.
/// Precondition: grid.size() == n·n, n ≥ 2. Appends to `out` (which is cleared first).
void contourSegments(std::span<const double> grid, int n, double level,
                     std::vector<ContourSegment>& out);

/// The borders between the classes of a predicted-class grid (values 0 … classes−1, as
/// GridEvaluator::outputGrid gives for softmax): the 0.5-contour of each class's indicator. A
/// border between two classes therefore appears twice, once for each side.
void classBorderSegments(std::span<const double> grid, int n, int classes,
                         std::vector<ContourSegment>& out);

}  // namespace actlab::nn
