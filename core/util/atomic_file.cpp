#include "atomic_file.h"

#include <cerrno>
#include <csignal>
#include <system_error>
#include <utility>

#include "message_text.h"

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#define ACTLAB_HAVE_FSYNC 1
#elif defined(_WIN32)
#include <io.h>
#define ACTLAB_HAVE_COMMIT 1
#else
#define ACTLAB_HAVE_FSYNC 0
#endif

namespace actlab {

namespace fs = std::filesystem;

namespace {

std::string cannotWrite(const std::string& path, const std::string& reason) {
    return "cannot write '" + printablePath(path) + "': " + reason;
}

/// The file's data on the disk, not only in the system's cache: a rename that reaches the disk
/// before the data would leave an empty file after a power cut. 0 or -1 with errno.
int syncToDisk(std::FILE* f) {
#if defined(ACTLAB_HAVE_COMMIT)
    return ::_commit(::_fileno(f));
#elif ACTLAB_HAVE_FSYNC
    return ::fsync(::fileno(f));
#else
    (void)f;
    return 0;
#endif
}

}  // namespace

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : m_path(std::move(other.m_path)),
      m_target(std::move(other.m_target)),
      m_temporary(std::exchange(other.m_temporary, {})),
      m_file(std::exchange(other.m_file, nullptr)),
      m_error(std::move(other.m_error)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
    if (this != &other) {
        discard();
        m_path = std::move(other.m_path);
        m_target = std::move(other.m_target);
        m_temporary = std::exchange(other.m_temporary, {});
        m_file = std::exchange(other.m_file, nullptr);
        m_error = std::move(other.m_error);
    }
    return *this;
}

std::string AtomicFile::fail(int error, const char* fallback) {
    // The system's words for errno; a short write that set none says so in ours.
    const std::string reason =
        error != 0 ? std::generic_category().message(error) : std::string(fallback);
    discard();
    m_error = cannotWrite(m_path, reason);
    return m_error;
}

std::string AtomicFile::open(const std::string& path) {
    discard();
    m_path = path;
    m_error.clear();
    if (std::string problem = outputPathProblem(path); !problem.empty()) return m_error = problem;
    m_target = fs::path(path);
    std::error_code ec;
    if (fs::is_symlink(m_target, ec)) {
        // Replace the file the link points to, not the link.
        const fs::path resolved = fs::canonical(m_target, ec);
        if (!ec) m_target = resolved;
    }
    // A fresh temporary next to the target, created exclusively ("x"), so that two writers never
    // share one; one left by a killed process is skipped.
    for (int attempt = 0; attempt < 1000; ++attempt) {
        fs::path temporary = m_target;
        temporary += ".tmp" + std::to_string(attempt);
        errno = 0;
        if (std::FILE* f = std::fopen(temporary.c_str(), "wbx")) {
            m_file = f;
            m_temporary = temporary;
            return "";
        }
        if (errno != EEXIST) return fail(errno, "a temporary file cannot be created");
    }
    return fail(EEXIST, "");
}

std::string AtomicFile::write(std::string_view text) {
    if (!m_file) return m_error.empty() ? cannotWrite(m_path, "the file is not open") : m_error;
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), m_file) != text.size())
        return fail(errno, "only part of the data was written");
    return "";
}

std::string AtomicFile::flush() {
    if (!m_file) return m_error.empty() ? cannotWrite(m_path, "the file is not open") : m_error;
    errno = 0;
    if (std::fflush(m_file) != 0) return fail(errno, "only part of the data was written");
    return "";
}

std::string AtomicFile::finishWriting() {
    if (std::string e = flush(); !e.empty()) return e;
    errno = 0;
    if (syncToDisk(m_file) != 0) return fail(errno, "the data could not be written to the disk");
    std::FILE* f = std::exchange(m_file, nullptr);
    errno = 0;
    if (std::fclose(f) != 0) return fail(errno, "the file could not be closed");
    return "";
}

std::string AtomicFile::putInPlace() {
    std::error_code ec;
    if (fs::is_directory(m_target, ec)) {
        discard();
        return m_error = cannotWrite(m_path, "it is a directory");
    }
    // Keep who may read the old file: a private file stays private.
    if (const fs::file_status old = fs::status(m_target, ec); !ec && fs::is_regular_file(old))
        fs::permissions(m_temporary, old.permissions(), ec);
    fs::rename(m_temporary, m_target, ec);
    if (ec) return fail(ec.value(), "it cannot be replaced");
    m_temporary.clear();
    return "";
}

std::string AtomicFile::commit() {
    if (!m_file) return m_error.empty() ? cannotWrite(m_path, "the file is not open") : m_error;
    if (std::string e = finishWriting(); !e.empty()) return e;
    return putInPlace();
}

void AtomicFile::discard() {
    if (m_file) std::fclose(std::exchange(m_file, nullptr));
    if (!m_temporary.empty()) {
        std::error_code ignored;
        fs::remove(m_temporary, ignored);
        m_temporary.clear();
    }
}

std::string writeFileAtomically(const std::string& path, std::string_view text) {
    AtomicFile file;
    if (std::string e = file.open(path); !e.empty()) return e;
    if (std::string e = file.write(text); !e.empty()) return e;
    return file.commit();
}

std::string writeFilesAtomically(const std::vector<FileText>& files) {
    // Every file is written and flushed before any is renamed into place, so that a failure
    // leaves none of them. The destructors remove the temporaries of an early return.
    std::vector<AtomicFile> out(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (std::string e = out[i].open(files[i].path); !e.empty()) return e;
        if (std::string e = out[i].write(files[i].text); !e.empty()) return e;
    }
    for (AtomicFile& file : out)
        if (std::string e = file.finishWriting(); !e.empty()) return e;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (std::string e = out[i].putInPlace(); !e.empty()) {
            // The files already in place belong with this one: take them back out.
            std::error_code ignored;
            for (std::size_t k = 0; k < i; ++k) fs::remove(out[k].m_target, ignored);
            return e;
        }
    }
    return "";
}

std::string outputPathProblem(const std::string& path) {
    if (path.empty()) return "no output file given";
    std::error_code ec;
    const fs::path p(path);
    if (fs::is_directory(p, ec)) return cannotWrite(path, "it is a directory");
    // A device, pipe or socket cannot be replaced by a renamed file, and must not be: renaming
    // over /dev/null would put a plain file in its place.
    if (const fs::file_status st = fs::status(p, ec); fs::exists(st) && !fs::is_regular_file(st))
        return cannotWrite(path, "it is not a regular file (a device, a pipe or a socket)");
    const fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec))
        return cannotWrite(path,
                           "the folder '" + printablePath(folder.string()) + "' does not exist");
    return "";
}

std::string checkWritable(const std::string& path) {
    // Opening the temporary file beside the target and discarding it proves the folder takes it.
    AtomicFile probe;
    if (std::string problem = probe.open(path); !problem.empty()) return problem;
    probe.discard();
    return "";
}

void ignoreFileSizeSignal() {
#ifdef SIGXFSZ
    std::signal(SIGXFSZ, SIG_IGN);
#endif
}

}  // namespace actlab
