#include "config/kiosk_config.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <toml++/toml.h>

#include "config/toml_type_name.hpp"
#include "print/printer_output.hpp"
#include "security/admin_pin.hpp"
#include "security/sealed_box.hpp"

namespace desa::config {

namespace {

using i18n::Language;


// Limits are in characters as a person counts them, not UTF-8 bytes.
std::size_t count_chars(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

std::string join_key(std::string_view prefix, std::string_view name) {
    return prefix.empty() ? std::string(name) : std::string(prefix) + "." + std::string(name);
}

// Reads typed values out of the parsed document, recording every problem instead of stopping at
// the first, so one edit-and-retry round fixes the whole file.
class Reader {
public:
    Reader(std::string_view file, std::vector<ConfigProblem>& problems)
        : file_(file), problems_(problems) {}

    void problem(std::string key, ProblemKind kind, std::string detail) {
        problems_.push_back(ConfigProblem{file_, std::move(key), kind, std::move(detail)});
    }

    void wrong_type(std::string key, std::string_view expected, const toml::node& got) {
        problem(std::move(key), ProblemKind::WrongType,
                "expected " + std::string(expected) + ", got " + toml_type_name(got.type()));
    }

    void reject_unknown(const toml::table& table, std::string_view prefix,
                        std::initializer_list<std::string_view> known) {
        for (const auto& [key, node] : table) {
            if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
                problem(join_key(prefix, key.str()), ProblemKind::UnknownKey, "");
            }
        }
    }

    // nullptr when absent; a non-table is reported.
    const toml::table* table(const toml::table& parent, std::string_view prefix, std::string_view name) {
        const toml::node* node = parent.get(name);
        if (node == nullptr) return nullptr;
        if (const toml::table* t = node->as_table()) return t;
        wrong_type(join_key(prefix, name), "table", *node);
        return nullptr;
    }

    // A table that must be there: its absence is reported as the required key inside it missing,
    // which tells the operator exactly what to add.
    const toml::table* required_table(const toml::table& root, std::string_view name,
                                      std::string_view required_key) {
        if (root.get(name) == nullptr) {
            problem(std::string(required_key), ProblemKind::Missing, "");
            return nullptr;
        }
        return table(root, "", name);
    }

    // Absent -> nullopt (and Missing if required). Present but invalid -> reported, nullopt, and
    // `valid` cleared so dependent checks do not pile up on a value already reported.
    std::optional<std::string> text(const toml::table& t, std::string_view prefix, std::string_view name,
                                    bool required, std::size_t min_chars, std::size_t max_chars) {
        const toml::node* node = present(t, prefix, name, required);
        if (node == nullptr) return std::nullopt;
        const auto* s = node->as_string();
        if (s == nullptr) {
            wrong_type(join_key(prefix, name), "string", *node);
            return std::nullopt;
        }
        const std::size_t n = count_chars(s->get());
        if (n < min_chars || n > max_chars) {
            problem(join_key(prefix, name), ProblemKind::OutOfRange,
                    std::to_string(min_chars) + ".." + std::to_string(max_chars) + " characters, got " +
                        std::to_string(n));
            return std::nullopt;
        }
        return s->get();
    }

    std::optional<std::int64_t> integer(const toml::table& t, std::string_view prefix,
                                        std::string_view name, std::int64_t min, std::int64_t max) {
        const toml::node* node = present(t, prefix, name, false);
        if (node == nullptr) return std::nullopt;
        const auto* i = node->as_integer();
        if (i == nullptr) {
            wrong_type(join_key(prefix, name), "integer", *node);
            return std::nullopt;
        }
        if (i->get() < min || i->get() > max) {
            problem(join_key(prefix, name), ProblemKind::OutOfRange,
                    "allowed " + std::to_string(min) + ".." + std::to_string(max) + ", got " +
                        std::to_string(i->get()));
            return std::nullopt;
        }
        return i->get();
    }

    std::optional<bool> boolean(const toml::table& t, std::string_view prefix, std::string_view name) {
        const toml::node* node = present(t, prefix, name, false);
        if (node == nullptr) return std::nullopt;
        const auto* b = node->as_boolean();
        if (b == nullptr) {
            wrong_type(join_key(prefix, name), "boolean", *node);
            return std::nullopt;
        }
        return b->get();
    }

    // False when the key is present but was rejected.
    bool accepted(const toml::table& t, std::string_view name, const auto& value) const {
        return value.has_value() || t.get(name) == nullptr;
    }

private:
    const toml::node* present(const toml::table& t, std::string_view prefix, std::string_view name,
                              bool required) {
        const toml::node* node = t.get(name);
        if (node == nullptr && required) problem(join_key(prefix, name), ProblemKind::Missing, "");
        return node;
    }

    std::string file_;
    std::vector<ConfigProblem>& problems_;
};

void read_village(Reader& r, const toml::table* village, const regions::RegionRegistry& regions,
                  KioskConfig& cfg) {
    if (village == nullptr) return;
    r.reject_unknown(*village, "village", {"code"});
    const auto code = r.text(*village, "village", "code", true, 1, 32);
    if (!code) return;
    const regions::Region* region = regions.find(*code);
    if (region == nullptr) {
        r.problem("village.code", ProblemKind::UnknownVillage, *code + " is not in the region registry");
    } else if (region->level != regions::RegionLevel::Village) {
        r.problem("village.code", ProblemKind::UnknownVillage,
                  *code + " (" + region->name + ") is not a desa/kelurahan");
    } else {
        cfg.village_code = *code;
    }
}

void read_language(Reader& r, const toml::table& lang, KioskConfig& cfg) {
    r.reject_unknown(lang, "language", {"default", "available"});
    bool consistent_check = true;
    if (const auto code = r.text(lang, "language", "default", false, 0, 1000)) {
        if (const auto l = i18n::language_from_code(*code)) {
            cfg.default_language = *l;
        } else {
            r.problem("language.default", ProblemKind::UnknownValue, "\"" + *code + "\"; allowed: id, en");
            consistent_check = false;
        }
    } else if (lang.get("default") != nullptr) {
        consistent_check = false;
    }

    if (const toml::node* node = lang.get("available")) {
        const toml::array* list = node->as_array();
        if (list == nullptr) {
            r.wrong_type("language.available", "array of strings", *node);
            return;
        }
        if (list->empty()) {
            r.problem("language.available", ProblemKind::OutOfRange, "at least 1 language");
            return;
        }
        std::vector<Language> languages;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string key = "language.available[" + std::to_string(i) + "]";
            const toml::node& item = *list->get(i);
            const auto* s = item.as_string();
            if (s == nullptr) {
                r.wrong_type(key, "string", item);
                consistent_check = false;
                continue;
            }
            const auto l = i18n::language_from_code(s->get());
            if (!l) {
                r.problem(key, ProblemKind::UnknownValue, "\"" + s->get() + "\"; allowed: id, en");
                consistent_check = false;
            } else if (std::find(languages.begin(), languages.end(), *l) != languages.end()) {
                r.problem(key, ProblemKind::Inconsistent, "\"" + s->get() + "\" is listed twice");
            } else {
                languages.push_back(*l);
            }
        }
        if (!languages.empty()) cfg.languages = std::move(languages);
    }
    if (consistent_check && std::find(cfg.languages.begin(), cfg.languages.end(),
                                      cfg.default_language) == cfg.languages.end()) {
        r.problem("language.default", ProblemKind::Inconsistent,
                  "\"" + std::string(i18n::language_code(cfg.default_language)) +
                      "\" is not in language.available");
    }
}

void read_modules(Reader& r, const toml::table& mods, KioskConfig& cfg) {
    r.reject_unknown(mods, "modules", {"lessons", "library", "queue", "aspirations"});
    Modules& m = cfg.modules;
    if (auto v = r.boolean(mods, "modules", "lessons")) m.lessons = *v;
    if (auto v = r.boolean(mods, "modules", "library")) m.library = *v;
    if (auto v = r.boolean(mods, "modules", "queue")) m.queue = *v;
    if (auto v = r.boolean(mods, "modules", "aspirations")) m.aspirations = *v;
    if (!m.lessons && !m.library && !m.queue && !m.aspirations) {
        r.problem("modules", ProblemKind::Inconsistent, "at least one module must be enabled");
    }
}

void read_idle(Reader& r, const toml::table& idle, KioskConfig& cfg) {
    r.reject_unknown(idle, "idle", {"reset_after_s", "warn_before_s", "attract_after_s"});
    const auto reset = r.integer(idle, "idle", "reset_after_s", 15, 3600);
    const auto warn = r.integer(idle, "idle", "warn_before_s", 0, 120);
    const auto attract = r.integer(idle, "idle", "attract_after_s", 15, 86400);
    if (reset) cfg.idle_reset_after_s = static_cast<int>(*reset);
    if (warn) cfg.idle_warn_before_s = static_cast<int>(*warn);
    if (attract) cfg.attract_after_s = static_cast<int>(*attract);
    // Relations are checked on the effective values (defaults included), once each is valid.
    if (!r.accepted(idle, "reset_after_s", reset)) return;
    if (r.accepted(idle, "warn_before_s", warn) && cfg.idle_warn_before_s >= cfg.idle_reset_after_s) {
        r.problem("idle.warn_before_s", ProblemKind::Inconsistent,
                  std::to_string(cfg.idle_warn_before_s) + " must be less than idle.reset_after_s " +
                      std::to_string(cfg.idle_reset_after_s));
    }
    if (r.accepted(idle, "attract_after_s", attract) && cfg.attract_after_s < cfg.idle_reset_after_s) {
        r.problem("idle.attract_after_s", ProblemKind::Inconsistent,
                  std::to_string(cfg.attract_after_s) + " must be at least idle.reset_after_s " +
                      std::to_string(cfg.idle_reset_after_s));
    }
}

void read_slide(Reader& r, const toml::table& t, const std::string& prefix, std::vector<Slide>& out) {
    r.reject_unknown(t, prefix, {"title_id", "title_en", "body_id", "body_en"});
    Slide slide;
    bool ok = true;
    auto take = [&](std::string_view name, bool required, std::size_t min, std::size_t max,
                    std::string& into) {
        if (auto v = r.text(t, prefix, name, required, min, max)) {
            into = std::move(*v);
        } else if (required || t.get(name) != nullptr) {
            ok = false;
        }
    };
    take("title_id", true, 1, 80, slide.title_id);
    take("title_en", false, 0, 80, slide.title_en);
    take("body_id", false, 0, 400, slide.body_id);
    take("body_en", false, 0, 400, slide.body_en);
    if (ok) out.push_back(std::move(slide));
}

void read_attract(Reader& r, const toml::table& attract, KioskConfig& cfg) {
    r.reject_unknown(attract, "attract", {"slide_seconds", "running_text_id", "running_text_en", "slides"});
    if (auto v = r.integer(attract, "attract", "slide_seconds", 2, 600)) cfg.slide_seconds = static_cast<int>(*v);
    if (auto v = r.text(attract, "attract", "running_text_id", false, 0, 500)) cfg.running_text_id = *v;
    if (auto v = r.text(attract, "attract", "running_text_en", false, 0, 500)) cfg.running_text_en = *v;
    const toml::node* slides = attract.get("slides");
    if (slides == nullptr) return;
    const toml::array* list = slides->as_array();
    if (list == nullptr) {
        r.wrong_type("attract.slides", "array of tables ([[attract.slides]])", *slides);
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string prefix = "attract.slides[" + std::to_string(i) + "]";
        const toml::node& item = *list->get(i);
        if (const toml::table* t = item.as_table()) {
            read_slide(r, *t, prefix, cfg.slides);
        } else {
            r.wrong_type(prefix, "table", item);
        }
    }
}

std::optional<std::string> read_pin_hash(Reader& r, const toml::table& table, std::string_view section,
                                         std::string_view key, bool required) {
    // The hash never appears in a problem's detail: problems are shown on screen and logged.
    auto hash = r.text(table, section, key, required, 0, 1000);
    if (!hash) return std::nullopt;
    if (security::looks_like_argon2id_hash(*hash)) return hash;
    r.problem(std::string(section) + "." + std::string(key), ProblemKind::UnknownValue,
              "expected an Argon2id hash ($argon2id$v=19$...) made by `desa-kiosk hash-pin`");
    return std::nullopt;
}

void read_security(Reader& r, const toml::table* security, KioskConfig& cfg) {
    if (security == nullptr) return;
    r.reject_unknown(*security, "security", {"admin_pin_hash", "admin_max_attempts", "admin_lockout_s"});
    if (auto hash = read_pin_hash(r, *security, "security", "admin_pin_hash", true))
        cfg.admin_pin_hash = std::move(*hash);
    if (auto v = r.integer(*security, "security", "admin_max_attempts", 3, 10)) {
        cfg.admin_max_attempts = static_cast<int>(*v);
    }
    if (auto v = r.integer(*security, "security", "admin_lockout_s", 30, 86400)) {
        cfg.admin_lockout_s = static_cast<int>(*v);
    }
}

void read_library(Reader& r, const toml::table& library, KioskConfig& cfg) {
    r.reject_unknown(library, "library", {"librarian_pin_hash", "loan_days", "max_loans", "max_renewals"});
    if (auto hash = read_pin_hash(r, library, "library", "librarian_pin_hash", false))
        cfg.library.librarian_pin_hash = std::move(*hash);
    if (auto v = r.integer(library, "library", "loan_days", 1, 90)) cfg.library.loan_days = static_cast<int>(*v);
    if (auto v = r.integer(library, "library", "max_loans", 1, 20)) cfg.library.max_loans = static_cast<int>(*v);
    if (auto v = r.integer(library, "library", "max_renewals", 0, 5)) cfg.library.max_renewals = static_cast<int>(*v);
}

void read_province(Reader& r, const toml::table& province, KioskConfig& cfg) {
    r.reject_unknown(province, "province", {"public_key"});
    if (auto key = r.text(province, "province", "public_key", false, 0, 100)) {
        if (security::parse_box_public_key(*key)) cfg.province_public_key = std::move(*key);
        else r.problem("province.public_key", ProblemKind::UnknownValue, "expected 32 bytes in base64 (44 characters)");
    }
}

void read_aspirations(Reader& r, const toml::table& t, KioskConfig& cfg) {
    r.reject_unknown(t, "aspirations", {"max_per_minute", "max_photo_kb"});
    if (auto v = r.integer(t, "aspirations", "max_per_minute", 1, 60)) cfg.aspirations.max_per_minute = static_cast<int>(*v);
    if (auto v = r.integer(t, "aspirations", "max_photo_kb", 50, kMaxPhotoKb)) cfg.aspirations.max_photo_kb = static_cast<int>(*v);
}

void read_sync(Reader& r, const toml::table& t, KioskConfig& cfg) {
    r.reject_unknown(t, "sync", {"interval_minutes"});
    // At least a minute (a province of kiosks polling faster is a load, not freshness); at most a day.
    if (auto v = r.integer(t, "sync", "interval_minutes", 1, 24 * 60)) cfg.sync.interval_minutes = static_cast<int>(*v);
}

void read_printer(Reader& r, const toml::table& t, KioskConfig& cfg) {
    r.reject_unknown(t, "printer", {"device"});
    if (auto v = r.text(t, "printer", "device", false, 0, 300)) {
        // Refused at start-up, not at the first receipt: "printer.lan:99999" is a typo to fix now.
        if (v->empty() || print::parse_printer_target(*v)) cfg.printer = std::move(*v);
        else r.problem("printer.device", ProblemKind::UnknownValue,
                       "\"" + *v + "\"; expected /dev/usb/lp0, a file path, or host:port with port 1-65535");
    }
}

void read_camera(Reader& r, const toml::table& t, KioskConfig& cfg) {
    r.reject_unknown(t, "camera", {"device"});
    if (auto v = r.text(t, "camera", "device", false, 0, 40)) {
        // A V4L2 capture node and nothing else: the kiosk opens it read-write with ioctls.
        static const std::regex video(R"(/dev/video[0-9]{1,3})");
        if (v->empty() || std::regex_match(*v, video)) cfg.camera_device = std::move(*v);
        else r.problem("camera.device", ProblemKind::UnknownValue, "\"" + *v + "\"; expected /dev/video0 .. /dev/video999");
    }
}

std::string_view problem_message_id(ProblemKind kind) {
    switch (kind) {
        case ProblemKind::Syntax: return "config.problem.syntax";
        case ProblemKind::Missing: return "config.problem.missing";
        case ProblemKind::WrongType: return "config.problem.wrong_type";
        case ProblemKind::OutOfRange: return "config.problem.out_of_range";
        case ProblemKind::UnknownValue: return "config.problem.unknown_value";
        case ProblemKind::UnknownKey: return "config.problem.unknown_key";
        case ProblemKind::UnknownVillage: return "config.problem.unknown_village";
        case ProblemKind::Inconsistent: return "config.problem.inconsistent";
        case ProblemKind::Unreadable: return "config.problem.unreadable";
    }
    return "config.problem.unknown";
}

}  // namespace

