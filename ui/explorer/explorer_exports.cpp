#include "explorer/explorer_exports.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QStandardPaths>
#include <QWidget>

#include "common/qt_text.h"
#include "explorer/curve_plot.h"
#include "explorer/explorer_state.h"

namespace actlab::ui {

namespace {

/// The desktop theme's icon, or none: every action also has a text, which stays the fallback.
QIcon themeIcon(const char* name) {
    return QIcon::fromTheme(QString::fromLatin1(name), QIcon());
}

}  // namespace

ExplorerExports::ExplorerExports(CurvePlot* plot, ExplorerState* state, QWidget* dialogParent)
    : QObject(dialogParent),
      m_plot(plot),
      m_state(state),
      m_dialogParent(dialogParent),
      // Ctrl+S saves the session; the plot and its data are exported through File ▸ Export.
      m_exportPlot(new QAction(themeIcon("document-save-as"), QString(), this)),
      m_exportCsv(new QAction(themeIcon("text-csv"), QString(), this)),
      m_copyImage(new QAction(themeIcon("edit-copy"), QString(), this)) {
    // Ctrl+C copies the plot; a focused text field or selectable text keeps Ctrl+C for itself.
    m_copyImage->setShortcut(QKeySequence::Copy);
    connect(m_exportPlot, &QAction::triggered, this, &ExplorerExports::exportPlotWithDialog);
    connect(m_exportCsv, &QAction::triggered, this, &ExplorerExports::exportCsvWithDialog);
    connect(m_copyImage, &QAction::triggered, this, &ExplorerExports::copyPlotImage);
}

QString ExplorerExports::exportPlot(const QString& path, PlotExport::Format format, double scale) {
    // An export always shows the settled, antialiased plot.
    m_plot->setLiveUpdate(false);
    const QString error = PlotExport::savePlot(m_plot, path, format, scale);
    emit statusMessage(
        error.isEmpty() ? tr("Saved the plot to %1.").arg(QDir::toNativeSeparators(path)) : error,
        error.isEmpty() ? 5000 : 8000);
    return error;
}

QString ExplorerExports::exportCsv(const QString& path) {
    const QString error = PlotExport::saveCurveCsv(
        m_state->call(), m_state->xMin(), m_state->xMax(), ExplorerState::kSampleCount, path);
    emit statusMessage(error.isEmpty() ? tr("Saved %1 points to %2.")
                                             .arg(ExplorerState::kSampleCount)
                                             .arg(QDir::toNativeSeparators(path))
                                       : error,
                       error.isEmpty() ? 5000 : 8000);
    return error;
}

void ExplorerExports::copyPlotImage() {
    m_plot->setLiveUpdate(false);
    PlotExport::copyToClipboard(m_plot, m_dialogParent->devicePixelRatioF());
    emit statusMessage(tr("Copied the plot image to the clipboard."), 3000);
}

void ExplorerExports::exportPlotWithDialog() {
    const QString png = tr("PNG image, %1× (*.png)").arg(m_pngScale);
    const QString svg = tr("SVG vector image (*.svg)");
    const QString pdf = tr("PDF document (*.pdf)");
    QString filter = png;
    const QString dir = m_lastDir.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                            : m_lastDir;
    QString path = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Export Plot"),
        QDir(dir).filePath(qs(m_state->spec().id) + QStringLiteral(".png")),
        QStringList{png, svg, pdf}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) return;
    PlotExport::Format format;
    if (!PlotExport::formatFromPath(path, &format)) {
        format = filter == svg   ? PlotExport::Format::Svg
                 : filter == pdf ? PlotExport::Format::Pdf
                                 : PlotExport::Format::Png;
        path += format == PlotExport::Format::Svg   ? QStringLiteral(".svg")
                : format == PlotExport::Format::Pdf ? QStringLiteral(".pdf")
                                                    : QStringLiteral(".png");
    }
    m_lastDir = QFileInfo(path).absolutePath();
    const QString error = exportPlot(path, format, m_pngScale);
    if (!error.isEmpty()) QMessageBox::warning(m_dialogParent, tr("Export Plot"), error);
}

void ExplorerExports::exportCsvWithDialog() {
    if (!m_state->isValid()) {
        QMessageBox::information(m_dialogParent, tr("Export Curve Data"),
                                 tr("The current parameters are not accepted (%1), so there is no "
                                    "curve to save.")
                                     .arg(m_state->paramError()));
        return;
    }
    const QString dir = m_lastDir.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                            : m_lastDir;
    QString path = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Export Curve Data"),
        QDir(dir).filePath(qs(m_state->spec().id) + QStringLiteral(".csv")),
        tr("CSV table (*.csv)"));
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".csv");
    m_lastDir = QFileInfo(path).absolutePath();
    const QString error = exportCsv(path);
    if (!error.isEmpty()) QMessageBox::warning(m_dialogParent, tr("Export Curve Data"), error);
}

void ExplorerExports::retranslate() {
    m_exportPlot->setText(tr("Export Plot…"));
    m_exportPlot->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    m_exportCsv->setText(tr("Export Curve Data (CSV)…"));
    m_exportCsv->setToolTip(
        tr("Save x, f, f\u2032 and f\u2033 of the current curve as a CSV table"));
    m_copyImage->setText(tr("Copy Plot Image"));
    m_copyImage->setToolTip(tr("Copy the plot to the clipboard as an image"));
}

}  // namespace actlab::ui
