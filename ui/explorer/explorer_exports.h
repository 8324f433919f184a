#pragma once
// The explorer's figures and data: the plot as PNG, SVG or PDF, the curve as CSV (the columns of
// `eval`), and the plot copied to the clipboard, from the File ▸ Export menu or headless.

#include <QObject>
#include <QString>

#include "common/plot_export.h"

class QAction;
class QWidget;

namespace actlab::ui {

class CurvePlot;
class ExplorerState;

/// Saves the explorer's plot and curve.
class ExplorerExports : public QObject {
    Q_OBJECT
public:
    /// Dialogs open over `dialogParent`, which also owns this object.
    ExplorerExports(CurvePlot* plot, ExplorerState* state, QWidget* dialogParent);

    /// Saves the plot; "" or a message (also shown in the status bar).
    QString exportPlot(const QString& path, PlotExport::Format format, double scale = 1.0);
    /// Saves the current curve as CSV; "" or a message.
    QString exportCsv(const QString& path);
    /// Copies the plot to the clipboard as an image.
    void copyPlotImage();
    /// The scale factor of PNG exports made through the dialog.
    void setPngScale(int scale) { m_pngScale = scale; }

    QAction* exportPlotAction() const { return m_exportPlot; }
    QAction* exportCsvAction() const { return m_exportCsv; }
    QAction* copyImageAction() const { return m_copyImage; }
    void retranslate();

signals:
    /// A message for the status bar (timeout in ms).
    void statusMessage(const QString& text, int timeoutMs);

private:
    void exportPlotWithDialog();
    void exportCsvWithDialog();

    CurvePlot* m_plot;
    ExplorerState* m_state;
    QWidget* m_dialogParent;
    int m_pngScale = 2;
    QString m_lastDir;
    QAction* m_exportPlot;
    QAction* m_exportCsv;
    QAction* m_copyImage;
};

}  // namespace actlab::ui
