#pragma once
// Presentation mode (F11): the window full screen, with its own scale of fonts and line widths
// (larger, for projection). Ctrl+= and Ctrl+− change the scale of the mode in effect, Ctrl+0
// resets it; both scales are remembered. The scale reaches every widget through the style sheet
// and every plot through Appearance.

#include <QObject>
#include <QRect>

class QAction;
class QMainWindow;

namespace actlab::ui {

class AppSettings;

/// Full screen and the presentation scale.
class PresentationMode : public QObject {
    Q_OBJECT
public:
    PresentationMode(QMainWindow* window, AppSettings* settings);

    /// True while the window is in presentation mode.
    bool isOn() const { return m_on; }
    /// Enters or leaves presentation mode.
    void setOn(bool on);
    /// The scale of the mode in effect.
    double scale() const;
    /// Sets the scale of the mode in effect (clamped to Appearance's range).
    void setScale(double scale);
    /// Shrinks and moves a plain window (not full screen or maximised) into the screen's
    /// available area.
    void fitToScreen();
    /// Re-reads both scales from the settings and applies the one in effect.
    void restoreSettings();

    QAction* toggleAction() const { return m_toggle; }
    QAction* largerAction() const { return m_larger; }
    QAction* smallerAction() const { return m_smaller; }
    QAction* resetAction() const { return m_reset; }

    /// Sets the actions' texts in the current language.
    void retranslate();

signals:
    /// Presentation mode was entered or left.
    void toggled(bool on);

private:
    void updateActions();

    QMainWindow* m_window;
    AppSettings* m_settings;
    bool m_on = false;
    bool m_wasMaximized = false;
    QRect m_normalGeometry;  ///< the window at scale 1, before Ctrl+= (restored by Ctrl+0)
    QAction* m_toggle;
    QAction* m_larger;
    QAction* m_smaller;
    QAction* m_reset;
};

}  // namespace actlab::ui
