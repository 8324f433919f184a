#include "activation_call.h"

#include <cmath>
#include <limits>

#include "registry.h"
#include "util/message_text.h"
#include "util/number_format.h"

namespace actlab {

std::string toLowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

namespace {

bool sameName(std::string_view a, std::string_view b) { return toLowerAscii(a) == toLowerAscii(b); }

/// Rows sharing the torch class of `spec` (GELU's two forms), or just `spec`.
std::vector<const ActivationSpec*> variantsOf(const ActivationSpec& spec) {
    std::vector<const ActivationSpec*> out;
    for (const ActivationSpec& row : activations())
        if (row.torchName == spec.torchName) out.push_back(&row);
    return out;
}

std::string paramNames(const ActivationSpec& spec) {
    std::string names;
    for (const ParamSpec& p : spec.params) names += (names.empty() ? "" : ", ") + std::string(p.id);
    if (!spec.torchVariantKey.empty())
        names += (names.empty() ? "" : ", ") + std::string(spec.torchVariantKey);
    return names.empty() ? "none" : names;
}

}  // namespace

std::string checkParams(const ActivationSpec& spec, const ParamValues& params) {
    for (std::size_t i = 0; i < spec.params.size(); ++i)
        if (!std::isfinite(params[i]))
            return std::string(spec.params[i].id) + " must be a finite number";
    return spec.validate ? spec.validate(params) : std::string();
}

ResolvedCall resolveActivation(std::string_view name, const KeywordArgs& args, bool float32) {
    // A keyword given twice would leave one value silently unused.
    for (std::size_t i = 0; i < args.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (args[k].first == args[i].first)
                return {{},
                        "parameter " + printable(args[i].first, 40) + " is given more than once"};
    // An id wins over a torch class name; a class with several rows (GELU) starts at its first.
    const ActivationSpec* base = nullptr;
    for (const ActivationSpec& row : activations())
        if (sameName(row.id, name)) base = &row;
    for (const ActivationSpec& row : activations())
        if (!base && sameName(row.torchName, name)) base = &row;
    if (!base)
        return {{},
                "unknown activation '" + printable(name, 40) + "'; valid: " + activationIdList() +
                    " (or their torch class names)"};

    // A variant keyword (approximate=tanh) selects among the rows of one torch class.
    const ActivationSpec* spec = base;
    for (const auto& [key, value] : args) {
        if (base->torchVariantKey.empty() || key != base->torchVariantKey) continue;
        spec = nullptr;
        std::string valid;
        for (const ActivationSpec* v : variantsOf(*base)) {
            valid += (valid.empty() ? "" : ", ") + std::string(v->torchVariantValue);
            if (v->torchVariantValue == value) spec = v;
        }
        if (!spec)
            return {{},
                    "invalid value '" + printable(value, 40) + "' for " + key + " of " +
                        std::string(base->torchName) + "; valid: " + valid};
    }

    ResolvedCall out{{activationRef(*spec), spec->defaults()}, {}};
    for (const auto& [key, value] : args) {
        if (key == spec->torchVariantKey) continue;
        const int index = spec->paramIndex(key);
        if (index < 0)
            return {{},
                    "unknown parameter '" + printable(key, 40) + "' for " + std::string(spec->id) +
                        "; valid: " + paramNames(*spec)};
        const std::optional<double> v = parseNumber(value);
        if (!v)
            return {{},
                    "parameter " + key + " of " + std::string(spec->id) + " is not a number: '" +
                        printable(value, 40) + "'"};
        if (float32 && std::isfinite(*v) && std::fabs(*v) > std::numeric_limits<float>::max())
            return {{},
                    "parameter " + key + " = " + printable(value, 40) + " is out of float32 range"};
        out.call.params[static_cast<std::size_t>(index)] = *v;
    }
    if (std::string problem = checkParams(*spec, out.call.params); !problem.empty())
        return {{}, "invalid parameters for " + std::string(spec->id) + ": " + problem};
    return out;
}

std::string formatTorchParams(const ActivationSpec& spec, const ParamValues& params) {
    std::string out;
    if (!spec.torchVariantKey.empty())
        out = std::string(spec.torchVariantKey) + "=" + std::string(spec.torchVariantValue);
    for (std::size_t i = 0; i < spec.params.size(); ++i) {
        if (!out.empty()) out += ';';
        out += std::string(spec.params[i].id) + "=" + formatShortest(params[i]);
    }
    return out;
}

}  // namespace actlab
