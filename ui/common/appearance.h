#pragma once
// How the whole application looks: the colour theme (light, high-contrast light for projectors,
// dark, or whatever the desktop uses) and the presentation scale of fonts and line widths. One
// object for the process, because a palette and a style sheet are global to it; every widget and
// plot that draws its own colours or sizes listens to changed() and restyles itself.

#include <QColor>
#include <QObject>
#include <QPalette>
#include <QString>

namespace actlab::ui {

/// The colours a theme gives to everything drawn by hand: style sheets, plots, painted widgets.
struct ThemeColors {
    // Text, strongest to faintest.
    QColor strong, text, text2, muted, faint, disabled;
    // Surfaces and lines.
    QColor window, card, chip, codeBg, codeBorder, bar, line, controlBorder, track, hoverBg;
    // The accent (selection, sliders, checked buttons).
    QColor accent, accentDark, accentSoft, accentBorder, accentHover, onAccent;
    QColor playDisabled, featureOff, selectionBand;
    // Messages.
    QColor errorText, errorBg, errorBorder, good, infoBg, infoBorder;
    // Plots.
    QColor plotBackground, plotText, axis, grid, zeroLine, legendBrush, legendBorder;
    QColor f, df, d2f;  ///< the current activation's curves
    /// The compare cycle after f, f′ and f″: reddish purple, orange and indigo, each at least
    /// 4.5:1 against the plot background (Okabe–Ito hues, deepened on light themes).
    QColor curve4, curve5, curve6;
    QColor neutralCurve;  ///< the last colour of the compare cycle (black on light themes)
    QColor pinnedInCompare, nodeEmpty, nodeBorder, arrow, idleLink, seriesMuted;
};

/// The application's theme and presentation scale.
class Appearance : public QObject {
    Q_OBJECT
public:
    /// What the user chose. System follows the desktop's palette (dark or light).
    enum class Theme { System, Light, HighContrast, Dark };

    /// The one instance.
    static Appearance& instance();

    Theme theme() const { return m_theme; }
    /// The theme in effect (System resolved to Light or Dark).
    Theme resolvedTheme() const;
    bool isDark() const { return resolvedTheme() == Theme::Dark; }
    /// Chooses a theme; applies the palette to the application and emits changed().
    void setTheme(Theme theme);

    /// The scale of fonts and line widths, 1 for normal use (kMinScale … kMaxScale).
    double scale() const { return m_scale; }
    /// Sets the scale (clamped, rounded to 0.05); emits changed() when it changes.
    void setScale(double scale);
    /// The next larger or smaller step of the scale.
    static double largerScale(double scale);
    static double smallerScale(double scale);
    static constexpr double kMinScale = 0.8;
    static constexpr double kMaxScale = 2.5;

    /// The colours of the theme in effect.
    const ThemeColors& colors() const { return m_colors; }
    /// The palette of the theme in effect.
    QPalette palette() const;
    /// The main window's style sheet and the network page's, in the theme's colours and with
    /// point sizes multiplied by the scale.
    QString mainStyleSheet() const;
    QString networkStyleSheet() const;

    /// Stable ids for settings and the command line ("system", "light", "contrast", "dark").
    static QString themeId(Theme theme);
    static bool themeFromId(const QString& id, Theme* theme);

    /// Remembers the desktop's palette (call before the first setTheme), so that System can
    /// follow it and Light can return to it.
    void captureSystemPalette();

signals:
    /// The theme or the scale changed: restyle.
    void changed();

private:
    Appearance();
    void update();

    Theme m_theme = Theme::System;
    double m_scale = 1.0;
    ThemeColors m_colors;
    QPalette m_systemPalette;
    bool m_systemCaptured = false;
};

}  // namespace actlab::ui
