#include "plot_export.h"

#include <qcustomplot.h>

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>
#include <QSvgGenerator>
#include <sstream>

#include "activations/curve.h"
#include "qt_text.h"

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
