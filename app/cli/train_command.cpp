#include "train_command.h"

#include <algorithm>
#include <cmath>
#include <csignal>
#include <optional>
#include <ostream>
#include <sstream>

#include "arg_reader.h"
#include "nn/claims.h"
#include "nn/grid.h"
#include "nn/playground_run.h"
#include "nn/session.h"
#include "nn/session_limits.h"
#include "train_columns.h"
#include "util/atomic_file.h"
#include "util/file_read.h"
#include "util/message_text.h"
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

/// Checks that no two outputs are one file, and that no CSV output would replace the input (a
/// --save over the session it trained is allowed: that is how a run is continued). "" or the
/// message.
std::string checkDistinctFiles(const TrainRequest& req) {
    const std::pair<const char*, const std::string*> outputs[] = {
        {"--log", &req.log}, {"--save", &req.save}, {"--grid-out", &req.gridOut}};
    for (std::size_t i = 0; i < std::size(outputs); ++i)
        for (std::size_t k = i + 1; k < std::size(outputs); ++k)
            if (!outputs[i].second->empty() && !outputs[k].second->empty() &&
                samePath(*outputs[i].second, *outputs[k].second))
                return std::string(outputs[i].first) + " and " + outputs[k].first +
                       " name the same file '" + printablePath(*outputs[k].second) + "'";
    const std::string& input = req.session.empty() ? req.playground : req.session;
    for (const auto& [name, path] : {outputs[0], outputs[2]})
        if (!path->empty() && samePath(*path, input))
            return std::string(name) + " would overwrite the input '" + printablePath(input) + "'";
    return "";
}

std::string parse(const std::vector<std::string>& args, TrainRequest& req) {
    ArgReader reader(args);
    std::string value;
    while (reader.more() && reader.error().empty()) {
        if (reader.file("--session", &value)) {
            req.session = value;
        } else if (reader.file("--playground", &value)) {
            req.playground = value;
        } else if (reader.single("--epochs", &value)) {
            const std::optional<long long> n = parseCount(value, 10'000'000);
            if (!n)
                return "--epochs: expected a whole number from 0 to 10000000, got '" +
                       printable(value, 40) + "'";
            req.epochs = *n;
        } else if (reader.file("--log", &value)) {
            req.log = value;
        } else if (reader.file("--save", &value)) {
            req.save = value;
        } else if (reader.file("--grid-out", &value)) {
            req.gridOut = value;
        } else if (reader.single("--grid", &value)) {
            const std::optional<long long> n = parseCount(value, 2000);
            if (!n || *n < 2)
                return "--grid: expected a size from 2 to 2000, got '" + printable(value, 40) + "'";
            req.grid = *n;
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            req.help = true;
        } else if (reader.error().empty()) {
            return "unknown argument '" + printable(reader.unknown(), 40) +
                   "'; valid: --session, --playground, --epochs, --log, --save, --grid, "
                   "--grid-out, --help";
        }
    }
    if (!reader.error().empty()) return reader.error();
    if (req.help) return "";
    if (req.session.empty() == req.playground.empty())
        return "give one of --session FILE and --playground RUN.json";
    if ((req.grid > 0) != !req.gridOut.empty()) return "--grid N and --grid-out FILE go together";
    return checkDistinctFiles(req);
}

// SIGINT and SIGTERM end the run after the current epoch: the handler only sets the flag, which
// the training loop reads between epochs.
volatile std::sig_atomic_t g_stopSignal = 0;

void onStopSignal(int signal) {
    g_stopSignal = signal;
}

/// Catches SIGINT and SIGTERM for its lifetime, then puts the previous handlers back. A signal
/// that was ignored when the program started (nohup, a background job) stays ignored.
class StopSignals {
public:
    StopSignals() {
        g_stopSignal = 0;
        m_int = std::signal(SIGINT, onStopSignal);
        if (m_int == SIG_IGN) std::signal(SIGINT, SIG_IGN);
        m_term = std::signal(SIGTERM, onStopSignal);
        if (m_term == SIG_IGN) std::signal(SIGTERM, SIG_IGN);
    }
    ~StopSignals() {
        if (m_int != SIG_ERR) std::signal(SIGINT, m_int);
        if (m_term != SIG_ERR) std::signal(SIGTERM, m_term);
    }
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;
    int received() const { return g_stopSignal; }

private:
    void (*m_int)(int) = SIG_ERR;
    void (*m_term)(int) = SIG_ERR;
};

