#pragma once
// The field readers lesson_package.cpp checks course and lesson files with: each read either
// returns the value or records one problem naming the file and the JSON path, never throws.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lessons/lesson_package.hpp"

namespace desa::lessons::json_read {

struct Reader {
    std::string file;
    std::vector<PackageProblem>& problems;

    void problem(ProblemKind kind, const std::string& where, const std::string& what) {
        problems.push_back({kind, file, where.empty() ? what : where + ": " + what});
    }
    const nlohmann::json* field(const nlohmann::json& object, const std::string& where, std::string_view key,
                                bool required = true);
    std::optional<std::string> string(const nlohmann::json& object, const std::string& where, std::string_view key,
                                      bool required = true);
    std::optional<std::int64_t> integer(const nlohmann::json& object, const std::string& where, std::string_view key,
                                        bool required = true);
    // {"id": ..., "en": ...}: Indonesian required and non-empty, both at most max_chars characters.
    LocalText text(const nlohmann::json& object, const std::string& where, std::string_view key, std::size_t max_chars,
                   bool required = true);
    // [a-z0-9] plus `extra` characters, 1..max_len.
    bool id(const std::string& value, const std::string& where, std::size_t max_len, std::string_view extra);
};

}  // namespace desa::lessons::json_read
