// The GUI's command line end to end: --help and --version, every bad value (exit 2 with a
// message, before any window is shown), and a real start on the offscreen platform with
// --session, --play and --heartbeat. The GUI runs with its settings in a fresh folder, so the
// tests never read or change the user's.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "process_runner.h"

namespace actlab::test {
namespace {

const std::vector<std::string> kNoDisplay = {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"};

/// The GUI on the offscreen platform, with settings and user data in a folder of its own.
class GuiCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        home() = tempPath("-home");
        std::filesystem::create_directories(home());
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        setenv("XDG_CONFIG_HOME", (home() + "/config").c_str(), 1);
        setenv("XDG_DATA_HOME", (home() + "/data").c_str(), 1);
        setenv("XDG_RUNTIME_DIR", home().c_str(), 1);
    }
    static void TearDownTestSuite() { std::filesystem::remove_all(home()); }
    /// Starts the window on `session` with --play and --heartbeat, and checks that it trains
    /// and beats.
    void startTrainAndBeat(const std::string& session);
    static std::string& home() {
        static std::string path;
        return path;
    }
};

std::string writeFile(const std::string& suffix, const std::string& text) {
    const std::string path = tempPath(suffix);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

const char* kXor = R"({"format": "activation-lab-session", "version": 1, "seed": 7,
  "data": {"generator": {"kind": "xor", "points": 100}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 4, "activation": "tanh"}],
              "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "adam", "learningRate": 0.03}, "batchSize": 10}})";

TEST_F(GuiCli, HelpListsTheOptionsAndTheSubcommandsWithoutADisplay) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--help"}, std::vector<std::string>{"help"}}) {
        const ProcessResult r = runApp(args, kNoDisplay);
        EXPECT_EQ(r.exitCode, 0) << r.err;
        EXPECT_NE(r.out.find("Usage: activation-lab [options] [FILE]"), std::string::npos) << r.out;
        for (const char* option : {"--activation <ID>", "--param <NAME=VALUE>", "--session <FILE>",
                                   "--lesson <N>", "--lang <LANG>", "--theme <THEME>",
                                   "--presentation", "--play", "--heartbeat <FILE>", "--version"})
            EXPECT_NE(r.out.find(option), std::string::npos) << option;
        for (const char* command : {"  eval ", "  train ", "  sweep ", "  speed ", "  export "})
            EXPECT_NE(r.out.find(command), std::string::npos) << command;
        EXPECT_EQ(r.err, "");
    }
}

TEST_F(GuiCli, HelpForASubcommandPrintsItsUsage) {
    for (const char* command : {"eval", "train", "sweep", "speed", "export"}) {
        const ProcessResult r = runApp({"help", command}, kNoDisplay);
        EXPECT_EQ(r.exitCode, 0) << command;
        EXPECT_NE(r.out.find(std::string("usage: activation-lab ") + command), std::string::npos)
            << r.out;
    }
    const ProcessResult r = runApp({"help", "fly"}, kNoDisplay);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown subcommand 'fly'"), std::string::npos);
}

TEST_F(GuiCli, VersionWithoutADisplay) {
    const ProcessResult r = runApp({"--version"}, kNoDisplay);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out, std::string("activation-lab ") + ACTLAB_VERSION + "\n");
}

struct BadCase {
    std::string name;               // of the test
    std::vector<std::string> args;  // SESSION is replaced by a valid session file, BAD by a bad one
    std::string message;
};

/// The arguments, for readable test names in ctest.
void PrintTo(const BadCase& c, std::ostream* os) {
    for (const std::string& a : c.args) *os << a << ' ';
}

class GuiCliErrors : public GuiCli, public ::testing::WithParamInterface<BadCase> {};

// Each bad value exits 2 with one line naming the problem, before a window is shown. (A window
// that had been shown would stay: the process would not exit at all.)
TEST_P(GuiCliErrors, ExitTwoWithAMessage) {
    const std::string good = writeFile(".actlab.json", kXor);
    const std::string bad = writeFile(".actlab.json", R"({"format": "activation-lab-session",
        "version": 1, "training": {"batchSize": -3}})");
    std::vector<std::string> args;
    for (std::string a : GetParam().args) {
        if (a == "SESSION") a = good;
        if (a == "BAD") a = bad;
        args.push_back(a);
    }
    std::string message = GetParam().message;
    if (const std::size_t at = message.find("BAD"); at != std::string::npos)
        message.replace(at, 3, bad);
    const ProcessResult r = runApp(args);
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("activation-lab: "), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    std::remove(good.c_str());
    std::remove(bad.c_str());
}

