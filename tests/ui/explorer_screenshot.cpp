// Renders the main window in a documented state and saves a PNG of it, so the screenshots in
// docs/screenshots can be reproduced:
//
//   xvfb-run -a -s "-screen 0 1600x1000x24" explorer_screenshot SCENE OUT.png [WIDTH HEIGHT]
//
// SCENE is one of: gelu, leaky_relu, compare, all, invalid, chinese. The window is driven only
// through its public API, as a user would drive it through the controls.

#include <QApplication>
#include <QCursor>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QMenu>
#include <QPainter>
#include <QSlider>
#include <QTemporaryDir>
#include <QThread>
#include <QToolButton>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "classroom/language_manager.h"
#include "classroom/main_window.h"
#include "common/app_settings.h"
#include "common/parameter_panel.h"
#include "common/parameter_slider.h"
#include "common/formula_editor.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_page.h"
#include "explorer/propagation_view.h"
#include "explorer/explorer_state.h"

using namespace actlab::ui;

namespace {

void settle() {
    for (int i = 0; i < 10; ++i) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(10);
    }
}

/// Moves a parameter's slider the way a drag does: press, move, release.
void dragSlider(ParameterSlider* slider, double value) {
    QSlider* s = slider->slider();
    s->setSliderDown(true);
    s->setSliderPosition(slider->tickFor(value));
    s->setSliderDown(false);
}

bool setUp(const std::string& scene, MainWindow& window) {
    ExplorerPage* page = window.explorerPage();
    ExplorerState* state = page->state();
    if (scene == "gelu") {
        page->selectActivation("gelu");
        state->setShowD2f(true);
        state->setVanishingZoneShown(true);
        state->setEpsilon(0.05);
        settle();
        page->plot()->showCrosshairAt(1.0);
    } else if (scene == "leaky_relu") {
        page->selectActivation("leaky_relu");
        state->pinCurrent();  // the default slope 0.01 as the reference
        dragSlider(page->parameterPanel()->slider(QStringLiteral("negative_slope")), 0.2);
        settle();
        page->plot()->showCrosshairAt(-3.0);
    } else if (scene == "compare") {
        page->selectActivation("gelu");
        for (const char* id : {"sigmoid", "tanh", "relu"}) state->setCompared(id, true);
        state->setXRange(-4, 4);
        settle();
        page->plot()->showCrosshairAt(-2.0);
    } else if (scene == "all") {
        page->selectActivation("elu");
        page->showAllActivations(true);
    } else if (scene.rfind("propagation:", 0) == 0) {
        // propagation:ID[:SIGMA_W2:SIGMA_B2[:zh]]: the signal-propagation view, once computed.
        std::vector<std::string> parts;
        for (std::size_t at = 0, next; at != std::string::npos; at = next) {
            next = scene.find(':', at);
            parts.push_back(scene.substr(at, next == std::string::npos ? next : next - at));
            if (next != std::string::npos) ++next;
        }
        if (parts.size() > 4 && parts[4] == "zh") window.setLanguage("zh_CN");
        if (!page->selectActivation(QString::fromStdString(parts[1]))) return false;
        page->showPropagation(true);
        PropagationView* view = page->propagationView();
        if (parts.size() > 3)
            view->setVariances({std::atof(parts[2].c_str()), std::atof(parts[3].c_str())});
        QElapsedTimer timer;
        timer.start();
        while (!view->isUpToDate() && timer.elapsed() < 60000) settle();
        if (!view->isUpToDate()) return false;
    } else if (scene.rfind("formula:", 0) == 0 || scene == "gallery" || scene == "gallery:zh") {
        // formula:TEXT: the formula typed, f″ and the crosshair on; gallery[:zh]: Swish-β
        // chosen from the gallery, with the gallery's menu open over the window.
        const bool gallery = scene.rfind("gallery", 0) == 0;
        if (scene == "gallery:zh") window.setLanguage("zh_CN");
        state->setShowD2f(true);
        state->setVanishingZoneShown(true);
        state->setEpsilon(0.05);
        if (gallery) {
            page->formulaEditor()->chooseGalleryEntry(QStringLiteral("swish_beta"));
        } else if (!page->typeFormula(QString::fromStdString(scene.substr(8))).isEmpty()) {
            return false;
        }
        settle();
        page->plot()->showCrosshairAt(-1.5);
        if (gallery) {
            QToolButton* button = page->formulaEditor()->galleryButton();
            page->formulaEditor()->galleryMenu()->popup(
                button->mapToGlobal(QPoint(0, button->height())));
        }
    } else if (scene == "invalid") {
        page->selectActivation("hardtanh");
        page->setParameter("min_val", 2.0);
    } else if (scene == "chinese") {
        window.setLanguage("zh_CN");
        page->selectActivation("sigmoid");
        state->setVanishingZoneShown(true);
        settle();
        page->plot()->showCrosshairAt(2.0);
    } else {
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3 && argc != 5) {
        std::fprintf(stderr,
                     "usage: %s gelu|leaky_relu|compare|all|invalid|chinese|propagation:ID[:W2:B2[:zh]]|"
                     "formula:TEXT|gallery[:zh] OUT.png "
                     "[WIDTH HEIGHT]\n",
                     argv[0]);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName("Activation Lab");
    LanguageManager::setupFonts();  // the fonts of the real application
    LanguageManager::setupNumberFormat();
    const int width = argc == 5 ? std::atoi(argv[3]) : 1600;
    const int height = argc == 5 ? std::atoi(argv[4]) : 1000;

    // Fresh settings, so what the user last did does not leak into the picture.
    QTemporaryDir dir;
    MainWindow window(new AppSettings(dir.filePath("settings.ini")));
    QCursor::setPos(width - 1, height - 1);  // no hover effects in the picture
    window.resize(width, height);
    window.show();
    settle();
    if (!setUp(argv[1], window)) {
        std::fprintf(stderr, "unknown scene '%s'\n", argv[1]);
        return 2;
    }
    settle();
    window.explorerPage()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    settle();
    QImage image = window.grab().toImage();
    if (QWidget* popup = QApplication::activePopupWidget()) {
        // An open menu is a window of its own: drawn over the picture where it stands.
        QPainter painter(&image);
        painter.drawImage(QPointF(window.mapFromGlobal(popup->pos())), popup->grab().toImage());
    }
    if (!image.save(QString::fromLocal8Bit(argv[2]))) {
        std::fprintf(stderr, "could not write %s\n", argv[2]);
        return 1;
    }
    std::printf("%s: %dx%d\n", argv[2], image.width(), image.height());
    return 0;
}
