#include "classroom/session_controller.h"

#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabWidget>

#include "classroom/language_manager.h"
#include "classroom/lesson_catalog.h"
#include "common/app_settings.h"
#include "common/qt_text.h"
#include "explorer/explorer_state.h"
#include "network/network_page.h"
#include "network/session_edits.h"
#include "sweep/sweep_plan.h"
#include "sweeps/sweep_page.h"

namespace actlab::ui {

namespace {

constexpr char kSuffix[] = ".actlab.json";

QString nativePath(const QString& path) {
    return QDir::toNativeSeparators(path);
}

}  // namespace

// Spelled with a using-declaration, not `nn::SessionLoad SessionController::readFile`: lupdate's
// parser loses the class after a qualified return type and would file the message wrongly.
using nn::SessionLoad;

SessionLoad SessionController::readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {{}, tr("the file cannot be read (%1)").arg(file.errorString()).toStdString()};
    const QByteArray text = file.readAll();
    return nn::parseSession(std::string_view(text.constData(), std::size_t(text.size())));
}

namespace {
SessionController::Prompt& defaultPrompt() {
    static SessionController::Prompt prompt;
    return prompt;
}
}  // namespace

void SessionController::setDefaultPrompt(Prompt prompt) {
    defaultPrompt() = std::move(prompt);
}

