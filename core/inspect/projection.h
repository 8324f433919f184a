#pragma once
// Bringing a stage of the hidden space to the plane: directly for a width of 1 or 2, by two
// chosen units, or by principal component analysis over the training points' activations. The
// same projection maps the points, the grid lines and the decision boundary, so that they are
// drawn consistently. Definitions in docs/why-views.md.
//
// A projection is p = A·(h − c): A is 2 × n with orthonormal rows (the axes), c the centre. The
// boundary w·h + b = 0 is a hyperplane of the n-dimensional stage; what is drawn is its
// intersection with the plane through the anchor m spanned by the axes, {m + Aᵀq}, which in
// projected coordinates is the line (A·w)·p + w·m + b − (A·w)·A(m − c) = 0. For a direct
// projection (width ≤ 2) that plane is the whole stage and the line is the boundary itself.

#include <array>
#include <span>
#include <vector>

#include "hidden_space.h"

namespace actlab::inspect {

enum class ProjectionKind {
    Direct,  ///< width 1 or 2: unit 0 on the first axis, unit 1 (or 0 for width 1) on the second
    Units,   ///< two chosen units on the axes, the others held at their mean
    Pca,     ///< the two principal axes of the training points' activations
};

struct Projection {
    ProjectionKind kind = ProjectionKind::Direct;
    int width = 0;               ///< n, the stage's width
    int unitA = 0, unitB = 1;    ///< Direct and Units: the units on the axes (−1: none)
    std::vector<double> axes;    ///< 2 × n, row-major: axis r is axes[r·n, (r + 1)·n)
    std::vector<double> centre;  ///< n: subtracted before projecting (Pca: the mean, else 0)
    std::vector<double> anchor;  ///< n: where the drawn plane passes (the mean; Direct: 0)
    /// Pca: the variance along each axis (eigenvalues of the covariance, largest first), and
    /// the total variance (its trace). Units: the variances of the two units and of all units.
    /// Direct: 0 (no points are given).
    std::array<double, 2> variance{};
    double totalVariance = 0;
    /// The share of the total variance along each axis (0 when there is none).
    std::array<double, 2> explained() const;
};

/// The direct projection of a stage of width 1 or 2 (precondition).
void directProjection(int width, Projection& out);

/// Units a and b (distinct, < width) on the axes; the anchor and variances are those of the
/// points' activations `values` (unit-major, width × points).
void unitProjection(std::span<const double> values, int width, int points, int unitA, int unitB,
                    Projection& out);

/// Principal component analysis of the points' activations. Keeps its scratch buffers.
class PcaProjector {
public:
    /// Fits the two principal axes of `values` (unit-major, width × points; width ≥ 1,
    /// points ≥ 1): the eigenvectors of the covariance (divided by the number of points) with
    /// the largest eigenvalues, from the cyclic Jacobi method. Sign convention: each axis's
    /// component of largest magnitude is positive (the first such component on a tie). Ties of
    /// eigenvalues keep the lower unit first; a width-1 stage gets a zero second axis.
    void fit(std::span<const double> values, int width, int points, Projection& out);

    /// All eigenvalues of the last fit, largest first (for tests and the variance readout).
    std::span<const double> eigenvalues() const { return m_sortedValues; }

private:
    std::vector<double> m_mean, m_cov, m_vectors, m_values, m_sortedValues;
    std::vector<int> m_order;
};

/// Projects `count` points (values unit-major, width × count) to out[r·count + p], r = 0, 1.
void project(const Projection& projection, std::span<const double> values, int count,
             std::span<double> out);

/// A line a·p₁ + b·p₂ + c = 0 in projected coordinates.
struct ProjectedLine {
    double a = 0, b = 0, c = 0;
    /// False when the boundary is parallel to the drawn plane (a = b = 0): the plane lies wholly
    /// on one side (c > 0: classA's) and there is no line to draw.
    bool exists = false;
    /// True for a direct projection: the line is the boundary itself, not a slice of it.
    bool exact = false;
};

/// The boundary line (hidden_space.h) in projected coordinates, as described above.
/// Precondition: line.w.size() == projection.width.
ProjectedLine projectBoundary(const BoundaryLine& line, const Projection& projection);

}  // namespace actlab::inspect
