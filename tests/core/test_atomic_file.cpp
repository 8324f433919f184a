// The atomic writer: files appear whole or not at all, and no temporary stays behind.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir =
            fs::temp_directory_path() /
            ("actlab_atomic_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }
    std::vector<std::string> listing() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(m_dir))
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
    fs::path m_dir;
};

TEST_F(AtomicFile, WritesEveryFileWholeAndReplacesOldOnes) {
    std::ofstream(path("a.py")) << "old contents that are longer than the new ones";
    EXPECT_EQ(
        writeFilesAtomically({{path("a_data.csv"), "x,y\n1,2\n"}, {path("a.py"), "print(1)\n"}}),
        "");
    EXPECT_EQ(read(path("a.py")), "print(1)\n");
    EXPECT_EQ(read(path("a_data.csv")), "x,y\n1,2\n");
    EXPECT_EQ(listing(), (std::vector<std::string>{"a.py", "a_data.csv"}));
}

TEST_F(AtomicFile, WritesNoneWhenOneCannotBeWritten) {
    const std::string missing = path("no/such/folder/b.py");
    const std::string e = writeFilesAtomically({{path("b_data.csv"), "x\n"}, {missing, "y\n"}});
    EXPECT_NE(e.find(missing), std::string::npos) << e;
    EXPECT_TRUE(listing().empty());  // neither file, nor a temporary
    // A folder where the file should be.
    fs::create_directory(path("c.py"));
    EXPECT_NE(writeFilesAtomically({{path("c_data.csv"), "x\n"}, {path("c.py"), "y\n"}}), "");
    EXPECT_EQ(listing(), std::vector<std::string>{"c.py"});
    EXPECT_TRUE(fs::is_directory(path("c.py")));
}

TEST_F(AtomicFile, NamesAnOutputPathThatCannotBeWritten) {
    EXPECT_EQ(outputPathProblem(path("fine.py")), "");
    EXPECT_NE(outputPathProblem(m_dir.string()).find("it is a directory"), std::string::npos);
    EXPECT_NE(outputPathProblem(path("missing/x.py")).find("does not exist"), std::string::npos);
    EXPECT_NE(outputPathProblem(""), "");
    EXPECT_TRUE(listing().empty());
}

}  // namespace
}  // namespace actlab::test
