#pragma once
// A disk that fills up during a write, for the tests of the writers: runs a body with the
// process's file-size limit lowered and SIGXFSZ ignored (as `trap '' XFSZ; ulimit -f` does), so
// that writes past the limit fail with EFBIG, then restores both.

#include <gtest/gtest.h>
#include <sys/resource.h>

#include <csignal>

namespace actlab::test {

/// Runs `body` with the file-size limit at `bytes` and SIGXFSZ ignored, restoring both after.
template <class Body>
void withFileSizeLimit(rlim_t bytes, Body body) {
    rlimit old{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = old;
    limited.rlim_cur = bytes;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &limited), 0);
    body();
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
}

}  // namespace actlab::test
