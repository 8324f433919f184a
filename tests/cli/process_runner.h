#pragma once
// Runs the real activation-lab binary and captures what it prints, for end-to-end tests.

#include <cstddef>
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

/// Runs `program args...` and sends it `signal` once its standard output holds `lines` lines.
/// A program still running 60 s after the signal is killed (exit code 128 + SIGKILL).
ProcessResult runProcessAndSignal(const std::string& program, const std::vector<std::string>& args,
                                  int signal, std::size_t lines);

/// Runs the activation-lab binary under test.
ProcessResult runApp(const std::vector<std::string>& args,
                     const std::vector<std::string>& unsetEnv = {});

/// runProcessAndSignal on the activation-lab binary under test.
ProcessResult runAppAndSignal(const std::vector<std::string>& args, int signal, std::size_t lines);

/// The path of the activation-lab binary under test.
std::string appPath();

/// A fresh temporary file path with this suffix (the file is not created).
std::string tempPath(const std::string& suffix);

}  // namespace actlab::test
