#include "lessons/lesson_json.hpp"

#include "core/utf8.hpp"

namespace desa::lessons::json_read {

using nlohmann::json;

namespace {
// Characters in `s`, nullopt when it is not valid UTF-8.
std::optional<std::size_t> utf8_chars(std::string_view s) {
    std::size_t count = 0;
    while (!s.empty()) {
        char32_t cp = 0;
        const std::size_t used = decode_utf8(s, cp);
        if (used == 0) return std::nullopt;
        s.remove_prefix(used);
        ++count;
    }
    return count;
}
}  // namespace

const json* Reader::field(const json& object, const std::string& where, std::string_view key, bool required) {
    const std::string path = where.empty() ? std::string(key) : where + "." + std::string(key);
    if (!object.is_object()) {
        problem(ProblemKind::WrongType, where, "expected an object");
        return nullptr;
    }
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
        if (required) problem(ProblemKind::MissingField, path, "missing");
        return nullptr;
    }
    return &*it;
}

std::optional<std::string> Reader::string(const json& object, const std::string& where, std::string_view key,
                                          bool required) {
    const json* value = field(object, where, key, required);
    if (!value) return std::nullopt;
    if (!value->is_string()) {
        problem(ProblemKind::WrongType, where + "." + std::string(key), "expected text");
        return std::nullopt;
    }
    return value->get<std::string>();
}

std::optional<std::int64_t> Reader::integer(const json& object, const std::string& where, std::string_view key,
                                            bool required) {
    const json* value = field(object, where, key, required);
    if (!value) return std::nullopt;
    if (!value->is_number_integer()) {
        problem(ProblemKind::WrongType, where + "." + std::string(key), "expected a whole number");
        return std::nullopt;
    }
    return value->get<std::int64_t>();
}

LocalText Reader::text(const json& object, const std::string& where, std::string_view key, std::size_t max_chars,
                       bool required) {
    LocalText out;
    const std::string path = where.empty() ? std::string(key) : where + "." + std::string(key);
    const json* value = field(object, where, key, required);
    if (!value) return out;
    if (!value->is_object()) {
        problem(ProblemKind::WrongType, path, "expected {\"id\": ..., \"en\": ...}");
        return out;
    }
    for (const char* language : {"id", "en"}) {
        auto it = value->find(language);
        if (it == value->end() || it->is_null()) continue;
        if (!it->is_string()) {
            problem(ProblemKind::WrongType, path + "." + language, "expected text");
            continue;
        }
        std::string s = it->get<std::string>();
        const auto chars = utf8_chars(s);
        if (!chars) {
            problem(ProblemKind::WrongType, path + "." + language, "not valid UTF-8");
            continue;
        }
        if (*chars > max_chars)
            problem(ProblemKind::TextTooLong, path + "." + language,
                    std::to_string(*chars) + " characters, at most " + std::to_string(max_chars));
        (std::string_view(language) == "id" ? out.id : out.en) = std::move(s);
    }
    if (out.id.find_first_not_of(" \t\r\n") == std::string::npos)
        problem(ProblemKind::TextEmpty, path + ".id", "the Indonesian text is empty");
    return out;
}

bool Reader::id(const std::string& value, const std::string& where, std::size_t max_len, std::string_view extra) {
    bool ok = !value.empty() && value.size() <= max_len;
    for (char c : value)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || extra.find(c) != std::string_view::npos)) ok = false;
    if (!ok) problem(ProblemKind::BadId, where, "'" + value.substr(0, 60) + "' is not a valid id");
    return ok;
}

}  // namespace desa::lessons::json_read
