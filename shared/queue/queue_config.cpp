#include "queue/queue_config.hpp"

#include "config/toml_type_name.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace desa::queue {

namespace {

using config::ConfigProblem;
using config::ProblemKind;

constexpr std::array<std::string_view, 7> kDayKeys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::size_t count_chars(std::string_view utf8) {
    std::size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

// Collects problems with their full dotted key; every reader returns nullopt for absent or bad.
struct Problems {
    std::string file;
    std::vector<ConfigProblem>& list;

    void add(std::string key, ProblemKind kind, std::string detail = {}) {
        list.push_back(ConfigProblem{file, std::move(key), kind, std::move(detail)});
    }
    void wrong_type(std::string key, std::string_view expected, const toml::node& got) {
        add(std::move(key), ProblemKind::WrongType, "expected " + std::string(expected) + ", got " + config::toml_type_name(got.type()));
    }
    void reject_unknown(const toml::table& t, const std::string& prefix,
                        std::initializer_list<std::string_view> known) {
        for (const auto& [key, node] : t)
            if (std::find(known.begin(), known.end(), key.str()) == known.end())
                add(prefix + "." + std::string(key.str()), ProblemKind::UnknownKey);
    }
    std::optional<std::string> text(const toml::table& t, const std::string& prefix, std::string_view name,
                                    bool required, std::size_t min_chars, std::size_t max_chars) {
        const std::string key = prefix + "." + std::string(name);
        const toml::node* node = t.get(name);
        if (node == nullptr) {
            if (required) add(key, ProblemKind::Missing);
            return std::nullopt;
        }
        const auto* s = node->as_string();
        if (s == nullptr) {
            wrong_type(key, "string", *node);
            return std::nullopt;
        }
        const std::size_t n = count_chars(s->get());
        if (n < min_chars || n > max_chars) {
            add(key, ProblemKind::OutOfRange,
                std::to_string(min_chars) + ".." + std::to_string(max_chars) + " characters, got " + std::to_string(n));
            return std::nullopt;
        }
        return s->get();
    }
    std::optional<std::int64_t> integer(const toml::node& node, const std::string& key, std::int64_t min,
                                        std::int64_t max) {
        const auto* i = node.as_integer();
        if (i == nullptr) {
            wrong_type(key, "integer", node);
            return std::nullopt;
        }
        if (i->get() < min || i->get() > max) {
            add(key, ProblemKind::OutOfRange,
                "allowed " + std::to_string(min) + ".." + std::to_string(max) + ", got " + std::to_string(i->get()));
            return std::nullopt;
        }
        return i->get();
    }
};

void read_counters(Problems& p, const toml::table& t, const std::string& prefix, Service& s, bool& ok) {
    const std::string key = prefix + ".counters";
    const toml::node* node = t.get("counters");
    if (node == nullptr) {
        p.add(key, ProblemKind::Missing);
        ok = false;
        return;
    }
    const toml::array* list = node->as_array();
    if (list == nullptr) {
        p.wrong_type(key, "array of integers", *node);
        ok = false;
        return;
    }
    if (list->empty()) {
        p.add(key, ProblemKind::OutOfRange, "at least 1 counter");
        ok = false;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string item_key = key + "[" + std::to_string(i) + "]";
        const auto counter = p.integer(*list->get(i), item_key, 1, 99);
        if (!counter) {
            ok = false;
        } else if (serves(s, static_cast<int>(*counter))) {
            p.add(item_key, ProblemKind::Inconsistent, "counter " + std::to_string(*counter) + " is listed twice");
            ok = false;
        } else {
            s.counters.push_back(static_cast<int>(*counter));
        }
    }
}

void read_hours(Problems& p, const toml::table& t, const std::string& prefix, Service& s, bool& ok) {
    const std::string key = prefix + ".hours";
    const toml::node* node = t.get("hours");
    if (node == nullptr) {
        p.add(key, ProblemKind::Missing);
        ok = false;
        return;
    }
    const toml::table* hours = node->as_table();
    if (hours == nullptr) {
        p.wrong_type(key, "table of days (mon = \"08:00-15:00\")", *node);
        ok = false;
        return;
    }
    p.reject_unknown(*hours, key, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
    bool any_open = false, days_ok = true;
    for (std::size_t d = 0; d < kDayKeys.size(); ++d) {
        const auto text = p.text(*hours, key, kDayKeys[d], false, 0, 200);
        if (!text) {
            if (hours->get(kDayKeys[d]) != nullptr) days_ok = false;
            continue;
        }
        if (auto ranges = parse_opening_hours(*text)) {
            any_open = any_open || !ranges->empty();
            s.hours[d] = std::move(*ranges);
        } else {
            p.add(key + "." + std::string(kDayKeys[d]), ProblemKind::UnknownValue,
                  "\"" + *text +
                      "\"; expected \"closed\" or HH:MM-HH:MM ranges in order, e.g. \"08:00-12:00,13:00-15:00\"");
            days_ok = false;
        }
    }
    if (days_ok && !any_open) p.add(key, ProblemKind::Inconsistent, "the service is closed on every day");
    ok = ok && days_ok && any_open;
}

std::optional<Service> read_service(Problems& p, const toml::table& t, const std::string& prefix) {
    p.reject_unknown(t, prefix,
                     {"id", "name_id", "name_en", "prefix", "counters", "hours", "daily_quota", "priority_lane"});
    Service s;
    bool ok = true;
    if (auto id = p.text(t, prefix, "id", true, 1, 32)) {
        if (valid_service_id(*id)) {
            s.id = *id;
        } else {
            p.add(prefix + ".id", ProblemKind::UnknownValue, "\"" + *id + "\"; allowed: a-z, 0-9, _ and -");
            ok = false;
        }
    } else {
        ok = false;
    }
    if (auto v = p.text(t, prefix, "name_id", true, 1, 80))
        s.name_id = *v;
    else
        ok = false;
    if (auto v = p.text(t, prefix, "name_en", false, 0, 80))
        s.name_en = *v;
    else
        ok = ok && t.get("name_en") == nullptr;
    if (auto v = p.text(t, prefix, "prefix", true, 1, 1)) {
        if ((*v)[0] >= 'A' && (*v)[0] <= 'Z') {
            s.prefix = (*v)[0];
        } else {
            p.add(prefix + ".prefix", ProblemKind::UnknownValue, "\"" + *v + "\"; expected one letter A-Z");
            ok = false;
        }
    } else {
        ok = false;
    }
    read_counters(p, t, prefix, s, ok);
    read_hours(p, t, prefix, s, ok);
    if (const toml::node* n = t.get("daily_quota")) {
        if (auto v = p.integer(*n, prefix + ".daily_quota", 1, kMaxTicketsPerDay))
            s.daily_quota = static_cast<int>(*v);
        else
            ok = false;
    }
    if (const toml::node* n = t.get("priority_lane")) {
        if (const auto* b = n->as_boolean()) {
            s.priority_lane = b->get();
        } else {
            p.wrong_type(prefix + ".priority_lane", "boolean", *n);
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return s;
}

void read_timezone(Problems& p, const toml::table& queue, QueueConfig& cfg) {
    const auto zone = p.text(queue, "queue", "timezone", false, 0, 10);
    if (!zone) return;
    if (*zone == "WIB")
        cfg.utc_offset_s = kWibOffsetSeconds;
    else if (*zone == "WITA")
        cfg.utc_offset_s = kWitaOffsetSeconds;
    else if (*zone == "WIT")
        cfg.utc_offset_s = kWitOffsetSeconds;
    else
        p.add("queue.timezone", ProblemKind::UnknownValue, "\"" + *zone + "\"; allowed: WIB, WITA, WIT");
}

}  // namespace

QueueConfigLoad parse_queue_config(const toml::table& queue, std::string_view file_label) {
    QueueConfigLoad result;
    Problems p{std::string(file_label), result.problems};
    QueueConfig cfg;
    p.reject_unknown(queue, "queue", {"timezone", "service"});
    read_timezone(p, queue, cfg);

    const toml::node* node = queue.get("service");
    const toml::array* list = node != nullptr ? node->as_array() : nullptr;
    if (node == nullptr) {
        p.add("queue.service", ProblemKind::Missing, "at least one [[queue.service]]");
    } else if (list == nullptr || (!list->empty() && !list->is_array_of_tables())) {
        p.wrong_type("queue.service", "array of tables ([[queue.service]])", *node);
        list = nullptr;
    } else if (list->empty()) {
        p.add("queue.service", ProblemKind::OutOfRange, "at least one [[queue.service]]");
    }
    std::set<std::string> ids;
    std::set<char> prefixes;
    for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
        const std::string prefix = "queue.service[" + std::to_string(i) + "]";
        auto service = read_service(p, *list->get(i)->as_table(), prefix);
        if (!service) continue;
        // Duplicates are checked on services that are otherwise valid, so a problem is not doubled.
        if (!ids.insert(service->id).second) {
            p.add(prefix + ".id", ProblemKind::Inconsistent, "\"" + service->id + "\" is used by another service");
        } else if (!prefixes.insert(service->prefix).second) {
            p.add(prefix + ".prefix", ProblemKind::Inconsistent,
                  std::string("\"") + service->prefix + "\" is used by another service: ticket numbers would clash");
        } else {
            cfg.services.push_back(std::move(*service));
        }
    }
    if (result.problems.empty()) result.config = std::move(cfg);
    return result;
}

}  // namespace desa::queue
