#include "common/side_panels.h"

#include <QAbstractButton>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QShortcut>
#include <QSplitter>
#include <QStyleOptionButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "common/appearance.h"

namespace actlab::ui {

namespace {

/// A narrow button along the page's edge with its title written top to bottom: it opens and
/// closes a side panel's drawer.
class EdgeTab : public QAbstractButton {
public:
    EdgeTab(SidePanels::Side side, QWidget* parent) : QAbstractButton(parent), m_side(side) {
        setObjectName(QStringLiteral("edgeTab"));
        setCheckable(true);
        setCursor(Qt::PointingHandCursor);
        setFocusPolicy(Qt::StrongFocus);
        setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    }
    QSize sizeHint() const override {
        const QFontMetrics fm(font());
        return {fm.height() + 14, fm.horizontalAdvance(text()) + 32};
    }
    QSize minimumSizeHint() const override { return {sizeHint().width(), 40}; }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        const QPalette& pal = palette();
        QColor fill = isChecked() || underMouse() ? pal.color(QPalette::Highlight)
                                                  : pal.color(QPalette::Button);
        p.fillRect(rect(), fill);
        p.setPen(pal.color(QPalette::Mid));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
        if (hasFocus()) {
            p.setPen(QPen(pal.color(QPalette::Highlight).darker(150), 2));
            p.drawRect(rect().adjusted(1, 1, -2, -2));
        }
        p.setPen(isChecked() || underMouse() ? pal.color(QPalette::HighlightedText)
                                             : pal.color(QPalette::ButtonText));
        // Left tabs read bottom to top, right tabs top to bottom: both face the page.
        const bool left = m_side == SidePanels::Side::Left;
        p.translate(left ? 0 : width(), left ? height() : 0);
        p.rotate(left ? -90 : 90);
        p.drawText(QRect(0, 0, height(), width()), Qt::AlignCenter, text());
    }
    void enterEvent(QEnterEvent* e) override {
        update();
        QAbstractButton::enterEvent(e);
    }
    void leaveEvent(QEvent* e) override {
        update();
        QAbstractButton::leaveEvent(e);
    }

private:
    SidePanels::Side m_side;
};

}  // namespace

SidePanels::SidePanels(QWidget* parent) : QWidget(parent), m_splitter(new QSplitter(this)) {
    m_splitter->setOrientation(Qt::Horizontal);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    connect(&Appearance::instance(), &Appearance::changed, this, &SidePanels::relayout);
}

void SidePanels::setCentre(QWidget* centre) {
    m_centre = centre;
    int left = 0;
    for (const Panel& p : m_panels) left += p.side == Side::Left;
    m_splitter->insertWidget(left, centre);
    m_splitter->setStretchFactor(left, 1);
}

void SidePanels::addPanel(Side side, QWidget* panel, int baseWidth, const QString& title) {
    m_panels.push_back({side, panel, baseWidth, title});
    const int index = splitterIndex(m_panels.back());
    m_splitter->insertWidget(index, panel);
    m_splitter->setStretchFactor(index, 0);
}

void SidePanels::setPanelTitle(QWidget* panel, const QString& title) {
    Panel* p = find(panel);
    if (!p) return;
    p->title = title;
    if (p->tab) {
        p->tab->setText(title);
        p->tab->setToolTip(tr("Show or hide %1").arg(title));
        p->tab->setAccessibleName(title);
        p->tab->updateGeometry();
    }
    if (p->drawerTitle) p->drawerTitle->setText(title);
}

void SidePanels::setSizes(const QList<int>& sizes) {
    m_splitter->setSizes(sizes);
}

SidePanels::Panel* SidePanels::find(QWidget* panel) {
    for (Panel& p : m_panels)
        if (p.widget == panel) return &p;
    return nullptr;
}

const SidePanels::Panel* SidePanels::find(QWidget* panel) const {
    for (const Panel& p : m_panels)
        if (p.widget == panel) return &p;
    return nullptr;
}

bool SidePanels::isDocked(QWidget* panel) const {
    const Panel* p = find(panel);
    return p && p->docked;
}

QAbstractButton* SidePanels::tab(QWidget* panel) const {
    const Panel* p = find(panel);
    return p && !p->docked ? p->tab : nullptr;
}

double SidePanels::centreShare(double scale) {
    const double t = std::clamp((scale - 1.0) / 0.5, 0.0, 1.0);
    return kCentreShare + (kPresentationCentreShare - kCentreShare) * t;
}

