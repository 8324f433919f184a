#pragma once
// The application's style sheets as templates: colours are named tokens ("{accent}") filled from
// the theme, and every point size is multiplied by the presentation scale.

#include <QString>

namespace actlab::ui {

struct ThemeColors;

/// The main window's sheet (fonts, the explorer, sliders, the lesson banner).
QString mainStyleSheetTemplate();
/// The network page's sheet (the training bar, the panels, the compare cells).
QString networkStyleSheetTemplate();
/// Replaces the colour tokens of `sheet` and scales its "Npt" sizes by `scale`.
QString fillStyleSheet(const QString& sheet, const ThemeColors& colors, double scale);

}  // namespace actlab::ui
