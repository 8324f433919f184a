#pragma once
// Figures for slides, drawn without a window: the explorer's curve plot of one activation, and
// the decision boundaries of trained networks (one map, or a grid of small maps for a comparison)
// with a caption. `activation-lab export` uses them; they draw with the widgets the GUI shows, so
// a slide looks like the app. PNG, SVG and PDF come from the same drawing, and the file is
// written atomically (QSaveFile): a failed export never leaves a partial file behind.

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <vector>

#include "activations/activation_call.h"
#include "common/plot_export.h"
#include "nn/dataset.h"
#include "nn/network.h"
#include "nn/trainer.h"

namespace actlab::ui {

/// Headless figure export.
class FigureExport {
    Q_DECLARE_TR_FUNCTIONS(FigureExport)
public:
    /// The default page: 16:10, the shape of most classroom projectors.
    static constexpr QSize kDefaultSize{1600, 1000};
    /// Each side of the page, in pixels (PNG) or the same units (SVG, PDF).
    static constexpr int kMinSide = 200;
    static constexpr int kMaxSide = 8000;

    /// The page of a figure. Colours and the scale of fonts and lines are Appearance's: set its
    /// theme and scale before saving.
    struct Page {
        QSize size = kDefaultSize;
        QString lang = QStringLiteral("en");  ///< registry names: "en" or "zh_CN"
        PlotExport::Format format = PlotExport::Format::Png;
    };

    /// One trained network of a boundary figure.
    struct Network {
        QString name;                      ///< what the caption calls it (its activations)
        const nn::Mlp* network = nullptr;  ///< not owned
        nn::EpochMetrics metrics;          ///< of the epoch shown
        int divergedAt = 0;                ///< the epoch that diverged (the map shows the one
                                           ///< before it), or 0
    };

    /// What a caption calls a network: the distinct activations of its hidden layers in `lang`,
    /// with the parameters that differ from the defaults ("Tanh, Leaky ReLU (a = 0.2)").
    static QString activationsLabel(const nn::NetworkSpec& spec, const QString& lang);

    /// The explorer's plot of `call` (f; with `derivatives` also f′ and f″), titled with the
    /// activation's name and parameters. "" on success, else a message.
    static QString saveCurveFigure(const ActivationCall& call, bool derivatives,
                                   const QString& path, const Page& page);

    /// The decision boundaries of `networks` (one map, or a grid of small maps) over `data`,
    /// under `title` ("Decision boundary" when empty) and a line with the epoch; each map is
    /// captioned with its network's name, losses and accuracy. "" on success, else a message.
    static QString saveBoundaryFigure(const QString& title, int epoch, const nn::Dataset& data,
                                      const std::vector<Network>& networks, const QString& path,
                                      const Page& page);
};

}  // namespace actlab::ui