int SidePanels::preferredWidth(const Panel& p) const {
    const double scale = std::max(1.0, Appearance::instance().scale());
    return std::max(int(p.baseWidth * scale), p.widget->minimumSizeHint().width());
}

int SidePanels::splitterIndex(const Panel& target) const {
    // Left panels in the order added, then the centre, then the right panels in order.
    int index = 0;
    for (const Panel& p : m_panels) {
        if (&p == &target) break;
        if (p.side == target.side) ++index;
    }
    if (target.side == Side::Right) {
        for (const Panel& p : m_panels) index += p.side == Side::Left;
        index += m_centre ? 1 : 0;
    }
    return index;
}

void SidePanels::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    relayout();
}

void SidePanels::relayout() {
    if (m_relayingOut || m_sidesHidden || !m_centre || width() <= 0) return;
    m_relayingOut = true;
    const int total = width();
    const int centreNeed = std::max(int(centreShare(Appearance::instance().scale()) * total),
                                    m_centre->minimumSizeHint().width());
    int room = total - centreNeed;
    std::vector<bool> dockIt;
    for (const Panel& p : m_panels) {
        const int want = preferredWidth(p) + m_splitter->handleWidth();
        const bool fits = want <= room;
        dockIt.push_back(fits);
        if (fits)
            room -= want;
        else
            room -= p.tab ? p.tab->sizeHint().width() : 40;
    }
    bool allDockedBefore = true, changed = false;
    for (const Panel& p : m_panels) allDockedBefore = allDockedBefore && p.docked;
    if (allDockedBefore) {
        for (bool d : dockIt)
            if (!d) {
                m_savedSizes = m_splitter->sizes();  // the layout to come back to
                break;
            }
    }
    for (std::size_t k = 0; k < m_panels.size(); ++k) {
        Panel& p = m_panels[k];
        if (dockIt[k] == p.docked) continue;
        changed = true;
        dockIt[k] ? dock(p) : undock(p);
    }
    bool allDocked = true;
    for (const Panel& p : m_panels) allDocked = allDocked && p.docked;
    if (changed && allDocked && m_savedSizes.size() == m_splitter->count()) {
        m_splitter->setSizes(m_savedSizes);
        m_savedSizes.clear();
    } else if (!allDocked) {
        applyDockedSizes();
    }
    for (Panel& p : m_panels)
        if (p.drawer && p.drawer->isVisible()) placeDrawer(p);
    m_relayingOut = false;
}

void SidePanels::applyDockedSizes() {
    QList<int> sizes;
    int used = 0, centre = -1;
    for (int i = 0; i < m_splitter->count(); ++i) {
        QWidget* w = m_splitter->widget(i);
        int size = 0;
        if (w == m_centre) {
            centre = i;
        } else {
            for (const Panel& p : m_panels) {
                if (p.widget == w) size = preferredWidth(p);
                if (p.tab == w) size = p.tab->sizeHint().width();
            }
        }
        sizes << size;
        used += size + m_splitter->handleWidth();
    }
    if (centre >= 0) sizes[centre] = std::max(0, width() - used);
    m_splitter->setSizes(sizes);
}

void SidePanels::undock(Panel& p) {
    if (!p.tab) {
        auto* tab = new EdgeTab(p.side, this);
        tab->setText(p.title);
        tab->setToolTip(tr("Show or hide %1").arg(p.title));
        tab->setAccessibleName(p.title);
        tab->setAccessibleDescription(tr("Opens the panel over the plot; Esc closes it"));
        p.tab = tab;
        QWidget* panel = p.widget;
        connect(tab, &QAbstractButton::toggled, this,
                [this, panel](bool on) { setDrawerOpen(panel, on); });

        p.drawer = new QFrame(this);
        p.drawer->setObjectName(QStringLiteral("sideDrawer"));
        p.drawer->setFrameShape(QFrame::StyledPanel);
        p.drawer->setAutoFillBackground(true);
        auto* header = new QHBoxLayout;
        p.drawerTitle = new QLabel(p.title, p.drawer);
        p.drawerTitle->setObjectName(QStringLiteral("sectionTitle"));
        auto* close = new QToolButton(p.drawer);
        close->setText(QStringLiteral("\u2715"));
        close->setAutoRaise(true);
        close->setToolTip(tr("Close (Esc)"));
        close->setAccessibleName(tr("Close %1").arg(p.title));
        connect(close, &QToolButton::clicked, this,
                [this, panel] { setDrawerOpen(panel, false); });
        header->addWidget(p.drawerTitle, 1);
        header->addWidget(close);
        auto* layout = new QVBoxLayout(p.drawer);
        layout->setContentsMargins(8, 6, 8, 8);
        layout->addLayout(header);
        auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), p.drawer);
        escape->setContext(Qt::WidgetWithChildrenShortcut);
        connect(escape, &QShortcut::activated, this,
                [this, panel] { setDrawerOpen(panel, false); });
        p.drawer->hide();
    }
    const int index = splitterIndex(p);
    m_splitter->replaceWidget(index, p.tab);
    p.tab->show();
    p.drawer->layout()->addWidget(p.widget);
    p.widget->show();
    p.docked = false;
}

