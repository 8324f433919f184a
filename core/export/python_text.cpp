#include "python_text.h"

#include <cmath>

#include "util/number_format.h"

namespace actlab::pytorch {

std::string pyFloat(double v) {
    if (std::isnan(v)) return "float(\"nan\")";
    if (std::isinf(v)) return v > 0 ? "float(\"inf\")" : "-float(\"inf\")";
    // std::to_chars' shortest form ("1e-05", "-0") plus ".0" on integers is also Python's repr.
    return formatShortest(v);
}

std::string pyString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\\' || c == '"') {
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
