#pragma once
// The network page's data edits: every change of the points (a click, an erase, clear,
// regenerate, another dataset, an import) as one undoable command, and the points' CSV import and
// export with their dialogs. The page owns the session and the data; the editor reads them and
// hands each new state back through the page's Apply callback.

#include <QObject>
#include <QString>

#include "network/data_edit.h"
#include "nn/session.h"

class QAction;
class QUndoStack;
class QWidget;

namespace actlab::ui {

/// Undoable edits of the page's points, and the points' files.
class DataEditor : public QObject {
    Q_OBJECT
public:
    /// `session`, `data` and `lastDir` (the folder the page's file dialogs start in) are the
    /// page's and outlive the editor; `apply` makes a state current. Dialogs open over
    /// `dialogParent`.
    DataEditor(const nn::Session& session, const nn::Dataset& data, QString& lastDir,
               DataEditCommand::Apply apply, QWidget* dialogParent);
    /// Clears the undo stack while this editor is still whole (its signals reach the actions).
    ~DataEditor() override;

    /// Adds a point at (x, y), clamped to the domain: class A, or class B (`classB`); with
    /// more than two classes, `brushClass` and the class after it.
    void addPoint(double x, double y, bool classB, int brushClass);
    /// Removes the point nearest (x, y) within `radius`; false when there is none.
    bool erasePoint(double x, double y, double radius);
    /// Removes every point; false when there were none.
    bool clearPoints();
    /// New points from the next data seed.
    void regenerate();
    /// Points from another generator; "" or the reason the spec is refused (nothing changes).
    QString setDatasetSpec(const nn::DatasetSpec& spec);
    /// Reads points from CSV; "" or a message with the line number (the data is then unchanged).
    QString importCsv(const QString& path);
    /// Writes the points as CSV; "" or the reason.
    QString exportCsv(const QString& path) const;

    QUndoStack* undoStack() const { return m_undo; }
    QAction* undoAction() const { return m_undoAction; }
    QAction* redoAction() const { return m_redoAction; }
    QAction* importAction() const { return m_importAction; }
    QAction* exportAction() const { return m_exportAction; }
    /// Enables undo and redo while the page is shown, and names what they would do.
    void updateActions(bool pageShown);
    void retranslate();

signals:
    /// A message for the status bar (timeout in ms; 0 keeps it).
    void statusMessage(const QString& text, int timeoutMs);

private:
    DataState current() const;
    DataState generated(const nn::DatasetSpec& spec) const;
    void push(const QString& text, DataState after, bool restart);

    const nn::Session& m_session;
    const nn::Dataset& m_data;
    QString& m_lastDir;
    DataEditCommand::Apply m_apply;
    QWidget* m_dialogParent;
    QUndoStack* m_undo;
    QAction* m_undoAction;
    QAction* m_redoAction;
    QAction* m_importAction;
    QAction* m_exportAction;
};

}  // namespace actlab::ui
