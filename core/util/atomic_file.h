#pragma once
// The one way the program writes files (the GUI's QSaveFile-based writer in ui/common is the
// other): each file goes to a temporary file in its own folder, which is flushed to the disk and
// renamed over the target only once it is completely written. On any failure the old file is
// untouched, no temporary is left behind, and the message gives the system's reason ("No space
// left on device", "File too large", "Permission denied").

#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace actlab {

struct FileText {
    std::string path;
    std::string text;
};

/// A file written in pieces and put in place whole. open() creates the temporary, write()
/// appends to it, commit() flushes it to the disk and renames it over the target. A failed
/// write, discard() or destruction without commit() removes the temporary and leaves the target
/// as it was. The target's name is passed to the system unchanged, whatever its bytes; a target
/// that is a symbolic link is replaced through the link; an existing target's permissions are
/// kept.
class AtomicFile {
public:
    AtomicFile() = default;
    ~AtomicFile() { discard(); }
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;
    AtomicFile(AtomicFile&& other) noexcept;
    AtomicFile& operator=(AtomicFile&& other) noexcept;

    /// Starts writing `path` (discarding anything open before). "" or the message.
    std::string open(const std::string& path);
    /// Appends `text`. "" or the message; after a failure the file is discarded and every later
    /// call returns the same message.
    std::string write(std::string_view text);
    /// Hands what was written so far to the system (the temporary holds it whole if the program
    /// is killed), without putting the file in place. "" or the message.
    std::string flush();
    /// Flushes the file to the disk (fsync) and renames it over the target. "" or the message;
    /// either way no temporary remains.
    std::string commit();
    /// Removes the temporary; the target stays as it was.
    void discard();

    bool isOpen() const { return m_file != nullptr; }
    const std::string& path() const { return m_path; }
    /// The temporary being written ("" when none), for tests.
    std::string temporaryPath() const { return m_temporary.string(); }

private:
    friend std::string writeFilesAtomically(const std::vector<FileText>& files);
    std::string fail(int error, const char* fallback);
    std::string finishWriting();
    std::string putInPlace();

    std::string m_path;              // as given, for messages
    std::filesystem::path m_target;  // the file renamed over (a link's target)
    std::filesystem::path m_temporary;
    std::FILE* m_file = nullptr;
    std::string m_error;
};

/// Writes one file whole or not at all. "" or a one-line message naming the file.
std::string writeFileAtomically(const std::string& path, std::string_view text);

/// Writes the files: all of them are written to temporaries and flushed first, then renamed into
/// place, so that a failed write leaves none of them (a file it replaced is gone only if a later
/// rename of the same call fails, which a directory in the way cannot cause: that is checked
/// first). Returns "" or a one-line message naming the file.
std::string writeFilesAtomically(const std::vector<FileText>& files);

/// Why `path` cannot be written as a file, checked before any work: no name, a directory, a
/// device, pipe or socket (which a rename would replace), or its folder does not exist; "" when
/// it looks writable (the write itself reports the rest). AtomicFile::open checks it too.
std::string outputPathProblem(const std::string& path);

/// Checks, before a long computation, that `path` can be written later: it is not a folder, and
/// a temporary file can be created and removed beside it. "" when it can, else a message.
std::string checkWritable(const std::string& path);

/// Makes a write beyond the file-size limit (`ulimit -f`) fail with "File too large", reported
/// like any other failed write, instead of killing the process with SIGXFSZ. Programs that write
/// files call it once at the start; it does nothing where the signal does not exist.
void ignoreFileSizeSignal();

}  // namespace actlab
