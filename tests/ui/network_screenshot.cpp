// Renders the main window's network page in a documented state and saves a PNG of it, so that the
// screenshots in docs/screenshots can be reproduced:
//
//   xvfb-run -a -s "-screen 0 1600x1000x24" network_screenshot SCENE OUT.png [WIDTH HEIGHT]
//
// SCENE is one of: circle_tanh, spiral_relu, compare_xor, health_sigmoid_relu, lesson_zh,
// presentation; lesson:N:EPOCHS (lesson N after EPOCHS epochs); save:N:EPOCHS:FILE (the same,
// then saved to FILE); open:FILE (a saved session opened, not trained). The page is driven
// only through its public API, as a user drives it through the controls; training runs a fixed
// number of epochs, so every run gives the same picture.

#include <QApplication>
#include <QCheckBox>
#include <QCursor>
#include <QElapsedTimer>
#include <QImage>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "activations/registry.h"
#include "classroom/language_manager.h"
#include "classroom/main_window.h"
#include "classroom/presentation_mode.h"
#include "classroom/session_controller.h"
#include "common/app_settings.h"
#include "common/formula_editor.h"
#include "explorer/explorer_page.h"
#include "explorer/explorer_state.h"
#include "network/code_export_dialog.h"
#include "network/compare_view.h"
#include "network/formula_dialog.h"
#include "network/layer_controls.h"
#include "network/network_page.h"
#include "network/session_edits.h"
#include "network/why_operating_points.h"
#include "network/why_view.h"
#include "nn/session.h"
#include "sweeps/sweep_page.h"

using namespace actlab;
using namespace actlab::ui;

