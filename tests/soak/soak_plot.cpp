// Draws the soak test's resident memory over time (build/soak/rss.csv) as a PNG for docs/.
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
    QVector<double> t, mb;
    QTextStream in(&file);
    in.readLine();  // header
    while (!in.atEnd()) {
        const QStringList f = in.readLine().split(',');
        if (f.size() < 2) continue;
        t << f[0].toDouble() / 60.0;
        mb << f[1].toDouble() / 1024.0;
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
    plot.xAxis->setLabel("minutes");
    plot.yAxis->setLabel("resident memory (MB)");
    plot.plotLayout()->insertRow(0);
    QFont title = font;
    title.setPointSize(16);
    title.setBold(true);
    plot.plotLayout()->addElement(
        0, 0,
        new QCPTextElement(&plot, "Soak: 8 compare networks (6×8) at 50 epochs per frame", title));
    plot.rescaleAxes();
    double lo = plot.yAxis->range().lower, hi = plot.yAxis->range().upper;
    plot.yAxis->setRange(std::max(0.0, lo - 20), hi + 20);
    plot.replot();
    return plot.savePng(argv[2], 1200, 600) ? 0 : 1;
}
