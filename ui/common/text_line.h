#pragma once
// A one-line label for text that changes every frame (an epoch counter, a loss). Unlike QLabel, a
// new text only repaints the line: it does not ask the window to lay itself out again, which at
// 30 to 60 frames per second costs more than the painting.

#include <QColor>
#include <QWidget>

namespace actlab::ui {

/// A single line of text; runs between <b> and </b> are bold (the only markup).
class TextLine : public QWidget {
    Q_OBJECT
public:
    explicit TextLine(QWidget* parent = nullptr);

    /// Shows `text`. Repaints only when it changed.
    void setText(const QString& text);
    const QString& text() const { return m_text; }
    /// The text colour; an invalid colour uses the palette's.
    void setColor(const QColor& color);
    /// A text as long as the longest this line shows: the width of its size hint.
    void setSampleText(const QString& sample);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString m_text;
    QString m_sample;
    QColor m_color;
};

}  // namespace actlab::ui
