#include "formula_reference.h"

#include <cmath>
#include <fstream>
#include <map>
#include <stdexcept>

#include "cli/arg_reader.h"
#include "golden_data.h"
#include "util/number_format.h"

namespace actlab::test {

namespace {

/// Splits one CSV line, honouring double quotes (formulas such as "max(0,x)" hold commas).
std::vector<std::string> csvFields(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

std::vector<FormulaCase> load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    std::vector<FormulaCase> cases;
    std::map<std::string, std::size_t> index;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.starts_with("formula,")) continue;
        const std::vector<std::string> f = csvFields(line);
        if (f.size() != 6) throw std::runtime_error("bad reference line: " + line);
        auto [it, fresh] = index.try_emplace(f[0] + "|" + f[1], cases.size());
        if (fresh) cases.push_back({f[0], f[1], {}});
        const auto x = parseNumber(f[2]), v = parseNumber(f[3]), d1 = parseNumber(f[4]),
                   d2 = parseNumber(f[5]);
        if (!x || !v || !d1 || !d2) throw std::runtime_error("bad reference number: " + line);
        cases[it->second].rows.push_back({*x, *v, *d1, *d2});
    }
    return cases;
}

}  // namespace

std::vector<double> FormulaCase::paramValues(const FormulaProgram& program) const {
    std::vector<double> values = program.defaultParams();
    if (params.empty()) return values;
    for (const std::string& kv : cli::split(params, ';')) {
        const std::size_t eq = kv.find('=');
        const int i = program.paramIndex(kv.substr(0, eq));
        if (i < 0) throw std::runtime_error("no parameter " + kv + " in " + formula);
        values[static_cast<std::size_t>(i)] = *parseNumber(kv.substr(eq + 1));
    }
    return values;
}

std::string FormulaCase::testName() const {
    std::string name;
    for (char c : formula + (params.empty() ? "" : "__" + params))
        name +=
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_';
    return name;
}

const std::vector<FormulaCase>& formulaReference() {
    static const std::vector<FormulaCase> cases = load(dataPath("formula/reference.csv"));
    return cases;
}

bool withinFormulaTolerance(double value, double reference) {
    if (std::isnan(reference) || std::isnan(value))
        return std::isnan(reference) && std::isnan(value);
    if (std::isinf(reference) || std::isinf(value)) return value == reference;
    return ulpDistance(value, reference) <= 16 || std::fabs(value - reference) <= 1e-15;
}

const std::vector<std::string>& galleryFormulas() {
    static const std::vector<std::string> gallery = {"sin(x)",           "exp(-x^2)",
                                                     "step(x)",          "(sqrt(x^2+1)-1)/2 + x",
                                                     "x*sigmoid(b*x)",   "(x + sqrt(x^2 + b))/2",
                                                     "x + sin(a*x)^2/a", "sigmoid(k*x)"};
    return gallery;
}

}  // namespace actlab::test
