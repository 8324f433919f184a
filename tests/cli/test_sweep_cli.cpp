// `activation-lab sweep` end to end: the real binary. The same CSV for any thread count, rows
// reproduced exactly by `activation-lab train` following the documented contract, no file left
// behind by an interrupted sweep, and bad input refused before anything trains.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "cli/arg_reader.h"
#include "process_runner.h"

namespace actlab::test {
namespace {

using Json = nlohmann::ordered_json;

std::string readFile(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string writeSession(const std::string& json) {
    const std::string path = tempPath(".actlab.json");
    std::ofstream(path) << json;
    return path;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string l; std::getline(s, l);) out.push_back(l);
    return out;
}

// No data.generator.seed: the data seed is the session's seed, 7, for every run of the sweep.
const char* kCircle = R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "data": {"generator": {"kind": "circle", "points": 120, "noisePercent": 10}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 5, "activation": "tanh"},
              {"neurons": 3, "activation": "tanh"}], "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "sgd", "learningRate": 0.03}, "batchSize": 10}})";

// Regression: the largest learning rate diverges for some activations and seeds.
const char* kPlane = R"({"format": "activation-lab-session", "version": 1, "seed": 3,
  "data": {"generator": {"kind": "plane", "points": 100}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 6, "activation": "tanh"},
              {"neurons": 4, "activation": "tanh"}], "output": "linear_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "sgd", "learningRate": 0.03}, "batchSize": 8}})";

const std::string kColumns =
    "seed,epochs,train_loss,test_loss,train_acc,test_acc,epochs_to_target,diverged,dead_percent";

TEST(SweepCli, OneAndTwoThreadsWriteByteIdenticalFiles) {
    const std::string session = writeSession(kCircle);
    const std::string one = tempPath(".csv"), two = tempPath(".csv");
    for (const auto& [threads, out] : {std::pair{"1", one}, std::pair{"2", two}}) {
        const ProcessResult r = runApp({"sweep", "--session", session, "--vary", "lr=0.01:1:3:log",
                                        "--vary", "activation=tanh,relu", "--seeds", "3",
                                        "--epochs", "8", "--target-accuracy", "0.7",
                                        "--threads", threads, "--out", out});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_NE(r.err.find("18 runs"), std::string::npos) << r.err;
    }
    const std::string csv = readFile(one);
    EXPECT_EQ(csv, readFile(two));
    const std::vector<std::string> rows = lines(csv);
    ASSERT_EQ(rows.size(), 19u);
    EXPECT_EQ(rows[0], "lr,activation," + kColumns);
    EXPECT_EQ(rows[1].rfind("0.01,tanh,7,8,", 0), 0u) << rows[1];  // first variable outermost
    EXPECT_EQ(cli::split(rows[3], ',')[2], "9");          // seed 7 + 2
    EXPECT_EQ(cli::split(rows[4], ',')[1], "relu");
    EXPECT_EQ(cli::split(rows[18], ',')[0], "1.0");
    for (const auto& p : {session, one, two}) std::remove(p.c_str());
}

/// The last line of `train`'s output, split.
std::vector<std::string> lastTrainRow(const std::string& out) {
    const std::vector<std::string> rows = lines(out);
    return cli::split(rows.back(), ',');
}

/// Follows the contract of docs/sweeps.md by hand: a copy of the session with the run's seed,
/// the data seed fixed to the session's, and the varied values written into their fields.
std::string reproductionSession(const std::string& json, std::uint64_t dataSeed,
                                const std::string& seed, const std::string& lr,
                                const std::string& act) {
    Json j = Json::parse(json);
    j["seed"] = std::stoull(seed);
    j["data"]["generator"]["seed"] = dataSeed;
    j["training"]["optimizer"]["learningRate"] = std::stod(lr);
    for (Json& layer : j["network"]["layers"]) layer["activation"] = act;
    return writeSession(j.dump());
}

