#include "inspect_command.h"

#include <optional>
#include <ostream>
#include <sstream>

#include "activations/registry.h"
#include "arg_reader.h"
#include "inspect/hidden_space.h"
#include "inspect/operating_points.h"
#include "inspect/region_map.h"
#include "nn/grid.h"
#include "nn/session.h"
#include "util/atomic_file.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

constexpr long long kMaxEpochs = 10'000'000;
constexpr long long kMaxGrid = 2000;

enum class Mode { None, HiddenLayer, Regions, Preactivations };

struct InspectRequest {
    std::string session, out;
    long long epochs = 0;
    Mode mode = Mode::None;
    int modes = 0;  // how many modes were given
    long long layer = 0, grid = 0;
    bool help = false;
};

std::string parse(const std::vector<std::string>& args, InspectRequest& req) {
    ArgReader reader(args);
    std::string value;
    bool seenSession = false, seenEpochs = false, seenOut = false;
    // A mode given twice is a repeated option, two different ones are two modes.
    const auto mode = [&req](Mode m, const char* name) -> std::string {
        if (req.mode == m) return std::string("repeated option ") + name;
        ++req.modes;
        req.mode = m;
        return "";
    };
    while (reader.more() && reader.error().empty()) {
        if (reader.option("--session", true, &value)) {
            if (seenSession) return "repeated option --session";
            seenSession = true;
            req.session = value;
        } else if (reader.option("--epochs", true, &value)) {
            if (seenEpochs) return "repeated option --epochs";
            seenEpochs = true;
            const std::optional<long long> n = parseCount(value, kMaxEpochs);
            if (!n)
                return "--epochs: expected a whole number from 0 to 10000000, got '" + value + "'";
            req.epochs = *n;
        } else if (reader.option("--out", true, &value)) {
            if (seenOut) return "repeated option --out";
            seenOut = true;
            if (value.empty()) return "--out: expected a file name";
            req.out = value;
        } else if (reader.option("--hidden-layer", true, &value)) {
            const std::optional<long long> k = parseCount(value, nn::kMaxHiddenLayers);
            if (!k)
                return "--hidden-layer: expected a layer from 0 (the input) to the number of "
                       "hidden layers, got '" +
                       value + "'";
            req.layer = *k;
            if (std::string r = mode(Mode::HiddenLayer, "--hidden-layer"); !r.empty()) return r;
        } else if (reader.option("--regions", true, &value)) {
            const std::optional<long long> n = parseCount(value, kMaxGrid);
            if (!n || *n < 2)
                return "--regions: expected a grid size from 2 to 2000, got '" + value + "'";
            req.grid = *n;
            if (std::string r = mode(Mode::Regions, "--regions"); !r.empty()) return r;
        } else if (reader.option("--preactivations", false)) {
            if (std::string r = mode(Mode::Preactivations, "--preactivations"); !r.empty())
                return r;
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            req.help = true;
        } else if (reader.error().empty()) {
            return "unknown argument '" + reader.unknown() +
                   "'; valid: --session, --epochs, --hidden-layer, --regions, --preactivations, "
                   "--out, --help";
        }
    }
    if (!reader.error().empty()) return reader.error();
    if (req.help) return "";
    if (req.session.empty()) return "missing --session FILE";
    if (req.modes != 1)
        return std::string(req.modes ? "more than one of" : "missing: give one of") +
               " --hidden-layer K, --regions N and --preactivations";
    return "";
}

/// The piecewise-linear registry rows with their default parameters, for the message.
std::string piecewiseLinearIds() {
    std::string list;
    for (const ActivationSpec& spec : activations())
        if (inspect::isPiecewiseLinear(spec, spec.defaults()))
            list += (list.empty() ? "" : ", ") + std::string(spec.id);
    return list;
}

std::string smoothMessage(const nn::Mlp& net, const inspect::RegionResult& r) {
    const ActivationSpec& spec = *net.activationOf(r.smoothLayer);
    return "--regions needs piecewise-linear hidden activations, but hidden layer " +
           std::to_string(r.smoothLayer + 1) + " uses " + std::string(spec.id) +
           ", which is not piecewise linear with its parameters (piecewise linear: " +
           piecewiseLinearIds() + ")";
}

/// `set,index,label,h1,…,hn` for the train and test points.
std::string hiddenLayerCsv(const nn::Mlp& net, const nn::Dataset& data, int stage) {
    const int width = inspect::stageWidth(net, stage);
    std::ostringstream csv;
    csv << "set,index,label";
    for (int u = 1; u <= width; ++u) csv << ",h" << u;
    csv << '\n';
    inspect::StageEvaluator evaluator;
    std::vector<double> values;
    for (const auto& [name, points] : {std::pair{"train", &data.train}, {"test", &data.test}}) {
        const nn::FeatureTable table = nn::computeFeatures(net.spec().features, *points);
        const std::size_t n = points->size();
        values.resize(std::size_t(width) * n);
        evaluator.activations(net, table, stage, values);
        for (std::size_t p = 0; p < n; ++p) {
            csv << name << ',' << p << ',' << formatNumber((*points)[p].label);
            for (std::size_t u = 0; u < std::size_t(width); ++u)
                csv << ',' << formatNumber(values[u * n + p]);
            csv << '\n';
        }
    }
    return csv.str();
}

