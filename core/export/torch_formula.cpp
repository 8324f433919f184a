#include "torch_formula.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <numbers>
#include <vector>

#include "formula/formula.h"
#include "python_text.h"

namespace actlab::pytorch {

namespace {

using formula::Ast;
using formula::CompareOp;
using formula::Function;
using formula::Node;
using formula::NodeKind;

constexpr const char* kSupport =
    "def _k(v):\n"
    "    \"\"\"v as a float64 tensor (a tensor is kept as it is, with its gradient), so that\n"
    "    arithmetic on numbers follows torch: 1/0 is inf, not an error.\"\"\"\n"
    "    return torch.as_tensor(v, dtype=torch.float64)\n"
    "\n"
    "\n"
    "def _nan_if(bad, v):\n"
    "    \"\"\"v with NaN wherever `bad` holds: a NaN operand or comparison gives NaN.\"\"\"\n"
    "    return torch.where(bad, torch.full_like(v, float(\"nan\")), v)\n"
    "\n"
    "\n"
    "def _first(a, b, da, db, larger, tie):\n"
    "    \"\"\"Where max(a, b) (larger) or min(a, b) takes a. At a tie the formula language takes\n"
    "    the operand whose derivative (da, db) is smaller in magnitude, the first when equal; "
    "with\n"
    "    no derivatives given, `tie` says which one (the one that does not depend on x).\"\"\"\n"
    "    a, b = _k(a), _k(b)\n"
    "    if da is None:\n"
    "        at_tie = torch.full_like(a == b, tie == \"first\")\n"
    "    else:\n"
    "        at_tie = _k(da).abs() <= _k(db).abs()\n"
    "    return (a > b if larger else a < b) | ((a == b) & at_tie)\n"
    "\n"
    "\n"
    "def _max(a, b, da=None, db=None, tie=\"first\"):\n"
    "    \"\"\"max(a, b) with the formula language's convention at a tie (see _first): "
    "torch.maximum\n"
    "    would split the gradient in halves there.\"\"\"\n"
    "    a, b = _k(a), _k(b)\n"
    "    v = torch.where(_first(a, b, da, db, True, tie), a, b)\n"
    "    return _nan_if(torch.isnan(a) | torch.isnan(b), v)\n"
    "\n"
    "\n"
    "def _min(a, b, da=None, db=None, tie=\"first\"):\n"
    "    \"\"\"min(a, b), as _max.\"\"\"\n"
    "    a, b = _k(a), _k(b)\n"
    "    v = torch.where(_first(a, b, da, db, False, tie), a, b)\n"
    "    return _nan_if(torch.isnan(a) | torch.isnan(b), v)\n"
    "\n"
    "\n"
    "_COMPARE = {\"<\": torch.lt, \"<=\": torch.le, \">\": torch.gt, \">=\": torch.ge}\n"
    "\n"
    "\n"
    "def _where(left, op, right, a, b):\n"
    "    \"\"\"where(left op right, a, b); NaN where the comparison involves a NaN.\"\"\"\n"
    "    left, right = _k(left), _k(right)\n"
    "    v = torch.where(_COMPARE[op](left, right), _k(a), _k(b))\n"
    "    return _nan_if(torch.isnan(left) | torch.isnan(right), v)\n"
    "\n"
    "\n"
    "def _heaviside(u, at_zero=1.0):\n"
    "    \"\"\"1 for u > 0, 0 for u < 0, at_zero at 0, NaN for NaN. Its derivative is 0: torch's\n"
    "    heaviside has no backward, so it runs on a detached copy.\"\"\"\n"
    "    u = _k(u).detach()\n"
    "    return _nan_if(torch.isnan(u), torch.heaviside(u, _k(at_zero).detach()))\n"
    "\n"
    "\n"
    "def _softplus(u):\n"
    "    \"\"\"log(1 + exp(u)) without overflow, with the derivative sigmoid(u) everywhere\n"
    "    (torch.nn.functional.softplus returns u itself for u > 20).\"\"\"\n"
    "    u = _k(u)\n"
    "    return torch.logaddexp(u, torch.zeros_like(u))\n"
    "\n"
    "\n"
    "class FormulaActivation(nn.Module):\n"
    "    \"\"\"An activation typed as a formula in Activation Lab: function(x, p) computes it "
    "with\n"
    "    torch operations, p holding the parameters (fixed, not trained).\"\"\"\n"
    "\n"
    "    def __init__(self, function, params):\n"
    "        super().__init__()\n"
    "        self.function = function\n"
    "        self.params = {name: _k(value) for name, value in params.items()}\n"
    "\n"
    "    def forward(self, x):\n"
    "        y = self.function(x, self.params)\n"
    "        if x.requires_grad and not y.requires_grad:\n"
    "            # A step or a constant: keep the layers below in the graph, with gradient 0.\n"
    "            y = y + 0.0 * torch.sign(x)\n"
    "        return y.expand_as(x)\n"
    "\n"
    "    def extra_repr(self):\n"
    "        return self.function.__name__ + \"\".join(\n"
    "            \", %s=%r\" % (name, value.item()) for name, value in self.params.items())\n";

/// Precedence of an emitted expression, for parentheses.
enum Prec { kAdd = 1, kMul = 2, kUnary = 3, kAtom = 4 };

struct Code {
    std::string text;
    bool tensor = false;  ///< a tensor (depends on x or a parameter), not a Python float
    int prec = kAtom;
};

class Writer {
public:
    explicit Writer(const Ast& ast) : m_ast(ast), m_dep(formula::dependsOnX(ast)) {}

