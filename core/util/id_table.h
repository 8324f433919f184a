#pragma once
// Tables of (enum value, stable string id) pairs, as used in session files and on the command
// line, and the lookups both ways.

#include <optional>
#include <string_view>
#include <utility>

namespace actlab {

template <class E>
using IdTableEntry = std::pair<E, std::string_view>;

/// The id of `e` in `table`, or "?".
template <class E, std::size_t N>
std::string_view idOf(const IdTableEntry<E> (&table)[N], E e) {
    for (const auto& [k, id] : table)
        if (k == e) return id;
    return "?";
}

/// The value with `id` in `table`, if any.
template <class E, std::size_t N>
std::optional<E> fromId(const IdTableEntry<E> (&table)[N], std::string_view id) {
    for (const auto& [k, name] : table)
        if (name == id) return k;
    return std::nullopt;
}

}  // namespace actlab