TEST(SweepCli, RandomRowsAreReproducedExactlyByTrain) {
    int divergedAfterTraining = 0;  // diverged rows whose last good epoch is not 0
    for (const char* json : {kCircle, kPlane}) {
        const std::uint64_t dataSeed = Json::parse(json)["seed"].get<std::uint64_t>();
        const std::string session = writeSession(json), out = tempPath(".csv");
        const ProcessResult r = runApp({"sweep", "--session", session, "--vary", "lr=0.03,0.25,4",
                                        "--vary", "activation=tanh,elu", "--seeds", "4",
                                        "--epochs", "12", "--target-loss", "0.2", "--out", out});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const std::vector<std::string> rows = lines(readFile(out));
        ASSERT_EQ(rows.size(), 25u);
        std::mt19937 pick(2024);  // fixed: the same rows every time
        std::vector<std::size_t> chosen;
        for (int i = 0; i < 4; ++i) chosen.push_back(1 + pick() % 24);
        for (std::size_t i = 1; i < rows.size(); ++i)  // and every diverged row
            if (cli::split(rows[i], ',')[9] == "1") chosen.push_back(i);
        for (std::size_t i : chosen) {
            const std::vector<std::string> f = cli::split(rows[i], ',');
            const std::string copy = reproductionSession(json, dataSeed, f[2], f[0], f[1]);
            const ProcessResult t = runApp({"train", "--session", copy, "--epochs", "12"});
            const bool diverged = f[9] == "1";
            divergedAfterTraining += diverged && f[3] != "0";
            EXPECT_EQ(t.exitCode, diverged ? 3 : 0) << rows[i] << "\n" << t.err;
            const std::vector<std::string> last = lastTrainRow(t.out);
            EXPECT_EQ(last[0], f[3]) << "epochs of " << rows[i];
            for (int c = 1; c <= 4; ++c)  // losses and accuracies, as text
                EXPECT_EQ(last[std::size_t(c)], f[std::size_t(3 + c)]) << rows[i];
            // epochs_to_target: the first epoch whose test loss is ≤ 0.2.
            std::string first;
            const std::vector<std::string> trainRows = lines(t.out);
            for (std::size_t k = 1; k < trainRows.size() && first.empty(); ++k) {
                const std::vector<std::string> g = cli::split(trainRows[k], ',');
                if (std::stod(g[2]) <= 0.2) first = g[0];
            }
            EXPECT_EQ(first, f[8]) << rows[i];
            std::remove(copy.c_str());
        }
        for (const auto& p : {session, out}) std::remove(p.c_str());
    }
    EXPECT_GT(divergedAfterTraining, 0);  // the case where the sweep re-evaluates was reproduced
}

