// From a parsed formula to the flat program of formula_tape.h: numerically stable rewrites,
// common subexpressions, the split into prologue and body, and register allocation.

#include <bit>
#include <cmath>
#include <map>
#include <tuple>

#include "formula_tape.h"

namespace actlab::formula {

namespace {

/// Builds the rewritten formula node by node; every pattern looks at operands already built.
class Rewriter {
public:
    explicit Rewriter(Ast& out) : m_out(out) {}

    int add(Node n) {
        bool dep = n.kind == NodeKind::X;
        for (int k = 0; k < n.argCount; ++k)
            dep = dep || m_dep[static_cast<std::size_t>(n.args[k])];
        m_dep.push_back(dep);
        return m_out.add(n);
    }

    /// Adds `n` (whose operands are already in the output) in its most stable form.
    int rewrite(const Node& n) {
        const int a = n.argCount > 0 ? n.args[0] : -1;
        const int b = n.argCount > 1 ? n.args[1] : -1;
        if (n.kind == NodeKind::Call && n.argCount == 1) {
            // log1p(exp(u)) and log(1 + exp(u)) overflow for u > 709: softplus(u) does not.
            if (n.fn == Function::Log1p && isCall(a, Function::Exp))
                return call(Function::Softplus, arg(a), n.column);
            if (n.fn == Function::Log) {
                if (const int w = onePlus(a); w >= 0) {
                    if (isCall(w, Function::Exp)) return call(Function::Softplus, arg(w), n.column);
                    return call(Function::Log1p, w, n.column);  // log(1 + w) loses w below 1e-16
                }
            }
            // sqrt(u² + c): u² overflows beyond 1.3e154 although the result does not.
            if (n.fn == Function::Sqrt && (kind(a) == NodeKind::Add || kind(a) == NodeKind::Sub)) {
                const int l = arg(a, 0), r = arg(a, 1);
                const bool sub = kind(a) == NodeKind::Sub;
                if (isSquare(l) && !m_dep[static_cast<std::size_t>(r)])
                    return sqrtSumSquare(arg(l), sub ? neg(r, n.column) : r, n.column);
                if (!sub && isSquare(r) && !m_dep[static_cast<std::size_t>(l)])
                    return sqrtSumSquare(arg(r), l, n.column);
            }
        }
        if (n.kind == NodeKind::Sub && isCall(a, Function::Exp) && isNumber(b, 1))
            return call(Function::Expm1, arg(a), n.column);  // exp(u) − 1 cancels near u = 0
        // 1 ± erf(u) cancels where erf(u) → ∓1; erfc keeps the tail.
        if (n.kind == NodeKind::Add) {
            if (isNumber(a, 1) && isCall(b, Function::Erf))
                return call(Function::Erfc, neg(arg(b), n.column), n.column);
            if (isNumber(b, 1) && isCall(a, Function::Erf))
                return call(Function::Erfc, neg(arg(a), n.column), n.column);
        }
        if (n.kind == NodeKind::Sub && isNumber(a, 1) && isCall(b, Function::Erf))
            return call(Function::Erfc, arg(b), n.column);
        // 1 ± tanh(u) = 2·sigmoid(±2u), which keeps the tail that 1 + tanh(u) rounds to 0 (GELU's
        // tanh form below x = −5).
        if (n.kind == NodeKind::Add || n.kind == NodeKind::Sub) {
            const bool sub = n.kind == NodeKind::Sub;
            int u = -1;
            bool negate = sub;
            if (isNumber(a, 1) && isCall(b, Function::Tanh))
                u = arg(b);
            else if (!sub && isNumber(b, 1) && isCall(a, Function::Tanh))
                u = arg(a);
            if (u >= 0) {
                const int twoU = binary(NodeKind::Mul, number(2, n.column), u, n.column);
                const int s =
                    call(Function::Sigmoid, negate ? neg(twoU, n.column) : twoU, n.column);
                return binary(NodeKind::Mul, number(2, n.column), s, n.column);
            }
        }
        // u^n for a small integer n: products and squares, whose rounding errors are exact
        // (two-product), where pow's own rounding would be lost; x^3 in GELU's tanh form feeds an
        // exponential with condition number 265 at x = −15.
        if (n.kind == NodeKind::Pow && kind(b) == NodeKind::Number) {
            const double e = m_out[b].value;
            if (e == std::floor(e) && e >= -16 && e <= 16 && e != 0 && e != 1 && e != 2) {
                const int p = integerPower(a, static_cast<int>(std::fabs(e)), n.column);
                return e > 0 ? p : binary(NodeKind::Div, number(1, n.column), p, n.column);
            }
        }
        // a/(1 + exp(w)) = a·sigmoid(−w), and exp(w)/(1 + exp(w)) = sigmoid(w): the quotient
        // meets inf/inf when exp overflows. A numerator exp(v) with another v is left alone
        // (exp(v)·sigmoid(−w) would turn its overflow into 0·inf).
        if (n.kind == NodeKind::Div) {
            if (const int w = onePlus(b); w >= 0 && isCall(w, Function::Exp)) {
                if (isCall(a, Function::Exp) && sameTree(arg(a), arg(w)))
                    return call(Function::Sigmoid, arg(w), n.column);
                if (!isCall(a, Function::Exp)) {
                    const int s = call(Function::Sigmoid, neg(arg(w), n.column), n.column);
                    if (isNumber(a, 1)) return s;
                    return binary(NodeKind::Mul, a, s, n.column);
                }
            }
        }
        return add(n);
    }

private:
    NodeKind kind(int i) const { return m_out[i].kind; }
    int arg(int i, int k = 0) const { return m_out[i].args[static_cast<std::size_t>(k)]; }
    bool isNumber(int i, double v) const {
        return m_out[i].kind == NodeKind::Number && m_out[i].value == v;
    }
    bool isCall(int i, Function fn) const {
        return m_out[i].kind == NodeKind::Call && m_out[i].fn == fn && m_out[i].argCount == 1;
    }
    bool isSquare(int i) const { return kind(i) == NodeKind::Pow && isNumber(arg(i, 1), 2); }
    /// Whether nodes i and j are equal trees (compared with a work list, not recursion).
    bool sameTree(int i, int j) const {
        std::vector<std::pair<int, int>> todo{{i, j}};
        while (!todo.empty()) {
            const auto [p, q] = todo.back();
            todo.pop_back();
            if (p == q) continue;
            const Node &u = m_out[p], &v = m_out[q];
            if (u.kind != v.kind || u.fn != v.fn || u.cmp != v.cmp || u.argCount != v.argCount ||
                u.param != v.param ||
                std::bit_cast<std::uint64_t>(u.value) != std::bit_cast<std::uint64_t>(v.value))
                return false;
            for (int k = 0; k < u.argCount; ++k) todo.emplace_back(u.args[k], v.args[k]);
        }
        return true;
    }
    /// w when node i is 1 + w or w + 1, else −1.
    int onePlus(int i) const {
        if (kind(i) != NodeKind::Add) return -1;
        if (isNumber(arg(i, 0), 1)) return arg(i, 1);
        if (isNumber(arg(i, 1), 1)) return arg(i, 0);
        return -1;
    }

