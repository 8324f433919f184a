#include "python_text.h"

#include <charconv>
#include <cmath>

#include "util/message_text.h"

namespace actlab::pytorch {

std::string pyFloat(double v) {
    if (std::isnan(v)) return "float(\"nan\")";
    if (std::isinf(v)) return v > 0 ? "float(\"inf\")" : "-float(\"inf\")";
    // The shortest digits that read back as v, laid out as Python's repr lays them out: fixed
    // notation for decimal exponents from -4 to 15, else d.ddde±XX.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    const std::string sci(buf, res.ptr);
    const std::size_t e = sci.find('e');
    const bool negative = sci[0] == '-';
    const int exponent = std::stoi(sci.substr(e + 1));
    std::string digits;
    for (std::size_t i = negative ? 1 : 0; i < e; ++i)
        if (sci[i] != '.') digits += sci[i];
    std::string out;
    if (exponent >= -4 && exponent < 16) {
        const auto point = static_cast<std::size_t>(exponent + 1);  // digits before the point
        if (exponent < 0)
            out = "0." + std::string(std::size_t(-exponent - 1), '0') + digits;
        else if (digits.size() <= point)
            out = digits + std::string(point - digits.size(), '0') + ".0";
        else
            out = digits.substr(0, point) + "." + digits.substr(point);
    } else {
        out = digits.substr(0, 1) + (digits.size() > 1 ? "." + digits.substr(1) : "");
        const std::string magnitude = std::to_string(exponent < 0 ? -exponent : exponent);
        out +=
            std::string(exponent < 0 ? "e-" : "e+") + (magnitude.size() < 2 ? "0" : "") + magnitude;
    }
    return negative ? "-" + out : out;
}

std::string pyString(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) {
            // A file name may hold any bytes. Valid UTF-8 is kept; another byte becomes the
            // escape Python's file names use for it (surrogateescape: 0xFF is \udcff), so that
            // open() finds the file whose name has that byte.
            const std::size_t n = utf8SequenceLength(text, i);
            if (n > 0) {
                out.append(text.substr(i, n));
                i += n - 1;
            } else {
                static const char* const kHex = "0123456789abcdef";
                out += "\\udc";
                out += kHex[u >> 4];
                out += kHex[u & 15];
            }
        } else if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (u < 0x20 || u == 0x7f) {
            static const char* const kHex = "0123456789abcdef";
            out += "\\x";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string oneLine(std::string_view text) {
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        out += u < 0x20 || u == 0x7f ? ' ' : c;
    }
    return out;
}

std::string wrapItems(const std::vector<std::string>& items, int indent, int width) {
    const std::string pad(std::size_t(indent), ' ');
    std::string out, line;
    for (const std::string& item : items) {
        // The line would be too long with this item (and its ", "): start a new one.
        if (!line.empty() && int(line.size() + 2 + item.size() + 1) > width) {
            out += line + ",\n";
            line.clear();
        }
        line += line.empty() ? pad + item : ", " + item;
    }
    if (!line.empty()) out += line + ",\n";
    return out;
}

std::string pyList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + "]";
}

std::vector<std::string> pyFloats(const std::vector<double>& values) {
    std::vector<std::string> out;
    out.reserve(values.size());
    for (double v : values) out.push_back(pyFloat(v));
    return out;
}

}  // namespace actlab::pytorch
