// Frames of the network page while it trains: the interval between two painted frames, each
// showing a new snapshot. Training runs in the worker thread at a fixed number of epochs per frame
// while the GUI thread copies the grids into the colour maps and repaints; the worker never runs
// more than one frame ahead, so the interval is set by whichever side is slower (and is at least
// the worker's frame period, 1/60 s). Besides Google Benchmark's mean, every run reports the
// median, the 99th percentile and the worst interval in milliseconds, and the epochs trained per
// second.
//
//   QT_QPA_PLATFORM=offscreen bench_network_page
//   xvfb-run -a -s "-screen 0 1600x1000x24" bench_network_page     (a real X server)
//
// Variants: compare mode with eight activations (Sigmoid, Tanh, ReLU, Leaky ReLU, ELU, GELU,
// SELU, PReLU), each a network of 6 hidden layers of 8 neurons training 50 epochs per frame, every
// 100×100 boundary redrawn; and a single such network in the full view (diagram with neuron
// thumbnails, boundary, loss chart); and the eight compared with the Why view's side-by-side tab
// shown instead of the boundaries (each card's operating points, last hidden space and linear
// regions, brought up to date in turn), timed by the epoch counter's repaints. The whole main
// window is shown at 1600×1000.

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QTabWidget>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "activations/registry.h"
#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "common/text_line.h"
#include "network/boundary_plot.h"
#include "network/compare_view.h"
#include "network/network_page.h"
#include "network/output_panel.h"
#include "network/session_edits.h"
#include "network/training_bar.h"
#include "network/training_worker.h"

using namespace actlab;
using namespace actlab::ui;

namespace {

using Clock = std::chrono::steady_clock;

/// Records when a widget paints a frame with a new epoch.
class FrameClock : public QObject {
public:
    explicit FrameClock(NetworkPage* page) : m_page(page) {}
    std::vector<Clock::time_point> frames;
    int lastEpoch = -1;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && m_page->epoch() != lastEpoch) {
            lastEpoch = m_page->epoch();
            frames.push_back(Clock::now());
        }
        return QObject::eventFilter(watched, event);
    }

private:
    NetworkPage* m_page;
};

void report(benchmark::State& state, std::vector<double>& ms) {
    if (ms.empty()) return;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * (ms.size() - 1) + 0.5))];
    };
    state.counters["median_ms"] = at(0.5);
    state.counters["p99_ms"] = at(0.99);
    state.counters["max_ms"] = ms.back();
    state.counters["fps_median"] = 1000.0 / at(0.5);
}

/// The activations compared: 0, the classic eight of the screenshots (GELU's erf, ELU's and
/// SELU's exp make them several times costlier per epoch than ReLU); 1, eight of the cheapest.
std::vector<nn::CompareMember> compareSet(int which) {
    if (which == 0) return {edits::classicEight().begin(), edits::classicEight().end()};
    return {"relu", "leaky_relu", "prelu", "relu6", "hardtanh", "rrelu", "sigmoid", "tanh"};
}

enum class Shown { Single, Compare, CompareWhy };

nn::Session deepSession(bool compare, int set) {
    nn::Session s = edits::defaultSession();
    s.generator.kind = nn::DatasetKind::Xor;
    s.generator.numPoints = 500;  // 250 training points, as in Playground
    s.network.hidden.assign(
        6, nn::LayerSpec{8, "relu", activation("relu").defaults(), nn::PReluMode::PerLayer});
    s.init = nn::InitKind::He;
    s.training.learningRate = 0.003;
    if (compare) s.compare = compareSet(set);
    return s;
}

void runFrames(benchmark::State& st, Shown shown) {
    const bool compare = shown != Shown::Single;
    QTemporaryDir dir;
    MainWindow window(new AppSettings(dir.filePath("settings.ini")));
    window.resize(1600, 1000);
    window.show();
    window.pages()->setCurrentWidget(window.networkPage());
    NetworkPage* page = window.networkPage();
    const int set = compare ? static_cast<int>(st.range(1)) : 0;
    nn::Session session = deepSession(compare, set);
    if (shown == Shown::CompareWhy) session.view.panel = "side_by_side";
    if (!page->applySession(session).isEmpty()) {
        st.SkipWithError("session refused");
        return;
    }
    const int epochsPerFrame = static_cast<int>(st.range(0));
    page->setEpochsPerFrame(epochsPerFrame);
    QWidget* watched = shown == Shown::CompareWhy
                           ? static_cast<QWidget*>(page->trainingBar()->epochLabel())
                       : compare ? static_cast<QWidget*>(page->compareView()->cell(0)->plot())
                                 : static_cast<QWidget*>(page->outputPanel()->boundary());
    FrameClock clock(page);
    watched->installEventFilter(&clock);
    for (int i = 0; i < 10; ++i) QCoreApplication::processEvents();
    page->setPlaying(true);

    // Warm-up frames, then one benchmark iteration per painted frame.
    QElapsedTimer guard;
    guard.start();
    const auto waitFrames = [&](std::size_t n) {
        while (clock.frames.size() < n && guard.elapsed() < 120000)
            QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    };
    waitFrames(10);
    const int epoch0 = page->epoch();
    const auto t0 = Clock::now();
    std::vector<double> ms;
    for (auto _ : st) {
        const std::size_t before = clock.frames.size();
        waitFrames(before + 1);
        const double seconds =
            std::chrono::duration<double>(clock.frames[before] - clock.frames[before - 1]).count();
        st.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
    }
    const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
    const int epochs = page->epoch() - epoch0;
    page->setPlaying(false);
    report(st, ms);
    st.counters["epochs_per_s"] = epochs / elapsed;
    st.counters["threads"] = page->worker()->threadCount();
    const char* what = !compare   ? "1 ReLU network 6x8, full view"
                       : set == 0 ? "classic eight (sigmoid ... gelu, selu, prelu), 6x8 each"
                                  : "eight cheap activations (ReLU family, sigmoid, tanh), 6x8";
    const char* view = shown == Shown::CompareWhy ? ", Why side by side"
                       : compare                  ? ", 100x100 maps"
                                                  : "";
    st.SetLabel(std::string(what) + view);
}

/// Frames timed per run: 300, or ACTLAB_BENCH_FRAMES (the quick run of CI asks for a few).
const int kFrames = [] {
    const int n = qEnvironmentVariableIntValue("ACTLAB_BENCH_FRAMES");
    return n > 0 ? n : 300;
}();

void BM_CompareEightFrames(benchmark::State& st) {
    runFrames(st, Shown::Compare);
}

void BM_CompareEightWhyFrames(benchmark::State& st) {
    runFrames(st, Shown::CompareWhy);
}

void BM_SingleNetworkFrames(benchmark::State& st) {
    runFrames(st, Shown::Single);
}

BENCHMARK(BM_CompareEightFrames)
    ->ArgNames({"epochs_per_frame", "cheap"})
    ->Args({50, 0})
    ->Args({10, 0})
    ->Args({2, 0})
    ->Args({50, 1})
    ->UseManualTime()
    ->Iterations(kFrames)
    ->Unit(benchmark::kMillisecond);

BENCHMARK(BM_CompareEightWhyFrames)
    ->ArgNames({"epochs_per_frame", "cheap"})
    ->Args({50, 0})
    ->Args({10, 0})
    ->Args({2, 0})
    ->UseManualTime()
    ->Iterations(kFrames)
    ->Unit(benchmark::kMillisecond);

BENCHMARK(BM_SingleNetworkFrames)
    ->ArgName("epochs_per_frame")
    ->Arg(50)
    ->UseManualTime()
    ->Iterations(kFrames)
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
