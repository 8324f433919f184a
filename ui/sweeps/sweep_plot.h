#pragma once
// The sweep page's chart: the results of a sweep for one metric, as they come in.
//   one numeric variable   the median per value as a line, the interquartile band, every run as
//                          a faint dot;
//   one categorical one    a strip per value: every run as a dot, the median as a bar and the
//                          quartiles as whiskers;
//   two variables          two heatmaps side by side: the median, and the success rate (the
//                          share of runs that reached the target).
// Clicking a dot gives its run; clicking a cell gives the run of that setting whose value is
// nearest the cell's median (the run the cell stands for).

#include <QWidget>
#include <span>
#include <vector>

#include "sweep/sweep_plan.h"
#include "sweep/sweep_run.h"
#include "sweep/sweep_stats.h"

class QCustomPlot;
class QCPColorMap;

namespace actlab::ui {

class SweepPlot : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Empty, Line, Strip, Heatmaps };

    explicit SweepPlot(QWidget* parent = nullptr);

    /// Draws the finished runs in `results` (any order) of `plan` for `metric`.
    void showResults(const sweep::SweepPlan& plan, std::span<const sweep::RunResult> results,
                     sweep::Metric metric);
    void clear();

    /// The metric's name as the chart and the page's Show box write it ("test loss").
    static QString metricTitle(sweep::Metric metric);

    QCustomPlot* plot() const { return m_plot; }
    Mode mode() const { return m_mode; }
    /// The dots drawn (runs with a finite value), for tests.
    int dotCount() const { return int(m_dots.size()); }
    /// The run under `pos` (widget pixels): the nearest dot within a few pixels, or in heatmap
    /// mode the run that stands for the cell; -1 for none.
    int runAt(QPoint pos) const;
    /// Where run `run`'s dot (or cell) is drawn, in widget pixels; (-1, -1) when not drawn.
    QPoint positionOf(int run) const;

signals:
    void runClicked(int run);

private:
    struct Dot {
        double x, y;
        int run;
    };
    void drawOneVariable(const sweep::SweepPlan& plan, std::span<const sweep::RunResult> results,
                         sweep::Metric metric);
    void drawHeatmaps(const sweep::SweepPlan& plan, std::span<const sweep::RunResult> results,
                      sweep::Metric metric);
    void reset(Mode mode);
    void placeLegend();

    QCustomPlot* m_plot = nullptr;
    Mode m_mode = Mode::Empty;
    std::vector<Dot> m_dots;
    /// Heatmaps: the run each setting stands for (-1 before any run of it finished), and the
    /// grid's size.
    std::vector<int> m_cellRuns;
    int m_columns = 0, m_rows = 0;
    QCPColorMap* m_medianMap = nullptr;
    QCPColorMap* m_successMap = nullptr;
};

}  // namespace actlab::ui
