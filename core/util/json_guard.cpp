#include "json_guard.h"

#include <algorithm>

#include "message_text.h"
#include "number_format.h"

namespace actlab {

namespace {

bool isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

}  // namespace

std::string textPosition(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == '\n') {
            ++line;
            column = 1;
        } else if ((b & 0xC0) != 0x80) {  // UTF-8 continuation bytes belong to the character
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

std::string checkJsonText(std::string_view text, const JsonLimits& limits) {
    int depth = 0;
    std::size_t values = 0;
    const auto tooMany = [&] { return "more than " + countText(limits.maxValues) + " values"; };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            // Skip the string; an unterminated one is the parser's to report.
            for (++i; i < text.size() && text[i] != '"'; ++i)
                if (text[i] == '\\') ++i;
            if (++values > limits.maxValues) return tooMany();
        } else if (c == '[' || c == '{') {
            if (++depth > limits.maxDepth)
                return textPosition(text, i) + ": nested deeper than " +
                       std::to_string(limits.maxDepth) + " levels";
            if (++values > limits.maxValues) return tooMany();
        } else if (c == ']' || c == '}') {
            --depth;  // unbalanced brackets are the parser's to report
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            std::size_t end = i;
            while (end < text.size() && isNumberChar(text[end])) ++end;
            const std::string_view token = text.substr(i, end - i);
            // Only an exponent or more than 300 digits can leave the double range.
            if (token.find_first_of("eE") != std::string_view::npos || token.size() > 300) {
                bool overflow = false;
                if (parseNumber(token, &overflow) && overflow)
                    return textPosition(text, i) + ": number overflow: " + printable(token, 24) +
                           " is too large for a number";
            }
            if (++values > limits.maxValues) return tooMany();
            i = end - 1;
        } else if (c == 't' || c == 'f' || c == 'n') {
            while (i + 1 < text.size() && text[i + 1] >= 'a' && text[i + 1] <= 'z') ++i;
            if (++values > limits.maxValues) return tooMany();
        }
    }
    return "";
}

std::string jsonSyntaxMessage(std::string_view text, std::size_t byte) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\n' || text[end - 1] == '\r' ||
                       text[end - 1] == '\t'))
        --end;
    if (end == 0) return "not valid JSON: the file is empty";
    // nlohmann counts the bytes it read, the offending one included.
    const std::size_t at = byte > 0 ? byte - 1 : 0;
    if (at >= end)
        return "not valid JSON: the text ends at " + textPosition(text, end) +
               " before the document is complete (the file may be truncated)";
    const auto b = static_cast<unsigned char>(text[at]);
    std::string what;
    if (b >= 0x20 && b < 0x7F)
        what = "unexpected '" + std::string(1, char(b)) + "'";
    else if (b < 0x20 || b == 0x7F)
        what = "unexpected control character";
    else if (const std::size_t n = utf8SequenceLength(text, at); n == 0)
        what = "a byte that is not UTF-8";
    else
        what = "unexpected '" + std::string(text.substr(at, n)) + "'";
    return "not valid JSON at " + textPosition(text, at) + ": " + what;
}

}  // namespace actlab
