// The writer under failure: a file-size limit (ulimit -f), a full disk, a folder without write
// permission. The old file stays as it was, no temporary remains, and the message gives the
// system's reason. Also the streaming use (the train log) and what a replaced file keeps.

#include <gtest/gtest.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../file_size_limit.h"
#include "scratch_folder.h"
#include "util/atomic_file.h"

namespace actlab::test {
namespace {

namespace fs = std::filesystem;

class AtomicFileFailures : public ScratchFolderTest {
protected:
    void SetUp() override {
        // Short, so that messages show the whole path.
        static int count = 0;
        makeFolder(fs::temp_directory_path() /
                   ("actlab_af" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                    "_" + std::to_string(::getpid()) + "_" + std::to_string(count++)));
    }
    void TearDown() override {
        fs::permissions(m_dir, fs::perms::owner_all, fs::perm_options::add);  // a test may drop it
        ScratchFolderTest::TearDown();
    }
};

const std::string kOld = "the old contents, which must survive\n";

using test::withFileSizeLimit;

TEST_F(AtomicFileFailures, AFileSizeLimitLeavesTheOldFileAndSaysWhy) {
    const std::string target = path("save.json");
    std::ofstream(target) << kOld;
    std::string e;
    withFileSizeLimit(1024, [&] { e = writeFileAtomically(target, std::string(11'000, 'x')); });
    EXPECT_EQ(e, "cannot write '" + target + "': File too large");
    EXPECT_EQ(read(target), kOld);
    EXPECT_EQ(listing(), std::vector<std::string>{"save.json"});
    // The same through several files at once: none of them is replaced.
    std::ofstream(path("a.py")) << kOld;
    withFileSizeLimit(1024, [&] {
        e = writeFilesAtomically(
            {{path("a_data.csv"), std::string(5000, 'y')}, {path("a.py"), "print(1)\n"}});
    });
    EXPECT_NE(e.find("File too large"), std::string::npos) << e;
    EXPECT_EQ(read(path("a.py")), kOld);
    EXPECT_EQ(listing(), (std::vector<std::string>{"a.py", "save.json"}));
}

TEST_F(AtomicFileFailures, AStreamedFileReplacesTheOldOneOnlyWhenCommitted) {
    const std::string target = path("log.csv");
    std::ofstream(target) << kOld;
    {
        AtomicFile log;
        ASSERT_EQ(log.open(target), "");
        ASSERT_EQ(log.write("epoch,loss\n"), "");
        ASSERT_EQ(log.write("0,1\n"), "");
        ASSERT_EQ(log.flush(), "");
        // The rows are on their way in the temporary; the log is still the old one.
        EXPECT_EQ(read(log.temporaryPath()), "epoch,loss\n0,1\n");
        EXPECT_EQ(read(target), kOld);
    }  // destroyed without commit: discarded
    EXPECT_EQ(read(target), kOld);
    EXPECT_EQ(listing(), std::vector<std::string>{"log.csv"});

    AtomicFile log;
    ASSERT_EQ(log.open(target), "");
    ASSERT_EQ(log.write("epoch,loss\n0,1\n1,0.5\n"), "");
    ASSERT_EQ(log.commit(), "");
    EXPECT_FALSE(log.isOpen());
    EXPECT_EQ(read(target), "epoch,loss\n0,1\n1,0.5\n");
    EXPECT_EQ(listing(), std::vector<std::string>{"log.csv"});
    EXPECT_NE(log.write("more"), "");  // committed: closed
}

TEST_F(AtomicFileFailures, AStreamedWriteThatFailsDiscardsEverything) {
    const std::string target = path("log.csv");
    std::ofstream(target) << kOld;
    AtomicFile log;
    ASSERT_EQ(log.open(target), "");
    std::string e;
    withFileSizeLimit(2048, [&] {
        for (int row = 0; row < 1000 && e.empty(); ++row) {
            e = log.write(std::to_string(row) + ",0.123456789\n");
            if (e.empty()) e = log.flush();
        }
    });
    EXPECT_EQ(e, "cannot write '" + target + "': File too large");
    EXPECT_FALSE(log.isOpen());
    EXPECT_EQ(log.commit(), e);  // every later call gives the same message
    EXPECT_EQ(read(target), kOld);
    EXPECT_EQ(listing(), std::vector<std::string>{"log.csv"});
}

TEST_F(AtomicFileFailures, AReadOnlyFolderSaysPermissionDenied) {
    if (geteuid() == 0) GTEST_SKIP() << "root may write into a read-only folder";
    const std::string target = path("save.json");
    std::ofstream(target) << kOld;
    fs::permissions(m_dir, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_EQ(writeFileAtomically(target, "new"),
              "cannot write '" + target + "': Permission denied");
    fs::permissions(m_dir, fs::perms::owner_all);
    EXPECT_EQ(read(target), kOld);
    EXPECT_EQ(listing(), std::vector<std::string>{"save.json"});
}

TEST_F(AtomicFileFailures, DevicesAndPipesAreRefusedAndLeftInPlace) {
    // Renaming over them would replace the device node or the pipe by a plain file. The writer is
    // tried on a pipe of its own only: a device is only asked about, never written.
    const std::string kind = "it is not a regular file (a device, a pipe or a socket)";
    EXPECT_EQ(outputPathProblem("/dev/null"), "cannot write '/dev/null': " + kind);
    const std::string fifo = path("pipe");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const std::string message = "cannot write '" + fifo + "': " + kind;
    EXPECT_EQ(outputPathProblem(fifo), message);
    EXPECT_EQ(writeFileAtomically(fifo, "new"), message);
    AtomicFile file;
    EXPECT_EQ(file.open(fifo), message);
    EXPECT_FALSE(file.isOpen());
    struct stat st {};
    ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
    EXPECT_TRUE(S_ISFIFO(st.st_mode));
    EXPECT_EQ(listing(), std::vector<std::string>{"pipe"});
}

TEST_F(AtomicFileFailures, AFullDiskLeavesTheOldFileAndSaysNoSpace) {
    // A 64 KB tmpfs in a mount namespace of a child process (the test's own mounts are never
    // touched). Root may do that; elsewhere a user namespace may allow it; else the test skips.
    int pipeFds[2];
    ASSERT_EQ(pipe(pipeFds), 0);
    const std::string target = path("full/save.json");
    fs::create_directories(path("full"));
    const pid_t child = fork();
    if (child == 0) {
        close(pipeFds[0]);
        const auto report = [&](const std::string& text, int status) {
            [[maybe_unused]] const auto n = ::write(pipeFds[1], text.data(), text.size());
            _exit(status);
        };
        if (geteuid() != 0) {
            const uid_t uid = geteuid();
            const gid_t gid = getegid();
            if (unshare(CLONE_NEWUSER) != 0) report("no user namespace", 77);
            std::ofstream("/proc/self/setgroups") << "deny";
            std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
            std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
        }
        if (unshare(CLONE_NEWNS) != 0) report("no mount namespace", 77);
        if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            report("mounts cannot be made private", 77);
        if (mount("tmpfs", path("full").c_str(), "tmpfs", 0, "size=64k") != 0)
            report("tmpfs cannot be mounted", 77);
        { std::ofstream(target) << kOld; }
        std::string e = writeFileAtomically(target, std::string(200'000, 'x'));
        e += "\n" + read(target);
        for (const auto& entry : fs::directory_iterator(path("full")))
            e += "\n" + entry.path().filename().string();
        report(e, 0);
    }
    close(pipeFds[1]);
    std::string got;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        got.append(buffer, std::size_t(n));
    close(pipeFds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 77) GTEST_SKIP() << got;
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << got;
    EXPECT_EQ(got,
              "cannot write '" + target + "': No space left on device\n" + kOld + "\nsave.json");
}

TEST_F(AtomicFileFailures, AReplacedFileKeepsItsPermissionsAndLinks) {
    const std::string target = path("private.json");
    std::ofstream(target) << kOld;
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
    ASSERT_EQ(writeFileAtomically(target, "new\n"), "");
    EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write);
    // Through a symbolic link, the file it points to is replaced and the link stays.
    fs::create_symlink(target, path("link.json"));
    ASSERT_EQ(writeFileAtomically(path("link.json"), "through the link\n"), "");
    EXPECT_TRUE(fs::is_symlink(path("link.json")));
    EXPECT_EQ(read(target), "through the link\n");
    EXPECT_EQ(listing(), (std::vector<std::string>{"link.json", "private.json"}));
}

TEST_F(AtomicFileFailures, NamesOfAnyBytesAreWrittenExactly) {
    const std::string name = path("r\xe9sultat\xff.csv");
    ASSERT_EQ(writeFileAtomically(name, "x\n"), "");
    EXPECT_TRUE(fs::exists(fs::path(name)));
    EXPECT_EQ(listing(), std::vector<std::string>{"r\xe9sultat\xff.csv"});
    // A directory in the way: refused by name, nothing written.
    fs::create_directory(path("dir.csv"));
    EXPECT_EQ(writeFileAtomically(path("dir.csv"), "x"),
              "cannot write '" + path("dir.csv") + "': it is a directory");
}

}  // namespace
}  // namespace actlab::test
