#pragma once
// Where a plot's legend sits, and whether it shows. The user drags the legend anywhere inside
// the plot, or picks a corner, a place outside the plot (right or below, so it never covers the
// data) or "hidden" from the plot's context menu; View ▸ Legends hides or shows every legend at
// once. A legend outside the plot takes its room from the plot's side.

#include <QObject>
#include <QPointF>
#include <QString>

class QCustomPlot;
class QCPLayoutElement;
class QMenu;

namespace actlab::ui {

/// The legend placement of one plot.
class LegendControl : public QObject {
    Q_OBJECT
public:
    enum class Place { TopLeft, TopRight, BottomLeft, BottomRight, Free, OutsideRight, OutsideBelow };

    /// Manages `plot`'s legend (initially at `place`) and adds the legend choices to the plot's
    /// context menu. The plot owns this object.
    LegendControl(QCustomPlot* plot, Place place);

    Place place() const { return m_place; }
    void setPlace(Place place);
    /// Hides this plot's legend (the global switch hides every legend).
    void setHidden(bool hidden);
    bool hidden() const { return m_hidden; }
    /// True when the legend is on screen: not hidden here or globally, and it has items.
    bool shown() const;
    /// Re-applies visibility after the plot changed its legend items.
    void refresh();

    /// The global switch (View ▸ Legends).
    static bool legendsShown();
    static void setLegendsShown(bool shown);

    /// The legend choices, for a context menu of the plot.
    void addActions(QMenu* menu);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void apply();
    void moveInsideTo(const QPointF& topLeftPixel);
    /// Where the legend goes now: the chosen place, or beside the plot while a corner's legend
    /// would cover too much of it.
    Place effectivePlace() const;
    /// Wraps the legend's items for `place` (columns beside the plot, rows below it, with a
    /// smaller font below if need be); false when even so it does not fit below the plot.
    bool wrapLegend(Place place);

    QCustomPlot* m_plot;
    Place m_place;
    Place m_applied;  ///< the place apply() last used
    bool m_tooSmall = false;  ///< the plot has no room for the legend anywhere: it is not drawn
    bool m_hidden = false;
    bool m_dragging = false;
    QPointF m_grab;  ///< where in the legend the drag started
};

/// Emits legendsShownChanged when the global switch changes (for the View menu's check mark).
class LegendSwitch : public QObject {
    Q_OBJECT
public:
    static LegendSwitch& instance();
signals:
    void legendsShownChanged(bool shown);
};

}  // namespace actlab::ui
