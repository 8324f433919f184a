#include "classroom/classroom_actions.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <algorithm>

#include "classroom/lesson_banner.h"
#include "classroom/lesson_catalog.h"
#include "classroom/session_controller.h"
#include "common/legend_control.h"
#include "explorer/explorer_page.h"
#include "network/network_page.h"

namespace actlab::ui {

ClassroomActions::ClassroomActions(const ClassroomParts& parts)
    : QObject(parts.window),
      m_parts(parts),
      m_nextLesson(new QAction(this)),
      m_previousLesson(new QAction(this)),
      m_legends(new QAction(this)),
      m_plotOnly(new QAction(this)),
      m_leavePlotOnly(new QAction(this)),
      m_overlayTimer(new QTimer(this)) {
    m_nextLesson->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageDown));
    m_previousLesson->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageUp));
    m_legends->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_legends->setCheckable(true);
    m_legends->setChecked(LegendControl::legendsShown());
    m_plotOnly->setShortcut(QKeySequence(Qt::Key_P));
    m_plotOnly->setCheckable(true);
    // Esc leaves plot-only mode; the action exists only while it is on, so that Esc keeps its
    // meaning for text fields and drawers the rest of the time.
    m_leavePlotOnly->setShortcut(QKeySequence(Qt::Key_Escape));
    m_leavePlotOnly->setEnabled(false);
    for (QAction* a : {m_nextLesson, m_previousLesson, m_legends, m_plotOnly, m_leavePlotOnly})
        parts.window->addAction(a);
    connect(m_nextLesson, &QAction::triggered, this, [this] { stepLesson(1); });
    connect(m_previousLesson, &QAction::triggered, this, [this] { stepLesson(-1); });
    connect(m_legends, &QAction::toggled, this, [](bool on) { LegendControl::setLegendsShown(on); });
    connect(&LegendSwitch::instance(), &LegendSwitch::legendsShownChanged, m_legends,
            &QAction::setChecked);
    connect(m_plotOnly, &QAction::toggled, this, &ClassroomActions::setPlotOnly);
    connect(m_leavePlotOnly, &QAction::triggered, this, [this] { setPlotOnly(false); });
    m_overlayTimer->setInterval(250);
    connect(m_overlayTimer, &QTimer::timeout, this, &ClassroomActions::updateOverlay);
    retranslate();
}

bool ClassroomActions::stepLesson(int delta) {
    const std::vector<const Lesson*> lessons = m_parts.lessons->usable();
    if (lessons.empty()) return false;
    int current = -1;
    for (std::size_t i = 0; i < lessons.size(); ++i)
        if (lessons[i]->path == m_parts.session->lessonPath()) current = int(i);
    const int next = current < 0 ? (delta > 0 ? 0 : int(lessons.size()) - 1) : current + delta;
    if (next < 0 || next >= int(lessons.size())) return false;
    m_parts.session->applyLessonInteractive(*lessons[std::size_t(next)]);
    return true;
}

void ClassroomActions::setPlotOnly(bool on) {
    if (on == m_on) return;
    m_on = on;
    m_plotOnly->setChecked(on);
    m_leavePlotOnly->setEnabled(on);
    QMainWindow* window = m_parts.window;
    window->menuBar()->setVisible(!on);
    window->statusBar()->setVisible(!on);
    m_parts.pages->tabBar()->setVisible(!on);
    if (on) {
        m_bannerWasShown = m_parts.banner->isVisible();
        m_parts.banner->hide();
    } else if (m_bannerWasShown) {
        m_parts.banner->show();
    }
    const bool network = m_parts.pages->currentWidget() == m_parts.network;
    if (network)
        m_parts.network->setPlotOnly(on);
    else
        m_parts.explorer->setPlotOnly(on);
    if (on) {
        if (!m_overlay) {
            m_overlay = new QLabel(window->centralWidget());
            m_overlay->setObjectName(QStringLiteral("plotOnlyOverlay"));
            m_overlay->setAttribute(Qt::WA_TransparentForMouseEvents);
        }
        updateOverlay();
        m_overlay->show();
        m_overlay->raise();
        m_overlayTimer->start();
    } else {
        m_overlayTimer->stop();
        if (m_overlay) m_overlay->hide();
        m_parts.explorer->setPlotOnly(false);
        m_parts.network->setPlotOnly(false);
    }
}

QString ClassroomActions::overlayText() const {
    if (!m_on) return {};
    const bool network = m_parts.pages->currentWidget() == m_parts.network;
    const QString values =
        network ? m_parts.network->plotOnlySummary() : m_parts.explorer->plotOnlySummary();
    return values + QStringLiteral("   \u00B7   ") + tr("P or Esc: back");
}

void ClassroomActions::updateOverlay() {
    if (!m_overlay) return;
    m_overlay->setText(overlayText());
    m_overlay->adjustSize();
    QWidget* host = m_overlay->parentWidget();
    m_overlay->move(host->width() - m_overlay->width() - 12, 8);
}

void ClassroomActions::retranslate() {
    m_nextLesson->setText(tr("&Next Lesson"));
    m_nextLesson->setToolTip(tr("Open the next lesson (Alt+Page Down)"));
    m_previousLesson->setText(tr("Pre&vious Lesson"));
    m_previousLesson->setToolTip(tr("Open the previous lesson (Alt+Page Up)"));
    m_legends->setText(tr("&Legends"));
    m_legends->setToolTip(tr("Show or hide the legends of every plot (Ctrl+L)"));
    m_plotOnly->setText(tr("P&lot Only"));
    m_plotOnly->setToolTip(
        tr("The current page's main plot alone, filling the window, for a projector (P; Esc "
           "leaves)"));
    m_leavePlotOnly->setText(tr("Leave Plot Only"));
    if (m_on) updateOverlay();
}

}  // namespace actlab::ui
