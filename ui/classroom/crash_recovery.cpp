#include "classroom/crash_recovery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

#include "common/app_settings.h"
#include "common/plot_export.h"

namespace actlab::ui {

namespace {

constexpr int kAutosaveMs = 30'000;

CrashRecovery::Prompt& defaultPrompt() {
    static CrashRecovery::Prompt prompt;
    return prompt;
}

}  // namespace

void CrashRecovery::setDefaultPrompt(Prompt prompt) {
    defaultPrompt() = std::move(prompt);
}

CrashRecovery::CrashRecovery(AppSettings* settings, QWidget* window,
                             std::function<QString()> autosave, QObject* parent)
    : QObject(parent), m_settings(settings), m_window(window), m_autosave(std::move(autosave)) {
    // ACTLAB_AUTOSAVE_SECONDS (1 … 3600) shortens or lengthens the period, for scripts and for
    // the end-to-end test that kills the process.
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("ACTLAB_AUTOSAVE_SECONDS", &ok);
    m_timer.setInterval(ok && seconds >= 1 && seconds <= 3600 ? seconds * 1000 : kAutosaveMs);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (const QString error = autosaveNow(); !error.isEmpty()) emit autosaveFailed(error);
    });
}

bool CrashRecovery::beginRun() {
    const QString state = m_settings->stateFilePath();
    QDir().mkpath(QFileInfo(state).absolutePath());
    m_lock = std::make_unique<QLockFile>(QFileInfo(state).dir().filePath("instance.lock"));
    m_owner = m_lock->tryLock(0);  // a lock left by a dead process is taken over
    if (!m_owner) return true;      // another window runs: it owns the flag and the autosave
    const bool unclean = m_settings->running();
    m_settings->setRunning(true);
    m_settings->sync();
    m_timer.start();
    const QFileInfo file(state);
    if (!unclean || !file.isFile()) return true;
    // A copy is kept aside whatever the answer, named by the time it was saved: a session
    // opened from the command line, or the next autosave, may replace the state file.
    m_setAside = file.dir().filePath(
        QStringLiteral("last-session-%1.actlab.json")
            .arg(file.lastModified().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QFile source(state);
    const QByteArray saved = source.open(QIODevice::ReadOnly) ? source.readAll() : QByteArray();
    if (!PlotExport::saveFile(m_setAside, [&](QIODevice& device) {
            return device.write(saved) == saved.size();
        }).isEmpty())
        m_setAside.clear();  // no copy (a full disk): the state file itself is still there
    if (ask(file.lastModified())) return true;
    if (!m_setAside.isEmpty()) QFile::remove(state);  // declined: start afresh (the copy stays)
    m_settings->setDocument({}, false, false, false);
    return false;
}

QString CrashRecovery::endRun() {
    m_timer.stop();
    if (m_owner) m_settings->setRunning(false);
    return m_settings->sync();
}

QString CrashRecovery::autosaveNow() {
    if (!m_owner) return {};
    return m_autosave();
}

bool CrashRecovery::ask(const QDateTime& savedAt) const {
    if (defaultPrompt()) return defaultPrompt()(savedAt);
    QMessageBox box(QMessageBox::Question, tr("Restore Unsaved Work?"),
                    tr("Activation Lab did not close properly last time.\n\n"
                       "Your work was saved automatically at %1. Restore it?")
                        .arg(QLocale().toString(savedAt, QLocale::ShortFormat)),
                    QMessageBox::NoButton, m_window);
    QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("Start Afresh"), QMessageBox::RejectRole);
    box.setInformativeText(
        tr("Either way, a copy of the autosaved work is kept in a file beside the settings."));
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

}  // namespace actlab::ui
