// What `activation-lab train` leaves behind: on SIGINT and SIGTERM everything up to the last
// complete epoch; under a file-size limit the old files and the system's reason; the columns
// dead_percent and grad_ratio; sessions without test points; file names of any bytes.

#include <gtest/gtest.h>

#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/arg_reader.h"
#include "nn/session.h"
#include "process_runner.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

std::string readFile(const std::string& path) {
    std::ifstream in(fs::path(path), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string writeSession(const std::string& json, const std::string& suffix = ".actlab.json") {
    const std::string path = tempPath(suffix);
    std::ofstream(fs::path(path)) << json;
    return path;
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string l; std::getline(s, l);) out.push_back(l);
    return out;
}

/// Names in the folder of `path` that start with its file name: the file and any temporary.
std::vector<std::string> siblings(const std::string& path) {
    std::vector<std::string> names;
    const fs::path p(path);
    for (const auto& e : fs::directory_iterator(p.parent_path()))
        if (e.path().filename().string().rfind(p.filename().string(), 0) == 0)
            names.push_back(e.path().filename().string());
    return names;
}

const char* kXor = R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "data": {"generator": {"kind": "xor", "points": 200}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 6, "activation": "tanh"},
              {"neurons": 4, "activation": "relu"}], "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "adam", "learningRate": 0.01}, "batchSize": 10}})";

class TrainSignal : public ::testing::TestWithParam<int> {};

