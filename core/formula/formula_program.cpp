#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>

#include "formula.h"
#include "formula_parser.h"

namespace actlab {

namespace {

using formula::Ast;
using formula::Function;
using formula::Node;
using formula::NodeKind;

bool isSwitch(const Node& n) {
    if (n.kind != NodeKind::Call) return false;
    switch (n.fn) {
        case Function::Max:
        case Function::Min:
        case Function::Abs:
        case Function::Sign:
        case Function::Heaviside:
        case Function::Where:
            return true;
        default:
            return false;
    }
}

/// Whether node i switches between pieces as x varies: a max, min, abs, sign or heaviside of
/// something that depends on x, or a where() whose comparison does.
bool switchesWithX(const Ast& ast, const std::vector<bool>& dep, std::size_t i) {
    const Node& n = ast.nodes[i];
    if (!isSwitch(n)) return false;
    return n.fn == Function::Where ? dep[static_cast<std::size_t>(n.args[0])] : dep[i];
}

/// Whether every node up to the root is piecewise linear in x (see isPiecewiseLinear()).
bool piecewiseLinear(const Ast& ast, const std::vector<bool>& dep) {
    std::vector<bool> lin(ast.nodes.size(), false);
    for (std::size_t i = 0; i < ast.nodes.size(); ++i) {
        const Node& n = ast.nodes[i];
        const auto L = [&](int k) {
            return static_cast<bool>(lin[static_cast<std::size_t>(n.args[k])]);
        };
        const auto D = [&](int k) {
            return static_cast<bool>(dep[static_cast<std::size_t>(n.args[k])]);
        };
        bool l = !dep[i];
        switch (n.kind) {
            case NodeKind::X:
                l = true;
                break;
            case NodeKind::Neg:
                l = l || L(0);
                break;
            case NodeKind::Add:
            case NodeKind::Sub:
            case NodeKind::Compare:
                l = l || (L(0) && L(1));
                break;
            case NodeKind::Mul:
                l = l || (L(0) && !D(1)) || (!D(0) && L(1));
                break;
            case NodeKind::Div:
                l = l || (L(0) && !D(1));
                break;
            case NodeKind::Pow: {
                const Node& e = ast[n.args[1]];
                l = l || (L(0) && e.kind == NodeKind::Number && e.value == 1);
                break;
            }
            case NodeKind::Call:
                if (isSwitch(n)) {
                    bool all = true;
                    for (int k = 0; k < n.argCount; ++k) all = all && L(k);
                    l = l || all;
                }
                break;
            default:
                break;
        }
        lin[i] = l;
    }
    return ast.root >= 0 && lin[static_cast<std::size_t>(ast.root)];
}

/// The formula whose sign changes at the switching point of node `s`: l − r for max, min and
/// where's comparison, the argument for abs, sign and heaviside.
Ast switchDifference(const Ast& ast, std::int32_t s) {
    Ast out = ast;
    const Node& n = ast[s];
    std::int32_t l = n.args[0], r = n.args[1];
    if (n.fn == Function::Where) {
        r = ast[l].args[1];
        l = ast[l].args[0];
    }
    if (n.fn == Function::Abs || n.fn == Function::Sign || n.fn == Function::Heaviside) {
        out.root = l;
        return out;
    }
    Node d;
    d.kind = NodeKind::Sub;
    d.args = {l, r, -1};
    d.argCount = 2;
    out.root = out.add(d);
    return out;
}

}  // namespace

FormulaCompileResult compileFormula(std::string_view text) noexcept {
    FormulaCompileResult result;
    try {
        formula::ParseResult parsed = formula::parseFormula(text);
        if (!parsed.ok()) {
            result.error = std::move(parsed.error);
            result.errorColumn = parsed.errorColumn;
            return result;
        }
        std::shared_ptr<FormulaProgram> p(new FormulaProgram);
        p->m_text = std::string(text);
        p->m_ast = std::move(parsed.ast);
        p->m_tape = formula::compileTape(formula::stabilise(p->m_ast));
        const std::vector<bool> dep = formula::dependsOnX(p->m_ast);
        const std::vector<bool> live = formula::reachable(p->m_ast);
        for (std::size_t i = 0; i < dep.size(); ++i)
            if (live[i] && switchesWithX(p->m_ast, dep, i)) p->m_hasSwitches = true;
        p->m_dependsOnX = dep[static_cast<std::size_t>(p->m_ast.root)];
        p->m_piecewiseLinear = piecewiseLinear(p->m_ast, dep);
        result.program = std::move(p);
    } catch (const std::exception& e) {
        result.program = nullptr;
        result.error = std::string("the formula could not be compiled: ") + e.what();
    }
    return result;
}

int FormulaProgram::paramIndex(std::string_view name) const {
    for (std::size_t i = 0; i < m_ast.params.size(); ++i)
        if (m_ast.params[i] == name) return static_cast<int>(i);
    return -1;
}

void FormulaProgram::eval(int order, std::span<const double> x, double* y, double* dy, double* d2y,
                          std::size_t n, std::span<const double> params) const noexcept {
    try {
        formula::runTape(m_tape, order, x.first(n), y, dy, d2y, params);
    } catch (...) {
        // Only the workspace allocation can throw: report NaN rather than a partial result.
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        for (double* out : {y, dy, d2y})
            if (out) std::fill(out, out + n, nan);
    }
}

void FormulaProgram::evalF(std::span<const double> x, std::span<double> y,
                           std::span<const double> params) const noexcept {
    eval(0, x, y.data(), nullptr, nullptr, std::min(x.size(), y.size()), params);
}

void FormulaProgram::evalFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                             std::span<const double> params) const noexcept {
    eval(1, x, y.data(), dy.data(), nullptr, std::min({x.size(), y.size(), dy.size()}), params);
}

