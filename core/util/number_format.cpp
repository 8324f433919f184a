#include "number_format.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

namespace actlab {

namespace {

// std::to_chars and std::from_chars are specified to behave as printf and strtod do in the "C"
// locale, whatever the current one: that is why they, and never snprintf or strtod, are used.

/// True when a decimal that from_chars found out of range is too large rather than too small:
/// its order of magnitude (the position of its first significant digit, shifted by the exponent)
/// is positive. Out of range means beyond 1.8e308 or below 4.9e-324, so the answer is never
/// near the border. `text` has no sign and matched from_chars' general format.
bool decimalIsLarge(std::string_view text) {
    std::size_t i = 0;
    long long integerDigits = 0, leadingFractionZeros = 0;
    bool seenNonZero = false;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
        if (seenNonZero || text[i] != '0') {
            seenNonZero = true;
            ++integerDigits;
        }
    if (i < text.size() && text[i] == '.') ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        if (seenNonZero) continue;
        if (text[i] == '0')
            ++leadingFractionZeros;
        else
            seenNonZero = true;
    }
    long long exponent = 0;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool negative = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i)
            exponent = std::min(exponent * 10 + (text[i] - '0'), 1'000'000'000LL);  // saturates
        if (negative) exponent = -exponent;
    }
    const long long magnitude =
        (integerDigits > 0 ? integerDigits : -leadingFractionZeros) + exponent;
    return magnitude > 0;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

std::string formatNumber(double v, int significantDigits) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];  // 40 significant digits, a sign, a point and an exponent fit
    const int digits = significantDigits < 1 ? 1 : significantDigits > 40 ? 40 : significantDigits;
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, digits);
    return std::string(buf, res.ptr);
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
    return parseNumber(text, nullptr);
}

std::optional<double> parseNumber(std::string_view text, bool* overflow) {
    if (overflow) *overflow = false;
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
    if (res.ec == std::errc::result_out_of_range && res.ptr == text.data() + text.size()) {
        // from_chars leaves the value alone when it is out of range; a user typing 1e999 or
        // 1e-999 means the value it rounds to.
        const std::size_t p = text.find_first_of("pP");
        const bool large =
            format == std::chars_format::hex
                ? p == std::string_view::npos || p + 1 >= text.size() || text[p + 1] != '-'
                : decimalIsLarge(text);
        value = large ? HUGE_VAL : 0.0;
        if (overflow) *overflow = large;
    } else if (res.ec != std::errc() || res.ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

std::optional<double> parseTypedNumber(std::string_view text, char systemDecimalPoint,
                                       char systemGroupSeparator, std::string* error) {
    const auto refuse = [error](std::string why) -> std::optional<double> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty()) return refuse("enter a number");
    std::string normalised;
    if (text.front() == '+' || text.front() == '-') {
        if (text.front() == '-') normalised = "-";
        text.remove_prefix(1);
    } else if (text.starts_with("\xE2\x88\x92")) {  // U+2212 MINUS SIGN, as the app displays it
        normalised = "-";
        text.remove_prefix(3);
    }
    int decimalPoints = 0;
    bool letters = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (isDigit(c)) {
            normalised += c;
        } else if (c == '.' || c == systemDecimalPoint) {
            normalised += '.';
            ++decimalPoints;
        } else if (c == 'e' || c == 'E') {
            normalised += 'e';
        } else if ((c == '+' || c == '-') && i > 0 && (text[i - 1] == 'e' || text[i - 1] == 'E')) {
            normalised += c;
        } else if (c == ',') {
            // The system's decimal point was handled above, so ',' here is a group separator or
            // a slip: never read "0,3" as 3.
            return refuse("',' is not a decimal separator here: use '.'");
        } else if (c == systemGroupSeparator || c == ' ' || c == '\'' || c == '_' ||
                   c == '\xC2' /* the lead byte of U+00A0 NO-BREAK SPACE */) {
            return refuse("leave out group separators");
        } else {
            letters = true;
            break;
        }
    }
    if (letters) {
        std::string word(text);
        for (char& c : word)  // ASCII only: std::tolower would consult the C locale
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (word == "inf" || word == "infinity" || word == "nan")
            return refuse("not a finite number");
        return refuse("not a number");
    }
    if (decimalPoints > 1) return refuse("more than one decimal separator");
    double value = 0;
    const char* first = normalised.data();
    const char* last = first + normalised.size();
    const auto res = std::from_chars(first, last, value, std::chars_format::general);
    if (res.ec == std::errc::result_out_of_range && res.ptr == last) {
        const std::string_view digits =
            std::string_view(normalised).substr(normalised.front() == '-' ? 1 : 0);
        return refuse(decimalIsLarge(digits) ? "too large for a number"
                                             : "too close to 0 for a number");
    }
    if (res.ec != std::errc() || res.ptr != last) return refuse("not a number");
    if (!std::isfinite(value)) return refuse("not a finite number");
    return value;
}

}  // namespace actlab
