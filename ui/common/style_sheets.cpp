#include "common/style_sheets.h"

#include <QRegularExpression>
#include <cmath>

#include "common/appearance.h"

namespace actlab::ui {

namespace {

/// Sizes and colours chosen to be read from the back of a classroom.
const char* const kMainSheet = R"(
* { font-size: 12pt; }
QLabel#sectionTitle { color: {muted}; font-weight: 600; font-size: 11.5pt; }
QLabel#activationName { color: {strong}; font-size: 21pt; font-weight: 700; }
QLabel#torchName { color: {text2}; background: {chip}; border-radius: 4px; padding: 2px 8px; }
QLabel#formula { color: {strong}; background: {codeBg}; border: 1px solid {codeBorder};
                 border-radius: 6px; padding: 10px 12px; font-family: "DejaVu Serif";
                 font-size: 16pt; }
QLabel#range { font-size: 14pt; }
QLabel#teaching { color: {text}; }
QLabel#snippet { background: {codeBg}; border: 1px solid {codeBorder}; border-radius: 6px;
                 padding: 8px 10px; font-family: "DejaVu Sans Mono"; font-size: 11.5pt; }
QLabel#errorMessage { color: {errorText}; background: {errorBg}; border: 1px solid {errorBorder};
                      border-radius: 6px; padding: 8px 10px; }
QLabel#hint { color: {muted}; }
QLineEdit#formulaEdit { font-family: "DejaVu Sans Mono"; font-size: 13pt; padding: 3px 6px; }
QLabel#formulaDerivatives { background: {codeBg}; border: 1px solid {codeBorder};
                            border-radius: 6px; padding: 6px 8px; font-family: "DejaVu Sans Mono";
                            font-size: 11.5pt; }
QLabel#readout { font-size: 13pt; }
QLabel#parameterLabel { font-weight: 600; }
QLabel#parameterKeyword { color: {faint}; }
QTreeWidget#activationTree { font-size: 13pt; }
QTreeWidget#activationTree::item { padding: 1px 2px; }
QTreeWidget#activationTree::item:selected { background: {accent}; color: {onAccent}; }
QWidget#explorerToolBar QToolButton { padding: 4px 8px; }
QWidget#explorerToolBar QToolButton#compareButton::menu-indicator { image: none; width: 0px; }
QWidget#explorerToolBar QToolButton:checked { background: {accentSoft};
                                              border: 1px solid {accentBorder};
                                              border-radius: 4px; }
QFrame#toolSeparator { color: {line}; }
QWidget#edgeTab { font-weight: 600; }
QFrame#sideDrawer { background: {bar}; border: 1px solid {line}; }
QSlider:horizontal { min-height: 30px; }
QSlider::groove:horizontal { height: 6px; background: {track}; border-radius: 3px; }
QSlider::sub-page:horizontal { height: 6px; background: {accent}; border-radius: 3px; }
QSlider::handle:horizontal { background: {card}; border: 2px solid {accent}; width: 18px;
                             margin: -8px 0; border-radius: 11px; }
QSlider::handle:horizontal:hover { background: {accentSoft}; }
QTabWidget::pane { border: none; }
QCheckBox::indicator { width: 18px; height: 18px; }
QFrame#lessonBanner { background: {infoBg}; border: 1px solid {infoBorder}; border-radius: 8px; }
QLabel#plotOnlyOverlay { background: {infoBg}; color: {strong}; border: 1px solid {infoBorder};
                         border-radius: 6px; padding: 6px 12px; font-size: 15pt; }
QLabel#lessonTitle { color: {strong}; font-size: 15pt; font-weight: 700; }
QLabel#lessonText { color: {text}; font-size: 13pt; }
QToolButton#lessonClose { border: none; color: {muted}; font-size: 15pt; padding: 0px 6px; }
QToolButton#lessonClose:hover { color: {strong}; }
QLabel#dialogTitle { font-size: 15pt; font-weight: 700; color: {strong}; }
)";

const char* const kNetworkSheet = R"(
QWidget#trainingBar { background: {bar}; border-bottom: 1px solid {line}; }
QLabel#fieldCaption { color: {muted}; font-size: 11pt; }
#epochCounter { font-size: 27ptsqrt; color: {strong}; }
QToolButton#playButton { background: {accentDark}; border: none; border-radius: 30px; }
QToolButton#playButton:hover { background: {accent}; }
QToolButton#playButton:disabled { background: {playDisabled}; }
QToolButton#roundButton { background: {card}; border: 1px solid {controlBorder};
                          border-radius: 15px; font-size: 15pt; font-weight: 600;
                          color: {text2}; padding: 0px; }
QWidget#trainingBar QToolButton#roundButton { border-radius: 20px; }
QToolButton#roundButton:hover { background: {hoverBg}; }
QToolButton#roundButton:disabled { color: {disabled}; border-color: {line}; }
QLabel#columnTitle, QLabel#diagramTitle { color: {text2}; font-weight: 700; letter-spacing: 1px; }
QLabel#layerWidth { color: {muted}; }
QToolButton#layerChip { background: {card}; border: 1px solid {controlBorder}; border-radius: 6px;
                        padding: 1px 4px; color: {text}; }
