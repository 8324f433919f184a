#include "network/output_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "common/appearance.h"
#include "common/flow_layout.h"
#include "network/boundary_plot.h"
#include "network/colour_legend.h"
#include "network/loss_chart.h"
#include "network/metrics_board.h"
#include "network/network_style.h"

namespace actlab::ui {

OutputPanel::OutputPanel(QWidget* parent)
    : QWidget(parent),
      m_title(new QLabel(this)),
      m_subtitle(new QLabel(this)),
      m_board(new MetricsBoard(this)),
      m_boundary(new BoundaryPlot(false, this)),
      m_legend(new ColourLegend(this)),
      m_showTest(new QCheckBox(this)),
      m_discretize(new QCheckBox(this)),
      m_loss(new LossChart(this)),
      m_logScale(new QCheckBox(this)),
      m_metric(new QComboBox(this)) {
    setObjectName(QStringLiteral("outputPanel"));
    m_title->setObjectName(QStringLiteral("columnTitle"));
    m_subtitle->setObjectName(QStringLiteral("outputSubtitle"));
    m_subtitle->hide();
    m_boundary->setEditable(true);
    m_boundary->setCursor(Qt::CrossCursor);
    // The map and the chart never shrink to a sliver (a large scale on a short screen): the
    // network view scrolls instead.
    const auto fit = [this] {
        const double k = std::max(1.0, Appearance::instance().scale());
        m_boundary->setMinimumHeight(int(220 * k));
        m_loss->setMinimumHeight(int(100 * k));
    };
    fit();
    connect(&Appearance::instance(), &Appearance::changed, this, fit);
    m_metric->addItem(QString(), static_cast<int>(LossChart::Metric::Loss));
    m_metric->addItem(QString(), static_cast<int>(LossChart::Metric::Accuracy));

    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(m_title);
    header->addWidget(m_subtitle, 1);
    // Rows of toggles that wrap instead of cutting their texts (presentation scale, Chinese).
    auto* toggles = new FlowLayout(nullptr, 18, 4);
    toggles->addWidget(m_showTest);
    toggles->addWidget(m_discretize);
    auto* chartToggles = new FlowLayout(nullptr, 18, 4);
    chartToggles->addWidget(m_metric);
    chartToggles->addWidget(m_logScale);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_board);
    layout->addWidget(m_boundary, 5);
    layout->addWidget(m_legend);
    layout->addLayout(toggles);
    layout->addSpacing(4);
    layout->addWidget(m_loss, 3);
    layout->addLayout(chartToggles);

    connect(m_showTest, &QCheckBox::toggled, this, [this](bool on) {
        m_boundary->setShowTestData(on);
        netstyle::replotIfShown(m_boundary);
    });
    connect(m_discretize, &QCheckBox::toggled, this, [this](bool on) {
        m_boundary->setDiscretize(on);
        netstyle::replotIfShown(m_boundary);
    });
    connect(m_logScale, &QCheckBox::toggled, m_loss, &LossChart::setLogScale);
    connect(m_metric, &QComboBox::activated, this, [this](int i) {
        const auto metric = static_cast<LossChart::Metric>(m_metric->itemData(i).toInt());
        m_loss->setMetric(metric);
        m_logScale->setEnabled(metric == LossChart::Metric::Loss);
    });
    retranslate();
    clearMetrics(true);
}

void OutputPanel::setOutput(nn::OutputKind kind, int outputs) {
    m_boundary->setOutput(kind, outputs);
    m_legend->setOutput(kind, outputs);
    m_discretize->setEnabled(kind != nn::OutputKind::SoftmaxCe);
}

void OutputPanel::setMetrics(const nn::EpochMetrics& metrics, bool hasTestSet) {
    m_metrics = metrics;
    m_hasTest = hasTestSet;
    m_board->setMetrics(metrics, hasTestSet);
}

void OutputPanel::clearMetrics(bool hasTestSet) {
    nn::EpochMetrics none;
    none.trainLoss = none.testLoss = none.trainAccuracy = none.testAccuracy = std::nan("");
    setMetrics(none, hasTestSet);
}

void OutputPanel::setSubtitle(const QString& text) {
    m_subtitle->setText(text);
    m_subtitle->setVisible(!text.isEmpty());
}

void OutputPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void OutputPanel::retranslate() {
    m_title->setText(tr("OUTPUT"));
    m_board->setToolTip(
        tr("The loss is the average error; lower is better. Test points were "
           "never used for training: they show how well the network "
           "generalises."));
    m_boundary->setToolTip(
        tr("The network's output over the plane, with the data on it. Click to "
           "add points: left for one class, right or Shift+click for the "
           "other."));
    m_showTest->setText(tr("Show test data"));
    m_showTest->setToolTip(tr("Show the test points too, drawn as rings."));
    m_discretize->setText(tr("Discretize output"));
    m_discretize->setToolTip(
        tr("Show only which side of the threshold each point of the plane "
           "falls on."));
    m_logScale->setText(tr("Logarithmic scale"));
    m_logScale->setToolTip(tr("A logarithmic loss axis, to see small losses keep falling."));
    m_metric->setItemText(0, tr("Loss"));
    m_metric->setItemText(1, tr("Accuracy"));
    m_metric->setToolTip(tr("Plot the loss or the share of correctly classified points."));
    setMetrics(m_metrics, m_hasTest);
}

}  // namespace actlab::ui
