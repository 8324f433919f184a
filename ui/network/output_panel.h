#pragma once
// The output column of the network view: the losses and accuracies in large type, the decision
// boundary with its colour key and toggles (test data, discretize), and the loss chart with its
// own toggles (log scale, loss or accuracy).

#include <QWidget>

#include "nn/network.h"
#include "nn/trainer.h"

class QCheckBox;
class QComboBox;
class QLabel;

namespace actlab::ui {

class BoundaryPlot;
class ColourLegend;
class LossChart;
class MetricsBoard;

/// Decision boundary, key and loss chart of the network in the full view.
class OutputPanel : public QWidget {
    Q_OBJECT
public:
    explicit OutputPanel(QWidget* parent = nullptr);

    BoundaryPlot* boundary() const { return m_boundary; }
    LossChart* lossChart() const { return m_loss; }
    ColourLegend* legend() const { return m_legend; }
    QCheckBox* showTestBox() const { return m_showTest; }
    QCheckBox* discretizeBox() const { return m_discretize; }
    QCheckBox* logScaleBox() const { return m_logScale; }
    QComboBox* metricBox() const { return m_metric; }
    /// The losses and accuracies in large type.
    MetricsBoard* metricsBoard() const { return m_board; }

    /// Adapts the plot and key to the output (discretize only applies to a binary output).
    void setOutput(nn::OutputKind kind, int outputs);
    /// Shows the metrics of the network in large type. Without test points, only training.
    void setMetrics(const nn::EpochMetrics& metrics, bool hasTestSet);
    /// Shows dashes until the first metrics arrive.
    void clearMetrics(bool hasTestSet);
    /// A line above the metrics naming the network shown (compare mode), or nothing.
    void setSubtitle(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    MetricsBoard* m_board = nullptr;
    BoundaryPlot* m_boundary = nullptr;
    ColourLegend* m_legend = nullptr;
    QCheckBox* m_showTest = nullptr;
    QCheckBox* m_discretize = nullptr;
    LossChart* m_loss = nullptr;
    QCheckBox* m_logScale = nullptr;
    QComboBox* m_metric = nullptr;
    nn::EpochMetrics m_metrics;
    bool m_hasTest = true;
};

}  // namespace actlab::ui
