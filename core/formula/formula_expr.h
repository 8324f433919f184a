#pragma once
// Symbolic expressions for showing a formula and its derivatives: immutable trees built only
// through ExprBuilder, whose constructors simplify as they build (flattened sums and products,
// folded numeric coefficients kept as exact fractions, like terms and like factors collected,
// 0 and 1 identities). They are for reading, not for values: the evaluator (formula_tape.h)
// computes values from the formula itself.
//
// A builder has a node budget, so that the derivative of a pathological formula (a product of
// many factors differentiated twice) stops early instead of growing without bound.
//
// Internal to core/formula.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "formula_ast.h"

namespace actlab::formula {

enum class ExprKind : std::uint8_t {
    Number,
    Pi,
    Euler,
    X,
    Param,
    Sum,
    Product,
    Power,
    Call,
    Compare
};

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
    ExprKind kind = ExprKind::Number;
    Function fn = Function::Exp;      ///< Call
    CompareOp cmp = CompareOp::Less;  ///< Compare
    int param = -1;                   ///< Param
    double value = 0;                 ///< Number
    std::vector<ExprPtr> args;        ///< Sum terms, Product factors, Power {base, exponent}, ...
    std::size_t size = 1;             ///< nodes in the tree, saturating at kSizeCap
    std::uint64_t hash = 0;           ///< structural hash: equal trees have equal hashes
    bool hasX = false;                ///< depends on x

    bool isNumber(double v) const { return kind == ExprKind::Number && value == v; }
};

inline constexpr std::size_t kSizeCap = std::size_t{1} << 30;

/// Structural equality (false also when the comparison would visit more than 20000 nodes).
bool equal(const Expr& a, const Expr& b);

class ExprBuilder {
public:
    explicit ExprBuilder(std::size_t budget) : m_budget(budget) {}

    /// True once more nodes were requested than the budget allows; the results are then
    /// meaningless and must be discarded.
    bool exhausted() const { return m_made > m_budget; }

    ExprPtr number(double v);
    ExprPtr pi();
    ExprPtr euler();
    ExprPtr x();
    ExprPtr param(int index);
    ExprPtr sum(std::vector<ExprPtr> terms);
    ExprPtr product(std::vector<ExprPtr> factors);
    ExprPtr power(const ExprPtr& base, const ExprPtr& exponent);
    ExprPtr call(Function fn, std::vector<ExprPtr> args);
    ExprPtr compare(CompareOp op, const ExprPtr& left, const ExprPtr& right);

    ExprPtr neg(const ExprPtr& a) { return product({number(-1), a}); }
    ExprPtr sub(const ExprPtr& a, const ExprPtr& b) { return sum({a, neg(b)}); }
    ExprPtr div(const ExprPtr& a, const ExprPtr& b) { return product({a, power(b, number(-1))}); }
    ExprPtr call(Function fn, const ExprPtr& a) { return call(fn, std::vector<ExprPtr>{a}); }

    /// A node exactly as given (no simplification); counts against the budget.
    ExprPtr raw(Expr e);

private:
    std::size_t m_budget;
    std::size_t m_made = 0;
};

/// The formula of an Ast as an expression (simplified by the builder).
ExprPtr fromAst(const Ast& ast, ExprBuilder& b);

/// d/dx of e (simplified). max(a, b)′ is shown as where(a > b, a′, b′) and abs′ as sign(u).
ExprPtr derive(const ExprPtr& e, ExprBuilder& b);

/// Plain text with ^ and the language's function names ("b*x*sigmoid(b*x)*(1 - sigmoid(b*x))");
/// it parses back to the same function.
std::string printPlain(const Expr& e, const std::vector<std::string>& params);

/// LaTeX ("b x \\sigma\\left(b x\\right) ...").
std::string printLatex(const Expr& e, const std::vector<std::string>& params);

}  // namespace actlab::formula
