#pragma once
// The network page's figures: the decision boundary, the loss chart and the whole view shown
// (diagram, comparison grid or gradient health), as PNG, SVG or PDF, from the File ▸ Export menu
// or headless.

#include <QObject>
#include <QString>

#include "common/plot_export.h"

class QAction;
class QWidget;

namespace actlab::ui {

class OutputPanel;
class ViewSwitcher;

/// Saves the network page's figures.
class NetworkExports : public QObject {
    Q_OBJECT
public:
    /// `lastDir` (the folder the page's dialogs start in) is the page's and outlives this.
    NetworkExports(OutputPanel* output, ViewSwitcher* views, QString& lastDir,
                   QWidget* dialogParent);

    /// Saves the decision boundary or the loss chart (PNG, SVG, PDF); "" or a message.
    QString exportBoundary(const QString& path, PlotExport::Format format, double scale = 1.0);
    QString exportLossChart(const QString& path, PlotExport::Format format, double scale = 1.0);
    /// Saves the view shown (network diagram, comparison grid or gradient health) whole.
    QString exportCurrentView(const QString& path, PlotExport::Format format, double scale = 1.0);
    /// The scale of PNG files saved from the menu (1 … 4).
    void setPngScale(int scale) { m_pngScale = scale; }

    QAction* boundaryAction() const { return m_boundaryAction; }
    QAction* lossAction() const { return m_lossAction; }
    QAction* viewAction() const { return m_viewAction; }
    void retranslate();

signals:
    /// A message for the status bar (timeout in ms).
    void statusMessage(const QString& text, int timeoutMs);

private:
    enum class Figure { Boundary, Loss, View };
    void exportWithDialog(Figure figure);

    OutputPanel* m_output;
    ViewSwitcher* m_views;
    QString& m_lastDir;
    QWidget* m_dialogParent;
    int m_pngScale = 2;
    QAction* m_boundaryAction;
    QAction* m_lossAction;
    QAction* m_viewAction;
};

}  // namespace actlab::ui