namespace {

void settle(int rounds = 10) {
    for (int i = 0; i < rounds; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

/// Trains exactly `epochs` epochs and waits until the page shows the result.
bool train(NetworkPage* page, int epochs) {
    const int target = page->epoch() + epochs;
    page->trainEpochs(epochs);
    QElapsedTimer timer;
    timer.start();
    while ((page->epoch() < target || page->isPlaying()) && timer.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return page->epoch() >= target;
}

nn::LayerSpec layer(int neurons, const char* id) {
    return {neurons, id, activation(id).defaults(), nn::PReluMode::PerLayer};
}

/// The widget the picture shows: the window, or a dialog a scene opened.
QWidget* g_shown = nullptr;

bool setUp(const std::string& scene, MainWindow& window) {
    if (scene.rfind("pytorch:", 0) == 0) {  // the PyTorch export dialog of lesson N after EPOCHS
        auto* page = window.networkPage();
        const std::size_t colon = scene.find(':', 8);
        if (colon == std::string::npos) return false;
        if (!window.openLesson(std::atoi(scene.c_str() + 8)).isEmpty()) return false;
        if (!train(page, std::atoi(scene.c_str() + colon + 1))) return false;
        g_shown = page->openCodeExport(false);
        return true;
    }
    if (scene.rfind("sweep;", 0) == 0) {
        // sweep;KEY=SPEC[|KEY=SPEC];SEEDS;EPOCHS[;METRIC][;zh][;present]: the Sweeps page after that sweep
        // of the default experiment.
        std::vector<std::string> parts;
        for (std::size_t at = 6, next; at != std::string::npos; at = next) {
            next = scene.find(';', at);
            parts.push_back(scene.substr(at, next == std::string::npos ? next : next - at));
            if (next != std::string::npos) ++next;
        }
        if (parts.size() < 3) return false;
        if (parts.back() == "present") {  // presentation mode on the projector theme
            window.setTheme(QStringLiteral("contrast"));
            window.presentation()->setOn(true);
            parts.pop_back();
        }
        if (parts.back() == "zh") {
            window.setLanguage(QStringLiteral("zh_CN"));
            parts.pop_back();
        }
        sweep::SweepSettings settings;
        for (std::size_t at = 0, next; at != std::string::npos; at = next) {
            next = parts[0].find('|', at);
            const std::string vary =
                parts[0].substr(at, next == std::string::npos ? next : next - at);
            if (next != std::string::npos) ++next;
            const std::size_t eq = vary.find('=');
            if (eq == std::string::npos) return false;
            settings.vary.push_back({vary.substr(0, eq), vary.substr(eq + 1)});
        }
        settings.seeds = std::atoi(parts[1].c_str());
        settings.epochs = std::atoi(parts[2].c_str());
        settings.target = {sweep::TargetMetric::TestAccuracy, 0.9};
        SweepPage* sweeps = window.sweepPage();
        window.pages()->setCurrentWidget(sweeps);
        sweeps->setSettings(settings);
        settle();
        if (!sweeps->startSweep().isEmpty()) return false;
        QElapsedTimer timer;
        timer.start();
        while (sweeps->isRunning() && timer.elapsed() < 300000) settle(1);
        if (parts.size() > 3) {
            const std::string m = parts[3];
            for (sweep::Metric metric :
                 {sweep::Metric::TestLoss, sweep::Metric::TestAccuracy, sweep::Metric::TrainLoss,
                  sweep::Metric::EpochsToTarget, sweep::Metric::DeadPercent})
                if (sweep::metricId(metric) == m) sweeps->setShownMetric(metric);
        }
        settle(20);
        return !sweeps->isRunning();
    }
    NetworkPage* page = window.networkPage();
    if (scene == "lesson_zh") {
        // Lesson 2 (dying ReLU) in Chinese with its explanation, after 150 epochs.
        window.setLanguage(QStringLiteral("zh_CN"));
        if (!window.openLesson(2).isEmpty()) return false;
        settle();
        return train(page, 150);
    }
    if (scene == "presentation") {
        // Presentation mode on the projector theme: GELU with f, f′ and f″.
        window.setTheme(QStringLiteral("contrast"));
        window.pages()->setCurrentWidget(window.explorerPage());
        window.explorerPage()->selectActivation(QStringLiteral("gelu"));
        window.explorerState()->setShowD2f(true);
        window.presentation()->setOn(true);
        settle(30);
        return true;
    }
    if (scene.rfind("lesson:", 0) == 0) {
        // lesson:N:EPOCHS: lesson N (1 is the first), trained EPOCHS epochs, as a class sees it
        // after pressing Play and waiting.
        const std::size_t colon = scene.find(':', 7);
        if (colon == std::string::npos) return false;
        if (!window.openLesson(std::atoi(scene.c_str() + 7)).isEmpty()) return false;
        settle();
        return train(page, std::atoi(scene.c_str() + colon + 1));
    }
    if (scene.rfind("save:", 0) == 0) {
        // save:N:EPOCHS:FILE: as lesson:N:EPOCHS, then Save As FILE (the window's own save).
        const std::size_t a = scene.find(':', 5), b = scene.find(':', a + 1);
        if (a == std::string::npos || b == std::string::npos) return false;
        if (!window.openLesson(std::atoi(scene.c_str() + 5)).isEmpty()) return false;
        settle();
        if (!train(page, std::atoi(scene.c_str() + a + 1))) return false;
        settle();
        return window.sessionController()->saveTo(QString::fromStdString(scene.substr(b + 1)))
            .isEmpty();
    }
    if (scene == "formula_dialog") {
        // A hidden layer's "Your formula…" dialog, with Snake chosen from its gallery.
        LayerControls* controls = page->layerControls();
        controls->openFormulaDialog();
        if (!controls->formulaDialog()) return false;
        controls->formulaDialog()->editor()->chooseGalleryEntry(QStringLiteral("snake"));
        g_shown = controls->formulaDialog();
        settle();
        return true;
    }
    if (scene.rfind("open:", 0) == 0) {
        // open:FILE: opens a session file as File > Open does, without training.
        const QString error = window.openSession(QString::fromStdString(scene.substr(5)));
        if (!error.isEmpty()) std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
        return error.isEmpty();
    }
    if (scene.rfind("train:", 0) == 0) {
        // train:FILE:EPOCHS[;zh][;present][;zL]: opens a session file and trains it (the view
        // its view.panel names), in Chinese and in presentation mode on the projector theme.
        std::string rest = scene.substr(6);
        bool present = false, zh = false;
        for (const char* suffix : {";present", ";zh", ";present", ";zh"}) {
            const std::string sfx(suffix);
            const std::size_t n = sfx.size();
            if (rest.size() > n && rest.compare(rest.size() - n, n, sfx) == 0) {
                (sfx == ";zh" ? zh : present) = true;
                rest.resize(rest.size() - sfx.size());
            }
        }
        // ;zL (last): then click hidden layer L's operating points, which opens the explorer
        // with "the network's z".
        int zLayer = 0;
        if (const std::size_t z = rest.rfind(";z");
            z != std::string::npos && z + 2 < rest.size() && std::isdigit(rest[z + 2])) {
            zLayer = std::atoi(rest.c_str() + z + 2);
            rest.resize(z);
        }
        const std::size_t colon = rest.rfind(':');
        if (colon == std::string::npos || colon == 0) return false;
        if (zh) window.setLanguage(QStringLiteral("zh_CN"));
        const QString error = window.openSession(QString::fromStdString(rest.substr(0, colon)));
        if (!error.isEmpty()) std::fprintf(stderr, "%s\n", error.toLocal8Bit().constData());
        if (!error.isEmpty() || !train(page, std::atoi(rest.c_str() + colon + 1))) return false;
        if (present) {
            window.setTheme(QStringLiteral("contrast"));
            window.presentation()->setOn(true);
            settle(30);
        }
        if (zLayer > 0) {
            OperatingPointsPanel* points = page->whyView()->operatingPoints();
            if (zLayer > points->plotCount()) return false;
            QWidget* plot = points->plot(zLayer - 1);
            QTest::mouseClick(plot, Qt::LeftButton, {}, plot->rect().center());
            settle(30);
        }
        return true;
    }
    nn::Session s = edits::defaultSession();
    if (scene == "circle_tanh") {
        // TensorFlow Playground's default experiment, after 300 epochs.
        s.generator.noisePercent = 10;
        s.view.epochsPerFrame = 10;
        if (!page->applySession(s).isEmpty()) return false;
        page->selectLayer(0);
        return train(page, 300);
    }
    if (scene == "spiral_relu") {
        // Playground's deep spiral: only x₁ and x₂, six ReLU layers of 8.
        s.generator.kind = nn::DatasetKind::Spiral;
        s.network.hidden.assign(6, layer(8, "relu"));
        s.init = nn::InitKind::He;
        s.training.optimizer = nn::OptimizerKind::Adam;
        s.training.learningRate = 0.003;
        s.view.epochsPerFrame = 20;
        if (!page->applySession(s).isEmpty()) return false;
        page->selectLayer(2);
        return train(page, 1200);
    }
    if (scene == "compare_xor") {
        s.generator.kind = nn::DatasetKind::Xor;
        s.generator.noisePercent = 0;
        s.network.hidden = {layer(6, "tanh"), layer(6, "tanh")};
        s.init = nn::InitKind::Xavier;
        s.training.learningRate = 0.03;
        for (const std::string& id : edits::classicEight()) s.compare.push_back(id);
        s.view.epochsPerFrame = 10;
        if (!page->applySession(s).isEmpty()) return false;
        page->compareView()->logScaleBox()->setChecked(true);  // small differences show
        return train(page, 300);
    }
    if (scene == "health_sigmoid_relu") {
        s.generator.kind = nn::DatasetKind::Circle;
        s.network.hidden.assign(6, layer(8, "sigmoid"));
        s.init = nn::InitKind::Xavier;
        s.training.learningRate = 0.03;
        s.compare = {"sigmoid", "relu"};
        s.view.panel = "health";
        s.view.epochsPerFrame = 5;
        if (!page->applySession(s).isEmpty()) return false;
        return train(page, 200);
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 5) {
        std::fprintf(stderr,
                     "usage: %s circle_tanh|spiral_relu|compare_xor|health_sigmoid_relu|lesson_zh|"
                     "presentation|lesson:N:EPOCHS|save:N:EPOCHS:FILE|open:FILE|train:FILE:EPOCHS|pytorch:N:EPOCHS OUT.png "
                     "[WIDTH HEIGHT]\n",
                     argv[0]);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName("Activation Lab");
    LanguageManager::setupFonts();
    LanguageManager::setupNumberFormat();
    const int width = argc == 5 ? std::atoi(argv[3]) : 1600;
    const int height = argc == 5 ? std::atoi(argv[4]) : 1000;

    // Fresh settings, so what the user last did does not leak into the picture.
    QTemporaryDir dir;
    MainWindow window(new AppSettings(dir.filePath("settings.ini")));
    QCursor::setPos(width - 1, height - 1);  // no hover effects in the picture
    window.resize(width, height);
    window.show();
    window.pages()->setCurrentWidget(window.networkPage());
    settle();
    if (!setUp(argv[1], window)) {
        std::fprintf(stderr, "scene '%s' failed or is unknown\n", argv[1]);
        return 2;
    }
    settle(20);
    const QImage image = (g_shown ? g_shown : &window)->grab().toImage();
    if (!image.save(QString::fromLocal8Bit(argv[2]))) {
        std::fprintf(stderr, "could not write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
