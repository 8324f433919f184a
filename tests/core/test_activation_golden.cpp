// Every row of the golden reference files (PyTorch's conventions, values computed exactly),
// through the scalar kernels and the batch kernels, in double and in float32, with the golden
// README's tolerances.

#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "golden_data.h"

namespace actlab::test {
namespace {

struct Worst {
    double f = 0, df = 0;
    double fX = 0, dfX = 0;
};

template <class T>
bool withinTolerance(Tolerance tol, double ulps, double absError, double x, bool derivative) {
    switch (tol) {
        case Tolerance::Exact:
            return ulps == 0;
        case Tolerance::OneUlp:
            return ulps <= 1;
        case Tolerance::FourUlp: {
            if (ulps <= 4) return true;
            // f′ of SiLU, Mish and GELU crosses zero in [−2, 0]: an absolute allowance near it.
            const double eps = sizeof(T) == sizeof(float) ? std::ldexp(1.0, -24) : std::ldexp(1.0, -53);
            return derivative && std::fabs(x) <= 4 && absError <= 4 * eps;
        }
    }
    return false;
}

template <class T>
void checkSetting(const GoldenSetting& setting) {
    constexpr bool kFloat = sizeof(T) == sizeof(float);
    const ActivationCall call = setting.call(kFloat);
    const KernelSet<T>& k = [&]() -> const KernelSet<T>& {
        if constexpr (kFloat)
            return call.spec->k32;
        else
            return call.spec->k64;
    }();
    const Tolerance tol = toleranceFor(setting.torchName);

    const std::size_t n = setting.rows.size();
    std::vector<T> xs(n), fB(n), dfB(n), fFused(n), dfFused(n);
    for (std::size_t i = 0; i < n; ++i) xs[i] = static_cast<T>(setting.rows[i].x);
    k.batchF(xs, fB, call.params);
    k.batchDf(xs, dfB, call.params);
    k.batchFDf(xs, fFused, dfFused, call.params);
    // The vectorised network kernels, where the row has them: same tolerance, not bit-identical.
    std::vector<double> xd(xs.begin(), xs.end()), fFast(n), dfFast(n);
    const bool hasFast = !kFloat && call.spec->fast.fdf;
    if (hasFast) call.spec->fast.fdf(xd, fFast, dfFast, call.params);
    std::vector<double> fFastOnly(n);
    if (hasFast) call.spec->fast.f(xd, fFastOnly, call.params);
    Worst worstFast;

    Worst worst;
    int failures = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const GoldenRow& row = setting.rows[i];
        const T x = xs[i];
        const T f = k.f(x, call.params), df = k.df(x, call.params);
        const T ref = static_cast<T>(row.f), dref = static_cast<T>(row.df);
        const double uf = ulpDistance(f, ref), udf = ulpDistance(df, dref);
        if (uf > worst.f) worst = {uf, worst.df, row.x, worst.dfX};
        if (udf > worst.df) worst = {worst.f, udf, worst.fX, row.x};
        const bool okF = withinTolerance<T>(tol, uf, std::fabs(double(f) - row.f), row.x, false);
        const bool okDf = withinTolerance<T>(tol, udf, std::fabs(double(df) - row.df), row.x, true);
        // The batch kernels inline the same scalar code: they must agree bit for bit.
        const bool okBatch = ulpDistance(fB[i], f) == 0 && ulpDistance(dfB[i], df) == 0 &&
                             ulpDistance(fFused[i], f) == 0 && ulpDistance(dfFused[i], df) == 0;
        bool okFast = true;
        if (hasFast) {
            const double uff = ulpDistance(fFast[i], row.f), udff = ulpDistance(dfFast[i], row.df);
            worstFast.f = std::max(worstFast.f, uff);
            worstFast.df = std::max(worstFast.df, udff);
            okFast = withinTolerance<double>(tol, uff, std::fabs(fFast[i] - row.f), row.x, false) &&
                     withinTolerance<double>(tol, udff, std::fabs(dfFast[i] - row.df), row.x, true) &&
                     ulpDistance(fFastOnly[i], fFast[i]) == 0;
            if (!okFast && failures < 10)
                ADD_FAILURE() << "fast kernel " << setting.torchName << " at x = " << row.x
                              << ": f = " << fFast[i] << " (" << uff << " ulp), f' = " << dfFast[i]
                              << " (" << udff << " ulp)";
        }
        if ((!okF || !okDf || !okBatch || !okFast) && ++failures <= 10) {
            ADD_FAILURE() << setting.torchName << "(" << setting.params << ") at x = " << row.x
                          << ": f = " << double(f) << " (ref " << row.f << ", " << uf
                          << " ulp), f' = " << double(df) << " (ref " << row.df << ", " << udf
                          << " ulp), batch f = " << double(fB[i]) << ", fused f = "
                          << double(fFused[i]) << ", fused f' = " << double(dfFused[i]);
        }
    }
    EXPECT_EQ(failures, 0) << "rows out of tolerance in " << setting.testName();
    std::cout << "[golden " << (kFloat ? "f32" : "f64") << "] " << setting.torchName << "("
              << setting.params << "): " << n << " rows checked, worst f " << worst.f
              << " ulp (x = " << worst.fX << "), worst f' " << worst.df
              << " ulp (x = " << worst.dfX << ")";
    if (hasFast) std::cout << "; fast kernel worst f " << worstFast.f << ", f' " << worstFast.df << " ulp";
    std::cout << "\n";
}

class GoldenF64 : public ::testing::TestWithParam<std::size_t> {};
class GoldenF32 : public ::testing::TestWithParam<std::size_t> {};
class RandomF64 : public ::testing::TestWithParam<std::size_t> {};
class RandomF32 : public ::testing::TestWithParam<std::size_t> {};

TEST_P(GoldenF64, EveryRowWithinTolerance) {
    checkSetting<double>(goldenSettings(false).at(GetParam()));
}
TEST_P(GoldenF32, EveryRowWithinTolerance) {
    checkSetting<float>(goldenSettings(true).at(GetParam()));
}
// Random x and random parameter values (the reference files of scripts/make_reference.py).
TEST_P(RandomF64, EveryRowWithinTolerance) {
    checkSetting<double>(randomSettings(false).at(GetParam()));
}
TEST_P(RandomF32, EveryRowWithinTolerance) {
    checkSetting<float>(randomSettings(true).at(GetParam()));
}

// Random settings may repeat a torch name and parameter string only once per file, so the name
// is unique; the index keeps it so if that ever changes.
std::string settingName(const std::vector<GoldenSetting>& settings, std::size_t i) {
    return settings.at(i).testName();
}

INSTANTIATE_TEST_SUITE_P(Reference, GoldenF64,
                         ::testing::Range<std::size_t>(0, goldenSettings(false).size()),
                         [](const auto& info) { return settingName(goldenSettings(false), info.param); });
INSTANTIATE_TEST_SUITE_P(Reference, GoldenF32,
                         ::testing::Range<std::size_t>(0, goldenSettings(true).size()),
                         [](const auto& info) { return settingName(goldenSettings(true), info.param); });
INSTANTIATE_TEST_SUITE_P(Reference, RandomF64,
                         ::testing::Range<std::size_t>(0, randomSettings(false).size()),
                         [](const auto& info) { return settingName(randomSettings(false), info.param); });
INSTANTIATE_TEST_SUITE_P(Reference, RandomF32,
                         ::testing::Range<std::size_t>(0, randomSettings(true).size()),
                         [](const auto& info) { return settingName(randomSettings(true), info.param); });

TEST(GoldenFiles, CoverEveryTorchActivationOfTheRegistry) {
    EXPECT_EQ(goldenSettings(false).size(), 38u);
    EXPECT_EQ(goldenSettings(true).size(), 38u);
    std::size_t rows = 0;
    for (const GoldenSetting& s : goldenSettings(false)) rows += s.rows.size();
    EXPECT_EQ(rows, 127382u);
}

}  // namespace
}  // namespace actlab::test
