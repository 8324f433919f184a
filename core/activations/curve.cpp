#include "curve.h"

#include <cmath>
#include <ostream>
#include <string>

#include "util/number_format.h"

namespace actlab {

std::vector<double> linspace(double xMin, double xMax, std::size_t n) {
    std::vector<double> xs(n);
    for (std::size_t i = 0; i < n; ++i)
        xs[i] = n == 1 ? xMin
                       : xMin + (xMax - xMin) * static_cast<double>(i) / static_cast<double>(n - 1);
    return xs;
}

namespace {
template <class T>
void evaluateAs(const ActivationCall& call, const std::vector<double>& xs, Curve& out) {
    const ActivationSpec& spec = *call.spec;
    const std::size_t n = xs.size();
    out.x.resize(n);
    out.f.resize(n);
    out.df.resize(n);
    out.d2f.resize(n);
    if constexpr (sizeof(T) == sizeof(double)) {
        out.x.assign(xs.begin(), xs.end());
        spec.batchFDf(out.x, out.f, out.df, call.params);
        spec.batchD2f(out.x, out.d2f, call.params);
    } else {
        std::vector<T> x(xs.begin(), xs.end()), f(n), df(n), d2f(n);
        spec.batchFDf(std::span<const T>(x), f, df, call.params);
        spec.batchD2f(std::span<const T>(x), d2f, call.params);
        out.x.assign(x.begin(), x.end());
        out.f.assign(f.begin(), f.end());
        out.df.assign(df.begin(), df.end());
        out.d2f.assign(d2f.begin(), d2f.end());
    }
}
}  // namespace

void evaluateCurve(const ActivationCall& call, const std::vector<double>& xs, Curve& out,
                   bool float32) {
    if (float32)
        evaluateAs<float>(call, xs, out);
    else
        evaluateAs<double>(call, xs, out);
}

Curve sampleCurve(const ActivationCall& call, double xMin, double xMax, std::size_t n) {
    Curve c;
    evaluateCurve(call, linspace(xMin, xMax, n), c);
    return c;
}

std::vector<Interval> gradientZones(const Curve& curve, double epsilon) {
    std::vector<Interval> zones;
    const auto inside = [&](std::size_t i) {
        const double g = std::fabs(curve.df[i]);
        return epsilon > 0 ? g < epsilon : g == 0;
    };
    std::size_t i = 0;
    while (i < curve.size()) {
        if (!inside(i)) {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < curve.size() && inside(i)) ++i;
        if (i - start >= 2) zones.push_back({curve.x[start], curve.x[i - 1]});
    }
    return zones;
}

void writeCurveCsv(std::ostream& out, const ActivationCall& call, const Curve& curve,
                   bool float32) {
    const int digits = float32 ? 9 : 17;
    const std::string prefix = std::string(call.spec->torchName) + "," +
                               formatTorchParams(*call.spec, call.params) + ",";
    out << "activation,params,x,f,df,d2f\n";
    std::string line;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        line = prefix;
        line += formatNumber(curve.x[i], digits) + "," + formatNumber(curve.f[i], digits) + "," +
                formatNumber(curve.df[i], digits) + "," + formatNumber(curve.d2f[i], digits) +
                "\n";
        out << line;
    }
}

}  // namespace actlab
