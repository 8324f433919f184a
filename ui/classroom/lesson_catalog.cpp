#include "classroom/lesson_catalog.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>
#include <map>

#include "classroom/session_controller.h"
#include "common/qt_text.h"

namespace actlab::ui {

namespace {

Lesson readLesson(const QString& path) {
    Lesson lesson;
    lesson.path = path;
    lesson.fileName = QFileInfo(path).fileName();
    const nn::SessionLoad load = SessionController::readFile(path);
    if (!load.ok())
        lesson.error = qs(load.error);
    else
        lesson.session = load.session;
    return lesson;
}

}  // namespace

LessonCatalog::LessonCatalog() : LessonCatalog(lessonDirs()) {}

LessonCatalog::LessonCatalog(const QStringList& dirs) {
    std::map<QString, Lesson> byName;  // sorted by file name: the numbers give the order
    for (const QString& dir : dirs) {
        const QDir d(dir);
        for (const QString& name :
             d.entryList({QStringLiteral("*.actlab.json")}, QDir::Files | QDir::Readable))
            byName[name] = readLesson(d.filePath(name));
    }
    for (auto& [name, lesson] : byName) m_lessons.push_back(std::move(lesson));
}

QStringList LessonCatalog::lessonDirs() {
    QStringList dirs{QStringLiteral(":/lessons")};
    const QString exeDir = QCoreApplication::applicationDirPath();
    if (!exeDir.isEmpty())
        dirs << QDir::cleanPath(exeDir + QStringLiteral("/../share/activation-lab/lessons"));
    QStringList data = QStandardPaths::standardLocations(QStandardPaths::GenericDataLocation);
    std::reverse(data.begin(), data.end());  // the most specific (the user's) last
    for (const QString& d : data) dirs << d + QStringLiteral("/activation-lab/lessons");
    dirs << userLessonDir();
    dirs.removeDuplicates();
    return dirs;
}

QString LessonCatalog::userLessonDir() {
    // ~/.local/share/activation-lab/lessons: the same layout as the installed lessons.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/activation-lab/lessons");
}

std::vector<const Lesson*> LessonCatalog::usable() const {
    std::vector<const Lesson*> out;
    for (const Lesson& l : m_lessons)
        if (l.ok()) out.push_back(&l);
    return out;
}

const Lesson* LessonCatalog::number(int n) const {
    const std::vector<const Lesson*> all = usable();
    return n >= 1 && n <= int(all.size()) ? all[std::size_t(n - 1)] : nullptr;
}

const Lesson* LessonCatalog::byPath(const QString& path) const {
    for (const Lesson& l : m_lessons)
        if (l.path == path) return &l;
    return nullptr;
}

QString LessonCatalog::title(const nn::Session& session, const QString& lang) {
    const bool zh = lang.startsWith(QLatin1String("zh"));
    const std::string& first = zh ? session.titleZh : session.title;
    return qs(first.empty() ? (zh ? session.title : session.titleZh) : first);
}

QString LessonCatalog::description(const nn::Session& session, const QString& lang) {
    const bool zh = lang.startsWith(QLatin1String("zh"));
    const std::string& first = zh ? session.descriptionZh : session.descriptionEn;
    const std::string& second = zh ? session.descriptionEn : session.descriptionZh;
    return qs(first.empty() ? second : first);
}

}  // namespace actlab::ui
