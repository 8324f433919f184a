#include "golden_data.h"

#include <bit>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>

#include "cli/arg_reader.h"
#include "util/number_format.h"

namespace actlab::test {

std::string dataPath(const std::string& relative) {
    return std::string(ACTLAB_TEST_DATA_DIR) + "/" + relative;
}

namespace {

std::vector<GoldenSetting> load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::vector<GoldenSetting> settings;
    std::map<std::string, std::size_t> index;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        const std::vector<std::string> fields = cli::split(line, ',');
        if (fields.size() != 5) throw std::runtime_error("bad golden line: " + line);
        const std::string key = fields[0] + "|" + fields[1];
        auto [it, fresh] = index.try_emplace(key, settings.size());
        if (fresh) settings.push_back({fields[0], fields[1], {}});
        const auto x = parseNumber(fields[2]), f = parseNumber(fields[3]),
                   df = parseNumber(fields[4]);
        if (!x || !f || !df) throw std::runtime_error("bad golden number: " + line);
        settings[it->second].rows.push_back({*x, *f, *df});
    }
    return settings;
}

}  // namespace

const std::vector<GoldenSetting>& goldenSettings(bool float32) {
    static const std::vector<GoldenSetting> f64 = load(dataPath("golden/reference_f64.csv"));
    static const std::vector<GoldenSetting> f32 = load(dataPath("golden/reference_f32.csv"));
    return float32 ? f32 : f64;
}

const std::vector<GoldenSetting>& randomSettings(bool float32) {
    static const std::vector<GoldenSetting> f64 =
        load(dataPath("random/reference_random_f64.csv"));
    static const std::vector<GoldenSetting> f32 =
        load(dataPath("random/reference_random_f32.csv"));
    return float32 ? f32 : f64;
}

std::string GoldenSetting::testName() const {
    std::string name = torchName;
    if (!params.empty()) name += "_" + params;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

ActivationCall GoldenSetting::call(bool float32) const {
    KeywordArgs args;
    if (!params.empty())
        for (const std::string& kv : cli::split(params, ';')) {
            const std::size_t eq = kv.find('=');
            args.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
        }
    const ResolvedCall r = resolveActivation(torchName, args, float32);
    if (!r.ok()) throw std::runtime_error(r.error);
    return r.call;
}

namespace {
template <class Int, class F>
double ulpOrdered(F a, F b) {
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b) ? 0 : std::numeric_limits<double>::infinity();
    if (a == b) return 0;  // includes +0 == -0 and equal infinities
    if (std::isinf(a) || std::isinf(b)) return std::numeric_limits<double>::infinity();
    auto ordered = [](F v) {
        const Int bits = std::bit_cast<Int>(v);
        return bits < 0 ? static_cast<long double>(std::numeric_limits<Int>::min()) - bits
                        : static_cast<long double>(bits);
    };
    return static_cast<double>(std::fabs(ordered(a) - ordered(b)));
}
}  // namespace

double ulpDistance(double a, double b) { return ulpOrdered<std::int64_t>(a, b); }
double ulpDistance(float a, float b) { return ulpOrdered<std::int32_t>(a, b); }

Tolerance toleranceFor(const std::string& torchName) {
    static const std::vector<std::string> exact = {
        "ReLU",     "LeakyReLU",  "PReLU",      "RReLU",     "Hardtanh",
        "ReLU6",    "Softshrink", "Hardshrink", "Threshold", "Identity"};
    for (const std::string& e : exact)
        if (e == torchName) return Tolerance::Exact;
    if (torchName == "Hardsigmoid" || torchName == "Hardswish") return Tolerance::OneUlp;
    return Tolerance::FourUlp;
}

}  // namespace actlab::test
