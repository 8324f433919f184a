#pragma once
// Runs the real activation-lab binary and captures what it prints, for end-to-end tests.

#include <string>
#include <vector>

namespace actlab::test {

struct ProcessResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs `program args...` with `unsetEnv` removed from the environment, stdin from /dev/null.
ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args,
                         const std::vector<std::string>& unsetEnv = {});

/// Runs the activation-lab binary under test.
ProcessResult runApp(const std::vector<std::string>& args,
                     const std::vector<std::string>& unsetEnv = {});

/// A fresh temporary file path with this suffix (the file is not created).
std::string tempPath(const std::string& suffix);

}  // namespace actlab::test
