// Draws the soak test's resident memory and heap in use over time (build/soak/rss.csv) as a PNG
// for docs/.
// Usage: soak_plot RSS.csv OUT.png

#include <QApplication>
#include <QFile>
#include <QTextStream>
#include <qcustomplot.h>

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: soak_plot RSS.csv OUT.png\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QFile file(argv[1]);
    if (!file.open(QIODevice::ReadOnly)) {
        fprintf(stderr, "soak_plot: cannot read %s\n", argv[1]);
        return 1;
    }
    QVector<double> t, mb, heap;
    QTextStream in(&file);
    in.readLine();  // header
    while (!in.atEnd()) {
        const QStringList f = in.readLine().split(',');
        if (f.size() < 2) continue;
        t << f[0].toDouble() / 60.0;
        mb << f[1].toDouble() / 1024.0;
        heap << (f.size() > 3 && !f[3].isEmpty() ? f[3].toDouble() / 1024.0 : qQNaN());
    }
    QCustomPlot plot;
    plot.resize(1200, 600);
    QFont font = plot.font();
    font.setPointSize(14);
    plot.xAxis->setLabelFont(font);
    plot.yAxis->setLabelFont(font);
    plot.xAxis->setTickLabelFont(font);
    plot.yAxis->setTickLabelFont(font);
    plot.addGraph();
    plot.graph(0)->setData(t, mb);
    plot.graph(0)->setPen(QPen(QColor(0, 114, 178), 3));
    plot.graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    plot.graph(0)->setName("resident memory (RSS)");
    plot.addGraph();
    plot.graph(1)->setData(t, heap);
    plot.graph(1)->setPen(QPen(QColor(213, 94, 0), 3, Qt::DashLine));
    plot.graph(1)->setName("heap in use (allocated, not freed)");
    plot.legend->setVisible(true);
    plot.legend->setFont(font);
    plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignBottom);
    plot.xAxis->setLabel("minutes");
    plot.yAxis->setLabel("memory (MB)");
    plot.plotLayout()->insertRow(0);
    QFont title = font;
    title.setPointSize(16);
    title.setBold(true);
    plot.plotLayout()->addElement(
        0, 0,
        new QCPTextElement(&plot, "Soak: 8 compare networks (6×8) at 50 epochs per frame", title));
    plot.rescaleAxes();
    plot.yAxis->setRange(0, plot.yAxis->range().upper + 20);
    plot.replot();
    return plot.savePng(argv[2], 1200, 600) ? 0 : 1;
}
