#include "network/network_exports.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QScrollArea>
#include <QStandardPaths>

#include "network/boundary_plot.h"
#include "network/code_export_dialog.h"
#include "network/loss_chart.h"
#include "network/output_panel.h"
#include "network/view_switcher.h"

namespace actlab::ui {

NetworkExports::NetworkExports(OutputPanel* output, ViewSwitcher* views, QString& lastDir,
                               QWidget* dialogParent)
    : QObject(dialogParent),
      m_output(output),
      m_views(views),
      m_lastDir(lastDir),
      m_dialogParent(dialogParent),
      m_boundaryAction(new QAction(this)),
      m_lossAction(new QAction(this)),
      m_viewAction(new QAction(this)),
      m_pytorchAction(new QAction(this)),
      m_notebookAction(new QAction(this)) {
    connect(m_boundaryAction, &QAction::triggered, this,
            [this] { exportWithDialog(Figure::Boundary); });
    connect(m_lossAction, &QAction::triggered, this, [this] { exportWithDialog(Figure::Loss); });
    connect(m_viewAction, &QAction::triggered, this, [this] { exportWithDialog(Figure::View); });
    connect(m_pytorchAction, &QAction::triggered, this, [this] { openCodeExport(false); });
    connect(m_notebookAction, &QAction::triggered, this, [this] { openCodeExport(true); });
}

QString NetworkExports::exportBoundary(const QString& path, PlotExport::Format format,
                                       double scale) {
    return PlotExport::savePlot(m_output->boundary(), path, format, scale);
}

QString NetworkExports::exportLossChart(const QString& path, PlotExport::Format format,
                                        double scale) {
    return PlotExport::savePlot(m_output->lossChart(), path, format, scale);
}

QString NetworkExports::exportCurrentView(const QString& path, PlotExport::Format format,
                                          double scale) {
    QWidget* view = m_views->currentView();
    // A scrolling view is saved whole, not only the part that fits the window.
    if (auto* scroll = qobject_cast<QScrollArea*>(view); scroll && scroll->widget())
        view = scroll->widget();
    else if (auto* inner = view ? view->findChild<QScrollArea*>() : nullptr;
             inner && inner->widget() && inner->parentWidget() == view)
        view = inner->widget();
    return PlotExport::saveWidget(view, path, format, scale);
}

void NetworkExports::exportWithDialog(Figure figure) {
    const QString dir = m_lastDir.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)
                            : m_lastDir;
    const QString name = figure == Figure::Boundary ? QStringLiteral("decision-boundary.png")
                         : figure == Figure::Loss   ? QStringLiteral("loss.png")
                                                    : QStringLiteral("network-view.png");
    const QString title = figure == Figure::Boundary ? tr("Export Decision Boundary")
                          : figure == Figure::Loss   ? tr("Export Loss Chart")
                                                     : tr("Export Current View");
    const QString path = QFileDialog::getSaveFileName(
        m_dialogParent, title, dir + QLatin1Char('/') + name,
        tr("PNG image (*.png);;SVG image (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    m_lastDir = QFileInfo(path).absolutePath();
    PlotExport::Format format = PlotExport::Format::Png;
    if (!PlotExport::formatFromPath(path, &format)) {
        QMessageBox::warning(m_dialogParent, tr("Export"),
                             tr("Please use a .png, .svg or .pdf file name."));
        return;
    }
    const QString error = figure == Figure::Boundary ? exportBoundary(path, format, m_pngScale)
                          : figure == Figure::Loss   ? exportLossChart(path, format, m_pngScale)
                                                     : exportCurrentView(path, format, m_pngScale);
    if (!error.isEmpty())
        QMessageBox::warning(m_dialogParent, tr("Export"), error);
    else
        emit statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
}

CodeExportDialog* NetworkExports::openCodeExport(bool notebook) {
    const CodeSource source = m_source ? m_source() : CodeSource{{}, {}, QStringLiteral("en")};
    auto* dialog = new CodeExportDialog(
        source.session,
        notebook ? CodeExportDialog::Format::Notebook : CodeExportDialog::Format::Script,
        source.lang, m_dialogParent);
    dialog->setNote(source.note);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFolder(&m_lastDir);
    connect(dialog, &CodeExportDialog::saved, this, &NetworkExports::statusMessage);
    dialog->show();
    return dialog;
}

void NetworkExports::retranslate() {
    m_boundaryAction->setText(tr("Export Decision &Boundary…"));
    m_lossAction->setText(tr("Export &Loss Chart…"));
    m_viewAction->setText(tr("Export Current &View…"));
    m_viewAction->setToolTip(
        tr("Save the network diagram, the comparison grid or the gradient-health view as "
           "shown, as PNG, SVG or PDF"));
    m_pytorchAction->setText(tr("&PyTorch Script…"));
    m_pytorchAction->setToolTip(
        tr("Save Python code that trains this network exactly as the app does and prints the "
           "same losses"));
    m_notebookAction->setText(tr("&Jupyter Notebook…"));
    m_notebookAction->setToolTip(
        tr("Save the same code as a Jupyter notebook, with explanations, a loss curve and the "
           "decision boundary"));
}

}  // namespace actlab::ui
