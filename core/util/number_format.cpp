#include "number_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace actlab {

std::string formatNumber(double v, int significantDigits) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*g", significantDigits, v);
    return buf;
}

std::string formatShortest(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, res.ptr);
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::optional<double> parseNumber(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
        text.remove_suffix(1);
    bool negative = false;
    if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty() || text.front() == '+' || text.front() == '-') return std::nullopt;
    double value = 0;
    auto format = std::chars_format::general;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text.remove_prefix(2);
        format = std::chars_format::hex;
    }
    const auto res = std::from_chars(text.data(), text.data() + text.size(), value, format);
    // Out-of-range decimals (1e999) are reported as errors by from_chars; treat them as the
    // overflowed or underflowed value strtod would give, which is what a user typing them means.
    if (res.ec == std::errc::result_out_of_range && format == std::chars_format::general &&
        res.ptr == text.data() + text.size()) {
        value = std::strtod(std::string(text).c_str(), nullptr);
    } else if (res.ec != std::errc() || res.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

}  // namespace actlab
