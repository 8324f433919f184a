#include "train_command.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>
#include <ostream>
#include <sstream>

#include "arg_reader.h"
#include "nn/claims.h"
#include "nn/grid.h"
#include "nn/playground_run.h"
#include "nn/session.h"
#include "nn/session_state.h"
#include "nn/training_state.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

struct TrainRequest {
    std::string session, playground, log, save, gridOut;
    long long epochs = -1;  // default: 100, or the recorded run's length
    long long grid = 0;
    bool help = false;
};

std::string parse(const std::vector<std::string>& args, TrainRequest& req) {
    ArgReader reader(args);
    std::string value;
    while (reader.more() && reader.error().empty()) {
        if (reader.option("--session", true, &value)) {
            req.session = value;
        } else if (reader.option("--playground", true, &value)) {
            req.playground = value;
        } else if (reader.option("--epochs", true, &value)) {
            const std::optional<long long> n = parseCount(value, 10'000'000);
            if (!n)
                return "--epochs: expected a whole number from 0 to 10000000, got '" + value + "'";
            req.epochs = *n;
        } else if (reader.option("--log", true, &value)) {
            req.log = value;
        } else if (reader.option("--save", true, &value)) {
            req.save = value;
        } else if (reader.option("--grid-out", true, &value)) {
            req.gridOut = value;
        } else if (reader.option("--grid", true, &value)) {
            const std::optional<long long> n = parseCount(value, 2000);
            if (!n || *n < 2) return "--grid: expected a size from 2 to 2000, got '" + value + "'";
            req.grid = *n;
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            req.help = true;
        } else if (reader.error().empty()) {
            return "unknown argument '" + reader.unknown() +
                   "'; valid: --session, --epochs, --log, --save, --grid, --grid-out, --help";
        }
    }
    if (!reader.error().empty()) return reader.error();
    if (req.help) return "";
    if (req.session.empty() == req.playground.empty())
        return "give one of --session FILE and --playground RUN.json";
    if ((req.grid > 0) != !req.gridOut.empty()) return "--grid N and --grid-out FILE go together";
    return "";
}

std::string header(const nn::Trainer& t) {
    // dead_percent and grad_ratio are the lessons' claim metrics (claims.h), so that a claim can
    // be checked from the command line.
    std::string h = "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio";
    const std::size_t hidden = t.network().spec().hidden.size();
    for (std::size_t l = 0; l < hidden; ++l) h += ",grad_norm_layer" + std::to_string(l + 1);
    h += ",grad_norm_output";
    return h + "\n";
}

std::string row(const nn::EpochMetrics& m, const nn::NetworkSpec& spec) {
    std::string r = std::to_string(m.epoch) + "," + formatNumber(m.trainLoss) + "," +
                    formatNumber(m.testLoss) + "," + formatNumber(m.trainAccuracy) + "," +
                    formatNumber(m.testAccuracy) + "," + formatNumber(nn::deadPercent(m, spec)) +
                    "," + formatNumber(nn::gradRatio(m));
    for (const nn::LayerMetrics& l : m.layers) r += "," + formatNumber(l.gradNorm);
    return r + "\n";
}

/// Writes `text` to `path`; false with a message on failure.
bool writeFile(const std::string& path, const std::string& text, std::string& error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
        error = "cannot write '" + path + "'";
        return false;
    }
    return true;
}

}  // namespace

std::string trainUsage() {
    return "usage: activation-lab train --session FILE [--epochs N] [--log FILE.csv]\n"
           "                            [--save FILE.json] [--grid N --grid-out FILE.csv]\n"
           "\n"
           "Trains the session's network headless and prints one CSV row per epoch:\n"
           "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio and a gradient\n"
           "norm per layer. dead_percent: the percentage of hidden units whose slope is 0 on "
           "every\n"
           "training point; grad_ratio: the first hidden layer's gradient norm over the output\n"
           "layer's (the lessons' claim metrics). --save stores the weights, the epoch, the loss\n"
           "history and the optimiser's state.\n"
           "Exits 3 if training diverges (the log keeps every good epoch), 2 on bad input.\n"
           "\n"
           "--playground RUN.json replays a recorded TensorFlow Playground run (the format of\n"
           "tests/data/playground, see docs/playground-compat.md) instead of a session, for its\n"
           "recorded number of epochs, and reports the largest relative difference from the\n"
           "recorded losses and grid; it exits 4 if that exceeds 1e-9.\n";
}

