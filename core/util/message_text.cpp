#include "message_text.h"

namespace actlab {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026

bool isControl(std::string_view text, std::size_t i, std::size_t length) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (length == 1) return b < 0x20 || b == 0x7F;
    // C1 controls U+0080 … U+009F are encoded C2 80 … C2 9F.
    return length == 2 && b == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

}  // namespace

std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80) return 1;
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
        n = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0) lo = 0xA0;  // overlong
        if (b == 0xED) hi = 0x9F;  // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0) lo = 0x90;  // overlong
        if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > text.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

std::string printable(std::string_view text, std::size_t maxChars) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (chars + 1 >= maxChars && utf8Length(text.substr(i)) > 1) {
            out += kEllipsis;
            return out;
        }
        const std::size_t n = utf8SequenceLength(text, i);
        if (n == 0 || isControl(text, i, n))
            out += kReplacement;
        else
            out.append(text.substr(i, n));
        i += n == 0 ? 1 : n;
        ++chars;
    }
    return out;
}

std::string printablePath(std::string_view path, std::size_t maxChars) {
    const std::size_t chars = utf8Length(path);
    if (chars <= maxChars || maxChars < 2) return printable(path, maxChars);
    // Skip the characters that do not fit, from the front.
    std::size_t skip = chars - (maxChars - 1), i = 0;
    for (; i < path.size() && skip > 0; --skip) {
        const std::size_t n = utf8SequenceLength(path, i);
        i += n == 0 ? 1 : n;
    }
    return std::string(kEllipsis) + printable(path.substr(i), maxChars);
}

std::string oneLine(std::string_view message) {
    const std::string all = printable(message, std::string::npos);
    if (utf8Length(all) <= kMaxMessageChars) return all;
    // The first kMaxMessageChars - 2 characters, then back to the end of a list item or a word.
    std::size_t end = 0;
    for (std::size_t chars = 0; chars + 2 < kMaxMessageChars; ++chars) {
        const std::size_t n = utf8SequenceLength(all, end);
        end += n == 0 ? 1 : n;
    }
    const std::string_view head = std::string_view(all).substr(0, end);
    if (const std::size_t comma = head.rfind(", ");
        comma != std::string_view::npos && comma > head.size() / 2)
        return std::string(head.substr(0, comma)) + ", " + std::string(kEllipsis);
    if (const std::size_t space = head.rfind(' ');
        space != std::string_view::npos && space > head.size() / 2)
        return std::string(head.substr(0, space)) + " " + std::string(kEllipsis);
    return std::string(head) + std::string(kEllipsis);
}

std::size_t utf8Length(std::string_view text) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++chars) {
        const std::size_t n = utf8SequenceLength(text, i);
        i += n == 0 ? 1 : n;
    }
    return chars;
}

std::string countText(std::size_t n) {
    const std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace actlab
