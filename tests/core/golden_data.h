#pragma once
// Loads the golden reference files (tests/data/golden) and measures ulp distances.

#include <cstdint>
#include <string>
#include <vector>

#include "activations/activation_call.h"

namespace actlab::test {

struct GoldenRow {
    double x, f, df;
};

/// One (activation, params) setting of a golden file with all its rows.
struct GoldenSetting {
    std::string torchName;  ///< "LeakyReLU"
    std::string params;     ///< "negative_slope=0.2"
    std::vector<GoldenRow> rows;
    /// A gtest-friendly name: "LeakyReLU_negative_slope_0_2".
    std::string testName() const;
    /// The registry call for this setting (fails the test if it does not resolve).
    ActivationCall call(bool float32) const;
};

/// The settings of reference_f64.csv (float32 = false) or reference_f32.csv, in file order.
/// Loaded once.
const std::vector<GoldenSetting>& goldenSettings(bool float32);

/// The same for the random-point reference files (tests/data/random, made by
/// scripts/make_reference.py): the golden settings plus random parameter values, at random x.
const std::vector<GoldenSetting>& randomSettings(bool float32);

/// ulp distance between two doubles; ±0 count as equal; NaN against anything is huge.
double ulpDistance(double a, double b);
/// ulp distance between two floats.
double ulpDistance(float a, float b);

/// The golden README's tolerance classes.
enum class Tolerance { Exact, OneUlp, FourUlp };
Tolerance toleranceFor(const std::string& torchName);

/// Path of a file under tests/data.
std::string dataPath(const std::string& relative);

}  // namespace actlab::test
