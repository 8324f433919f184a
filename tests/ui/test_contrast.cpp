// Every theme is readable from the back of a room: text and plot lines reach a contrast ratio of
// at least 4.5:1 against the background they are drawn on (WCAG 2's formula), computed from the
// theme's colours and the palette it gives the application.

#include <gtest/gtest.h>

#include <QPalette>
#include <cmath>
#include <string>
#include <vector>

#include "common/appearance.h"
#include "common/plot_style.h"

namespace actlab::ui {
namespace {

constexpr double kMinimum = 4.5;

double channel(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

/// Relative luminance of an opaque colour.
double luminance(const QColor& c) {
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) +
           0.0722 * channel(c.blueF());
}

/// `fg` drawn over `bg` (a translucent colour is blended in first).
QColor over(const QColor& fg, const QColor& bg) {
    const double a = fg.alphaF();
    return QColor::fromRgbF(float(fg.redF() * a + bg.redF() * (1 - a)),
                            float(fg.greenF() * a + bg.greenF() * (1 - a)),
                            float(fg.blueF() * a + bg.blueF() * (1 - a)));
}

double contrast(const QColor& fg, const QColor& bg) {
    const double a = luminance(over(fg, bg)), b = luminance(bg);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

TEST(Contrast, TheFormulaGivesTheKnownRatios) {
    EXPECT_NEAR(contrast(Qt::black, Qt::white), 21.0, 1e-9);
    EXPECT_NEAR(contrast(Qt::white, Qt::white), 1.0, 1e-9);
    EXPECT_NEAR(contrast(QColor(0x76, 0x76, 0x76), Qt::white), 4.54, 0.01);  // WCAG's grey
    EXPECT_LT(contrast(QColor(0xE6, 0x9F, 0x00), Qt::white), kMinimum);      // Okabe–Ito orange
}

struct Pair {
    std::string what;
    QColor fg, bg;
};

/// What each theme draws text and lines with, on what.
std::vector<Pair> pairsOf(const ThemeColors& c, const QPalette& p) {
    std::vector<Pair> pairs;
    const std::vector<std::pair<const char*, QColor>> texts = {
        {"strong", c.strong}, {"text", c.text},   {"text2", c.text2},
        {"muted", c.muted},   {"faint", c.faint}, {"good", c.good}};
    const std::vector<std::pair<const char*, QColor>> surfaces = {
        {"window", c.window}, {"card", c.card}, {"bar", c.bar}};
    for (const auto& [tn, t] : texts)
        for (const auto& [sn, s] : surfaces) pairs.push_back({std::string(tn) + " on " + sn, t, s});
    pairs.push_back({"errorText on errorBg", c.errorText, c.errorBg});
    pairs.push_back({"onAccent on accent", c.onAccent, c.accent});
    const QColor plot = c.plotBackground;
    for (const auto& [name, line] : std::vector<std::pair<const char*, QColor>>{
             {"plotText", c.plotText},
             {"axis", c.axis},
             {"f", c.f},
             {"f'", c.df},
             {"f''", c.d2f},
             {"neutralCurve", c.neutralCurve},
             {"pinnedInCompare", c.pinnedInCompare},
             {"seriesMuted", c.seriesMuted}})
        pairs.push_back({std::string(name) + " on the plot", line, plot});
    for (int n = 0; n < 7; ++n)
        pairs.push_back({"compare colour " + std::to_string(n) + " on the plot",
                         style::compareColor(n), plot});
    using R = QPalette::ColorRole;
    for (const auto& [name, fg, bg] : std::vector<std::tuple<const char*, R, R>>{
             {"palette WindowText on Window", QPalette::WindowText, QPalette::Window},
             {"palette Text on Base", QPalette::Text, QPalette::Base},
             {"palette ButtonText on Button", QPalette::ButtonText, QPalette::Button},
             {"palette HighlightedText on Highlight", QPalette::HighlightedText,
              QPalette::Highlight},
             {"palette ToolTipText on ToolTipBase", QPalette::ToolTipText, QPalette::ToolTipBase},
             {"palette PlaceholderText on Base", QPalette::PlaceholderText, QPalette::Base}})
        pairs.push_back({name, p.color(fg), p.color(bg)});
    return pairs;
}

TEST(Contrast, TextAndPlotLinesReachFourAndAHalfToOneInEveryTheme) {
    Appearance& appearance = Appearance::instance();
    const Appearance::Theme before = appearance.theme();
    for (const auto& [theme, name] : std::vector<std::pair<Appearance::Theme, const char*>>{
             {Appearance::Theme::Light, "light"},
             {Appearance::Theme::HighContrast, "contrast"},
             {Appearance::Theme::Dark, "dark"}}) {
        appearance.setTheme(theme);
        int checked = 0;
        for (const Pair& pair : pairsOf(appearance.colors(), appearance.palette())) {
            ++checked;
            const double ratio = contrast(pair.fg, pair.bg);
            EXPECT_GE(ratio, kMinimum) << name << ": " << pair.what << " is " << ratio << ":1 ("
                                       << pair.fg.name().toStdString() << " on "
                                       << pair.bg.name().toStdString() << ")";
        }
        EXPECT_GT(checked, 40) << name;
    }
    appearance.setTheme(before);
}

}  // namespace
}  // namespace actlab::ui
