// Runs a formula's tape over arrays: for each chunk of the input, each instruction is one tight
// loop over the chunk. Nothing is dispatched per element; the switch on the opcode runs once per
// instruction and chunk, and the function of a Unary instruction is a template argument.
//
// Numerics (docs/formula-language.md): values are hi + lo pairs renormalised after every
// instruction; derivatives follow the chain rule on the corrected point; 0·inf is 0 in the
// derivative products (jets::mul0). At the switching points of max and min the derivative is the
// one of the operand whose derivative is smaller in magnitude (PyTorch: ReLU′(0) = 0, Hardtanh′
// = 0 at its bounds, LeakyReLU′(0) = slope); where() takes the derivative of the branch it
// selects; heaviside and sign have derivative 0.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "formula_jets.h"
#include "formula_tape.h"

namespace actlab::formula {

namespace {

using jets::Jet;
using jets::kNaN;
using jets::mul0;
using jets::renormalise;

// One clone per instruction set; the loader picks the best the CPU has (fma is one instruction
// on the AVX2 and AVX-512 clones, a library call on the baseline one, with the same results).
#define ACTLAB_FORMULA_CLONES \
    __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))

// The loops below read operand registers and write the destination register, which the
// compiler never allocates to an operand of the same instruction (formula_compile.cpp): the
// channels of an instruction do not overlap, so GCC may vectorise the loops without the run-time
// alias checks it gives up on beyond ten pointers. (Clang checks more pointers itself, and its
// equivalent pragma turns every loop it cannot vectorise, those calling exp, into a warning.)
#if defined(__clang__)
#define ACTLAB_FORMULA_NO_ALIAS
#else
#define ACTLAB_FORMULA_NO_ALIAS _Pragma("GCC ivdep")
#endif

constexpr std::size_t kChunk = 256;
constexpr std::size_t kWorkspaceBytes = std::size_t{1} << 20;

/// The four channels of one register over a chunk.
struct Reg {
    double* hi;
    double* lo;
    double* d1;
    double* d2;
};

struct Context {
    double* base;
    std::size_t chunk;
    std::size_t len;
    const double* x;
    std::span<const double> params;
    const std::vector<Constant>* constants;

    Reg reg(std::uint16_t r) const {
        double* b = base + static_cast<std::size_t>(r) * 4 * chunk;
        return {b, b + chunk, b + 2 * chunk, b + 3 * chunk};
    }
};

/// The result of a function applied to register a, with the chain rule on the corrected point
/// a.hi + a.lo: g′(hi + lo) ≈ g′(hi) + g″(hi)·lo. `ownIsTotal`: the jet's own low part already
/// includes the argument's (sqrtSumSquare).
template <int N>
ACTLAB_FORMULA_INLINE void compose(const Jet& j, const Reg& a, const Reg& o, std::size_t i,
                                   bool ownIsTotal = false) {
    double hi = j.g0;
    double lo = ownIsTotal ? j.own : j.own + mul0(j.g1, a.lo[i]);
    renormalise(hi, lo);
    o.hi[i] = hi;
    o.lo[i] = lo;
    if constexpr (N >= 1) {
        const double g1 = j.g1 + mul0(j.g2, a.lo[i]);
        o.d1[i] = mul0(g1, a.d1[i]);
        if constexpr (N >= 2) {
            const double g2 = j.g2 + mul0(j.g3, a.lo[i]);
            o.d2[i] = mul0(g2, a.d1[i] * a.d1[i]) + mul0(g1, a.d2[i]);
        }
    }
}

template <int N, Function F>
void unaryLoop(const Reg& a, const Reg& o, std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        Jet j;
        jets::unary<N + 1>(F, a.hi[i], j);
        compose<N>(j, a, o, i);
    }
}

