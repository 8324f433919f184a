#include "classroom/presentation_mode.h"

#include <QAction>
#include <QMainWindow>
#include <QScreen>
#include <QSignalBlocker>
#include <QTimer>
#include <algorithm>
#include <cmath>

#include "common/app_settings.h"
#include "common/appearance.h"

namespace actlab::ui {

PresentationMode::PresentationMode(QMainWindow* window, AppSettings* settings)
    : QObject(window),
      m_window(window),
      m_settings(settings),
      m_toggle(new QAction(this)),
      m_larger(new QAction(this)),
      m_smaller(new QAction(this)),
      m_reset(new QAction(this)) {
    m_toggle->setCheckable(true);
    // F11 everywhere, and the platform's own full-screen key where it has another.
    QList<QKeySequence> keys{QKeySequence(Qt::Key_F11)};
    for (const QKeySequence& k : QKeySequence::keyBindings(QKeySequence::FullScreen))
        if (!keys.contains(k)) keys << k;
    m_toggle->setShortcuts(keys);
    // Ctrl+= as well as Ctrl++ (which needs Shift on most keyboards), as in web browsers.
    QList<QKeySequence> larger{QKeySequence(Qt::CTRL | Qt::Key_Equal)};
    for (const QKeySequence& k : QKeySequence::keyBindings(QKeySequence::ZoomIn))
        if (!larger.contains(k)) larger << k;
    m_larger->setShortcuts(larger);
    m_smaller->setShortcuts(QKeySequence::ZoomOut);
    m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    for (QAction* a : {m_toggle, m_larger, m_smaller, m_reset}) window->addAction(a);

    connect(m_toggle, &QAction::toggled, this, &PresentationMode::setOn);
    connect(m_larger, &QAction::triggered, this,
            [this] { setScale(Appearance::largerScale(scale())); });
    connect(m_smaller, &QAction::triggered, this,
            [this] { setScale(Appearance::smallerScale(scale())); });
    connect(m_reset, &QAction::triggered, this,
            [this] { setScale(m_on ? AppSettings::kDefaultPresentationScale : 1.0); });
    retranslate();
    updateActions();
}

void PresentationMode::setOn(bool on) {
    if (on == m_on) return;
    m_on = on;
    {
        const QSignalBlocker block(m_toggle);
        m_toggle->setChecked(on);
    }
    if (on) {
        m_wasMaximized = m_window->isMaximized();
        m_window->showFullScreen();
    } else if (m_wasMaximized) {
        m_window->showMaximized();
    } else {
        m_window->showNormal();
    }
    Appearance::instance().setScale(scale());
    updateActions();
    emit toggled(on);
}

double PresentationMode::scale() const {
    return m_on ? m_settings->presentationScale() : m_settings->normalScale();
}

void PresentationMode::setScale(double scale) {
    scale = std::clamp(scale, Appearance::kMinScale, Appearance::kMaxScale);
    const bool plainWindow = !m_window->isFullScreen() && !m_window->isMaximized();
    // Leaving scale 1 in a plain window: remember the window, so that Ctrl+0 gives it back.
    if (!m_on && plainWindow && std::abs(this->scale() - 1.0) < 1e-9 && scale != 1.0)
        m_normalGeometry = m_window->geometry();
    if (m_on)
        m_settings->setPresentationScale(scale);
    else
        m_settings->setNormalScale(scale);
    Appearance::instance().setScale(scale);
    updateActions();
    // After the layouts have taken the new sizes: never larger than the screen; back to the
    // remembered window at scale 1.
    QTimer::singleShot(0, this, [this] {
        if (!m_on && std::abs(this->scale() - 1.0) < 1e-9 && m_normalGeometry.isValid() &&
            !m_window->isFullScreen() && !m_window->isMaximized()) {
            m_window->setGeometry(m_normalGeometry);
            m_normalGeometry = QRect();
        }
        fitToScreen();
    });
}

void PresentationMode::fitToScreen() {
    if (m_window->isFullScreen() || m_window->isMaximized() || !m_window->screen()) return;
    const QRect screen = m_window->screen()->availableGeometry();
    const QRect frame = m_window->frameGeometry();
    if (screen.contains(frame)) return;
    const QSize margins = frame.size() - m_window->geometry().size();
    const QSize fitted = m_window->size().boundedTo(screen.size() - margins);
    m_window->resize(fitted.expandedTo(m_window->minimumSize()));
    QRect moved = m_window->frameGeometry();
    moved.moveLeft(std::clamp(moved.left(), screen.left(),
                              std::max(screen.left(), screen.right() - moved.width() + 1)));
    moved.moveTop(std::clamp(moved.top(), screen.top(),
                             std::max(screen.top(), screen.bottom() - moved.height() + 1)));
    m_window->move(moved.topLeft());
}

void PresentationMode::restoreSettings() {
    Appearance::instance().setScale(scale());
    updateActions();
}

void PresentationMode::updateActions() {
    m_larger->setEnabled(scale() < Appearance::kMaxScale - 1e-9);
    m_smaller->setEnabled(scale() > Appearance::kMinScale + 1e-9);
}

void PresentationMode::retranslate() {
    m_toggle->setText(tr("&Presentation Mode"));
    m_toggle->setToolTip(
        tr("Full screen with larger text and thicker lines, for projection (F11)"));
    m_larger->setText(tr("&Larger Text and Lines"));
    m_larger->setToolTip(tr("Scale up the text and the lines of the plots (Ctrl+=)"));
    m_smaller->setText(tr("&Smaller Text and Lines"));
    m_smaller->setToolTip(tr("Scale down the text and the lines of the plots (Ctrl+\u2212)"));
    m_reset->setText(tr("&Reset Text Size"));
    m_reset->setToolTip(tr("Back to the normal size of this mode (Ctrl+0)"));
}

}  // namespace actlab::ui
