// From a parameter change to the repainted plot, offscreen: the cost of one frame of a slider
// drag. Each iteration changes ELU's α (as a drag does), the explorer resamples f, f′ and f″ on
// 4,001 points, and the plot widget is replotted and painted. Besides Google Benchmark's mean,
// every run reports the median, the 99th percentile and the worst frame in milliseconds.
//
//   QT_QPA_PLATFORM=offscreen bench_explorer [--benchmark_repetitions=5]
//
// Variants: the plot alone at 1600×1000 and 800×500; antialiased or not (noaa: how a drag draws
// when an antialiased replot is too slow, see CurvePlot::LiveQuality); with or without display
// decimation; the direct replot, or the application's path (queued replot, then the event loop
// until the widget has painted); and the whole main window at 1600×1000 during a slider drag.

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSlider>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <vector>

#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "common/formula_editor.h"
#include "common/parameter_panel.h"
#include "common/parameter_slider.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"

using namespace actlab::ui;

namespace {

using Clock = std::chrono::steady_clock;

/// Counts the paint events of a widget.
class PaintCounter : public QObject {
public:
    int paints = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint) ++paints;
        return QObject::eventFilter(watched, event);
    }
};

/// Runs the event loop until `counter` has seen another paint (at most one second).
void waitForPaint(const PaintCounter& counter, int before) {
    QElapsedTimer timer;
    timer.start();
    while (counter.paints == before && timer.elapsed() < 1000) QCoreApplication::processEvents();
}

void drain() {
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
}

/// Median, 99th percentile and maximum of the frame times, as counters in milliseconds.
void report(benchmark::State& state, std::vector<double>& ms) {
    if (ms.empty()) return;
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * (ms.size() - 1) + 0.5))];
    };
    state.counters["median_ms"] = at(0.5);
    state.counters["p99_ms"] = at(0.99);
    state.counters["max_ms"] = ms.back();
}

/// The slider position of the i-th frame: a sweep back and forth over ELU's α slider (60 steps
/// of 0.05), like a drag. Consecutive frames always differ.
int tickAt(int i) {
    const int k = i % 116;
    return 1 + (k < 58 ? k : 116 - k);
}

double alphaAt(int i) {
    return 0.05 * tickAt(i);
}

enum Path { kDirect = 0, kEventLoop = 1 };

void BM_ParamChangeToPaint(benchmark::State& st) {
    const int width = static_cast<int>(st.range(0));
    const int height = static_cast<int>(st.range(1));
    const bool noAa = st.range(2) != 0;      // antialiasing dropped, as in a drag when needed
    const bool decimate = st.range(3) != 0;  // about one point per device pixel
    const auto path = static_cast<Path>(st.range(4));

    ExplorerState model;
    model.setActivation("elu");
    model.setShowD2f(true);  // f, f′ and f″: three curves of 4,001 samples
    CurvePlot plot(&model);
    plot.setDecimation(decimate);
    plot.resize(width, height);
    plot.show();
    PaintCounter counter;
    plot.installEventFilter(&counter);
    drain();
    plot.setLiveQuality(noAa ? CurvePlot::LiveQuality::Fast : CurvePlot::LiveQuality::Antialiased);
    plot.setLiveUpdate(true);
    drain();

    std::vector<double> ms;
    int i = 0;
    for (auto _ : st) {
        const auto t0 = Clock::now();
        model.setParam(0, alphaAt(i++));
        if (path == kDirect) {
            plot.replot(QCustomPlot::rpImmediateRefresh);  // renders and paints the widget
        } else {
            waitForPaint(counter, counter.paints);
        }
        const auto t1 = Clock::now();
        const double seconds = std::chrono::duration<double>(t1 - t0).count();
        st.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
        if (path == kDirect) drain();  // the queued replot of the change, not timed
    }
    report(st, ms);
    st.SetLabel(std::string(noAa ? "no AA" : "AA") + (decimate ? ", decimated" : ", all points") +
                (path == kDirect ? ", direct replot" : ", event loop"));
}

void PlotArgs(benchmark::internal::Benchmark* b) {
    for (auto [w, h] : {std::pair{1600, 1000}, std::pair{800, 500}})
        for (int noAa : {1, 0})
            for (int decimate : {1, 0})
                for (int path : {kDirect, kEventLoop}) b->Args({w, h, noAa, decimate, path});
}

BENCHMARK(BM_ParamChangeToPaint)
    ->ArgNames({"w", "h", "noaa", "decimate", "eventloop"})
    ->Apply(PlotArgs)
    ->UseManualTime()
    ->Iterations(240)
    ->Unit(benchmark::kMillisecond);

/// Compare mode at 1600×1000: ELU's α changes under three overlaid activations, whose f′ are
/// dashed (dashes need the slower whole-polyline stroke).
void BM_CompareModeParamChange(benchmark::State& st) {
    ExplorerState model;
    model.setActivation("elu");
    for (const char* id : {"sigmoid", "tanh", "gelu"}) model.setCompared(id, true);
    CurvePlot plot(&model);
    plot.resize(1600, 1000);
    plot.show();
    const bool noAa = st.range(0) != 0;
    plot.setLiveQuality(noAa ? CurvePlot::LiveQuality::Fast : CurvePlot::LiveQuality::Antialiased);
    plot.setLiveUpdate(true);
    PaintCounter counter;
    plot.installEventFilter(&counter);
    drain();
    std::vector<double> ms;
    int i = 0;
    for (auto _ : st) {
        const auto t0 = Clock::now();
        model.setParam(0, alphaAt(i++));
        waitForPaint(counter, counter.paints);
        const auto t1 = Clock::now();
        const double seconds = std::chrono::duration<double>(t1 - t0).count();
        st.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
    }
    report(st, ms);
    st.SetLabel(std::string(noAa ? "no AA" : "AA") + ", 4 activations x (f, f')");
}

