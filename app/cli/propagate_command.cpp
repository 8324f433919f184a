#include "propagate_command.h"

#include <cmath>
#include <optional>
#include <ostream>

#include "activations/activation_call.h"
#include "activations/registry.h"
#include "arg_reader.h"
#include "theory/mean_field.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

constexpr long long kMaxDepth = 1000;

struct PropagateRequest {
    std::string activation;
    KeywordArgs params;
    std::optional<double> sigmaW2, sigmaB2;
    long long depth = -1;  // no depth curves
    bool critical = false;
    bool help = false;
};

/// A variance: a finite number ≥ 0.
std::string parseVariance(const std::string& option, const std::string& text,
                          std::optional<double>& out) {
    if (out) return "repeated option " + option;
    const std::optional<double> v = parseNumber(text);
    if (!v || !std::isfinite(*v) || *v < 0)
        return option + ": expected a finite non-negative number, got '" + text + "'";
    out = *v;
    return "";
}

std::string parse(const std::vector<std::string>& args, PropagateRequest& req) {
    ArgReader reader(args);
    std::string value;
    bool seenActivation = false, seenDepth = false;
    while (reader.more() && reader.error().empty()) {
        if (reader.option("--activation", true, &value)) {
            if (seenActivation) return "repeated option --activation";
            seenActivation = true;
            req.activation = value;
        } else if (reader.option("--param", true, &value)) {
            const std::size_t eq = value.find('=');
            if (eq == std::string::npos || eq == 0)
                return "--param expects NAME=VALUE, got '" + value + "'";
            req.params.emplace_back(value.substr(0, eq), value.substr(eq + 1));
        } else if (reader.option("--sigma-w2", true, &value)) {
            if (std::string e = parseVariance("--sigma-w2", value, req.sigmaW2); !e.empty())
                return e;
        } else if (reader.option("--sigma-b2", true, &value)) {
            if (std::string e = parseVariance("--sigma-b2", value, req.sigmaB2); !e.empty())
                return e;
        } else if (reader.option("--depth", true, &value)) {
            if (seenDepth) return "repeated option --depth";
            seenDepth = true;
            const std::optional<long long> n = parseCount(value, kMaxDepth);
            if (!n)
                return "--depth: expected a whole number from 0 to " + std::to_string(kMaxDepth) +
                       ", got '" + value + "'";
            req.depth = *n;
        } else if (reader.option("--critical", false)) {
            if (req.critical) return "repeated option --critical";
            req.critical = true;
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            req.help = true;
        } else if (reader.error().empty()) {
            return "unknown argument '" + reader.unknown() +
                   "'; valid: --activation, --param, --sigma-w2, --sigma-b2, --depth, --critical, "
                   "--help";
        }
    }
    if (!reader.error().empty()) return reader.error();
    if (req.help) return "";
    if (req.activation.empty()) return "missing --activation; valid: " + activationIdList();
    if (!req.sigmaB2) return "missing --sigma-b2";
    if (req.critical) {
        if (req.sigmaW2) return "--critical finds sigma_w2 itself: do not give --sigma-w2";
        if (req.depth >= 0) return "--depth needs --sigma-w2, not --critical";
    } else if (!req.sigmaW2) {
        return "missing --sigma-w2 (or give --critical to find it)";
    }
    return "";
}

}  // namespace

std::string propagateUsage() {
    return "usage: activation-lab propagate --activation ID [--param NAME=VALUE ...]\n"
           "                                --sigma-w2 A --sigma-b2 B [--depth L]\n"
           "       activation-lab propagate --activation ID [--param NAME=VALUE ...]\n"
           "                                --critical --sigma-b2 B\n"
           "\n"
           "Mean-field signal propagation through a wide random network with weights of\n"
           "variance A/fan-in and biases of variance B (docs/signal-propagation.md).\n"
           "The first form prints q_star (inf where the length diverges), chi1, c_star (nan\n"
           "where q_star is 0 or inf) and phase (ordered, critical or chaotic) as key=value\n"
           "lines; with --depth L (0 to 1000) then the CSV layer,q,c,grad_ratio for layers\n"
           "0..L from q0 = 1 and c0 = 0.5. --critical prints sigma_w2, the weight variance\n"
           "with chi1 = 1 at that bias variance, and exits 2 if there is none.\n";
}

int runPropagate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    PropagateRequest req;
    if (std::string problem = parse(args, req); !problem.empty()) {
        err << "activation-lab propagate: " << problem << "\n";
        return 2;
    }
    if (req.help) {
        out << propagateUsage();
        return 0;
    }
    const ResolvedCall resolved = resolveActivation(req.activation, req.params);
    if (!resolved.ok()) {
        err << "activation-lab propagate: " << resolved.error << "\n";
        return 2;
    }
    theory::MeanField field(resolved.call);
    if (req.critical) {
        const theory::CriticalPoint p = field.criticalSigmaW2(*req.sigmaB2);
        if (!p.found) {
            err << "activation-lab propagate: no critical line for " << resolved.call.spec->id
                << " at sigma_b2 = " << formatNumber(*req.sigmaB2) << ": " << p.message << "\n";
            return 2;
        }
        out << "sigma_w2=" << formatNumber(p.sigmaW2) << "\n";
        out.flush();
        return out ? 0 : 1;
    }
    const theory::Variances v{*req.sigmaW2, *req.sigmaB2};
    const theory::Analysis a = field.analyse(v);
    out << "q_star=" << formatNumber(a.qStar) << "\n"
        << "chi1=" << formatNumber(a.chi1) << "\n"
        << "c_star=" << formatNumber(a.cStar) << "\n"
        << "phase=" << theory::phaseName(a.phase) << "\n";
    if (req.depth >= 0) {
        const theory::DepthCurves d = field.depthCurves(v, int(req.depth));
        out << "layer,q,c,grad_ratio\n";
        for (std::size_t l = 0; l < d.q.size(); ++l)
            out << l << "," << formatNumber(d.q[l]) << "," << formatNumber(d.c[l]) << ","
                << formatNumber(d.gradRatio[l]) << "\n";
    }
    out.flush();
    return out ? 0 : 1;
}

}  // namespace actlab::cli
