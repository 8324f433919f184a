// `activation-lab export --pytorch / --notebook` end to end: the real binary writes the files,
// refuses bad input with one line and status 2 (1 for files it cannot read or write), and leaves
// no file behind when it fails. That the exported code trains as the app does is checked with
// torch by tests/pytorch/check_export.py.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "process_runner.h"
#include "util/number_format.h"

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

/// The header comment's text with its line breaks undone.
std::string unwrapped(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == '#') {
            out += ' ';
            ++i;
            while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

const char* kSession = R"({"format": "activation-lab-session", "version": 1, "seed": 3,
  "title": "XOR",
  "data": {"generator": {"kind": "xor", "points": 200}},
  "network": {"features": ["x", "y"], "layers": [{"neurons": 4, "activation": "tanh"}],
              "output": "tanh_square", "init": "xavier"},
  "training": {"optimizer": {"kind": "sgd", "learningRate": 0.03}, "batchSize": 10}})";

class ExportCodeCli : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = tempPath("-export-code");
        fs::create_directories(m_dir);
        m_session = file("xor.actlab.json", kSession);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    std::string file(const std::string& name, const std::string& text) const {
        const std::string p = path(name);
        std::ofstream(p, std::ios::binary) << text;
        return p;
    }
    std::string path(const std::string& name) const { return (fs::path(m_dir) / name).string(); }
    static std::string read(const std::string& p) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    /// The names in the folder, the session files aside.
    std::vector<std::string> written() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(m_dir))
            if (!e.path().string().ends_with(".actlab.json"))
                names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    static ProcessResult exportCode(std::vector<std::string> args) {
        args.insert(args.begin(), "export");
        return runApp(args, {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"});
    }
    /// Exit status and one line on stderr, nothing on stdout, no file written.
    void expectRefused(const std::vector<std::string>& args, int status, const std::string& words) {
        const ProcessResult r = exportCode(args);
        EXPECT_EQ(r.exitCode, status) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
        EXPECT_EQ(written(), std::vector<std::string>{}) << r.err;
    }

    std::string m_dir, m_session;
};

TEST_F(ExportCodeCli, WritesTheScriptWithTheEpochsAndNothingElse) {
    const ProcessResult r =
        exportCode({"--session", m_session, "--pytorch", path("xor.py"), "--epochs", "7"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
    const std::string py = read(path("xor.py"));
    EXPECT_EQ(py.rfind("#!/usr/bin/env python3\n# Activation Lab → PyTorch: XOR\n", 0), 0u);
    EXPECT_NE(py.find("activation-lab train --session xor.actlab.json --epochs 7"),
              std::string::npos);
    EXPECT_NE(py.find("\nEPOCHS = 7\n"), std::string::npos);
    EXPECT_EQ(written(), std::vector<std::string>{"xor.py"});
}

TEST_F(ExportCodeCli, WritesAValidNotebookInEitherLanguage) {
    for (const std::string lang : {"en", "zh_CN"}) {
        const std::string out = path("xor-" + lang + ".ipynb");
        const ProcessResult r =
            exportCode({"--session", m_session, "--notebook", out, "--lang", lang});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        const nlohmann::json nb = nlohmann::json::parse(read(out));
        EXPECT_EQ(nb["nbformat"], 4);
        EXPECT_GT(nb["cells"].size(), 10u);
        EXPECT_EQ(read(out).find("训练") != std::string::npos, lang == "zh_CN");
    }
}

TEST_F(ExportCodeCli, PutsLargeDataInACsvNextToTheScript) {
    std::string big = kSession;
    big.replace(big.find("\"points\": 200"), 13, "\"points\": 3000");
    const std::string session = file("big.actlab.json", big);
    const ProcessResult r = exportCode({"--session", session, "--pytorch", path("big.py")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(read(path("big.py")).find("with_name(\"big_data.csv\")"), std::string::npos);
    const std::string csv = read(path("big_data.csv"));
    EXPECT_EQ(csv.rfind("x,y,label,split\n", 0), 0u);
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3001);
}

TEST_F(ExportCodeCli, CurrentWeightsComeFromTheSessionsStoredWeights) {
    // Weights stored after 5 epochs: the default export replays training from the seed.
    const std::string trained = path("trained.json");
    ASSERT_EQ(
        runApp({"train", "--session", m_session, "--epochs", "5", "--save", trained}).exitCode, 0);
    const nlohmann::json stored = nlohmann::json::parse(read(trained));
    const double w = stored["weights"][0]["w"][0][0].get<double>();
    ASSERT_EQ(exportCode({"--session", trained, "--pytorch", path("initial.py")}).exitCode, 0);
    ASSERT_EQ(exportCode(
                  {"--session", trained, "--pytorch", path("current.py"), "--from-current-weights"})
                  .exitCode,
              0);
    const std::string initial = read(path("initial.py")), current = read(path("current.py"));
    EXPECT_NE(unwrapped(initial).find("(not the weights stored after 5 epochs)"),
              std::string::npos);
    EXPECT_NE(unwrapped(current).find("the session's current weights, stored after 5 epochs"),
              std::string::npos);
    // The first stored weight, as the script writes it (shortest round trip), only in current.
    const std::string text = formatShortest(w);
    EXPECT_NE(current.find("[" + text + ", "), std::string::npos) << text;
    EXPECT_EQ(initial.find("[" + text + ", "), std::string::npos) << text;
}

TEST_F(ExportCodeCli, RefusesBadCombinationsWithStatus2) {
    expectRefused(
        {"--session", m_session, "--pytorch", path("a.py"), "--notebook", path("a.ipynb")}, 2,
        "not both");
    expectRefused({"--pytorch", path("a.py")}, 2, "give --session");
    expectRefused({"--session", m_session, "--pytorch", path("a.py"), "--out", path("a.png")}, 2,
                  "make figures");
    expectRefused({"--session", m_session, "--pytorch", path("a.py"), "--size", "800x600"}, 2,
                  "make figures");
    expectRefused({"--activation", "elu", "--pytorch", path("a.py")}, 2, "give --session");
    expectRefused({"--session", m_session, "--pytorch", path("a.py"), "--lang", "zh_CN"}, 2,
                  "--lang goes with --notebook");
    expectRefused({"--session", m_session, "--out", path("a.png"), "--from-current-weights"}, 2,
                  "--from-current-weights goes with");
    expectRefused({"--session", m_session, "--pytorch", path("a.py"), "--epochs", "-3"}, 2,
                  "--epochs");
    expectRefused({"--session", m_session, "--pytorch"}, 2, "--pytorch");
}

TEST_F(ExportCodeCli, RefusesBadSessionsWith2AndUnreadableOnesWith1) {
    const std::string bad = file("bad.actlab.json", "{\"format\": \"activation-lab-session\"");
    expectRefused({"--session", bad, "--pytorch", path("a.py")}, 2, "bad.actlab.json");
    fs::remove(bad);
    std::string wrong = kSession;
    wrong.replace(wrong.find("\"tanh\""), 6, "\"tanhh\"");
    const std::string invalid = file("invalid.actlab.json", wrong);
    expectRefused({"--session", invalid, "--notebook", path("a.ipynb")}, 2, "tanhh");
    fs::remove(invalid);
    expectRefused({"--session", path("missing.actlab.json"), "--pytorch", path("a.py")}, 1,
                  "cannot read the session");
}

TEST_F(ExportCodeCli, RefusesOutputsItCannotWriteWith1AndLeavesNoFile) {
    expectRefused({"--session", m_session, "--pytorch", path("no/such/folder/a.py")}, 1,
                  "does not exist");
    fs::create_directory(path("folder.py"));
    const ProcessResult r = exportCode({"--session", m_session, "--pytorch", path("folder.py")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("it is a directory"), std::string::npos) << r.err;
    EXPECT_EQ(written(), std::vector<std::string>{"folder.py"});
    EXPECT_TRUE(fs::is_empty(path("folder.py")));
}

}  // namespace
}  // namespace actlab::test
