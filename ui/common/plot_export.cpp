#include "common/plot_export.h"

#include <qcustomplot.h>

#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QWidget>
#include <QSaveFile>
#include <QSvgGenerator>
#include <cerrno>
#include <cstring>
#include <functional>
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

QString PlotExport::saveFile(const QString& path, const std::function<bool(QIODevice&)>& write) {
    const auto failed = [&](const QString& why) {
        return PlotExport::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), why);
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return failed(file.errorString());
    // The buffer is flushed and checked here: Qt 6.4's commit() renames the file into place even
    // when that flush failed (a full disk, EFBIG), leaving a truncated file.
    errno = 0;
    if (!write(file) || !file.flush()) {
        // The reason first: cancelling replaces it with "canceled by application". A buffered
        // write that the system refused leaves Qt's error unset, but errno says why.
        const int systemError = errno;
        const QString why =
            file.error() != QFileDevice::NoError ? file.errorString()
            : systemError != 0 ? QString::fromLocal8Bit(std::strerror(systemError))
                               : PlotExport::tr("the picture could not be drawn");
        file.cancelWriting();
        return failed(why);
    }
    if (!file.commit()) return failed(file.errorString());
    return {};
}

namespace {

/// A vector painting of `w` × `h` points into `device` as PDF.
bool paintPdf(QIODevice& device, QSizeF size, const QString& title,
              const std::function<bool(QPainter&, double)>& paint) {
    QPdfWriter pdf(&device);
    pdf.setTitle(title);
    pdf.setCreator(PlotExport::tr("Activation Lab"));
    pdf.setResolution(96);
    pdf.setPageSize(QPageSize(size, QPageSize::Point));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QCPPainter painter;
    if (!painter.begin(&pdf)) return false;
    // Fit the content to the page whatever the writer's resolution.
    const double s = std::min(pdf.width() / size.width(), pdf.height() / size.height());
    const bool ok = paint(painter, s);
    return painter.end() && ok;
}

/// A vector painting of `size` into `device` as SVG.
bool paintSvg(QIODevice& device, QSize size, const QString& title,
              const std::function<void(QCPPainter&)>& paint) {
    QSvgGenerator svg;
    svg.setOutputDevice(&device);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(PlotExport::tr("Exported from Activation Lab"));
    QCPPainter painter;
    if (!painter.begin(&svg)) return false;
    paint(painter);
    return painter.end();
}

/// Vector output of a plot: whole polylines (not segments), no pixmap caches, real widths.
void vectorMode(QCPPainter& painter) {
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
}

}  // namespace

QString PlotExport::savePlot(QCustomPlot* plot, const QString& path, Format format, double scale) {
    if (!plot) return tr("There is no plot to save.");
    const int w = std::max(plot->width(), 1), h = std::max(plot->height(), 1);
    if (format == Format::Png && !(scale >= 1 && scale <= 4))
        return tr("The PNG scale must be between 1 and 4.");
    return saveFile(path, [&](QIODevice& device) {
        switch (format) {
            case Format::Png:
                return plot->toPixmap(w, h, scale).save(&device, "PNG");
            case Format::Pdf:
                return paintPdf(device, QSizeF(w, h), tr("Activation Lab plot"),
                                [&](QPainter& painter, double s) {
                                    auto& p = static_cast<QCPPainter&>(painter);
                                    vectorMode(p);
                                    p.scale(s, s);
                                    plot->toPainter(&p, w, h);
                                    return true;
                                });
            case Format::Svg:
                return paintSvg(device, QSize(w, h), tr("Activation Lab plot"),
                                [&](QCPPainter& painter) {
                                    vectorMode(painter);
                                    plot->toPainter(&painter, w, h);
                                });
        }
        return false;
    });
}

QString PlotExport::saveWidget(QWidget* widget, const QString& path, Format format, double scale) {
    if (!widget) return tr("There is nothing to save.");
    const QSize size(std::max(widget->width(), 1), std::max(widget->height(), 1));
    if (format == Format::Png && !(scale >= 1 && scale <= 4))
        return tr("The PNG scale must be between 1 and 4.");
    return saveFile(path, [&](QIODevice& device) {
        switch (format) {
            case Format::Png: {
                QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
                image.setDevicePixelRatio(scale);
                image.fill(widget->palette().color(QPalette::Window));
                widget->render(&image);
                return image.save(&device, "PNG");
            }
            case Format::Svg:
                return paintSvg(device, size, tr("Activation Lab view"),
                                [&](QCPPainter& painter) { widget->render(&painter); });
            case Format::Pdf:
                return paintPdf(device, QSizeF(size), tr("Activation Lab view"),
                                [&](QPainter& painter, double s) {
                                    painter.scale(s, s);
                                    widget->render(&painter);
                                    return true;
                                });
        }
        return false;
    });
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
    const QByteArray text = curveCsv(call, xMin, xMax, n);
    return saveFile(path, [&](QIODevice& device) { return device.write(text) == text.size(); });
}

void PlotExport::copyToClipboard(QCustomPlot* plot, double scale) {
    if (!plot) return;
    QGuiApplication::clipboard()->setImage(
        plot->toPixmap(plot->width(), plot->height(), scale).toImage());
}

}  // namespace actlab::ui
