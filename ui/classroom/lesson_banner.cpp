#include "classroom/lesson_banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "classroom/lesson_catalog.h"

namespace actlab::ui {

LessonBanner::LessonBanner(QWidget* parent)
    : QFrame(parent), m_title(new QLabel(this)), m_text(new QLabel(this)),
      m_close(new QToolButton(this)), m_fold(new QToolButton(this)),
      m_textArea(new QScrollArea(this)) {
    setObjectName(QStringLiteral("lessonBanner"));
    m_textArea->setFocusPolicy(Qt::NoFocus);  // a container: its text is what is read
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("lessonClose"));
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);
    m_fold->setObjectName(QStringLiteral("lessonClose"));
    m_fold->setAutoRaise(true);
    m_fold->setCheckable(true);
    // The text never takes more than about a fifth of the window: longer texts scroll, and
    // the fold button leaves the title alone, so the plots keep their room on a projector.
    m_textArea->setWidget(m_text);
    m_textArea->setWidgetResizable(true);
    m_textArea->setFrameShape(QFrame::NoFrame);
    m_textArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_textArea->setObjectName(QStringLiteral("lessonTextArea"));
    m_textArea->viewport()->setAutoFillBackground(false);
    m_text->setAutoFillBackground(false);

    auto* text = new QVBoxLayout;
    text->setSpacing(4);
    text->addWidget(m_title);
    text->addWidget(m_textArea);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 8, 10);
    layout->setSpacing(10);
    layout->addLayout(text, 1);
    layout->addWidget(m_fold, 0, Qt::AlignTop);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_fold, &QToolButton::toggled, this, [this](bool folded) {
        m_textArea->setVisible(!folded);
        refresh();
    });

    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
    refresh();
    hide();
}

void LessonBanner::setSession(const nn::Session& session) {
    m_session = session;
    m_hasText = !session.descriptionEn.empty() || !session.descriptionZh.empty();
    refresh();
    setVisible(m_hasText);
}

void LessonBanner::clear() {
    m_session = {};
    m_hasText = false;
    refresh();
    hide();
}

void LessonBanner::setLanguage(const QString& lang) {
    m_lang = lang;
    refresh();
}

void LessonBanner::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) refresh();
    QFrame::changeEvent(event);
}

void LessonBanner::refresh() {
    const QString title = LessonCatalog::title(m_session, m_lang);
    m_title->setText(title.isEmpty() ? tr("About this session") : title);
    m_text->setText(LessonCatalog::description(m_session, m_lang));
    m_close->setToolTip(tr("Hide the explanation (the Lessons menu shows it again)"));
    m_close->setAccessibleName(tr("Hide the lesson"));
    const bool folded = m_fold->isChecked();
    m_fold->setText(folded ? QStringLiteral("\u25BE") : QStringLiteral("\u25B4"));
    m_fold->setToolTip(folded ? tr("Show the lesson's text") : tr("Fold the text to its title"));
    m_fold->setAccessibleName(m_fold->toolTip());
    fitText();
}

void LessonBanner::fitText() {
    const int width = std::max(100, m_textArea->viewport()->width());
    const int needed = m_text->heightForWidth(width);
    // The whole banner (title, text and margins) within a fifth of the window's height.
    const QMargins m = layout()->contentsMargins();
    const int chrome = m.top() + m.bottom() + 4 + m_title->heightForWidth(std::max(100, m_title->width()));
    const int room = std::max(40, (window() ? window()->height() : 1000) / 5 - chrome);
    m_textArea->setFixedHeight(std::min(needed > 0 ? needed : m_text->sizeHint().height(), room));
}

void LessonBanner::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    fitText();
}

}  // namespace actlab::ui
