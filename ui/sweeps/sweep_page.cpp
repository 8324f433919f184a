#include "sweeps/sweep_page.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "common/appearance.h"
#include "common/plot_export.h"
#include "common/qt_text.h"
#include "common/scroll_areas.h"
#include "sweep/sweep_csv.h"
#include "sweeps/sweep_form.h"
#include "sweeps/sweep_plot.h"
#include "sweep/sweep_variable.h"
#include "util/number_format.h"

namespace actlab::ui {

namespace {

/// How often the page takes the finished runs: fast enough to look live, far below a frame's
/// budget (taking them and redrawing the chart costs well under a millisecond per run).
constexpr int kPollMs = 40;
/// How often the seed-by-seed table is recomputed while a sweep runs.
constexpr qint64 kPairedIntervalMs = 500;

const sweep::Metric kMetrics[] = {sweep::Metric::TestLoss,      sweep::Metric::TestAccuracy,
                                  sweep::Metric::TrainLoss,     sweep::Metric::TrainAccuracy,
                                  sweep::Metric::EpochsToTarget, sweep::Metric::DeadPercent,
                                  sweep::Metric::GradRatio};

QString number(double v) {
    if (!std::isfinite(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("—");
    return QString::number(v, 'g', 3);
}

}  // namespace

SweepPage::SweepPage(QWidget* parent)
    : QWidget(parent),
      m_form(new SweepForm(this)),
      m_start(new QPushButton(this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)),
      m_metricLabel(new QLabel(this)),
      m_metric(new QComboBox(this)),
      m_csv(new QPushButton(this)),
      m_figure(new QPushButton(this)),
      m_hint(new QLabel(this)),
      m_plot(new SweepPlot(this)),
      m_pairedTitle(new QLabel(this)),
      m_paired(new QTableWidget(this)),
      m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("sweepPage"));
    m_start->setObjectName(QStringLiteral("sweepStart"));
    m_metric->setObjectName(QStringLiteral("sweepMetric"));
    m_paired->setObjectName(QStringLiteral("sweepPaired"));
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_hint->setWordWrap(true);
    m_status->setWordWrap(true);
    m_pairedTitle->setWordWrap(true);
    for (int i = 0; i < int(std::size(kMetrics)); ++i) m_metric->addItem(QString(), i);
    m_paired->setColumnCount(4);
    m_paired->verticalHeader()->hide();
    m_paired->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_paired->horizontalHeader()->setStretchLastSection(true);
    m_paired->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The table shows its rows whole (it does not scroll inside the page); the page scrolls
    // when the chart and the table do not fit, as at 1280×800 in presentation mode.
    m_paired->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_paired->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    const auto fitChart = [this] {
        m_plot->setMinimumHeight(int(260 * std::max(1.0, Appearance::instance().scale())));
    };
    fitChart();
    connect(&Appearance::instance(), &Appearance::changed, this, fitChart);

    auto* content = new QWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(verticalScroll(content, this));
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->addWidget(m_hint);
    layout->addWidget(m_form);
    auto* run = new QHBoxLayout;
    run->addWidget(m_start);
    run->addWidget(m_progress, 1);
    layout->addLayout(run);
    layout->addWidget(m_status);
    auto* show = new QHBoxLayout;
    show->addWidget(m_metricLabel);
    show->addWidget(m_metric);
    show->addStretch(1);
    show->addWidget(m_csv);
    show->addWidget(m_figure);
    layout->addLayout(show);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_pairedTitle);
    layout->addWidget(m_paired);
    m_pairedTitle->hide();
    m_paired->hide();

    connect(m_start, &QPushButton::clicked, this, [this] {
        if (m_running) {
            cancelSweep();
        } else if (const QString error = startSweep(); !error.isEmpty()) {
            emit statusMessage(error, 8000);
        }
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        redraw();
        updatePaired();
    });
    connect(m_form, &SweepForm::edited, this, [this] {
        m_form->setError({});
        m_prepared = true;
    });
    connect(m_timer, &QTimer::timeout, this, &SweepPage::poll);
    connect(m_plot, &SweepPlot::runClicked, this, [this](int run) {
        if (run < 0 || run >= m_plan.runCount()) return;
        emit runOpened(sweep::runSession(m_plan, run), m_plan.epochs, run);
    });
    connect(m_csv, &QPushButton::clicked, this, [this] { exportWithDialog(false); });
    connect(m_figure, &QPushButton::clicked, this, [this] { exportWithDialog(true); });
    retranslate();
    setRunning(false);
    m_csv->setEnabled(false);
    m_figure->setEnabled(false);
    m_plot->clear();
}

SweepPage::~SweepPage() {
    m_runner.cancel();
    m_runner.wait();
}