SessionController::SessionController(const Parts& parts, QObject* parent)
    : QObject(parent), m_parts(parts) {
    if (defaultPrompt()) m_prompt = defaultPrompt();
    else m_prompt = [this](const QString& name) {
        return QMessageBox::warning(
            m_parts.window, tr("Unsaved Changes"),
            tr("The session \"%1\" has changes that are not saved.\n\nSave them?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    };
    connect(m_parts.network, &NetworkPage::sessionChanged, this,
            &SessionController::updateModified);
    markClean();
}

nn::Session SessionController::document() const {
    nn::Session s = m_parts.network->trainedSession();
    if (m_parts.pages)
        s.view.page = m_parts.pages->currentWidget() == m_parts.explorerPage ? "explorer"
                                                                             : "network";
    if (m_parts.explorer) s.view.activation = std::string(m_parts.explorer->spec().id);
    s.view.epochsPerFrame = m_parts.network->epochsPerFrame();
    // A sweep the user prepared travels with the session, when it fits the experiment (a file
    // that would not load again is never written).
    if (m_parts.sweeps && m_parts.sweeps->isPrepared()) {
        const sweep::SweepSettings sweep = m_parts.sweeps->settings();
        if (sweep::makePlan(s, sweep).ok()) s.sweep = sweep;  // makePlan validates first
    }
    return s;
}

QString SessionController::displayName() const {
    if (!m_path.isEmpty()) return QFileInfo(m_path).fileName();
    if (!m_lessonPath.isEmpty()) {
        const QString title = LessonCatalog::title(m_lessonTitle, LanguageManager::current());
        return title.isEmpty() ? QFileInfo(m_lessonPath).fileName() : title;
    }
    return tr("Untitled");
}

std::string SessionController::canonical(nn::Session session) {
    session.view = {};
    return nn::serializeSession(session);
}

void SessionController::markClean() {
    m_clean = canonical(m_parts.network->session());
    m_modified = false;
    emit documentChanged();
}

void SessionController::updateModified() {
    const bool modified = canonical(m_parts.network->session()) != m_clean;
    if (modified == m_modified) return;
    m_modified = modified;
    emit documentChanged();
}

QString SessionController::apply(const nn::Session& session) {
    if (const QString error = m_parts.network->applySession(session); !error.isEmpty())
        return error;
    if (m_parts.pages && !session.view.page.empty())
        m_parts.pages->setCurrentWidget(session.view.page == "explorer"
                                            ? m_parts.explorerPage
                                            : static_cast<QWidget*>(m_parts.network));
    return {};
}

QString SessionController::openFile(const QString& path) {
    const nn::SessionLoad load = readFile(path);
    if (!load.ok()) return qs(load.error);
    if (const QString error = apply(load.session); !error.isEmpty()) return error;
    m_path = QFileInfo(path).absoluteFilePath();
    m_lessonPath.clear();
    m_lessonTitle = {};
    m_parts.settings->addRecentFile(m_path);
    markClean();
    emit sessionApplied(load.session, false);
    return {};
}

QString SessionController::applyLesson(const Lesson& lesson) {
    if (!lesson.ok()) return lesson.error;
    if (const QString error = apply(lesson.session); !error.isEmpty()) return error;
    m_path.clear();
    m_lessonPath = lesson.path;
    m_lessonTitle = {};
    m_lessonTitle.title = lesson.session.title;
    m_lessonTitle.titleZh = lesson.session.titleZh;
    markClean();
    emit sessionApplied(lesson.session, true);
    return {};
}

QString SessionController::applyUntitled(const nn::Session& session) {
    if (const QString error = apply(session); !error.isEmpty()) return error;
    m_path.clear();
    m_lessonPath.clear();
    m_lessonTitle = {};
    markClean();
    emit sessionApplied(session, false);
    return {};
}

QString SessionController::saveTo(const QString& path) {
    const std::string text = nn::serializeSession(document()) + "\n";
    // QSaveFile writes a temporary file next to the target and renames it over the target only
    // when everything was written: a full disk, a lost network drive or a crash midway leave the
    // previous file untouched.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not save to %1: %2").arg(nativePath(path), file.errorString());
    if (file.write(text.data(), qint64(text.size())) != qint64(text.size())) {
        const QString error = file.errorString();
        file.cancelWriting();
        return tr("Could not save to %1: %2").arg(nativePath(path), error);
    }
    if (!file.commit())
        return tr("Could not save to %1: %2").arg(nativePath(path), file.errorString());
    m_path = QFileInfo(path).absoluteFilePath();
    m_lessonPath.clear();
    m_lessonTitle = {};
    m_parts.settings->addRecentFile(m_path);
    markClean();
    emit statusMessage(tr("Saved %1").arg(nativePath(m_path)), 5000);
    return {};
}

QString SessionController::startDir() const {
    if (!m_path.isEmpty()) return QFileInfo(m_path).absolutePath();
    const QStringList recent = m_parts.settings->recentFiles();
    if (!recent.isEmpty()) return QFileInfo(recent.front()).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

bool SessionController::save() {
    if (m_path.isEmpty()) return saveAs();
    if (const QString error = saveTo(m_path); !error.isEmpty()) {
        QMessageBox::warning(m_parts.window, tr("Save Session"),
                             error + QStringLiteral("\n\n") +
                                 tr("The file on disk was not changed."));
        return false;
    }
    return true;
}

bool SessionController::saveAs() {
    QString name = !m_path.isEmpty()        ? QFileInfo(m_path).fileName()
                   : !m_lessonPath.isEmpty() ? QFileInfo(m_lessonPath).fileName()
                                             : tr("session") + QLatin1String(kSuffix);
    QString path = QFileDialog::getSaveFileName(
        m_parts.window, tr("Save Session As"), QDir(startDir()).filePath(name),
        tr("Activation Lab sessions (*.actlab.json);;JSON files (*.json)"));
    if (path.isEmpty()) return false;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive)) path += QLatin1String(kSuffix);
    if (const QString error = saveTo(path); !error.isEmpty()) {
        QMessageBox::warning(m_parts.window, tr("Save Session"),
                             error + QStringLiteral("\n\n") +
                                 tr("An existing file of that name was not changed."));
        return false;
    }
    return true;
}

void SessionController::open() {
    if (!maybeSave()) return;
    const QString path = QFileDialog::getOpenFileName(
        m_parts.window, tr("Open Session"), startDir(),
        tr("Activation Lab sessions (*.actlab.json);;JSON files (*.json);;All files (*)"));
    if (path.isEmpty()) return;
    openInteractive(path);
}

void SessionController::openInteractive(const QString& path) {
    if (m_modified && !maybeSave()) return;
    if (const QString error = openFile(path); !error.isEmpty()) {
        if (!QFileInfo::exists(path)) m_parts.settings->removeRecentFile(path);
        QMessageBox::warning(
            m_parts.window, tr("Open Session"),
            tr("%1 cannot be opened:\n\n%2\n\nThe session shown was not changed.")
                .arg(nativePath(path), error));
        return;
    }
    emit statusMessage(tr("Opened %1").arg(nativePath(m_path)), 5000);
}

void SessionController::applyLessonInteractive(const Lesson& lesson) {
    if (!maybeSave()) return;
    if (const QString error = applyLesson(lesson); !error.isEmpty()) {
        QMessageBox::warning(m_parts.window, tr("Lessons"),
                             tr("The lesson %1 cannot be shown:\n\n%2")
                                 .arg(nativePath(lesson.path), error));
    }
}

void SessionController::newSession() {
    if (!maybeSave()) return;
    applyUntitled(edits::defaultSession());
}

bool SessionController::maybeSave() {
    if (!m_modified) return true;
    switch (m_prompt(displayName())) {
        case QMessageBox::Save:
            return save();
        case QMessageBox::Discard:
            return true;
        default:
            return false;
    }
}

void SessionController::restoreSettings() {
    const AppSettings& settings = *m_parts.settings;
    const QString path = settings.documentPath();
    m_path.clear();
    m_lessonPath.clear();
    m_lessonTitle = {};
    if (!path.isEmpty() && QFileInfo::exists(path)) {
        if (settings.documentIsLesson()) {
            m_lessonPath = path;
            const nn::Session shown = m_parts.network->session();
            m_lessonTitle.title = shown.title;
            m_lessonTitle.titleZh = shown.titleZh;
        } else {
            m_path = path;
        }
    }
    markClean();
    if (settings.documentModified()) {
        // Changed but not saved when the application was closed: the file's own content (or the
        // default experiment of an untitled session) is the reference, so the window shows the
        // changes as unsaved again.
        nn::SessionLoad load = path.isEmpty() ? nn::SessionLoad{edits::defaultSession(), ""}
                                              : readFile(path);
        m_clean = load.ok() ? canonical(load.session) : std::string();
        updateModified();
    }
}

void SessionController::writeSettings(bool bannerShown) const {
    const bool lesson = m_path.isEmpty() && !m_lessonPath.isEmpty();
    m_parts.settings->setDocument(lesson ? m_lessonPath : m_path, lesson, m_modified,
                                  bannerShown);
}

}  // namespace actlab::ui