TEST(SweepCli, ASessionThatHoldsASweepNeedsNoVary) {
    Json j = Json::parse(kCircle);
    j["sweep"] = {{"vary", {{{"key", "batch"}, {"spec", "5,20"}}}},
                  {"seeds", 2},
                  {"epochs", 3},
                  {"target", {{"metric", "test_loss"}, {"value", 0.5}}}};
    const std::string session = writeSession(j.dump()), out = tempPath(".csv");
    ProcessResult r = runApp({"sweep", "--session", session, "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::vector<std::string> rows = lines(readFile(out));
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0], "batch," + kColumns);
    EXPECT_EQ(cli::split(rows[4], ',')[2], "3");  // the sweep's epochs
    // Options override the stored sweep.
    r = runApp({"sweep", "--session", session, "--seeds", "3", "--epochs", "1", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    rows = lines(readFile(out));
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(cli::split(rows[6], ',')[2], "1");
    for (const auto& p : {session, out}) std::remove(p.c_str());
}

/// Starts the binary with stderr and stdout discarded; returns its process id.
pid_t spawnApp(const std::vector<std::string>& args) {
    const pid_t pid = fork();
    if (pid == 0) {
        const int devNull = open("/dev/null", O_RDWR);
        dup2(devNull, 0);
        dup2(devNull, 1);
        dup2(devNull, 2);
        std::vector<char*> argv{const_cast<char*>(ACTLAB_APP_PATH)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(ACTLAB_APP_PATH, argv.data());
        _exit(127);
    }
    return pid;
}

/// Files in the folder of `path` whose names start with its name (temporary files beside it).
int filesBeside(const std::string& path) {
    const std::filesystem::path p(path);
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(p.parent_path()))
        if (e.path().filename().string().starts_with(p.filename().string())) ++n;
    return n;
}

TEST(SweepCli, SigtermLeavesNoFileAndThePreviousFileUnchanged) {
    const std::string session = writeSession(kCircle);
    const std::string fresh = tempPath(".csv"), previous = tempPath(".csv");
    std::ofstream(previous) << "the previous results\n";
    for (const std::string& out : {fresh, previous}) {
        // Far too long to finish: 200 × 200 runs of 100000 epochs.
        const pid_t pid = spawnApp({"sweep", "--session", session, "--vary", "lr=0.01:1:200:log",
                                    "--seeds", "200", "--epochs", "100000", "--threads", "2",
                                    "--out", out});
        ASSERT_GT(pid, 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(400));  // it is training by now
        kill(pid, SIGTERM);
        int status = 0;
        ASSERT_EQ(waitpid(pid, &status, 0), pid);
        ASSERT_TRUE(WIFSIGNALED(status)) << "exit status " << WEXITSTATUS(status);
        EXPECT_EQ(WTERMSIG(status), SIGTERM);
    }
    EXPECT_FALSE(std::filesystem::exists(fresh));
    EXPECT_EQ(filesBeside(fresh), 0);  // no temporary file either
    EXPECT_EQ(readFile(previous), "the previous results\n");
    EXPECT_EQ(filesBeside(previous), 1);
    for (const auto& p : {session, previous}) std::remove(p.c_str());
}

struct BadArgs {
    const char* name;
    std::vector<std::string> args;  // after "sweep --out OUT"; SESSION is replaced by a session
    const char* message;
};

class SweepCliErrors : public ::testing::TestWithParam<BadArgs> {};

TEST_P(SweepCliErrors, ExitTwoWithOneLineAndWriteNothing) {
    const std::string session = writeSession(kCircle), out = tempPath(".csv");
    Json held = Json::parse(kCircle);
    held["sweep"] = {{"vary", {{{"key", "param.alpha"}, {"spec", "1,2"}}}}, {"seeds", 2}};
    const std::string badSweep = writeSession(held.dump());
    std::vector<std::string> args = {"sweep", "--out", out};
    for (const std::string& a : GetParam().args)
        args.push_back(a == "SESSION" ? session : a == "BADSWEEP" ? badSweep : a);
    const ProcessResult r = runApp(args);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find(GetParam().message), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;  // one line
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_EQ(filesBeside(out), 0);
    for (const auto& p : {session, badSweep}) std::remove(p.c_str());
}

INSTANTIATE_TEST_SUITE_P(
    All, SweepCliErrors,
    ::testing::Values(
        BadArgs{"NoSession", {"--vary", "lr=0.1", "--seeds", "2"}, "--session FILE is needed"},
        BadArgs{"MissingFile",
                {"--session", "/nonexistent.json", "--vary", "lr=0.1", "--seeds", "2"},
                "cannot open '/nonexistent.json'"},
        BadArgs{"NoVary",
                {"--session", "SESSION", "--seeds", "2"},
                "--vary KEY=SPEC is needed: the session holds no sweep"},
        BadArgs{"NoSeeds",
                {"--session", "SESSION", "--vary", "lr=0.1"},
                "--seeds N is needed: the session holds no sweep"},
        BadArgs{"NoEquals",
                {"--session", "SESSION", "--vary", "lr", "--seeds", "2"},
                "--vary 'lr': expected KEY=SPEC"},
        BadArgs{"UnknownKey",
                {"--session", "SESSION", "--vary", "rate=0.1", "--seeds", "2"},
                "--vary rate=0.1: unknown key 'rate'; valid: lr, batch, layers"},
        BadArgs{"BadRange",
                {"--session", "SESSION", "--vary", "lr=0.1:1", "--seeds", "2"},
                "--vary lr=0.1:1: a range is a:b:n or a:b:n:log"},
        BadArgs{"BadId",
                {"--session", "SESSION", "--vary", "activation=relu,swish2", "--seeds", "2"},
                "unknown activation 'swish2'"},
        BadArgs{"Twice",
                {"--session", "SESSION", "--vary", "lr=0.1", "--vary", "lr=0.2", "--seeds", "2"},
                "--vary: 'lr' is given twice"},
        BadArgs{"ThreeVariables",
                {"--session", "SESSION", "--vary", "lr=0.1", "--vary", "batch=5", "--vary",
                 "neurons=3", "--seeds", "2"},
                "at most 2 settings vary at a time"},
        BadArgs{"ZeroSeeds",
                {"--session", "SESSION", "--vary", "lr=0.1", "--seeds", "0"},
                "--seeds: expected a whole number from 1 to 200, got '0'"},
        BadArgs{"TooManySeeds",
                {"--session", "SESSION", "--vary", "lr=0.1", "--seeds", "201"},
                "--seeds: expected a whole number from 1 to 200"},
        BadArgs{"BadEpochs",
                {"--session", "SESSION", "--vary", "lr=0.1", "--seeds", "2", "--epochs", "x"},
                "--epochs: expected a whole number"},
        BadArgs{"TwoTargets",
                {"--session", "SESSION", "--vary", "lr=0.1", "--seeds", "2", "--target-loss", "0.1",
                 "--target-accuracy", "0.9"},
                "give one of --target-loss and --target-accuracy"},
        BadArgs{
            "PercentAccuracy",
            {"--session", "SESSION", "--vary", "lr=0.1", "--seeds", "2", "--target-accuracy", "95"},
            "expected a fraction from 0 to 1"},
        BadArgs{"ZeroThreads",
                {"--session", "SESSION", "--vary", "lr=0.1", "--seeds", "2", "--threads", "0"},
                "--threads: expected a whole number from 1"},
        BadArgs{"NotApplicable",
                {"--session", "SESSION", "--vary", "param.alpha=1,2", "--seeds", "2"},
                "param.alpha=1.0: param.alpha: no hidden layer has parameter 'alpha'"},
        BadArgs{"NotForThisSession",
                {"--session", "SESSION", "--vary", "reg_rate=0.1", "--seeds", "2"},
                "reg_rate: the session has no regularisation"},
        BadArgs{"BadStoredSweep",
                {"--session", "BADSWEEP"},
                "sweep: param.alpha=1.0: param.alpha: no hidden layer"},
        BadArgs{"UnknownOption",
                {"--session", "SESSION", "--vary", "lr=0.1", "--seeds", "2", "--fast"},
                "unknown argument '--fast'"}),
    [](const ::testing::TestParamInfo<BadArgs>& info) { return std::string(info.param.name); });

TEST(SweepCli, MissingOutAndHelp) {
    const ProcessResult noOut = runApp({"sweep", "--session", "x.json", "--vary", "lr=0.1"});
    EXPECT_EQ(noOut.exitCode, 2);
    EXPECT_NE(noOut.err.find("--out FILE.csv is needed"), std::string::npos) << noOut.err;
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"sweep", "--help"}, {"help", "sweep"}}) {
        const ProcessResult r = runApp(args);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_NE(r.out.find("usage: activation-lab sweep --session FILE --vary KEY=SPEC"),
                  std::string::npos);
    }
}

}  // namespace
}  // namespace actlab::test