/// The output grid over the domain as `x,y,output` rows, top-left first.
std::string gridCsv(const nn::Trainer& trainer, int n) {
    std::vector<double> grid(std::size_t(n) * std::size_t(n));
    nn::GridEvaluator().outputGrid(trainer.network(), n, grid);
    std::string csv = "x,y,output\n";
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            csv += formatNumber(nn::gridCoordinate(i, n)) + ',' +
                   formatNumber(nn::gridCoordinate(n - 1 - j, n)) + ',' +
                   formatNumber(grid[std::size_t(i) * std::size_t(n) + std::size_t(j)]) + '\n';
    return csv;
}

/// Reads the session or the recorded Playground run; "" or the message.
std::string load(TrainRequest& req, nn::Session& session,
                 std::optional<nn::PlaygroundRun>& recorded) {
    if (req.playground.empty()) {
        nn::SessionLoad loaded = nn::loadSessionFile(req.session);
        if (!loaded.ok()) return loaded.error;
        session = std::move(loaded.session);
        return "";
    }
    const FileBytes file = readFileBytes(req.playground, nn::kMaxSessionFileBytes);
    if (!file.ok()) return file.error;
    nn::PlaygroundImport run = nn::importPlaygroundRun(file.text);
    if (!run.ok()) return printablePath(req.playground) + ": " + run.error;
    session = run.run.session;
    recorded = std::move(run.run);
    if (req.epochs < 0)
        req.epochs =
            std::max<long long>(recorded->losses.empty() ? 0 : recorded->losses.back().epoch,
                                recorded->grid.empty() ? 0 : recorded->gridEpoch);
    return "";
}

/// Compares the run with the recorded Playground run on `err`; 4 when they differ, else 0.
int compareWithRecording(const nn::Trainer& trainer, const nn::PlaygroundRun& recorded,
                         std::ostream& err) {
    double worst = 0;
    int compared = 0;
    for (const nn::PlaygroundRun::Loss& l : recorded.losses) {
        if (l.epoch > trainer.epoch()) break;
        const nn::EpochMetrics& m = trainer.history()[std::size_t(l.epoch)];
        worst = std::max({worst, std::fabs(m.trainLoss - l.train) / std::fabs(l.train),
                          std::fabs(m.testLoss - l.test) / std::fabs(l.test)});
        ++compared;
    }
    double worstGrid = 0;
    if (!recorded.grid.empty() && trainer.epoch() == recorded.gridEpoch) {
        std::vector<double> grid(recorded.grid.size());
        nn::GridEvaluator().outputGrid(trainer.network(), recorded.gridDensity, grid);
        for (std::size_t k = 0; k < grid.size(); ++k)
            worstGrid = std::max(worstGrid, std::fabs(grid[k] - recorded.grid[k]) /
                                                std::max(std::fabs(recorded.grid[k]), 1e-300));
    }
    err << "playground run: " << compared << " epochs compared, worst relative loss difference "
        << formatNumber(worst, 3) << "; grid " << formatNumber(worstGrid, 3) << "\n";
    return worst > 1e-9 || worstGrid > 1e-9 ? 4 : 0;
}

}  // namespace

std::string trainUsage() {
    return "usage: activation-lab train --session FILE [--epochs N] [--log FILE.csv]\n"
           "                            [--save FILE.json] [--grid N --grid-out FILE.csv]\n"
           "\n"
           "Trains the session's network headless and prints one CSV row per epoch:\n"
           "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio and a\n"
           "gradient norm per layer. --log writes the rows as they come and puts the file in\n"
           "place at the end; --save writes the session with the trained weights, the epoch,\n"
           "the loss history and the optimiser's state.\n"
           "Ctrl+C (SIGINT) or SIGTERM stops after the current epoch and keeps everything up\n"
           "to it: the log, --save and --grid-out (exit status 130 or 143).\n"
           "Exits 3 if training diverges (the log keeps every good epoch), 2 on bad input,\n"
           "1 when a file cannot be written.\n"
           "\n"
           "--playground RUN.json replays a recorded TensorFlow Playground run (the format of\n"
           "tests/data/playground, see docs/playground-compat.md) instead of a session, for its\n"
           "recorded number of epochs, and reports the largest relative difference from the\n"
           "recorded losses and grid; it exits 4 if that exceeds 1e-9.\n";
}

