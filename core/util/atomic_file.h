#pragma once
// Writing a file all at once: through a temporary file in the same folder, renamed over the
// target once complete, so that a reader never sees half a file and an interrupted write leaves
// the target as it was.

#include <string>
#include <string_view>

namespace actlab {

/// Writes `text` to `path` atomically (see above). Returns "" on success, else a message that
/// names the file; the temporary file is removed on failure.
std::string writeFileAtomically(const std::string& path, std::string_view text);

/// Checks, before a long computation, that `path` can be written later: creates and removes a
/// temporary file beside it. "" when it can, else a message that names the file.
std::string checkWritable(const std::string& path);

}  // namespace actlab
