#include "arg_reader.h"

#include <charconv>
#include <filesystem>
#include <system_error>

namespace actlab::cli {

bool ArgReader::option(std::string_view name, bool takesValue, std::string* value) {
    if (!more()) return false;
    const std::string_view arg = m_args[m_pos];
    if (!arg.starts_with(name)) return false;
    const std::string_view rest = arg.substr(name.size());
    if (!rest.empty() && (!takesValue || rest.front() != '=')) return false;
    ++m_pos;
    if (!takesValue) return true;
    if (!rest.empty()) {
        *value = std::string(rest.substr(1));
    } else if (more()) {
        *value = m_args[m_pos++];  // values may start with '-' (negative numbers)
    } else {
        fail("option " + std::string(name) + " needs a value");
        return false;  // nothing to act on; the caller stops at error()
    }
    return true;
}

bool ArgReader::single(std::string_view name, std::string* value) {
    if (!option(name, true, value)) return false;
    for (const std::string& seen : m_seen)
        if (seen == name) {
            fail(std::string(name) + " is given more than once");
            return false;
        }
    m_seen.emplace_back(name);
    return true;
}

bool ArgReader::file(std::string_view name, std::string* value) {
    if (!single(name, value)) return false;
    if (value->empty()) {
        fail(std::string(name) + " needs a file name, got ''");
        return false;
    }
    return true;
}

bool samePath(const std::string& a, const std::string& b) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::equivalent(fs::path(a), fs::path(b), ec)) return true;  // both exist: links too
    // Files that do not exist yet: where they would be, through linked folders.
    const auto where = [](const std::string& p) {
        std::error_code e;
        fs::path absolute = fs::absolute(fs::path(p), e);
        if (e) absolute = fs::path(p);
        const fs::path canonical = fs::weakly_canonical(absolute, e);
        return e ? absolute.lexically_normal() : canonical;
    };
    return where(a) == where(b);
}

std::vector<std::string> split(std::string_view text, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(sep, start);
        out.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

std::optional<long long> parseCount(std::string_view text, long long max) {
    long long v = 0;
    const auto res = std::from_chars(text.data(), text.data() + text.size(), v);
    if (res.ec != std::errc() || res.ptr != text.data() + text.size() || v < 0 || v > max)
        return std::nullopt;
    return v;
}

}  // namespace actlab::cli
