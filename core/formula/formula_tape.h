#pragma once
// The flat program a formula compiles to: register bytecode over chunks of the input array.
//
// Every register holds, for each element of a chunk, a value as an unevaluated sum hi + lo (lo
// carries the rounding errors of + − × ÷ and the propagated error of each function's argument,
// so that cancellation such as x + sqrt(x² + b) at x = −1000 loses nothing), and the first and
// second derivatives with respect to x. Each instruction runs one tight loop over the chunk.
// Instructions whose operands do not depend on x form the prologue, which runs once per call.

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "formula_ast.h"

namespace actlab::formula {

enum class OpCode : std::uint8_t {
    LoadX,          ///< dst = x (derivative 1)
    LoadConst,      ///< dst = constants[index]
    LoadParam,      ///< dst = params[index] (1 when the caller passes fewer)
    Neg,            ///< dst = −a
    Add,            ///< dst = a + b
    Sub,            ///< dst = a − b
    Mul,            ///< dst = a·b
    Div,            ///< dst = a/b
    Square,         ///< dst = a² (x^2, exact low part)
    PowConst,       ///< dst = a^b with b independent of x
    Pow,            ///< dst = a^b with b depending on x
    Unary,          ///< dst = fn(a)
    SqrtSumSquare,  ///< dst = sqrt(a² + b), b independent of x, without overflow of a²
    Max,            ///< dst = max(a, b)
    Min,            ///< dst = min(a, b)
    Where,          ///< dst = (a cmp b) ? c : d
    Heaviside,      ///< dst = H(a), with H(0) = b when index is 1, else 1
};

struct Instruction {
    OpCode op = OpCode::LoadX;
    Function fn = Function::Exp;
    CompareOp cmp = CompareOp::Less;
    std::uint16_t dst = 0;
    std::array<std::uint16_t, 4> src{};
    std::uint32_t index = 0;
};

/// A double-double constant: hi + lo (pi and e carry their next 53 bits).
struct Constant {
    double hi = 0;
    double lo = 0;
};

struct Tape {
    std::vector<Instruction> prologue;  ///< x-free values, computed once per evaluation
    std::vector<Instruction> body;      ///< run on every chunk
    std::vector<Constant> constants;
    std::uint16_t registerCount = 0;
    std::uint16_t result = 0;  ///< the register holding f
};

/// Rewrites the formula into numerically stable forms (log1p(exp(u)) → softplus(u), ...; see
/// docs/formula-language.md). The result computes the same function.
Ast stabilise(const Ast& ast);

/// Compiles a parsed (and stabilised) formula. Common subexpressions share a register, and
/// registers are reused once their last reader has run.
Tape compileTape(const Ast& ast);

/// Evaluates the tape at every x. `order` is 0 (f), 1 (f, f′) or 2 (f, f′, f″); the output
/// pointers beyond the order may be null. Parameters missing from `params` are 1.
void runTape(const Tape& tape, int order, std::span<const double> x, double* y, double* dy,
             double* d2y, std::span<const double> params);

}  // namespace actlab::formula
