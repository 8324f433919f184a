#include "eval_command.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "activations/activation_call.h"
#include "activations/curve.h"
#include "activations/registry.h"
#include "arg_reader.h"
#include "eval_formula.h"
#include "util/file_read.h"
#include "util/message_text.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

constexpr long long kMaxPoints = 10'000'000;
/// The points come from one place: mixing them would hide a mistake.
constexpr const char* kOneSource = "give one of --x, --x-file and --range, once";

struct EvalRequest {
    std::string activation;
    std::string formula;
    bool hasFormula = false;
    bool showDerivatives = false;
    bool latex = false;
    KeywordArgs params;
    std::vector<double> xs;
    int sources = 0;  // how many of --x, --x-file, --range were given
    bool float32 = false;
    bool json = false;
    bool list = false;
    bool help = false;
};

bool appendValues(std::string_view text, std::vector<double>& xs, std::string& error) {
    for (const std::string& field : split(text, ',')) {
        const std::optional<double> v = parseNumber(field);
        if (!v) {
            error = "--x: '" + printable(field, 40) +
                    "' is not a number (use a comma-separated list like -1,0,2.5)";
            return false;
        }
        xs.push_back(*v);
    }
    return true;
}

bool readXFile(const std::string& path, std::vector<double>& xs, std::string& error) {
    // A directory opens as an empty stream: refuse it (and a missing file) by name first.
    if (std::string problem = inputPathProblem(path); !problem.empty()) {
        error = "--x-file: " + problem;
        return false;
    }
    std::ifstream in(std::filesystem::path(path), std::ios::binary);
    if (!in) {
        error = "--x-file: cannot open '" + printablePath(path) + "'";
        return false;
    }
    std::string line;
    int lineNo = 0;
    bool seenNumber = false;
    while (std::getline(in, line)) {
        ++lineNo;
        if (line.empty() || line.front() == '#') continue;
        for (char& c : line)
            if (c == ',' || c == ';' || c == '\t' || c == '\r') c = ' ';
        std::istringstream fields(line);
        std::string field;
        std::vector<double> values;
        bool bad = false;
        while (fields >> field) {
            const std::optional<double> v = parseNumber(field);
            if (!v) {
                bad = true;
                break;
            }
            values.push_back(*v);
        }
        if (bad) {
            if (!seenNumber && lineNo == 1) continue;  // a header line such as "x"
            error = "--x-file " + printablePath(path) + " line " + std::to_string(lineNo) + ": '" +
                    printable(field, 40) + "' is not a number";
            return false;
        }
        seenNumber = seenNumber || !values.empty();
        xs.insert(xs.end(), values.begin(), values.end());
        if (static_cast<long long>(xs.size()) > kMaxPoints) {
            error = "--x-file: more than " + std::to_string(kMaxPoints) + " values";
            return false;
        }
    }
    return true;
}

bool appendRange(std::string_view text, std::vector<double>& xs, std::string& error) {
    const std::vector<std::string> parts = split(text, ':');
    double a = 0, b = 0;
    long long n = 0;
    bool ok = parts.size() == 3;
    if (ok) {
        const std::optional<double> pa = parseNumber(parts[0]), pb = parseNumber(parts[1]);
        const std::optional<long long> pn = parseCount(parts[2], kMaxPoints);
        ok = pa && pb && pn && *pn >= 1 && std::isfinite(*pa) && std::isfinite(*pb);
        a = pa.value_or(0);
        b = pb.value_or(0);
        n = pn.value_or(0);
    }
    if (!ok) {
        error =
            "--range: expected A:B:N with finite A, B and 1 <= N <= " + std::to_string(kMaxPoints) +
            ", got '" + printable(text, 40) + "'";
        return false;
    }
    for (long long i = 0; i < n; ++i)
        xs.push_back(n == 1 ? a : a + (b - a) * static_cast<double>(i) / static_cast<double>(n - 1));
    return true;
}

/// Parses the arguments; returns an error message or "".
std::string parse(const std::vector<std::string>& args, EvalRequest& req) {
    ArgReader reader(args);
    std::string value, error;
    while (reader.more() && reader.error().empty()) {
        if (reader.single("--activation", &value)) {
            req.activation = value;
        } else if (reader.option("--formula", true, &value)) {
            req.formula = value;
            req.hasFormula = true;
        } else if (reader.option("--show-derivatives", false)) {
            req.showDerivatives = true;
        } else if (reader.option("--latex", false)) {
            req.latex = true;
        } else if (reader.option("--param", true, &value)) {
            const std::size_t eq = value.find('=');
            if (eq == std::string::npos || eq == 0)
                return "--param expects NAME=VALUE, got '" + printable(value, 40) + "'";
            req.params.emplace_back(value.substr(0, eq), value.substr(eq + 1));
        } else if (reader.single("--x", &value)) {
            if (++req.sources > 1) return kOneSource;
            if (!appendValues(value, req.xs, error)) return error;
        } else if (reader.file("--x-file", &value)) {
            if (++req.sources > 1) return kOneSource;
            if (!readXFile(value, req.xs, error)) return error;
        } else if (reader.single("--range", &value)) {
            if (++req.sources > 1) return kOneSource;
            if (!appendRange(value, req.xs, error)) return error;
        } else if (reader.option("--float32", false)) {
            req.float32 = true;
        } else if (reader.single("--format", &value)) {
            if (value != "csv" && value != "json")
                return "--format: unknown format '" + printable(value, 40) + "'; valid: csv, json";
            req.json = value == "json";
        } else if (reader.option("--list", false)) {
            req.list = true;
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            req.help = true;
        } else if (reader.error().empty()) {
            return "unknown argument '" + printable(reader.unknown(), 40) +
                   "'; valid: --activation, --formula, --param, --x, --x-file, --range, "
                   "--float32, --format, --show-derivatives, --latex, --list, --help";
        }
    }
    if (!reader.error().empty()) return reader.error();
    if (req.list || req.help) return "";
    if (req.hasFormula && !req.activation.empty())
        return "--formula and --activation exclude each other: give one of them";
    if (req.hasFormula && req.float32)
        return "--float32 does not apply to --formula: formulas are evaluated in double precision";
    if (req.showDerivatives && !req.hasFormula)
        return "--show-derivatives needs --formula (a built-in's formula: see --list)";
    if (req.latex && !req.showDerivatives) return "--latex needs --show-derivatives";
    if (req.showDerivatives) {
        if (req.sources > 0)
            return "--show-derivatives prints formulas, not values: drop --x, --x-file and --range";
        return "";
    }
    if (req.activation.empty() && !req.hasFormula)
        return "missing --activation (or --formula); valid: " + activationIdList();
    if (req.sources == 0) return "missing input points: give --x, --x-file or --range";
    if (static_cast<long long>(req.xs.size()) > kMaxPoints)
        return "too many points (more than " + std::to_string(kMaxPoints) + ")";
    return "";
}

