#include "explorer/curve_style.h"

#include <QCoreApplication>
#include <QStringList>
#include <cmath>

#include "common/plot_style.h"
#include "common/qt_text.h"

namespace actlab::ui::curvestyle {

QString MinusSignTicker::getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                                      int precision) {
    QString label = QCPAxisTicker::getTickLabel(tick, locale, formatChar, precision);
    // Only the leading sign: QCustomPlot itself typesets the exponent of "1e-05".
    if (label.startsWith(QLatin1Char('-'))) label[0] = QChar(0x2212);
    return label;
}

QString formatNumber(double v) {
    if (std::isnan(v)) return QStringLiteral("nan");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (v == 0) v = 0;  // no "-0"
    return QString::number(v, 'g', 5).replace(QLatin1Char('-'), QChar(0x2212));
}

QPen curvePen(const QColor& color, double width, Qt::PenStyle style) {
    QPen pen(color, width, style);
    // Solid curves are drawn segment by segment (phFastPolylines). Square caps close the joints
    // between segments; round caps would look the same but cost about six times as much, since
    // every segment's caps become Bézier arcs in the stroker. Round joins only matter where the
    // curve is one polyline: dashed overlays and vector exports.
    pen.setCapStyle(style == Qt::SolidLine ? Qt::SquareCap : Qt::FlatCap);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

QString callLabel(const ActivationCall& call, const QString& lang, bool brief) {
    QString label = qs(call.spec->name, lang);
    if (brief) label = shortName(label);
    QStringList values;
    for (std::size_t i = 0; i < call.spec->params.size(); ++i)
        values << QStringLiteral("%1 = %2").arg(qs(call.spec->params[i].symbol),
                                                formatNumber(call.params[i]));
    if (!values.isEmpty()) label += QStringLiteral(" (%1)").arg(values.join(QStringLiteral(", ")));
    return label;
}

QString curveSymbol(int derivative) {
    static const QString kSymbols[] = {QStringLiteral("f"), QStringLiteral("f\u2032"),
                                       QStringLiteral("f\u2033")};
    return kSymbols[derivative];
}

void styleCurves(const CurveGraphs& graphs, const ActivationSpec& currentSpec, bool compare,
                 const bool (&shown)[3], const QString& lang) {
    // In compare mode the legend has one row per activation, its first curve shown: that curve
    // carries the activation's name (the line styles have rows of their own).
    const int firstShown = shown[0] ? 0 : shown[1] ? 1 : 2;
    const Qt::PenStyle byCurve[3] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    const double widths[3] = {style::width(style::kFWidth), style::width(style::kDfWidth),
                              style::width(style::kD2fWidth)};
    const ThemeColors& theme = style::colors();
    const QColor colors[3] = {theme.f, theme.df, theme.d2f};

    // Legends name activations briefly (the glosses of the Chinese names make rows long); the
    // title and the notes have the full names.
    const QString name = shortName(qs(currentSpec.name, lang));
    for (int i = 0; i < 3; ++i) {
        QCPGraph* graph = graphs.current[i];
        if (compare) {
            graph->setPen(curvePen(style::compareColor(0), widths[i], byCurve[i]));
            graph->setName(i == firstShown ? name
                                           : QStringLiteral("%1  %2").arg(name, curveSymbol(i)));
        } else {
            // f″ dashed: where it equals f′ (ELU for x < 0, the exponential's tail) f′ shows
            // between its dashes instead of vanishing under it.
            graph->setPen(curvePen(colors[i], widths[i], i == 2 ? Qt::DashLine : Qt::SolidLine));
            graph->setName(QStringLiteral("%1(x)").arg(curveSymbol(i)));
        }
    }

    const QList<QCPGraph*>& compareGraphs = *graphs.compareGraphs;
    int g = 0;
    for (std::size_t k = 0; k < graphs.compared->size(); ++k) {
        const QColor color = style::compareColor(static_cast<int>(k) + 1);
        const QString other = shortName(qs((*graphs.compared)[k].spec->name, lang));
        for (int i = 0; i < 3; ++i) {
            if (!shown[i] || g >= compareGraphs.size()) continue;
            QCPGraph* graph = compareGraphs[g++];
            graph->setPen(
                curvePen(color, i == 0 ? widths[0] : style::width(style::kOverlayWidth), byCurve[i]));
            graph->setName(i == firstShown ? other
                                           : QStringLiteral("%1  %2").arg(other, curveSymbol(i)));
        }
    }

    // Pinned references: one colour per pin from the colour-blind-safe set, after the colours in
    // use (the current curves, or the compared activations), and dashed: dashes for f,
    // dash-dots for f′, dots for f″, so each pin and each of its curves can be told apart.
    const Qt::PenStyle pinStyles[3] = {Qt::DashLine, Qt::DashDotLine, Qt::DotLine};
    const int firstPinColour = compare ? int(graphs.compared->size()) + 1 : 3;
    const QList<QCPGraph*>& pinnedGraphs = *graphs.pinnedGraphs;
    g = 0;
    for (std::size_t k = 0; k < graphs.pinned->size(); ++k) {
        const QColor color = style::compareColor(firstPinColour + int(k));
        const QString label = callLabel((*graphs.pinned)[k], lang, true);
        for (int i = 0; i < 3; ++i) {
            if (!shown[i] || g >= pinnedGraphs.size()) continue;
            QCPGraph* graph = pinnedGraphs[g++];
            graph->setPen(curvePen(color, style::width(style::kOverlayWidth), pinStyles[i]));
            // Translated in the plot's context, where the legend shows it.
            graph->setName(QCoreApplication::translate("actlab::ui::CurvePlot", "%1, pinned: %2")
                               .arg(curveSymbol(i), label));
        }
    }
}

}  // namespace actlab::ui::curvestyle
