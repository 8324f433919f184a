#pragma once
// The activation explorer: the chooser and parameter sliders on the left, the plot (or the grid of
// all activations) in the middle, the teaching notes on the right. It composes the panels around
// one ExplorerState and offers actions that the main window places in its menus.

#include <QString>
#include <QWidget>

#include "common/plot_export.h"
#include "explorer/explorer_exports.h"

class QAction;
class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QMenu;
class QStackedWidget;
class QToolButton;

namespace actlab::ui {

class SidePanels;

class ActivationChooser;
class AppSettings;
class CurvePlot;
class ExplorerState;
class FormulaEditor;
class FormulaRanges;
class ParameterPanel;
class PropagationView;
class SmallMultiplesView;
class TeachingPanel;

/// The explorer page of the main window.
class ExplorerPage : public QWidget {
    Q_OBJECT
public:
    /// Shows `state` (shared with other pages); the page makes its own when it is null.
    explicit ExplorerPage(ExplorerState* state = nullptr, QWidget* parent = nullptr);

    /// The state the page shows, and its panels.
    ExplorerState* state() const { return m_state; }
    CurvePlot* plot() const { return m_plot; }
    ActivationChooser* chooser() const { return m_chooser; }
    ParameterPanel* parameterPanel() const { return m_parameters; }
    /// The formula field with its gallery, and the defaults and ranges of its sliders.
    FormulaEditor* formulaEditor() const { return m_formulaEditor; }
    FormulaRanges* formulaRanges() const { return m_formulaRanges; }
    TeachingPanel* teachingPanel() const { return m_teaching; }
    SmallMultiplesView* smallMultiples() const { return m_multiples; }
    /// The readout under the plot, and the fields of the x range and of ε.
    QLabel* readoutLabel() const { return m_readout; }
    QDoubleSpinBox* xMinBox() const { return m_xMin; }
    QDoubleSpinBox* xMaxBox() const { return m_xMax; }
    QDoubleSpinBox* epsilonBox() const { return m_epsilon; }

    /// Makes `id` the current activation. False for an unknown id.
    bool selectActivation(const QString& id);
    /// Types `text` into the formula field, as a user would; "" when it compiled and is shown,
    /// else the error shown under the field (the previous curve stays).
    QString typeFormula(const QString& text);
    /// Sets a parameter of the current activation by its PyTorch keyword, as its slider would.
    /// False when the current activation has no such parameter.
    bool setParameter(const QString& paramId, double value);
    /// Shows the grid of all activations instead of the plot, or the plot again.
    void showAllActivations(bool on);
    /// True while the grid of all activations is shown.
    bool allActivationsShown() const;
    /// Shows the signal-propagation view instead of the plot, or the plot again.
    void showPropagation(bool on);
    bool propagationShown() const;
    PropagationView* propagationView() const { return m_propagation; }

    /// Saves the plot; "" on success, else the message also shown to the user.
    QString exportPlot(const QString& path, PlotExport::Format format, double scale = 1.0) {
        return m_exports->exportPlot(path, format, scale);
    }
    /// Saves the current curve's samples as CSV (the columns of `activation-lab eval`).
    QString exportCsv(const QString& path) { return m_exports->exportCsv(path); }
    /// Copies the plot image to the clipboard.
    void copyPlotImage() { m_exports->copyPlotImage(); }

    /// Plot-only mode: the plot alone, without panels, toolbar and readout.
    void setPlotOnly(bool on);
    /// The values a class needs beside the plot alone: the activation and its parameters.
    QString plotOnlySummary() const;
    /// Shows registry texts in `lang` ("en", "zh_CN").
    void setLanguage(const QString& lang);
    /// The language of the registry texts.
    const QString& language() const { return m_lang; }
    /// The scale factor of PNG exports made through the dialog.
    void setPngScale(int scale) { m_exports->setPngScale(scale); }

    /// Restores the state and layout saved by saveSettings.
    void restoreSettings(const AppSettings& settings);
    /// Writes the state and layout to `settings`.
    void saveSettings(AppSettings& settings) const;

