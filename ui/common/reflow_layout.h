#pragma once
// A row that becomes a column when it does not fit: its items side by side while the width holds
// all their minimum widths, else one above the other at the full width. Its minimum width is the
// widest item's, so a row of panels never forces its window wider than the screen (presentation
// mode, a small screen); the height it then needs comes through heightForWidth (put it in a
// scroll area that scrolls vertically).

#include <QLayout>
#include <QList>

namespace actlab::ui {

class ReflowLayout : public QLayout {
public:
    explicit ReflowLayout(QWidget* parent = nullptr, int spacing = 10);
    ~ReflowLayout() override;

    /// Adds a widget; side by side, the width left over is shared in proportion to `stretch`
    /// (items of stretch 0 keep their preferred width).
    void addWidget(QWidget* widget, int stretch);
    /// Adds a layout as one item.
    void addLayout(QLayout* layout, int stretch);

    /// True while the items are side by side (as of the last setGeometry).
    bool isRow() const { return m_row; }

    void addItem(QLayoutItem* item) override;
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override {
        return Qt::Horizontal | Qt::Vertical;
    }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    struct Item {
        QLayoutItem* item;
        int stretch;
    };
    /// True when `width` holds every item's minimum width side by side.
    bool fitsInRow(int width) const;
    /// The widths of the items side by side in `width`.
    QList<int> rowWidths(int width) const;
    int itemHeight(const QLayoutItem* item, int width, bool minimum) const;

    QList<Item> m_items;
    int m_spacing;
    bool m_row = true;
};

}  // namespace actlab::ui