    int call(Function fn, int operand, int column) {
        Node n;
        n.kind = NodeKind::Call;
        n.fn = fn;
        n.column = column;
        n.args[0] = operand;
        n.argCount = 1;
        return rewrite(n);  // the result may match a pattern in turn (log1p(exp(u)))
    }
    /// u^k (k ≥ 1) by squaring: Square for u², Mul for the odd steps.
    int integerPower(int u, int k, int column) {
        if (k == 1) return u;
        if (k % 2 == 1) return binary(NodeKind::Mul, integerPower(u, k - 1, column), u, column);
        const int half = integerPower(u, k / 2, column);
        return binary(NodeKind::Pow, half, number(2, column), column);
    }
    int number(double v, int column) {
        Node n;
        n.kind = NodeKind::Number;
        n.value = v;
        n.column = column;
        return add(n);
    }
    int binary(NodeKind kind, int l, int r, int column) {
        Node n;
        n.kind = kind;
        n.column = column;
        n.args[0] = l;
        n.args[1] = r;
        n.argCount = 2;
        return add(n);
    }
    int neg(int operand, int column) {
        if (kind(operand) == NodeKind::Neg) return arg(operand);
        Node n;
        n.kind = NodeKind::Neg;
        n.column = column;
        n.args[0] = operand;
        n.argCount = 1;
        return add(n);
    }
    int sqrtSumSquare(int u, int c, int column) {
        return add([&] {
            Node n;
            n.kind = NodeKind::SqrtSumSquare;
            n.column = column;
            n.args[0] = u;
            n.args[1] = c;
            n.argCount = 2;
            return n;
        }());
    }