template <int N>
ACTLAB_FORMULA_INLINE void unaryOp(Function fn, const Reg& a, const Reg& o, std::size_t len) {
    switch (fn) {
#define ACTLAB_FORMULA_UNARY(name)               \
    case Function::name:                         \
        unaryLoop<N, Function::name>(a, o, len); \
        break;
        ACTLAB_FORMULA_UNARY(Exp)
        ACTLAB_FORMULA_UNARY(Expm1)
        ACTLAB_FORMULA_UNARY(Log)
        ACTLAB_FORMULA_UNARY(Log1p)
        ACTLAB_FORMULA_UNARY(Sqrt)
        ACTLAB_FORMULA_UNARY(Abs)
        ACTLAB_FORMULA_UNARY(Sign)
        ACTLAB_FORMULA_UNARY(Sin)
        ACTLAB_FORMULA_UNARY(Cos)
        ACTLAB_FORMULA_UNARY(Tan)
        ACTLAB_FORMULA_UNARY(Tanh)
        ACTLAB_FORMULA_UNARY(Sinh)
        ACTLAB_FORMULA_UNARY(Cosh)
        ACTLAB_FORMULA_UNARY(Atan)
        ACTLAB_FORMULA_UNARY(Erf)
        ACTLAB_FORMULA_UNARY(Erfc)
        ACTLAB_FORMULA_UNARY(Sigmoid)
        ACTLAB_FORMULA_UNARY(Softplus)
#undef ACTLAB_FORMULA_UNARY
        default:
            break;
    }
}

template <int N>
ACTLAB_FORMULA_INLINE void fill(const Reg& o, std::size_t len, double hi, double lo, double d1) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        o.hi[i] = hi;
        o.lo[i] = lo;
        if constexpr (N >= 1) o.d1[i] = d1;
        if constexpr (N >= 2) o.d2[i] = 0.0;
    }
}

/// a ± b: the exact rounding error of the sum (two-sum) joins the low parts.
template <int N, bool Subtract>
ACTLAB_FORMULA_INLINE void addOp(const Reg& a, const Reg& b, const Reg& o, std::size_t len) {
    constexpr double s = Subtract ? -1.0 : 1.0;
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const double x = a.hi[i], y = s * b.hi[i];
        double hi = x + y;
        const double yy = hi - x;
        double lo = ((x - (hi - yy)) + (y - yy)) + (a.lo[i] + s * b.lo[i]);
        renormalise(hi, lo);
        o.hi[i] = hi;
        o.lo[i] = lo;
        if constexpr (N >= 1) o.d1[i] = a.d1[i] + s * b.d1[i];
        if constexpr (N >= 2) o.d2[i] = a.d2[i] + s * b.d2[i];
    }
}

/// a·b: the exact rounding error of the product (fma) and the cross terms of the low parts.
template <int N>
ACTLAB_FORMULA_INLINE void mulOp(const Reg& a, const Reg& b, const Reg& o, std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const double x = a.hi[i], y = b.hi[i];
        double hi = mul0(x, y);
        double lo = std::fma(x, y, -hi) + (x * b.lo[i] + a.lo[i] * y);
        renormalise(hi, lo);
        o.hi[i] = hi;
        o.lo[i] = lo;
        if constexpr (N >= 1) o.d1[i] = mul0(x, b.d1[i]) + mul0(y, a.d1[i]);
        if constexpr (N >= 2)
            o.d2[i] = mul0(x, b.d2[i]) + 2.0 * mul0(a.d1[i], b.d1[i]) + mul0(y, a.d2[i]);
    }
}

/// a/b: the remainder a − q·b is exact (fma) and carries the low parts.
template <int N>
ACTLAB_FORMULA_INLINE void divOp(const Reg& a, const Reg& b, const Reg& o, std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const double x = a.hi[i], y = b.hi[i];
        double hi = x / y;
        double lo = (std::fma(-hi, y, x) + a.lo[i] - mul0(hi, b.lo[i])) / y;
        renormalise(hi, lo);
        o.hi[i] = hi;
        o.lo[i] = lo;
        if constexpr (N >= 1) {
            const double q1 = (a.d1[i] - mul0(hi, b.d1[i])) / y;
            o.d1[i] = q1;
            if constexpr (N >= 2)
                o.d2[i] = (a.d2[i] - 2.0 * mul0(q1, b.d1[i]) - mul0(hi, b.d2[i])) / y;
        }
    }
}

