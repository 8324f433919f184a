#pragma once
// The languages of the user interface: English (the source strings) and Simplified Chinese. The
// translations are Qt Linguist files (resources/translations/*.ts) compiled to .qm and built into
// the program; installed copies under share/activation-lab/translations and Qt's own translations
// of its standard dialogs are used too. Switching installs other translators, and Qt then sends
// QEvent::LanguageChange to every widget, which retranslates itself: no restart.

#include <QString>
#include <QStringList>

namespace actlab::ui {

/// Installs translators and the fonts Chinese text needs.
class LanguageManager {
public:
    /// The languages offered: "en", "zh_CN".
    static QStringList languages();
    /// The language's own name ("English", "中文（简体）").
    static QString nativeName(const QString& lang);
    /// "zh_CN" for a Chinese locale, "en" for any other.
    static QString languageForLocale(const QString& localeName);
    /// A language code as given on the command line or in settings, normalised ("zh", "zh-CN",
    /// "zh_CN" → "zh_CN"; "en", "en_US" → "en"); empty when it is not one of ours.
    static QString normalise(const QString& code);

    /// Makes `lang` the language of the user interface: replaces the application's and Qt's
    /// translators. False when the application's translation for `lang` could not be loaded
    /// (English needs none).
    static bool install(const QString& lang);
    /// The language installed last ("en" before any).
    static QString current();

    /// Where .qm files are looked for after the built-in ones: next to the program (build tree),
    /// in ../share/activation-lab/translations (installed) and in the standard data locations.
    static QStringList translationDirs();

    /// Gives the application font a fallback chain that ends in a Simplified Chinese CJK font
    /// (Noto Sans CJK SC where installed), so that Chinese text never falls back to Japanese
    /// glyph shapes or to boxes. Call once after the QApplication exists.
    static void setupFonts();
    /// Numbers on screen (axes, labels, fields) follow the interface language, not the system's
    /// locale: both English and Chinese write 0.5 and 1e-3, so a German system's "0,5" never
    /// appears next to "α = 0.5", and the plots' 10ⁿ axis labels render. Makes the C locale
    /// (without group separators) the default QLocale; call before the first widget exists. Typed numbers still accept the
    /// system's decimal separator (common/number_entry.h).
    static void setupNumberFormat();
    /// The CJK family the fonts fall back to, or empty when none is installed.
    static QString cjkFamily();
};

}  // namespace actlab::ui
