#pragma once
// Nothing lost when the application does not close properly. While it runs, the settings say so
// (AppSettings::running) and an autosave rewrites the state file every 30 s whenever the work
// changed (trained weights included); a clean exit clears the flag. A start that finds the flag
// still set offers to restore the autosaved work, since the state that crashed may be the cause.
// A second window of the application running at the same time neither asks nor autosaves: an
// instance lock beside the settings tells which one owns the state file.

#include <QDateTime>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>
#include <memory>

namespace actlab::ui {

class AppSettings;

/// The running flag, the autosave timer and the question after an unclean exit.
class CrashRecovery : public QObject {
    Q_OBJECT
public:
    /// `autosave` writes the state (only when it changed) and returns "" or why it failed.
    CrashRecovery(AppSettings* settings, QWidget* window, std::function<QString()> autosave,
                  QObject* parent = nullptr);

    /// At the start of a run, before the state is read: marks the run as started and, if the
    /// last one did not end cleanly and left a state file, copies it aside as
    /// "last-session-<date>.actlab.json" (nothing the user made is ever deleted) and asks
    /// whether to restore it. True when the state file should be read; false when the user
    /// declined (the state file is then removed, its copy kept).
    bool beginRun();
    /// A clean exit: the next start restores the state without asking. Writes the settings;
    /// "" or why they could not be written.
    QString endRun();
    /// Writes the autosave now (the timer calls this). "" or the reason.
    QString autosaveNow();
    /// The autosave period (30 s unless changed; tests shorten it).
    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }
    /// True when this window owns the state file (no other instance is running).
    bool ownsState() const { return m_owner; }
    /// Where the state left by an unclean exit was copied, or empty.
    const QString& setAsidePath() const { return m_setAside; }

    /// The question asked after an unclean exit, replaceable (tests answer without a dialog).
    /// It receives the time the state was last saved and returns true to restore.
    using Prompt = std::function<bool(const QDateTime& savedAt)>;
    static void setDefaultPrompt(Prompt prompt);

signals:
    /// An autosave failed: the message names the file and the reason.
    void autosaveFailed(const QString& message);

private:
    bool ask(const QDateTime& savedAt) const;

    AppSettings* m_settings;
    QWidget* m_window;
    std::function<QString()> m_autosave;
    std::unique_ptr<QLockFile> m_lock;
    bool m_owner = false;
    QString m_setAside;
    QTimer m_timer;
};

}  // namespace actlab::ui
