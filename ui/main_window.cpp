#include "main_window.h"

#include <qcustomplot.h>

#include "activations/registry.h"

namespace actlab::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent), m_plot(new QCustomPlot(this)) {
    setWindowTitle(tr("Activation Lab"));
    setCentralWidget(m_plot);
    const ActivationSpec& spec = activations().front();
    QVector<double> xs, ys;
    for (int i = 0; i <= 1200; ++i) {
        const double x = -6.0 + 12.0 * i / 1200;
        xs << x;
        ys << spec.f(x, spec.defaults());
    }
    m_plot->addGraph();
    m_plot->graph(0)->setData(xs, ys);
    m_plot->rescaleAxes();
    resize(1200, 800);
}

}  // namespace actlab::ui