    std::string expression() { return value(m_ast.root).text; }

private:
    const Node& node(std::int32_t i) const { return m_ast[i]; }
    bool dep(std::int32_t i) const { return m_dep[static_cast<std::size_t>(i)]; }
    std::int32_t arg(std::int32_t i, int k) const { return node(i).args[std::size_t(k)]; }

    static std::string paren(const Code& c, int prec, bool strict = false) {
        return c.prec < prec || (strict && c.prec == prec) ? "(" + c.text + ")" : c.text;
    }
    /// As a tensor: a Python float is wrapped in _k().
    static std::string tensor(const Code& c) { return c.tensor ? c.text : "_k(" + c.text + ")"; }

    static Code binary(Code a, const char* op, Code b, int prec, bool strictRight) {
        // Two Python floats would be Python arithmetic (1/0 raises): make the left a tensor.
        if (!a.tensor && !b.tensor) a = {tensor(a), true, kAtom};
        return {paren(a, prec) + " " + op + " " + paren(b, prec, strictRight), true, prec};
    }
    static Code call(const std::string& fn, const std::vector<std::string>& args) {
        std::string s = fn + "(";
        for (std::size_t i = 0; i < args.size(); ++i) s += (i ? ", " : "") + args[i];
        return {s + ")", true, kAtom};
    }
    static Code number(double v) { return {pyFloat(v), false, v < 0 ? kUnary : kAtom}; }

    Code value(std::int32_t i) {
        const Node& n = node(i);
        switch (n.kind) {
            case NodeKind::Number:
                return number(n.value);
            case NodeKind::Pi:
                return number(std::numbers::pi);
            case NodeKind::Euler:
                return number(std::numbers::e);
            case NodeKind::X:
                return {"x", true, kAtom};
            case NodeKind::Param:
                return {"p[" + pyString(m_ast.params[std::size_t(n.param)]) + "]", true, kAtom};
            case NodeKind::Neg: {
                const Code a = value(arg(i, 0));
                return {"-" + paren(a, kUnary), a.tensor, kUnary};
            }
            case NodeKind::Add:
                return binary(value(arg(i, 0)), "+", value(arg(i, 1)), kAdd, false);
            case NodeKind::Sub:
                return binary(value(arg(i, 0)), "-", value(arg(i, 1)), kAdd, true);
            case NodeKind::Mul:
                return binary(value(arg(i, 0)), "*", value(arg(i, 1)), kMul, false);
            case NodeKind::Div:
                return binary(value(arg(i, 0)), "/", value(arg(i, 1)), kMul, true);
            case NodeKind::Pow: {
                const Code a = value(arg(i, 0)), b = value(arg(i, 1));
                // An exponent that depends on x: e^(v log u), NaN for u < 0 as in the app.
                if (dep(arg(i, 1)))
                    return call("torch.exp", {paren(b, kMul) + " * torch.log(" + tensor(a) + ")"});
                return call("torch.pow", {tensor(a), b.text});
            }
            case NodeKind::Call:
                return callValue(i);
            default:
                break;  // a comparison is written by where(); SqrtSumSquare is not parsed
        }
        return {"float(\"nan\")", false, kAtom};
    }

