#include "atomic_file.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <system_error>

namespace actlab {

namespace {

/// A fresh name beside `path` ("results.csv.tmp-3f2a9c1e"): the same folder, so that the rename
/// stays within one file system and is atomic.
std::string temporaryName(const std::string& path) {
    static const char* kHex = "0123456789abcdef";
    std::random_device device;
    std::string suffix;
    for (unsigned v = device(), i = 0; i < 8; ++i, v >>= 4) suffix += kHex[v & 15u];
    return path + ".tmp-" + suffix;
}

}  // namespace

std::string writeFileAtomically(const std::string& path, std::string_view text) {
    const std::string temporary = temporaryName(path);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        out.flush();
        if (!out) {
            std::error_code ignored;
            std::filesystem::remove(temporary, ignored);
            return "cannot write '" + path + "'";
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return "cannot write '" + path + "': " + ec.message();
    }
    return "";
}

std::string checkWritable(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return "'" + path + "' is a folder, not a file";
    const std::string probe = temporaryName(path);
    const bool ok = static_cast<bool>(std::ofstream(probe, std::ios::binary | std::ios::trunc));
    std::filesystem::remove(probe, ec);
    return ok ? "" : "cannot write '" + path + "' (does its folder exist, and may it be written?)";
}

}  // namespace actlab
