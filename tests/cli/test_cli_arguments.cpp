// Contradictory, repeated and empty arguments of every headless subcommand are refused with
// status 2 and one line, before anything is read or written; so are directories given as files.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "process_runner.h"

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

const char* kSession = R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "data": {"generator": {"kind": "xor", "points": 100}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 3, "activation": "tanh"}],
              "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "sgd", "learningRate": 0.1}, "batchSize": 10}})";

/// A folder with a session, an x file, a subfolder and a link, for the cases to name.
class Arguments : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = tempPath("-arguments");
        fs::create_directories(s_dir + "/sub");
        std::ofstream(s_dir + "/s.actlab.json") << kSession;
        std::ofstream(s_dir + "/x.txt") << "1\n2\n";
        std::ofstream(s_dir + "/existing.csv") << "old\n";
        fs::create_symlink(s_dir + "/existing.csv", s_dir + "/link.csv");
    }
    static void TearDownTestSuite() { fs::remove_all(s_dir); }
    /// `args` with "DIR" replaced by the folder.
    static std::vector<std::string> expand(std::vector<std::string> args) {
        for (std::string& a : args)
            if (const std::size_t at = a.find("DIR"); at != std::string::npos)
                a.replace(at, 3, s_dir);
        return args;
    }
    static std::string s_dir;
};
std::string Arguments::s_dir;

struct Refused {
    std::vector<std::string> args;
    std::string mustMention;
};

const std::vector<Refused> kRefused = {
    // train: outputs that are one file, under any spelling, or that would replace the input
    {{"train", "--session", "DIR/s.actlab.json", "--log", "DIR/out", "--save", "DIR/out"},
     "--log and --save name the same file"},
    {{"train", "--session", "DIR/s.actlab.json", "--log", "DIR/sub/../out", "--save", "DIR/./out"},
     "--log and --save name the same file"},
    {{"train", "--session", "DIR/s.actlab.json", "--log", "DIR/link.csv", "--save",
      "DIR/existing.csv"},
     "--log and --save name the same file"},
    {{"train", "--session", "DIR/s.actlab.json", "--save", "DIR/g.csv", "--grid", "4", "--grid-out",
      "DIR/sub/../g.csv"},
     "--save and --grid-out name the same file"},
    {{"train", "--session", "DIR/s.actlab.json", "--log", "DIR/s.actlab.json"},
     "--log would overwrite the input"},
    {{"train", "--session", "DIR/s.actlab.json", "--log", ""}, "--log needs a file name"},
    {{"train", "--session", "DIR/s.actlab.json", "--save="}, "--save needs a file name"},
    {{"train", "--session", ""}, "--session needs a file name"},
    {{"train", "--session", "DIR/s.actlab.json", "--session", "DIR/s.actlab.json"},
     "--session is given more than once"},
    {{"train", "--session", "DIR/s.actlab.json", "--epochs", "5", "--epochs=6"},
     "--epochs is given more than once"},
    {{"train", "--session", "DIR/s.actlab.json", "--log", "DIR/a", "--log", "DIR/b"},
     "--log is given more than once"},
    {{"train", "--session", "DIR/s.actlab.json", "--grid", "4", "--grid", "5", "--grid-out",
      "DIR/g"},
     "--grid is given more than once"},
    {{"train", "--session", "DIR/s.actlab.json", "--playground", "DIR/s.actlab.json"},
     "give one of --session FILE and --playground"},
    // train: a directory is not a session
    {{"train", "--session", "DIR/sub"}, "is a directory"},
    {{"train", "--playground", "DIR/sub"}, "is a directory"},
    // eval: one source of points, each option once, each parameter once
    {{"eval", "--activation", "relu", "--x", "1", "--range", "0:1:3"},
     "give one of --x, --x-file and --range, once"},
    {{"eval", "--activation", "relu", "--range", "0:1:3", "--x", "1"},
     "give one of --x, --x-file and --range, once"},
    {{"eval", "--activation", "relu", "--x-file", "DIR/x.txt", "--x", "1"},
     "give one of --x, --x-file and --range, once"},
    {{"eval", "--activation", "relu", "--x", "1", "--x", "2"}, "--x is given more than once"},
    {{"eval", "--activation", "relu", "--range", "0:1:3", "--range", "0:1:3"},
     "--range is given more than once"},
    {{"eval", "--activation", "elu", "--param", "alpha=1", "--param", "alpha=2", "--x", "1"},
     "parameter alpha is given more than once"},
    {{"eval", "--activation", "elu", "--activation", "relu", "--x", "1"},
     "--activation is given more than once"},
    {{"eval", "--activation", "relu", "--x", "1", "--format", "csv", "--format", "json"},
     "--format is given more than once"},
    {{"eval", "--activation", "relu", "--x-file", ""}, "--x-file needs a file name"},
    // eval: a directory is not a list of points (before: exit 0 and only a header)
    {{"eval", "--activation", "relu", "--x-file", "DIR/sub"}, "is a directory"},
    // speed: each activation once
    {{"speed", "--activation", "relu", "--activation", "ReLU"},
     "--activation relu is given more than once"},
};

TEST_F(Arguments, AreRefusedWithStatus2AndOneLine) {
    for (const Refused& c : kRefused) {
        const std::vector<std::string> args = expand(c.args);
        const ProcessResult r = runApp(args);
        std::string shown;
        for (const std::string& a : args) shown += " '" + a + "'";
        EXPECT_EQ(r.exitCode, 2) << shown << "\n" << r.err;
        EXPECT_EQ(r.out, "") << shown;
        ASSERT_FALSE(r.err.empty()) << shown;
        EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << shown << "\n" << r.err;
        EXPECT_NE(r.err.find(c.mustMention), std::string::npos) << shown << "\n" << r.err;
    }
    // Nothing was written: the folder holds what it held.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(s_dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"existing.csv", "link.csv", "s.actlab.json", "sub",
                                               "x.txt"}));
}

TEST_F(Arguments, SavingOverTheTrainedSessionIsAllowed) {
    // How a run is continued: --save may replace the session it trained.
    const std::string session = s_dir + "/continue.actlab.json";
    std::ofstream(session) << kSession;
    const ProcessResult r =
        runApp({"train", "--session", session, "--epochs", "3", "--save", session});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const ProcessResult again = runApp({"train", "--session", session, "--epochs", "0"});
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_NE(r.out, again.out);
    fs::remove(session);
}

TEST_F(Arguments, OutputsThatCannotBeWrittenAreFoundBeforeTraining) {
    const std::string pipe = s_dir + "/pipe";
    if (!fs::is_fifo(pipe)) {
        ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
    }
    for (const auto& [option, value, reason] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"--log", "DIR/sub", "it is a directory"},
             {"--save", "DIR/missing/s.json", "the folder '" + s_dir + "/missing' does not exist"},
             // A rename over a pipe or a device would put a plain file in its place.
             {"--log", "DIR/pipe", "it is not a regular file"},
             {"--save", "DIR/pipe", "it is not a regular file"},
         }) {
        const ProcessResult r = runApp(
            expand({"train", "--session", "DIR/s.actlab.json", "--epochs", "5", option, value}));
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_EQ(r.out, "");  // no epoch was trained
        EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
    }
    EXPECT_TRUE(fs::is_fifo(pipe));
}

}  // namespace
}  // namespace actlab::test
