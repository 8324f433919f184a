#pragma once
// A combo box that never cuts its text mid-word without saying so: when the current item does
// not fit, it shows the text elided with "…" and the whole text atop its tooltip. The list still
// shows every item in full.

#include <QComboBox>

namespace actlab::ui {

/// A QComboBox that elides its current text and tells the whole of it in a tooltip.
class ElidingComboBox : public QComboBox {
    Q_OBJECT
public:
    explicit ElidingComboBox(QWidget* parent = nullptr);

    /// True when the current text is shown elided.
    bool isElided() const;

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateToolTip();
    /// The width the current text has in the box.
    int textWidth() const;

    QString m_ownToolTip;       ///< the tooltip the box was given, shown below the whole text
    bool m_settingTip = false;  ///< true while the box itself changes its tooltip
};

}  // namespace actlab::ui
