#include "theory_reference.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "activations/registry.h"
#include "cli/arg_reader.h"
#include "theory/mean_field.h"
#include "util/number_format.h"

namespace actlab::test {

namespace {

double number(const std::string& text) {
    if (text.empty()) return 0;
    const std::optional<double> v = parseNumber(text);
    if (!v) throw std::runtime_error("theory reference: not a number: '" + text + "'");
    return *v;
}

ActivationCall callOf(const TheoryRow& row) {
    const ActivationSpec& spec = activation(row.activation);
    ActivationCall call{&spec, spec.defaults()};
    if (!row.params.empty()) {
        const std::vector<std::string> values = cli::split(row.params, ';');
        for (std::size_t i = 0; i < values.size() && i < kMaxParams; ++i)
            call.params[i] = number(values[i]);
    }
    return call;
}

}  // namespace

double TheoryRow::tolerance() const {
    // The reference is good to 18 digits (nested quadrature) or 34; the C++ code to about 1e-13.
    return 1e-10;
}

std::string TheoryRow::label() const {
    std::string s = kind + " " + activation + "(" + params + ")";
    if (kind == "V" || kind == "W") return s + " at q=" + formatShortest(q);
    if (kind == "cross" || kind == "crossdf")
        return s + " at q=" + formatShortest(q) + ", c=" + formatShortest(c);
    if (kind == "critical") return s + " at sigma_b2=" + formatShortest(sigmaB2);
    return s + " at (" + formatShortest(sigmaW2) + ", " + formatShortest(sigmaB2) + ")";
}

std::vector<TheoryRow> loadTheoryReference() {
    const std::string path = std::string(ACTLAB_TEST_DATA_DIR) + "/theory/reference.csv";
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<TheoryRow> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const std::vector<std::string> f = cli::split(line, ',');
        if (f.size() != 8) throw std::runtime_error("theory reference: bad line: " + line);
        TheoryRow r;
        r.kind = f[0];
        r.activation = f[1];
        r.params = f[2];
        r.sigmaW2 = number(f[3]);
        r.sigmaB2 = number(f[4]);
        r.q = number(f[5]);
        r.c = number(f[6]);
        r.reference = number(f[7]);
        rows.push_back(r);
    }
    return rows;
}

double computeTheoryRow(const TheoryRow& row) {
    theory::MeanField field(callOf(row));
    theory::ActivationExpectations& e = field.expectations();
    const theory::Variances v{row.sigmaW2, row.sigmaB2};
    if (row.kind == "V") return e.meanSquare(row.q);
    if (row.kind == "W") return e.slopeSquare(row.q);
    if (row.kind == "qstar") return field.lengthFixedPoint(v);
    if (row.kind == "chi1") return field.chi1(v);
    if (row.kind == "cross") return e.cross(row.q, row.c, theory::Kernel::F);
    if (row.kind == "crossdf") return e.cross(row.q, row.c, theory::Kernel::Df);
    if (row.kind == "critical") {
        const theory::CriticalPoint p = field.criticalSigmaW2(row.sigmaB2);
        return p.found ? p.sigmaW2 : std::numeric_limits<double>::quiet_NaN();
    }
    throw std::runtime_error("theory reference: unknown kind " + row.kind);
}

double relativeError(double computed, double reference) {
    if (computed == reference) return 0;
    if (std::isnan(computed) || std::isinf(computed) || std::isinf(reference))
        return std::numeric_limits<double>::infinity();
    return std::fabs(computed - reference) / std::max(std::fabs(reference), 1e-300);
}

}  // namespace actlab::test
