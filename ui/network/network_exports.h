#pragma once
// The network page's figures: the decision boundary, the loss chart and the whole view shown
// (diagram, comparison grid or gradient health), as PNG, SVG or PDF, from the File ▸ Export menu
// or headless; and its session as PyTorch code (CodeExportDialog).

#include <QObject>
#include <QString>
#include <functional>

#include "common/plot_export.h"
#include "nn/session.h"

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
    /// What the PyTorch exports export: the network shown with its trained state, a line for
    /// the dialog that says which network that is ("" for the only one), and the language.
    struct CodeSource {
        nn::Session session;
        QString note;
        QString lang;
    };
    void setCodeSource(std::function<CodeSource()> source) { m_source = std::move(source); }
    /// Opens the PyTorch export dialog (script or notebook) for the page's session; returns it
    /// (it deletes itself when closed).
    class CodeExportDialog* openCodeExport(bool notebook);
    /// The scale of PNG files saved from the menu (1 … 4).
    void setPngScale(int scale) { m_pngScale = scale; }

    QAction* boundaryAction() const { return m_boundaryAction; }
    QAction* lossAction() const { return m_lossAction; }
    QAction* viewAction() const { return m_viewAction; }
    QAction* pytorchAction() const { return m_pytorchAction; }
    QAction* notebookAction() const { return m_notebookAction; }
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
    QAction* m_pytorchAction;
    QAction* m_notebookAction;
    std::function<CodeSource()> m_source;
};

}  // namespace actlab::ui
