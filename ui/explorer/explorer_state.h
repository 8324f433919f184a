#pragma once
// The explorer's model: which activation is shown with which parameters, over which x range, with
// which curves and overlays. Widgets observe it through its signals and change it through its
// setters; the network page can share it to show "the same function".

#include <QObject>
#include <QString>
#include <QStringList>
#include <map>
#include <string>
#include <vector>

#include "activations/activation_call.h"
#include "common/network_z.h"

namespace actlab::ui {

/// The explorer's state. Activations are referred to by registry id, never by index.
class ExplorerState : public QObject {
    Q_OBJECT
public:
    /// Points per curve on the x range (also the rows of the CSV export).
    static constexpr int kSampleCount = 4001;
    static constexpr double kDefaultXMin = -6.0;
    static constexpr double kDefaultXMax = 6.0;
    static constexpr double kDefaultEpsilon = 0.01;
    /// Largest |x| of the x range; beyond it the x spacing of doubles becomes visible.
    static constexpr double kMaxAbsX = 1e6;

    /// Starts at the first registry row with its default parameters.
    explicit ExplorerState(QObject* parent = nullptr);

    /// The current activation.
    const ActivationSpec& spec() const { return *m_call.spec; }
    /// The current activation with its parameters.
    const ActivationCall& call() const { return m_call; }
    /// The current parameter values (in the order of spec().params).
    const ParamValues& params() const { return m_call.params; }
    /// Why the current parameters are rejected (checkParams), or empty when they are valid.
    const QString& paramError() const { return m_paramError; }
    /// True when the current parameters are accepted by the activation.
    bool isValid() const { return m_paramError.isEmpty(); }
    /// The values last used for `spec` in this session (or restored), else its defaults.
    ParamValues paramsFor(const ActivationSpec& spec) const;
    /// Every activation whose parameters were changed from the defaults, by id.
    const std::map<std::string, ParamValues>& rememberedParams() const { return m_remembered; }

    /// Makes `id` current with its remembered parameters. False (and no change) for an unknown id.
    bool setActivation(const QString& id);

    // --- formula activations ----------------------------------------------------------------
    /// A formula parameter's slider: its default (what reset returns to) and range, editable.
    struct ParamRange {
        double defaultValue = 1, min = -5, max = 5;
        bool operator==(const ParamRange&) const = default;
    };
    /// Makes a formula row current. Its parameters keep the values last used for parameters of
    /// the same name (so editing "x*sigmoid(b*x)" into "x*sigmoid(b*x)+c" keeps b), else
    /// their defaults; `values`, when given, sets them. False (and no change) for a built-in row.
    bool setFormula(const ActivationRef& row, const ParamValues* values = nullptr);
    /// The formula row shown last (current or not), or null: what the formula editor returns to.
    const ActivationRef& lastFormula() const { return m_lastFormula; }
    /// The values a formula row would start with: those last used for its parameters' names,
    /// else their defaults.
    ParamValues formulaParams(const ActivationSpec& row) const;
    /// The default and range of the formula parameter `name` (1 and [−5, 5] until edited).
    ParamRange formulaParamRange(const std::string& name) const;
    /// Changes them; false (and no change) unless min < max and all three are finite. The value
    /// stays as it is, also outside the new range.
    bool setFormulaParamRange(const std::string& name, const ParamRange& range);
    /// The current activation's parameters as its sliders show them: the row's own, with the
    /// edited defaults and ranges of a formula's parameters.
    std::vector<ParamSpec> paramSpecs() const;
    /// Sets one parameter of the current activation. Values the function rejects are kept (so
    /// the controls show them) and reported by paramError().
    void setParam(int index, double value);
    /// Sets all parameters of the current activation.
    void setParams(const ParamValues& values);
    /// Restores one parameter to its default.
    void resetParam(int index);
    /// Remembers parameters for an activation that is not current (restoring a session).
    void rememberParams(const ActivationSpec& spec, const ParamValues& values);

