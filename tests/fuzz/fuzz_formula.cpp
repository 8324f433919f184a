// Fuzzes formula activations: any byte string must compile to a program or give a one-line
// message with a column, never a crash, hang or sanitizer report. A program must evaluate at
// awkward points with the three modes agreeing, find its switching points, and show its
// derivatives as formulas that parse again.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string_view>
#include <vector>

#include "formula/formula.h"
#include "formula/formula_display.h"

namespace {

bool same(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const actlab::FormulaCompileResult r = actlab::compileFormula(text);
    if (!r.ok()) {
        if (r.error.empty() || r.error.find('\n') != std::string::npos || r.errorColumn < 1)
            std::abort();
        return 0;
    }
    const actlab::FormulaProgram& p = *r.program;
    constexpr double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> xs = {-inf, -1e300, -710, -2.5, -1, -0.0, 0,
                                    1e-310, 0.5, 1, 3, 745, 1e300, inf, std::nan("")};
    for (const std::vector<double>& params :
         {p.defaultParams(), std::vector<double>(p.params().size(), -0.5)}) {
        const std::size_t n = xs.size();
        std::vector<double> y0(n), y1(n), dy1(n), y2(n), dy2(n), d2y2(n);
        p.evalF(xs, y0, params);
        p.evalFDf(xs, y1, dy1, params);
        p.evalFDfD2f(xs, y2, dy2, d2y2, params);
        for (std::size_t i = 0; i < n; ++i)
            if (!same(y0[i], y1[i]) || !same(y1[i], y2[i]) || !same(dy1[i], dy2[i]) ||
                !same(p.f(xs[i], params), y0[i]))
                std::abort();
    }
    const std::vector<double> kinks = p.kinks(p.defaultParams(), -4, 4);
    for (std::size_t i = 1; i < kinks.size(); ++i)
        if (!(kinks[i - 1] < kinks[i])) std::abort();
    const actlab::FormulaDisplay d = actlab::formulaDisplay(p);
    if (d.f.empty() || d.df.empty() || d.d2f.empty()) std::abort();
    // What is shown parses again, unless the chain rule nested it deeper than the language
    // allows.
    for (const std::string* shown : {&d.f, &d.df, &d.d2f}) {
        if (*shown == actlab::kFormulaTooLong || shown->size() > 500) continue;
        const actlab::FormulaCompileResult back = actlab::compileFormula(*shown);
        if (!back.ok() && back.error.find("nesting deeper") == std::string::npos) std::abort();
    }
    return 0;
}
