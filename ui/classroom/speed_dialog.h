#pragma once
// Tools ▸ Measure Activation Speed: times every activation's f and f′ on this computer, as the
// network computes them, relative to ReLU. The lesson "is GELU faster than ReLU?" is answered by
// measurement, not by quotation. One activation is timed per event-loop turn, so the window
// stays responsive and the table fills in as it goes.

#include <QDialog>
#include <vector>

#include "activations/activation_call.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace actlab::ui {

/// The speed table.
class SpeedDialog : public QDialog {
    Q_OBJECT
public:
    /// `lang` is the language of the activation names ("en", "zh_CN").
    SpeedDialog(const QString& lang, QWidget* parent = nullptr);

    /// Starts (or restarts) the measurement.
    void measure();
    /// True while rows are still being timed.
    bool running() const { return m_next < m_calls.size(); }
    /// "2.3×": `ns` over ReLU's time, as the table shows it.
    QString ratioText(double ns) const;
    QTableWidget* table() const { return m_table; }
    /// The nanoseconds per element measured for `id`, or 0 when not measured yet.
    double nsPerElement(std::string_view id) const;

signals:
    /// Every row has been timed.
    void finished();

private:
    void measureNext();

    std::vector<ActivationCall> m_calls;
    std::vector<double> m_ns;
    std::size_t m_next = 0;
    std::vector<std::size_t> m_order;  ///< the rows in measuring order, ReLU's first
    double m_reluNs = 0;
    QLabel* m_summary;
    QTableWidget* m_table;
    QProgressBar* m_progress;
    QPushButton* m_again;
};

}  // namespace actlab::ui