    Code callValue(std::int32_t i) {
        const Node& n = node(i);
        const auto u = [&]() { return value(arg(i, 0)); };
        switch (n.fn) {
            case Function::Softplus:
                return call("_softplus", {u().text});
            case Function::Heaviside: {
                std::vector<std::string> args = {u().text};
                if (n.argCount == 2) args.push_back(value(arg(i, 1)).text);
                return call("_heaviside", args);
            }
            case Function::Max:
            case Function::Min: {
                const std::int32_t a = arg(i, 0), b = arg(i, 1);
                std::vector<std::string> args = {value(a).text, value(b).text};
                if (dep(a) && dep(b)) {
                    args.push_back(derivative(a).text);
                    args.push_back(derivative(b).text);
                } else if (dep(a)) {
                    args.push_back("tie=\"second\"");  // the operand without x wins a tie
                }
                return call(n.fn == Function::Max ? "_max" : "_min", args);
            }
            case Function::Where: {
                const Node& c = node(arg(i, 0));
                return call("_where",
                            {value(c.args[0]).text, pyString(formula::compareText(c.cmp)),
                             value(c.args[1]).text, value(arg(i, 1)).text, value(arg(i, 2)).text});
            }
            default:
                break;
        }
        return call("torch." + std::string(formula::functionName(n.fn)), {tensor(u())});
    }

    /// d/dx of node i, for the tie rule of a max or min of two operands that depend on x. Only
    /// its value matters (it selects, it is not differentiated).
    Code derivative(std::int32_t i) {
        if (!dep(i)) return number(0);
        const Node& n = node(i);
        const auto d = [&](int k) { return derivative(arg(i, k)); };
        const auto v = [&](int k) { return value(arg(i, k)); };
        switch (n.kind) {
            case NodeKind::X:
                return number(1);
            case NodeKind::Neg:
                return {"-" + paren(d(0), kUnary), true, kUnary};
            case NodeKind::Add:
                return binary(d(0), "+", d(1), kAdd, false);
            case NodeKind::Sub:
                return binary(d(0), "-", d(1), kAdd, true);
            case NodeKind::Mul:
                return binary(binary(d(0), "*", v(1), kMul, false), "+",
                              binary(v(0), "*", d(1), kMul, false), kAdd, false);
            case NodeKind::Div: {
                const Code num = binary(binary(d(0), "*", v(1), kMul, false), "-",
                                        binary(v(0), "*", d(1), kMul, false), kAdd, true);
                return binary(num, "/", binary(v(1), "*", v(1), kMul, false), kMul, true);
            }
            case NodeKind::Pow: {
                if (dep(arg(i, 1))) {  // (e^(v log u))′ = f·(v′ log u + v u′/u)
                    const Code inner = binary(
                        binary(d(1), "*", call("torch.log", {tensor(v(0))}), kMul, false), "+",
                        binary(binary(v(1), "*", d(0), kMul, false), "/", v(0), kMul, true), kAdd,
                        false);
                    return binary(value(i), "*", inner, kMul, false);
                }
                const Code b = v(1);
                const Code lower = binary(b, "-", number(1), kAdd, true);
                return binary(
                    binary(b, "*", call("torch.pow", {tensor(v(0)), lower.text}), kMul, false), "*",
                    d(0), kMul, false);
            }
            case NodeKind::Call:
                return callDerivative(i);
            default:
                break;
        }
        return number(0);
    }