template <int N>
ACTLAB_FORMULA_INLINE void squareOp(const Reg& a, const Reg& o, std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const double v = a.hi[i];
        double hi = v * v;
        double lo = std::fma(v, v, -hi) + 2.0 * v * a.lo[i];
        renormalise(hi, lo);
        o.hi[i] = hi;
        o.lo[i] = lo;
        if constexpr (N >= 1) o.d1[i] = mul0(2.0 * v, a.d1[i]);
        if constexpr (N >= 2) o.d2[i] = 2.0 * (a.d1[i] * a.d1[i] + mul0(v, a.d2[i]));
    }
}

/// a^c: the low part of c (1/3 is not a double) moves the result by v^c·log(v)·c_lo.
template <int N>
ACTLAB_FORMULA_INLINE void powOp(const Reg& a, const Reg& c, const Reg& o, std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        Jet j;
        jets::power<N + 1>(a.hi[i], c.hi[i], j);
        if (c.lo[i] != 0) j.own = mul0(j.g0, c.lo[i] * std::log(std::fabs(a.hi[i])));
        compose<N>(j, a, o, i);
    }
}

/// a^b with b depending on x: pow for the value (correctly rounded in glibc; exp(b·log(a))
/// would pass log's rounding on, amplified by b·log(a)), and d/dx a^b = a^b·p with
/// p = b′·log(a) + b·a′/a, d²/dx² a^b = a^b·(p² + p′).
template <int N>
ACTLAB_FORMULA_INLINE void powVarOp(const Reg& a, const Reg& b, const Reg& o, std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const double u = a.hi[i], v = b.hi[i];
        // Defined for a ≥ 0 only: with the exponent varying, a negative base gives a real value
        // at isolated points (integers) and no derivative anywhere.
        double hi = u < 0 ? kNaN : std::pow(u, v);
        const double logU = std::log(u);
        double lo = mul0(hi, v * (a.lo[i] / u) + mul0(logU, b.lo[i]));
        renormalise(hi, lo);
        o.hi[i] = hi;
        o.lo[i] = lo;
        if constexpr (N >= 1) {
            const double r1 = a.d1[i] / u;
            const double p = mul0(b.d1[i], logU) + v * r1;
            o.d1[i] = mul0(hi, p);
            if constexpr (N >= 2) {
                const double q =
                    mul0(b.d2[i], logU) + 2.0 * b.d1[i] * r1 + v * (a.d2[i] / u - r1 * r1);
                o.d2[i] = mul0(hi, p * p + q);
            }
        }
    }
}

template <int N>
ACTLAB_FORMULA_INLINE void sqrtSumSquareOp(const Reg& a, const Reg& c, const Reg& o,
                                           std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        Jet j;
        jets::sqrtSumSquare<N + 1>(a.hi[i], a.lo[i], c.hi[i], c.lo[i], j);
        compose<N>(j, a, o, i, true);
    }
}

/// The order of two corrected values hi + lo, as masks (all bits set for true), for lanes
/// 0..len of a and b. Written without branches and over plain pointers so that the loops
/// compile to vector compares and blends.
struct Orders {
    alignas(64) std::int64_t nan[kChunk];
    alignas(64) std::int64_t greater[kChunk];
    alignas(64) std::int64_t less[kChunk];
};
ACTLAB_FORMULA_INLINE void order(const Reg& a, const Reg& b, std::size_t len, Orders& out) {
    const double *ah = a.hi, *al = a.lo, *bh = b.hi, *bl = b.lo;
    const auto mask = [](bool c) { return -static_cast<std::int64_t>(c); };
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const double x = ah[i], y = bh[i], p = al[i], q = bl[i];
        const std::int64_t same = mask(x == y);
        out.nan[i] = mask(x != x) | mask(y != y);
        out.greater[i] = mask(x > y) | (same & mask(p > q));
        out.less[i] = mask(x < y) | (same & mask(p < q));
    }
}