    /// Actions for the main window's menus and the page's toolbar.
    QAction* showFAction() const { return m_showF; }
    QAction* showDfAction() const { return m_showDf; }
    QAction* showD2fAction() const { return m_showD2f; }
    QAction* vanishingZoneAction() const { return m_vanishingZone; }
    QAction* deadZoneAction() const { return m_deadZone; }
    QAction* pinAction() const { return m_pin; }
    QAction* clearPinsAction() const { return m_clearPins; }
    QAction* clearCompareAction() const { return m_clearCompare; }
    QAction* allActivationsAction() const { return m_allActivations; }
    QAction* propagationAction() const { return m_propagationAction; }
    QAction* resetViewAction() const { return m_resetView; }
    QAction* zoomInAction() const { return m_zoomIn; }
    QAction* zoomOutAction() const { return m_zoomOut; }
    QAction* exportPlotAction() const { return m_exports->exportPlotAction(); }
    QAction* exportCsvAction() const { return m_exports->exportCsvAction(); }
    QAction* copyImageAction() const { return m_exports->copyImageAction(); }
    QAction* findAction() const { return m_find; }
    /// The menu of activations to compare (checkable, one per registry row).
    QMenu* compareMenu() const { return m_compareMenu; }

signals:
    /// A message for the status bar (timeout in ms; 0 keeps it).
    void statusMessage(const QString& text, int timeoutMs);

private:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void createActions();
    QWidget* createLeftColumn();
    QWidget* createCentre();
    QWidget* createRightColumn();
    void connectState();
    void retranslate();
    void syncActivation();
    void syncParams();
    void syncToggles();
    void syncXRange();
    void syncCompareMenu();
    void rebuildPinMenu();
    void commitXRange();
    void showReadout(const QString& html);

    ExplorerState* m_state;
    QString m_lang = QStringLiteral("en");
    ExplorerExports* m_exports = nullptr;

    ActivationChooser* m_chooser = nullptr;
    ParameterPanel* m_parameters = nullptr;
    FormulaEditor* m_formulaEditor = nullptr;
    FormulaRanges* m_formulaRanges = nullptr;
    CurvePlot* m_plot = nullptr;
    SmallMultiplesView* m_multiples = nullptr;
    PropagationView* m_propagation = nullptr;
    /// The pages of m_stack.
    enum Centre { kCurves, kAllActivations, kPropagation };
    void showCentre(int index);
    TeachingPanel* m_teaching = nullptr;
    SidePanels* m_sides = nullptr;
    QWidget* m_leftColumn = nullptr;
    QWidget* m_rightColumn = nullptr;
    QStackedWidget* m_stack = nullptr;
    QWidget* m_toolBar = nullptr;
    QToolButton* m_compareButton = nullptr;
    QToolButton* m_pinButton = nullptr;
    QMenu* m_compareMenu = nullptr;
    QAction* m_compareFormula = nullptr;
    QMenu* m_pinMenu = nullptr;
    QLabel* m_activationsTitle = nullptr;
    QLabel* m_viewTitle = nullptr;
    QLabel* m_readout = nullptr;
    QLabel* m_xLabel = nullptr;
    QLabel* m_xToLabel = nullptr;
    QCheckBox* m_vanishingCheck = nullptr;
    QCheckBox* m_deadCheck = nullptr;
    QCheckBox* m_networkZCheck = nullptr;  ///< "the network's z", once the network sent some
    QDoubleSpinBox* m_xMin = nullptr;
    QDoubleSpinBox* m_xMax = nullptr;
    QDoubleSpinBox* m_epsilon = nullptr;

    QAction* m_showF = nullptr;
    QAction* m_showDf = nullptr;
    QAction* m_showD2f = nullptr;
    QAction* m_vanishingZone = nullptr;
    QAction* m_deadZone = nullptr;
    QAction* m_pin = nullptr;
    QAction* m_clearPins = nullptr;
    QAction* m_clearCompare = nullptr;
    QAction* m_allActivations = nullptr;
    QAction* m_propagationAction = nullptr;
    QAction* m_resetView = nullptr;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_find = nullptr;
};

}  // namespace actlab::ui
