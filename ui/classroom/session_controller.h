#pragma once
// The document of the main window: the session shown (the network page's experiment with the
// explorer's activation and the pages as view hints), where it came from (a file, a lesson or
// nowhere yet), whether it has unsaved changes, and the file commands: New, Open, Save, Save As
// and the recent files. Saves are atomic (QSaveFile): a failed or interrupted save leaves the
// previous file as it was. A file that does not load is reported and changes nothing.

#include <QMessageBox>
#include <QObject>
#include <QString>
#include <functional>

#include "nn/session.h"

class QTabWidget;
class QWidget;

namespace actlab::ui {

class AppSettings;
class ExplorerState;
class NetworkPage;
class SweepPage;
struct Lesson;

/// Opens, saves and tracks the session shown in the main window.
class SessionController : public QObject {
    Q_OBJECT
public:
    /// What the controller reads and changes.
    struct Parts {
        QWidget* window = nullptr;  ///< parent of the dialogs
        QTabWidget* pages = nullptr;
        QWidget* explorerPage = nullptr;
        NetworkPage* network = nullptr;
        ExplorerState* explorer = nullptr;
        AppSettings* settings = nullptr;
        /// Its prepared sweep is saved with the document (optional).
        SweepPage* sweeps = nullptr;
    };
    explicit SessionController(const Parts& parts, QObject* parent = nullptr);

    /// The session as Save writes it: the network page's experiment, with the shown page, the
    /// explorer's activation, the network view and the training speed as view hints.
    nn::Session document() const;
    /// The file the document was opened from or saved to; empty for a new session or a lesson.
    const QString& filePath() const { return m_path; }
    /// The lesson the document came from, or empty.
    const QString& lessonPath() const { return m_lessonPath; }
    /// The name for the window title: the file name, the lesson's title or "Untitled".
    QString displayName() const;
    /// True when the experiment differs from the file or lesson it came from.
    bool isModified() const { return m_modified; }

    /// Reads and parses a session file with Qt, so resource paths (":/lessons/…") work too;
    /// the error names the problem (unreadable file, or the field that is wrong).
    static nn::SessionLoad readFile(const QString& path);

    // --- without dialogs (the menus' commands call these, and so do tests) --------------------
    /// Opens a session file. "" on success; otherwise a message naming the problem, and nothing
    /// changed.
    QString openFile(const QString& path);
    /// Shows a lesson (one of LessonCatalog's). "" or the reason it cannot be shown.
    QString applyLesson(const Lesson& lesson);
    /// Shows `session` as a new, untitled document (it becomes the unmodified state).
    QString applyUntitled(const nn::Session& session);
    /// Writes the document to `path` atomically; it becomes the document's file. "" or a
    /// message; on failure the file at `path` is unchanged.
    QString saveTo(const QString& path);

    // --- with dialogs ---------------------------------------------------------------------------
    /// Save: to the document's file, or Save As when it has none. False when not saved.
    bool save();
    /// Asks for a file name and saves. False when cancelled or not saved.
    bool saveAs();
    /// Asks for a file and opens it (after maybeSave).
    void open();
    /// Opens `path` (after maybeSave), reporting a problem in a dialog.
    void openInteractive(const QString& path);
    /// Shows a lesson (after maybeSave), reporting a problem in a dialog.
    void applyLessonInteractive(const Lesson& lesson);
    /// A new session with the default experiment (after maybeSave).
    void newSession();
    /// With unsaved changes, asks whether to save them. True to go on (saved or discarded),
    /// false to cancel.
    bool maybeSave();

    /// The question maybeSave asks, replaceable (tests answer without a dialog). It receives
    /// the document's name and returns Save, Discard or Cancel.
    using Prompt = std::function<QMessageBox::StandardButton(const QString& name)>;
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    /// The question every new controller starts with (a dialog unless replaced; the GUI tests
    /// answer Discard without one).
    static void setDefaultPrompt(Prompt prompt);

    /// Restores the document's origin and modified state saved by writeSettings (after the
    /// pages restored their own state).
    void restoreSettings();
    /// Writes the document's origin to the settings; `bannerShown` is the lesson banner's state.
    void writeSettings(bool bannerShown) const;

signals:
    /// The name, the file or the modified state changed (the window title follows).
    void documentChanged();
    /// A session was opened, a lesson applied, or a new session made; `lesson` is true for
    /// lessons.
    void sessionApplied(const nn::Session& session, bool lesson);
    /// A message for the status bar.
    void statusMessage(const QString& text, int timeoutMs);

private:
    QString apply(const nn::Session& session);
    /// The text that decides "modified": the experiment without view hints.
    static std::string canonical(nn::Session session);
    void markClean();
    void updateModified();
    QString startDir() const;

    Parts m_parts;
    QString m_path;
    QString m_lessonPath;
    nn::Session m_lessonTitle;  ///< only the lesson's titles
    std::string m_clean;
    bool m_modified = false;
    Prompt m_prompt;
};

}  // namespace actlab::ui
