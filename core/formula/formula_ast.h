#pragma once
// The parsed form of a formula activation. The nodes sit in one array in which every node comes
// after its operands, so the passes over a formula (dependence on x, rewrites, compilation) are
// loops rather than recursion, and a formula of 500 characters has at most about 500 nodes.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace actlab::formula {

/// The functions of the language (docs/formula-language.md).
enum class Function : std::uint8_t {
    Exp,
    Expm1,
    Log,
    Log1p,
    Sqrt,
    Abs,
    Sin,
    Cos,
    Tan,
    Tanh,
    Sinh,
    Cosh,
    Atan,
    Erf,
    Erfc,
    Sigmoid,
    Softplus,
    Sign,
    Min,
    Max,
    Heaviside,
    Where,
};

/// A name the parser accepts for a function, with the number of arguments it takes.
struct FunctionInfo {
    std::string_view name;
    Function fn;
    int minArgs;
    int maxArgs;
};

/// Every accepted name, aliases included (`step` is `heaviside`).
std::span<const FunctionInfo> functionTable();
/// The function called `name`, or nullptr.
const FunctionInfo* findFunction(std::string_view name);
/// The canonical name of a function ("heaviside" for step).
std::string_view functionName(Function fn);
/// "exp, expm1, log, ..." for error messages.
std::string functionList();

enum class NodeKind : std::uint8_t {
    Number,  ///< a literal; `value`
    Pi,
    Euler,  ///< the constant e
    X,
    Param,  ///< `param` indexes Ast::params
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Call,     ///< `fn` with `argCount` arguments
    Compare,  ///< `cmp` of args[0] and args[1]; only as where's first argument
    /// sqrt(args[0]² + args[1]) with args[1] independent of x: made by the compiler's rewrites
    /// (formula_tape.h), never by the parser.
    SqrtSumSquare,
};

enum class CompareOp : std::uint8_t { Less, LessEqual, Greater, GreaterEqual };

/// The operator's spelling: "<", "<=", ">", ">=".
std::string_view compareText(CompareOp op);

struct Node {
    NodeKind kind = NodeKind::Number;
    Function fn = Function::Exp;
    CompareOp cmp = CompareOp::Less;
    std::uint8_t argCount = 0;
    std::int32_t column = 0;  ///< 1-based column of the token that made the node
    std::int32_t param = -1;
    double value = 0;
    /// Number: the literal's rounding error, exact decimal − value (0 when not computable),
    /// so that "0.1" means 1/10 to about 106 bits.
    double valueLo = 0;
    std::array<std::int32_t, 3> args{-1, -1, -1};
};

/// A parsed formula: nodes in dependency order (operands first), the root, and the parameters
/// in the order of their first appearance.
struct Ast {
    std::vector<Node> nodes;
    std::int32_t root = -1;
    std::vector<std::string> params;

    /// Appends a node and returns its index.
    std::int32_t add(const Node& n) {
        nodes.push_back(n);
        return static_cast<std::int32_t>(nodes.size() - 1);
    }
    const Node& operator[](std::int32_t i) const { return nodes[static_cast<std::size_t>(i)]; }
};

/// For every node, whether its value depends on x (one forward pass).
std::vector<bool> dependsOnX(const Ast& ast);

/// For every node, whether it is reachable from the root (one backward pass).
std::vector<bool> reachable(const Ast& ast);

}  // namespace actlab::formula
