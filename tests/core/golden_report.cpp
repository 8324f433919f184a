// Prints the worst ulp error per activation against the golden (and random) reference files as a
// markdown table, for the README. Not a test: the tests enforce the tolerances.
//
// f′ is reported twice: over every row, and excluding the rows that pass by the absolute
// allowance near the roots of f′ (|x| ≤ 4 and |error| ≤ 4 ulp of 1), where ulps are meaningless.

#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#include "golden_data.h"

using namespace actlab;
using namespace actlab::test;

namespace {

struct Worst {
    double f = 0, dfAll = 0, df = 0;
};

template <class T>
void accumulate(const std::vector<GoldenSetting>& settings, std::map<std::string, Worst>& out) {
    constexpr bool kFloat = sizeof(T) == 4;
    const double eps = kFloat ? std::ldexp(1.0, -24) : std::ldexp(1.0, -53);
    for (const GoldenSetting& s : settings) {
        const ActivationCall call = s.call(kFloat);
        Worst& w = out[s.torchName + (s.torchName == "GELU" ? " (" + s.params + ")" : "")];
        for (const GoldenRow& r : s.rows) {
            const T x = static_cast<T>(r.x);
            const T f = call.spec->f(x, call.params), df = call.spec->df(x, call.params);
            w.f = std::max(w.f, ulpDistance(f, static_cast<T>(r.f)));
            const double udf = ulpDistance(df, static_cast<T>(r.df));
            w.dfAll = std::max(w.dfAll, udf);
            const bool allowance = std::fabs(r.x) <= 4 && std::fabs(double(df) - r.df) <= 4 * eps;
            if (!allowance) w.df = std::max(w.df, udf);
        }
    }
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, v < 1e4 ? "%.0f" : "%.1e", v);
    return buf;
}

}  // namespace

int main() {
    std::map<std::string, Worst> f64, f32;
    accumulate<double>(goldenSettings(false), f64);
    accumulate<float>(goldenSettings(true), f32);
    std::printf("| activation | f64 f | f64 f′ (all rows) | f64 f′ (outside root zone) | f32 f | "
                "f32 f′ (all rows) | f32 f′ (outside root zone) |\n");
    std::printf("|---|---|---|---|---|---|---|\n");
    for (const auto& [name, w] : f64) {
        const Worst& v = f32[name];
        std::printf("| %s | %s | %s | %s | %s | %s | %s |\n", name.c_str(), fmt(w.f).c_str(),
                    fmt(w.dfAll).c_str(), fmt(w.df).c_str(), fmt(v.f).c_str(),
                    fmt(v.dfAll).c_str(), fmt(v.df).c_str());
    }
}
