// The atomic writer: files appear whole or not at all, and no temporary stays behind.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scratch_folder.h"
#include "util/atomic_file.h"

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

class AtomicFile : public ScratchFolderTest {
protected:
    void SetUp() override {
        makeFolder(fs::temp_directory_path() /
                   ("actlab_atomic_" +
                    std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name()));
    }
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
