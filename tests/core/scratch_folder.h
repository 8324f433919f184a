#pragma once
// A test fixture with a fresh folder of its own: paths in it, its sorted listing, a file's bytes.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace actlab::test {

/// Creates `m_dir` (named by the derived fixture) before each test and removes it after.
class ScratchFolderTest : public ::testing::Test {
protected:
    /// Makes the folder `dir` empty and current for the test.
    void makeFolder(const std::filesystem::path& dir) {
        m_dir = dir;
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    /// The names in the folder, sorted.
    std::vector<std::string> listing() const {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(m_dir))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    static std::string read(const std::string& p) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    std::filesystem::path m_dir;
};

}  // namespace actlab::test
