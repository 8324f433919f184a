#include "speed_command.h"

#include <ostream>

#include "activations/activation_call.h"
#include "activations/registry.h"
#include "activations/throughput.h"
#include "arg_reader.h"
#include "util/message_text.h"
#include "util/number_format.h"

namespace actlab::cli {

int runSpeed(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ArgReader reader(args);
    std::vector<ActivationCall> calls;
    std::string value;
    while (reader.more() && reader.error().empty()) {
        if (reader.option("--activation", true, &value)) {
            const ResolvedCall r = resolveActivation(value, {});
            if (!r.ok()) {
                err << "activation-lab speed: " << r.error << "\n";
                return 2;
            }
            for (const ActivationCall& c : calls)
                if (c.spec == r.call.spec) {  // GELU and gelu are one row: time it once
                    err << "activation-lab speed: --activation " << r.call.spec->id
                        << " is given more than once\n";
                    return 2;
                }
            calls.push_back(r.call);
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            out << "usage: activation-lab speed [--activation ID ...]\n\n"
                   "Times f and f' as the network computes them, on this computer, and prints\n"
                   "activation,ns_per_element,relative_to_relu (default: every activation).\n";
            return 0;
        } else if (reader.error().empty()) {
            err << "activation-lab speed: unknown argument '" << printable(reader.unknown(), 40)
                << "'; valid: --activation, --help\n";
            return 2;
        }
    }
    if (!reader.error().empty()) {
        err << "activation-lab speed: " << reader.error() << "\n";
        return 2;
    }
    if (calls.empty())
        for (const ActivationSpec& s : activations()) calls.push_back({&s, s.defaults()});
    const ActivationSpec& relu = activation("relu");
    const double reluNs = measureThroughput({&relu, relu.defaults()}).nsPerElement;
    out << "activation,ns_per_element,relative_to_relu\n";
    for (const ActivationCall& c : calls) {
        const double ns = measureThroughput(c).nsPerElement;
        out << c.spec->id << "," << formatNumber(ns, 3) << "," << formatNumber(ns / reluNs, 3)
            << "\n";
    }
    return 0;
}

}  // namespace actlab::cli
