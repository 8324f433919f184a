#pragma once
// Text from outside the program (file names, field values, keys) as it may appear in the
// program's one-line messages: valid UTF-8, no control characters, not too long.

#include <cstddef>
#include <string>
#include <string_view>

namespace actlab {

/// Messages stay readable on one line of a terminal or a dialog.
inline constexpr std::size_t kMaxMessageChars = 200;

/// `text` fit for a message: every byte that is not part of valid UTF-8 and every control
/// character (newline, tab, escape, DEL, C1) becomes U+FFFD; more than `maxChars` characters are
/// cut to `maxChars - 1` and "…".
std::string printable(std::string_view text, std::size_t maxChars = 60);

/// A file name fit for a message, as printable(), but a long one keeps its end (the file's own
/// name): "…/lessons/02-dying-relu.actlab.json".
std::string printablePath(std::string_view path, std::size_t maxChars = 80);

/// A whole message made safe and short: printable(), at most kMaxMessageChars characters; a
/// longer one is cut after a whole item of a list ("valid: sigmoid, tanh, …") or a whole word.
std::string oneLine(std::string_view message);

/// The length of the valid UTF-8 sequence that starts at text[i]; 0 when the byte there starts
/// none (overlong forms, surrogates and code points above U+10FFFF are not valid).
std::size_t utf8SequenceLength(std::string_view text, std::size_t i);

/// The number of characters (code points) of UTF-8 text; an invalid byte counts as one.
std::size_t utf8Length(std::string_view text);

/// A count as messages write it: "100,000".
std::string countText(std::size_t n);

}  // namespace actlab
