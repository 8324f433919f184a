#include "classroom/language_manager.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QLibraryInfo>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>
#include <memory>

namespace actlab::ui {

namespace {

/// The translators installed now (null when none).
std::unique_ptr<QTranslator>& appTranslator() {
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

std::unique_ptr<QTranslator>& qtTranslator() {
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

QString& currentLanguage() {
    static QString lang = QStringLiteral("en");
    return lang;
}

void removeTranslator(std::unique_ptr<QTranslator>& translator) {
    if (!translator) return;
    QCoreApplication::removeTranslator(translator.get());
    translator.reset();
}

/// The application's translation: built in first, then the directories on disk.
std::unique_ptr<QTranslator> loadAppTranslation(const QString& lang) {
    auto translator = std::make_unique<QTranslator>();
    const QString file = QStringLiteral("activation_lab_%1").arg(lang);
    if (translator->load(file, QStringLiteral(":/i18n"))) return translator;
    for (const QString& dir : LanguageManager::translationDirs())
        if (translator->load(file, dir)) return translator;
    return nullptr;
}

/// Qt's translation of its own dialogs and buttons (qtbase), where the system has it.
std::unique_ptr<QTranslator> loadQtTranslation(const QString& lang) {
    auto translator = std::make_unique<QTranslator>();
    const QLocale locale(lang);
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (translator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
        return translator;
    if (translator->load(locale, QStringLiteral("qt"), QStringLiteral("_"), qtDir))
        return translator;
    return nullptr;
}

}  // namespace

QStringList LanguageManager::languages() {
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString LanguageManager::nativeName(const QString& lang) {
    // Each language in its own words: the menu must be readable whichever one is shown.
    if (lang == QLatin1String("zh_CN")) return QStringLiteral("中文（简体）");
    return QStringLiteral("English");
}

QString LanguageManager::languageForLocale(const QString& localeName) {
    return localeName.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                      : QStringLiteral("en");
}

QString LanguageManager::normalise(const QString& code) {
    QString c = code.trimmed();
    c.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QString lower = c.toLower();
    if (lower == QLatin1String("zh") || lower == QLatin1String("zh_cn") ||
        lower == QLatin1String("zh_hans") || lower == QLatin1String("zh_hans_cn"))
        return QStringLiteral("zh_CN");
    if (lower == QLatin1String("en") || lower.startsWith(QLatin1String("en_")))
        return QStringLiteral("en");
    return {};
}

bool LanguageManager::install(const QString& lang) {
    removeTranslator(appTranslator());
    removeTranslator(qtTranslator());
    currentLanguage() = lang;
    if (lang == QLatin1String("en")) return true;  // the source strings are English
    bool ok = false;
    if (auto app = loadAppTranslation(lang)) {
        QCoreApplication::installTranslator(app.get());
        appTranslator() = std::move(app);
        ok = true;
    }
    if (auto qt = loadQtTranslation(lang)) {
        QCoreApplication::installTranslator(qt.get());
        qtTranslator() = std::move(qt);
    }
    return ok;
}

QString LanguageManager::current() {
    return currentLanguage();
}

QStringList LanguageManager::translationDirs() {
    QStringList dirs;
    const QString exeDir = QCoreApplication::applicationDirPath();
    if (!exeDir.isEmpty()) {
        dirs << exeDir + QStringLiteral("/translations")
             << QDir::cleanPath(exeDir + QStringLiteral("/../share/activation-lab/translations"));
    }
    for (const QString& data :
         QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation))
        dirs << data + QStringLiteral("/activation-lab/translations");
    dirs.removeDuplicates();
    return dirs;
}

QString LanguageManager::cjkFamily() {
    static const QString family = [] {
        const QStringList installed = QFontDatabase::families();
        for (const char* name :
             {"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
              "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC",
              "Droid Sans Fallback"})
            if (installed.contains(QString::fromLatin1(name))) return QString::fromLatin1(name);
        return QString();
    }();
    return family;
}

void LanguageManager::setupNumberFormat() {
    // The C locale, not English: Qt's English writes exponents with "E" ("1E+01"), which the
    // plots' log axes then show raw instead of as 10¹.
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::OmitGroupSeparator);
    QLocale::setDefault(c);
}

void LanguageManager::setupFonts() {
    QFont font = QApplication::font();
    QStringList families = font.families();
    if (families.isEmpty()) families << font.family();
    // Latin text keeps the desktop's font; Chinese characters, which it lacks, come from the
    // Simplified Chinese CJK font rather than whatever fontconfig would pick for Han script.
    const QString cjk = cjkFamily();
    if (!cjk.isEmpty() && !families.contains(cjk)) families << cjk;
    font.setFamilies(families);
    QApplication::setFont(font);
}

}  // namespace actlab::ui
