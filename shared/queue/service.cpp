#include "queue/service.hpp"

#include <algorithm>
#include <cstdio>

namespace desa::queue {

bool is_open(const Service& s, Weekday day, int minute_of_day) {
    const auto& ranges = s.hours[static_cast<std::size_t>(day)];
    return std::any_of(ranges.begin(), ranges.end(), [&](const TimeRange& r) {
        return minute_of_day >= r.from_minute && minute_of_day < r.until_minute;
    });
}

bool serves(const Service& s, int counter) {
    return std::find(s.counters.begin(), s.counters.end(), counter) != s.counters.end();
}

bool valid_service_id(std::string_view id) {
    if (id.empty() || id.size() > 32) return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

const Service* find_service(const std::vector<Service>& services, std::string_view id) {
    for (const Service& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

namespace {

// "HH:MM" with 00..23 and 00..59, or "24:00" as an end of day.
std::optional<int> parse_clock(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0');
    const int m = (t[3] - '0') * 10 + (t[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<std::vector<TimeRange>> parse_opening_hours(std::string_view text) {
    text = trim(text);
    std::vector<TimeRange> out;
    if (text == "closed" || text == "tutup") return out;
    while (true) {
        const std::size_t comma = text.find(',');
        const std::string_view part = trim(text.substr(0, comma));
        const std::size_t dash = part.find('-');
        if (dash == std::string_view::npos) return std::nullopt;
        const auto from = parse_clock(trim(part.substr(0, dash)));
        const auto until = parse_clock(trim(part.substr(dash + 1)));
        if (!from || !until || *from >= *until || *from == 1440) return std::nullopt;
        if (!out.empty() && *from < out.back().until_minute) return std::nullopt;
        out.push_back(TimeRange{*from, *until});
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    return out;
}

std::string format_opening_hours(const std::vector<TimeRange>& ranges) {
    if (ranges.empty()) return "closed";
    std::string out;
    for (const TimeRange& r : ranges) {
        char part[32];
        std::snprintf(part, sizeof part, "%02d:%02d-%02d:%02d", r.from_minute / 60, r.from_minute % 60,
                      r.until_minute / 60, r.until_minute % 60);
        if (!out.empty()) out += ",";
        out += part;
    }
    return out;
}

}  // namespace desa::queue
