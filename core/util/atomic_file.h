#pragma once
// Writing files whole or not at all: each file goes to a temporary file in its own folder, which
// is renamed over the target only once it is completely written and flushed. A failed write
// leaves no partial file and no temporary behind.

#include <string>
#include <string_view>
#include <vector>

namespace actlab {

struct FileText {
    std::string path;
    std::string text;
};

/// Writes the files: all of them are written to temporaries first, then renamed into place, so
/// that a failed write leaves none of them (a file it replaced is gone only if a later rename of
/// the same call fails, which a folder in the way cannot cause: that is checked first). Returns
/// "" or a one-line message naming the file.
std::string writeFilesAtomically(const std::vector<FileText>& files);

/// Why `path` cannot be written as a file, checked before any work: it is a folder, or its
/// folder does not exist; "" when it looks writable (the write itself reports the rest).
std::string outputPathProblem(const std::string& path);

/// Writes one file atomically (see writeFilesAtomically). "" or a one-line message.
std::string writeFileAtomically(const std::string& path, std::string_view text);

/// Checks, before a long computation, that `path` can be written later: it is not a folder, and
/// a temporary file can be created and removed beside it. "" when it can, else a message.
std::string checkWritable(const std::string& path);

}  // namespace actlab
