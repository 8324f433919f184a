#include "sweep_command.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <optional>
#include <ostream>

#include "arg_reader.h"
#include "nn/session.h"
#include "parallel/sweep_runner.h"
#include "sweep/sweep_csv.h"
#include "sweep/sweep_plan.h"
#include "util/atomic_file.h"
#include "util/number_format.h"

namespace actlab::cli {

namespace {

struct SweepRequest {
    std::string session, out;
    std::vector<std::string> vary;  ///< the --vary arguments as given
    std::optional<int> seeds, epochs, threads;
    std::optional<sweep::SweepTarget> target;
    bool help = false;
};

/// Reads --target-loss L or --target-accuracy A into `req`; "" or a message.
std::string readTarget(sweep::TargetMetric metric, const std::string& value, SweepRequest& req) {
    const bool loss = metric == sweep::TargetMetric::TestLoss;
    const char* option = loss ? "--target-loss" : "--target-accuracy";
    if (req.target) return "give one of --target-loss and --target-accuracy, once";
    const std::optional<double> v = parseNumber(value);
    if (loss && !(v && std::isfinite(*v) && *v >= 0))
        return std::string(option) + ": expected a test loss ≥ 0, got '" + value + "'";
    if (!loss && !(v && *v >= 0 && *v <= 1))
        return std::string(option) + ": expected a fraction from 0 to 1 (0.95 for 95 %), got '" +
               value + "'";
    req.target = sweep::SweepTarget{metric, *v};
    return "";
}

std::string parse(const std::vector<std::string>& args, SweepRequest& req) {
    ArgReader reader(args);
    std::string value;
    while (reader.more() && reader.error().empty()) {
        if (reader.option("--session", true, &value)) {
            req.session = value;
        } else if (reader.option("--vary", true, &value)) {
            req.vary.push_back(value);
        } else if (reader.option("--seeds", true, &value)) {
            const std::optional<long long> n = parseCount(value, sweep::kMaxSeeds);
            if (!n || *n < 1)
                return "--seeds: expected a whole number from 1 to " +
                       std::to_string(sweep::kMaxSeeds) + ", got '" + value + "'";
            req.seeds = int(*n);
        } else if (reader.option("--epochs", true, &value)) {
            const std::optional<long long> n = parseCount(value, sweep::kMaxEpochs);
            if (!n)
                return "--epochs: expected a whole number from 0 to " +
                       std::to_string(sweep::kMaxEpochs) + ", got '" + value + "'";
            req.epochs = int(*n);
        } else if (reader.option("--target-loss", true, &value)) {
            if (std::string e = readTarget(sweep::TargetMetric::TestLoss, value, req); !e.empty())
                return e;
        } else if (reader.option("--target-accuracy", true, &value)) {
            if (std::string e = readTarget(sweep::TargetMetric::TestAccuracy, value, req);
                !e.empty())
                return e;
        } else if (reader.option("--threads", true, &value)) {
            const std::optional<long long> n = parseCount(value, 1024);
            if (!n || *n < 1)
                return "--threads: expected a whole number from 1 to 1024, got '" + value + "'";
            req.threads = int(*n);
        } else if (reader.option("--out", true, &value)) {
            req.out = value;
        } else if (reader.option("--help", false) || reader.option("-h", false)) {
            req.help = true;
        } else if (reader.error().empty()) {
            return "unknown argument '" + reader.unknown() +
                   "'; valid: --session, --vary, --seeds, --epochs, --target-loss, "
                   "--target-accuracy, --threads, --out, --help";
        }
    }
    if (!reader.error().empty()) return reader.error();
    if (req.help) return "";
    if (req.session.empty()) return "--session FILE is needed";
    if (req.out.empty()) return "--out FILE.csv is needed";
    return "";
}

/// The sweep to run: the command line's options over the session's stored sweep. "" or a message.
std::string settingsFor(const SweepRequest& req, const nn::Session& session,
                        sweep::SweepSettings& s) {
    if (session.sweep) s = *session.sweep;
    if (!req.vary.empty()) {
        if (int(req.vary.size()) > sweep::kMaxVariables)
            return "--vary: at most " + std::to_string(sweep::kMaxVariables) +
                   " settings vary at a time, got " + std::to_string(req.vary.size());
        s.vary.clear();
        for (const std::string& arg : req.vary) {
            sweep::VarySpec v;
            if (!sweep::splitVary(arg, v))
                return "--vary '" + arg + "': expected KEY=SPEC, such as lr=0.001:1:10:log";
            const sweep::VariableParse p = sweep::parseVariable(v.key, v.spec);
            if (!p.ok()) return "--vary " + arg + ": " + p.error;
            for (const sweep::VarySpec& earlier : s.vary)
                if (earlier.key == v.key) return "--vary: '" + v.key + "' is given twice";
            s.vary.push_back(v);
        }
    } else if (!session.sweep) {
        return "--vary KEY=SPEC is needed: the session holds no sweep";
    }
    if (req.seeds)
        s.seeds = *req.seeds;
    else if (!session.sweep)
        return "--seeds N is needed: the session holds no sweep";
    if (req.epochs) s.epochs = *req.epochs;
    if (req.target) s.target = *req.target;
    return "";
}

/// The signal that asked the sweep to stop (SIGINT, SIGTERM), or 0.
volatile std::sig_atomic_t g_signal = 0;

extern "C" void onSignal(int signal) { g_signal = signal; }

std::string seconds(double s) {
    if (!std::isfinite(s)) return "?";
    return s < 10 ? formatNumber(s, 2) + " s" : std::to_string(std::lround(s)) + " s";
}

}  // namespace

std::string sweepUsage() {
    return "usage: activation-lab sweep --session FILE --vary KEY=SPEC [--vary KEY=SPEC]\n"
           "                            --seeds N [--epochs E]\n"
           "                            [--target-loss L | --target-accuracy A]\n"
           "                            [--threads T] --out FILE.csv\n"
           "\n"
           "Trains the session once per combination of the varied values and seed, on T threads\n"
           "(default: every core), and writes one CSV row per run:\n"
           "the varied keys, seed, epochs, train_loss, test_loss, train_acc, test_acc,\n"
           "epochs_to_target (empty for never), diverged (0/1), dead_percent.\n"
           "\n"
           "KEY:  lr, batch, layers, neurons, activation, param.NAME, reg_rate, noise,\n"
           "      train_percent, init, optimizer (at most two)\n"
           "SPEC: a:b:n (n values from a to b), a:b:n:log (evenly in log), or a list: relu,gelu\n"
           "N:    seeds per setting, 1 to 200; run k uses seed = session seed + k\n"
           "E:    epochs per run (default 100)\n"
           "\n"
           "Every row is reproduced by `activation-lab train` on the session with that seed and\n"
           "those values, for E epochs (docs/sweeps.md). A session that holds a sweep needs no\n"
           "--vary or --seeds. Exits 2 on bad input, before training and without writing a file;\n"
           "the file is written once, complete, at the end.\n";
}

int runSweep(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    SweepRequest req;
    if (std::string problem = parse(args, req); !problem.empty()) {
        err << "activation-lab sweep: " << problem << "\n";
        return 2;
    }
    if (req.help) {
        out << sweepUsage();
        return 0;
    }
    const nn::SessionLoad loaded = nn::loadSessionFile(req.session);
    if (!loaded.ok()) {
        err << "activation-lab sweep: " << loaded.error << "\n";
        return 2;
    }
    sweep::SweepSettings settings;
    if (std::string problem = settingsFor(req, loaded.session, settings); !problem.empty()) {
        err << "activation-lab sweep: " << problem << "\n";
        return 2;
    }
    sweep::PlanBuild build = sweep::makePlan(loaded.session, settings);
    if (!build.ok()) {
        err << "activation-lab sweep: " << build.error << "\n";
        return 2;
    }
    if (std::string problem = checkWritable(req.out); !problem.empty()) {
        err << "activation-lab sweep: " << problem << "\n";
        return 1;
    }

    const sweep::SweepPlan& plan = build.plan;
    const int threads = req.threads.value_or(parallel::SweepRunner::defaultThreads());
    const auto count = [](int n, const char* what) {
        return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    };
    err << "sweep: " << count(plan.runCount(), "run") << " ("
        << count(plan.settingCount(), "setting") << " x " << count(plan.seeds, "seed") << ", "
        << count(plan.epochs, "epoch") << ") on "
        << count(std::min(threads, plan.runCount()), "thread") << "\n";
    if (loaded.session.weights)
        err << "sweep: the session's stored weights are not used: each run starts from the "
               "weights its seed gives\n";

    // SIGINT and SIGTERM cancel the sweep: no file is written, and the signal is raised again
    // once the workers have stopped, so the caller sees how the program ended.
    g_signal = 0;
    const auto previousInt = std::signal(SIGINT, onSignal);
    const auto previousTerm = std::signal(SIGTERM, onSignal);
    parallel::SweepRunner runner;
    runner.start(plan, threads);
    int reportedTenth = 0;
    while (!runner.waitFor(std::chrono::milliseconds(20))) {
        if (g_signal) runner.cancel();
        const parallel::SweepProgress p = runner.progress();
        const int tenth = p.total ? 10 * p.done / p.total : 10;
        if (tenth > reportedTenth && tenth < 10 && !g_signal) {
            reportedTenth = tenth;
            err << "sweep: " << p.done << "/" << p.total << " runs, " << seconds(p.elapsedSeconds)
                << ", about " << seconds(p.remainingSeconds) << " left\n";
        }
    }
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    if (g_signal) {
        err << "activation-lab sweep: interrupted; " << req.out << " was not written\n";
        err.flush();
        std::raise(g_signal);
        return 128 + g_signal;  // when the raised signal is caught or ignored
    }

    const std::vector<sweep::RunResult> results = runner.results();
    const parallel::SweepProgress p = runner.progress();
    if (std::string problem = writeFileAtomically(req.out, sweep::sweepCsv(plan, results));
        !problem.empty()) {
        err << "activation-lab sweep: " << problem << "\n";
        return 1;
    }
    int diverged = 0, reached = 0;
    for (const sweep::RunResult& r : results) {
        diverged += r.diverged;
        reached += r.reachedTarget();
    }
    err << "sweep: " << p.done << (p.done == 1 ? " run" : " runs") << " in "
        << seconds(p.elapsedSeconds) << ", " << diverged
        << " diverged";
    if (plan.target.metric != sweep::TargetMetric::None)
        err << ", " << reached << " reached the target";
    err << "; wrote " << req.out << "\n";
    return 0;
}

}  // namespace actlab::cli
