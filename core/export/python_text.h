#pragma once
// Python source text: literals and wrapped lists, for the PyTorch script and notebook exports.

#include <string>
#include <string_view>
#include <vector>

namespace actlab::pytorch {

/// A Python float literal that reads back as the same double, spelled as Python's repr spells
/// it: the shortest round-trip digits ("0.1", "1.0", "0.0005", "1e-05", "1e+16", "-0.0");
/// float("inf"), -float("inf") and float("nan") for the rest.
std::string pyFloat(double v);

/// A double-quoted Python string literal, with backslashes, quotes and control characters
/// escaped (other characters, Unicode included, are kept as they are: sources are UTF-8).
std::string pyString(std::string_view text);

/// Text for a `#` comment or a Markdown line: control characters (newlines included) become
/// spaces, so that a title cannot end the comment.
std::string oneLine(std::string_view text);

/// `items` separated by ", " over as many lines as needed: each line starts with `indent` spaces
/// and is at most `width` characters long where the items allow, and ends with ",".
std::string wrapItems(const std::vector<std::string>& items, int indent, int width = 100);

/// "[a, b, c]" for short lists.
std::string pyList(const std::vector<std::string>& items);

/// The floats of `values` as Python literals.
std::vector<std::string> pyFloats(const std::vector<double>& values);

}  // namespace actlab::pytorch
