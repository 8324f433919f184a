#pragma once
// Saving what the explorer shows: the plot as PNG (with a scale factor), SVG or PDF, the curve
// samples as CSV in exactly the format of `activation-lab eval`, and the plot image to the
// clipboard. Every function reports failure with a message instead of throwing.

#include <QCoreApplication>
#include <QString>
#include <functional>

#include "activations/activation_call.h"

class QCustomPlot;
class QIODevice;
class QWidget;

namespace actlab::ui {

/// Plot and curve export.
class PlotExport {
    Q_DECLARE_TR_FUNCTIONS(PlotExport)
public:
    enum class Format { Png, Svg, Pdf };

    /// The format a file name asks for by its suffix, if it is one of ours.
    static bool formatFromPath(const QString& path, Format* format);
    /// Writes the file at `path` through QSaveFile: `write` fills the device, and the file
    /// replaces any old one only when `write` succeeded and everything reached the disk, so a
    /// failed or interrupted save never leaves a half-written file. "" or the message.
    static QString saveFile(const QString& path, const std::function<bool(QIODevice&)>& write);

    /// Writes the plot at its on-screen size; PNGs are `scale` times larger (1 to 4).
    /// Returns an empty string on success, else a message for the user.
    static QString savePlot(QCustomPlot* plot, const QString& path, Format format,
                            double scale = 1.0);
    /// Writes a whole view (a panel of several plots and labels) as it is drawn on screen: PNG
    /// `scale` times larger (1 to 4), or SVG and PDF with the widgets painted as vectors.
    /// "" on success, else a message for the user.
    static QString saveWidget(QWidget* widget, const QString& path, Format format,
                              double scale = 1.0);
    /// Writes `n` samples of `call` on [xMin, xMax] with writeCurveCsv: the rows of
    /// `activation-lab eval --activation … --range xMin:xMax:n`. "" on success, else a message.
    static QString saveCurveCsv(const ActivationCall& call, double xMin, double xMax, int n,
                                const QString& path);
    /// The CSV text saveCurveCsv writes.
    static QByteArray curveCsv(const ActivationCall& call, double xMin, double xMax, int n);
    /// Puts the plot on the clipboard as an image, `scale` times its on-screen size.
    static void copyToClipboard(QCustomPlot* plot, double scale = 1.0);
};

}  // namespace actlab::ui
