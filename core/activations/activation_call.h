#pragma once
// Naming an activation and its parameters the way users and PyTorch write them: by registry id or
// torch class name in any case ("gelu", "GELU", "LeakyReLU"), with torch's keyword parameters
// ("negative_slope=0.2", "approximate=tanh").

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "activation_spec.h"

namespace actlab {

/// An activation with concrete parameter values. It holds its row, so a call keeps a formula row
/// alive after the row has left every list.
struct ActivationCall {
    ActivationRef spec;
    ParamValues params{};

    ActivationCall() = default;
    ActivationCall(ActivationRef row, const ParamValues& values)
        : spec(std::move(row)), params(values) {}
    /// From a row that is alive now (a built-in, or a formula row someone holds): the call then
    /// shares it (see activationRef()).
    ActivationCall(const ActivationSpec* row, const ParamValues& values)
        : spec(row ? activationRef(*row) : nullptr), params(values) {}
};

/// The result of resolving user input: a call, or a one-line message naming the valid choices.
struct ResolvedCall {
    ActivationCall call;
    std::string error;
    bool ok() const { return error.empty(); }
};

using KeywordArgs = std::vector<std::pair<std::string, std::string>>;

/// Resolves a name and keyword arguments. Parameters that are not given keep their defaults.
/// Checks that every value is a finite number (or a valid variant such as approximate=tanh),
/// that it is representable in float when `float32` is set, and that the function accepts it.
ResolvedCall resolveActivation(std::string_view name, const KeywordArgs& args, bool float32 = false);

/// Checks parameter values against the spec (finite, and the row's own rule).
/// Empty when acceptable, else a one-line message.
std::string checkParams(const ActivationSpec& spec, const ParamValues& params);

/// The parameters as the golden files write them: "beta=2.0;threshold=20.0", and
/// "approximate=tanh" for GELU. Empty for functions without parameters.
std::string formatTorchParams(const ActivationSpec& spec, const ParamValues& params);

/// Lower-cases ASCII letters.
std::string toLowerAscii(std::string_view s);

}  // namespace actlab
