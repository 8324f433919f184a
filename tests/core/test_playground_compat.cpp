// TensorFlow Playground compatibility: every recorded run under tests/data/playground is replayed
// in Playground mode and must match the recorded loss of every epoch, and the output grid, to a
// relative 1e-9.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "golden_data.h"
#include "nn/grid.h"
#include "nn/playground_run.h"

namespace actlab::test {
namespace {

std::vector<std::string> runFiles() {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dataPath("playground")))
        if (e.path().extension() == ".json") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

nn::PlaygroundRun load(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    nn::PlaygroundImport r = nn::importPlaygroundRun(text.str());
    if (!r.ok()) throw std::runtime_error(path + ": " + r.error);
    return std::move(r.run);
}

bool close(double got, double want, double rel) {
    return std::fabs(got - want) <= rel * std::max(std::fabs(want), 1e-300);
}

class PlaygroundRun : public ::testing::TestWithParam<std::string> {};

TEST_P(PlaygroundRun, MatchesEveryEpochAndTheGrid) {
    const nn::PlaygroundRun run = load(GetParam());
    ASSERT_FALSE(run.losses.empty());
    nn::Trainer trainer = nn::makeTrainer(run.session);
    double worst = 0;
    for (const auto& expected : run.losses) {
        while (trainer.epoch() < expected.epoch) trainer.step();
        ASSERT_FALSE(trainer.diverged()) << trainer.divergence();
        const nn::EpochMetrics& m = trainer.history().at(std::size_t(expected.epoch));
        worst = std::max({worst, std::fabs(m.trainLoss / expected.train - 1),
                          std::fabs(m.testLoss / expected.test - 1)});
        ASSERT_TRUE(close(m.trainLoss, expected.train, 1e-9))
            << "epoch " << expected.epoch << ": train loss " << m.trainLoss << " vs "
            << expected.train;
        ASSERT_TRUE(close(m.testLoss, expected.test, 1e-9))
            << "epoch " << expected.epoch << ": test loss " << m.testLoss << " vs " << expected.test;
    }
    std::cout << "[playground] " << GetParam() << ": " << run.losses.size()
              << " epochs, worst relative loss difference " << worst << "\n";
    if (run.grid.empty()) return;
    while (trainer.epoch() < run.gridEpoch) trainer.step();
    std::vector<double> grid(run.grid.size());
    nn::GridEvaluator().outputGrid(trainer.network(), run.gridDensity, grid);
    double worstGrid = 0;
    // Relative to the cell's value, but never to less than 1e-3: a cell whose output is
    // ~1e-12 (on the decision boundary) cannot hold 21 correct digits of an absolute difference.
    for (std::size_t k = 0; k < grid.size(); ++k) {
        const double scale = std::max(std::fabs(run.grid[k]), 1e-3);
        worstGrid = std::max(worstGrid, std::fabs(grid[k] - run.grid[k]) / scale);
        ASSERT_LE(std::fabs(grid[k] - run.grid[k]), 1e-9 * scale) << "grid cell " << k;
    }
    std::cout << "[playground] grid " << run.gridDensity << "x" << run.gridDensity
              << " after epoch " << run.gridEpoch << ": worst relative difference " << worstGrid
              << "\n";
}

INSTANTIATE_TEST_SUITE_P(Recorded, PlaygroundRun, ::testing::ValuesIn(runFiles()),
                         [](const auto& info) {
                             std::string name = std::filesystem::path(info.param).stem().string();
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(PlaygroundImport, RejectsWhatItCannotReplay) {
    EXPECT_FALSE(nn::importPlaygroundRun("{").ok());
    EXPECT_FALSE(nn::importPlaygroundRun("{}").ok());
    const nn::PlaygroundImport r = nn::importPlaygroundRun(
        R"({"config": {"shape": [2, 1], "inputs": ["x", "y"], "batchSize": 10,
            "learningRate": 0.03, "activation": "swish", "outputActivation": "tanh"},
            "train": [], "test": [], "initialNetwork": [], "loss": []})");
    EXPECT_NE(r.error.find("swish"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace actlab::test
