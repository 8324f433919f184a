// Symbolic differentiation for showing f′ and f″. The rules are written in the functions'
// stable vocabulary (sigmoid′ = sigmoid·(1 − sigmoid), softplus′ = sigmoid, tanh′ = 1 − tanh²),
// which is also how students meet them.

#include "formula_expr.h"

namespace actlab::formula {

namespace {

/// where(a > b, a′, b′) for max (where(a < b, ...) for min), written with the side that depends
/// on x first: max(0, x)′ reads where(x > 0, 1, 0).
ExprPtr switchDerivative(bool isMax, const ExprPtr& a, const ExprPtr& b, ExprBuilder& B) {
    const bool swap = !a->hasX && b->hasX;
    const ExprPtr& l = swap ? b : a;
    const ExprPtr& r = swap ? a : b;
    const CompareOp op = isMax ? CompareOp::Greater : CompareOp::Less;
    return B.call(Function::Where, {B.compare(op, l, r), derive(l, B), derive(r, B)});
}

ExprPtr callDerivative(const Expr& e, const ExprPtr& self, ExprBuilder& B) {
    const ExprPtr& u = e.args[0];
    switch (e.fn) {
        case Function::Max:
            return switchDerivative(true, e.args[0], e.args[1], B);
        case Function::Min:
            return switchDerivative(false, e.args[0], e.args[1], B);
        case Function::Where:
            return B.call(Function::Where, {e.args[0], derive(e.args[1], B), derive(e.args[2], B)});
        case Function::Heaviside:
        case Function::Sign:
            return B.number(0);
        default:
            break;
    }
    const ExprPtr du = derive(u, B);
    ExprPtr outer;  // g′(u)
    switch (e.fn) {
        case Function::Exp:
            outer = self;
            break;
        case Function::Expm1:
            outer = B.call(Function::Exp, u);
            break;
        case Function::Log:
            outer = B.power(u, B.number(-1));
            break;
        case Function::Log1p:
            outer = B.power(B.sum({B.number(1), u}), B.number(-1));
            break;
        case Function::Sqrt:
            outer = B.div(B.number(1), B.product({B.number(2), self}));
            break;
        case Function::Abs:
            outer = B.call(Function::Sign, u);
            break;
        case Function::Sin:
            outer = B.call(Function::Cos, u);
            break;
        case Function::Cos:
            outer = B.neg(B.call(Function::Sin, u));
            break;
        case Function::Tan:
            outer = B.sum({B.number(1), B.power(self, B.number(2))});
            break;
        case Function::Tanh:
            outer = B.sub(B.number(1), B.power(self, B.number(2)));
            break;
        case Function::Sinh:
            outer = B.call(Function::Cosh, u);
            break;
        case Function::Cosh:
            outer = B.call(Function::Sinh, u);
            break;
        case Function::Atan:
            outer = B.power(B.sum({B.number(1), B.power(u, B.number(2))}), B.number(-1));
            break;
        case Function::Erf:
        case Function::Erfc:
            // ±2·exp(−u²)/sqrt(pi)
            outer = B.product({B.number(e.fn == Function::Erf ? 2 : -2),
                               B.call(Function::Exp, B.neg(B.power(u, B.number(2)))),
                               B.power(B.call(Function::Sqrt, B.pi()), B.number(-1))});
            break;
        case Function::Sigmoid:
            outer = B.product({self, B.sub(B.number(1), self)});
            break;
        case Function::Softplus:
            outer = B.call(Function::Sigmoid, u);
            break;
        default:
            outer = B.number(0);
            break;
    }
    return B.product({outer, du});
}

}  // namespace

ExprPtr derive(const ExprPtr& e, ExprBuilder& B) {
    if (!e->hasX || B.exhausted()) return B.number(0);
    switch (e->kind) {
        case ExprKind::X:
            return B.number(1);
        case ExprKind::Sum: {
            std::vector<ExprPtr> terms;
            for (const ExprPtr& t : e->args) terms.push_back(derive(t, B));
            return B.sum(std::move(terms));
        }
        case ExprKind::Product: {
            // The product rule: one term per factor that depends on x.
            std::vector<ExprPtr> terms;
            for (std::size_t i = 0; i < e->args.size(); ++i) {
                if (!e->args[i]->hasX) continue;
                std::vector<ExprPtr> factors;
                for (std::size_t j = 0; j < e->args.size(); ++j)
                    factors.push_back(j == i ? derive(e->args[j], B) : e->args[j]);
                terms.push_back(B.product(std::move(factors)));
            }
            return B.sum(std::move(terms));
        }
        case ExprKind::Power: {
            const ExprPtr& u = e->args[0];
            const ExprPtr& v = e->args[1];
            if (!v->hasX)  // v·u^(v−1)·u′
                return B.product({v, B.power(u, B.sum({v, B.number(-1)})), derive(u, B)});
            if (!u->hasX)  // u^v·log(u)·v′
                return B.product({e, B.call(Function::Log, u), derive(v, B)});
            // u^v·(v′·log(u) + v·u′/u)
            return B.product({e, B.sum({B.product({derive(v, B), B.call(Function::Log, u)}),
                                        B.product({v, derive(u, B), B.power(u, B.number(-1))})})});
        }
        case ExprKind::Call:
            return callDerivative(*e, e, B);
        default:
            return B.number(0);
    }
}

}  // namespace actlab::formula
