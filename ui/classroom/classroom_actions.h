#pragma once
// Window-wide keys for teaching: the next and the previous lesson (Alt+PgDown, Alt+PgUp), every
// plot's legend on or off (Ctrl+L), and plot-only mode (P; Esc leaves it), which shows the current
// page's main plot or grid filling the window with a small overlay of the values that matter.

#include <QObject>

class QAction;
class QLabel;
class QMainWindow;
class QTabWidget;
class QTimer;

namespace actlab::ui {

class ExplorerPage;
class LessonBanner;
class LessonCatalog;
class NetworkPage;
class SessionController;

/// The parts of the window the actions act on.
struct ClassroomParts {
    QMainWindow* window;
    QTabWidget* pages;
    ExplorerPage* explorer;
    NetworkPage* network;
    LessonBanner* banner;
    const LessonCatalog* lessons;
    SessionController* session;
};

/// Lesson stepping, the legends switch and plot-only mode.
class ClassroomActions : public QObject {
    Q_OBJECT
public:
    explicit ClassroomActions(const ClassroomParts& parts);

    QAction* nextLessonAction() const { return m_nextLesson; }
    QAction* previousLessonAction() const { return m_previousLesson; }
    QAction* legendsAction() const { return m_legends; }
    QAction* plotOnlyAction() const { return m_plotOnly; }

    /// Opens the lesson `delta` places after (or before) the current one; from no lesson, the
    /// first (or the last). False when there is none.
    bool stepLesson(int delta);
    /// Enters or leaves plot-only mode.
    void setPlotOnly(bool on);
    bool plotOnly() const { return m_on; }
    /// The overlay's text in plot-only mode ("" otherwise).
    QString overlayText() const;

    void retranslate();

private:
    void updateOverlay();

    ClassroomParts m_parts;
    QAction* m_nextLesson;
    QAction* m_previousLesson;
    QAction* m_legends;
    QAction* m_plotOnly;
    QAction* m_leavePlotOnly;
    QLabel* m_overlay = nullptr;
    QTimer* m_overlayTimer;
    bool m_on = false;
    bool m_bannerWasShown = false;
};

}  // namespace actlab::ui
