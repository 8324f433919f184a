#pragma once
// Helpers for tests that run over every registry row.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "activations/registry.h"

namespace actlab::test {

/// "leaky_relu" → "LeakyRelu": gtest names must be alphanumeric.
inline std::string camelName(std::string_view id) {
    std::string out;
    bool upper = true;
    for (char c : id) {
        if (c == '_') {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

/// Every registry id, for INSTANTIATE_TEST_SUITE_P.
inline std::vector<std::string> allIds() {
    std::vector<std::string> ids;
    for (const ActivationSpec& spec : activations()) ids.emplace_back(spec.id);
    return ids;
}

inline std::string idTestName(const ::testing::TestParamInfo<std::string>& info) {
    return camelName(info.param);
}

/// The defaults, and for each parameter its slider minimum, maximum and midpoint with the others
/// at their defaults; only combinations the function accepts.
inline std::vector<ParamValues> parameterSamples(const ActivationSpec& spec) {
    std::vector<ParamValues> out{spec.defaults()};
    for (std::size_t i = 0; i < spec.params.size(); ++i) {
        const ParamSpec& p = spec.params[i];
        for (double v : {p.min, p.max, 0.5 * (p.min + p.max)}) {
            ParamValues values = spec.defaults();
            values[i] = v;
            if (spec.validate(values).empty()) out.push_back(values);
        }
    }
    return out;
}

}  // namespace actlab::test
