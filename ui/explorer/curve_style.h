#pragma once
// How the explorer's curves look and are named: pens, the symbols f, f′ and f″, labels of an
// activation with its parameter values, numbers with a true minus sign, and an axis ticker that
// writes one too (−2 rather than -2: easier to read from a distance).

#include <qcustomplot.h>

#include <QList>
#include <QPen>
#include <QString>
#include <vector>

#include "activations/activation_call.h"

namespace actlab::ui::curvestyle {

/// Tick labels with a true minus sign.
class MinusSignTicker : public QCPAxisTicker {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override;
};

/// A value as the readout and the labels show it: 5 significant digits, a true minus sign.
QString formatNumber(double v);
/// A curve's pen: square caps for solid curves drawn segment by segment, flat caps for dashes.
QPen curvePen(const QColor& color, double width, Qt::PenStyle style = Qt::SolidLine);
/// "Leaky ReLU (a = 0.2)": the name and the parameter values by symbol. `brief`: the name
/// without a translation's gloss ("Leaky ReLU" for "Leaky ReLU（带泄漏的 ReLU）"), for legends.
QString callLabel(const ActivationCall& call, const QString& lang, bool brief = false);
/// "f", "f′" or "f″" for derivative 0, 1 or 2.
QString curveSymbol(int derivative);

/// The graphs of the explorer plot: the current activation's f, f′, f″, then per compared and
/// per pinned activation one graph per curve shown.
struct CurveGraphs {
    QCPGraph* current[3];
    const QList<QCPGraph*>* compareGraphs;
    const std::vector<ActivationCall>* compared;
    const QList<QCPGraph*>* pinnedGraphs;
    const std::vector<ActivationCall>* pinned;
};

/// Pens and legend names. Alone, the current activation has one colour per curve; in compare
/// mode one colour per activation, and the line style tells f (solid), f′ (dashed) and f″
/// (dotted) apart. Pinned references are dashed, one dash pattern per pin.
void styleCurves(const CurveGraphs& graphs, const ActivationSpec& current, bool compare,
                 const bool (&shown)[3], const QString& lang);

}  // namespace actlab::ui::curvestyle
