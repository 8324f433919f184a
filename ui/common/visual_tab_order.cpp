#include "common/visual_tab_order.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>
#include <algorithm>

namespace actlab::ui {

VisualTabOrder* VisualTabOrder::install(QWidget* page, RegionOf regionOf) {
    return new VisualTabOrder(page, std::move(regionOf));
}

VisualTabOrder::VisualTabOrder(QWidget* page, RegionOf regionOf)
    : QObject(page), m_page(page), m_regionOf(std::move(regionOf)) {
    page->installEventFilter(this);
}

bool VisualTabOrder::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_page) {
        switch (event->type()) {
            case QEvent::Show:
            case QEvent::Resize:
            case QEvent::LayoutRequest:
                schedule();
                break;
            default:
                break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void VisualTabOrder::schedule() {
    if (m_scheduled) return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        if (m_page->isVisible()) apply();
    });
}

std::vector<QWidget*> VisualTabOrder::readingOrder() const {
    struct Entry {
        QWidget* widget;
        int region;
        QRect rect;
    };
    std::vector<Entry> entries;
    for (QWidget* w : m_page->findChildren<QWidget*>()) {
        if (!w->isVisible() || !w->isEnabled() || (w->focusPolicy() & Qt::TabFocus) == 0 ||
            w->focusProxy())
            continue;
        const int region = m_regionOf ? m_regionOf(w) : 0;
        if (region < 0) continue;
        entries.push_back({w, region, QRect(w->mapTo(m_page, QPoint(0, 0)), w->size())});
    }
    // By region, then by top; a widget starts a new row unless it overlaps the row's first
    // widget vertically; each row from the left.
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.region != b.region ? a.region < b.region : a.rect.top() < b.rect.top();
    });
    std::vector<QWidget*> order;
    for (std::size_t start = 0; start < entries.size();) {
        std::size_t end = start + 1;
        const Entry& first = entries[start];
        while (end < entries.size() && entries[end].region == first.region &&
               entries[end].rect.top() < first.rect.bottom() - first.rect.height() / 4)
            ++end;
        std::stable_sort(entries.begin() + std::ptrdiff_t(start), entries.begin() + std::ptrdiff_t(end),
                         [](const Entry& a, const Entry& b) { return a.rect.left() < b.rect.left(); });
        for (std::size_t k = start; k < end; ++k) order.push_back(entries[k].widget);
        start = end;
    }
    return order;
}

void VisualTabOrder::apply() {
    const std::vector<QWidget*> order = readingOrder();
    if (order.size() == m_applied.size() &&
        std::equal(order.begin(), order.end(), m_applied.begin(),
                   [](QWidget* a, const QPointer<QWidget>& b) { return a == b.data(); }))
        return;
    for (std::size_t k = 1; k < order.size(); ++k) QWidget::setTabOrder(order[k - 1], order[k]);
    m_applied.assign(order.begin(), order.end());
}

}  // namespace actlab::ui
