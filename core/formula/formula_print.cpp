// Printing expressions as plain text (the formula language itself, so that a derivative can be
// typed back in) and as LaTeX. Products are written as one fraction: numeric coefficient and
// factors over the factors with negative exponents, "x/(2*sqrt(x^2 + 1))".

#include <charconv>
#include <cmath>

#include "formula_expr.h"

namespace actlab::formula {

namespace {

// Precedence of a printed expression, and of the context it appears in.
constexpr int kTop = 0;
constexpr int kSum = 1;
constexpr int kNegative = 2;  // a leading minus: "-x" must be parenthesised as a factor or base
constexpr int kProduct = 3;
constexpr int kPower = 4;
constexpr int kAtom = 5;

std::string shortest(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

bool isNegativeExponentPower(const Expr& f) {
    return f.kind == ExprKind::Power && f.args[1]->kind == ExprKind::Number && f.args[1]->value < 0;
}

class Printer {
public:
    Printer(const std::vector<std::string>& params, bool latex)
        : m_params(params), m_latex(latex) {}

    std::string print(const Expr& e, int context) {
        int own = kAtom;
        std::string s = body(e, own);
        return own < context ? open() + s + close() : s;
    }

private:
    std::string open() const { return m_latex ? "\\left(" : "("; }
    std::string close() const { return m_latex ? "\\right)" : ")"; }

    std::string number(double v) {
        std::string s = shortest(v);
        if (!m_latex) return s;
        const std::size_t e = s.find('e');
        if (e == std::string::npos) return s;
        std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
        if (!exponent.empty() && exponent[0] == '+') exponent.erase(0, 1);
        const std::string p = "10^{" + exponent + "}";
        return mantissa == "1" ? p : mantissa + " \\cdot " + p;
    }

    std::string paramName(int index) {
        const std::string& name = index >= 0 && static_cast<std::size_t>(index) < m_params.size()
                                      ? m_params[static_cast<std::size_t>(index)]
                                      : std::string("?");
        if (!m_latex) return name;
        static const char* const kGreek[] = {"alpha", "beta",  "gamma", "delta", "epsilon", "zeta",
                                             "eta",   "theta", "iota",  "kappa", "lambda",  "mu",
                                             "nu",    "xi",    "rho",   "sigma", "tau",     "phi",
                                             "chi",   "psi",   "omega"};
        for (const char* g : kGreek)
            if (name == g) return std::string("\\") + g;
        if (name.size() == 1) return name;
        std::size_t digits = 1;
        while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
        if (digits == name.size()) return name.substr(0, 1) + "_{" + name.substr(1) + "}";
        std::string escaped;
        for (char c : name) escaped += c == '_' ? std::string("\\_") : std::string(1, c);
        return "\\mathrm{" + escaped + "}";
    }

    /// The text of e; `own` receives its precedence.
    std::string body(const Expr& e, int& own) {
        switch (e.kind) {
            case ExprKind::Number:
                own = e.value < 0 ? kNegative : kAtom;
                return e.value < 0 ? "-" + number(-e.value) : number(e.value);
            case ExprKind::Pi:
                return m_latex ? "\\pi" : "pi";
            case ExprKind::Euler:
                return "e";
            case ExprKind::X:
                return "x";
            case ExprKind::Param:
                return paramName(e.param);
            case ExprKind::Sum:
                own = kSum;
                return sum(e);
            case ExprKind::Product:
                return product(e.args, false, own);
            case ExprKind::Power:
                if (isNegativeExponentPower(e))
                    return product({std::make_shared<const Expr>(e)}, false, own);
                own = kPower;
                return power(*e.args[0], *e.args[1]);
            case ExprKind::Call:
                return call(e, own);
            case ExprKind::Compare: {
                own = kTop;
                static const char* const kLatexOps[] = {"<", "\\le", ">", "\\ge"};
                const std::string op =
                    m_latex ? kLatexOps[static_cast<int>(e.cmp)] : std::string(compareText(e.cmp));
                return print(*e.args[0], kSum) + " " + op + " " + print(*e.args[1], kSum);
            }
        }
        return "?";
    }

    static bool negative(const Expr& t) {
        if (t.kind == ExprKind::Number) return t.value < 0;
        return t.kind == ExprKind::Product && t.args[0]->kind == ExprKind::Number &&
               t.args[0]->value < 0;
    }

    std::string sum(const Expr& e) {
        std::string s;
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            const Expr& t = *e.args[i];
            if (i == 0) {
                s = print(t, kSum);
            } else if (negative(t)) {
                int own = kAtom;
                s += " - " +
                     (t.kind == ExprKind::Number ? number(-t.value) : product(t.args, true, own));
            } else {
                s += " + " + print(t, kSum);
            }
        }
        return s;
    }

    std::string join(const std::vector<std::string>& parts) const {
        std::string s;
        for (const std::string& p : parts) {
            if (!s.empty()) {
                const bool digit = !p.empty() && ((p[0] >= '0' && p[0] <= '9') || p[0] == '.');
                s += m_latex ? (digit ? " \\cdot " : " ") : "*";
            }
            s += p;
        }
        return s;
    }

    /// A product as coefficient, numerator factors and denominator factors.
    std::string product(const std::vector<ExprPtr>& factors, bool negate, int& own) {
        double num = 1, den = 1;
        std::vector<const Expr*> topFactors;
        std::vector<std::pair<const Expr*, double>> bottomFactors;  // base, positive exponent
        for (const ExprPtr& f : factors) {
            if (f->kind == ExprKind::Number) {
                num *= f->value;
            } else if (isNegativeExponentPower(*f)) {
                const Expr& base = *f->args[0];
                const double k = -f->args[1]->value;
                if (base.kind == ExprKind::Number && k == 1)
                    den *= base.value;
                else
                    bottomFactors.emplace_back(&base, k);
            } else {
                topFactors.push_back(f.get());
            }
        }
        if (negate) num = -num;
        const bool minus = std::signbit(num);
        num = std::fabs(num);
        std::vector<std::string> top, bottom;
        if (num != 1 || topFactors.empty()) top.push_back(number(num));
        if (den != 1) bottom.push_back(number(den));
        // A lone numerator or denominator of \frac needs no parentheses.
        const bool fraction = m_latex && (!bottomFactors.empty() || den != 1);
        const int topContext = fraction && top.size() + topFactors.size() == 1 ? kTop : kProduct;
        for (const Expr* f : topFactors) top.push_back(print(*f, topContext));
        const int bottomContext =
            fraction && bottom.size() + bottomFactors.size() == 1 ? kTop : kProduct;
        for (const auto& [base, k] : bottomFactors)
            bottom.push_back(k == 1 ? print(*base, bottomContext) : print(*base, kAtom) + power(k));
        std::string s;
        if (bottom.empty()) {
            s = join(top);
            own = top.size() > 1 ? kProduct : kAtom;
        } else if (m_latex) {
            s = "\\frac{" + join(top) + "}{" + join(bottom) + "}";
            own = kAtom;
        } else {
            const std::string b = join(bottom);
            s = join(top) + "/" + (bottom.size() > 1 ? "(" + b + ")" : b);
            own = kProduct;
        }
        if (minus) {
            own = kNegative;
            return "-" + s;
        }
        return s;
    }

    std::string power(double k) { return m_latex ? "^{" + number(k) + "}" : "^" + number(k); }

    std::string power(const Expr& base, const Expr& exponent) {
        const std::string b = print(base, kAtom);
        if (m_latex) return b + "^{" + print(exponent, kTop) + "}";
        if (exponent.kind == ExprKind::Number && exponent.value >= 0)
            return b + "^" + number(exponent.value);
        // ^ is right-associative: a power as exponent needs no parentheses (x^x^x), which also
        // keeps a long tower within the parser's nesting limit.
        return b + "^" + print(exponent, kPower);
    }

    std::string args(const Expr& e) {
        std::string s;
        for (std::size_t i = 0; i < e.args.size(); ++i)
            s += (i ? ", " : "") + print(*e.args[i], kTop);
        return s;
    }

    std::string call(const Expr& e, int& own) {
        own = kAtom;
        if (!m_latex) return std::string(functionName(e.fn)) + "(" + args(e) + ")";
        // Each argument is printed once: nested calls would otherwise double the work per level.
        const auto u = [&] { return print(*e.args[0], kTop); };
        const auto named = [&](const char* name) {
            return std::string(name) + open() + args(e) + close();
        };
        switch (e.fn) {
            case Function::Exp:
                own = kPower;
                return "e^{" + u() + "}";
            case Function::Sqrt:
                return "\\sqrt{" + u() + "}";
            case Function::Abs:
                return "\\left|" + u() + "\\right|";
            case Function::Sigmoid:
                return named("\\sigma");
            case Function::Log:
                return named("\\log");
            case Function::Sin:
                return named("\\sin");
            case Function::Cos:
                return named("\\cos");
            case Function::Tan:
                return named("\\tan");
            case Function::Tanh:
                return named("\\tanh");
            case Function::Sinh:
                return named("\\sinh");
            case Function::Cosh:
                return named("\\cosh");
            case Function::Atan:
                return named("\\arctan");
            case Function::Max:
                return named("\\max");
            case Function::Min:
                return named("\\min");
            case Function::Sign:
                return named("\\operatorname{sgn}");
            case Function::Heaviside:
                return named("H");
            case Function::Where:
                return "\\begin{cases} " + print(*e.args[1], kTop) + " & \\text{if } " + u() +
                       " \\\\ " + print(*e.args[2], kTop) + " & \\text{otherwise} \\end{cases}";
            default:
                return named(("\\operatorname{" + std::string(functionName(e.fn)) + "}").c_str());
        }
    }

    const std::vector<std::string>& m_params;
    bool m_latex;
};

}  // namespace

std::string printPlain(const Expr& e, const std::vector<std::string>& params) {
    return Printer(params, false).print(e, kTop);
}

std::string printLatex(const Expr& e, const std::vector<std::string>& params) {
    return Printer(params, true).print(e, kTop);
}

}  // namespace actlab::formula