int runTrain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    TrainRequest req;
    if (std::string problem = parse(args, req); !problem.empty()) {
        err << "activation-lab train: " << problem << "\n";
        return 2;
    }
    if (req.help) {
        out << trainUsage();
        return 0;
    }
    nn::SessionLoad loaded;
    std::optional<nn::PlaygroundRun> recorded;
    if (!req.playground.empty()) {
        std::ifstream in(req.playground, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        nn::PlaygroundImport run = nn::importPlaygroundRun(text.str());
        if (!in || !run.ok()) {
            err << "activation-lab train: " << req.playground << ": "
                << (in ? run.error : "cannot read the file") << "\n";
            return 2;
        }
        loaded.session = run.run.session;
        recorded = std::move(run.run);
        if (req.epochs < 0)
            req.epochs =
                std::max<long long>(recorded->losses.empty() ? 0 : recorded->losses.back().epoch,
                                    recorded->grid.empty() ? 0 : recorded->gridEpoch);
    } else {
        loaded = nn::loadSessionFile(req.session);
        if (!loaded.ok()) {
            err << "activation-lab train: " << loaded.error << "\n";
            return 2;
        }
    }
    if (req.epochs < 0) req.epochs = 100;
    nn::Trainer trainer = nn::makeTrainer(loaded.session);
    std::string log = header(trainer);
    out << log;
    const auto emit = [&](const nn::EpochMetrics& m) {
        const std::string r = row(m, loaded.session.network);
        log += r;
        out << r;
    };
    nn::LossHistory history;  // what --save stores, as the GUI's loss chart samples it
    emit(trainer.latest());
    nn::recordEpoch(history, trainer.latest());
    for (long long e = 0; e < req.epochs; ++e) {
        trainer.step();
        if (trainer.diverged()) break;
        emit(trainer.latest());
        nn::recordEpoch(history, trainer.latest());
    }
    out.flush();

    std::string error;
    if (!req.log.empty() && !writeFile(req.log, log, error)) {
        err << "activation-lab train: " << error << "\n";
        return 1;
    }
    if (trainer.diverged()) {
        err << "activation-lab train: " << trainer.divergence() << "\n";
        return 3;
    }
    if (!req.save.empty()) {
        // The trained state replaces whatever the file held (this run started from its weights
        // at epoch 0); the compared networks were not trained here, so their state is dropped.
        nn::Session saved = nn::untrainedSession(loaded.session);
        nn::storeTrainedState(saved, "main", nn::trainedState(trainer, std::move(history)));
        if (!writeFile(req.save, nn::serializeSession(saved), error)) {
            err << "activation-lab train: " << error << "\n";
            return 1;
        }
    }
    if (recorded) {
        double worst = 0;
        int compared = 0;
        for (const nn::PlaygroundRun::Loss& l : recorded->losses) {
            if (l.epoch > trainer.epoch()) break;
            const nn::EpochMetrics& m = trainer.history()[std::size_t(l.epoch)];
            worst = std::max({worst, std::fabs(m.trainLoss - l.train) / std::fabs(l.train),
                              std::fabs(m.testLoss - l.test) / std::fabs(l.test)});
            ++compared;
        }
        double worstGrid = 0;
        if (!recorded->grid.empty() && trainer.epoch() == recorded->gridEpoch) {
            std::vector<double> grid(recorded->grid.size());
            nn::GridEvaluator().outputGrid(trainer.network(), recorded->gridDensity, grid);
            for (std::size_t k = 0; k < grid.size(); ++k)
                worstGrid = std::max(worstGrid, std::fabs(grid[k] - recorded->grid[k]) /
                                                    std::max(std::fabs(recorded->grid[k]), 1e-300));
        }
        err << "playground run: " << compared << " epochs compared, worst relative loss difference "
            << formatNumber(worst, 3) << "; grid " << formatNumber(worstGrid, 3) << "\n";
        if (worst > 1e-9 || worstGrid > 1e-9) return 4;
    }
    if (req.grid > 0) {
        const int n = static_cast<int>(req.grid);
        std::vector<double> grid(std::size_t(n) * std::size_t(n));
        nn::GridEvaluator().outputGrid(trainer.network(), n, grid);
        std::ostringstream csv;
        csv << "x,y,output\n";
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                csv << formatNumber(nn::gridCoordinate(i, n)) << ','
                    << formatNumber(nn::gridCoordinate(n - 1 - j, n)) << ','
                    << formatNumber(grid[std::size_t(i) * std::size_t(n) + std::size_t(j)]) << '\n';
        if (!writeFile(req.gridOut, csv.str(), error)) {
            err << "activation-lab train: " << error << "\n";
            return 1;
        }
    }
    return 0;
}

}  // namespace actlab::cli