std::string describe(const ConfigProblem& p, const i18n::Catalog& catalog, i18n::Language lang) {
    std::string out = p.file + ": ";
    if (!p.key.empty()) out += p.key + ": ";
    out += catalog.tr(lang, problem_message_id(p.kind));
    if (!p.detail.empty()) out += " (" + p.detail + ")";
    return out;
}

ConfigLoad parse_kiosk_config(std::string_view toml_text, std::string_view file_label,
                              const regions::RegionRegistry& regions) {
    ConfigLoad result;
    toml::table doc;
    try {
        doc = toml::parse(toml_text, file_label);
    } catch (const toml::parse_error& e) {
        const auto& at = e.source().begin;
        result.problems.push_back(ConfigProblem{
            std::string(file_label), "", ProblemKind::Syntax,
            "line " + std::to_string(at.line) + ", column " + std::to_string(at.column) + ": " +
                std::string(e.description())});
        return result;
    }

    Reader r(file_label, result.problems);
    KioskConfig cfg;
    r.reject_unknown(doc, "", {"village", "language", "modules", "idle", "attract", "security", "library",
                              "province", "aspirations", "printer", "queue", "console", "sync", "board", "camera"});
    read_village(r, r.required_table(doc, "village", "village.code"), regions, cfg);
    if (const auto* t = r.table(doc, "", "language")) read_language(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "modules")) read_modules(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "idle")) read_idle(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "attract")) read_attract(r, *t, cfg);
    read_security(r, r.required_table(doc, "security", "security.admin_pin_hash"), cfg);
    if (const auto* t = r.table(doc, "", "library")) read_library(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "province")) read_province(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "aspirations")) read_aspirations(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "printer")) read_printer(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "camera")) read_camera(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "sync")) read_sync(r, *t, cfg);
    if (const auto* t = r.table(doc, "", "queue")) {
        auto loaded = queue::parse_queue_config(*t, file_label);
        for (auto& p : loaded.problems) result.problems.push_back(std::move(p));
        if (loaded.config) cfg.queue = std::move(*loaded.config);
    }
    if (const auto* t = r.table(doc, "", "console")) {
        auto loaded = queue::parse_console_config(*t, cfg.queue, file_label);
        for (auto& p : loaded.problems) result.problems.push_back(std::move(p));
        if (loaded.config) cfg.console = std::move(*loaded.config);
    }
    if (const auto* t = r.table(doc, "", "board")) {
        auto loaded = voice::parse_board_config(*t, file_label);
        for (auto& p : loaded.problems) result.problems.push_back(std::move(p));
        if (loaded.config) cfg.board = std::move(*loaded.config);
    }

    if (result.problems.empty()) result.config = std::move(cfg);
    return result;
}

ConfigLoad load_kiosk_config(const std::filesystem::path& file, const regions::RegionRegistry& regions) {
    const std::string label = file.string();
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        return ConfigLoad{std::nullopt, {ConfigProblem{label, "", ProblemKind::Unreadable, "is a directory"}}};
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return ConfigLoad{std::nullopt,
                          {ConfigProblem{label, "", ProblemKind::Unreadable, std::strerror(errno)}}};
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        return ConfigLoad{std::nullopt, {ConfigProblem{label, "", ProblemKind::Unreadable, "read error"}}};
    }
    return parse_kiosk_config(buffer.str(), label, regions);
}

}  // namespace desa::config
