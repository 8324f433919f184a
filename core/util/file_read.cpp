#include "file_read.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "message_text.h"

namespace actlab {

namespace fs = std::filesystem;

namespace {

std::string cannotOpen(const std::string& path, const std::string& reason) {
    return "cannot open '" + printablePath(path) + "': " + reason;
}

std::string cannotRead(const std::string& path, const std::string& reason) {
    return "cannot read '" + printablePath(path) + "': " + reason;
}

/// The system's text for an errno value, or `fallback` when there is none.
std::string reason(int error, const char* fallback) {
    return error != 0 ? std::generic_category().message(error) : std::string(fallback);
}

}  // namespace

std::string sizeText(std::uintmax_t bytes) {
    constexpr std::uintmax_t kMb = 1024 * 1024;
    if (bytes >= kMb && bytes % kMb == 0) return std::to_string(bytes / kMb) + " MB";
    return std::to_string(bytes) + " bytes";
}

std::string inputPathProblem(const std::string& path) {
    if (path.empty()) return "no input file given";
    std::error_code ec;
    const fs::file_status status = fs::status(fs::path(path), ec);
    if (ec || !fs::exists(status))
        return cannotOpen(path, reason(ec ? ec.value() : ENOENT, "it does not exist"));
    if (fs::is_directory(status)) return cannotOpen(path, "it is a directory");
    return "";
}

FileBytes readFileBytes(const std::string& path, std::uintmax_t maxBytes) {
    const auto refuse = [&path](bool opening, const std::string& why) {
        return FileBytes{{}, opening ? cannotOpen(path, why) : cannotRead(path, why), why};
    };
    std::error_code ec;
    const fs::path p(path);
    const fs::file_status status = fs::status(p, ec);
    if (ec || !fs::exists(status)) return refuse(true, reason(ec ? ec.value() : ENOENT, ""));
    if (fs::is_directory(status)) return refuse(true, "it is a directory");
    const std::string tooLarge = "it is larger than " + sizeText(maxBytes) + ", the limit";
    if (fs::is_regular_file(status)) {
        const std::uintmax_t size = fs::file_size(p, ec);
        if (!ec && size > maxBytes) return refuse(true, tooLarge);
    }
    errno = 0;
    std::FILE* f = std::fopen(p.c_str(), "rb");
    if (!f) return refuse(true, reason(errno, "it cannot be opened"));
    FileBytes result;
    char buffer[1 << 16];
    while (true) {
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, f);
        result.text.append(buffer, n);
        if (result.text.size() > maxBytes) {
            result = refuse(true, tooLarge);
            break;
        }
        if (n < sizeof buffer) {
            if (std::ferror(f)) result = refuse(false, reason(errno, "a read failed"));
            break;
        }
    }
    std::fclose(f);
    return result;
}

}  // namespace actlab
