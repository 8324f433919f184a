#include "common/appearance.h"

#include <QApplication>
#include <QStyle>
#include <QToolTip>
#include <algorithm>
#include <array>
#include <cmath>

#include "common/style_sheets.h"

namespace actlab::ui {

namespace {

/// The scale steps of Ctrl+= and Ctrl+−: fine steps near 1, coarser for projection.
constexpr std::array<double, 10> kScaleSteps = {0.8, 0.9, 1.0,  1.1, 1.25,
                                                1.5, 1.75, 2.0, 2.25, 2.5};

QColor rgb(unsigned hex, int alpha = 255) {
    return QColor((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

/// The standard light look: the colours the application was designed with.
ThemeColors lightColors() {
    ThemeColors c;
    c.strong = rgb(0x1F2933);
    c.text = rgb(0x26313D);
    c.text2 = rgb(0x37414D);
    c.muted = rgb(0x5A6370);
    c.faint = rgb(0x5F6874);
    c.disabled = rgb(0xB8BEC6);
    c.window = rgb(0xEFF1F3);
    c.card = rgb(0xFFFFFF);
    c.chip = rgb(0xEEF1F4);
    c.codeBg = rgb(0xF6F8FA);
    c.codeBorder = rgb(0xE1E5EA);
    c.bar = rgb(0xF3F5F7);
    c.line = rgb(0xDDE2E8);
    c.controlBorder = rgb(0xBFC7D0);
    c.track = rgb(0xD5DBE3);
    c.hoverBg = rgb(0xE8F1F9);
    c.accent = rgb(0x0072B2);
    c.accentDark = rgb(0x0B4F7C);
    c.accentSoft = rgb(0xDCEBF7);
    c.accentBorder = rgb(0x7FB3DA);
    c.accentHover = rgb(0x9CC3E4);
    c.onAccent = rgb(0xFFFFFF);
    c.playDisabled = rgb(0xA7B0BA);
    c.featureOff = rgb(0x9AA3AD);
    c.selectionBand = rgb(0xE4EFF8);
    c.errorText = rgb(0x8A1C1C);
    c.errorBg = rgb(0xFDECEA);
    c.errorBorder = rgb(0xD96C5F);
    c.good = rgb(0x2F7A34);  // not f″'s green: a message is not a curve
    c.infoBg = rgb(0xEEF6FC);
    c.infoBorder = rgb(0x7FB3DA);
    c.plotBackground = rgb(0xFFFFFF);
    c.plotText = rgb(0x262B33);
    c.axis = rgb(0x5A6370);
    c.grid = rgb(0xE3E6EA);
    c.zeroLine = rgb(0x7A828C);
    c.legendBrush = rgb(0xFFFFFF, 230);
    c.legendBorder = rgb(0x000000, 45);
    // Okabe–Ito hues, deepened where the original is under 4.5:1 on white (vermillion, green).
    c.f = rgb(0x0072B2);
    c.df = rgb(0xB34700);
    c.d2f = rgb(0x00795A);
    c.curve4 = rgb(0xA23C7E);
    c.curve5 = rgb(0x9A5B00);
    c.curve6 = rgb(0x5B4DB8);
    c.neutralCurve = rgb(0x222222);
    c.pinnedInCompare = rgb(0x555B66);
    c.nodeEmpty = rgb(0xEEF0F3);
    c.nodeBorder = rgb(0x262B33);
    c.arrow = rgb(0x8A929C);
    c.idleLink = rgb(0xD5DAE0);
    c.seriesMuted = rgb(0x6B7480);
    return c;
}

/// For projectors: black text, darker lines and borders, deeper colours that survive a washed-out
/// image.
ThemeColors highContrastColors() {
    ThemeColors c = lightColors();
    c.strong = rgb(0x000000);
    c.text = rgb(0x000000);
    c.text2 = rgb(0x111111);
    c.muted = rgb(0x222A33);
    c.faint = rgb(0x2F3740);
    c.disabled = rgb(0x7D858F);
    c.window = rgb(0xFFFFFF);
    c.chip = rgb(0xE6E9ED);
    c.codeBg = rgb(0xF2F4F6);
    c.codeBorder = rgb(0x5A6370);
    c.bar = rgb(0xEDF0F3);
    c.line = rgb(0x5A6370);
    c.controlBorder = rgb(0x3A424C);
    c.track = rgb(0x8C949E);
    c.hoverBg = rgb(0xD9E8F5);
    c.accent = rgb(0x005A9C);
    c.accentDark = rgb(0x003F6E);
    c.accentSoft = rgb(0xCFE3F5);
    c.accentBorder = rgb(0x005A9C);
    c.accentHover = rgb(0x3D7FB8);
    c.playDisabled = rgb(0x7D858F);
    c.featureOff = rgb(0x6B7480);
    c.selectionBand = rgb(0xD6E7F6);
    c.errorText = rgb(0x7A0000);
    c.errorBg = rgb(0xFFE5E2);
    c.errorBorder = rgb(0xB3261E);
    c.good = rgb(0x00613F);
    c.infoBg = rgb(0xE3F0FB);
    c.infoBorder = rgb(0x005A9C);
    c.plotText = rgb(0x000000);
    c.axis = rgb(0x000000);
    c.grid = rgb(0xC4C9CF);
    c.zeroLine = rgb(0x000000);
    c.legendBrush = rgb(0xFFFFFF, 240);
    c.legendBorder = rgb(0x000000, 140);
    c.f = rgb(0x005A9C);
    c.df = rgb(0xA34100);
    c.d2f = rgb(0x00694E);
    c.curve4 = rgb(0x8E2F6E);
    c.curve5 = rgb(0x865000);
    c.curve6 = rgb(0x4B3DA8);
    c.neutralCurve = rgb(0x000000);
    c.pinnedInCompare = rgb(0x333333);
    c.nodeEmpty = rgb(0xE6E9ED);
    c.nodeBorder = rgb(0x000000);
    c.arrow = rgb(0x333333);
    c.idleLink = rgb(0x9AA1AB);
    c.seriesMuted = rgb(0x6B7480);
    return c;
}

/// Light text on dark grey; the curve colours are the lighter members of the same families, so
/// that blue still means f, vermillion f′ and green f″.
ThemeColors darkColors() {
    ThemeColors c;
    c.strong = rgb(0xF1F3F5);
    c.text = rgb(0xE3E7EB);
    c.text2 = rgb(0xD0D5DB);
    c.muted = rgb(0xA4ADB7);
    c.faint = rgb(0x8D97A2);
    c.disabled = rgb(0x5B646E);
    c.window = rgb(0x1C2026);
    c.card = rgb(0x23282F);
    c.chip = rgb(0x2C323A);
    c.codeBg = rgb(0x1A1E23);
    c.codeBorder = rgb(0x3A424C);
    c.bar = rgb(0x191D22);
    c.line = rgb(0x333A42);
    c.controlBorder = rgb(0x4A535E);
    c.track = rgb(0x3F4750);
    c.hoverBg = rgb(0x2D3B49);
    c.accent = rgb(0x3A9AD9);
    c.accentDark = rgb(0x1F6FA8);
    c.accentSoft = rgb(0x1F3A52);
    c.accentBorder = rgb(0x3A78A8);
    c.accentHover = rgb(0x4F8FC0);
    c.onAccent = rgb(0x0B1620);  // dark text: white on this lighter accent is only 3.1:1
    c.playDisabled = rgb(0x4A535E);
    c.featureOff = rgb(0x6B7480);
    c.selectionBand = rgb(0x22364A);
    c.errorText = rgb(0xFFB4AB);
    c.errorBg = rgb(0x3D1D1B);
    c.errorBorder = rgb(0xB3261E);
    c.good = rgb(0x4CD6A3);
    c.infoBg = rgb(0x1B2E40);
    c.infoBorder = rgb(0x3A78A8);
    c.plotBackground = rgb(0x15191E);
    c.plotText = rgb(0xE3E7EB);
    c.axis = rgb(0x9AA4AE);
    c.grid = rgb(0x2A3037);
    c.zeroLine = rgb(0x79838E);
    c.legendBrush = rgb(0x15191E, 230);
    c.legendBorder = rgb(0xFFFFFF, 60);
    c.f = rgb(0x56B4E9);
    c.df = rgb(0xF0883E);
    c.d2f = rgb(0x3DD5A5);
    c.curve4 = rgb(0xCC79A7);
    c.curve5 = rgb(0xE69F00);
    c.curve6 = rgb(0x9D8FFF);
    c.neutralCurve = rgb(0xD0D5DB);
    c.pinnedInCompare = rgb(0xA4ADB7);
    c.nodeEmpty = rgb(0x2C323A);
    c.nodeBorder = rgb(0xC9D0D7);
    c.arrow = rgb(0x7D8691);
    c.idleLink = rgb(0x3A424C);
    c.seriesMuted = rgb(0x7D8691);
    return c;
}

QPalette paletteFor(const ThemeColors& c, bool dark) {
    QPalette p;
    const QColor base = dark ? rgb(0x15191E) : rgb(0xFFFFFF);
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, c.chip);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::PlaceholderText, c.faint);
    p.setColor(QPalette::Button, dark ? c.card : rgb(0xF4F5F7));
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, dark ? rgb(0xFFFFFF) : rgb(0x000000));
    p.setColor(QPalette::Highlight, c.accent);
    p.setColor(QPalette::HighlightedText, c.onAccent);
    p.setColor(QPalette::ToolTipBase, dark ? c.card : rgb(0xFFFFFF));
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::Link, c.accent);
    p.setColor(QPalette::LinkVisited, c.accentDark);
    p.setColor(QPalette::Light, dark ? rgb(0x3A424C) : rgb(0xFFFFFF));
    p.setColor(QPalette::Midlight, dark ? rgb(0x2F363E) : rgb(0xE3E6EA));
    p.setColor(QPalette::Mid, c.controlBorder);
    p.setColor(QPalette::Dark, dark ? rgb(0x101317) : rgb(0x8C949E));
    p.setColor(QPalette::Shadow, rgb(0x000000));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        p.setColor(QPalette::Disabled, role, c.disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, c.controlBorder);
    return p;
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

}  // namespace

Appearance& Appearance::instance() {
    static Appearance appearance;
    return appearance;
}

Appearance::Appearance() : m_colors(lightColors()) {}

void Appearance::captureSystemPalette() {
    if (m_systemCaptured || !qobject_cast<QApplication*>(QCoreApplication::instance())) return;
    m_systemPalette = QApplication::palette();
    m_systemCaptured = true;
    update();
}

Appearance::Theme Appearance::resolvedTheme() const {
    if (m_theme != Theme::System) return m_theme;
    return m_systemCaptured && isDarkPalette(m_systemPalette) ? Theme::Dark : Theme::Light;
}

void Appearance::setTheme(Theme theme) {
    captureSystemPalette();
    const bool same = theme == m_theme;
    m_theme = theme;
    update();
    if (qobject_cast<QApplication*>(QCoreApplication::instance())) {
        QApplication::setPalette(palette());
        QToolTip::setPalette(palette());
    }
    if (!same) emit changed();
}

void Appearance::setScale(double scale) {
    scale = std::round(std::clamp(scale, kMinScale, kMaxScale) * 20) / 20;
    if (scale == m_scale) return;
    m_scale = scale;
    emit changed();
}

double Appearance::largerScale(double scale) {
    for (double s : kScaleSteps)
        if (s > scale + 1e-9) return s;
    return kMaxScale;
}

double Appearance::smallerScale(double scale) {
    for (auto it = kScaleSteps.rbegin(); it != kScaleSteps.rend(); ++it)
        if (*it < scale - 1e-9) return *it;
    return kMinScale;
}

void Appearance::update() {
    switch (resolvedTheme()) {
        case Theme::HighContrast:
            m_colors = highContrastColors();
            break;
        case Theme::Dark:
            m_colors = darkColors();
            break;
        default:
            m_colors = lightColors();
            break;
    }
}

QPalette Appearance::palette() const {
    switch (resolvedTheme()) {
        case Theme::Dark:
            return paletteFor(m_colors, true);
        case Theme::HighContrast:
            return paletteFor(m_colors, false);
        default:
            // Light chosen on purpose: the application's own palette, whose every text colour
            // reaches 4.5:1 (tests/ui/test_contrast.cpp).
            if (m_theme == Theme::Light) return paletteFor(m_colors, false);
            // System: the desktop's own light palette where it has one; else the style's.
            if (m_systemCaptured && !isDarkPalette(m_systemPalette)) return m_systemPalette;
            return QApplication::style() ? QApplication::style()->standardPalette()
                                         : paletteFor(m_colors, false);
    }
}

QString Appearance::mainStyleSheet() const {
    return fillStyleSheet(mainStyleSheetTemplate(), m_colors, m_scale);
}

QString Appearance::networkStyleSheet() const {
    return fillStyleSheet(networkStyleSheetTemplate(), m_colors, m_scale);
}

QString Appearance::themeId(Theme theme) {
    switch (theme) {
        case Theme::Light:
            return QStringLiteral("light");
        case Theme::HighContrast:
            return QStringLiteral("contrast");
        case Theme::Dark:
            return QStringLiteral("dark");
        case Theme::System:
            break;
    }
    return QStringLiteral("system");
}

bool Appearance::themeFromId(const QString& id, Theme* theme) {
    for (Theme t : {Theme::System, Theme::Light, Theme::HighContrast, Theme::Dark})
        if (themeId(t) == id) {
            *theme = t;
            return true;
        }
    return false;
}

}  // namespace actlab::ui
