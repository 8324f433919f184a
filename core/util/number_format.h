#pragma once
// Number formatting and strict parsing shared by the command line, the CSV files and the tests.
// Files are always written and read in the C locale's conventions ('.' as the decimal point, no
// group separators), whatever the process's C or C++ locale: nothing here consults a locale.

#include <optional>
#include <string>
#include <string_view>

namespace actlab {

/// `%.<digits>g` as the "C" locale prints it, with inf, -inf and nan spelled as such (never
/// "-nan"); the sign of zero is kept.
std::string formatNumber(double v, int significantDigits = 17);

/// The shortest text that reads back as the same double, with ".0" added to integers, as Python
/// prints floats ("0.01", "1.0", "1e-05"). The golden files write parameters this way.
std::string formatShortest(double v);

/// A whole string as a double: decimal or hex, optional sign, "inf"/"infinity"/"nan" in any case.
/// Leading and trailing blanks are allowed; anything else is not a number. A decimal beyond the
/// double range reads as the value it rounds to (1e999 is inf, 1e-999 is 0).
std::optional<double> parseNumber(std::string_view text);

/// As parseNumber; `*overflow` says whether a finite decimal was too large for a double and was
/// read as ±inf (so that a caller can say "too large" rather than "not finite").
std::optional<double> parseNumber(std::string_view text, bool* overflow);

/// A number typed by a person into a field of the interface. It accepts '.' as the decimal point
/// always, and `systemDecimalPoint` too when it differs (',' in German); an optional sign (also
/// the typographic minus U+2212) and an exponent ("1e-3"). A group separator is never taken as a
/// decimal point: with '.' as the system's decimal point "0,3" is refused, never read as 3, and
/// "1.234,5" (two separators) is refused whatever the system uses. Not-finite values (nan, inf),
/// numbers too large for a double and non-zero numbers too small for one are refused. On
/// refusal `*error` (when given) receives a short reason in English.
std::optional<double> parseTypedNumber(std::string_view text, char systemDecimalPoint,
                                       char systemGroupSeparator, std::string* error);

}  // namespace actlab
