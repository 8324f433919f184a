#include "explorer/explorer_state.h"

#include <algorithm>
#include <cmath>

#include "activations/formula_activation.h"
#include "activations/registry.h"
#include "common/qt_text.h"

namespace actlab::ui {

ExplorerState::ExplorerState(QObject* parent) : QObject(parent) {
    const ActivationSpec& first = activations().front();
    m_call = {&first, first.defaults()};
    updateError();
}

ParamValues ExplorerState::paramsFor(const ActivationSpec& spec) const {
    if (&spec == m_call.spec.get()) return m_call.params;
    const auto it = m_remembered.find(std::string(spec.id));
    return it != m_remembered.end() ? it->second : spec.defaults();
}

bool ExplorerState::setActivation(const QString& id) {
    const ActivationSpec* spec = findActivation(toStd(id));
    if (!spec) return false;
    if (spec == m_call.spec.get()) return true;
    // Choosing a compared activation swaps it with the current one, so that the comparison keeps
    // every curve it showed: the previous activation takes the chosen one's place.
    const QString previous = QString::fromUtf8(m_call.spec->id.data(), qsizetype(m_call.spec->id.size()));
    const qsizetype at = m_compared.indexOf(id);
    const bool swap = at >= 0 && !m_call.spec->isFormula() && !m_compared.contains(previous);
    if (swap) m_compared[at] = previous;
    m_call = {spec, paramsFor(*spec)};
    updateError();
    emit activationChanged();
    if (swap) emit comparedChanged();
    return true;
}

ParamValues ExplorerState::formulaParams(const ActivationSpec& row) const {
    ParamValues p{};
    for (std::size_t i = 0; i < row.params.size(); ++i) {
        const std::string name(row.params[i].id);
        const auto it = m_formulaValues.find(name);
        p[i] = it != m_formulaValues.end() ? it->second : formulaParamRange(name).defaultValue;
    }
    return p;
}

bool ExplorerState::setFormula(const ActivationRef& row, const ParamValues* values) {
    if (!row || !row->isFormula()) return false;
    const ParamValues p = values ? *values : formulaParams(*row);
    for (std::size_t i = 0; i < row->params.size(); ++i)
        m_formulaValues[std::string(row->params[i].id)] = p[i];
    const bool same = row == m_call.spec;
    m_lastFormula = row;
    m_call = {row, p};
    updateError();
    emit same ? paramsChanged() : activationChanged();
    return true;
}

ExplorerState::ParamRange ExplorerState::formulaParamRange(const std::string& name) const {
    const auto it = m_formulaRanges.find(name);
    return it != m_formulaRanges.end() ? it->second : ParamRange{};
}

bool ExplorerState::setFormulaParamRange(const std::string& name, const ParamRange& range) {
    if (!std::isfinite(range.defaultValue) || !std::isfinite(range.min) ||
        !std::isfinite(range.max) || !(range.min < range.max))
        return false;
    if (formulaParamRange(name) == range) return true;
    m_formulaRanges[name] = range;
    emit paramRangesChanged();
    return true;
}

std::vector<ParamSpec> ExplorerState::paramSpecs() const {
    std::vector<ParamSpec> specs(spec().params.begin(), spec().params.end());
    if (spec().isFormula())
        for (ParamSpec& p : specs) {
            const ParamRange r = formulaParamRange(std::string(p.id));
            p.defaultValue = r.defaultValue;
            p.min = r.min;
            p.max = r.max;
        }
    return specs;
}

void ExplorerState::setParam(int index, double value) {
    if (index < 0 || index >= static_cast<int>(spec().params.size())) return;
    ParamValues values = m_call.params;
    values[static_cast<std::size_t>(index)] = value;
    setParams(values);
}

void ExplorerState::setParams(const ParamValues& values) {
    ParamValues clean{};
    for (std::size_t i = 0; i < spec().params.size(); ++i) clean[i] = values[i];
    if (clean == m_call.params) return;
    m_call.params = clean;
    if (spec().isFormula()) {
        for (std::size_t i = 0; i < spec().params.size(); ++i)
            m_formulaValues[std::string(spec().params[i].id)] = clean[i];
    } else {
        m_remembered[std::string(spec().id)] = clean;
    }
    updateError();
    emit paramsChanged();
}

void ExplorerState::resetParam(int index) {
    if (index < 0 || index >= static_cast<int>(spec().params.size())) return;
    setParam(index, paramSpecs()[static_cast<std::size_t>(index)].defaultValue);
}

void ExplorerState::rememberParams(const ActivationSpec& spec, const ParamValues& values) {
    if (&spec == m_call.spec.get()) {
        setParams(values);
        return;
    }
    m_remembered[std::string(spec.id)] = values;
}

QString ExplorerState::xRangeError(double xMin, double xMax) {
    if (!std::isfinite(xMin) || !std::isfinite(xMax))
        return tr("The x range needs two finite numbers.");
    if (std::fabs(xMin) > kMaxAbsX || std::fabs(xMax) > kMaxAbsX)
        return tr("The x range must stay within ±%1.").arg(kMaxAbsX, 0, 'g');
    // Below this width the 4,001 samples would not all be distinct doubles.
    const double minWidth = 1e-9 * std::max({1.0, std::fabs(xMin), std::fabs(xMax)});
    if (!(xMax - xMin > minWidth)) return tr("The start of the x range must be below its end.");
    return {};
}

bool ExplorerState::setXRange(double xMin, double xMax) {
    if (!xRangeError(xMin, xMax).isEmpty()) return false;
    if (xMin == m_xMin && xMax == m_xMax) return true;
    m_xMin = xMin;
    m_xMax = xMax;
    emit xRangeChanged(xMin, xMax);
    return true;
}

void ExplorerState::setShowF(bool on) {
    if (on == m_showF) return;
    m_showF = on;
    emit curvesShownChanged();
}

void ExplorerState::setShowDf(bool on) {
    if (on == m_showDf) return;
    m_showDf = on;
    emit curvesShownChanged();
}

void ExplorerState::setShowD2f(bool on) {
    if (on == m_showD2f) return;
    m_showD2f = on;
    emit curvesShownChanged();
}

void ExplorerState::setVanishingZoneShown(bool on) {
    if (on == m_vanishingZone) return;
    m_vanishingZone = on;
    emit zonesChanged();
}

void ExplorerState::setEpsilon(double epsilon) {
    if (!(epsilon > 0 && epsilon <= 1e3) || epsilon == m_epsilon) return;
    m_epsilon = epsilon;
    emit zonesChanged();
}

void ExplorerState::setDeadZoneShown(bool on) {
    if (on == m_deadZone) return;
    m_deadZone = on;
    emit zonesChanged();
}

void ExplorerState::setNetworkZ(const NetworkZ& z) {
    m_networkZ = z;
    m_networkZShown = !z.values.empty();
    emit networkZChanged();
}

void ExplorerState::setNetworkZShown(bool on) {
    if (on == m_networkZShown) return;
    m_networkZShown = on;
    emit networkZChanged();
}

bool ExplorerState::pinCurrent() {
    if (!isValid()) return false;
    for (const ActivationCall& pin : m_pinned)
        if (pin.spec == m_call.spec && pin.params == m_call.params) return false;
    m_pinned.push_back(m_call);
    emit pinnedChanged();
    return true;
}

void ExplorerState::removePinned(int index) {
    if (index < 0 || index >= static_cast<int>(m_pinned.size())) return;
    m_pinned.erase(m_pinned.begin() + index);
    emit pinnedChanged();
}

void ExplorerState::clearPinned() {
    if (m_pinned.empty()) return;
    m_pinned.clear();
    emit pinnedChanged();
}

void ExplorerState::setCompared(const QString& id, bool on) {
    // "formula" compares the formula typed last (lastFormula()).
    const bool known = findActivation(toStd(id)) || (id == qs(kFormulaActivationId) && m_lastFormula);
    if (!known || on == m_compared.contains(id)) return;
    if (on)
        m_compared.append(id);
    else
        m_compared.removeAll(id);
    emit comparedChanged();
}

void ExplorerState::clearCompared() {
    if (m_compared.isEmpty()) return;
    m_compared.clear();
    emit comparedChanged();
}

bool ExplorerState::compareMode() const {
    for (const QString& id : m_compared)
        if (id != qs(spec().id)) return true;
    return false;
}

void ExplorerState::updateError() {
    m_paramError = qs(checkParams(spec(), m_call.params));
}

}  // namespace actlab::ui
