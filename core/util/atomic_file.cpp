#include "atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace actlab {

namespace fs = std::filesystem;

namespace {

/// A fresh temporary next to `target`, created exclusively ("x"), so that two writers never
/// share one; nullptr when none can be created.
std::FILE* createTemporary(const fs::path& target, fs::path& temporary) {
    for (int attempt = 0; attempt < 100; ++attempt) {
        temporary = target;
        temporary += ".tmp" + std::to_string(attempt);
        if (std::FILE* f = std::fopen(temporary.c_str(), "wbx")) return f;
        if (errno != EEXIST) return nullptr;
    }
    return nullptr;
}

/// Writes `file` to a fresh temporary next to it; "" or the message (and no temporary).
std::string writeTemporary(const FileText& file, fs::path& temporary) {
    std::FILE* f = createTemporary(fs::path(file.path), temporary);
    if (!f) return "cannot write '" + file.path + "': cannot create a file in its folder";
    const bool written = std::fwrite(file.text.data(), 1, file.text.size(), f) == file.text.size();
    const bool closed = std::fflush(f) == 0;
    if (std::fclose(f) != 0 || !written || !closed) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return "cannot write '" + file.path + "': the disk may be full";
    }
    return "";
}

}  // namespace

std::string writeFilesAtomically(const std::vector<FileText>& files) {
    // Every file is written completely before any is renamed into place, so that a failure
    // leaves none of them.
    std::vector<fs::path> temporaries;
    const auto removeFrom = [&temporaries](std::size_t first) {
        std::error_code ignored;
        for (std::size_t i = first; i < temporaries.size(); ++i)
            fs::remove(temporaries[i], ignored);
    };
    for (const FileText& file : files) {
        fs::path temporary;
        if (std::string e = writeTemporary(file, temporary); !e.empty()) {
            removeFrom(0);
            return e;
        }
        temporaries.push_back(temporary);
    }
    for (const FileText& file : files) {
        std::error_code ec;
        if (fs::is_directory(file.path, ec)) {
            removeFrom(0);
            return "cannot write '" + file.path + "': it is a folder";
        }
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        fs::rename(temporaries[i], fs::path(files[i].path), ec);
        if (ec) {
            // The files already in place belong with this one: take them back out.
            std::error_code ignored;
            for (std::size_t k = 0; k < i; ++k) fs::remove(files[k].path, ignored);
            removeFrom(i);
            return "cannot write '" + files[i].path + "': " + ec.message();
        }
    }
    return "";
}

std::string outputPathProblem(const std::string& path) {
    std::error_code ec;
    const fs::path p(path);
    if (path.empty()) return "no output file given";
    if (fs::is_directory(p, ec)) return "cannot write '" + path + "': it is a folder";
    const fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec))
        return "cannot write '" + path + "': the folder '" + folder.string() + "' does not exist";
    return "";
}

std::string writeFileAtomically(const std::string& path, std::string_view text) {
    return writeFilesAtomically({{path, std::string(text)}});
}

std::string checkWritable(const std::string& path) {
    if (std::string problem = outputPathProblem(path); !problem.empty()) return problem;
    fs::path probe;
    std::FILE* f = createTemporary(fs::path(path), probe);
    if (!f) return "cannot write '" + path + "' (may its folder be written?)";
    std::fclose(f);
    std::error_code ignored;
    fs::remove(probe, ignored);
    return "";
}

}  // namespace actlab