std::string listActivations() {
    std::ostringstream out;
    for (const ActivationSpec& spec : activations()) {
        out << spec.id << "  (" << spec.torchName;
        if (!spec.torchVariantKey.empty())
            out << ", " << spec.torchVariantKey << "=" << spec.torchVariantValue;
        out << ")";
        for (const ParamSpec& p : spec.params)
            out << "  " << p.id << "=" << formatShortest(p.defaultValue) << " ["
                << formatShortest(p.min) << ", " << formatShortest(p.max) << "]";
        out << "\n";
    }
    return out.str();
}

std::string jsonNumber(double v, int digits) {
    if (std::isfinite(v)) return formatNumber(v, digits);
    return "\"" + formatNumber(v) + "\"";  // JSON has no inf or nan
}

/// Writes the table. Everything that can fail has been checked before, so nothing partial is
/// ever written for bad input.
void render(std::ostream& out, const ActivationCall& call, const Curve& t, bool float32,
            bool json) {
    const int digits = float32 ? 9 : 17;
    if (json) {
        const std::string name(call.spec->torchName);
        const std::string params = formatTorchParams(*call.spec, call.params);
        out << "{\"activation\": \"" << name << "\", \"id\": \"" << call.spec->id
            << "\", \"params\": \"" << params << "\", \"dtype\": \""
            << (float32 ? "float32" : "float64") << "\", \"rows\": [";
        for (std::size_t i = 0; i < t.x.size(); ++i) {
            out << (i ? ",\n  " : "\n  ") << "{\"x\": " << jsonNumber(t.x[i], digits)
                << ", \"f\": " << jsonNumber(t.f[i], digits)
                << ", \"df\": " << jsonNumber(t.df[i], digits)
                << ", \"d2f\": " << jsonNumber(t.d2f[i], digits) << "}";
        }
        out << "\n]}\n";
        return;
    }
    writeCurveCsv(out, call, t, float32);
}

}  // namespace

std::string evalUsage() {
    return "usage: activation-lab eval (--activation ID | --formula TEXT)\n"
           "                           [--param NAME=VALUE ...]\n"
           "                           (--x VALUES | --x-file FILE | --range A:B:N)\n"
           "                           [--float32] [--format csv|json]\n"
           "       activation-lab eval --formula TEXT [--param NAME=VALUE ...] --show-derivatives\n"
           "                           [--latex]\n"
           "       activation-lab eval --list\n"
           "\n"
           "Prints activation,params,x,f,df,d2f for every x (17 significant digits, 9 with\n"
           "--float32). ID is a registry id (leaky_relu) or a torch class name (LeakyReLU);\n"
           "parameters use torch's keywords (negative_slope=0.2, approximate=tanh).\n"
           "--formula takes an activation as text, such as \"x*sigmoid(b*x)\"; every name other\n"
           "than x, pi, e and the functions is a parameter, 1 unless --param sets it\n"
           "(docs/formula-language.md). --show-derivatives prints f, f' and f'' as formulas.\n";
}

int runEval(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    EvalRequest req;
    if (std::string problem = parse(args, req); !problem.empty()) {
        err << "activation-lab eval: " << problem << "\n";
        return 2;
    }
    if (req.help) {
        out << evalUsage();
        return 0;
    }
    if (req.list) {
        out << listActivations();
        return 0;
    }
    if (req.hasFormula) {
        FormulaEvalRequest formula{req.formula, req.params, &req.xs, req.showDerivatives, req.latex,
                                   req.json};
        return runFormulaEval(formula, out, err);
    }
    const ResolvedCall resolved = resolveActivation(req.activation, req.params, req.float32);
    if (!resolved.ok()) {
        err << "activation-lab eval: " << resolved.error << "\n";
        return 2;
    }
    Curve table;
    evaluateCurve(resolved.call, req.xs, table, req.float32);
    render(out, resolved.call, table, req.float32, req.json);
    out.flush();
    return out ? 0 : 1;
}

}  // namespace actlab::cli
