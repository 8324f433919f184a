#pragma once
// A panel above the pages with the title and the description of the lesson (or of an opened
// session that has a description), in the language of the interface. It can be closed, and the
// Lessons menu shows it again.

#include <QFrame>
#include <QString>

#include "nn/session.h"

class QLabel;
class QScrollArea;
class QToolButton;

namespace actlab::ui {

/// The lesson's explanation above the pages.
class LessonBanner : public QFrame {
    Q_OBJECT
public:
    explicit LessonBanner(QWidget* parent = nullptr);

    /// Shows the title and description of `session`; hidden when it has no description.
    void setSession(const nn::Session& session);
    /// Forgets the lesson and hides.
    void clear();
    /// True when there is a description to show.
    bool hasText() const { return m_hasText; }
    /// The language of the description ("en", "zh_CN").
    void setLanguage(const QString& lang);

    QLabel* titleLabel() const { return m_title; }
    QLabel* textLabel() const { return m_text; }
    QToolButton* closeButton() const { return m_close; }
    /// Folds the text to the title (and unfolds it).
    QToolButton* foldButton() const { return m_fold; }

signals:
    /// The user closed the banner.
    void dismissed();

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void refresh();
    /// At most a fifth of the window's height for the text; the rest scrolls.
    void fitText();

    nn::Session m_session;
    bool m_hasText = false;
    QString m_lang = QStringLiteral("en");
    QLabel* m_title;
    QLabel* m_text;
    QToolButton* m_close;
    QToolButton* m_fold;
    QScrollArea* m_textArea;
};

}  // namespace actlab::ui
