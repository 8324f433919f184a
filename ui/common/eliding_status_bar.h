#pragma once
// A status bar whose message never runs off its right edge: a message wider than the bar (a
// large presentation scale, a long Chinese hint) is drawn elided, and the bar's tooltip holds
// the whole of it.

#include <QStatusBar>

namespace actlab::ui {

class ElidingStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit ElidingStatusBar(QWidget* parent = nullptr);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// The message elided to the bar's width, or "" when it fits.
    QString elidedMessage() const;
    /// The whole message in the tooltip while it is drawn elided; a repaint.
    void followMessage();
};

}  // namespace actlab::ui
