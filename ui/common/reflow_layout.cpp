#include "common/reflow_layout.h"

#include <QWidget>
#include <QWidgetItem>
#include <algorithm>

namespace actlab::ui {

ReflowLayout::ReflowLayout(QWidget* parent, int spacing) : QLayout(parent), m_spacing(spacing) {
    setContentsMargins(0, 0, 0, 0);
}

ReflowLayout::~ReflowLayout() {
    while (QLayoutItem* item = takeAt(0)) delete item;
}

void ReflowLayout::addWidget(QWidget* widget, int stretch) {
    addChildWidget(widget);
    m_items.push_back({new QWidgetItem(widget), stretch});
    invalidate();
}

void ReflowLayout::addLayout(QLayout* layout, int stretch) {
    addChildLayout(layout);
    m_items.push_back({layout, stretch});
    invalidate();
}

void ReflowLayout::addItem(QLayoutItem* item) { m_items.push_back({item, 0}); }

QLayoutItem* ReflowLayout::itemAt(int index) const {
    return index >= 0 && index < m_items.size() ? m_items[index].item : nullptr;
}

QLayoutItem* ReflowLayout::takeAt(int index) {
    if (index < 0 || index >= m_items.size()) return nullptr;
    return m_items.takeAt(index).item;
}

bool ReflowLayout::fitsInRow(int width) const {
    int need = 0, shown = 0;
    for (const Item& i : m_items) {
        if (i.item->isEmpty()) continue;
        need += i.item->minimumSize().width();
        ++shown;
    }
    return need + m_spacing * std::max(0, shown - 1) <= width;
}

int ReflowLayout::itemHeight(const QLayoutItem* item, int width, bool minimum) const {
    if (item->hasHeightForWidth()) return item->heightForWidth(width);
    return minimum ? item->minimumSize().height() : item->sizeHint().height();
}

QSize ReflowLayout::minimumSize() const {
    int width = 0, height = 0;
    for (const Item& i : m_items) {
        if (i.item->isEmpty()) continue;
        width = std::max(width, i.item->minimumSize().width());
        height = std::max(height, i.item->minimumSize().height());
    }
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

QSize ReflowLayout::sizeHint() const {
    int width = 0, height = 0, shown = 0;
    for (const Item& i : m_items) {
        if (i.item->isEmpty()) continue;
        width += i.item->sizeHint().width();
        height = std::max(height, i.item->sizeHint().height());
        ++shown;
    }
    const QMargins m = contentsMargins();
    return {width + m_spacing * std::max(0, shown - 1) + m.left() + m.right(),
            height + m.top() + m.bottom()};
}

QList<int> ReflowLayout::rowWidths(int width) const {
    // Minimum widths first, then the rest by stretch (stretch 0: up to the preferred width).
    QList<const Item*> shown;
    for (const Item& i : m_items)
        if (!i.item->isEmpty()) shown.push_back(&i);
    QList<int> widths;
    int used = m_spacing * int(std::max<qsizetype>(0, shown.size() - 1)), stretchSum = 0;
    for (const Item* i : shown) {
        widths.push_back(i->item->minimumSize().width());
        used += widths.back();
        stretchSum += i->stretch;
    }
    int spare = width - used;
    for (int k = 0; k < shown.size() && spare > 0; ++k)
        if (shown[k]->stretch == 0) {
            const int grow =
                std::min(spare, std::max(0, shown[k]->item->sizeHint().width() - widths[k]));
            widths[k] += grow;
            spare -= grow;
        }
    for (int k = 0; k < shown.size() && spare > 0 && stretchSum > 0; ++k)
        widths[k] += spare * shown[k]->stretch / stretchSum;
    for (int k = 0; k < shown.size(); ++k)
        widths[k] = std::min(widths[k], shown[k]->item->maximumSize().width());
    return widths;
}

int ReflowLayout::heightForWidth(int width) const {
    const QMargins m = contentsMargins();
    const int inner = width - m.left() - m.right();
    int height = 0, shown = 0;
    if (fitsInRow(inner)) {
        // As tall as the tallest item needs at the width it gets (a wrapped row inside it may
        // need more than its minimum).
        const QList<int> widths = rowWidths(inner);
        int k = 0;
        for (const Item& i : m_items) {
            if (i.item->isEmpty()) continue;
            height = std::max({height, i.item->minimumSize().height(),
                               itemHeight(i.item, widths[k++], true)});
        }
    } else {
        for (const Item& i : m_items) {
            if (i.item->isEmpty()) continue;
            height += std::max(i.item->minimumSize().height(), itemHeight(i.item, inner, true));
            ++shown;
        }
        height += m_spacing * std::max(0, shown - 1);
    }
    return height + m.top() + m.bottom();
}

void ReflowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    const QRect r = rect.marginsRemoved(contentsMargins());
    QList<const Item*> shown;
    for (const Item& i : m_items)
        if (!i.item->isEmpty()) shown.push_back(&i);
    if (shown.isEmpty()) return;
    m_row = fitsInRow(r.width());
    if (m_row) {
        const QList<int> widths = rowWidths(r.width());
        int x = r.x();
        for (int k = 0; k < shown.size(); ++k) {
            shown[k]->item->setGeometry(QRect(x, r.y(), widths[k], r.height()));
            x += widths[k] + m_spacing;
        }
        return;
    }
    // A column: each item at the full width, at least its minimum height; stretch items share
    // what is left of the height.
    QList<int> heights;
    int used = m_spacing * int(shown.size() - 1), stretchSum = 0;
    for (const Item* i : shown) {
        heights.push_back(std::max(i->item->minimumSize().height(), itemHeight(i->item, r.width(), true)));
        used += heights.back();
        stretchSum += i->stretch;
    }
    const int spare = r.height() - used;
    if (spare > 0 && stretchSum > 0)
        for (int k = 0; k < shown.size(); ++k) heights[k] += spare * shown[k]->stretch / stretchSum;
    int y = r.y();
    for (int k = 0; k < shown.size(); ++k) {
        const int w = std::min(r.width(), shown[k]->item->maximumSize().width());
        shown[k]->item->setGeometry(QRect(r.x(), y, w, heights[k]));
        y += heights[k] + m_spacing;
    }
}

}  // namespace actlab::ui
