// Every registry activation, at its default and at other parameters, against the mpmath
// reference (scripts/make_theory_reference.py): V(q), W(q), q* and χ₁ at three (σ_w², σ_b²),
// the correlated expectations of the correlation map, and points of the critical line.

#include <gtest/gtest.h>

#include <set>

#include "activations/registry.h"
#include "theory_reference.h"

namespace actlab::test {
namespace {

const std::vector<TheoryRow>& rows() {
    static const std::vector<TheoryRow> r = loadTheoryReference();
    return r;
}

class TheoryReference : public ::testing::TestWithParam<std::string> {};

TEST_P(TheoryReference, AgreesWithMpmath) {
    int checked = 0;
    for (const TheoryRow& row : rows()) {
        if (row.kind != GetParam()) continue;
        const double got = computeTheoryRow(row);
        EXPECT_LE(relativeError(got, row.reference), row.tolerance())
            << row.label() << ": " << got << " vs " << row.reference;
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

INSTANTIATE_TEST_SUITE_P(Kinds, TheoryReference,
                         ::testing::Values("V", "W", "qstar", "chi1", "cross", "crossdf"));

// Points of the critical line at σ_b² > 0, where the reference file has them (they are the
// slowest rows to regenerate: a root of χ₁ − 1 over σ_w², each value a root over q).
TEST(TheoryReferenceCritical, AgreesWithMpmath) {
    int checked = 0;
    for (const TheoryRow& row : rows()) {
        if (row.kind != "critical") continue;
        const double got = computeTheoryRow(row);
        EXPECT_LE(relativeError(got, row.reference), 1e-9) << row.label() << ": " << got;
        ++checked;
    }
    if (checked == 0) GTEST_SKIP() << "no critical rows in the reference file";
}

// Every activation of the registry has q* and χ₁ rows at three points, so a new activation
// cannot slip past the reference.
TEST(TheoryReferenceCoverage, EveryRegistryActivationIsCovered) {
    for (const ActivationSpec& spec : activations()) {
        std::set<std::pair<double, double>> points;
        for (const TheoryRow& row : rows())
            if (row.activation == spec.id && row.kind == "chi1")
                points.insert({row.sigmaW2, row.sigmaB2});
        EXPECT_GE(points.size(), 3u) << spec.id << " has no reference rows";
    }
}

}  // namespace
}  // namespace actlab::test
