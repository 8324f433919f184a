#pragma once
// Number formatting and strict parsing shared by the command line, the CSV files and the tests.

#include <optional>
#include <string>
#include <string_view>

namespace actlab {

/// `%.<digits>g`, with inf, -inf and nan spelled as such (never "-nan"); the sign of zero is kept.
std::string formatNumber(double v, int significantDigits = 17);

/// The shortest text that reads back as the same double, with ".0" added to integers, as Python
/// prints floats ("0.01", "1.0", "1e-05"). The golden files write parameters this way.
std::string formatShortest(double v);

/// A whole string as a double: decimal or hex, optional sign, "inf"/"infinity"/"nan" in any case.
/// Leading and trailing blanks are allowed; anything else is not a number.
std::optional<double> parseNumber(std::string_view text);

}  // namespace actlab
