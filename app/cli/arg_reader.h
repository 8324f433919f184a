#pragma once
// A small reader for "--name value" and "--name=value" style arguments, shared by the headless
// subcommands. It never throws: problems are collected as one-line messages.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace actlab::cli {

class ArgReader {
public:
    explicit ArgReader(const std::vector<std::string>& args) : m_args(args) {}

    /// True while arguments remain.
    bool more() const { return m_pos < m_args.size(); }

    /// If the next argument is the option `name` (as "--name" or "--name=value"), consumes it and
    /// returns true. `value` receives its value when `takesValue`; a missing value sets error()
    /// and returns false.
    bool option(std::string_view name, bool takesValue, std::string* value = nullptr);

    /// option(name, true, value) for an option that may be given once: a second "--name" sets
    /// error() ("--name is given more than once") and returns false.
    bool single(std::string_view name, std::string* value);

    /// single() for an option naming a file: an empty value ("--log ''") sets error() too.
    bool file(std::string_view name, std::string* value);

    /// The argument that no option() call accepted; consumes it.
    std::string unknown() { return m_args[m_pos++]; }

    const std::string& error() const { return m_error; }
    void fail(std::string message) {
        if (m_error.empty()) m_error = std::move(message);
    }

private:
    const std::vector<std::string>& m_args;
    std::size_t m_pos = 0;
    std::string m_error;
    std::vector<std::string> m_seen;  // the options single() accepted
};

/// Whether two paths name the same file: the same path once made absolute and normalised, the
/// same file on the disk (hard links, symbolic links), or the same place through linked folders.
bool samePath(const std::string& a, const std::string& b);

/// Splits "a,b,c" at `sep`; keeps empty fields.
std::vector<std::string> split(std::string_view text, char sep);

/// A whole string as a non-negative integer no larger than `max`.
std::optional<long long> parseCount(std::string_view text, long long max);

}  // namespace actlab::cli