sweep::SweepSettings SweepPage::settings() const {
    return m_form->settings();
}

void SweepPage::setSettings(const sweep::SweepSettings& settings) {
    m_form->setSettings(settings);
    m_prepared = true;
}

sweep::Metric SweepPage::shownMetric() const {
    return kMetrics[std::max(0, m_metric->currentIndex())];
}

void SweepPage::setShownMetric(sweep::Metric metric) {
    const auto at = std::find(std::begin(kMetrics), std::end(kMetrics), metric);
    m_metric->setCurrentIndex(int(at - std::begin(kMetrics)));
}

QString SweepPage::startSweep() {
    if (m_running) return tr("A sweep is already running.");
    const sweep::SweepSettings s = m_form->settings();
    QString error = qs(sweep::validate(s));
    sweep::PlanBuild build;
    if (error.isEmpty()) {
        build = sweep::makePlan(m_source ? m_source() : nn::Session{}, s);
        error = qs(build.error);
    }
    if (!error.isEmpty()) {
        m_form->setError(error);
        return error;
    }
    m_form->setError({});
    m_prepared = true;
    m_plan = std::move(build.plan);
    m_results.clear();
    m_pairedClock.invalidate();
    // What is shown: what success is about, unless the user chose otherwise.
    if (s.target.metric == sweep::TargetMetric::TestAccuracy &&
        shownMetric() == sweep::Metric::TestLoss)
        setShownMetric(sweep::Metric::TestAccuracy);
    m_progress->setRange(0, m_plan.runCount());
    m_progress->setValue(0);
    const int threads =
        std::clamp(m_threads > 0 ? m_threads : parallel::SweepRunner::defaultThreads(), 1,
                   m_plan.runCount());
    m_runner.start(m_plan, threads);
    setRunning(true);
    redraw();
    updatePaired();
    updateStatus(m_runner.progress());
    m_timer->start(kPollMs);
    return {};
}

void SweepPage::cancelSweep() {
    if (!m_running) return;
    m_runner.cancel();
    m_start->setEnabled(false);  // until the runs have stopped (within a mini-batch)
}

void SweepPage::poll() {
    std::vector<sweep::RunResult> fresh = m_runner.takeFinished();
    const parallel::SweepProgress progress = m_runner.progress();
    if (!fresh.empty()) {
        // Both runs are in run order (takeFinished sorts its batch): one merge keeps them so.
        const auto middle = m_results.insert(m_results.end(), fresh.begin(), fresh.end());
        std::inplace_merge(m_results.begin(), middle, m_results.end(),
                           [](const auto& a, const auto& b) { return a.run < b.run; });
        redraw();
        // The seed-by-seed table bootstraps every pair (2,000 resamples each): a few times a
        // second while runs come in, and once more at the end.
        if (progress.finished || !m_pairedClock.isValid() ||
            m_pairedClock.elapsed() >= kPairedIntervalMs) {
            updatePaired();
            m_pairedClock.start();
        }
    } else if (progress.finished) {
        updatePaired();
    }
    updateStatus(progress);
    if (progress.finished) {
        m_timer->stop();
        setRunning(false);
    }
}

void SweepPage::redraw() {
    if (m_plan.variables.empty()) return;
    m_plot->showResults(m_plan, m_results, shownMetric());
    m_csv->setEnabled(!m_results.empty());
    m_figure->setEnabled(!m_results.empty());
}

void SweepPage::updatePaired() {
    const bool paired = m_plan.variables.size() == 1 && m_plan.variables[0].categorical() &&
                        m_plan.variables[0].size() >= 2 && m_plan.seeds >= 2;
    m_pairedTitle->setVisible(paired);
    m_paired->setVisible(paired);
    if (!paired) return;
    const sweep::SweepVariable& v = m_plan.variables[0];
    const sweep::Metric m = shownMetric();
    m_pairedTitle->setText(
        tr("Seed by seed: each seed starts both networks from the same weights where the shapes "
           "agree, so the two differ only by %1. Better means %2 %3.")
            .arg(qs(v.name),
                 sweep::lowerIsBetter(m) ? tr("a lower") : tr("a higher"),
                 m_metric->currentText()));
    m_paired->setRowCount(0);
    for (int a = 0; a < int(v.size()); ++a)
        for (int b = a + 1; b < int(v.size()); ++b) {
            const sweep::PairedComparison c = sweep::compareSettings(m_plan, m_results, a, b, m);
            const int row = m_paired->rowCount();
            m_paired->insertRow(row);
            const QString nameA = qs(v.valueText(std::size_t(a)));
            const QString nameB = qs(v.valueText(std::size_t(b)));
            m_paired->setItem(row, 0, new QTableWidgetItem(tr("%1 vs %2").arg(nameA, nameB)));
            m_paired->setItem(row, 1, new QTableWidgetItem(
                                          tr("%1 better in %2 of %3 seeds")
                                              .arg(nameA)
                                              .arg(c.wins)
                                              .arg(c.pairs)));
            m_paired->setItem(row, 2, new QTableWidgetItem(number(c.medianDifference)));
            m_paired->setItem(row, 3, new QTableWidgetItem(
                                          c.pairs >= 2 ? QStringLiteral("[%1, %2]")
                                                             .arg(number(c.low), number(c.high))
                                                       : QStringLiteral("—")));
        }
    // Every row whole: the header, the rows and the frame.
    int height = m_paired->horizontalHeader()->sizeHint().height() + 2 * m_paired->frameWidth();
    for (int r = 0; r < m_paired->rowCount(); ++r) height += m_paired->rowHeight(r);
    m_paired->setFixedHeight(height);
}

