#pragma once
// Reading input files whole, with a size limit checked before anything is read, and messages
// that give the operating system's reason ("No such file or directory").

#include <cstdint>
#include <string>

namespace actlab {

/// The bytes of a file, or why they could not be read.
struct FileBytes {
    std::string text;
    std::string error;   ///< "" or one line: "cannot open 'PATH': REASON" (or "cannot read")
    std::string reason;  ///< the REASON alone ("No such file or directory", "it is a directory")
    bool ok() const { return error.empty(); }
};

/// Reads the file at `path` (its name is passed to the system unchanged, whatever its bytes).
/// A directory, a missing or unreadable file and a file larger than `maxBytes` are refused; the
/// size is checked before reading, and again while reading (for files whose size is not known
/// in advance, such as pipes).
FileBytes readFileBytes(const std::string& path, std::uintmax_t maxBytes);

/// Why `path` cannot be read as an input file ("cannot open 'PATH': it is a directory"), checked
/// before any work; "" when it looks readable.
std::string inputPathProblem(const std::string& path);

/// "1 MB", "64 MB", "512 bytes": a size limit as messages state it.
std::string sizeText(std::uintmax_t bytes);

}  // namespace actlab
