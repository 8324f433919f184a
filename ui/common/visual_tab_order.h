#pragma once
// Tab follows what the eye reads. Qt's tab order is the order in which widgets were made, which a
// page built panel by panel, with rows that wrap and controls made on demand (a parameter's
// slider, a layer's chip), does not keep. VisualTabOrder watches a page and, whenever its layout
// settles, chains its focusable widgets in reading order: region by region (the page's side
// panels and centre from left to right), and within a region row by row from the top, each row
// from the left.

#include <QObject>
#include <QPointer>
#include <functional>
#include <vector>

class QWidget;

namespace actlab::ui {

class VisualTabOrder : public QObject {
    Q_OBJECT
public:
    /// Which region of the page holds `w`: a number that grows from left to right; -1 for none
    /// (the widget keeps its place after the ordered ones).
    using RegionOf = std::function<int(const QWidget*)>;

    /// Watches `page` (and is deleted with it).
    static VisualTabOrder* install(QWidget* page, RegionOf regionOf);

    /// The focusable widgets of the page in reading order, as the chain is set.
    std::vector<QWidget*> readingOrder() const;
    /// Sets the chain now.
    void apply();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    VisualTabOrder(QWidget* page, RegionOf regionOf);
    void schedule();

    QWidget* m_page;
    RegionOf m_regionOf;
    std::vector<QPointer<QWidget>> m_applied;
    bool m_scheduled = false;
};

}  // namespace actlab::ui
