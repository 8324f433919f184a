// `activation-lab inspect` end to end. Built twice: against the real binary (GUI builds,
// test_inspect_cli) and in process through cli::runInspect (test_inspect_command), so the
// subcommand is tested in headless builds too. The numbers are checked against core/inspect on
// the same session trained the same way, and the grid against `train --grid`.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "activations/registry.h"
#include "cli/arg_reader.h"
#include "inspect/hidden_space.h"
#include "inspect/operating_points.h"
#include "inspect/region_map.h"
#include "nn/session.h"
#include "util/number_format.h"

#ifdef ACTLAB_INSPECT_IN_PROCESS
#include <unistd.h>

#include "cli/inspect_command.h"
#include "cli/train_command.h"
#else
#include "process_runner.h"
#endif

namespace actlab::test {
namespace {

#ifdef ACTLAB_INSPECT_IN_PROCESS
struct Result {
    int exitCode = -1;
    std::string out, err;
};
Result run(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    const int code =
        args[0] == "train" ? cli::runTrain(rest, out, err) : cli::runInspect(rest, out, err);
    return {code, out.str(), err.str()};
}
std::string tempPath(const std::string& suffix) {
    static std::atomic<int> counter{0};
    return (std::filesystem::temp_directory_path() / ("actlab-inspect-" + std::to_string(getpid()) +
                                                      "-" + std::to_string(counter++) + suffix))
        .string();
}
#else
ProcessResult run(const std::vector<std::string>& args) {
    return runApp(args, {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"});
}
#endif

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream s(text);
    for (std::string l; std::getline(s, l);) out.push_back(l);
    return out;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

nn::Session session(const std::string& act, std::vector<int> widths, double lr = 0.1) {
    nn::Session s;
    s.seed = 11;
    s.generator.kind = nn::DatasetKind::Xor;
    s.generator.numPoints = 120;
    for (int w : widths)
        s.network.hidden.push_back({w, act, activation(act).defaults(), nn::PReluMode::PerLayer});
    s.init = nn::InitKind::Xavier;
    s.training.learningRate = lr;
    return s;
}

std::string writeSession(const nn::Session& s) {
    const std::string path = tempPath(".actlab.json");
    std::ofstream(path) << nn::serializeSession(s);
    return path;
}

/// The session's network after `epochs` epochs, trained as the subcommand trains it.
nn::Trainer trained(const nn::Session& s, int epochs) {
    nn::Trainer t = nn::makeTrainer(s);
    for (int e = 0; e < epochs; ++e) t.step(nn::Evaluation::Loss);
    return t;
}

nn::FeatureTable features(const nn::Mlp& net, const std::vector<nn::Point>& points) {
    return nn::computeFeatures(net.spec().features, points);
}

TEST(InspectCli, HiddenLayerIsTheTrainedNetworksActivations) {
    const nn::Session s = session("tanh", {4, 3});
    const std::string path = writeSession(s);
    const nn::Trainer t = trained(s, 3);
    for (int k = 0; k <= 2; ++k) {
        const auto r = run(
            {"inspect", "--session", path, "--epochs", "3", "--hidden-layer", std::to_string(k)});
        ASSERT_EQ(r.exitCode, 0) << r.err;
        EXPECT_EQ(r.err, "");
        const std::vector<std::string> l = lines(r.out);
        const int width = inspect::stageWidth(t.network(), k);
        EXPECT_EQ(l[0], k == 0   ? "set,index,label,h1,h2"
                        : k == 1 ? "set,index,label,h1,h2,h3,h4"
                                 : "set,index,label,h1,h2,h3");
        ASSERT_EQ(l.size(), 1 + t.data().train.size() + t.data().test.size());
        std::size_t row = 1;
        for (const auto* set : {&t.data().train, &t.data().test}) {
            std::vector<double> h(std::size_t(width) * set->size());
            inspect::StageEvaluator().activations(t.network(), features(t.network(), *set), k, h);
            for (std::size_t p = 0; p < set->size(); ++p, ++row) {
                const std::vector<std::string> f = cli::split(l[row], ',');
                ASSERT_EQ(f.size(), std::size_t(3 + width));
                EXPECT_EQ(f[0], set == &t.data().train ? "train" : "test");
                EXPECT_EQ(f[1], std::to_string(p));
                EXPECT_EQ(*parseNumber(f[2]), (*set)[p].label);
                for (int u = 0; u < width; ++u)  // 17 digits: the same double back
                    EXPECT_EQ(*parseNumber(f[std::size_t(3 + u)]),
                              h[std::size_t(u) * set->size() + p]);
                if (k == 0) {
                    EXPECT_EQ(*parseNumber(f[3]), (*set)[p].x);
                }
            }
        }
    }
}

TEST(InspectCli, RegionsUseTheGridOfTrainGrid) {
    const nn::Session s = session("relu", {5, 4});
    const std::string path = writeSession(s), grid = tempPath(".csv");
    const auto r = run({"inspect", "--session", path, "--epochs", "2", "--regions", "25"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto g =
        run({"train", "--session", path, "--epochs", "2", "--grid", "25", "--grid-out", grid});
    ASSERT_EQ(g.exitCode, 0) << g.err;
    const std::vector<std::string> l = lines(r.out), gl = lines(readFile(grid));
    std::filesystem::remove(grid);
    ASSERT_EQ(l.size(), 2u + 625);
    ASSERT_EQ(gl.size(), 1u + 625);
    const nn::Trainer t = trained(s, 2);
    std::vector<int> region(625);
    const inspect::RegionResult expected = inspect::RegionMap().compute(t.network(), 25, region);
    ASSERT_TRUE(expected.piecewiseLinear);
    EXPECT_EQ(l[0], "# regions " + std::to_string(expected.regions));
    EXPECT_GT(expected.regions, 3);
    EXPECT_EQ(l[1], "x,y,region");
    for (std::size_t c = 0; c < 625; ++c) {
        const std::vector<std::string> f = cli::split(l[c + 2], ','),
                                       tf = cli::split(gl[c + 1], ',');
        ASSERT_EQ(f.size(), 3u);
        EXPECT_EQ(f[0], tf[0]);  // the same coordinates, character for character
        EXPECT_EQ(f[1], tf[1]);
        EXPECT_EQ(f[2], std::to_string(region[c]));
    }
}

TEST(InspectCli, PreactivationsOfEveryUnitAndTrainingPoint) {
    const nn::Session s = session("prelu", {3, 2});
    const std::string path = writeSession(s);
    const auto r = run({"inspect", "--preactivations", "--session=" + path});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const nn::Trainer t = trained(s, 0);
    inspect::OperatingPoints op;
    op.compute(t.network(), features(t.network(), t.data().train));
    const std::vector<std::string> l = lines(r.out);
    const std::size_t n = t.data().train.size();
    ASSERT_EQ(l.size(), 1 + 5 * n);
    EXPECT_EQ(l[0], "layer,unit,index,z");
    std::size_t row = 1;
    for (int layer = 0; layer < 2; ++layer)
        for (std::size_t u = 0; u < std::size_t(op.unitCount(layer)); ++u)
            for (std::size_t p = 0; p < n; ++p, ++row) {
                const std::vector<std::string> f = cli::split(l[row], ',');
                ASSERT_EQ(f.size(), 4u);
                EXPECT_EQ(f[0], std::to_string(layer + 1));
                EXPECT_EQ(f[1], std::to_string(u + 1));
                EXPECT_EQ(f[2], std::to_string(p));
                EXPECT_EQ(*parseNumber(f[3]), op.preactivations(layer)[u * n + p]);
            }
}

TEST(InspectCli, StoredWeightsAreUsedAndOutWritesTheSameText) {
    nn::Session s = session("relu", {3});
    s = nn::withTrainedWeights(s, trained(s, 4));  // weights after 4 epochs, stored
    const std::string path = writeSession(s), out = tempPath(".csv");
    const auto stdoutRun = run({"inspect", "--session", path, "--hidden-layer", "1"});
    const auto fileRun = run({"inspect", "--session", path, "--hidden-layer", "1", "--out", out});
    ASSERT_EQ(stdoutRun.exitCode, 0) << stdoutRun.err;
    ASSERT_EQ(fileRun.exitCode, 0) << fileRun.err;
    EXPECT_EQ(fileRun.out, "");
    EXPECT_EQ(readFile(out), stdoutRun.out);
    std::filesystem::remove(out);
    const nn::Trainer t = trained(s, 0);
    std::vector<double> h(3 * t.data().train.size());
    inspect::StageEvaluator().activations(t.network(), features(t.network(), t.data().train), 1, h);
    const std::vector<std::string> first = cli::split(lines(stdoutRun.out)[1], ',');
    EXPECT_EQ(*parseNumber(first[3]), h[0]);
}

TEST(InspectCli, BadInputExitsTwoWithOneLineAndWritesNothing) {
    const std::string relu = writeSession(session("relu", {3, 3}));
    const std::string tanh = writeSession(session("tanh", {3}));
    const std::string broken = tempPath(".actlab.json");
    std::ofstream(broken) << "{ not json";
    const std::string out = tempPath(".csv");
    const std::string folder = std::filesystem::temp_directory_path().string();
    const std::vector<std::vector<std::string>> cases = {
        {"--session", relu},                                             // no mode
        {"--session", relu, "--hidden-layer", "1", "--preactivations"},  // two modes
        {"--session", relu, "--regions", "10", "--hidden-layer", "0"},
        {"--hidden-layer", "1"},  // no session
        {"--session", "/nonexistent/s.actlab.json", "--hidden-layer", "1"},
        {"--session", broken, "--hidden-layer", "1"},
        {"--session", relu, "--hidden-layer", "3"},  // two hidden layers
        {"--session", relu, "--hidden-layer", "-1"},
        {"--session", relu, "--hidden-layer", "x"},
        {"--session", relu, "--regions", "1"},
        {"--session", relu, "--regions", "2001"},
        {"--session", tanh, "--regions", "10"},  // smooth
        {"--session", relu, "--preactivations", "--epochs", "-2"},
        {"--session", relu, "--preactivations", "--epochs", "1", "--epochs", "2"},
        {"--session", relu, "--regions", "10", "--regions", "20"},
        {"--session", relu, "--preactivations", "--preactivations"},
        {"--session", relu, "--preactivations", "--bogus"},
        {"--session", relu, "--preactivations", "--out", folder},
        {"--session", relu, "--preactivations", "--out", "/nonexistent/dir/f.csv"},
        {"--session", relu, "--preactivations", "--out"},
    };
    for (std::vector<std::string> args : cases) {
        std::string shown;
        for (const std::string& a : args) shown += a + " ";
        const bool hasOut = std::find(args.begin(), args.end(), "--out") != args.end();
        if (!hasOut) {
            args.push_back("--out");
            args.push_back(out);
        }
        args.insert(args.begin(), "inspect");
        const auto r = run(args);
        EXPECT_EQ(r.exitCode, 2) << shown;
        EXPECT_EQ(r.out, "") << shown;
        EXPECT_EQ(lines(r.err).size(), 1u) << shown << ": " << r.err;
        EXPECT_EQ(r.err.rfind("activation-lab inspect: ", 0), 0u) << r.err;
        EXPECT_FALSE(std::filesystem::exists(out)) << shown;
    }
    const auto twice = run({"inspect", "--session", relu, "--regions", "10", "--regions", "20"});
    EXPECT_NE(twice.err.find("repeated option --regions"), std::string::npos) << twice.err;
    const auto smooth = run({"inspect", "--session", tanh, "--regions", "10"});
    EXPECT_NE(smooth.err.find("hidden layer 1 uses tanh"), std::string::npos) << smooth.err;
    EXPECT_NE(smooth.err.find("relu"), std::string::npos) << smooth.err;
}

TEST(InspectCli, DivergenceExitsThree) {
    nn::Session s = session("identity", {8, 8}, 100);
    s.network.output = nn::OutputKind::LinearSquare;
    ASSERT_TRUE(trained(s, 5).diverged());  // the premise: this session blows up
    const std::string out = tempPath(".csv");
    const auto r = run({"inspect", "--session", writeSession(s), "--epochs", "5",
                        "--preactivations", "--out", out});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_NE(r.err.find("diverged"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(InspectCli, Help) {
    const auto r = run({"inspect", "--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("--hidden-layer K"), std::string::npos);
}

}  // namespace
}  // namespace actlab::test