void FormulaProgram::evalFDfD2f(std::span<const double> x, std::span<double> y,
                                std::span<double> dy, std::span<double> d2y,
                                std::span<const double> params) const noexcept {
    eval(2, x, y.data(), dy.data(), d2y.data(),
         std::min({x.size(), y.size(), dy.size(), d2y.size()}), params);
}

double FormulaProgram::f(double x, std::span<const double> params) const noexcept {
    double y = 0;
    eval(0, {&x, 1}, &y, nullptr, nullptr, 1, params);
    return y;
}

double FormulaProgram::df(double x, std::span<const double> params) const noexcept {
    double y = 0, dy = 0;
    eval(1, {&x, 1}, &y, &dy, nullptr, 1, params);
    return dy;
}

double FormulaProgram::d2f(double x, std::span<const double> params) const noexcept {
    double y = 0, dy = 0, d2y = 0;
    eval(2, {&x, 1}, &y, &dy, &d2y, 1, params);
    return d2y;
}

std::vector<double> FormulaProgram::kinks(std::span<const double> params, double xMin,
                                          double xMax) const {
    std::vector<double> out;
    if (!(xMin <= xMax) || !std::isfinite(xMin) || !std::isfinite(xMax)) return out;
    constexpr std::size_t kSamples = 4097;
    std::vector<double> xs(kSamples), vs(kSamples);
    for (std::size_t i = 0; i < kSamples; ++i)
        xs[i] = xMin + (xMax - xMin) * static_cast<double>(i) / static_cast<double>(kSamples - 1);
    const std::vector<bool> dep = formula::dependsOnX(m_ast);
    const std::vector<bool> live = formula::reachable(m_ast);
    for (std::size_t s = 0; s < m_ast.nodes.size(); ++s) {
        if (!live[s] || !switchesWithX(m_ast, dep, s)) continue;
        const formula::Tape tape = formula::compileTape(
            formula::stabilise(switchDifference(m_ast, static_cast<std::int32_t>(s))));
        formula::runTape(tape, 0, xs, vs.data(), nullptr, nullptr, params);
        const auto value = [&](double x) {
            double v = 0;
            formula::runTape(tape, 0, {&x, 1}, &v, nullptr, nullptr, params);
            return v;
        };
        for (std::size_t i = 0; i < kSamples; ++i) {
            if (vs[i] == 0) {
                out.push_back(xs[i]);
                continue;
            }
            if (i + 1 == kSamples || vs[i + 1] == 0 || std::isnan(vs[i]) || std::isnan(vs[i + 1]) ||
                (vs[i] < 0) == (vs[i + 1] < 0))
                continue;
            // Bisection to adjacent doubles: lo keeps the sign of vs[i].
            double lo = xs[i], hi = xs[i + 1];
            const bool negativeAtLo = vs[i] < 0;
            for (int it = 0; it < 2100; ++it) {
                const double mid = lo + (hi - lo) / 2;
                if (mid <= lo || mid >= hi) break;
                const double v = value(mid);
                if (v == 0) {
                    lo = hi = mid;
                    break;
                }
                ((v < 0) == negativeAtLo ? lo : hi) = mid;
            }
            out.push_back(hi);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace actlab