INSTANTIATE_TEST_SUITE_P(
    AllCases, GuiCliErrors,
    ::testing::Values(
        BadCase{"UnknownActivation",
                {"--activation", "nope"},
                "unknown activation 'nope'; valid: sigmoid"},
        BadCase{"UnknownParameter",
                {"--activation", "elu", "--param", "beta=2"},
                "unknown parameter 'beta' for elu; valid: alpha"},
        BadCase{"RejectedParameter",
                {"--activation", "celu", "--param", "alpha=0"},
                "alpha must not be 0"},
        BadCase{"ParameterWithoutValue",
                {"--activation", "elu", "--param", "alpha"},
                "--param expects NAME=VALUE"},
        BadCase{
            "ParameterNotANumber", {"--param", "alpha=x"}, "--param alpha: 'x' is not a number"},
        // Without --activation a parameter is checked against the explorer's activation, which
        // in fresh settings is the first (Sigmoid, no parameters): this needs the window.
        BadCase{"ParameterOfCurrentActivation",
                {"--param", "negative_slope=0.2"},
                "has no parameter 'negative_slope'"},
        BadCase{"LessonOutOfRange",
                {"--lesson", "99"},
                "--lesson: there is no lesson 99; valid: 1 to "},
        BadCase{"LessonZero", {"--lesson", "0"}, "--lesson: expected a lesson number"},
        BadCase{"LessonNotANumber", {"--lesson", "two"}, "--lesson: expected a lesson number"},
        BadCase{"LessonAndSession",
                {"--lesson", "1", "--session", "SESSION"},
                "give --session or --lesson, not both"},
        BadCase{
            "UnknownLanguage", {"--lang", "fr"}, "--lang: unknown language 'fr'; valid: en, zh_CN"},
        BadCase{"UnknownTheme",
                {"--theme", "neon"},
                "--theme: unknown theme 'neon'; valid: system, light"},
        BadCase{"UnreadableSession",
                {"--session", "/nonexistent/x.actlab.json"},
                "cannot open '/nonexistent/x.actlab.json'"},
        BadCase{"InvalidSession", {"--session", "BAD"}, "BAD: "},
        BadCase{"InvalidSessionAsFile", {"BAD"}, "BAD: "},
        BadCase{"TwoFiles", {"SESSION", "SESSION"}, "more than one file to open"},
        BadCase{
            "MisspelledSubcommand", {"evl"}, "'evl' is neither a session file nor a subcommand"},
        BadCase{"UnknownOption", {"--bogus"}, "Unknown option 'bogus'"},
        BadCase{"ActivationWithoutValue", {"--activation"}, "Missing value after '--activation'"},
        BadCase{"UnwritableHeartbeat",
                {"--heartbeat", "/nonexistent/heartbeat"},
                "--heartbeat: cannot write '/nonexistent/heartbeat'"}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return info.param.name; });

// Values that can be refused before Qt starts are refused without a display too.
TEST_F(GuiCli, EarlyErrorsNeedNoDisplay) {
    const ProcessResult r = runApp({"--activation", "nope"}, kNoDisplay);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("unknown activation 'nope'"), std::string::npos) << r.err;
}

/// Starts the app without waiting for it; stdout and stderr go to `log`.
pid_t startApp(const std::vector<std::string>& args, const std::string& log) {
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        std::vector<char*> argv{const_cast<char*>(ACTLAB_APP_PATH)};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(ACTLAB_APP_PATH, argv.data());
        _exit(127);
    }
    return pid;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// The real window starts in the state asked for, trains (--play), and its event loop rewrites
// the heartbeat file with "<unix-seconds> <epoch> <heap-bytes>" (the format scripts/soak.sh
// reads).
TEST_F(GuiCli, StartsTrainsAndBeats) {
    startTrainAndBeat(writeFile(".actlab.json", kXor));
}

// A session file whose name is not UTF-8 opens too (read by its bytes) and trains.
TEST_F(GuiCli, OpensAFileWhoseNameIsNotUtf8) {
    startTrainAndBeat(writeFile("-caf\xe9.actlab.json", kXor));
}

