#include "common/legend_control.h"

#include <qcustomplot.h>

#include <QActionGroup>
#include <QContextMenuEvent>
#include <QMenu>
#include <QMouseEvent>
#include <algorithm>

namespace actlab::ui {

namespace {

bool gLegendsShown = true;

/// The legend's index in the axis rect's inset layout, or −1 when it is elsewhere.
int insetIndex(QCustomPlot* plot) {
    QCPLayoutInset* inset = plot->axisRect()->insetLayout();
    for (int i = 0; i < inset->elementCount(); ++i)
        if (inset->elementAt(i) == plot->legend) return i;
    return -1;
}

/// The row and column of `element` in the plot's top layout.
bool gridPosition(QCustomPlot* plot, QCPLayoutElement* element, int& row, int& column) {
    QCPLayoutGrid* grid = plot->plotLayout();
    for (int r = 0; r < grid->rowCount(); ++r)
        for (int c = 0; c < grid->columnCount(); ++c)
            if (grid->element(r, c) == element) {
                row = r;
                column = c;
                return true;
            }
    return false;
}

Qt::Alignment cornerOf(LegendControl::Place place) {
    switch (place) {
        case LegendControl::Place::TopRight: return Qt::AlignTop | Qt::AlignRight;
        case LegendControl::Place::BottomLeft: return Qt::AlignBottom | Qt::AlignLeft;
        case LegendControl::Place::BottomRight: return Qt::AlignBottom | Qt::AlignRight;
        default: return Qt::AlignTop | Qt::AlignLeft;
    }
}

}  // namespace

LegendSwitch& LegendSwitch::instance() {
    static LegendSwitch s;
    return s;
}

bool LegendControl::legendsShown() {
    return gLegendsShown;
}

void LegendControl::setLegendsShown(bool shown) {
    if (shown == gLegendsShown) return;
    gLegendsShown = shown;
    emit LegendSwitch::instance().legendsShownChanged(shown);
}

LegendControl::LegendControl(QCustomPlot* plot, Place place)
    : QObject(plot), m_plot(plot), m_place(place), m_applied(place) {
    plot->installEventFilter(this);
    connect(&LegendSwitch::instance(), &LegendSwitch::legendsShownChanged, this, [this] {
        refresh();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
    });
    apply();
}

void LegendControl::setPlace(Place place) {
    m_place = place;
    apply();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LegendControl::setHidden(bool hidden) {
    m_hidden = hidden;
    refresh();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LegendControl::shown() const {
    return !m_hidden && gLegendsShown && m_plot->legend->itemCount() > 0;
}

namespace {

/// The widest item and the height of one row of the legend (its items in one column).
struct LegendRows {
    int widest = 0, rowHeight = 0, count = 0;
};

LegendRows legendRows(const QCPLegend* legend) {
    LegendRows r;
    for (int i = 0; i < legend->itemCount(); ++i) {
        const QCPAbstractLegendItem* it = legend->item(i);
        if (!it) continue;  // an empty cell of a wrapped legend
        const QSize item = it->minimumOuterSizeHint();
        r.widest = std::max(r.widest, item.width());
        r.rowHeight = std::max(r.rowHeight, item.height() + legend->rowSpacing());
        ++r.count;
    }
    return r;
}

}  // namespace

LegendControl::Place LegendControl::effectivePlace() const {
    // A legend in a corner that would cover much of a small plot (a large presentation scale,
    // many curves) goes beside the plot, in as many columns as its height needs, or below it
    // when that would take too much of the width; the user's choice comes back when it fits.
    // A legend placed beside the plot goes below it likewise when beside takes too much width.
    const bool corner = m_place == Place::TopLeft || m_place == Place::TopRight ||
                        m_place == Place::BottomLeft || m_place == Place::BottomRight;
    if ((!corner && m_place != Place::OutsideRight) || !shown() || m_plot->height() <= 0)
        return m_place;
    const LegendRows rows = legendRows(m_plot->legend);
    const int height = rows.rowHeight * rows.count + 12, width = rows.widest + 16;
    if (corner && height <= 0.5 * m_plot->height() && width <= 0.5 * m_plot->width())
        return m_place;
    const int perColumn = std::max(1, (m_plot->height() - 24) / std::max(1, rows.rowHeight));
    const int columns = (rows.count + perColumn - 1) / perColumn;
    return columns * width <= 0.45 * m_plot->width() ? Place::OutsideRight : Place::OutsideBelow;
}

bool LegendControl::wrapLegend(Place place) {
    // Outside, the legend wraps into columns (beside) or rows (below) that fit the plot; below,
    // its text also shrinks (to 60 % at least) rather than take more than 40 % of the height.
    // Inside, one column at the legend's own font, as the user arranged it.
    QCPLegend* legend = m_plot->legend;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = legend->item(i)) item->setFont(legend->font());
    const LegendRows rows = legendRows(legend);
    double fontScale = 1.0;
    bool tooSmall = false;
    if (place == Place::OutsideRight) {
        legend->setWrap(std::max(1, (m_plot->height() - 24) / std::max(1, rows.rowHeight)));
        legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
    } else if (place == Place::OutsideBelow) {
        int columns = 1;
        bool fits = false;
        for (fontScale = 1.0; fontScale > 0.55 && !fits; fontScale -= 0.1) {
            columns = std::max(1, int((m_plot->width() - 16) / (rows.widest * fontScale + 16)));
            const int lines = (rows.count + columns - 1) / columns;
            fits = lines * rows.rowHeight * fontScale <= 0.4 * m_plot->height();
            if (fits) break;
        }
        fontScale = std::max(fontScale, 0.6);
        // A plot too small for its legend in any arrangement shows the curves; the legend
        // comes back when there is room (and the context menu can still place it).
        tooSmall = !fits;
        legend->setWrap(columns);
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    } else {
        legend->setWrap(0);
        legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
    }
    if (fontScale < 1.0) {
        QFont font = legend->font();
        font.setPointSizeF(font.pointSizeF() * fontScale);
        for (int i = 0; i < legend->itemCount(); ++i)
            if (QCPAbstractLegendItem* item = legend->item(i)) item->setFont(font);
    }
    return !tooSmall;
}

namespace {
bool isOutside(LegendControl::Place p) {
    return p == LegendControl::Place::OutsideRight || p == LegendControl::Place::OutsideBelow;
}
}  // namespace

void LegendControl::refresh() {
    // An invisible legend outside would still keep its row or column: it goes back inside; a
    // legend that has grown too large for its corner goes beside or below the plot; one that
    // fits nowhere is not drawn.
    const bool outside = insetIndex(m_plot) < 0;
    const Place place = effectivePlace();
    const bool tooSmall = isOutside(place) && shown() && !wrapLegend(place);
    const bool wantOutside = isOutside(place) && shown() && !tooSmall;
    if (outside != wantOutside || place != m_applied || tooSmall != m_tooSmall) apply();
    m_plot->legend->setVisible(shown() && !m_tooSmall);
}

void LegendControl::apply() {
    QCPLegend* legend = m_plot->legend;
    QCPLayoutGrid* grid = m_plot->plotLayout();
    QCPAxisRect* rect = m_plot->axisRect();
    const Place place = effectivePlace();
    m_applied = place;
    m_tooSmall = isOutside(place) && shown() && !wrapLegend(place);
    const bool outside = isOutside(place) && shown() && !m_tooSmall;
    if (!outside) wrapLegend(Place::TopLeft);  // one column, the legend's own font
    // Take the legend out of wherever it is.
    if (insetIndex(m_plot) >= 0) {
        rect->insetLayout()->take(legend);
    } else {
        int r = 0, c = 0;
        if (gridPosition(m_plot, legend, r, c)) {
            grid->take(legend);
            grid->simplify();
        }
    }
    if (outside) {
        int row = 0, column = 0;
        gridPosition(m_plot, rect, row, column);
        if (place == Place::OutsideRight) {
            grid->insertColumn(column + 1);
            grid->addElement(row, column + 1, legend);
            grid->setColumnStretchFactor(column + 1, 0.001);
        } else {
            grid->insertRow(row + 1);
            grid->addElement(row + 1, column, legend);
            grid->setRowStretchFactor(row + 1, 0.001);
        }
        legend->setMargins(QMargins(8, 6, 8, 6));
    } else {
        rect->insetLayout()->addElement(legend, cornerOf(isOutside(place) ? m_place : place));
        if (place == Place::Free) {
            const int i = insetIndex(m_plot);
            rect->insetLayout()->setInsetPlacement(i, QCPLayoutInset::ipFree);
        }
    }
    legend->setVisible(shown() && !m_tooSmall);
}

void LegendControl::moveInsideTo(const QPointF& topLeft) {
    QCPAxisRect* rect = m_plot->axisRect();
    const QRect area = rect->rect();
    const QSize size = m_plot->legend->outerRect().size();
    if (area.width() <= 0 || area.height() <= 0) return;
    if (m_place != Place::Free) {
        m_place = Place::Free;
        apply();
    }
    const double x = std::clamp(topLeft.x(), double(area.left()),
                                double(std::max(area.left(), area.right() - size.width())));
    const double y = std::clamp(topLeft.y(), double(area.top()),
                                double(std::max(area.top(), area.bottom() - size.height())));
    const int i = insetIndex(m_plot);
    if (i < 0) return;
    rect->insetLayout()->setInsetRect(
        i, QRectF((x - area.left()) / area.width(), (y - area.top()) / area.height(),
                  double(size.width()) / area.width(), double(size.height()) / area.height()));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LegendControl::eventFilter(QObject* watched, QEvent* event) {
    if (watched != m_plot) return false;
    switch (event->type()) {
        case QEvent::Resize:
            refresh();  // the place, columns or rows that fit the new size
            break;
        case QEvent::MouseButtonPress: {
            auto* mouse = static_cast<QMouseEvent*>(event);
            const bool inside = insetIndex(m_plot) >= 0;
            if (mouse->button() == Qt::LeftButton && inside && shown() &&
                m_plot->legend->outerRect().contains(mouse->position().toPoint())) {
                m_dragging = true;
                m_grab = mouse->position() - QPointF(m_plot->legend->outerRect().topLeft());
                m_plot->setCursor(Qt::ClosedHandCursor);
                return true;  // not a pan of the plot
            }
            break;
        }
        case QEvent::MouseMove:
            if (m_dragging) {
                moveInsideTo(static_cast<QMouseEvent*>(event)->position() - m_grab);
                return true;
            }
            break;
        case QEvent::MouseButtonRelease:
            if (m_dragging) {
                m_dragging = false;
                m_plot->unsetCursor();
                return true;
            }
            break;
        case QEvent::ContextMenu: {
            QMenu menu(m_plot);
            addActions(&menu);
            menu.exec(static_cast<QContextMenuEvent*>(event)->globalPos());
            return true;
        }
        default:
            break;
    }
    return false;
}

void LegendControl::addActions(QMenu* menu) {
    const std::pair<Place, QString> places[] = {
        {Place::TopLeft, tr("Legend at the top left")},
        {Place::TopRight, tr("Legend at the top right")},
        {Place::BottomLeft, tr("Legend at the bottom left")},
        {Place::BottomRight, tr("Legend at the bottom right")},
        {Place::OutsideRight, tr("Legend beside the plot")},
        {Place::OutsideBelow, tr("Legend below the plot")},
    };
    auto* group = new QActionGroup(menu);
    for (const auto& [place, text] : places) {
        QAction* a = menu->addAction(text);
        a->setCheckable(true);
        a->setChecked(m_place == place);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, p = place] {
            m_hidden = false;
            setPlace(p);
        });
    }
    menu->addSeparator();
    QAction* hide = menu->addAction(tr("Hide This Legend"));
    hide->setCheckable(true);
    hide->setChecked(m_hidden);
    connect(hide, &QAction::toggled, this, &LegendControl::setHidden);
    QAction* all = menu->addAction(tr("Show Legends"));
    all->setCheckable(true);
    all->setChecked(gLegendsShown);
    all->setToolTip(tr("Show or hide the legends of every plot (Ctrl+L)"));
    connect(all, &QAction::toggled, this, [](bool on) { setLegendsShown(on); });
}

}  // namespace actlab::ui