void SweepPage::updateStatus(const parallel::SweepProgress& p) {
    m_progress->setValue(p.done);
    int diverged = 0;
    for (const sweep::RunResult& r : m_results) diverged += r.diverged ? 1 : 0;
    QString text;
    if (!p.finished) {
        text = tr("%1 of %2 runs, %3 s").arg(p.done).arg(p.total).arg(p.elapsedSeconds, 0, 'f', 1);
        if (std::isfinite(p.remainingSeconds))
            text += QLatin1String(", ") + tr("about %1 s left").arg(std::ceil(p.remainingSeconds));
    } else if (p.cancelled) {
        text = tr("Cancelled after %1 of %2 runs (%3 s); the finished runs are shown.")
                   .arg(p.done)
                   .arg(p.total)
                   .arg(p.elapsedSeconds, 0, 'f', 1);
    } else {
        text = tr("%1 runs in %2 s. Click a dot or a cell to open that run on the network page.")
                   .arg(p.total)
                   .arg(p.elapsedSeconds, 0, 'f', 1);
    }
    if (diverged)
        text += QLatin1Char(' ') + (diverged == 1 ? tr("1 run diverged.")
                                                  : tr("%1 runs diverged.").arg(diverged));
    m_status->setText(text);
}

void SweepPage::setRunning(bool running) {
    m_running = running;
    m_form->setRunning(running);
    m_start->setEnabled(true);
    m_start->setText(running ? tr("Cancel") : tr("Start Sweep"));
}

QString SweepPage::exportCsv(const QString& path) const {
    if (m_results.empty()) return tr("There are no results to export yet.");
    const std::string text = sweep::sweepCsv(m_plan, m_results);
    return PlotExport::saveFile(path, [&](QIODevice& device) {
        return device.write(text.data(), qint64(text.size())) == qint64(text.size());
    });
}

QString SweepPage::exportFigure(const QString& path) const {
    PlotExport::Format format = PlotExport::Format::Png;
    if (!PlotExport::formatFromPath(path, &format))
        return tr("Please use a .png, .svg or .pdf file name.");
    return PlotExport::saveWidget(m_plot, path, format, 2.0);
}

void SweepPage::exportWithDialog(bool figure) {
    const QString folder = QStandardPaths::writableLocation(
        figure ? QStandardPaths::PicturesLocation : QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, figure ? tr("Export Sweep Figure") : tr("Export Sweep Results"),
        folder + (figure ? QStringLiteral("/sweep.png") : QStringLiteral("/sweep.csv")),
        figure ? tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)")
               : tr("CSV file (*.csv)"));
    if (path.isEmpty()) return;
    if (const QString error = figure ? exportFigure(path) : exportCsv(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export"), error);
    else
        emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

void SweepPage::retranslate() {
    m_hint->setText(tr("Vary one or two settings of the network page's experiment and train "
                       "every value from several seeds: the medians, the spread over seeds and "
                       "how often training succeeds, instead of one random draw."));
    m_metricLabel->setText(tr("Show:"));
    for (int i = 0; i < m_metric->count(); ++i)
        m_metric->setItemText(i, SweepPlot::metricTitle(kMetrics[i]));
    m_csv->setText(tr("Export CSV…"));
    m_figure->setText(tr("Export Figure…"));
    m_paired->setHorizontalHeaderLabels(
        {tr("pair (A vs B)"), tr("seed by seed"), tr("median of A − B"), tr("its 95 % interval")});
    setRunning(m_running);
    if (m_plan.variables.empty()) {
        m_plot->clear();
    } else {
        redraw();
        updatePaired();
    }
}

void SweepPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

}  // namespace actlab::ui
