#include "session_limits.h"

#include <nlohmann/json.hpp>

#include "util/json_guard.h"
#include "util/message_text.h"

namespace actlab::nn {

namespace {

using Json = nlohmann::ordered_json;

/// A title or description: a string, or an object of strings by language.
std::string checkText(const Json& document, const char* key) {
    if (!document.contains(key)) return "";
    const Json& value = document.at(key);
    const auto check = [&](const Json& text, const std::string& path) -> std::string {
        if (!text.is_string()) return "";
        const std::size_t chars = utf8Length(text.get_ref<const std::string&>());
        if (chars <= kMaxSessionTextChars) return "";
        return path + ": " + countText(chars) + " characters; at most " +
               countText(kMaxSessionTextChars) + " are allowed";
    };
    if (value.is_object()) {
        for (const auto& [language, text] : value.items())
            if (std::string e = check(text, std::string(key) + "." + printable(language, 20));
                !e.empty())
                return e;
        return "";
    }
    return check(value, key);
}

}  // namespace

std::string checkSessionText(std::string_view text) {
    JsonLimits limits;
    limits.maxDepth = kMaxSessionDepth;
    // Each point is an array of three numbers; the rest of a session (weights included) holds far
    // fewer values than the points may.
    limits.maxValues = 4 * kMaxSessionPoints + 100'000;
    std::string e = checkJsonText(text, limits);
    if (e.starts_with("more than"))
        e = "document: " + e + "; a session holds at most " + countText(kMaxSessionPoints) +
            " points";
    return e;
}

std::string checkSessionTree(const Json& document) {
    if (!document.is_object()) return "";
    for (const char* key : {"title", "description"})
        if (std::string e = checkText(document, key); !e.empty()) return e;
    const auto data = document.find("data");
    if (data == document.end() || !data->is_object()) return "";
    const auto points = data->find("points");
    if (points == data->end() || !points->is_object()) return "";
    std::size_t count = 0;
    for (const char* set : {"train", "test"})
        if (const auto it = points->find(set); it != points->end() && it->is_array())
            count += it->size();
    if (count > kMaxSessionPoints)
        return "data.points: " + countText(count) + " points; a session holds at most " +
               countText(kMaxSessionPoints);
    return "";
}

}  // namespace actlab::nn
