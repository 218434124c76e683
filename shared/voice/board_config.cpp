#include "voice/board_config.hpp"

#include <algorithm>

#include "config/toml_type_name.hpp"

namespace desa::voice {
namespace {

using config::ConfigProblem;
using config::ProblemKind;

struct Reader {
    const toml::table& table;
    std::string file;
    std::vector<ConfigProblem>& problems;

    void add(std::string_view name, ProblemKind kind, std::string detail = {}) {
        problems.push_back(ConfigProblem{file, "board." + std::string(name), kind, std::move(detail)});
    }
    void wrong_type(std::string_view name, std::string_view expected, const toml::node& got) {
        add(name, ProblemKind::WrongType,
            "expected " + std::string(expected) + ", got " + config::toml_type_name(got.type()));
    }
    void boolean(std::string_view name, bool& out) {
        const toml::node* node = table.get(name);
        if (node == nullptr) return;
        if (const auto* b = node->as_boolean()) out = b->get();
        else wrong_type(name, "boolean", *node);
    }
    void integer(std::string_view name, int min, int max, int& out) {
        const toml::node* node = table.get(name);
        if (node == nullptr) return;
        const auto* i = node->as_integer();
        if (i == nullptr) return wrong_type(name, "integer", *node);
        if (i->get() < min || i->get() > max)
            return add(name, ProblemKind::OutOfRange,
                       "allowed " + std::to_string(min) + ".." + std::to_string(max) + ", got " + std::to_string(i->get()));
        out = static_cast<int>(i->get());
    }
};

bool valid_voice(std::string_view v) {
    return !v.empty() && v.size() <= 20 &&
           std::all_of(v.begin(), v.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

}  // namespace

BoardConfigLoad parse_board_config(const toml::table& board, std::string_view file_label) {
    BoardConfigLoad result;
    Reader r{board, std::string(file_label), result.problems};
    static constexpr std::string_view kKnown[] = {"speech", "chime",      "voice",      "rate_wpm",
                                                  "volume", "repeat", "last_calls", "highlight_s"};
    for (const auto& [key, node] : board)
        if (std::find(std::begin(kKnown), std::end(kKnown), key.str()) == std::end(kKnown))
            r.add(key.str(), ProblemKind::UnknownKey);

    BoardConfig cfg;
    r.boolean("speech", cfg.speech);
    r.boolean("chime", cfg.chime);
    if (const toml::node* node = board.get("voice")) {
        if (const auto* s = node->as_string(); s == nullptr) r.wrong_type("voice", "string", *node);
        else if (!valid_voice(s->get()))
            r.add("voice", ProblemKind::UnknownValue, "\"" + s->get() + "\"; an espeak-ng voice name such as \"id\"");
        else cfg.voice = s->get();
    }
    r.integer("rate_wpm", 80, 260, cfg.rate_wpm);
    r.integer("volume", 0, 100, cfg.volume);
    r.integer("repeat", 1, 3, cfg.repeat);
    r.integer("last_calls", 1, 10, cfg.last_calls);
    r.integer("highlight_s", 0, 120, cfg.highlight_s);

    if (result.problems.empty()) result.config = std::move(cfg);
    return result;
}

}  // namespace desa::voice
