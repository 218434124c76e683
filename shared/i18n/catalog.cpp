#include "i18n/catalog.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <spdlog/spdlog.h>
#include <sstream>
#include <stdexcept>

namespace desa::i18n {

std::string_view language_code(Language lang) {
    return lang == Language::Indonesian ? "id" : "en";
}

std::optional<Language> language_from_code(std::string_view code) {
    auto equals = [&](std::string_view want) {
        if (code.size() != want.size()) return false;
        for (std::size_t i = 0; i < code.size(); ++i) {
            const char c = code[i] >= 'A' && code[i] <= 'Z' ? static_cast<char>(code[i] - 'A' + 'a')
                                                             : code[i];
            if (c != want[i]) return false;
        }
        return true;
    };
    if (equals("id")) return Language::Indonesian;
    if (equals("en")) return Language::English;
    return std::nullopt;
}

// ------------------------------------------------------------------------------------ .po parser

namespace {

enum class Field { None, Context, Id, Str };

struct Entry {
    int line = 0;  // line of the msgid, for messages about the entry
    bool has_id = false, has_str = false, fuzzy = false, broken = false;
    std::string id, str;
};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Parses one "..." literal at the start of `s`; the rest of the line must be blank.
std::optional<std::string> parse_string(std::string_view s, std::string& error) {
    if (s.empty() || s.front() != '"') {
        error = "expected a quoted string";
        return std::nullopt;
    }
    std::string out;
    std::size_t i = 1;
    for (;; ++i) {
        if (i >= s.size()) {
            error = "unterminated string";
            return std::nullopt;
        }
        const char c = s[i];
        if (c == '"') break;
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i >= s.size()) {
            error = "unterminated string";
            return std::nullopt;
        }
        switch (s[i]) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            default:
                error = std::string("unknown escape \\") + s[i];
                return std::nullopt;
        }
    }
    if (!trim(s.substr(i + 1)).empty()) {
        error = "unexpected text after the closing quote";
        return std::nullopt;
    }
    return out;
}

class PoParser {
public:
    explicit PoParser(std::vector<PoParseError>& errors) : errors_(errors) {}

    void line(int number, std::string_view raw) {
        const std::string_view text = trim(raw);
        if (text.empty()) return;
        if (text.front() == '#') {
            // "#, fuzzy" marks an unreviewed translation; gettext does not use those either.
            if (text.starts_with("#,") && text.find("fuzzy") != std::string_view::npos) {
                pending_fuzzy_ = true;
            }
            return;
        }
        if (text.front() == '"') return continuation(number, text);

        const std::size_t space = text.find_first_of(" \t\"");
        const std::string_view keyword = text.substr(0, space);
        const std::string_view rest = space == std::string_view::npos ? "" : trim(text.substr(space));
        if (keyword == "msgctxt") return start_entry(number, Field::Context, rest);
        if (keyword == "msgid") return start_entry(number, Field::Id, rest);
        if (keyword == "msgstr") return msgstr(number, rest);
        if (keyword == "msgid_plural" || keyword.starts_with("msgstr[")) {
            fail(number, "plural forms are not supported");
        } else {
            fail(number, "unknown keyword '" + std::string(keyword) + "'");
        }
        entry_.broken = true;
        field_ = Field::None;
    }

    std::map<std::string, std::string, std::less<>> finish() {
        finish_entry();
        return std::move(messages_);
    }

private:
    void fail(int line, std::string message) { errors_.push_back({line, std::move(message)}); }

    std::optional<std::string> value(int number, std::string_view rest) {
        std::string error;
        auto s = parse_string(rest, error);
        if (!s) {
            fail(number, error);
            entry_.broken = true;
        }
        return s;
    }

    void start_entry(int number, Field field, std::string_view rest) {
        // msgctxt "..." then msgid "..." is one entry; any other keyword line starts the next one.
        const bool after_own_context = field == Field::Id && field_ == Field::Context && !entry_.has_id;
        if (!after_own_context) {
            if (entry_.has_id) {
                finish_entry();
            } else if (field_ == Field::Context) {
                fail(number, "msgctxt without msgid");
            }
            begin_entry();
        }
        if (field == Field::Id) {
            entry_.has_id = true;
            entry_.line = number;
        }
        field_ = field;
        if (auto s = value(number, rest)) target() = std::move(*s);
    }

    void msgstr(int number, std::string_view rest) {
        if (!entry_.has_id || entry_.has_str) {
            fail(number, "msgstr without msgid");
            entry_.broken = true;
            field_ = Field::None;
            return;
        }
        entry_.has_str = true;
        field_ = Field::Str;
        if (auto s = value(number, rest)) entry_.str = std::move(*s);
    }

    void continuation(int number, std::string_view text) {
        if (field_ == Field::None) {
            fail(number, "string without msgid or msgstr before it");
            return;
        }
        if (auto s = value(number, text)) target() += *s;
    }

    std::string& target() {
        return field_ == Field::Str ? entry_.str : field_ == Field::Id ? entry_.id : context_;
    }

    void finish_entry() {
        if (!entry_.has_id) return;
        if (!entry_.has_str) {
            if (!entry_.broken) fail(entry_.line, "msgid \"" + entry_.id + "\" has no msgstr");
        } else if (!entry_.id.empty()) {
            // msgctxt is ignored, so the same msgid twice would silently shadow one translation.
            if (const auto [it, fresh] = seen_.emplace(entry_.id, entry_.line); !fresh) {
                fail(entry_.line, "duplicate msgid \"" + entry_.id + "\" (first on line " +
                                      std::to_string(it->second) + ")");
            } else if (!entry_.broken && !entry_.fuzzy && !entry_.str.empty()) {
                messages_.emplace(entry_.id, entry_.str);
            }
        }
        entry_.has_id = false;
    }

