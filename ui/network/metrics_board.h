#pragma once
// The network's numbers in large type above its decision boundary: test loss and accuracy (the
// ones that matter) and, in grey, the training ones. Painted directly, so that new numbers every
// frame cost a repaint and no relayout.

#include <QWidget>

#include "nn/trainer.h"

namespace actlab::ui {

/// Losses and accuracies, each a small caption over a large number.
class MetricsBoard : public QWidget {
    Q_OBJECT
public:
    explicit MetricsBoard(QWidget* parent = nullptr);

    /// Shows the metrics; without test points only the training ones, for regression no
    /// accuracy.
    void setMetrics(const nn::EpochMetrics& metrics, bool hasTestSet);
    /// The numbers shown, as text ("0.0339", "97.6 %"), in the order painted (for tests).
    QStringList values() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    /// The width the numbers need as they are laid out now (one row or two), for tests.
    int requiredWidth() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    struct Cell {
        QString caption, value;
        bool muted = false;
    };
    std::vector<Cell> cells() const;
    static constexpr int kGap = 12;  ///< the least space between two numbers
    int rowHeight() const;
    std::vector<int> columnWidths(const std::vector<Cell>& all) const;
    /// How many numbers go on a row at this width.
    int perRow(int width) const;
    QFont numberFont() const;

    nn::EpochMetrics m_metrics;
    bool m_hasTest = true;
};

}  // namespace actlab::ui