int runTrain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    const auto fail = [&err](const std::string& message, int status) {
        err << "activation-lab train: " << message << "\n";
        return status;
    };
    TrainRequest req;
    if (std::string problem = parse(args, req); !problem.empty()) return fail(problem, 2);
    if (req.help) {
        out << trainUsage();
        return 0;
    }
    nn::Session session;
    std::optional<nn::PlaygroundRun> recorded;
    if (std::string problem = load(req, session, recorded); !problem.empty())
        return fail(problem, 2);
    if (req.epochs < 0) req.epochs = 100;
    // Outputs that cannot be written are found before any training.
    for (const std::string* path : {&req.log, &req.save, &req.gridOut})
        if (!path->empty())
            if (std::string problem = outputPathProblem(*path); !problem.empty())
                return fail(problem, 1);
    ignoreFileSizeSignal();  // a file-size limit fails the write ("File too large") instead
    const StopSignals signals;

    nn::Trainer trainer = nn::makeTrainer(session);
    // The log is written as the epochs come, to a temporary that replaces the old log only when
    // the run ends (completely, diverged or interrupted): the old log is never half replaced.
    AtomicFile log;
    if (!req.log.empty())
        if (std::string problem = log.open(req.log); !problem.empty()) return fail(problem, 1);
    const auto emit = [&](const std::string& text) {
        out << text << std::flush;  // each row as its epoch ends, also through a pipe
        if (!log.isOpen()) return std::string();
        if (std::string problem = log.write(text); !problem.empty()) return problem;
        return log.flush();
    };
    nn::LossHistory history;  // what --save stores, as the GUI's loss chart samples it
    if (std::string problem = emit(trainHeader(trainer) + trainRow(trainer, trainer.latest()));
        !problem.empty())
        return fail(problem, 1);
    nn::recordEpoch(history, trainer.latest());
    for (long long e = 0; e < req.epochs && !signals.received(); ++e) {
        trainer.step();
        if (trainer.diverged()) break;
        if (std::string problem = emit(trainRow(trainer, trainer.latest())); !problem.empty())
            return fail(problem, 1);
        nn::recordEpoch(history, trainer.latest());
    }
    out.flush();
    const int stopped = signals.received();
    if (log.isOpen())
        if (std::string problem = log.commit(); !problem.empty()) return fail(problem, 1);
    if (trainer.diverged()) return fail(trainer.divergence(), 3);

    int status = 0;
    if (recorded && !stopped) status = compareWithRecording(trainer, *recorded, err);
    if (!req.save.empty()) {
        // The trained state replaces whatever the file held (this run started from its weights
        // at epoch 0); the compared networks were not trained here, so their state is dropped.
        nn::Session saved = nn::untrainedSession(session);
        nn::storeTrainedState(saved, "main", nn::trainedState(trainer, std::move(history)));
        if (std::string problem = writeFileAtomically(req.save, nn::serializeSession(saved));
            !problem.empty())
            return fail(problem, 1);
    }
    if (req.grid > 0)
        if (std::string problem = writeFileAtomically(req.gridOut, gridCsv(trainer, int(req.grid)));
            !problem.empty())
            return fail(problem, 1);
    if (stopped) {
        std::vector<std::string> outputs;
        for (const auto& [name, path] :
             {std::pair{"the log", &req.log}, {"--save", &req.save}, {"--grid-out", &req.gridOut}})
            if (!path->empty()) outputs.emplace_back(name);
        std::string kept;  // "the log, --save and --grid-out"
        for (std::size_t i = 0; i < outputs.size(); ++i)
            kept += (i == 0 ? "" : i + 1 == outputs.size() ? " and " : ", ") + outputs[i];
        err << "activation-lab train: stopped by " << (stopped == SIGINT ? "SIGINT" : "SIGTERM")
            << " after epoch " << trainer.epoch() << " of " << req.epochs
            << (kept.empty() ? std::string() : "; " + kept + " hold the epochs up to it") << "\n";
        return 128 + stopped;
    }
    return status;
}

}  // namespace actlab::cli
