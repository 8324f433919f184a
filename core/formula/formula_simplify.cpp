// ExprBuilder: the simplifying constructors of formula_expr.h, and the conversion from an Ast.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "formula_expr.h"

namespace actlab::formula {

namespace {

constexpr double kMaxExactInteger = 9007199254740992.0;  // 2⁵³

bool isInteger(double v) {
    return std::isfinite(v) && v == std::floor(v) && std::fabs(v) <= kMaxExactInteger;
}

/// A numeric coefficient num/den, kept as an exact fraction while both are integers (x/2 is
/// shown as x/2, not 0.5*x), else as the double num with den = 1.
struct Coef {
    double num = 1;
    double den = 1;
};

Coef normal(Coef c) {
    if (c.den == 1) return c;
    if (!isInteger(c.num) || !isInteger(c.den) || c.den == 0) return {c.num / c.den, 1};
    if (c.den < 0) c = {-c.num, -c.den};
    const auto g =
        std::gcd(static_cast<std::int64_t>(std::fabs(c.num)), static_cast<std::int64_t>(c.den));
    if (g > 1) c = {c.num / static_cast<double>(g), c.den / static_cast<double>(g)};
    return c;
}

Coef times(Coef a, Coef b) {
    return normal({a.num * b.num, a.den * b.den});
}

Coef plus(Coef a, Coef b) {
    if (a.den == 1 && b.den == 1) return {a.num + b.num, 1};
    return normal({a.num * b.den + b.num * a.den, a.den * b.den});
}

/// The coefficient a factor stands for: a number, or 1/k written as k^(−m).
bool asCoefficient(const Expr& f, Coef& c) {
    if (f.kind == ExprKind::Number) {
        c = {f.value, 1};
        return true;
    }
    if (f.kind == ExprKind::Power && f.args[0]->kind == ExprKind::Number &&
        f.args[1]->kind == ExprKind::Number) {
        const double k = f.args[0]->value, m = -f.args[1]->value;
        if (isInteger(k) && k != 0 && isInteger(m) && m >= 1 && m <= 64) {
            const double d = std::pow(k, m);
            if (isInteger(d)) {
                c = normal({1, d});
                return true;
            }
        }
    }
    return false;
}

int rank(const Expr& f) {
    switch (f.kind) {
        case ExprKind::Number:
            return 0;
        case ExprKind::Pi:
        case ExprKind::Euler:
            return 1;
        case ExprKind::Param:
            return 2;
        case ExprKind::X:
            return 3;
        case ExprKind::Power:
            return f.args[0]->kind == ExprKind::Number ? 0 : rank(*f.args[0]);
        case ExprKind::Sum:
            return 5;
        default:
            return 4;
    }
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

}  // namespace

namespace {

/// equal() with a bound on the nodes it visits: trees that share subtrees can be exponentially
/// larger than their memory, and a comparison that gives up only misses a simplification.
bool equalWithin(const Expr& a, const Expr& b, int& budget) {
    if (&a == &b) return true;
    if (--budget < 0) return false;
    if (a.hash != b.hash || a.kind != b.kind || a.size != b.size || a.args.size() != b.args.size())
        return false;
    switch (a.kind) {
        case ExprKind::Number:
            if (std::bit_cast<std::uint64_t>(a.value) != std::bit_cast<std::uint64_t>(b.value))
                return false;
            break;
        case ExprKind::Param:
            if (a.param != b.param) return false;
            break;
        case ExprKind::Call:
            if (a.fn != b.fn) return false;
            break;
        case ExprKind::Compare:
            if (a.cmp != b.cmp) return false;
            break;
        default:
            break;
    }
    for (std::size_t i = 0; i < a.args.size(); ++i)
        if (!equalWithin(*a.args[i], *b.args[i], budget)) return false;
    return true;
}

}  // namespace

bool equal(const Expr& a, const Expr& b) {
    int budget = 20'000;
    return equalWithin(a, b, budget);
}

ExprPtr ExprBuilder::raw(Expr e) {
    if (++m_made > m_budget) {
        static const ExprPtr zero = std::make_shared<const Expr>();
        return zero;
    }
    std::uint64_t h = mix(static_cast<std::uint64_t>(e.kind), static_cast<std::uint64_t>(e.fn));
    h = mix(h, static_cast<std::uint64_t>(e.cmp));
    h = mix(h, static_cast<std::uint64_t>(e.param + 1));
    h = mix(h, std::bit_cast<std::uint64_t>(e.value));
    e.size = 1;
    e.hasX = e.kind == ExprKind::X;
    for (const ExprPtr& a : e.args) {
        h = mix(h, a->hash);
        e.size = std::min(kSizeCap, e.size + a->size);
        e.hasX = e.hasX || a->hasX;
    }
    e.hash = h;
    return std::make_shared<const Expr>(std::move(e));
}

ExprPtr ExprBuilder::number(double v) {
    Expr e;
    e.value = v == 0 ? 0.0 : v;  // −0 and 0 are one number on screen
    return raw(std::move(e));
}

ExprPtr ExprBuilder::pi() {
    Expr e;
    e.kind = ExprKind::Pi;
    return raw(std::move(e));
}

ExprPtr ExprBuilder::euler() {
    Expr e;
    e.kind = ExprKind::Euler;
    return raw(std::move(e));
}

ExprPtr ExprBuilder::x() {
    Expr e;
    e.kind = ExprKind::X;
    return raw(std::move(e));
}

ExprPtr ExprBuilder::param(int index) {
    Expr e;
    e.kind = ExprKind::Param;
    e.param = index;
    return raw(std::move(e));
}

ExprPtr ExprBuilder::sum(std::vector<ExprPtr> in) {
    // Terms as coefficient × rest; a rest of nullptr is the constant term. Like terms collect
    // at the position of their first appearance, so "1 - sigmoid(u)" keeps its order.
    struct Term {
        Coef coef;
        ExprPtr rest;
    };
    std::vector<Term> terms;
    std::vector<ExprPtr> flat;
    for (ExprPtr& t : in) {
        if (t->kind == ExprKind::Sum)
            flat.insert(flat.end(), t->args.begin(), t->args.end());
        else
            flat.push_back(std::move(t));
    }
    for (const ExprPtr& t : flat) {
        Term term{{1, 1}, t};
        Coef c;
        if (asCoefficient(*t, c)) {
            term = {c, nullptr};
        } else if (t->kind == ExprKind::Product) {
            std::vector<ExprPtr> rest;
            for (const ExprPtr& f : t->args) {
                if (asCoefficient(*f, c))
                    term.coef = times(term.coef, c);
                else
                    rest.push_back(f);
            }
            if (rest.empty())
                term.rest = nullptr;
            else if (rest.size() == 1)
                term.rest = rest[0];
            else if (rest.size() != t->args.size()) {
                Expr p;
                p.kind = ExprKind::Product;
                p.args = std::move(rest);
                term.rest = raw(std::move(p));
            }
        }
        bool merged = false;
        // Collecting compares each term with the earlier ones: bounded for very long sums.
        if (terms.size() <= 256) {
            for (Term& u : terms) {
                const bool same =
                    (!u.rest && !term.rest) || (u.rest && term.rest && equal(*u.rest, *term.rest));
                if (same) {
                    u.coef = plus(u.coef, term.coef);
                    merged = true;
                    break;
                }
            }
        }
        if (!merged) terms.push_back(term);
    }
    std::vector<ExprPtr> out;
    for (const Term& t : terms) {
        if (t.coef.num == 0) continue;
        std::vector<ExprPtr> factors;
        if (t.coef.num != 1 || !t.rest) factors.push_back(number(t.coef.num));
        if (t.coef.den != 1) factors.push_back(power(number(t.coef.den), number(-1)));
        if (t.rest) {
            if (t.rest->kind == ExprKind::Product)
                factors.insert(factors.end(), t.rest->args.begin(), t.rest->args.end());
            else
                factors.push_back(t.rest);
        }
        if (factors.size() == 1) {
            out.push_back(factors[0]);
        } else {
            Expr p;
            p.kind = ExprKind::Product;
            p.args = std::move(factors);
            out.push_back(raw(std::move(p)));
        }
    }
    if (out.empty()) return number(0);
    if (out.size() == 1) return out[0];
    Expr s;
    s.kind = ExprKind::Sum;
    s.args = std::move(out);
    return raw(std::move(s));
}

ExprPtr ExprBuilder::product(std::vector<ExprPtr> in) {
    std::vector<ExprPtr> flat;
    for (ExprPtr& f : in) {
        if (f->kind == ExprKind::Product)
            flat.insert(flat.end(), f->args.begin(), f->args.end());
        else
            flat.push_back(std::move(f));
    }
    Coef coef;
    struct Factor {
        ExprPtr base, exponent;
    };
    std::vector<Factor> factors;
    for (const ExprPtr& f : flat) {
        Coef c;
        if (asCoefficient(*f, c)) {
            if (c.num == 0) return number(0);
            coef = times(coef, c);
            continue;
        }
        Factor g = f->kind == ExprKind::Power ? Factor{f->args[0], f->args[1]} : Factor{f, nullptr};
        bool merged = false;
        if (factors.size() <= 256) {
            for (Factor& h : factors) {
                if (!equal(*h.base, *g.base)) continue;
                h.exponent =
                    sum({h.exponent ? h.exponent : number(1), g.exponent ? g.exponent : number(1)});
                merged = true;
                break;
            }
        }
        if (!merged) factors.push_back(g);
    }
    std::vector<ExprPtr> out;
    for (const Factor& f : factors) {
        const ExprPtr p = f.exponent ? power(f.base, f.exponent) : f.base;
        Coef c;
        if (asCoefficient(*p, c)) {
            if (c.num == 0) return number(0);
            coef = times(coef, c);
        } else if (p->kind == ExprKind::Product) {
            for (const ExprPtr& q : p->args) {
                if (asCoefficient(*q, c))
                    coef = times(coef, c);
                else
                    out.push_back(q);
            }
        } else {
            out.push_back(p);
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ExprPtr& a, const ExprPtr& b) {
        const int ra = rank(*a), rb = rank(*b);
        if (ra != rb) return ra < rb;
        return ra == 2 && a->param < b->param;
    });
    std::vector<ExprPtr> all;
    if (coef.num != 1 || out.empty()) all.push_back(number(coef.num));
    if (coef.den != 1) {
        Expr d;
        d.kind = ExprKind::Power;
        d.args = {number(coef.den), number(-1)};
        all.push_back(raw(std::move(d)));
    }
    all.insert(all.end(), out.begin(), out.end());
    if (all.size() == 1) return all[0];
    Expr p;
    p.kind = ExprKind::Product;
    p.args = std::move(all);
    return raw(std::move(p));
}

ExprPtr ExprBuilder::power(const ExprPtr& base, const ExprPtr& exponent) {
    if (exponent->kind == ExprKind::Number) {
        const double e = exponent->value;
        if (e == 0) return number(1);
        if (e == 1) return base;
        if (base->isNumber(1)) return base;
        if (base->kind == ExprKind::Number && isInteger(base->value) && isInteger(e)) {
            const double r = std::pow(base->value, std::fabs(e));
            if (isInteger(r) && base->value != 0) {
                if (e > 0) return number(r);
                if (r == 1) return number(1);
                Expr p;
                p.kind = ExprKind::Power;
                p.args = {number(r), number(-1)};
                return raw(std::move(p));
            }
            if (base->value == 0 && e > 0) return number(0);
        }
        if (isInteger(e)) {
            // (b^c)^n = b^(c·n) and (a·b)^n = aⁿ·bⁿ for integer n; sqrt(u)^(2k) = u^k.
            if (base->kind == ExprKind::Power)
                return power(base->args[0], product({base->args[1], exponent}));
            if (base->kind == ExprKind::Product) {
                std::vector<ExprPtr> factors;
                for (const ExprPtr& f : base->args) factors.push_back(power(f, exponent));
                return product(std::move(factors));
            }
            if (base->kind == ExprKind::Call && base->fn == Function::Sqrt && std::fmod(e, 2) == 0)
                return power(base->args[0], number(e / 2));
        }
    }
    Expr p;
    p.kind = ExprKind::Power;
    p.args = {base, exponent};
    return raw(std::move(p));
}

ExprPtr ExprBuilder::call(Function fn, std::vector<ExprPtr> args) {
    if (args.empty()) return number(0);
    const Expr& a = *args[0];
    if (fn == Function::Where && args.size() == 3) {
        if (equal(*args[1], *args[2])) return args[1];
        const Expr& c = *args[0];
        if (c.kind == ExprKind::Compare && c.args[0]->kind == ExprKind::Number &&
            c.args[1]->kind == ExprKind::Number) {
            const double l = c.args[0]->value, r = c.args[1]->value;
            const bool t = c.cmp == CompareOp::Less        ? l < r
                           : c.cmp == CompareOp::LessEqual ? l <= r
                           : c.cmp == CompareOp::Greater   ? l > r
                                                           : l >= r;
            return t ? args[1] : args[2];
        }
    }
    if ((fn == Function::Max || fn == Function::Min) && args.size() == 2) {
        if (equal(*args[0], *args[1])) return args[0];
        if (args[0]->kind == ExprKind::Number && args[1]->kind == ExprKind::Number)
            return number(fn == Function::Max ? std::max(args[0]->value, args[1]->value)
                                              : std::min(args[0]->value, args[1]->value));
    }
    if (a.kind == ExprKind::Number && args.size() == 1) {
        const double v = a.value;
        switch (fn) {
            case Function::Abs:
                return number(std::fabs(v));
            case Function::Sign:
                return number(v > 0 ? 1 : v < 0 ? -1 : 0);
            case Function::Heaviside:
                return number(v >= 0 ? 1 : 0);
            case Function::Exp:
            case Function::Cos:
            case Function::Cosh:
            case Function::Erfc:
                if (v == 0) return number(1);
                break;
            case Function::Expm1:
            case Function::Log1p:
            case Function::Sqrt:
            case Function::Sin:
            case Function::Tan:
            case Function::Tanh:
            case Function::Sinh:
            case Function::Atan:
            case Function::Erf:
                if (v == 0) return number(0);
                if (fn == Function::Sqrt && v == 1) return number(1);
                break;
            case Function::Log:
                if (v == 1) return number(0);
                break;
            case Function::Sigmoid:
                if (v == 0) return power(number(2), number(-1));
                break;
            default:
                break;
        }
    }
    Expr e;
    e.kind = ExprKind::Call;
    e.fn = fn;
    e.args = std::move(args);
    return raw(std::move(e));
}

ExprPtr ExprBuilder::compare(CompareOp op, const ExprPtr& left, const ExprPtr& right) {
    Expr e;
    e.kind = ExprKind::Compare;
    e.cmp = op;
    e.args = {left, right};
    return raw(std::move(e));
}

ExprPtr fromAst(const Ast& ast, ExprBuilder& b) {
    if (ast.root < 0) return b.number(0);
    const std::vector<bool> live = reachable(ast);
    std::vector<ExprPtr> e(ast.nodes.size());
    for (std::size_t i = 0; i < ast.nodes.size(); ++i) {
        if (!live[i]) continue;
        const Node& n = ast.nodes[i];
        const auto arg = [&](int k) { return e[static_cast<std::size_t>(n.args[k])]; };
        switch (n.kind) {
            case NodeKind::Number:
                e[i] = b.number(n.value);
                break;
            case NodeKind::Pi:
                e[i] = b.pi();
                break;
            case NodeKind::Euler:
                e[i] = b.euler();
                break;
            case NodeKind::X:
                e[i] = b.x();
                break;
            case NodeKind::Param:
                e[i] = b.param(n.param);
                break;
            case NodeKind::Neg:
                e[i] = b.neg(arg(0));
                break;
            case NodeKind::Add:
                e[i] = b.sum({arg(0), arg(1)});
                break;
            case NodeKind::Sub:
                e[i] = b.sub(arg(0), arg(1));
                break;
            case NodeKind::Mul:
                e[i] = b.product({arg(0), arg(1)});
                break;
            case NodeKind::Div:
                e[i] = b.div(arg(0), arg(1));
                break;
            case NodeKind::Pow:
                e[i] = b.power(arg(0), arg(1));
                break;
            case NodeKind::Compare:
                e[i] = b.compare(n.cmp, arg(0), arg(1));
                break;
            case NodeKind::SqrtSumSquare:
                e[i] = b.call(Function::Sqrt, b.sum({b.power(arg(0), b.number(2)), arg(1)}));
                break;
            case NodeKind::Call: {
                std::vector<ExprPtr> args;
                for (int k = 0; k < n.argCount; ++k) args.push_back(arg(k));
                e[i] = b.call(n.fn, std::move(args));
                break;
            }
        }
    }
    return e[static_cast<std::size_t>(ast.root)];
}

}  // namespace actlab::formula
