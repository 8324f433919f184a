#include "sweep_json.h"

#include <cmath>
#include <set>

#include "sweep_variable.h"

namespace actlab::sweep {

namespace {

using Json = nlohmann::ordered_json;

/// Thrown while reading; the message names the field.
struct FieldError {
    std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw FieldError{path + ": " + what};
}

/// Checks that `j` is an object whose keys are all in `known`.
void expectObject(const Json& j, const std::string& path, const std::set<std::string>& known) {
    if (!j.is_object()) fail(path, "expected an object");
    for (const auto& [key, value] : j.items())
        if (!known.count(key)) fail(path + "." + key, "unknown field");
}

const Json& field(const Json& j, const std::string& path, const std::string& key) {
    if (!j.contains(key)) fail(path + "." + key, "missing");
    return j.at(key);
}

std::string text(const Json& j, const std::string& path) {
    if (!j.is_string()) fail(path, "expected a string");
    return j.get<std::string>();
}

int integer(const Json& j, const std::string& path, int lo, int hi) {
    if (!j.is_number_integer()) fail(path, "expected an integer");
    const bool tooBig = j.is_number_unsigned() && j.get<unsigned long long>() > (1ULL << 62);
    const long long v = tooBig ? static_cast<long long>(hi) + 1 : j.get<long long>();
    if (v < lo || v > hi)
        fail(path, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                       (tooBig ? j.dump() : std::to_string(v)));
    return static_cast<int>(v);
}

}  // namespace

std::string readSweepJson(const Json& j, SweepSettings& out) {
    const std::string path = "sweep";
    try {
        SweepSettings s;
        expectObject(j, path, {"vary", "seeds", "epochs", "target"});
        const Json& vary = field(j, path, "vary");
        if (!vary.is_array()) fail(path + ".vary", "expected an array of {\"key\", \"spec\"}");
        for (std::size_t i = 0; i < vary.size(); ++i) {
            const std::string at = path + ".vary[" + std::to_string(i) + "]";
            expectObject(vary[i], at, {"key", "spec"});
            s.vary.push_back({text(field(vary[i], at, "key"), at + ".key"),
                              text(field(vary[i], at, "spec"), at + ".spec")});
        }
        s.seeds = integer(field(j, path, "seeds"), path + ".seeds", 1, kMaxSeeds);
        if (j.contains("epochs"))
            s.epochs = integer(j.at("epochs"), path + ".epochs", 0, kMaxEpochs);
        if (j.contains("target")) {
            const std::string at = path + ".target";
            const Json& t = j.at("target");
            expectObject(t, at, {"metric", "value"});
            const std::string metric = text(field(t, at, "metric"), at + ".metric");
            const std::optional<TargetMetric> m = targetMetricFromId(metric);
            if (!m)
                fail(at + ".metric",
                     "unknown value '" + metric + "'; valid: test_loss, test_accuracy");
            const Json& v = field(t, at, "value");
            if (!v.is_number()) fail(at + ".value", "expected a number");
            s.target = {*m, v.get<double>()};
        }
        if (std::string e = validate(s); !e.empty()) throw FieldError{path + "." + e};
        out = std::move(s);
        return "";
    } catch (const FieldError& e) {
        return e.message;
    } catch (const Json::exception& e) {
        return path + ": " + e.what();
    }
}

Json sweepJson(const SweepSettings& s) {
    Json vary = Json::array();
    for (const VarySpec& v : s.vary) vary.push_back({{"key", v.key}, {"spec", v.spec}});
    Json j = {{"vary", vary}, {"seeds", s.seeds}, {"epochs", s.epochs}};
    if (s.target.metric != TargetMetric::None)
        j["target"] = {{"metric", targetMetricId(s.target.metric)}, {"value", s.target.value}};
    return j;
}

}  // namespace actlab::sweep
