#pragma once
// The key to the heatmap colours: the diverging scale with its values, or one swatch per class.
// The same scale colours the data, the neurons and the weights, and the legend says so.

#include <QWidget>

#include "nn/network.h"

namespace actlab::ui {

/// A colour bar or a row of class swatches, with a one-line explanation.
class ColourLegend : public QWidget {
    Q_OBJECT
public:
    explicit ColourLegend(QWidget* parent = nullptr);

    /// Adapts the scale to the output: ±1 (tanh, linear), 0 … 1 (sigmoid) or classes (softmax).
    void setOutput(nn::OutputKind kind, int outputs);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    nn::OutputKind m_kind = nn::OutputKind::TanhSquare;
    int m_outputs = 1;
};

}  // namespace actlab::ui