void GuiCli::startTrainAndBeat(const std::string& session) {
    const std::string heartbeat = tempPath(".heartbeat"), log = tempPath(".log");
    const pid_t pid = startApp({"--session", session, "--play", "--activation", "elu", "--param",
                                "alpha=0.5", "--theme", "dark", "--heartbeat", heartbeat},
                               log);
    ASSERT_GT(pid, 0);
    long long seconds = 0, epoch = -1;
    bool exited = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            exited = true;
            break;
        }
        std::istringstream line(readAll(heartbeat));
        if (line >> seconds >> epoch && epoch > 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!exited) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    EXPECT_FALSE(exited) << readAll(log);
    EXPECT_GT(epoch, 0) << "heartbeat: '" << readAll(heartbeat) << "'\n" << readAll(log);
    const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    EXPECT_LE(std::llabs(now - seconds), 60);
    const std::string text = readAll(heartbeat);
    EXPECT_EQ(std::count(text.begin(), text.end(), ' '), 2) << text;
    EXPECT_EQ(text.back(), '\n');
    std::istringstream fields(text);
    long long heap = 0;
    EXPECT_TRUE(fields >> seconds >> epoch >> heap);
    // glibc counts what the window allocated; under AddressSanitizer its allocator replaces
    // glibc's, which then reports 0 ("where the C library does not say").
#if defined(__SANITIZE_ADDRESS__)
    EXPECT_GE(heap, 0);
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    EXPECT_GE(heap, 0);
#else
    EXPECT_GT(heap, 1'000'000);
#endif
#else
    EXPECT_GT(heap, 1'000'000);
#endif
    for (const std::string& f : {session, heartbeat, log}) std::remove(f.c_str());
}

// kill -9 while training: the autosave (every second here) has kept the trained state, and the
// settings still say the run did not end, so the next start offers to restore it.
TEST_F(GuiCli, KillNineKeepsTheAutosavedTraining) {
    const std::string session = writeFile(".actlab.json", kXor);
    const std::string config = home() + "/kill9-config", log = tempPath(".log");
    std::filesystem::create_directories(config);
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    setenv("ACTLAB_AUTOSAVE_SECONDS", "1", 1);
    const pid_t pid = startApp({"--session", session, "--play"}, log);
    unsetenv("ACTLAB_AUTOSAVE_SECONDS");
    setenv("XDG_CONFIG_HOME", (home() + "/config").c_str(), 1);
    ASSERT_GT(pid, 0);
    // The state file appears beside the settings once the network has trained.
    std::string state;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline && state.empty()) {
        for (const auto& e : std::filesystem::recursive_directory_iterator(config))
            if (e.path().filename() == "last-session.actlab.json" &&
                readAll(e.path().string()).find("\"weights\"") != std::string::npos)
                state = e.path().string();
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    ASSERT_FALSE(state.empty()) << readAll(log);
    const std::string text = readAll(state);
    EXPECT_NE(text.find("\"epoch\""), std::string::npos);
    // The settings still mark the run as running: the next start asks.
    const std::string settings =
        readAll((std::filesystem::path(state).parent_path() / "Activation Lab.conf").string());
    EXPECT_NE(settings.find("running=true"), std::string::npos) << settings;
    std::remove(session.c_str());
    std::remove(log.c_str());
}

// A lesson opens from the lessons built into the program (the six of resources/lessons).
TEST_F(GuiCli, OpensALesson) {
    const std::string heartbeat = tempPath(".heartbeat"), log = tempPath(".log");
    const pid_t pid = startApp({"--lesson", "6", "--lang", "zh_CN", "--heartbeat", heartbeat}, log);
    ASSERT_GT(pid, 0);
    // Beats are written before the window exists and once it is shown, both at once; a time
    // two seconds later can only come from the timer, so the window's event loop runs.
    long long first = 0;
    bool exited = false, beat = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid, &status, WNOHANG) == pid) {
            exited = true;
            break;
        }
        std::istringstream line(readAll(heartbeat));
        long long seconds = 0;
        if (line >> seconds) {
            if (first == 0) {
                first = seconds;
            } else if (seconds >= first + 2) {
                beat = true;
                break;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    if (!exited) {
        kill(pid, SIGTERM);
        waitpid(pid, nullptr, 0);
    }
    EXPECT_FALSE(exited) << readAll(log);
    EXPECT_TRUE(beat) << readAll(log);
    std::remove(heartbeat.c_str());
    std::remove(log.c_str());
}

}  // namespace
}  // namespace actlab::test
