#include "network/view_switcher.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace actlab::ui {

namespace {

QToolButton* viewButton(QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setObjectName(QStringLiteral("viewButton"));
    b->setCheckable(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

}  // namespace

ViewSwitcher::ViewSwitcher(QWidget* parent)
    : QWidget(parent),
      m_views(new QStackedWidget(this)),
      m_buttons(new QButtonGroup(this)),
      m_networkButton(viewButton(this)),
      m_compareButton(viewButton(this)),
      m_healthButton(viewButton(this)),
      m_whyButton(viewButton(this)),
      m_focusLabel(new QLabel(this)),
      m_backButton(new QToolButton(this)),
      m_row(new QWidget(this)) {
    m_buttons->setExclusive(true);
    m_buttons->addButton(m_networkButton, 0);
    m_buttons->addButton(m_compareButton, 1);
    m_buttons->addButton(m_healthButton, 2);
    m_buttons->addButton(m_whyButton, 3);
    m_networkButton->setChecked(true);
    m_focusLabel->setObjectName(QStringLiteral("focusLabel"));
    m_backButton->setObjectName(QStringLiteral("chooseButton"));

    auto* row = new QHBoxLayout(m_row);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_networkButton);
    row->addWidget(m_compareButton);
    row->addWidget(m_healthButton);
    row->addWidget(m_whyButton);
    row->addSpacing(20);
    row->addWidget(m_focusLabel);
    row->addSpacing(10);
    row->addWidget(m_backButton);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_row);
    layout->addWidget(m_views, 1);

    // Toggled, not clicked: a screen reader's "toggle" action and the keyboard check a button
    // without a click. setCurrent checks one too, but only after the view already changed.
    connect(m_buttons, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked && id != m_views->currentIndex()) emit viewChosen(id);
    });
    connect(m_backButton, &QToolButton::clicked, this, &ViewSwitcher::backRequested);
}

void ViewSwitcher::addView(QWidget* view) {
    m_views->addWidget(view);
}

void ViewSwitcher::setCurrent(int index) {
    m_views->setCurrentIndex(index);
    if (QAbstractButton* b = m_buttons->button(index)) b->setChecked(true);
}

int ViewSwitcher::current() const {
    return m_views->currentIndex();
}

QWidget* ViewSwitcher::currentView() const {
    return m_views->currentWidget();
}

void ViewSwitcher::setFocusCaption(const QString& text) {
    m_focusLabel->setText(text);
}

void ViewSwitcher::setFocusShown(bool shown) {
    m_focusLabel->setVisible(shown);
    m_backButton->setVisible(shown);
}

void ViewSwitcher::setButtonsShown(bool shown) {
    m_row->setVisible(shown);
}

void ViewSwitcher::retranslate() {
    m_networkButton->setText(tr("Network"));
    m_networkButton->setToolTip(tr("The network diagram, the decision boundary and the loss"));
    m_compareButton->setText(tr("Compare activations"));
    m_compareButton->setToolTip(tr("Train several activations side by side from the same start"));
    m_healthButton->setText(tr("Gradient health"));
    m_healthButton->setToolTip(
        tr("Gradient norms, dead units and activation statistics per layer"));
    m_whyButton->setText(tr("Why"));
    m_whyButton->setToolTip(tr("Why the boundary looks as it does: operating points, hidden "
                               "space, linear regions and the chain rule"));
    m_backButton->setText(tr("\u2190 Back to the comparison"));
    m_backButton->setToolTip(tr("Show all compared networks again"));
}

}  // namespace actlab::ui
