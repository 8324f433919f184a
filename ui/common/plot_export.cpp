#include "common/plot_export.h"

#include <qcustomplot.h>

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QWidget>
#include <QSaveFile>
#include <QSvgGenerator>
#include <sstream>

#include "activations/curve.h"
#include "common/qt_text.h"

namespace actlab::ui {

bool PlotExport::formatFromPath(const QString& path, Format* format) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        *format = Format::Png;
    else if (suffix == QLatin1String("svg"))
        *format = Format::Svg;
    else if (suffix == QLatin1String("pdf"))
        *format = Format::Pdf;
    else
        return false;
    return true;
}

QString PlotExport::savePlot(QCustomPlot* plot, const QString& path, Format format, double scale) {
    if (!plot) return tr("There is no plot to save.");
    const int w = std::max(plot->width(), 1), h = std::max(plot->height(), 1);
    bool ok = false;
    switch (format) {
        case Format::Png:
            if (!(scale >= 1 && scale <= 4)) return tr("The PNG scale must be between 1 and 4.");
            ok = plot->savePng(path, w, h, scale);
            break;
        case Format::Pdf:
            ok = plot->savePdf(path, w, h, QCP::epNoCosmetic, tr("Activation Lab"),
                               tr("Activation Lab plot"));
            break;
        case Format::Svg: {
            QSvgGenerator svg;
            svg.setFileName(path);
            svg.setSize(QSize(w, h));
            svg.setViewBox(QRect(0, 0, w, h));
            svg.setTitle(tr("Activation Lab plot"));
            svg.setDescription(tr("Exported from Activation Lab"));
            QCPPainter painter;
            ok = painter.begin(&svg);
            if (ok) {
                // Vector output: whole polylines (not segments), no pixmap caches, real widths.
                painter.setMode(QCPPainter::pmVectorized);
                painter.setMode(QCPPainter::pmNoCaching);
                painter.setMode(QCPPainter::pmNonCosmetic);
                plot->toPainter(&painter, w, h);
                ok = painter.end();
            }
            // QSvgGenerator reports no write errors; check that the file arrived.
            ok = ok && QFileInfo(path).size() > 0;
            break;
        }
    }
    return ok ? QString() : tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
}

QString PlotExport::saveWidget(QWidget* widget, const QString& path, Format format, double scale) {
    if (!widget) return tr("There is nothing to save.");
    const QSize size(std::max(widget->width(), 1), std::max(widget->height(), 1));
    bool ok = false;
    switch (format) {
        case Format::Png: {
            if (!(scale >= 1 && scale <= 4)) return tr("The PNG scale must be between 1 and 4.");
            QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
            image.setDevicePixelRatio(scale);
            image.fill(widget->palette().color(QPalette::Window));
            widget->render(&image);
            ok = image.save(path, "PNG");
            break;
        }
        case Format::Svg: {
            QSvgGenerator svg;
            svg.setFileName(path);
            svg.setSize(size);
            svg.setViewBox(QRect(QPoint(0, 0), size));
            svg.setTitle(tr("Activation Lab view"));
            svg.setDescription(tr("Exported from Activation Lab"));
            QPainter painter;
            ok = painter.begin(&svg);
            if (ok) {
                widget->render(&painter);
                ok = painter.end();
            }
            ok = ok && QFileInfo(path).size() > 0;
            break;
        }
        case Format::Pdf: {
            QPdfWriter pdf(path);
            pdf.setTitle(tr("Activation Lab view"));
            pdf.setCreator(tr("Activation Lab"));
            pdf.setResolution(96);
            pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            QPainter painter;
            ok = painter.begin(&pdf);
            if (ok) {
                // Fit the widget's pixels to the page whatever the writer's resolution.
                const double s = std::min(pdf.width() / double(size.width()),
                                          pdf.height() / double(size.height()));
                painter.scale(s, s);
                widget->render(&painter);
                ok = painter.end();
            }
            ok = ok && QFileInfo(path).size() > 0;
            break;
        }
    }
    return ok ? QString() : tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
}

QByteArray PlotExport::curveCsv(const ActivationCall& call, double xMin, double xMax, int n) {
    const Curve curve = sampleCurve(call, xMin, xMax, static_cast<std::size_t>(n));
    std::ostringstream out;
    writeCurveCsv(out, call, curve);
    const std::string text = out.str();
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QString PlotExport::saveCurveCsv(const ActivationCall& call, double xMin, double xMax, int n,
                                 const QString& path) {
    if (!call.spec) return tr("There is no curve to save.");
    if (const std::string problem = checkParams(*call.spec, call.params); !problem.empty())
        return tr("The curve has no data: %1.").arg(qs(problem));
    if (n < 1) return tr("There are no points to save.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    file.write(curveCsv(call, xMin, xMax, n));
    if (!file.commit())
        return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void PlotExport::copyToClipboard(QCustomPlot* plot, double scale) {
    if (!plot) return;
    QGuiApplication::clipboard()->setImage(
        plot->toPixmap(plot->width(), plot->height(), scale).toImage());
}

}  // namespace actlab::ui