void SidePanels::dock(Panel& p) {
    setDrawerOpen(p.widget, false);
    const int index = splitterIndex(p);
    m_splitter->replaceWidget(index, p.widget);
    p.widget->show();
    p.tab->hide();
    p.tab->setParent(this);
    p.docked = true;
}

void SidePanels::setDrawerOpen(QWidget* panel, bool open) {
    Panel* p = find(panel);
    if (!p || p->docked || !p->drawer) return;
    if (p->tab->isChecked() != open) {
        p->tab->setChecked(open);  // comes back here through toggled
        return;
    }
    if (open) {
        for (Panel& other : m_panels)
            if (&other != p && !other.docked) setDrawerOpen(other.widget, false);
        placeDrawer(*p);
        p->drawer->show();
        p->drawer->raise();
        p->widget->setFocus(Qt::OtherFocusReason);
        qApp->installEventFilter(this);  // a click on the centre closes it
    } else if (p->drawer->isVisible()) {
        const bool hadFocus = p->drawer->isAncestorOf(QApplication::focusWidget());
        p->drawer->hide();
        if (hadFocus) p->tab->setFocus(Qt::OtherFocusReason);
        qApp->removeEventFilter(this);
    }
}

bool SidePanels::isDrawerOpen(QWidget* panel) const {
    const Panel* p = find(panel);
    return p && !p->docked && p->drawer && p->drawer->isVisible();
}

void SidePanels::placeDrawer(Panel& p) {
    const QRect tab(p.tab->mapTo(this, QPoint(0, 0)), p.tab->size());
    const int w = std::min(preferredWidth(p) + 16, int(width() * 0.6));
    const int x = p.side == Side::Left ? tab.right() + 1 : tab.left() - w;
    p.drawer->setGeometry(x, 0, w, height());
}

void SidePanels::setSidesHidden(bool hidden) {
    if (hidden == m_sidesHidden) return;
    m_sidesHidden = hidden;
    for (Panel& p : m_panels) {
        setDrawerOpen(p.widget, false);
        QWidget* slot = p.docked ? p.widget : p.tab;
        if (slot) slot->setVisible(!hidden);
    }
    if (!hidden) relayout();
}

QByteArray SidePanels::saveState() const {
    return m_splitter->saveState();
}

void SidePanels::restoreState(const QByteArray& state) {
    m_splitter->restoreState(state);
    relayout();
}

bool SidePanels::eventFilter(QObject* watched, QEvent* event) {
    // A click on the centre closes an open drawer, as clicking beside a menu closes it.
    if (event->type() == QEvent::MouseButtonPress && watched->isWidgetType() && m_centre) {
        auto* w = static_cast<QWidget*>(watched);
        if (w == m_centre || m_centre->isAncestorOf(w))
            for (Panel& p : m_panels)
                if (!p.docked && p.drawer && p.drawer->isVisible()) setDrawerOpen(p.widget, false);
    }
    return QWidget::eventFilter(watched, event);
}

int SidePanels::regionOf(const QWidget* w) const {
    for (int i = 0; i < m_splitter->count(); ++i)
        if (m_splitter->widget(i)->isVisible() && m_splitter->widget(i)->isAncestorOf(w)) return i;
    return -1;
}

int SidePanels::pageRegionOf(const QWidget* page, const SidePanels* sides, const QWidget* w) {
    if (!sides->isAncestorOf(w)) {
        const int top = w->mapTo(page, QPoint(0, 0)).y();
        return top < sides->mapTo(page, QPoint(0, 0)).y() ? 0 : 1000;
    }
    const int region = sides->regionOf(w);
    return region < 0 ? -1 : 1 + region;
}

}  // namespace actlab::ui
