#include "classroom/figure_export.h"

#include <QBuffer>
#include <QDir>
#include <QFontMetricsF>
#include <QImage>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

#include "activations/registry.h"
#include "common/plot_style.h"
#include "common/qt_text.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_state.h"
#include "network/boundary_plot.h"
#include "network/network_style.h"
#include "nn/contour.h"
#include "nn/features.h"
#include "nn/grid.h"
#include "nn/layer_activation.h"

namespace actlab::ui {

namespace {

/// Grid points per side of an exported map: twice the GUI's, since a slide shows it larger.
constexpr int kGrid = 200;

using DrawPage = std::function<void(QCPPainter&)>;

/// The resolution that PNG pages are painted at (the screen's logical DPI; 96 offscreen). SVG
/// and PDF pages use it too, so that a font of n points takes the same share of the page in
/// every format and the three files show the same layout.
int pageDpi() {
    return QImage(1, 1, QImage::Format_ARGB32_Premultiplied).logicalDpiY();
}

/// Vector output: whole polylines rather than segments, no pixmap caches, and pens with their
/// real widths rather than one device pixel (as PlotExport does for the GUI's exports).
void setVectorModes(QCPPainter& painter) {
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
}

/// Pixels per layout unit. Figures are laid out on a page of about 1600×1000 units and drawn at
/// the requested size, so that text and lines take the same share of the page at any size: a
/// 3200×2000 PNG is the 1600×1000 figure at twice the resolution, not a wider view.
double pixelRatio(QSize size) {
    const double r = std::min(size.width() / double(FigureExport::kDefaultSize.width()),
                              size.height() / double(FigureExport::kDefaultSize.height()));
    return std::clamp(r, 0.5, 8.0);
}

/// The page in layout units.
QSize layoutSize(QSize size) {
    const double r = pixelRatio(size);
    return QSize(int(std::lround(size.width() / r)), int(std::lround(size.height() / r)));
}

/// Draws a page in the page's format and writes it to `path` in one piece. `draw` paints in
/// layout units (layoutSize). "" or a message.
QString writePage(const QString& path, const FigureExport::Page& page, const DrawPage& draw) {
    const QSize size = page.size;
    const QRect rect(QPoint(0, 0), layoutSize(size));
    const QColor background = style::colors().plotBackground;
    const QString title = FigureExport::tr("Activation Lab figure");
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool ok = false;
    switch (page.format) {
        case PlotExport::Format::Png: {
            QImage image(size, QImage::Format_ARGB32_Premultiplied);
            if (image.isNull()) break;  // out of memory for this size
            image.fill(background);
            // The painter works in layout units. Above 1 the image's device pixel ratio does the
            // scaling, so that sprites (the data points), which read the ratio from the device,
            // are drawn sharp; QPainter ignores ratios below 1, which need a scale of their own.
            const double ratio = pixelRatio(size);
            if (ratio > 1) image.setDevicePixelRatio(ratio);
            QCPPainter painter;
            if (!painter.begin(&image)) break;
            if (ratio < 1) painter.scale(ratio, ratio);
            draw(painter);
            painter.end();
            ok = image.save(&buffer, "PNG");
            break;
        }
        case PlotExport::Format::Svg: {
            QSvgGenerator svg;
            svg.setOutputDevice(&buffer);
            svg.setSize(size);
            svg.setViewBox(rect);
            svg.setResolution(pageDpi());
            svg.setTitle(title);
            svg.setDescription(FigureExport::tr("Exported from Activation Lab"));
            QCPPainter painter;
            if (!painter.begin(&svg)) break;
            setVectorModes(painter);
            painter.fillRect(rect, background);
            draw(painter);
            ok = painter.end();
            break;
        }
        case PlotExport::Format::Pdf: {
            QPdfWriter pdf(&buffer);
            pdf.setResolution(pageDpi());
            pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / pageDpi(), QPageSize::Point, QString(),
                                      QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setTitle(title);
            pdf.setCreator(FigureExport::tr("Activation Lab"));
            QCPPainter painter;
            if (!painter.begin(&pdf)) break;
            painter.setWindow(rect);
            setVectorModes(painter);
            painter.fillRect(rect, background);
            draw(painter);
            ok = painter.end();
            break;
        }
    }
    buffer.close();
    if (!ok || bytes.isEmpty())
        return FigureExport::tr("Could not draw a %1×%2 figure.")
            .arg(size.width())
            .arg(size.height());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return FigureExport::tr("Could not write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

/// Gives an off-screen widget its real size: a hidden widget gets its resize event (and with it
/// the plots' layout, such as BoundaryPlot's square) only when shown, and WA_DontShowOnScreen
/// shows it to Qt without a window on any display.
void layOut(QWidget* widget, QSize size) {
    widget->setAttribute(Qt::WA_DontShowOnScreen);
    widget->resize(size);
    widget->show();
}

/// The decision threshold (binary outputs) or the class borders (softmax), as the GUI draws
/// them; regression has no threshold.
void decisionContour(const nn::Mlp& net, int numClasses, std::span<const double> grid, int n,
                     std::vector<nn::ContourSegment>& out) {
    const nn::OutputKind kind = net.spec().output;
    out.clear();
    if (kind == nn::OutputKind::SoftmaxCe)
        nn::classBorderSegments(grid, n, net.spec().outputs, out);
    else if (numClasses == 2)
        nn::contourSegments(grid, n, kind == nn::OutputKind::SigmoidBce ? 0.5 : 0.0, out);
}

/// `font` made smaller, if need be, until `text` fits in `width` (never below 7 points).
QFont fitted(QFont font, const QString& text, double width) {
    while (font.pointSizeF() > 7 && QFontMetricsF(font).horizontalAdvance(text) > width)
        font.setPointSizeF(font.pointSizeF() * 0.92);
    return font;
}

/// One line of text at the top left of `at`, with the font shrunk to fit `width`; returns the
/// line's height.
double drawLine(QPainter& painter, QPointF at, double width, const QString& text, QFont font,
                const QColor& color) {
    font = fitted(font, text, width);
    const QFontMetricsF metrics(font);
    painter.setFont(font);
    painter.setPen(color);
    painter.drawText(QPointF(at.x(), at.y() + metrics.ascent()), text);
    return metrics.height();
}

/// A percentage for a caption: one decimal, "100" only when it rounds there.
QString percent(double fraction) {
    return fraction >= 0.9995 ? QStringLiteral("100") : QString::number(100 * fraction, 'f', 1);
}

/// The caption lines under a network's name: losses, then accuracy. A diverged network says so
/// instead of its accuracy, which is that of an earlier epoch than the figure's. A large single
/// map has a line per number; the small maps of a grid put both losses on one line, with fewer
/// digits, as the GUI's comparison does.
QStringList statsLines(const FigureExport::Network& n, bool hasTest, bool small) {
    const nn::EpochMetrics& m = n.metrics;
    const int digits = small ? 2 : 3;
    QStringList lines;
    if (small && hasTest)
        lines << FigureExport::tr("train loss %1 · test %2")
                     .arg(netstyle::number(m.trainLoss, digits),
                          netstyle::number(m.testLoss, digits));
    else
        lines << FigureExport::tr("train loss %1").arg(netstyle::number(m.trainLoss, digits));
    if (!small && hasTest)
        lines << FigureExport::tr("test loss %1").arg(netstyle::number(m.testLoss, digits));
    const double accuracy = hasTest ? m.testAccuracy : m.trainAccuracy;
    if (n.divergedAt > 0)
        lines << FigureExport::tr("diverged at epoch %1").arg(n.divergedAt);
    else if (!std::isnan(accuracy))
        lines << (hasTest ? FigureExport::tr("test accuracy %1 %")
                          : FigureExport::tr("train accuracy %1 %"))
                     .arg(percent(accuracy));
    return lines;
}

/// `font` scaled down so that the widest of `texts` fits `width` (one size for all of them, so
/// that the captions of a grid match).
QFont fittedAll(QFont font, const QStringList& texts, double width) {
    double widest = 0;
    for (const QString& t : texts)
        widest = std::max(widest, QFontMetricsF(font).horizontalAdvance(t));
    if (widest > width && widest > 0)
        font.setPointSizeF(std::max(7.0, font.pointSizeF() * width / widest * 0.98));
    return font;
}

/// A map of one network, ready to draw: the output grid, its contour and the data.
std::unique_ptr<BoundaryPlot> makeMap(const FigureExport::Network& n, const nn::Dataset& data,
                                      bool compact, QSize size) {
    auto plot = std::make_unique<BoundaryPlot>(compact);
    const nn::NetworkSpec& spec = n.network->spec();
    plot->setOutput(spec.output, spec.outputs);
    std::vector<double> grid(std::size_t(kGrid) * kGrid);
    nn::GridEvaluator().outputGrid(*n.network, kGrid, grid);
    std::vector<nn::ContourSegment> contour;
    decisionContour(*n.network, data.numClasses, grid, kGrid, contour);
    plot->setGrid(grid, kGrid);
    plot->setContour(contour);
    plot->setData(data);
    layOut(plot.get(), size);
    return plot;
}

/// Draws `plot` with its top left corner at `at`, at its widget size.
void drawPlot(QCPPainter& painter, QCustomPlot* plot, QPoint at) {
    painter.save();
    painter.translate(at);
    plot->toPainter(&painter, plot->width(), plot->height());
    painter.restore();
}

}  // namespace

QString FigureExport::activationsLabel(const nn::NetworkSpec& spec, const QString& lang) {
    QStringList names;
    for (const nn::LayerSpec& layer : spec.hidden) {
        const ActivationRef a = nn::layerActivation(layer).row;  // a formula's row too
        if (!a) continue;
        QString name = qs(a->name, lang);
        QStringList values;
        for (std::size_t i = 0; i < a->params.size(); ++i)
            if (!a->params[i].learnable && layer.params[i] != a->params[i].defaultValue)
                values << QStringLiteral("%1 = %2").arg(qs(a->params[i].symbol),
                                                        CurvePlot::formatNumber(layer.params[i]));
        if (!values.isEmpty())
            name += QStringLiteral(" (%1)").arg(values.join(QStringLiteral(", ")));
        if (!names.contains(name)) names << name;
    }
    return names.isEmpty() ? tr("Linear model (no hidden layer)")
                           : names.join(QStringLiteral(", "));
}

QString FigureExport::saveCurveFigure(const ActivationCall& call, bool derivatives,
                                      const QString& path, const Page& page) {
    if (!call.spec) return tr("There is no activation to draw.");
    ExplorerState state;
    if (call.spec->isFormula())
        state.setFormula(call.spec, &call.params);
    else
        state.setActivation(qs(call.spec->id));
    state.setParams(call.params);
    if (!state.isValid()) return state.paramError();
    state.setShowF(true);
    state.setShowDf(derivatives);
    state.setShowD2f(derivatives);
    CurvePlot plot(&state);
    plot.setLanguage(page.lang);
    // Every sample: the figure is drawn once, and vector files keep the exact curve.
    plot.setDecimation(false);
    // A margin all round: in the GUI the plot sits in a panel, on a slide it needs air.
    const int margin = int(std::lround(20 * Appearance::instance().scale()));
    const QSize inner = layoutSize(page.size) - QSize(2 * margin, 2 * margin);
    layOut(&plot, inner);
    plot.resetView();  // y fitted to these parameters' curves
    return writePage(path, page, [&](QCPPainter& painter) {
        drawPlot(painter, &plot, {margin, margin});
    });
}

QString FigureExport::saveBoundaryFigure(const QString& title, int epoch, const nn::Dataset& data,
                                         const std::vector<Network>& networks, const QString& path,
                                         const Page& page) {
    if (networks.empty()) return tr("There is no network to draw.");
    for (const Network& n : networks)
        if (!n.network) return tr("There is no network to draw.");
    const ThemeColors& colors = style::colors();
    const double s = Appearance::instance().scale();
    const QSize size = layoutSize(page.size);
    const int count = int(networks.size());
    const bool single = count == 1;
    const bool hasTest = !data.test.empty();

    // The header: the title, and a line with what every map shares (the members of a
    // comparison differ only in their activations).
    const double margin = std::round(24 * s);
    const QString heading = title.isEmpty() ? tr("Decision boundary") : title;
    const nn::NetworkSpec& shared = networks.front().network->spec();
    QStringList inputs, layers;
    for (nn::Feature f : shared.features) inputs << qs(nn::kFeatures[std::size_t(f)].label);
    for (const nn::LayerSpec& l : shared.hidden) layers << QString::number(l.neurons);
    QStringList facts{tr("Epoch %1").arg(epoch),
                      tr("inputs %1").arg(inputs.join(QStringLiteral(", ")))};
    if (!layers.isEmpty())
        facts << tr("hidden layers of %1 neurons").arg(layers.join(QStringLiteral(", ")));
    const QString subtitle = facts.join(QStringLiteral("  ·  "));
    const double width = size.width() - 2 * margin;
    const QFont titleFont = fittedAll(style::plotFont(24, true), {heading}, width);
    const QFont subtitleFont = fittedAll(style::plotFont(16), {subtitle}, width);
    const double headerHeight = QFontMetricsF(titleFont).height() +
                                QFontMetricsF(subtitleFont).height() + std::round(14 * s);
    const QRectF area(margin, margin + headerHeight, width,
                      size.height() - 2 * margin - headerHeight);

    std::vector<QStringList> stats;
    QStringList names, allStats;
    for (const Network& n : networks) {
        stats.push_back(statsLines(n, hasTest, !single));
        names << n.name;
        allStats << stats.back();
    }
    QFont nameFont = style::plotFont(single ? 24 : 18, true);
    QFont statsFont = style::plotFont(single ? 19 : 14);
    const double gap = std::round(18 * s);
    const double swatchSpace =
        single ? 0 : std::round(QFontMetricsF(nameFont).height() * 0.5 + 8 * s);
    struct Cell {
        QRectF caption;
        QRect map;
    };
    std::vector<Cell> cells;
    if (single) {
        // One network: the map on the left, its caption beside it in large type.
        const int side = int(std::min(area.height(), area.width() * 0.62));
        const QRect map(int(area.left()), int(area.top()), side, side);
        const QRectF caption(map.right() + 2 * gap, area.top(),
                             area.right() - map.right() - 2 * gap, area.height());
        nameFont = fittedAll(nameFont, names, caption.width());
        statsFont = fittedAll(statsFont, allStats, caption.width());
        cells.push_back({caption, map});
    } else {
        // A grid with the columns that make the maps largest, each map under its name and
        // numbers. The fonts shrink (alike) when a caption is wider than its map.
        int columns = 1;
        double side = 0;
        const auto captionHeight = [&] {
            int lines = 0;
            for (const QStringList& l : stats) lines = std::max(lines, int(l.size()));
            return QFontMetricsF(nameFont).height() + lines * QFontMetricsF(statsFont).height() +
                   std::round(6 * s);
        };
        const auto arrange = [&] {
            side = 0;
            for (int c = 1; c <= count; ++c) {
                const int rows = (count + c - 1) / c;
                const double fit =
                    std::min((area.width() - (c - 1) * gap) / c,
                             (area.height() - (rows - 1) * gap) / rows - captionHeight());
                if (fit > side) {
                    side = fit;
                    columns = c;
                }
            }
        };
        arrange();
        nameFont = fittedAll(nameFont, names, side - swatchSpace);
        statsFont = fittedAll(statsFont, allStats, side);
        arrange();  // smaller captions leave more room for the maps
        const int rows = (count + columns - 1) / columns;
        const double cellHeight = captionHeight() + side;
        // The grid is centred in the area.
        const double left = area.left() + (area.width() - columns * side - (columns - 1) * gap) / 2;
        const double top = area.top() + (area.height() - rows * cellHeight - (rows - 1) * gap) / 2;
        for (int k = 0; k < count; ++k) {
            const double x = left + (k % columns) * (side + gap);
            const double y = top + (k / columns) * (cellHeight + gap);
            cells.push_back({QRectF(x, y, side, captionHeight()),
                             QRect(int(x), int(y + captionHeight()), int(side), int(side))});
        }
    }
    if (cells.front().map.width() < 40)
        return tr("The figure is too small for %1 maps.").arg(count);

    // Small maps drop their axes, as in the GUI's comparison; large ones keep the tick labels.
    std::vector<std::unique_ptr<BoundaryPlot>> maps;
    for (int k = 0; k < count; ++k) {
        const QRect r = cells[std::size_t(k)].map;
        maps.push_back(makeMap(networks[std::size_t(k)], data, r.width() < 300 * s, r.size()));
    }

    return writePage(path, page, [&](QCPPainter& painter) {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        double y = margin;
        y += drawLine(painter, {margin, y}, width, heading, titleFont, colors.plotText);
        drawLine(painter, {margin, y + std::round(4 * s)}, width, subtitle, subtitleFont,
                 colors.text2);
        for (int k = 0; k < count; ++k) {
            const Network& n = networks[std::size_t(k)];
            const Cell& cell = cells[std::size_t(k)];
            drawPlot(painter, maps[std::size_t(k)].get(), cell.map.topLeft());
            // Captions line up with the square of the map, not with its widget's margins.
            const QRect square = maps[std::size_t(k)]->axisRect()->rect();
            QRectF caption = cell.caption;
            if (single)
                caption.setTop(cell.map.top() + square.top());
            else
                caption.setLeft(cell.map.left() + square.left());
            double line = caption.top();
            double x = caption.left();
            if (!single) {
                // The network's colour in the GUI's comparison, for recognition.
                const double h = QFontMetricsF(nameFont).height();
                const double box = std::round(h * 0.5);
                painter.fillRect(QRectF(x, line + (h - box) / 2, box, box),
                                 netstyle::memberColor(k));
                x += swatchSpace;
            }
            line += drawLine(painter, {x, line}, caption.right() - x, n.name, nameFont,
                             colors.plotText);
            if (single) line += std::round(10 * s);
            const QStringList& lines = stats[std::size_t(k)];
            for (int i = 0; i < lines.size(); ++i) {
                const bool warning = n.divergedAt > 0 && i == lines.size() - 1;
                line += drawLine(painter, {caption.left(), line}, caption.width(), lines[i],
                                 statsFont, warning ? colors.errorText : colors.text);
                if (single) line += std::round(4 * s);
            }
        }
    });
}

}  // namespace actlab::ui
