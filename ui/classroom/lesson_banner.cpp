#include "classroom/lesson_banner.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include "classroom/lesson_catalog.h"

namespace actlab::ui {

LessonBanner::LessonBanner(QWidget* parent)
    : QFrame(parent), m_title(new QLabel(this)), m_text(new QLabel(this)),
      m_close(new QToolButton(this)) {
    setObjectName(QStringLiteral("lessonBanner"));
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close->setObjectName(QStringLiteral("lessonClose"));
    m_close->setText(QStringLiteral("\u2715"));
    m_close->setAutoRaise(true);

    auto* text = new QVBoxLayout;
    text->setSpacing(4);
    text->addWidget(m_title);
    text->addWidget(m_text);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 8, 8, 10);
    layout->setSpacing(10);
    layout->addLayout(text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);

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
}

}  // namespace actlab::ui