    /// The x range of the curves, which is also the plot's visible x range.
    double xMin() const { return m_xMin; }
    double xMax() const { return m_xMax; }
    /// Sets the x range. False (and no change) unless both ends are finite, within ±kMaxAbsX
    /// and xMin < xMax by a representable margin.
    bool setXRange(double xMin, double xMax);
    /// Why setXRange would refuse this range, or empty.
    static QString xRangeError(double xMin, double xMax);

    /// Which of f, f′ and f″ are drawn.
    bool showF() const { return m_showF; }
    bool showDf() const { return m_showDf; }
    bool showD2f() const { return m_showD2f; }
    /// Shows or hides f, f′ or f″.
    void setShowF(bool on);
    void setShowDf(bool on);
    void setShowD2f(bool on);

    /// Shading of the vanishing-gradient zone, |f′(x)| < epsilon.
    bool vanishingZoneShown() const { return m_vanishingZone; }
    /// ε of the vanishing-gradient zone.
    double epsilon() const { return m_epsilon; }
    /// Shows or hides the vanishing-gradient zone.
    void setVanishingZoneShown(bool on);
    /// Sets ε of the vanishing-gradient zone; values outside (0, 1e3] are ignored.
    void setEpsilon(double epsilon);
    /// Shading of the dead zone, f′(x) = 0.
    bool deadZoneShown() const { return m_deadZone; }
    /// Shows or hides the dead zone.
    void setDeadZoneShown(bool on);

    /// The network's z (from the network page's operating points): drawn as a histogram under
    /// the curves while shown. Setting values shows them; empty values hide the overlay.
    const NetworkZ& networkZ() const { return m_networkZ; }
    void setNetworkZ(const NetworkZ& z);
    bool networkZShown() const { return m_networkZShown && !m_networkZ.values.empty(); }
    void setNetworkZShown(bool on);

    /// Reference curves pinned with their parameters, oldest first.
    const std::vector<ActivationCall>& pinned() const { return m_pinned; }
    /// Pins the current curve. False when its parameters are invalid or it is already pinned.
    bool pinCurrent();
    /// Removes one pinned curve (oldest is 0), or all of them.
    void removePinned(int index);
    void clearPinned();

    /// The activations overlaid in compare mode, by id, in the order they were added.
    const QStringList& compared() const { return m_compared; }
    /// True when `id` is in the comparison.
    bool isCompared(const QString& id) const { return m_compared.contains(id); }
    /// Adds or removes an activation of the comparison. Unknown ids are ignored; "formula" is
    /// the formula typed last, once there is one.
    void setCompared(const QString& id, bool on);
    /// Ends compare mode.
    void clearCompared();
    /// Compare mode: at least one activation other than the current one is overlaid.
    bool compareMode() const;

signals:
    /// Another activation became current (its parameters come with it).
    void activationChanged();
    /// A parameter of the current activation changed.
    void paramsChanged();
    /// The x range changed.
    void xRangeChanged(double xMin, double xMax);
    /// One of the f, f′, f″ toggles changed.
    void curvesShownChanged();
    /// A zone toggle or ε changed.
    void zonesChanged();
    /// A curve was pinned or unpinned.
    void pinnedChanged();
    /// An activation joined or left the comparison.
    void comparedChanged();
    /// The default or range of a formula parameter changed.
    void paramRangesChanged();
    /// The network's z or its toggle changed.
    void networkZChanged();

private:
    void updateError();

    ActivationCall m_call;
    QString m_paramError;
    std::map<std::string, ParamValues> m_remembered;
    ActivationRef m_lastFormula;
    std::map<std::string, double> m_formulaValues;  ///< by parameter name
    std::map<std::string, ParamRange> m_formulaRanges;
    double m_xMin = kDefaultXMin;
    double m_xMax = kDefaultXMax;
    bool m_showF = true;
    bool m_showDf = true;
    bool m_showD2f = false;
    bool m_vanishingZone = false;
    double m_epsilon = kDefaultEpsilon;
    bool m_deadZone = false;
    std::vector<ActivationCall> m_pinned;
    QStringList m_compared;
    NetworkZ m_networkZ;
    bool m_networkZShown = false;
};

}  // namespace actlab::ui