    void begin_entry() {
        entry_ = Entry{};
        entry_.fuzzy = std::exchange(pending_fuzzy_, false);
        context_.clear();
        field_ = Field::None;
    }

    std::vector<PoParseError>& errors_;
    std::map<std::string, std::string, std::less<>> messages_;
    std::map<std::string, int, std::less<>> seen_;
    Entry entry_;
    std::string context_;
    Field field_ = Field::None;
    bool pending_fuzzy_ = false;
};

}  // namespace

std::map<std::string, std::string, std::less<>> parse_po(std::string_view text,
                                                         std::vector<PoParseError>& errors) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    PoParser parser(errors);
    int number = 1;
    while (!text.empty()) {
        const std::size_t nl = text.find('\n');
        parser.line(number++, text.substr(0, nl));
        text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    }
    return parser.finish();
}

// -------------------------------------------------------------------------------------- Catalog

namespace {

std::map<std::string, std::string, std::less<>> load_po_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw std::runtime_error(file.string() + ": cannot open translation catalogue (" +
                                 std::strerror(errno) + ")");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    std::vector<PoParseError> errors;
    auto messages = parse_po(buffer.str(), errors);
    if (!errors.empty()) {
        std::string message = file.string() + ":" + std::to_string(errors.front().line) + ": " +
                              errors.front().message;
        if (errors.size() > 1) message += " (and " + std::to_string(errors.size() - 1) + " more)";
        throw std::runtime_error(message);
    }
    return messages;
}

void drop_empty(std::map<std::string, std::string, std::less<>>& messages) {
    std::erase_if(messages, [](const auto& kv) { return kv.second.empty(); });
}

}  // namespace

namespace {

// Every <dir>/<code>/*.po in name order, merged; one message id defined in two files is an error
// (which text wins would otherwise depend on file order).
std::map<std::string, std::string, std::less<>> load_language_dir(const std::filesystem::path& dir, Language lang) {
    const std::filesystem::path folder = dir / std::string(language_code(lang));
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
        if (entry.path().extension() == ".po") files.push_back(entry.path());
    if (ec || files.empty())
        throw std::runtime_error(folder.string() + ": cannot open translation catalogue (" +
                                 (ec ? ec.message() : std::string("no .po files")) + ")");
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string, std::less<>> merged;
    std::map<std::string, std::filesystem::path, std::less<>> origin;
    for (const auto& file : files) {
        for (auto& [id, text] : load_po_file(file)) {
            if (auto it = origin.find(id); it != origin.end())
                throw std::runtime_error(file.string() + ": message id '" + id +
                                         "' is already defined in " + it->second.string());
            origin.emplace(id, file);
            merged.emplace(id, std::move(text));
        }
    }
    return merged;
}

}  // namespace

Catalog Catalog::load_dir(const std::filesystem::path& dir) {
    return from_maps(load_language_dir(dir, Language::Indonesian),
                     load_language_dir(dir, Language::English));
}

Catalog Catalog::from_maps(std::map<std::string, std::string, std::less<>> indonesian,
                           std::map<std::string, std::string, std::less<>> english) {
    Catalog c;
    c.id_ = std::move(indonesian);
    c.en_ = std::move(english);
    drop_empty(c.id_);  // an empty string is an untranslated one, as in .po files
    drop_empty(c.en_);
    return c;
}

const std::string& Catalog::tr(Language lang, std::string_view id) const {
    if (lang == Language::English) {
        if (auto it = en_.find(id); it != en_.end()) return it->second;
    }
    if (auto it = id_.find(id); it != id_.end()) return it->second;
    auto [it, fresh] = echoed_.emplace(std::string(id), std::string(id));
    if (fresh) spdlog::warn("i18n: no text for message id '{}'", id);  // once per id
    return it->second;
}

std::string Catalog::format(Language lang, std::string_view id,
                            std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    const std::string& pattern = tr(lang, id);
    std::string out;
    out.reserve(pattern.size());
    std::size_t i = 0;
    while (i < pattern.size()) {
        const std::size_t open = pattern.find('{', i);
        if (open == std::string::npos) break;
        const std::size_t close = pattern.find('}', open + 1);
        if (close == std::string::npos) break;
        out.append(pattern, i, open - i);
        const std::string_view name(pattern.data() + open + 1, close - open - 1);
        const auto* arg = std::find_if(args.begin(), args.end(),
                                       [&](const auto& a) { return a.first == name; });
        // Values are inserted as they are and never rescanned, so a name typed by a resident
        // cannot expand into another placeholder. Unknown placeholders stay visible.
        if (arg != args.end()) {
            out += arg->second;
        } else {
            out.append(pattern, open, close - open + 1);
        }
        i = close + 1;
    }
    out.append(pattern, i, std::string::npos);
    return out;
}

bool Catalog::has(Language lang, std::string_view id) const {
    const auto& messages = lang == Language::Indonesian ? id_ : en_;
    return messages.find(id) != messages.end();
}

std::vector<std::string> Catalog::missing_in(Language lang) const {
    const auto& have = lang == Language::Indonesian ? id_ : en_;
    const auto& other = lang == Language::Indonesian ? en_ : id_;
    std::vector<std::string> missing;
    for (const auto& [id, text] : other) {
        if (have.find(id) == have.end()) missing.push_back(id);
    }
    return missing;
}

}  // namespace desa::i18n
