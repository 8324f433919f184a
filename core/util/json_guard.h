#pragma once
// Limits checked on JSON text before it is handed to the parser, and parse errors in the
// program's own words. nlohmann::json builds (and copies and destroys) nested values
// recursively, so a document nested 150,000 deep overflows the stack: the nesting is measured
// here first, by a scan without recursion.

#include <cstddef>
#include <string>
#include <string_view>

namespace actlab {

struct JsonLimits {
    int maxDepth = 64;                  ///< arrays and objects inside each other
    std::size_t maxValues = 1'000'000;  ///< numbers, strings, literals, arrays and objects
};

/// Scans `text` without recursion and without building anything. "" when it keeps the limits
/// and holds no number too large for a double; else one line with the line and column:
/// "line 3, column 20: nested deeper than 64 levels". Syntax errors are left to the parser.
std::string checkJsonText(std::string_view text, const JsonLimits& limits = {});

/// A syntax error that the parser found after reading `byte` bytes of `text` (nlohmann's
/// parse_error::byte), as one line: "not valid JSON at line 2, column 7: unexpected '}'", or
/// that the text ends too early. Never the parser's own wording, never raw bytes.
std::string jsonSyntaxMessage(std::string_view text, std::size_t byte);

/// "line L, column C" of the byte at `offset` (columns count characters, from 1).
std::string textPosition(std::string_view text, std::size_t offset);

}  // namespace actlab
