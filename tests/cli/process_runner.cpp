#include "process_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdlib>
#include <filesystem>

namespace actlab::test {

namespace {

/// Runs the program; with `signal` > 0, sends it once stdout holds `lines` lines.
ProcessResult run(const std::string& program, const std::vector<std::string>& args,
                  const std::vector<std::string>& unsetEnv, int signal, std::size_t lines) {
    int outPipe[2], errPipe[2];
    if (pipe(outPipe) != 0 || pipe(errPipe) != 0) return {};
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(outPipe[1], 1);
        dup2(errPipe[1], 2);
        const int devNull = open("/dev/null", O_RDONLY);
        dup2(devNull, 0);
        close(outPipe[0]);
        close(errPipe[0]);
        for (const std::string& name : unsetEnv) unsetenv(name.c_str());
        std::vector<char*> argv{const_cast<char*>(program.c_str())};
        for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(program.c_str(), argv.data());
        _exit(127);
    }
    close(outPipe[1]);
    close(errPipe[1]);
    ProcessResult result;
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2;
    char buf[65536];
    bool signalled = false;
    int waited = 0;  // ms since the signal
    while (open > 0) {
        if (signal > 0 && !signalled &&
            std::size_t(std::count(result.out.begin(), result.out.end(), '\n')) >= lines) {
            kill(pid, signal);
            signalled = true;
        }
        const int ready = poll(fds, 2, signalled ? 100 : -1);
        if (ready < 0) break;
        if (ready == 0) {
            if ((waited += 100) >= 60'000) kill(pid, SIGKILL);  // it did not stop: fail, not hang
            continue;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            const ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

}  // namespace

ProcessResult runProcess(const std::string& program, const std::vector<std::string>& args,
                         const std::vector<std::string>& unsetEnv) {
    return run(program, args, unsetEnv, 0, 0);
}

ProcessResult runProcessAndSignal(const std::string& program, const std::vector<std::string>& args,
                                  int signal, std::size_t lines) {
    return run(program, args, {}, signal, lines);
}

ProcessResult runApp(const std::vector<std::string>& args,
                     const std::vector<std::string>& unsetEnv) {
    return runProcess(ACTLAB_APP_PATH, args, unsetEnv);
}

ProcessResult runAppAndSignal(const std::vector<std::string>& args, int signal, std::size_t lines) {
    return runProcessAndSignal(ACTLAB_APP_PATH, args, signal, lines);
}

std::string appPath() {
    return ACTLAB_APP_PATH;
}

std::string tempPath(const std::string& suffix) {
    static std::atomic<int> counter{0};
    const auto dir = std::filesystem::temp_directory_path();
    return (dir / ("actlab-test-" + std::to_string(getpid()) + "-" +
                   std::to_string(counter++) + suffix))
        .string();
}

}  // namespace actlab::test
