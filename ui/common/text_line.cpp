#include "common/text_line.h"

#include <QEvent>
#include <QPainter>

namespace actlab::ui {

namespace {

/// The text's runs: plain, bold, plain, ... (split at <b> and </b>).
QStringList runs(const QString& text) {
    QStringList out;
    QString rest = text;
    bool bold = false;
    while (!rest.isEmpty()) {
        const QString tag = bold ? QStringLiteral("</b>") : QStringLiteral("<b>");
        const qsizetype at = rest.indexOf(tag);
        out << rest.left(at < 0 ? rest.size() : at);
        if (at < 0) break;
        rest = rest.mid(at + tag.size());
        bold = !bold;
    }
    return out;
}

int textWidth(const QString& text, const QFont& font) {
    QFont bold = font;
    bold.setBold(true);
    const QFontMetrics plain(font), strong(bold);
    int width = 0;
    const QStringList parts = runs(text);
    for (qsizetype i = 0; i < parts.size(); ++i)
        width += (i % 2 ? strong : plain).horizontalAdvance(parts[i]);
    return width;
}

}  // namespace

TextLine::TextLine(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void TextLine::setText(const QString& text) {
    if (text == m_text) return;
    m_text = text;
    setAccessibleName(QString(text).remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>")));
    update();  // no updateGeometry(): the line's size does not depend on its text
}

void TextLine::setColor(const QColor& color) {
    if (color == m_color) return;
    m_color = color;
    update();
}

void TextLine::setSampleText(const QString& sample) {
    m_sample = sample;
    updateGeometry();
}

QSize TextLine::sizeHint() const {
    const int width = m_sample.isEmpty() ? 120 : textWidth(m_sample, font()) + 4;
    return {width, fontMetrics().height() + 4};
}

QSize TextLine::minimumSizeHint() const {
    return {20, sizeHint().height()};
}

void TextLine::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) updateGeometry();
    QWidget::changeEvent(event);
}

void TextLine::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setPen(m_color.isValid() ? m_color : palette().color(QPalette::WindowText));
    QFont plain = font(), bold = font();
    bold.setBold(true);
    const QFontMetrics fm(plain);
    const int baseline = (height() - fm.height()) / 2 + fm.ascent();
    int x = 0;
    const QStringList parts = runs(m_text);
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QFont& f = i % 2 ? bold : plain;
        p.setFont(f);
        p.drawText(x, baseline, parts[i]);
        x += QFontMetrics(f).horizontalAdvance(parts[i]);
    }
}

}  // namespace actlab::ui
