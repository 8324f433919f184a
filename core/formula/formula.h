#pragma once
// Formula activations: an activation typed as text, such as "x*sigmoid(b*x)", with its exact
// first and second derivatives. compileFormula() parses the text once into an immutable
// FormulaProgram (a flat register program, see formula_tape.h) that evaluates f, f′ and f″ over
// whole arrays. The language, the kink convention and the numerics are described in
// docs/formula-language.md; formula_display.h turns f′ and f″ into readable formulas.
//
//     const FormulaCompileResult r = compileFormula("x*sigmoid(b*x)");
//     if (!r.ok()) report(r.error);                  // "expected ')' at column 14"
//     const std::vector<double> p = {1.5};           // values in the order of params()
//     r.program->evalFDf(xs, ys, dys, p);

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "formula_ast.h"
#include "formula_tape.h"

namespace actlab {

class FormulaProgram;

/// A compiled formula, or a one-line message naming the column and what was expected there.
struct FormulaCompileResult {
    std::shared_ptr<const FormulaProgram> program;  ///< null on error
    std::string error;                              ///< empty on success
    int errorColumn = 0;                            ///< 1-based; 0 on success
    bool ok() const { return program != nullptr; }
};

/// Parses and compiles a formula (at most 500 characters, nesting at most 64). Never throws.
FormulaCompileResult compileFormula(std::string_view text) noexcept;

/// Default value of every formula parameter (the slider's start).
inline constexpr double kFormulaParamDefault = 1.0;

/// An immutable compiled formula; share it freely between threads. Parameter values are passed
/// to every call, in the order of params(); entries missing from a short span are 1.
///
/// The evaluation functions process min(x.size(), y.size(), ...) elements, allocate nothing once
/// a thread has evaluated a program of the same size, and never throw. Domain errors (log of a
/// negative number, sqrt(−1)) give NaN in f, f′ and f″ there.
class FormulaProgram {
public:
    /// The text it was compiled from.
    const std::string& text() const { return m_text; }
    /// Parameter names in the order of their first appearance in the text.
    const std::vector<std::string>& params() const { return m_ast.params; }
    /// Index of a parameter in params(), or −1.
    int paramIndex(std::string_view name) const;
    /// kFormulaParamDefault for every parameter.
    std::vector<double> defaultParams() const {
        return std::vector<double>(params().size(), kFormulaParamDefault);
    }

    /// y = f(x).
    void evalF(std::span<const double> x, std::span<double> y,
               std::span<const double> params) const noexcept;
    /// y = f(x), dy = f′(x).
    void evalFDf(std::span<const double> x, std::span<double> y, std::span<double> dy,
                 std::span<const double> params) const noexcept;
    /// y = f(x), dy = f′(x), d2y = f″(x).
    void evalFDfD2f(std::span<const double> x, std::span<double> y, std::span<double> dy,
                    std::span<double> d2y, std::span<const double> params) const noexcept;

    double f(double x, std::span<const double> params = {}) const noexcept;
    double df(double x, std::span<const double> params = {}) const noexcept;
    double d2f(double x, std::span<const double> params = {}) const noexcept;

    /// The switching points in [xMin, xMax]: where the two sides of a max, min or where()
    /// comparison meet, or the argument of abs, sign or heaviside crosses 0. Found by sampling
    /// 4097 points and bisecting each sign change to the last bit; two switching points closer
    /// than the sampling step may be missed. Sorted, without duplicates.
    std::vector<double> kinks(std::span<const double> params, double xMin, double xMax) const;

    /// True when f is piecewise linear in x: built only from x, constants and parameters with
    /// + and −, products and quotients by x-free factors, and max, min, abs, sign, heaviside and
    /// where() whose arguments, comparisons included, are such expressions.
    bool isPiecewiseLinear() const { return m_piecewiseLinear; }
    /// True when a max, min, abs, sign, heaviside or where() switches with x, so that f or f′
    /// may jump or kink at the points kinks() finds.
    bool hasSwitchingPoints() const { return m_hasSwitches; }
    /// False for a constant formula such as "2*a".
    bool dependsOnX() const { return m_dependsOnX; }

    /// The formula as parsed (for the derivative display and integration).
    const formula::Ast& ast() const { return m_ast; }
    /// Instructions per chunk (body) and per call (prologue): the cost of an evaluation.
    std::size_t bodyLength() const { return m_tape.body.size(); }
    std::size_t prologueLength() const { return m_tape.prologue.size(); }

private:
    friend FormulaCompileResult compileFormula(std::string_view text) noexcept;
    FormulaProgram() = default;
    void eval(int order, std::span<const double> x, double* y, double* dy, double* d2y,
              std::size_t n, std::span<const double> params) const noexcept;

    std::string m_text;
    formula::Ast m_ast;
    formula::Tape m_tape;
    bool m_piecewiseLinear = false;
    bool m_hasSwitches = false;
    bool m_dependsOnX = false;
};

}  // namespace actlab
