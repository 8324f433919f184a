#pragma once
// The limits a session document must keep, checked before its fields are read: the size of the
// file and the nesting of its JSON before parsing, the number of points and the length of its
// texts on the parsed tree. Each limit gives a one-line message, never a crash or a stall.

#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

namespace actlab::nn {

inline constexpr std::uintmax_t kMaxSessionFileBytes = 64u * 1024u * 1024u;  ///< 64 MB
inline constexpr int kMaxSessionDepth = 64;                ///< arrays and objects inside each other
inline constexpr std::size_t kMaxSessionPoints = 100'000;  ///< train and test together
inline constexpr std::size_t kMaxSessionTextChars = 10'000;  ///< each title and description

/// Checks the text before it is parsed: nesting, numbers too large for a double, and the number
/// of values (which bounds the memory the parsed tree takes). "" or one line.
std::string checkSessionText(std::string_view text);

/// Checks the parsed tree before its fields are read: at most kMaxSessionPoints points, and titles
/// and descriptions of at most kMaxSessionTextChars characters. Values of the wrong type are
/// left to the reader, which names them. "" or one line naming the field.
std::string checkSessionTree(const nlohmann::ordered_json& document);

}  // namespace actlab::nn
