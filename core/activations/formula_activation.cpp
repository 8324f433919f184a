#include "formula_activation.h"

#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "formula/formula.h"
#include "registry.h"

namespace actlab {

namespace {

/// Everything a formula row's views point into. Allocated once and never moved, so the views
/// in `spec` stay valid for as long as the storage lives.
struct FormulaRowStorage {
    std::shared_ptr<const FormulaProgram> program;
    std::string givenName, name, line, html, teachingEn, teachingZh;
    std::vector<std::string> paramNames;
    std::vector<ParamSpec> params;
    ActivationSpec spec;
};

std::string htmlEscape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '&':
                out += "&amp;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// Smoothness at the default parameters: where the formula switches (max, where, ...), whether
/// f or f′ jumps at a switching point in [−10, 10]; otherwise C∞.
Smoothness smoothnessOf(const FormulaProgram& p, std::span<const double> values) {
    if (!p.hasSwitchingPoints()) return Smoothness::CInfinity;
    Smoothness s = Smoothness::C1;
    for (double k : p.kinks(values, -10, 10)) {
        const double lo = std::nextafter(k, -HUGE_VAL), hi = std::nextafter(k, HUGE_VAL);
        const double step = 1e-7 * (1 + std::fabs(k));
        const auto jump = [&](double a, double b) {
            return std::isfinite(a) && std::isfinite(b) &&
                   std::fabs(a - b) > 1e-6 * (1 + std::fabs(a));
        };
        if (jump(p.f(lo, values), p.f(hi, values))) return Smoothness::Discontinuous;
        if (jump(p.df(k - step, values), p.df(k + step, values))) s = Smoothness::C0;
    }
    return s;
}

/// The properties docs/activations.md defines, at the default parameters, estimated from
/// samples (a formula has no limits to read off): monotonic, f′ ≥ 0 on 2001 points of
/// [−10, 10]; zero-centred, |E[f(z)]| < 0.01 for z ~ N(0, 1) (Simpson's rule on [−12, 12]);
/// bounded above (below), f at ±10³ and ±10⁶ finite and not above (below) its largest (smallest)
/// value on [−10, 10] by more than 1; saturating, |f′(±10⁶)| < 1e-9.
Properties propertiesOf(const FormulaProgram& p, std::span<const double> values) {
    Properties props;
    props.smoothness = smoothnessOf(p, values);
    std::vector<double> xs(2401), y(xs.size()), dy(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = -12 + 0.01 * double(i);
    p.evalFDf(xs, y, dy, values);
    props.monotonic = true;
    double lo = HUGE_VAL, hi = -HUGE_VAL, mean = 0;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const bool inner = xs[i] >= -10 - 1e-9 && xs[i] <= 10 + 1e-9;
        if (inner) {
            props.monotonic = props.monotonic && dy[i] >= 0;  // false for NaN too
            lo = std::min(lo, y[i]);
            hi = std::max(hi, y[i]);
        }
        const double w = i == 0 || i + 1 == xs.size() ? 1 : i % 2 ? 4 : 2;
        mean += w * y[i] * std::exp(-0.5 * xs[i] * xs[i]);
    }
    mean *= 0.01 / 3 / std::sqrt(2 * M_PI);
    props.zeroCentred = std::isfinite(mean) && std::fabs(mean) < 0.01;
    const double far[] = {-1e6, -1e3, 1e3, 1e6};
    bool finite = std::isfinite(lo) && std::isfinite(hi);
    double farLo = HUGE_VAL, farHi = -HUGE_VAL;
    for (double x : far) {
        const double v = p.f(x, values);
        finite = finite && std::isfinite(v);
        farLo = std::min(farLo, v);
        farHi = std::max(farHi, v);
    }
    props.boundedAbove = finite && farHi <= hi + 1;
    props.boundedBelow = finite && farLo >= lo - 1;
    props.saturating = std::fabs(p.df(1e6, values)) < 1e-9 && std::fabs(p.df(-1e6, values)) < 1e-9;
    return props;
}

ActivationRef buildRow(std::shared_ptr<const FormulaProgram> program, std::string_view name) {
    auto storage = std::make_shared<FormulaRowStorage>();
    FormulaRowStorage& s = *storage;
    s.program = std::move(program);
    const std::string& text = s.program->text();
    s.givenName = std::string(name);
    s.name = name.empty() ? text : std::string(name);
    s.line = "f(x) = " + text;
    s.html = "<i>f</i>(<i>x</i>) = " + htmlEscape(text);
    s.teachingEn = "A formula activation, f(x) = " + text +
                   ". Its derivatives f′ and f″ are exact (automatic differentiation, not finite "
                   "differences); at the switching points of max, min, abs, where and heaviside "
                   "they follow PyTorch's one-sided convention.";
    s.teachingZh = "公式激活函数 f(x) = " + text +
                   "。它的导数 f′ 和 f″ 是精确值（自动微分，而非有限差分）；在 max、min、abs、"
                   "where 和 heaviside 的切换点处取与 PyTorch 一致的单侧导数。";
    s.paramNames = s.program->params();
    for (const std::string& p : s.paramNames) {
        ParamSpec spec;
        spec.id = p;
        spec.symbol = p;
        spec.label = {p, p};
        spec.tooltip = {"A parameter of the formula", "公式中的参数"};
        spec.defaultValue = kFormulaParamDefault;
        spec.min = kFormulaParamMin;
        spec.max = kFormulaParamMax;
        spec.step = kFormulaParamStep;
        s.params.push_back(spec);
    }
    const std::vector<double> defaults = s.program->defaultParams();
    ActivationSpec& a = s.spec;
    a.id = kFormulaActivationId;
    a.name = {s.name, s.name};
    a.group = s.program->hasSwitchingPoints() ? Group::Piecewise : Group::Smooth;
    a.params = s.params;
    a.formula = s.line;
    a.formulaHtml = s.html;
    a.properties = propertiesOf(*s.program, defaults);
    a.teaching = {s.teachingEn, s.teachingZh};
    a.pytorch = "a FormulaActivation module (activation-lab export --pytorch writes it)";
    a.kinkConvention = "one-sided, as PyTorch (docs/formula-language.md)";
    a.program = s.program.get();
    a.owner = std::shared_ptr<const void>(storage, &s);
    return ActivationRef(storage, &s.spec);
}

/// Rows already made, by (text, name), so that looking a formula up again (a layer drawn at every
/// frame, a network rebuilt) shares one program instead of compiling it again. Entries expire
/// with the last holder of their row.
class RowCache {
public:
    ActivationRef find(const std::pair<std::string, std::string>& key) {
        std::lock_guard lock(m_mutex);
        const auto it = m_rows.find(key);
        return it == m_rows.end() ? nullptr : it->second.lock();
    }
    void add(std::pair<std::string, std::string> key, const ActivationRef& row) {
        std::lock_guard lock(m_mutex);
        if (m_rows.size() >= kPruneAt)
            std::erase_if(m_rows, [](const auto& e) { return e.second.expired(); });
        m_rows[std::move(key)] = row;
    }

private:
    static constexpr std::size_t kPruneAt = 64;
    std::mutex m_mutex;
    std::map<std::pair<std::string, std::string>, std::weak_ptr<const ActivationSpec>> m_rows;
};

RowCache& rowCache() {
    static RowCache cache;
    return cache;
}

}  // namespace

FormulaActivationResult makeFormulaActivation(std::string_view text, std::string_view name) {
    FormulaActivationResult r;
    try {
        std::pair<std::string, std::string> key{std::string(text), std::string(name)};
        if ((r.row = rowCache().find(key))) return r;
        FormulaCompileResult compiled = compileFormula(text);
        if (!compiled.ok()) {
            r.error = std::move(compiled.error);
            r.errorColumn = compiled.errorColumn;
            return r;
        }
        const std::size_t n = compiled.program->params().size();
        if (n > kMaxFormulaParams) {
            r.error = "a formula activation has at most " + std::to_string(kMaxFormulaParams) +
                      " parameters; this one has " + std::to_string(n);
            return r;
        }
        r.row = buildRow(std::move(compiled.program), name);
        rowCache().add(std::move(key), r.row);
    } catch (const std::exception& e) {  // allocation only
        r = {};
        r.error = std::string("the formula could not be compiled: ") + e.what();
    }
    return r;
}

FormulaActivationResult lookupActivation(std::string_view id, std::string_view formula,
                                         std::string_view name) {
    if (id == kFormulaActivationId) return makeFormulaActivation(formula, name);
    FormulaActivationResult r;
    r.row = activationRef(id);
    if (!r.row)
        r.error = "unknown activation '" + std::string(id) + "'; valid: " + activationIdList() +
                  ", " + std::string(kFormulaActivationId);
    return r;
}

std::string formulaText(const ActivationSpec& row) {
    return row.program ? row.program->text() : std::string();
}

std::string formulaGivenName(const ActivationSpec& row) {
    if (!row.program) return {};
    return std::string(row.name.en) == row.program->text() ? std::string()
                                                           : std::string(row.name.en);
}

}  // namespace actlab