BENCHMARK(BM_CompareModeParamChange)
    ->ArgName("noaa")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Iterations(240)
    ->Unit(benchmark::kMillisecond);

/// The whole window at 1600×1000: a slider drag (press, moves, release at the end) through the
/// event loop until the plot has painted; the spin box and slider repaint too.
void BM_WindowSliderDrag(benchmark::State& st) {
    QTemporaryDir dir;  // fresh settings, none of the user's
    MainWindow window(new AppSettings(dir.filePath("settings.ini")));
    window.resize(1600, 1000);
    window.show();
    ExplorerPage* page = window.explorerPage();
    page->selectActivation("elu");
    page->state()->setShowD2f(true);
    drain();
    QSlider* slider = page->parameterPanel()->slider(0)->slider();
    const bool noAa = st.range(0) != 0;
    page->plot()->setLiveQuality(noAa ? CurvePlot::LiveQuality::Fast
                                      : CurvePlot::LiveQuality::Auto);
    PaintCounter counter;
    page->plot()->installEventFilter(&counter);
    slider->setSliderDown(true);
    drain();
    std::vector<double> ms;
    int i = 0;
    for (auto _ : st) {
        const int before = counter.paints;
        const auto t0 = Clock::now();
        slider->setSliderPosition(tickAt(i++));
        waitForPaint(counter, before);
        const auto t1 = Clock::now();
        const double seconds = std::chrono::duration<double>(t1 - t0).count();
        st.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
    }
    const bool dropped = page->plot()->antialiasingDropped();
    slider->setSliderDown(false);
    report(st, ms);
    st.SetLabel(std::string("main window, slider drag, ") + (dropped ? "no AA" : "AA"));
}

BENCHMARK(BM_WindowSliderDrag)
    ->ArgName("noaa")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Iterations(240)
    ->Unit(benchmark::kMillisecond);

/// The whole window at 1600×1000: one keystroke in the formula field, through the event loop
/// until the plot has painted the new f, f′ and f″ (the formula compiled: derivatives shown,
/// sliders rebuilt, curves resampled) or, for a text that does not compile yet, until the
/// error is shown. The keystrokes type "x*sigmoid(b*x) + c*sin(a*x)" and erase it again, so
/// that formulas with zero to three parameters and prefixes that are errors all occur.
void BM_FormulaKeystroke(benchmark::State& st) {
    QTemporaryDir dir;
    MainWindow window(new AppSettings(dir.filePath("settings.ini")));
    window.resize(1600, 1000);
    window.show();
    ExplorerPage* page = window.explorerPage();
    page->state()->setShowD2f(true);
    QLineEdit* edit = page->formulaEditor()->edit();
    edit->setFocus();
    drain();
    PaintCounter counter;
    page->plot()->installEventFilter(&counter);
    const QString target = QStringLiteral("x*sigmoid(b*x) + c*sin(a*x)");
    std::vector<double> ms, compiledMs;
    int i = 0;
    for (auto _ : st) {
        // Type one character, or erase one once the whole text is there (never below "x").
        const int k = i++ % (2 * (int(target.size()) - 1));
        const bool typing = k < int(target.size()) - 1;
        const QString text = typing ? target.mid(edit->text().size(), 1) : QString();
        const int key = typing ? 0 : Qt::Key_Backspace;
        if (edit->text().isEmpty()) edit->setText(QStringLiteral("x"));
        const int before = counter.paints;
        const actlab::ActivationSpec* rowBefore = &page->state()->spec();
        const auto t0 = Clock::now();
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
        QCoreApplication::sendEvent(edit, &press);
        const bool compiled = &page->state()->spec() != rowBefore;
        if (compiled)
            waitForPaint(counter, before);
        else
            QCoreApplication::processEvents();
        const auto t1 = Clock::now();
        const double seconds = std::chrono::duration<double>(t1 - t0).count();
        st.SetIterationTime(seconds);
        ms.push_back(seconds * 1e3);
        if (compiled) compiledMs.push_back(seconds * 1e3);
    }
    report(st, ms);
    st.counters["compiled_pct"] = 100.0 * double(compiledMs.size()) / double(ms.size());
    // The keystrokes that replot (the text compiled): their own median and p99.
    std::sort(compiledMs.begin(), compiledMs.end());
    if (!compiledMs.empty()) {
        st.counters["replot_median_ms"] = compiledMs[compiledMs.size() / 2];
        st.counters["replot_p99_ms"] = compiledMs[std::size_t(0.99 * double(compiledMs.size() - 1) + 0.5)];
    }
    st.SetLabel("main window, formula keystroke to painted plot");
}

BENCHMARK(BM_FormulaKeystroke)->UseManualTime()->Iterations(520)->Unit(benchmark::kMillisecond);

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
