#include "common/flow_layout.h"

#include <QWidget>
#include <algorithm>

namespace actlab::ui {

FlowLayout::FlowLayout(QWidget* parent, int hSpacing, int vSpacing)
    : QLayout(parent), m_hSpacing(hSpacing), m_vSpacing(vSpacing) {
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0)) delete item;
}

void FlowLayout::addStretch() {
    m_stretchAt = int(m_items.size());
}

void FlowLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < m_items.size() ? m_items[index] : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    if (index < 0 || index >= m_items.size()) return nullptr;
    if (index < m_stretchAt) --m_stretchAt;
    return m_items.takeAt(index);
}

int FlowLayout::heightForWidth(int width) const {
    return place(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const {
    QSize size;
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty()) size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const {
    // One row when there is room for it.
    int width = 0, height = 0;
    for (const QLayoutItem* item : m_items) {
        if (item->isEmpty()) continue;
        width += item->sizeHint().width() + m_hSpacing;
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return {width + m.left() + m.right(), height + m.top() + m.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    place(rect, true);
}

int FlowLayout::place(const QRect& rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    struct Row {
        int first, last, height, width;
    };
    QList<Row> rows;
    int x = 0, rowHeight = 0, first = 0;
    for (int i = 0; i < m_items.size(); ++i) {
        const QLayoutItem* item = m_items[i];
        if (item->isEmpty()) continue;
        const QSize hint = item->sizeHint();
        if (x > 0 && x + hint.width() > area.width()) {
            rows.append({first, i, rowHeight, x - m_hSpacing});
            x = 0;
            rowHeight = 0;
            first = i;
        }
        x += hint.width() + m_hSpacing;
        rowHeight = std::max(rowHeight, hint.height());
    }
    rows.append({first, int(m_items.size()), rowHeight, x - m_hSpacing});
    int y = area.top();
    for (const Row& row : rows) {
        if (apply) {
            // Items from the stretch on sit at the right end of their row.
            const int pushFrom = m_stretchAt < 0 ? row.last : std::max(row.first, m_stretchAt);
            int pushed = 0;
            for (int i = pushFrom; i < row.last; ++i)
                if (!m_items[i]->isEmpty()) pushed += m_items[i]->sizeHint().width() + m_hSpacing;
            int xi = area.left();
            for (int i = row.first; i < row.last; ++i) {
                QLayoutItem* item = m_items[i];
                if (item->isEmpty()) continue;
                if (i == pushFrom) xi = std::max(xi, area.right() + 1 - pushed + m_hSpacing);
                const QSize hint = item->sizeHint();
                item->setGeometry(QRect(QPoint(xi, y + (row.height - hint.height()) / 2), hint));
                xi += hint.width() + m_hSpacing;
            }
        }
        y += row.height + m_vSpacing;
    }
    return y - m_vSpacing - area.top() + contentsMargins().top() + contentsMargins().bottom();
}

}  // namespace actlab::ui