    Code callDerivative(std::int32_t i) {
        const Node& n = node(i);
        const Code u = value(arg(i, 0)), du = derivative(arg(i, 0)), self = value(i);
        const auto t = [](const std::string& fn, const Code& c) { return call(fn, {tensor(c)}); };
        const auto times = [&](const Code& outer) { return binary(outer, "*", du, kMul, false); };
        const auto over = [&](const Code& den) { return binary(du, "/", den, kMul, true); };
        const Code one = number(1);
        switch (n.fn) {
            case Function::Exp:
                return times(self);
            case Function::Expm1:
                return times(t("torch.exp", u));
            case Function::Log:
                return over(u);
            case Function::Log1p:
                return over(binary(one, "+", u, kAdd, false));
            case Function::Sqrt:
                return over(binary(number(2), "*", self, kMul, false));
            case Function::Abs:
                return times(t("torch.sign", u));
            case Function::Sin:
                return times(t("torch.cos", u));
            case Function::Cos:
                return times({"-" + t("torch.sin", u).text, true, kUnary});
            case Function::Tan:
            case Function::Tanh: {
                const Code sq = binary(self, "*", self, kMul, false);
                return times(binary(one, n.fn == Function::Tan ? "+" : "-", sq, kAdd, true));
            }
            case Function::Sinh:
                return times(t("torch.cosh", u));
            case Function::Cosh:
                return times(t("torch.sinh", u));
            case Function::Atan:
                return over(binary(one, "+", binary(u, "*", u, kMul, false), kAdd, false));
            case Function::Erf:
            case Function::Erfc: {
                const Code g =
                    binary(number(n.fn == Function::Erf ? 2 / std::sqrt(std::numbers::pi)
                                                        : -2 / std::sqrt(std::numbers::pi)),
                           "*",
                           t("torch.exp",
                             {"-" + paren(binary(u, "*", u, kMul, false), kUnary), true, kUnary}),
                           kMul, false);
                return times(g);
            }
            case Function::Sigmoid:
                return times(binary(self, "*", binary(one, "-", self, kAdd, true), kMul, false));
            case Function::Softplus:
                return times(t("torch.sigmoid", u));
            case Function::Max:
            case Function::Min: {
                const std::int32_t a = arg(i, 0), b = arg(i, 1);
                const bool both = dep(a) && dep(b);
                const Code da = derivative(a), db = derivative(b);
                const Code first = call(
                    "_first", {value(a).text, value(b).text, both ? da.text : "None",
                               both ? db.text : "None", n.fn == Function::Max ? "True" : "False",
                               dep(a) && !dep(b) ? "\"second\"" : "\"first\""});
                return call("torch.where", {first.text, tensor(da), tensor(db)});
            }
            case Function::Where: {
                const Node& c = node(arg(i, 0));
                return call("_where", {value(c.args[0]).text, pyString(formula::compareText(c.cmp)),
                                       value(c.args[1]).text, derivative(arg(i, 1)).text,
                                       derivative(arg(i, 2)).text});
            }
            default:
                break;  // sign, heaviside
        }
        return number(0);
    }

    const Ast& m_ast;
    std::vector<bool> m_dep;
};

}  // namespace

const std::string& formulaSupportCode() {
    static const std::string code = kSupport;
    return code;
}

std::string formulaFunctionName(const std::string& text, const std::string& name) {
    std::uint32_t h = 2166136261u;  // FNV-1a of the text, a 0 byte and the name
    for (unsigned char c : text + '\0' + name) h = (h ^ c) * 16777619u;
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", h);
    return "formula_" + std::string(hex);
}

std::string formulaFunction(const FormulaProgram& program, const std::string& name) {
    const std::string& text = program.text();
    std::string label =
        oneLine(name.empty() || name == text ? "f(x) = " + text : name + ": f(x) = " + text);
    return "def " + formulaFunctionName(text, name) + "(x, p):\n    # " + label + "\n    return " +
           Writer(program.ast()).expression() + "\n";
}

}  // namespace actlab::pytorch