TEST_P(TrainSignal, StopsAfterTheEpochAndKeepsEverythingUpToIt) {
    const int signal = GetParam();
    const std::string session = writeSession(kXor), log = tempPath(".csv"),
                      saved = tempPath(".actlab.json"), grid = tempPath(".csv");
    std::ofstream(log) << "an old log\n";
    // Far more epochs than run before the signal: only the signal ends this run.
    const ProcessResult r =
        runAppAndSignal({"train", "--session", session, "--epochs", "10000000", "--log", log,
                         "--save", saved, "--grid", "8", "--grid-out", grid},
                        signal, 30);
    EXPECT_EQ(r.exitCode, 128 + signal) << r.err;
    // stdout and the log hold the same rows: the header and epochs 0 … N, every one complete.
    const std::vector<std::string> rows = lines(r.out);
    ASSERT_GE(rows.size(), 30u);
    EXPECT_EQ(readFile(log), r.out);
    EXPECT_EQ(r.out.back(), '\n');
    const std::size_t columns = cli::split(rows[0], ',').size();
    for (std::size_t i = 1; i < rows.size(); ++i) {
        ASSERT_EQ(cli::split(rows[i], ',').size(), columns) << rows[i];
        EXPECT_EQ(cli::split(rows[i], ',')[0], std::to_string(i - 1));
    }
    const int last = int(rows.size()) - 2;
    // --save holds the weights of that last complete epoch: training it 0 more epochs gives
    // exactly its logged loss.
    const nn::SessionLoad back = nn::loadSessionFile(saved);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_EQ(back.session.epoch, last);
    const ProcessResult again = runApp({"train", "--session", saved, "--epochs", "0"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(cli::split(lines(again.out)[1], ',')[1], cli::split(rows.back(), ',')[1]);
    EXPECT_EQ(lines(readFile(grid)).size(), 65u);
    // One line on stderr says where it stopped; no temporary is left.
    const std::string name = signal == SIGINT ? "SIGINT" : "SIGTERM";
    EXPECT_EQ(r.err, "activation-lab train: stopped by " + name + " after epoch " +
                         std::to_string(last) +
                         " of 10000000; the log, --save and --grid-out hold the epochs up to it\n");
    for (const auto& p : {log, saved, grid}) EXPECT_EQ(siblings(p).size(), 1u) << p;
    for (const auto& p : {session, log, saved, grid}) std::remove(p.c_str());
}

INSTANTIATE_TEST_SUITE_P(IntAndTerm, TrainSignal, ::testing::Values(SIGINT, SIGTERM),
                         [](const ::testing::TestParamInfo<int>& info) {
                             return info.param == SIGINT ? "Sigint" : "Sigterm";
                         });

/// Runs the app with the file-size limit at `blocks` blocks of 512 bytes and SIGXFSZ ignored,
/// as `(trap '' XFSZ; ulimit -f 1; activation-lab …)` does.
ProcessResult runLimited(int blocks, const std::vector<std::string>& args) {
    std::string command = "trap '' XFSZ; ulimit -f " + std::to_string(blocks) + "; exec \"$0\"";
    for (std::size_t i = 0; i < args.size(); ++i) command += " \"$" + std::to_string(i + 1) + "\"";
    std::vector<std::string> shArgs = {"-c", command, appPath()};
    shArgs.insert(shArgs.end(), args.begin(), args.end());
    return runProcess("/bin/sh", shArgs);
}

TEST(TrainWrites, AFileSizeLimitKeepsTheOldFilesAndGivesTheReason) {
    const std::string session = writeSession(kXor);
    // An 11 KB file to keep, more than the 512 bytes the limit lets through.
    const std::string save0 = tempPath(".actlab.json");
    ASSERT_EQ(runApp({"train", "--session", session, "--epochs", "1", "--save", save0}).exitCode,
              0);
    std::string old;
    for (int i = 0; i < 4; ++i) old += readFile(save0);
    ASSERT_GT(old.size(), 10'000u);
    std::remove(save0.c_str());
    struct Case {
        std::vector<std::string> args;
        std::string target;
    };
    const std::string save = tempPath(".actlab.json"), log = tempPath(".csv"),
                      grid = tempPath(".csv");
    for (const Case& c : std::vector<Case>{
             {{"--save", save}, save},
             {{"--log", log}, log},
             {{"--grid", "40", "--grid-out", grid}, grid},
         }) {
        std::ofstream(c.target) << old;  // 11 KB that must survive
        std::vector<std::string> args = {"train", "--session", session, "--epochs", "100"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const ProcessResult r = runLimited(1, args);
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_EQ(r.err, "activation-lab train: cannot write '" + c.target + "': File too large\n");
        EXPECT_EQ(readFile(c.target), old);
        EXPECT_EQ(siblings(c.target),
                  std::vector<std::string>{fs::path(c.target).filename().string()});
        std::remove(c.target.c_str());
    }
    std::remove(session.c_str());
}

TEST(TrainWrites, TheNewColumnsFollowTheTestAccuracy) {
    const std::string session = writeSession(kXor);
    const ProcessResult r = runApp({"train", "--session", session, "--epochs", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::vector<std::string> rows = lines(r.out);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0],
              "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio,"
              "grad_norm_layer1,grad_norm_layer2,grad_norm_output");
    // Epoch 0 has no update yet: no gradient to compare.
    EXPECT_EQ(cli::split(rows[1], ',')[6], "");
    for (std::size_t i = 2; i < rows.size(); ++i) {
        const std::vector<std::string> f = cli::split(rows[i], ',');
        const double dead = *parseNumber(f[5]);
        // 10 hidden units: the percentage is a whole number of them.
        EXPECT_GE(dead, 0);
        EXPECT_LE(dead, 100);
        EXPECT_DOUBLE_EQ(dead / 10, std::round(dead / 10)) << f[5];
        EXPECT_DOUBLE_EQ(*parseNumber(f[6]), *parseNumber(f[7]) / *parseNumber(f[9])) << rows[i];
    }
    // Without hidden layers there are no units to die and no ratio to take.
    std::string linear = kXor;
    linear.replace(linear.find("[{\"neurons\": 6"),
                   std::string(R"([{"neurons": 6, "activation": "tanh"},
              {"neurons": 4, "activation": "relu"}])")
                       .size(),
                   "[]");
    const std::string plain = writeSession(linear);
    const ProcessResult p = runApp({"train", "--session", plain, "--epochs", "2"});
    ASSERT_EQ(p.exitCode, 0) << p.err;
    EXPECT_EQ(lines(p.out)[0],
              "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio,"
              "grad_norm_output");
    const std::vector<std::string> f = cli::split(lines(p.out)[2], ',');
    EXPECT_EQ(f[5], "");
    EXPECT_EQ(f[6], "");
    for (const auto& path : {session, plain}) std::remove(path.c_str());
}

TEST(TrainWrites, ASessionWithoutTestPointsTrainsAndSaysSo) {
    // Before: the NaN loss of the empty test set was taken for a divergence (exit 3).
    nn::DatasetSpec spec;
    spec.kind = nn::DatasetKind::Xor;
    spec.numPoints = 40;
    nn::Session s;
    nn::Dataset d = nn::generateDataset(spec);
    d.train.insert(d.train.end(), d.test.begin(), d.test.end());
    d.test.clear();
    s.points = d;
    const std::string session = writeSession(nn::serializeSession(s));
    const ProcessResult r = runApp({"train", "--session", session, "--epochs", "20"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const std::vector<std::string> rows = lines(r.out);
    ASSERT_EQ(rows.size(), 22u);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::vector<std::string> f = cli::split(rows[i], ',');
        EXPECT_EQ(f[2], "") << rows[i];
        EXPECT_EQ(f[4], "") << rows[i];
        EXPECT_TRUE(std::isfinite(*parseNumber(f[1]))) << rows[i];
    }
    std::remove(session.c_str());
}

TEST(TrainWrites, FileNamesOfAnyBytesAreUsedExactly) {
    const std::string session = writeSession(kXor,
                                             "-s\xe9"
                                             "ance\xff.actlab.json");
    const std::string log = tempPath("-journal\xe9.csv"), save = tempPath("-\xff\xfe.json");
    const ProcessResult r =
        runApp({"train", "--session", session, "--epochs", "2", "--log", log, "--save", save});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(readFile(log), r.out);
    EXPECT_TRUE(nn::loadSessionFile(save).ok());
    // In messages the bytes that are not UTF-8 are replaced, never echoed.
    std::ofstream(fs::path(session)) << "{";
    const ProcessResult bad = runApp({"train", "--session", session});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_NE(bad.err.find("-s\xEF\xBF\xBD"
                           "ance\xEF\xBF\xBD.actlab.json: not valid JSON"),
              std::string::npos)
        << bad.err;
    for (const auto& p : {session, log, save}) fs::remove(fs::path(p));
}

}  // namespace
}  // namespace actlab::test
