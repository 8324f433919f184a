#include "network/frame_presenter.h"

#include <QLabel>
#include <algorithm>

#include "common/qt_text.h"
#include "network/boundary_plot.h"
#include "network/compare_view.h"
#include "network/health_view.h"
#include "network/why_view.h"
#include "network/loss_chart.h"
#include "network/network_diagram.h"
#include "network/network_style.h"
#include "network/output_panel.h"
#include "network/page_state.h"
#include "network/training_bar.h"
#include "network/training_control.h"

namespace actlab::ui {

namespace {

constexpr int kHoverGrid = 64;  ///< a hovered neuron shown large

const NetworkFrame& focused(const TrainingSnapshot& snap, int focus) {
    return snap.networks[std::size_t(std::clamp(focus, 0, int(snap.networks.size()) - 1))];
}

}  // namespace

FramePresenter::FramePresenter(const PageState& state, const TrainingControl& training,
                               FrameViews views, QObject* parent)
    : QObject(parent), m_state(state), m_training(training), m_views(views) {}

void FramePresenter::showFrame(const TrainingSnapshot& snap) {
    // Each snapshot's samples go into the charts exactly once, here.
    const bool compare = m_state.comparing();
    for (int k = 0; k < int(snap.networks.size()); ++k) {
        const NetworkFrame& f = snap.networks[std::size_t(k)];
        m_views.health->addFrame(k, f);
        m_views.output->lossChart()->addSamples(compare ? k : 0, f.samples, f.samplesRestart);
        if (compare) {
            m_views.compare->setFrame(k, f, snap.hasTestSet);
            m_views.why->showMember(k, f.network, f.contour);
        }
    }
    showFocused(snap);
    m_views.compare->replotCells();
    m_views.health->refresh();
}

void FramePresenter::showFocused(const TrainingSnapshot& snap) {
    m_views.bar->setPlaying(m_training.isPlaying());
    m_views.bar->setTrainable(snap.hasTrainingSet && !snap.networks.empty());
    showBanner(snap);
    if (snap.networks.empty()) return;
    const NetworkFrame& f = focused(snap, m_state.focus);
    m_views.bar->setEpoch(f.epoch);
    OutputPanel* output = m_views.output;
    BoundaryPlot* boundary = output->boundary();
    boundary->setGrid(f.outputGrid, f.gridSize);
    boundary->setContour(f.contour);
    output->setMetrics(f.metrics, snap.hasTestSet);
    if (!f.unitGrids.empty()) m_views.diagram->setFrame(f.network, f.unitGrids, f.unitGridSize);
    if (m_hoverUnit >= 0) updateHoverUnit();
    m_views.why->setData(m_state.data);
    m_views.why->showNetwork(f.network, f.epoch, f.contour, f.outputGrid, f.gridSize);
    if (output->isVisible()) {
        netstyle::replotIfShown(boundary);
        output->lossChart()->refresh();
    }
}

void FramePresenter::showBanner(const TrainingSnapshot& snap) {
    QStringList lines;
    if (!snap.problem.empty())
        lines << tr("This session cannot be trained: %1").arg(qs(snap.problem));
    if (!snap.hasTrainingSet)
        lines << tr(
            "There are no training points. Click the output plot to add some, or choose a "
            "dataset.");
    const int stop = m_state.session.stopAtEpoch;
    if (stop > 0 && !snap.playing && !snap.networks.empty() &&
        focused(snap, m_state.focus).epoch == stop)
        lines << tr("Paused at epoch %1: this is the moment the lesson is about. Press Play to "
                    "go on training.")
                     .arg(stop);
    QStringList diverged;
    double rate = 0;
    int at = 0;
    const nn::Session& session = m_state.session;
    for (std::size_t k = 0; k < snap.networks.size(); ++k) {
        const nn::DivergenceCause& cause = snap.networks[k].divergenceCause;
        if (snap.networks[k].divergedAt <= 0 || !cause.found()) continue;
        // A formula gave NaN or ±∞: the formula, not the learning rate, is what to change.
        lines << tr("Training stopped at epoch %1: the formula activation %2 of hidden layer %3 "
                    "gave %4 = %5 at x = %6 (outside its domain, or too large). The last good "
                    "state is shown. Change the formula or its parameters, then press Play.")
                     .arg(snap.networks[k].divergedAt)
                     .arg(qs(cause.name))
                     .arg(cause.layer + 1)
                     .arg(cause.derivative ? QStringLiteral("f\u2032(x)") : QStringLiteral("f(x)"))
                     .arg(netstyle::number(cause.value, 6), netstyle::number(cause.input, 6));
    }
    for (std::size_t k = 0; k < snap.networks.size(); ++k)
        if (snap.networks[k].divergedAt > 0 && !snap.networks[k].divergenceCause.found()) {
            diverged << (session.compare.empty() ? QString()
                                                 : m_state.activationName(session.compare[k]));
            rate = snap.networks[k].divergedLearningRate;
            at = snap.networks[k].divergedAt;
        }
    if (!diverged.isEmpty()) {
        if (session.compare.empty())
            lines
                << tr("Training stopped: the loss became infinite at epoch %1 (the network "
                      "diverged) with learning rate %2. The last good state is shown. Try a lower "
                      "learning rate, then press Play.")
                       .arg(at)
                       .arg(netstyle::number(rate, 6));
        else
            lines << tr("%1 diverged with learning rate %2 and stopped; the others go on. Try a "
                        "lower learning rate.")
                         .arg(diverged.join(QStringLiteral(", ")))
                         .arg(netstyle::number(rate, 6));
    }
    m_views.banner->setText(lines.join(QLatin1Char('\n')));
    m_views.banner->setVisible(!lines.isEmpty());
}

void FramePresenter::setHoverUnit(int unit, const QString& caption) {
    m_hoverUnit = unit;
    m_hoverCaption = caption;
    updateHoverUnit();
    netstyle::replotIfShown(m_views.output->boundary());
}

void FramePresenter::updateHoverUnit() {
    BoundaryPlot* boundary = m_views.output->boundary();
    const auto& latest = m_training.latest();
    if (m_hoverUnit < 0 || !latest || latest->networks.empty()) {
        boundary->showUnit({}, 0, {});
        return;
    }
    // The large picture is computed here from the snapshot's weights: one unit, on demand.
    const NetworkFrame& f = focused(*latest, m_state.focus);
    const int units = nn::GridEvaluator::unitCount(f.network);
    if (m_hoverUnit >= units) return;
    const std::size_t cells = std::size_t(kHoverGrid) * std::size_t(kHoverGrid);
    m_hoverValues.resize(std::size_t(units) * cells);
    m_hoverGrid.unitGrids(f.network, kHoverGrid, m_hoverValues);
    boundary->showUnit(
        std::span<const double>(m_hoverValues).subspan(std::size_t(m_hoverUnit) * cells, cells),
        kHoverGrid, m_hoverCaption);
}

}  // namespace actlab::ui
