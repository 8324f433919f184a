#pragma once
// The lessons: session files (*.actlab.json) with a title and a description in both languages.
// They are read from the program's built-in resources (":/lessons"), from the installed
// share/activation-lab/lessons and from the user's own lessons folder, so adding a lesson is
// adding a file. A file name that appears in several places is taken from the last, so a user's
// copy replaces a built-in lesson of the same name.

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

#include "nn/session.h"

namespace actlab::ui {

/// One lesson file.
struct Lesson {
    QString path;      ///< where it was read from (":/lessons/…" for built-in lessons)
    QString fileName;  ///< "01-vanishing-gradients.actlab.json"
    nn::Session session;
    QString error;  ///< why the file does not load, or empty
    bool ok() const { return error.isEmpty(); }
};

/// Finds and reads the lessons.
class LessonCatalog {
    Q_DECLARE_TR_FUNCTIONS(LessonCatalog)
public:
    /// Reads the lessons of the standard folders (see lessonDirs), sorted by file name.
    LessonCatalog();
    /// Reads the lessons of `dirs`, later folders replacing files of the same name.
    explicit LessonCatalog(const QStringList& dirs);

    /// The folders searched: ":/lessons", the installed and the standard data folders, and
    /// userLessonDir().
    static QStringList lessonDirs();
    /// The user's own lessons folder (created on demand by the Lessons menu).
    static QString userLessonDir();

    /// Every lesson file found, including those that do not load.
    const std::vector<Lesson>& lessons() const { return m_lessons; }
    /// The lessons that load, in menu order; `--lesson N` counts these from 1.
    std::vector<const Lesson*> usable() const;
    /// Lesson number n (1-based, among the usable ones), or null.
    const Lesson* number(int n) const;
    /// The lesson read from `path`, or null.
    const Lesson* byPath(const QString& path) const;

    /// The title in `lang` ("en", "zh_CN"), falling back to the other language.
    static QString title(const nn::Session& session, const QString& lang);
    /// The description in `lang` ("en", "zh_CN"), falling back to the other language.
    static QString description(const nn::Session& session, const QString& lang);

private:
    std::vector<Lesson> m_lessons;
};

}  // namespace actlab::ui
