// Numbers in files and typed by people, and outside text in messages: no locale is consulted,
// overflow is told from infinity, a group separator is never a decimal point, and messages hold
// neither invalid bytes nor control characters.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "util/message_text.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

TEST(FormatNumber, MatchesPrintfInTheCLocale) {
    // The reference is printf's %.17g and %.9g in the C locale (the test runs in it).
    for (const double v : {0.1, -2.5e-300, 1e22, 123456789.0, 5e-324, -0.0, 1.0 / 3, 6.02214076e23})
        for (const int digits : {3, 9, 17}) {
            char want[64];
            std::snprintf(want, sizeof want, "%.*g", digits, v);
            EXPECT_EQ(formatNumber(v, digits), want) << v;
        }
    EXPECT_EQ(formatNumber(std::nan("")), "nan");
    EXPECT_EQ(formatNumber(-std::numeric_limits<double>::infinity()), "-inf");
}

TEST(ParseNumber, TellsOverflowFromInfinity) {
    bool overflow = true;
    EXPECT_EQ(parseNumber("1.5e400", &overflow), std::numeric_limits<double>::infinity());
    EXPECT_TRUE(overflow);
    EXPECT_EQ(parseNumber("-1.5e400", &overflow), -std::numeric_limits<double>::infinity());
    EXPECT_TRUE(overflow);
    EXPECT_EQ(parseNumber("0.0000000000000000001e-99999999999999999999", &overflow), 0.0);
    EXPECT_FALSE(overflow);  // underflow is 0, as a user typing it means
    EXPECT_EQ(parseNumber("12345678901234567890e290", &overflow),
              std::numeric_limits<double>::infinity());
    EXPECT_TRUE(overflow);
    EXPECT_EQ(parseNumber("0.000001e-320", &overflow), 0.0);
    EXPECT_FALSE(overflow);
    EXPECT_EQ(parseNumber("inf", &overflow), std::numeric_limits<double>::infinity());
    EXPECT_FALSE(overflow);
    EXPECT_EQ(parseNumber("1e308", &overflow), 1e308);
    EXPECT_FALSE(overflow);
    EXPECT_FALSE(parseNumber("1,5"));  // never a decimal comma in files
    EXPECT_FALSE(parseNumber("1.000,5"));
    EXPECT_EQ(parseNumber(" 0x1p-2 "), 0.25);
}

struct Typed {
    const char* text;
    char decimal, group;
    std::optional<double> value;
    const char* reason;  // part of the message when refused
};

std::ostream& operator<<(std::ostream& os, const Typed& t) {
    return os << "'" << t.text << "' with '" << t.decimal << "' and '" << t.group << "'";
}

class TypedNumber : public ::testing::TestWithParam<Typed> {};

TEST_P(TypedNumber, IsReadOrRefusedWithAReason) {
    std::string error;
    const std::optional<double> v =
        parseTypedNumber(GetParam().text, GetParam().decimal, GetParam().group, &error);
    if (GetParam().value) {
        ASSERT_TRUE(v) << error;
        EXPECT_EQ(*v, *GetParam().value);
    } else {
        EXPECT_FALSE(v) << *v;
        EXPECT_NE(error.find(GetParam().reason), std::string::npos) << error;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TypedNumber,
    ::testing::Values(
        // '.' always; the system's decimal point too.
        Typed{"0.3", '.', ',', 0.3, ""}, Typed{"0.3", ',', '.', 0.3, ""},
        Typed{"0,3", ',', '.', 0.3, ""}, Typed{" -1,5e-3 ", ',', '.', -1.5e-3, ""},
        Typed{"\xE2\x88\x92"
              "2.5",
              '.', ',', -2.5, ""},
        Typed{"+7", '.', ',', 7.0, ""},
        Typed{"1.234", ',', '.', 1.234, ""},  // '.' is a decimal point even where it groups
        // A group separator is never a decimal point: "0,3" is 0.3 or refused, never 3.
        Typed{"0,3", '.', ',', std::nullopt, "',' is not a decimal separator"},
        Typed{"1,000", '.', ',', std::nullopt, "',' is not a decimal separator"},
        Typed{"1.234,5", ',', '.', std::nullopt, "more than one decimal separator"},
        Typed{"1 000", '.', ' ', std::nullopt, "group separators"},
        Typed{"1'000", '.', '\'', std::nullopt, "group separators"},
        Typed{"0.1.2", '.', ',', std::nullopt, "more than one decimal separator"},
        // Not finite, out of the double's range, or no number at all.
        Typed{"nan", '.', ',', std::nullopt, "not a finite number"},
        Typed{"-Infinity", '.', ',', std::nullopt, "not a finite number"},
        Typed{"1e400", '.', ',', std::nullopt, "too large"},
        Typed{"-1.5e400", ',', '.', std::nullopt, "too large"},
        Typed{"1e-400", '.', ',', std::nullopt, "too close to 0"},
        Typed{"", '.', ',', std::nullopt, "enter a number"},
        Typed{"abc", '.', ',', std::nullopt, "not a number"},
        Typed{"0x10", '.', ',', std::nullopt, "not a number"},
        Typed{"1e", '.', ',', std::nullopt, "not a number"}));

TEST(Printable, ReplacesInvalidBytesAndControlsAndCutsLongText) {
    EXPECT_EQ(printable("plain ascii"), "plain ascii");
    EXPECT_EQ(printable("学习率 ü"), "学习率 ü");  // valid UTF-8 stays
    EXPECT_EQ(printable("a\xff"
                        "b"),
              "a\xEF\xBF\xBD"
              "b");
    EXPECT_EQ(printable("line\nbreak\t\x1b[31m"),
              "line\xEF\xBF\xBD"
              "break\xEF\xBF\xBD\xEF\xBF\xBD[31m");
    EXPECT_EQ(printable("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong '/'
    EXPECT_EQ(printable("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    EXPECT_EQ(printable("\xC2\x85"), "\xEF\xBF\xBD");                              // C1 control NEL
    EXPECT_EQ(printable("abcdef", 4), "abc\xE2\x80\xA6");
    EXPECT_EQ(printable("abcd", 4), "abcd");
    EXPECT_EQ(utf8Length(printable(std::string(10000, 'x'))), 60u);
    EXPECT_EQ(utf8Length("学习率"), 3u);
    EXPECT_EQ(countText(100000), "100,000");
    // A long message is cut after a whole list item, within the limit.
    std::string list = "unknown activation 'x'; valid: ";
    for (int i = 0; i < 40; ++i) list += "activation" + std::to_string(i) + ", ";
    const std::string cut = oneLine(list + "last");
    EXPECT_LE(utf8Length(cut), kMaxMessageChars);
    EXPECT_TRUE(cut.ends_with("activation11, \xE2\x80\xA6")) << cut;  // 189 chars, then 12 is cut
    EXPECT_EQ(oneLine("short\nmessage"), "short\xEF\xBF\xBDmessage");
    EXPECT_EQ(countText(999), "999");
}

}  // namespace
}  // namespace actlab::test
