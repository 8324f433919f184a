#pragma once
// A status bar whose message never runs off its right edge: a message wider than the bar (a
// large presentation scale, a long Chinese hint) is drawn elided, and the bar's tooltip holds
// the whole of it.

#include <QStatusBar>
#include <functional>

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
    std::function<void()> m_follow;  ///< sets the tooltip for the message and the width
};

}  // namespace actlab::ui
