#pragma once
// The explorer plot's legend: what is shown and nothing else. Alone, one row per curve (f, f′,
// f″), pinned curves and shaded zones. In compare mode one row per activation in its colour, and
// rows for the line styles (f solid, f′ dashed, f″ dotted) when more than one curve is shown:
// five activations with f, f′ and f″ make nine rows, not eighteen. The user places or hides it
// (LegendControl).

#include <qcustomplot.h>

#include <QList>
#include <QString>

namespace actlab::ui {

class LegendControl;

/// What the legend lists.
struct CurveLegendEntries {
    QCPGraph* current[3];                ///< f, f′, f″ of the current activation
    const QList<QCPGraph*>* compared;    ///< per compared activation, one graph per curve shown
    int comparedCount = 0;               ///< compared activations
    const QList<QCPGraph*>* pinned;      ///< every pinned graph
    bool compare = false;
    bool shown[3] = {true, true, false};
    bool vanishingZone = false;          ///< shaded now
    bool deadZone = false;
    QString vanishingName, deadName;
};

/// The explorer plot's legend rows.
class CurveLegend {
public:
    /// The key rows' graphs (no data) go on `keyLayer`.
    CurveLegend(QCustomPlot* plot, QCPLayer* keyLayer);

    /// Lists `entries` in the legend.
    void update(const CurveLegendEntries& entries);
    /// Colours of the key rows from the theme.
    void applyAppearance();
    LegendControl* control() const { return m_control; }

private:
    QCustomPlot* m_plot;
    LegendControl* m_control;
    QCPGraph* m_vanishingKey;
    QCPGraph* m_deadKey;
    QCPGraph* m_styleKeys[3];  ///< the line styles of f, f′, f″ in compare mode
};

}  // namespace actlab::ui
