#pragma once
// Reading session documents field by field (session.cpp and session_layers.cpp): every problem
// is reported with the path of the field, such as "network.layers[0].formula". Internal to the
// session reader.

#include <cmath>
#include <locale>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "session.h"

namespace actlab::nn::detail {

using Json = nlohmann::ordered_json;

/// Thrown while reading; carries the message that names the field.
struct SessionError {
    std::string message;
};

[[noreturn]] inline void fail(const std::string& path, const std::string& what) {
    throw SessionError{(path.empty() ? std::string("document") : path) + ": " + what};
}

/// Reads one JSON object field by field, naming every problem by its path, and rejects keys it
/// does not know (a misspelt key would otherwise be silently ignored).
class ObjectReader {
public:
    ObjectReader(const Json& j, std::string path) : m_j(j), m_path(std::move(path)) {
        if (!m_j.is_object()) fail(m_path, "expected an object");
    }
    ~ObjectReader() = default;

    bool has(const std::string& key) const { return m_j.contains(key); }
    const Json& raw(const std::string& key) {
        m_used.insert(key);
        if (!m_j.contains(key)) fail(sub(key), "missing");
        return m_j.at(key);
    }
    std::string sub(const std::string& key) const {
        return m_path.empty() ? key : m_path + "." + key;
    }
    double number(const std::string& key, double lo, double hi) {
        const Json& v = raw(key);
        if (!v.is_number()) fail(sub(key), "expected a number");
        const double d = v.get<double>();
        if (!(d >= lo && d <= hi) || !std::isfinite(d))
            fail(sub(key), "must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(d));
        return d;
    }
    double number(const std::string& key, double lo, double hi, double fallback) {
        return has(key) ? number(key, lo, hi) : fallback;
    }
    long long integer(const std::string& key, long long lo, long long hi) {
        const Json& v = raw(key);
        if (!v.is_number_integer()) fail(sub(key), "expected an integer");
        const long long i = v.is_number_unsigned() && v.get<unsigned long long>() > (1ULL << 62)
                                ? hi + 1
                                : v.get<long long>();
        if (i < lo || i > hi)
            fail(sub(key), "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
        return i;
    }
    std::string string(const std::string& key) {
        const Json& v = raw(key);
        if (!v.is_string()) fail(sub(key), "expected a string");
        return v.get<std::string>();
    }
    std::string string(const std::string& key, const std::string& fallback) {
        return has(key) ? string(key) : fallback;
    }
    /// Fails on keys that were never read.
    void finish() const {
        for (const auto& [key, value] : m_j.items())
            if (!m_used.count(key)) fail(sub(key), "unknown field");
    }

private:
    static std::string fmt(double d) {
        std::ostringstream s;
        s.imbue(std::locale::classic());  // "0.5" whatever the global locale
        s << d;
        return s.str();
    }
    const Json& m_j;
    std::string m_path;
    std::set<std::string> m_used;
};

template <class E>
E choice(ObjectReader& r, const std::string& key, std::optional<E> (*parse)(std::string_view),
         const char* valid) {
    const std::string id = r.string(key);
    const std::optional<E> e = parse(id);
    if (!e) fail(r.sub(key), "unknown value '" + id + "'; valid: " + valid);
    return *e;
}

inline const Json& array(const Json& j, const std::string& path) {
    if (!j.is_array()) fail(path, "expected an array");
    return j;
}

inline double finiteNumber(const Json& j, const std::string& path) {
    if (!j.is_number()) fail(path, "expected a number");
    const double d = j.get<double>();
    if (!std::isfinite(d)) fail(path, "must be finite");
    return d;
}

// The activations of a session (session_layers.cpp).

/// Reads one hidden layer, network.layers[i], at `path`.
LayerSpec readLayer(const Json& j, const std::string& path);
/// The canonical JSON of a hidden layer.
Json layerJson(const LayerSpec& layer);
/// Reads compare[i]: a registry id, or {"formula", "params", "name"}.
CompareMember readCompareMember(const Json& j, const std::string& path);
/// The canonical JSON of a compare member.
Json compareMemberJson(const CompareMember& member);
/// Reads view.activation (and with "formula", view.formula and view.name) from `v`.
void readViewActivation(ObjectReader& v, Session::View& view);

}  // namespace actlab::nn::detail
