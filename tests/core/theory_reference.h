#pragma once
// The mpmath reference of the mean-field theory (tests/data/theory/reference.csv, written by
// scripts/make_theory_reference.py) and the values the C++ code gives for its rows.

#include <string>
#include <vector>

namespace actlab::test {

struct TheoryRow {
    std::string kind;        ///< V, W, qstar, chi1, cross, crossdf, critical
    std::string activation;  ///< registry id
    std::string params;      ///< parameter values in the registry's order, ';'-separated
    double sigmaW2 = 0, sigmaB2 = 0, q = 0, c = 0;
    double reference = 0;
    /// The relative tolerance the tests hold this kind to.
    double tolerance() const;
    /// "qstar relu() at (2.5, 0.2)": for messages and the report.
    std::string label() const;
};

/// Reads the reference file; throws std::runtime_error if it is missing or malformed.
std::vector<TheoryRow> loadTheoryReference();

/// The value core/theory computes for the row.
double computeTheoryRow(const TheoryRow& row);

/// |computed − reference|/|reference| (0 when both are equal, including both infinite).
double relativeError(double computed, double reference);

}  // namespace actlab::test
