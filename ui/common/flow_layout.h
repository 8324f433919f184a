#pragma once
// A layout that places its items left to right and wraps to a new row when the next item does
// not fit, so a row of controls never forces its window wider (presentation mode, a small
// screen, a longer translation). An item added with addStretch() pushes the items after it to
// the right end of their row.

#include <QLayout>
#include <QList>

namespace actlab::ui {

/// Rows of items that wrap.
class FlowLayout : public QLayout {
public:
    explicit FlowLayout(QWidget* parent = nullptr, int hSpacing = 6, int vSpacing = 6);
    ~FlowLayout() override;

    /// Everything added after it goes to the right end of the row it lands on.
    void addStretch();

    void addItem(QLayoutItem* item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    /// Lays the items out in `rect` (or only measures, when `apply` is false); the height used.
    int place(const QRect& rect, bool apply) const;

    QList<QLayoutItem*> m_items;
    int m_stretchAt = -1;  ///< index of the first item pushed right, or −1
    int m_hSpacing, m_vSpacing;
};

}  // namespace actlab::ui
