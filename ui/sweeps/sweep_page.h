#pragma once
// The Sweeps page: vary one or two settings of the current experiment over a range, train every
// setting from several seeds on all cores, and watch medians, spreads and success rates fill in.
// A categorical sweep (activations, inits, optimisers) also compares its values seed by seed
// ("GELU beats ReLU in 17 of 20 seeds", with the median paired difference and its bootstrap
// interval). Clicking a run opens exactly that run on the network page (runOpened). The runs are
// those of `activation-lab sweep` (core/sweep, parallel/sweep_runner.h): the same numbers, the
// same CSV.

#include <QElapsedTimer>
#include <QWidget>
#include <functional>
#include <vector>

#include "nn/session.h"
#include "parallel/sweep_runner.h"
#include "sweep/sweep_stats.h"

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace actlab::ui {

class SweepForm;
class SweepPlot;

class SweepPage : public QWidget {
    Q_OBJECT
public:
    explicit SweepPage(QWidget* parent = nullptr);
    ~SweepPage() override;

    /// Where the experiment comes from (the network page's session); asked when a sweep starts.
    void setSessionSource(std::function<nn::Session()> source) { m_source = std::move(source); }
    /// Threads for the runs (default: all cores).
    void setThreads(int threads) { m_threads = threads; }

    /// The sweep's settings as the form shows them, and setting them (a session's "sweep").
    sweep::SweepSettings settings() const;
    void setSettings(const sweep::SweepSettings& settings);
    /// True once the user edited or ran the sweep, or a session brought one: then Save keeps
    /// it with the session. A session without a sweep clears it.
    bool isPrepared() const { return m_prepared; }
    void setPrepared(bool prepared) { m_prepared = prepared; }

    /// Starts the sweep the form describes. "" or the message shown under the form.
    QString startSweep();
    /// Asks the runs to stop (they stop within a mini-batch); the finished ones stay shown.
    void cancelSweep();
    bool isRunning() const { return m_running; }

    const sweep::SweepPlan& plan() const { return m_plan; }
    /// The finished runs, in run order.
    const std::vector<sweep::RunResult>& results() const { return m_results; }
    sweep::Metric shownMetric() const;
    void setShownMetric(sweep::Metric metric);

    SweepForm* form() const { return m_form; }
    SweepPlot* chart() const { return m_plot; }
    QTableWidget* pairedTable() const { return m_paired; }
    QLabel* statusLabel() const { return m_status; }

    /// The sweep's CSV (as `activation-lab sweep` writes it) and its figure, written atomically.
    /// "" or a message.
    QString exportCsv(const QString& path) const;
    QString exportFigure(const QString& path) const;

signals:
    /// Run `run` of the plan, to be opened on the network page and trained `epochs` epochs.
    void runOpened(const nn::Session& session, int epochs, int run);
    void statusMessage(const QString& message, int timeout);

protected:
    void changeEvent(QEvent* event) override;

private:
    void poll();
    void redraw();
    void updatePaired();
    void updateStatus(const parallel::SweepProgress& progress);
    void setRunning(bool running);
    void retranslate();
    /// Asks for a file and writes the CSV or the figure there, saying how it went.
    void exportWithDialog(bool figure);

    std::function<nn::Session()> m_source;
    int m_threads = 0;
    SweepForm* m_form = nullptr;
    QPushButton* m_start = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_metricLabel = nullptr;
    QComboBox* m_metric = nullptr;
    QPushButton* m_csv = nullptr;
    QPushButton* m_figure = nullptr;
    QLabel* m_hint = nullptr;
    SweepPlot* m_plot = nullptr;
    QLabel* m_pairedTitle = nullptr;
    QTableWidget* m_paired = nullptr;
    QTimer* m_timer = nullptr;

    parallel::SweepRunner m_runner;
    sweep::SweepPlan m_plan;
    std::vector<sweep::RunResult> m_results;
    bool m_running = false;
    bool m_prepared = false;
    QElapsedTimer m_pairedClock;  ///< since the seed-by-seed table was last computed
};

}  // namespace actlab::ui