QToolButton#layerChip:checked { background: {accent}; border-color: {accent}; color: {onAccent};
                                font-weight: 600; }
QToolButton#featureButton { border: none; padding: 0px 2px; color: {text}; }
QToolButton#featureButton:!checked { color: {featureOff}; }
QToolButton#datasetButton { border: 2px solid transparent; border-radius: 6px; padding: 1px;
                            background: {card}; }
QToolButton#datasetButton:hover { border-color: {accentHover}; }
QToolButton#datasetButton:checked { border: 3px solid {strong}; }
QLabel#datasetName { font-weight: 600; color: {text}; }
QToolButton#editButton { background: {card}; border: 1px solid {controlBorder}; border-radius: 4px;
                         padding: 3px 6px; color: {text}; }
QToolButton#editButton:checked { background: {errorBg}; border-color: {errorBorder}; }
QToolButton#editButton:disabled { color: {disabled}; }
QToolButton#viewButton { background: {card}; border: 1px solid {controlBorder}; padding: 4px 16px;
                         color: {text}; }
QToolButton#viewButton:checked { background: {accentSoft}; border-color: {accentBorder};
                                 color: {accentDark}; }
QToolButton#chooseButton { background: {card}; border: 1px solid {controlBorder};
                           border-radius: 4px; padding: 4px 12px; color: {text}; }
QToolButton#chooseButton::menu-indicator { image: none; width: 0px; }
QLabel#focusLabel { color: {accent}; font-weight: 600; }
QLabel#outputSubtitle { color: {accent}; font-weight: 600; }
QFrame#compareCell { background: {card}; border: 1px solid {line}; border-radius: 8px; }
QFrame#compareCell[hover="true"] { border: 2px solid {accent}; }
QLabel#cellTitle { font-size: 15pt; font-weight: 700; color: {strong}; }
#cellStats { font-size: 13pt; color: {text2}; }
QLabel#emptyText { font-size: 15pt; color: {text2}; }
QPushButton#bigButton { font-size: 14pt; padding: 10px 26px; }
QLabel#banner { color: {errorText}; background: {errorBg}; border: 1px solid {errorBorder};
                border-radius: 6px; padding: 6px 10px; }
)";

QString css(const QColor& c) {
    if (c.alpha() == 255) return c.name();
    return QStringLiteral("rgba(%1, %2, %3, %4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(
        c.alpha());
}

}  // namespace

QString mainStyleSheetTemplate() {
    return QString::fromUtf8(kMainSheet);
}

QString networkStyleSheetTemplate() {
    // The dark theme keeps accentDark as the checked view button's text: readable on accentSoft.
    return QString::fromUtf8(kNetworkSheet);
}

QString fillStyleSheet(const QString& sheet, const ThemeColors& c, double scale) {
    const std::pair<const char*, const QColor*> tokens[] = {
        {"strong", &c.strong},
        {"text2", &c.text2},
        {"text", &c.text},
        {"muted", &c.muted},
        {"faint", &c.faint},
        {"disabled", &c.disabled},
        {"card", &c.card},
        {"chip", &c.chip},
        {"codeBg", &c.codeBg},
        {"codeBorder", &c.codeBorder},
        {"bar", &c.bar},
        {"line", &c.line},
        {"controlBorder", &c.controlBorder},
        {"track", &c.track},
        {"hoverBg", &c.hoverBg},
        {"accentDark", &c.accentDark},
        {"accentSoft", &c.accentSoft},
        {"accentBorder", &c.accentBorder},
        {"accentHover", &c.accentHover},
        {"accent", &c.accent},
        {"onAccent", &c.onAccent},
        {"playDisabled", &c.playDisabled},
        {"featureOff", &c.featureOff},
        {"errorText", &c.errorText},
        {"errorBg", &c.errorBg},
        {"errorBorder", &c.errorBorder},
        {"infoBg", &c.infoBg},
        {"infoBorder", &c.infoBorder},
    };
    QString out = sheet;
    for (const auto& [name, color] : tokens)
        out.replace(QLatin1Char('{') + QLatin1String(name) + QLatin1Char('}'), css(*color));
    // Scale every point size; pixel sizes (borders, paddings, handles) stay as they are. A size
    // written "NNptsqrt" (text that is large already: the epoch counter) grows with the square
    // root of the scale, so that it does not take a projector's whole bar.
    static const QRegularExpression pt(QStringLiteral("(\\d+(?:\\.\\d+)?)pt(sqrt)?\\b"));
    QString scaled;
    qsizetype last = 0;
    for (auto it = pt.globalMatch(out); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        scaled += out.mid(last, m.capturedStart() - last);
        const double factor = m.captured(2).isEmpty() ? scale : std::sqrt(scale);
        scaled += QString::number(m.captured(1).toDouble() * factor, 'f', 1) + QLatin1String("pt");
        last = m.capturedEnd();
    }
    scaled += out.mid(last);
    return scaled;
}

}  // namespace actlab::ui
