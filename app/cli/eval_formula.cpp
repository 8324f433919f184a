#include "eval_formula.h"

#include <cmath>
#include <cstdio>
#include <ostream>

#include "formula/formula.h"
#include "formula/formula_display.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

std::string jsonString(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string jsonNumber(double v) {
    if (std::isfinite(v)) return formatNumber(v, 17);
    return "\"" + formatNumber(v) + "\"";  // JSON has no inf or nan
}

std::string names(const std::vector<std::string>& params) {
    std::string out;
    for (const std::string& p : params) out += (out.empty() ? "" : ", ") + p;
    return out;
}

/// The parameter values in the program's order (1 where not given), or a message.
std::string resolveParams(const FormulaProgram& program, const KeywordArgs& args,
                          std::vector<double>& values) {
    values = program.defaultParams();
    for (const auto& [key, text] : args) {
        const int index = program.paramIndex(key);
        if (index < 0) {
            if (program.params().empty())
                return "unknown parameter '" + key + "': the formula has no parameters";
            return "unknown parameter '" + key +
                   "' for the formula; its parameters: " + names(program.params());
        }
        const std::optional<double> v = parseNumber(text);
        if (!v || !std::isfinite(*v))
            return "parameter " + key + " must be a finite number, got '" + text + "'";
        values[static_cast<std::size_t>(index)] = *v;
    }
    return "";
}

}  // namespace

std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

int runFormulaEval(const FormulaEvalRequest& req, std::ostream& out, std::ostream& err) {
    const FormulaCompileResult compiled = compileFormula(req.text);
    if (!compiled.ok()) {
        err << "activation-lab eval: --formula: " << compiled.error << "\n";
        return 2;
    }
    const FormulaProgram& program = *compiled.program;
    std::vector<double> params;
    if (const std::string problem = resolveParams(program, req.params, params); !problem.empty()) {
        err << "activation-lab eval: " << problem << "\n";
        return 2;
    }

    if (req.showDerivatives) {
        const FormulaDisplay d = formulaDisplay(program);
        out << "f(x) = " << (req.latex ? d.fLatex : d.f) << "\n"
            << "f'(x) = " << (req.latex ? d.dfLatex : d.df) << "\n"
            << "f''(x) = " << (req.latex ? d.d2fLatex : d.d2f) << "\n";
        out.flush();
        return out ? 0 : 1;
    }

    const std::vector<double>& xs = *req.xs;
    std::vector<double> f(xs.size()), df(xs.size()), d2f(xs.size());
    program.evalFDfD2f(xs, f, df, d2f, params);
    std::string paramText;
    for (std::size_t i = 0; i < params.size(); ++i)
        paramText += (i ? ";" : "") + program.params()[i] + "=" + formatShortest(params[i]);

    if (req.json) {
        out << "{\"activation\": " << jsonString(req.text)
            << ", \"id\": \"formula\", \"params\": " << jsonString(paramText)
            << ", \"dtype\": \"float64\", \"rows\": [";
        for (std::size_t i = 0; i < xs.size(); ++i)
            out << (i ? ",\n  " : "\n  ") << "{\"x\": " << jsonNumber(xs[i])
                << ", \"f\": " << jsonNumber(f[i]) << ", \"df\": " << jsonNumber(df[i])
                << ", \"d2f\": " << jsonNumber(d2f[i]) << "}";
        out << "\n]}\n";
    } else {
        const std::string prefix = csvField(req.text) + "," + csvField(paramText) + ",";
        out << "activation,params,x,f,df,d2f\n";
        std::string line;
        for (std::size_t i = 0; i < xs.size(); ++i) {
            line = prefix;
            line += formatNumber(xs[i], 17) + "," + formatNumber(f[i], 17) + "," +
                    formatNumber(df[i], 17) + "," + formatNumber(d2f[i], 17) + "\n";
            out << line;
        }
    }
    out.flush();
    return out ? 0 : 1;
}

}  // namespace actlab::cli
