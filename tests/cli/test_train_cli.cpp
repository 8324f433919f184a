// `activation-lab train` end to end: the real binary, run with no display.

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "cli/arg_reader.h"
#include "nn/session.h"
#include "process_runner.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

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

const char* kXor = R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "data": {"generator": {"kind": "xor", "points": 200}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 6, "activation": "tanh"},
              {"neurons": 4, "activation": "relu"}], "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "adam", "learningRate": 0.01}, "batchSize": 10}})";

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string l; std::getline(s, l);) out.push_back(l);
    return out;
}

const std::vector<std::string> kNoDisplay = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"};

TEST(TrainCli, LogsEveryEpochAndSavesTheTrainedSession) {
    const std::string session = writeSession(kXor), log = tempPath(".csv"),
                      saved = tempPath(".actlab.json");
    const ProcessResult r = runApp(
        {"train", "--session", session, "--epochs", "5", "--log", log, "--save", saved}, kNoDisplay);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::vector<std::string> rows = lines(r.out);
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[0],
              "epoch,train_loss,test_loss,train_acc,test_acc,dead_percent,grad_ratio,"
              "grad_norm_layer1,grad_norm_layer2,grad_norm_output");
    EXPECT_EQ(cli::split(rows[6], ',')[0], "5");
    EXPECT_EQ(readFile(log), r.out);
    // The saved session continues from the trained weights: epoch 0 of a new run of it has
    // exactly the loss of epoch 5.
    const nn::SessionLoad back = nn::loadSessionFile(saved);
    ASSERT_TRUE(back.ok()) << back.error;
    EXPECT_EQ(back.session.epoch, 5);
    const ProcessResult again = runApp({"train", "--session", saved, "--epochs", "0"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(cli::split(lines(again.out)[1], ',')[1], cli::split(rows[6], ',')[1]);
    for (const auto& p : {session, log, saved}) std::remove(p.c_str());
}

TEST(TrainCli, WritesTheOutputGrid) {
    const std::string session = writeSession(kXor), grid = tempPath(".csv");
    const ProcessResult r = runApp(
        {"train", "--session", session, "--epochs", "2", "--grid", "20", "--grid-out", grid});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const std::vector<std::string> rows = lines(readFile(grid));
    ASSERT_EQ(rows.size(), 401u);
    EXPECT_EQ(rows[0], "x,y,output");
    EXPECT_EQ(rows[1].substr(0, 5), "-6,6,");  // x rises with i, y falls with j: top-left first
    const double v = *parseNumber(cli::split(rows[1], ',')[2]);
    EXPECT_GE(v, -1);
    EXPECT_LE(v, 1);
    for (const auto& p : {session, grid}) std::remove(p.c_str());
}

TEST(TrainCli, DivergenceExitsNonZeroAndKeepsTheGoodEpochs) {
    const std::string session = writeSession(R"({"format": "activation-lab-session", "version": 1,
      "seed": 1, "data": {"generator": {"kind": "plane", "points": 200}},
      "network": {"features": ["x", "y"], "layers": [{"neurons": 8, "activation": "relu"},
                  {"neurons": 8, "activation": "relu"}], "output": "linear_square", "init": "he"},
      "training": {"optimizer": {"kind": "sgd", "learningRate": 10}, "batchSize": 10}})");
    const std::string log = tempPath(".csv");
    const ProcessResult r = runApp({"train", "--session", session, "--epochs", "50", "--log", log});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("diverged"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("learning rate"), std::string::npos) << r.err;
    const std::vector<std::string> rows = lines(readFile(log));
    ASSERT_GE(rows.size(), 2u);  // header and epoch 0 at least
    EXPECT_LT(rows.size(), 52u);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const std::vector<std::string> f = cli::split(rows[i], ',');
        EXPECT_TRUE(std::isfinite(*parseNumber(f[1])) && std::isfinite(*parseNumber(f[2])))
            << rows[i];
    }
    for (const auto& p : {session, log}) std::remove(p.c_str());
}

TEST(TrainCli, ReplaysARecordedPlaygroundRun) {
    const ProcessResult r =
        runApp({"train", "--playground", std::string(ACTLAB_TEST_DATA_DIR) +
                                             "/playground/playground_default.json"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(lines(r.out).size(), 202u);  // header and epochs 0 … 200
    EXPECT_NE(r.err.find("201 epochs compared"), std::string::npos) << r.err;
}

TEST(TrainCli, BadInputFailsWithOneLine) {
    const std::string bad = writeSession(R"({"format": "activation-lab-session", "version": 1})");
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"train"},
             {"train", "--session", "/nonexistent.json"},
             {"train", "--session", bad},
             {"train", "--session", bad, "--epochs", "many"},
             {"train", "--session", bad, "--grid", "10"},
             {"train", "--playground", bad},
         }) {
        const ProcessResult r = runApp(args);
        EXPECT_EQ(r.exitCode, 2) << args.back();
        EXPECT_EQ(r.out, "");
        ASSERT_FALSE(r.err.empty());
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;
    }
    std::remove(bad.c_str());
}

}  // namespace
}  // namespace actlab::test