/// `# regions R`, then `x,y,region` in GridEvaluator's cell order.
std::string regionsCsv(const std::vector<int>& region, int regions, int n) {
    std::ostringstream csv;
    csv << "# regions " << regions << "\nx,y,region\n";
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            csv << formatNumber(nn::gridCoordinate(i, n)) << ','
                << formatNumber(nn::gridCoordinate(n - 1 - j, n)) << ','
                << region[std::size_t(i) * std::size_t(n) + std::size_t(j)] << '\n';
    return csv.str();
}

/// `layer,unit,index,z` for every hidden unit and training point.
std::string preactivationsCsv(const nn::Mlp& net, const nn::Dataset& data) {
    inspect::OperatingPoints points;
    points.compute(net, nn::computeFeatures(net.spec().features, data.train));
    std::ostringstream csv;
    csv << "layer,unit,index,z\n";
    const std::size_t n = std::size_t(points.pointCount());
    for (int l = 0; l < points.layerCount(); ++l) {
        const std::span<const double> z = points.preactivations(l);
        for (std::size_t u = 0; u < std::size_t(points.unitCount(l)); ++u)
            for (std::size_t p = 0; p < n; ++p)
                csv << l + 1 << ',' << u + 1 << ',' << p << ',' << formatNumber(z[u * n + p])
                    << '\n';
    }
    return csv.str();
}

}  // namespace

std::string inspectUsage() {
    return "usage: activation-lab inspect --session FILE [--epochs N] --hidden-layer K [--out F]\n"
           "       activation-lab inspect --session FILE [--epochs N] --regions N [--out F]\n"
           "       activation-lab inspect --session FILE [--epochs N] --preactivations "
           "[--out F]\n"
           "\n"
           "The data of the network page's \"why\" views (docs/why-views.md), after training\n"
           "the session N epochs (default 0: its stored or initial weights). One mode:\n"
           "  --hidden-layer K   CSV set,index,label,h1,...,hn: the activations of hidden\n"
           "                     layer K (0: the input features) at every train and test point\n"
           "  --regions N        '# regions R', then CSV x,y,region over the N x N grid of\n"
           "                     `train --grid N` (piecewise-linear networks only)\n"
           "  --preactivations   CSV layer,unit,index,z for every hidden unit and training point\n"
           "Output goes to stdout, or to --out F (written whole or not at all). Exits 2 on bad\n"
           "input, 3 if training diverges.\n";
}

int runInspect(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    InspectRequest req;
    const auto fail = [&err](const std::string& problem, int status = 2) {
        err << "activation-lab inspect: " << problem << "\n";
        return status;
    };
    if (std::string problem = parse(args, req); !problem.empty()) return fail(problem);
    if (req.help) {
        out << inspectUsage();
        return 0;
    }
    const nn::SessionLoad loaded = nn::loadSessionFile(req.session);
    if (!loaded.ok()) return fail(loaded.error);
    const int hidden = static_cast<int>(loaded.session.network.hidden.size());
    if (req.mode == Mode::HiddenLayer && req.layer > hidden)
        return fail("--hidden-layer: expected a layer from 0 (the input) to " +
                    std::to_string(hidden) + " (the session's hidden layers), got " +
                    std::to_string(req.layer));
    nn::Trainer trainer = nn::makeTrainer(loaded.session);
    if (req.mode == Mode::Regions) {  // before training: a smooth network is bad input
        const inspect::RegionResult r = inspect::piecewiseLinearity(trainer.network());
        if (!r.piecewiseLinear) return fail(smoothMessage(trainer.network(), r));
    }
    if (!req.out.empty())
        if (std::string problem = checkWritable(req.out); !problem.empty()) return fail(problem);

    for (long long e = 0; e < req.epochs && !trainer.diverged(); ++e)
        trainer.step(nn::Evaluation::Loss);  // the losses detect a divergence, as `train` does
    if (trainer.diverged()) return fail(trainer.divergence(), 3);

    const nn::Mlp& net = trainer.network();
    std::string text;
    switch (req.mode) {
        case Mode::HiddenLayer:
            text = hiddenLayerCsv(net, trainer.data(), int(req.layer));
            break;
        case Mode::Preactivations:
            text = preactivationsCsv(net, trainer.data());
            break;
        case Mode::Regions: {
            const int n = int(req.grid);
            std::vector<int> region(std::size_t(n) * std::size_t(n));
            inspect::RegionMap map;
            const inspect::RegionResult r = map.compute(net, n, region);
            if (!r.piecewiseLinear) return fail(smoothMessage(net, r));
            text = regionsCsv(region, r.regions, n);
            break;
        }
        case Mode::None:
            break;
    }
    if (req.out.empty()) {
        out << text;
        out.flush();
        return out ? 0 : 1;
    }
    if (std::string problem = writeFileAtomically(req.out, text); !problem.empty())
        return fail(problem, 1);
    return 0;
}

}  // namespace actlab::cli
