#include "registry.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace actlab {

namespace {

std::vector<ActivationSpec> buildTable() {
    std::vector<ActivationSpec> rows;
    detail::appendLogisticRows(rows);
    detail::appendPiecewiseRows(rows);
    detail::appendExponentialRows(rows);
    detail::appendGaussianRows(rows);
    // Teaching order: by group, and within a group in the order the families list them.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ActivationSpec& a, const ActivationSpec& b) {
                         return static_cast<int>(a.group) < static_cast<int>(b.group);
                     });
    return rows;
}

}  // namespace

std::span<const ActivationSpec> activations() {
    static const std::vector<ActivationSpec> table = buildTable();
    return table;
}

const ActivationSpec* findActivation(std::string_view id) {
    for (const ActivationSpec& spec : activations())
        if (spec.id == id) return &spec;
    return nullptr;
}

const ActivationSpec& activation(std::string_view id) {
    if (const ActivationSpec* spec = findActivation(id)) return *spec;
    throw std::invalid_argument("unknown activation '" + std::string(id) +
                                "'; valid ids: " + activationIdList());
}

ActivationRef activationRef(std::string_view id) {
    const ActivationSpec* spec = findActivation(id);
    return spec ? activationRef(*spec) : nullptr;
}

std::string activationIdList() {
    std::string list;
    for (const ActivationSpec& spec : activations()) {
        if (!list.empty()) list += ", ";
        list += spec.id;
    }
    return list;
}

}  // namespace actlab
