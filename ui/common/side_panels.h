#pragma once
// A page's body: a centre (the plot) between side panels (controls, notes), in a splitter the
// user can drag. The centre keeps its share of the width whatever the presentation scale: when
// the scaled panels no longer fit beside it, the panels give way one by one (the last added
// first) and become drawers — a narrow tab at the page's edge that slides the panel over the
// centre while it is open. When there is room again, they dock where they were, and the
// splitter gets back the sizes it had before (so Ctrl+0 restores the same layout).

#include <QByteArray>
#include <QString>
#include <QWidget>
#include <functional>
#include <vector>

class QAbstractButton;
class QFrame;
class QLabel;
class QSplitter;
class QToolButton;

namespace actlab::ui {

/// The centre and side panels of a page.
class SidePanels : public QWidget {
    Q_OBJECT
public:
    enum class Side { Left, Right };
    /// The centre keeps at least this share of the page's width at scale 1 …
    static constexpr double kCentreShare = 0.45;
    /// … and this one from scale 1.5 up (presentation: the plot keeps the screen, the panels
    /// become drawers first).
    static constexpr double kPresentationCentreShare = 0.6;
    /// The share at a presentation scale (growing linearly from 1 to 1.5).
    static double centreShare(double scale);

    explicit SidePanels(QWidget* parent = nullptr);

    /// The centre widget (added once, before or after the panels).
    void setCentre(QWidget* centre);
    /// A side panel `baseWidth` pixels wide at scale 1 (its docked width is that times the
    /// presentation scale). Panels added first keep their dock longest. `title` names its tab.
    void addPanel(Side side, QWidget* panel, int baseWidth, const QString& title);
    /// Sets a panel's tab title (a new language).
    void setPanelTitle(QWidget* panel, const QString& title);
    /// Gives the docked widgets these widths, in splitter order (left panels, centre, right).
    void setSizes(const QList<int>& sizes);

    /// Which docked part holds `w`: 0 for the leftmost panel or the centre, counting to the
    /// right; -1 when none does (a drawer, or outside).
    int regionOf(const QWidget* w) const;
    /// A region for every widget of `page`, which holds `sides`: what lies above the sides comes
    /// first, then the docked parts from left to right, then what lies below (tab order).
    static int pageRegionOf(const QWidget* page, const SidePanels* sides, const QWidget* w);

    /// True while the panel is docked beside the centre (not a drawer).
    bool isDocked(QWidget* panel) const;
    /// Opens or closes a panel's drawer (no effect while it is docked).
    void setDrawerOpen(QWidget* panel, bool open);
    bool isDrawerOpen(QWidget* panel) const;
    /// The tab that opens a panel's drawer (null while docked), for tests.
    QAbstractButton* tab(QWidget* panel) const;

    /// Hides every side panel and tab (plot-only mode), or shows them again.
    void setSidesHidden(bool hidden);
    bool sidesHidden() const { return m_sidesHidden; }

    /// The splitter's state (sizes of the docked layout), for the settings.
    QByteArray saveState() const;
    void restoreState(const QByteArray& state);

    /// Docks or undocks the panels for the current width and scale (called on resize).
    void relayout();

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Panel {
        Side side;
        QWidget* widget;
        int baseWidth;
        QString title;
        QAbstractButton* tab = nullptr;
        QFrame* drawer = nullptr;
        QLabel* drawerTitle = nullptr;
        bool docked = true;
    };
    Panel* find(QWidget* panel);
    const Panel* find(QWidget* panel) const;
    int preferredWidth(const Panel& p) const;
    int splitterIndex(const Panel& p) const;
    void dock(Panel& p);
    void undock(Panel& p);
    void placeDrawer(Panel& p);
    void applyDockedSizes();

    QSplitter* m_splitter;
    QWidget* m_centre = nullptr;
    std::vector<Panel> m_panels;
    QList<int> m_savedSizes;  ///< the sizes while every panel was docked
    bool m_relayingOut = false;
    bool m_sidesHidden = false;
};

}  // namespace actlab::ui