/// o = a where pick is set, b where it is 0, NaN where nan is set: one loop per channel.
template <int N>
ACTLAB_FORMULA_INLINE void blend(const std::int64_t* pick, const std::int64_t* nan, const Reg& a,
                                 const Reg& b, const Reg& o, std::size_t len) {
    const auto channel = [&](const double* x, const double* y, double* out, double ifNaN) {
        ACTLAB_FORMULA_NO_ALIAS
        for (std::size_t i = 0; i < len; ++i) {
            const double xv = x[i], yv = y[i];  // both loaded: the selects become blends
            const double v = pick[i] ? xv : yv;
            out[i] = nan[i] ? ifNaN : v;
        }
    };
    channel(a.hi, b.hi, o.hi, kNaN);
    channel(a.lo, b.lo, o.lo, 0.0);
    if constexpr (N >= 1) channel(a.d1, b.d1, o.d1, kNaN);
    if constexpr (N >= 2) channel(a.d2, b.d2, o.d2, kNaN);
}

template <int N, bool IsMax>
ACTLAB_FORMULA_INLINE void maxOp(const Reg& a, const Reg& b, const Reg& o, std::size_t len) {
    Orders c;
    order(a, b, len, c);
    alignas(64) std::int64_t pick[kChunk];
    const double *ad = a.d1, *bd = b.d1;
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const std::int64_t tie = ~(c.greater[i] | c.less[i]);
        // A tie: both values are equal; the derivative of smaller magnitude wins.
        std::int64_t smaller = -1;
        if constexpr (N >= 1)
            smaller = -static_cast<std::int64_t>(std::fabs(ad[i]) <= std::fabs(bd[i]));
        pick[i] = (tie & smaller) | (~tie & (IsMax ? c.greater[i] : c.less[i]));
    }
    blend<N>(pick, c.nan, a, b, o, len);
}

template <int N>
ACTLAB_FORMULA_INLINE void whereOp(CompareOp op, const Reg& l, const Reg& r, const Reg& a,
                                   const Reg& b, const Reg& o, std::size_t len) {
    Orders c;
    order(l, r, len, c);
    alignas(64) std::int64_t pick[kChunk];
    const std::int64_t* mask =
        op == CompareOp::Less || op == CompareOp::GreaterEqual ? c.less : c.greater;
    const std::int64_t flip = op == CompareOp::LessEqual || op == CompareOp::GreaterEqual ? -1 : 0;
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) pick[i] = mask[i] ^ flip;  // x <= y is !(x > y)
    // A NaN comparison makes the result NaN (no silent branch).
    blend<N>(pick, c.nan, a, b, o, len);
}

template <int N>
ACTLAB_FORMULA_INLINE void heavisideOp(const Reg& a, const Reg* atZero, const Reg& o,
                                       std::size_t len) {
    ACTLAB_FORMULA_NO_ALIAS
    for (std::size_t i = 0; i < len; ++i) {
        const double v = a.hi[i], w = a.lo[i];
        double h;
        if (v != v)
            h = kNaN;
        else if (v > 0 || (v == 0 && w > 0))
            h = 1.0;
        else if (v < 0 || w < 0)
            h = 0.0;
        else
            h = atZero ? atZero->hi[i] : 1.0;
        o.hi[i] = h;
        o.lo[i] = 0.0;
        if constexpr (N >= 1) o.d1[i] = 0.0;
        if constexpr (N >= 2) o.d2[i] = 0.0;
    }
}