    Ast& m_out;
    std::vector<bool> m_dep;
};

constexpr Constant kPi{3.141592653589793, 1.2246467991473532e-16};
constexpr Constant kEuler{2.718281828459045, 1.4456468917292502e-16};

}  // namespace

Ast stabilise(const Ast& in) {
    Ast out;
    out.params = in.params;
    if (in.root < 0) return out;
    const std::vector<bool> live = reachable(in);
    std::vector<int> map(in.nodes.size(), -1);
    Rewriter rewriter(out);
    for (std::size_t i = 0; i < in.nodes.size(); ++i) {
        if (!live[i]) continue;
        Node n = in.nodes[i];
        for (int k = 0; k < n.argCount; ++k) n.args[k] = map[static_cast<std::size_t>(n.args[k])];
        map[i] = rewriter.rewrite(n);
    }
    out.root = map[static_cast<std::size_t>(in.root)];
    return out;
}

Tape compileTape(const Ast& ast) {
    Tape tape;
    if (ast.root < 0) return tape;
    const std::size_t n = ast.nodes.size();
    const std::vector<bool> dep = dependsOnX(ast);
    const std::vector<bool> live = reachable(ast);

    // Common subexpressions: structurally equal nodes share the first one as representative.
    using Key = std::tuple<int, int, int, int, int, std::uint64_t, std::uint64_t, int, int, int>;
    std::map<Key, int> seen;
    std::vector<int> canon(n, -1);
    std::vector<bool> used(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (!live[i]) continue;
        const Node& nd = ast.nodes[i];
        std::array<int, 3> args{-1, -1, -1};
        for (int k = 0; k < nd.argCount; ++k) args[k] = canon[static_cast<std::size_t>(nd.args[k])];
        const Key key{static_cast<int>(nd.kind),
                      static_cast<int>(nd.fn),
                      static_cast<int>(nd.cmp),
                      nd.argCount,
                      nd.param,
                      std::bit_cast<std::uint64_t>(nd.value),
                      std::bit_cast<std::uint64_t>(nd.valueLo),
                      args[0],
                      args[1],
                      args[2]};
        canon[i] = seen.emplace(key, static_cast<int>(i)).first->second;
        used[static_cast<std::size_t>(canon[i])] = true;
    }

    // Operands as the instructions read them: where(l cmp r, a, b) reads l, r, a and b.
    const auto operands = [&](std::size_t i) {
        const Node& nd = ast.nodes[i];
        std::vector<int> ops;
        for (int k = 0; k < nd.argCount; ++k) {
            const int c = canon[static_cast<std::size_t>(nd.args[k])];
            if (ast[c].kind == NodeKind::Compare) {
                ops.push_back(canon[static_cast<std::size_t>(ast[c].args[0])]);
                ops.push_back(canon[static_cast<std::size_t>(ast[c].args[1])]);
            } else {
                ops.push_back(c);
            }
        }
        return ops;
    };
    std::vector<int> uses(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        if (used[i] && canon[i] == static_cast<int>(i) && ast.nodes[i].kind != NodeKind::Compare)
            for (int o : operands(i)) ++uses[static_cast<std::size_t>(o)];

    std::vector<std::uint16_t> reg(n, 0);
    std::vector<std::uint16_t> freeList;
    const auto allocate = [&](bool reserved) -> std::uint16_t {
        if (!reserved && !freeList.empty()) {
            const std::uint16_t r = freeList.back();
            freeList.pop_back();
            return r;
        }
        return tape.registerCount++;
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (!used[i] || canon[i] != static_cast<int>(i)) continue;
        const Node& nd = ast.nodes[i];
        if (nd.kind == NodeKind::Compare) continue;
        const std::vector<int> ops = operands(i);
        Instruction ins;
        for (std::size_t k = 0; k < ops.size(); ++k)
            ins.src[k] = reg[static_cast<std::size_t>(ops[k])];
        const auto constant = [&](Constant c) {
            ins.op = OpCode::LoadConst;
            ins.index = static_cast<std::uint32_t>(tape.constants.size());
            tape.constants.push_back(c);
        };
        switch (nd.kind) {
            case NodeKind::Number:
                constant({nd.value, nd.valueLo});
                break;
            case NodeKind::Pi:
                constant(kPi);
                break;
            case NodeKind::Euler:
                constant(kEuler);
                break;
            case NodeKind::X:
                ins.op = OpCode::LoadX;
                break;
            case NodeKind::Param:
                ins.op = OpCode::LoadParam;
                ins.index = static_cast<std::uint32_t>(nd.param);
                break;
            case NodeKind::Neg:
                ins.op = OpCode::Neg;
                break;
            case NodeKind::Add:
                ins.op = OpCode::Add;
                break;
            case NodeKind::Sub:
                ins.op = OpCode::Sub;
                break;
            case NodeKind::Mul:
                ins.op = OpCode::Mul;
                break;
            case NodeKind::Div:
                ins.op = OpCode::Div;
                break;
            case NodeKind::Pow: {
                const Node& e = ast[nd.args[1]];
                if (dep[static_cast<std::size_t>(nd.args[1])])
                    ins.op = OpCode::Pow;
                else
                    ins.op = e.kind == NodeKind::Number && e.value == 2 ? OpCode::Square
                                                                        : OpCode::PowConst;
                break;
            }
            case NodeKind::SqrtSumSquare:
                ins.op = OpCode::SqrtSumSquare;
                break;
            case NodeKind::Call:
                ins.fn = nd.fn;
                switch (nd.fn) {
                    case Function::Max:
                        ins.op = OpCode::Max;
                        break;
                    case Function::Min:
                        ins.op = OpCode::Min;
                        break;
                    case Function::Heaviside:
                        ins.op = OpCode::Heaviside;
                        ins.index = nd.argCount == 2 ? 1 : 0;
                        break;
                    case Function::Where:
                        ins.op = OpCode::Where;
                        ins.cmp = ast[canon[static_cast<std::size_t>(nd.args[0])]].cmp;
                        break;
                    default:
                        ins.op = OpCode::Unary;
                        break;
                }
                break;
            case NodeKind::Compare:
                break;
        }
        const bool prologue = !dep[i];
        // The destination is allocated before the operands are released, so an instruction
        // never writes a register it reads (the loops may then assume no aliasing).
        ins.dst = allocate(prologue);
        reg[i] = ins.dst;
        (prologue ? tape.prologue : tape.body).push_back(ins);
        for (int o : ops) {
            const auto u = static_cast<std::size_t>(o);
            if (dep[u] && --uses[u] == 0) freeList.push_back(reg[u]);
        }
    }
    tape.result = reg[static_cast<std::size_t>(canon[static_cast<std::size_t>(ast.root)])];
    return tape;
}

}  // namespace actlab::formula