template <int N>
ACTLAB_FORMULA_INLINE void run(const Instruction* ins, const Instruction* end, const Context& ctx) {
    const std::size_t len = ctx.len;
    for (; ins != end; ++ins) {
        const Reg o = ctx.reg(ins->dst);
        const Reg a = ctx.reg(ins->src[0]), b = ctx.reg(ins->src[1]);
        switch (ins->op) {
            case OpCode::LoadX:
                ACTLAB_FORMULA_NO_ALIAS
                for (std::size_t i = 0; i < len; ++i) {
                    o.hi[i] = ctx.x[i];
                    o.lo[i] = 0.0;
                    if constexpr (N >= 1) o.d1[i] = 1.0;
                    if constexpr (N >= 2) o.d2[i] = 0.0;
                }
                break;
            case OpCode::LoadConst: {
                const Constant& c = (*ctx.constants)[ins->index];
                fill<N>(o, len, c.hi, c.lo, 0.0);
                break;
            }
            case OpCode::LoadParam:
                fill<N>(o, len, ins->index < ctx.params.size() ? ctx.params[ins->index] : 1.0, 0.0,
                        0.0);
                break;
            case OpCode::Neg:
                ACTLAB_FORMULA_NO_ALIAS
                for (std::size_t i = 0; i < len; ++i) {
                    o.hi[i] = -a.hi[i];
                    o.lo[i] = -a.lo[i];
                    if constexpr (N >= 1) o.d1[i] = -a.d1[i];
                    if constexpr (N >= 2) o.d2[i] = -a.d2[i];
                }
                break;
            case OpCode::Add:
                addOp<N, false>(a, b, o, len);
                break;
            case OpCode::Sub:
                addOp<N, true>(a, b, o, len);
                break;
            case OpCode::Mul:
                mulOp<N>(a, b, o, len);
                break;
            case OpCode::Div:
                divOp<N>(a, b, o, len);
                break;
            case OpCode::Square:
                squareOp<N>(a, o, len);
                break;
            case OpCode::PowConst:
                powOp<N>(a, b, o, len);
                break;
            case OpCode::Pow:
                powVarOp<N>(a, b, o, len);
                break;
            case OpCode::Unary:
                unaryOp<N>(ins->fn, a, o, len);
                break;
            case OpCode::SqrtSumSquare:
                sqrtSumSquareOp<N>(a, b, o, len);
                break;
            case OpCode::Max:
                maxOp<N, true>(a, b, o, len);
                break;
            case OpCode::Min:
                maxOp<N, false>(a, b, o, len);
                break;
            case OpCode::Where:
                whereOp<N>(ins->cmp, a, b, ctx.reg(ins->src[2]), ctx.reg(ins->src[3]), o, len);
                break;
            case OpCode::Heaviside:
                heavisideOp<N>(a, ins->index == 1 ? &b : nullptr, o, len);
                break;
        }
    }
}

ACTLAB_FORMULA_CLONES void run0(const Instruction* b, const Instruction* e, const Context& c) {
    run<0>(b, e, c);
}
ACTLAB_FORMULA_CLONES void run1(const Instruction* b, const Instruction* e, const Context& c) {
    run<1>(b, e, c);
}
ACTLAB_FORMULA_CLONES void run2(const Instruction* b, const Instruction* e, const Context& c) {
    run<2>(b, e, c);
}

void runList(int order, const std::vector<Instruction>& list, const Context& ctx) {
    const Instruction* b = list.data();
    const Instruction* e = b + list.size();
    if (order == 0)
        run0(b, e, ctx);
    else if (order == 1)
        run1(b, e, ctx);
    else
        run2(b, e, ctx);
}

}  // namespace

void runTape(const Tape& tape, int order, std::span<const double> x, double* y, double* dy,
             double* d2y, std::span<const double> params) {
    const std::size_t n = x.size();
    if (n == 0 || tape.registerCount == 0) return;
    // The chunk shrinks for long programs so that the workspace stays within 1 MiB (at most
    // 4 channels × 8 bytes × registers × chunk).
    const std::size_t regs = tape.registerCount;
    std::size_t chunk =
        std::clamp<std::size_t>(kWorkspaceBytes / (regs * 4 * sizeof(double)), 8, kChunk);
    chunk = std::min(chunk, n);
    thread_local std::vector<double> workspace;
    if (workspace.size() < regs * 4 * chunk) workspace.resize(regs * 4 * chunk);

    Context ctx{workspace.data(), chunk, 0, nullptr, params, &tape.constants};
    const Reg result = ctx.reg(tape.result);
    for (std::size_t start = 0; start < n; start += chunk) {
        ctx.len = std::min(chunk, n - start);
        ctx.x = x.data() + start;
        // The prologue's registers are never reused, so one run serves every later chunk,
        // which is never longer than the first.
        if (start == 0) runList(order, tape.prologue, ctx);
        runList(order, tape.body, ctx);
        for (std::size_t i = 0; i < ctx.len; ++i) {
            const double v = result.hi[i];
            y[start + i] = v;
            // A NaN value (a domain error) makes its derivatives NaN too.
            if (order >= 1) dy[start + i] = v != v ? kNaN : result.d1[i];
            if (order >= 2) d2y[start + i] = v != v ? kNaN : result.d2[i];
        }
    }
}

}  // namespace actlab::formula
